#!/bin/sh
# compare.sh - winnow against the extractors people use today, side by side:
# accuracy (our scorers, bench/score_*.py), speed and peak memory on the Zyte
# and WCXB datasets.
#
#   sh bench/compare.sh [--build DIR] [--limit N] [--datasets zyte,wcxb]
#                       [--tools winnow,readability,...] [--work DIR]
#
#   --build DIR   winnow build with -DWN_BENCH=ON (default build-bench); winnow
#                 runs as bench/bench_corpus from it
#   --limit N     an evenly spaced sample of N pages per dataset (peers are
#                 slow: the JS ones manage a few pages a second)
#   --tools LIST  default: all of winnow readability defuddle readability-lxml
#                 boilerpipe html2text strip-tags (readability-linkedom too on request)
#   --work DIR    where predictions go (default /tmp/winnow-compare)
#   --core N      the core to pin every tool to (default the last one); two
#                 runs with different --tools, --core and --work can share
#                 the table
#
# Every tool runs in one long-lived process that takes the pages one at a time
# (read, extract, write, drop) and times only the extraction (CPU time of the
# process: the machine is shared), pinned to one core (taskset). Peak RSS
# comes from /usr/bin/time: the runtime (V8, JVM, CPython) plus the largest
# page's working set.
# Each run updates the rows of the tools it ran in bench/results/compare.tsv
# (keyed by dataset and tool, dated) and regenerates bench/results/compare.md
# and compare.png from that table. Speeds measured in different runs are only
# roughly comparable (the machine is shared): re-run all tools for final figures.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SHARED=${WN_SHARED:-$ROOT/../shared}
BUILD=$ROOT/build-bench
LIMIT=0
DATASETS=zyte,wcxb
TOOLS=winnow,readability,defuddle,readability-lxml,boilerpipe,html2text,strip-tags
WORK=/tmp/winnow-compare
CORE=""
while [ $# -gt 0 ]; do
    case "$1" in
        --build) BUILD=$(cd "$2" && pwd); shift 2 ;;
        --limit) LIMIT=$2; shift 2 ;;
        --datasets) DATASETS=$2; shift 2 ;;
        --tools) TOOLS=$2; shift 2 ;;
        --work) WORK=$2; shift 2 ;;
        --core) CORE=$2; shift 2 ;;
        *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
PY=/usr/bin/python3
RESULTS=$HERE/results
mkdir -p "$WORK" "$RESULTS"
if [ ! -d "$SHARED/datasets/zyte" ]; then
    echo "compare.sh: datasets not found under $SHARED (set WN_SHARED)" >&2
    exit 77
fi
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c ${CORE:-$(($(nproc) - 1))}"
BP_CP=/usr/share/java/boilerpipe.jar:/usr/share/java/nekohtml.jar:/usr/share/java/xercesImpl.jar

# The page list of a dataset: all pages, or N evenly spaced ones.
pages() {
    case "$1" in
        zyte) ls "$SHARED"/datasets/zyte/html/*.html ;;
        wcxb) ls "$SHARED"/datasets/wcxb-dev/html/*.html.gz ;;
    esac | awk -v n="$LIMIT" '{ f[NR] = $0 } END {
        if (n <= 0 || n >= NR) { for (i = 1; i <= NR; i++) print f[i]; exit }
        for (i = 0; i < n; i++) print f[int(i * NR / n) + 1] }'
}

# Run one tool over one dataset: prints the tool's statistics line; its peak
# RSS (kB) goes to $WORK/$ds.$tool.rss. Runners take "@LISTFILE" for the pages.
run_tool() { # tool listfile outdir
    tool=$1; list=$2; out=$3
    TIME="/usr/bin/time -f %M -o $WORK/$ds.$tool.rss"
    rm -rf "$out"; mkdir -p "$out"
    case "$tool" in
        winnow)
            if [ ! -x "$BUILD/bench/bench_corpus" ]; then
                echo "compare.sh: $BUILD/bench/bench_corpus not built (make bench-compare builds it)" >&2
                return 1
            fi
            $TIME $PIN "$BUILD/bench/bench_corpus" -o "$out" "@$list" ;;
        readability|readability-linkedom|defuddle)
            if [ ! -d "$HERE/peers/node_modules" ]; then
                (cd "$HERE/peers" && npm ci --no-audit --no-fund >/dev/null)
            fi
            $TIME $PIN node --max-old-space-size=12288 "$HERE/peers/run_js.mjs" "$tool" "$out" "@$list" ;;
        readability-lxml|html2text|strip-tags)
            $TIME $PIN "$PY" "$HERE/peers/run_py.py" "$tool" "$out" "@$list" ;;
        boilerpipe)
            if [ ! -f /usr/share/java/boilerpipe.jar ] || ! command -v javac >/dev/null; then
                echo "compare.sh: boilerpipe needs Debian libboilerpipe-java and a JDK" >&2
                return 1
            fi
            mkdir -p "$WORK/java"
            javac -nowarn -d "$WORK/java" -cp "$BP_CP" "$HERE/peers/BoilerpipeRun.java"
            $TIME $PIN java -Xss64m -cp "$WORK/java:$BP_CP" BoilerpipeRun "$out" "@$list" ;;
        *) echo "compare.sh: unknown tool $tool" >&2; return 1 ;;
    esac
}

echo "compare.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), tools $TOOLS, datasets $DATASETS, limit ${LIMIT:-0}"
for ds in $(echo "$DATASETS" | tr ',' ' '); do
    list=$WORK/$ds.list
    pages "$ds" >"$list"
    n=$(wc -l <"$list")
    for tool in $(echo "$TOOLS" | tr ',' ' '); do
        out=$WORK/$ds/$tool
        printf '%-22s %-5s %5d pages ... ' "$tool" "$ds" "$n"
        if run_tool "$tool" "$list" "$out" >"$WORK/$ds.$tool.stats" 2>"$WORK/$ds.$tool.err"; then :; else
            echo "FAILED (see $WORK/$ds.$tool.err)"; continue
        fi
        if [ "$ds" = zyte ]; then
            "$PY" "$HERE/score_zyte.py" "$out" --gt "$SHARED/datasets/zyte/ground-truth.json" \
                --json "$WORK/$ds.$tool.score" --only "$list" >/dev/null
        else
            "$PY" "$HERE/score_wcxb.py" "$out" --gt "$SHARED/datasets/wcxb-dev/ground-truth" \
                --json "$WORK/$ds.$tool.score" --only "$list" >/dev/null
        fi
        "$PY" "$HERE/compare_table.py" add "$RESULTS/compare.tsv" "$ds" "$tool" "$n" \
            "$WORK/$ds.$tool.stats" "$WORK/$ds.$tool.score" "$WORK/$ds.$tool.rss" "$LIMIT"
    done
done
"$PY" "$HERE/compare_table.py" render "$RESULTS/compare.tsv" "$RESULTS/compare.md" \
    "$RESULTS/compare.dat"
if command -v gnuplot >/dev/null; then
    titles=$(sed -n 's/^# dataset //p' "$RESULTS/compare.dat" | tr '\n' ' ')
    gnuplot -e "datafile='$RESULTS/compare.dat'; outfile='$RESULTS/compare.png'; titles='$titles'" \
        "$HERE/compare.gp" && echo "wrote $RESULTS/compare.png"
fi
cat "$RESULTS/compare.md"
