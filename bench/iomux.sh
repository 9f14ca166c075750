#!/bin/sh
# select vs poll vs epoll: the Swift measurement (IOMux) beside a plain C build of the same
# loops and method, with the ratio per method and N (issue 6 asks Swift <= 1.25x C).
# Usage: bench/iomux.sh [--fds 10,100,1000,5000,10000] [--active K] [--rounds R]
set -eu
cd "$(dirname "$0")/.."
if ! log=$(swift build -c release --product IOMuxBench 2>&1); then
    echo "$log" >&2
    exit 1
fi
mkdir -p .build/bench
cc -O2 -Wall -pthread -o .build/bench/iomux_ref bench/iomux_ref.c
echo "machine: $(nproc) CPUs; $(lscpu | sed -n 's/^Model name: *//p')"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
exec "$(swift build -c release --show-bin-path)/IOMuxBench" --reference .build/bench/iomux_ref "$@"
