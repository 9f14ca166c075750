# nettutor: `make run` opens the tutor, `make test` runs every test, `make bench` measures
# it beside less, lowdown and cmark-gfm (BENCHMARKS.md). Each first installs the Debian
# packages it needs when they are missing.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_DEPS := libncurses-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
TEST_DEPS := tmux
BENCH_DEPS := less lowdown cmark-gfm
# The Swift runtime and Foundation linked in statically: start-up no longer resolves
# thousands of symbols across a dozen shared libraries (see BENCHMARKS.md). Linked with
# the toolchain's lld: gold prints a warning about mktemp inside the static Foundation.
RELEASE := -c release --static-swift-stdlib -Xswiftc -use-ld=lld

.PHONY: all deps test-deps bench-deps build run test lint bench clean fuzz fuzz-build

all: build

# Install only what is absent: `dpkg -s` answers without touching the network.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call apt_install,$(BUILD_DEPS))

test-deps: deps
	$(call apt_install,$(TEST_DEPS))

bench-deps: deps
	$(call apt_install,$(BENCH_DEPS))

build: deps
	$(SWIFT) build $(RELEASE) --product nettutor

run: build
	.build/release/nettutor

test: test-deps
	$(SWIFT) build
	$(SWIFT) test
	.build/debug/nettutor lint Lessons

lint: deps
	$(SWIFT) build
	.build/debug/nettutor lint Lessons

# Not part of `make test`: timings need a quiet machine. BENCH_ARGS passes options to the
# harness, e.g. `make bench BENCH_ARGS="--runs 11 --only frame"`.
bench: bench-deps
	$(SWIFT) build $(RELEASE) --product nettutor
	python3 bench/tutor_bench.py --nettutor .build/release/nettutor $(BENCH_ARGS)
	bench/iomux.sh

clean:
	rm -rf .build

# Fuzzing (not part of `make test`): libFuzzer targets built on their own scratch path.
# Each target runs FUZZ_SECONDS (default 300) on a working copy of the seed corpus;
# crash inputs land in fuzz-artifacts/ (copy them to Tests/ReliabilityTests/Corpus/fuzz-regressions/).
FUZZ_SECONDS ?= 300
FUZZ_MAX_LEN ?= 8192
FUZZ_TARGETS ?= FuzzMarkdown FuzzQuiz
FUZZ_FLAGS := --scratch-path .build-fuzz -c release -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -use-ld=lld

fuzz-build: deps
	for t in $(FUZZ_TARGETS); do $(SWIFT) build $(FUZZ_FLAGS) --product $$t || exit 1; done

fuzz: fuzz-build
	@mkdir -p fuzz-artifacts
	@for t in $(FUZZ_TARGETS); do \
		case $$t in FuzzMarkdown) seed=markdown;; FuzzQuiz) seed=quiz;; esac; \
		work=.build-fuzz/corpus/$$seed; mkdir -p $$work; \
		echo "== $$t for $(FUZZ_SECONDS) s (corpus $$work, seeds Fuzz/corpus/$$seed)"; \
		SWIFT_BACKTRACE=enable=no .build-fuzz/release/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=$(FUZZ_MAX_LEN) \
			-artifact_prefix=fuzz-artifacts/$$t- -print_final_stats=1 \
			$$work Fuzz/corpus/$$seed Tests/ReliabilityTests/Corpus/fuzz-regressions/$$seed || exit 1; \
	done
