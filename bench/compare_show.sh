#!/usr/bin/env bash
# Output identity of `nettutor show` between two binaries: compare_show.sh OLD NEW
#
# Every lesson in Lessons/ at widths 80, 200, 33 and 12; the 2 MB bench file at 80, 200,
# 33 and 12; the hostile corpus lessons, the fuzz regression inputs and a generated file of
# CJK, tabs, CRLF, control bytes, bidi controls, combining marks, emoji, ESC sequences and
# invalid UTF-8 at every width from 80 down to 1 (and 60 copies of it, which `show` lays
# out on two threads, at a few widths); a long line, deep nesting and a wide table at a
# few widths. Each case is run with --color never and --color always, and
# stdout, stderr and the exit status must be the same bytes. Prints the differing cases
# and exits 1 if there is any.
set -u
if [ $# -ne 2 ]; then
    echo "usage: $0 OLD-BINARY NEW-BINARY" >&2
    exit 2
fi
old=$(realpath "$1")
new=$(realpath "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cases=0
diffs=0

# show_both DIR ID WIDTH...: one case per width and color mode.
show_both() {
    local dir=$1 id=$2
    shift 2
    local w c
    for w in "$@"; do
        for c in never always; do
            cases=$((cases + 1))
            "$old" --state-dir "$work/state" --lessons "$dir" show "$id" --width "$w" --color "$c" >"$work/a.out" 2>"$work/a.err"
            echo "exit $?" >>"$work/a.err"
            "$new" --state-dir "$work/state" --lessons "$dir" show "$id" --width "$w" --color "$c" >"$work/b.out" 2>"$work/b.err"
            echo "exit $?" >>"$work/b.err"
            if ! cmp -s "$work/a.out" "$work/b.out" || ! cmp -s "$work/a.err" "$work/b.err"; then
                diffs=$((diffs + 1))
                echo "DIFFERS: --lessons $dir show $id --width $w --color $c"
                if [ "$diffs" -le 3 ]; then
                    diff <(cat -v "$work/a.out" "$work/a.err") <(cat -v "$work/b.out" "$work/b.err") | head -8
                fi
            fi
        done
    done
}

# ids DIR: the lesson ids the old binary lists for a directory.
ids() {
    "$old" --state-dir "$work/state" --lessons "$1" list | awk '{ print $1 }'
}

# wrap FILE DIR: FILE's bytes as the body of a lesson `x` (its own front matter, if any,
# stays as text), so inputs without usable front matter are shown too.
wrap() {
    mkdir -p "$2"
    { printf -- '---\nid: x\ntitle: x\nsummary: x\norder: 1\nminutes: 1\n---\n'; cat "$1"; } >"$2/x.md"
}

all_widths=$(seq 80 -1 1)

echo "== lessons"
for id in $(ids "$root/Lessons"); do show_both "$root/Lessons" "$id" 80 200 33 12; done

echo "== 2 MB bench file"
big=$(cd "$root/bench" && python3 -c "import tutor_bench; print(tutor_bench.make_big_markdown('$root/Lessons', '$work/big', 2.0))")
show_both "$(dirname "$big")" big 80 200 33 12

echo "== hostile corpus lessons"
corpus="$root/Tests/ReliabilityTests/Corpus/lessons"
for id in $(ids "$corpus"); do show_both "$corpus" "$id" $all_widths; done

echo "== every corpus file and fuzz regression as a lesson body"
n=0
for f in "$corpus"/*.md "$root"/Tests/ReliabilityTests/Corpus/fuzz-regressions/markdown/*; do
    n=$((n + 1))
    wrap "$f" "$work/wrapped$n"
    show_both "$work/wrapped$n" x $all_widths
done

echo "== generated hostile text"
mkdir -p "$work/gen"
python3 - "$work/gen/x.md" <<'EOF'
import sys
parts = [
    b"---\nid: x\ntitle: x\nsummary: x\norder: 1\nminutes: 1\n---\n",
    "# 見出し 表格 🚀 Ünïcödé e\u0301 👩‍👩‍👧 🇫🇷\n\n".encode(),
    ("日本語の文章です。句読点、括弧（テスト）と「引用」が続きます。" * 6 + "\n\n").encode(),
    "Mixed ASCII and 中文字符 with **bold 粗体** and *斜体 italic* and `code 代码` text. ".encode() * 5 + b"\n\n",
    b"Tabs\there\tand\tthere, a CR\rin the middle, a NUL \x00, BEL \x07, ESC \x1b[31mred\x1b[0m, OSC \x1b]0;title\x07 end.\n\n",
    b"CRLF line one\r\nCRLF line two\r\n\r\nInvalid UTF-8: \xff\xfe \xc3\x28 \xe2\x82 \xf0\x9f\x98 and C1 \xc2\x9b2J \xc2\x85 DEL \x7f.\n\n",
    "Bidi \u202eevil\u202c \u2066iso\u2069 \u200e\u200f \u061c marks; zero width \u200b\u200d joiners; combining a\u0300\u0301\u0302 o\u0308.\n\n".encode(),
    "Emoji 👍🏽 ❤️ ☺︎ 1️⃣ 🏳️‍🌈 and wide ＡＢＣ full-width, halfwidth ｱｲｳ.\n\n".encode(),
    b"A very long word: " + b"x" * 300 + b" then " + "长".encode() * 120 + b" end.\n\n",
    b"Entities: &#27;[2J &#x9b; &#0; &amp; &lt;b&gt; and [a link](https://example.com/\x1b[31m) <https://example.org>.\n\n",
    b"- item one \x1b[1m\n  - nested \xe2\x80\xae two\n    1. ordered\tthree\n- [x] task \xc2\x9b\n- [ ] open task \xe4\xb8\xad\n\n",
    b"> quote \x1b]8;;http://x\x07link\x1b]8;;\x07\n> > nested quote \xf0\x9f\x9a\x80\n\n",
    "| 列 | col \u202e | e\u0301 |\n|---|:---:|--:|\n| 表格内容很长很长 | \x1b[2J | 👩‍👩‍👧 |\n| a\tb | `x|y` | ＡＢ |\n\n".encode(),
    b"```c\nint main(void) {\n\tprintf(\"\\x1b[2J\x1b[2J\");\t// \xe4\xb8\xad\xe6\x96\x87\n\treturn 0x1F;\r\n}\n```\n\n",
    b"```text\n\xe2\x94\x8c\xe2\x94\x80\xe2\x94\x90 diagram\t\xe2\x86\x92 \x1b[7m\n\xe2\x94\x94\xe2\x94\x80\xe2\x94\x98 " + "字".encode() * 50 + b"\n```\n\n",
    b"```quiz\n- q: \"What? \\e[31m\"\n  type: single\n  choices: [\"a\x1b\", \"\xe4\xb8\xad\"]\n  answer: 0\n```\n\n",
    b"```demo\ntcp\n```\n\n---\n\n#### Level four \x1b heading\n\n###### Six \xe2\x80\xae\n\n<div>html \x1b[2J</div>\n\n![alt \x1b](img.png)\n",
]
open(sys.argv[1], "wb").write(b"".join(parts))
EOF
show_both "$work/gen" x $all_widths

echo "== generated hostile text, 60 times (enough top-level blocks for show's two threads)"
mkdir -p "$work/gen60"
{ cat "$work/gen/x.md"; for _ in $(seq 59); do sed '1,/^---$/d' "$work/gen/x.md"; done; } >"$work/gen60/x.md"
show_both "$work/gen60" x 80 33 12 5

echo "== long line, deep nesting, wide table"
mkdir -p "$work/gen2"
python3 - "$work/gen2/x.md" <<'EOF'
import sys
head = "---\nid: x\ntitle: x\nsummary: x\norder: 1\nminutes: 1\n---\n"
long_line = ("word " * 2000 + "\n\n") + ("中" * 3000 + "\n\n")
lists = "".join("  " * i + "- level %d\n" % i for i in range(60)) + "\n"
quotes = "> " * 60 + "deep quote\n\n"
table = "|" + "|".join("c%d" % i for i in range(120)) + "|\n|" + "---|" * 120 + "\n|" + "|".join("v" * (i % 7 + 1) for i in range(120)) + "|\n"
open(sys.argv[1], "w").write(head + long_line + lists + quotes + table)
EOF
show_both "$work/gen2" x 200 80 33 12 5 1

echo "$cases cases, $diffs differing"
[ "$diffs" -eq 0 ]
