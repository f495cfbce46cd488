#!/bin/sh
# accuracy.sh - `make bench-accuracy`: run the winnow CLI over the Zyte and
# WCXB pages and print our scorers' figures (bench/score_zyte.py,
# bench/score_wcxb.py).
#
#   WN_SHARED=../shared sh bench/accuracy.sh [BUILD_DIR] [PRED_ROOT]
#
# BUILD_DIR holds the `winnow` CLI (default build). Predictions go to
# PRED_ROOT/zyte/<id>.txt and PRED_ROOT/wcxb/<id>.{txt,json} (default
# /tmp/winnow-accuracy), so they can be inspected or rescored.
#
# Zyte predictions are the `-f text` rendering, one CLI run per page (JOBS at
# a time). WCXB runs as one CLI process over all pages with -f json (JSON
# Lines in input order: the text rendering as "text" plus the metadata),
# split into the files the scorers read.
# WINNOW_ARGS adds CLI options to every run (WINNOW_ARGS=--precision,
# WINNOW_ARGS=--recall for the modes).
# Exits 77 when the datasets are missing.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD=${1:-$ROOT/build}
PRED=${2:-/tmp/winnow-accuracy}
SHARED=${WN_SHARED:-$ROOT/../shared}
WINNOW=$BUILD/winnow
PY=/usr/bin/python3
JOBS=${JOBS:-2}
ARGS=${WINNOW_ARGS:-}
if [ ! -d "$SHARED/datasets/zyte/html" ] || [ ! -d "$SHARED/datasets/wcxb-dev/html" ]; then
    echo "accuracy.sh: datasets not found under $SHARED (set WN_SHARED); skipped" >&2
    exit 77
fi
if [ ! -x "$WINNOW" ]; then
    echo "accuracy.sh: $WINNOW not built" >&2
    exit 1
fi
rm -rf "$PRED/zyte" "$PRED/wcxb"
mkdir -p "$PRED/zyte" "$PRED/wcxb"

# Zyte: one `winnow -f text PAGE` per page, JOBS at a time.
start=$(date +%s)
# (in the inline script $0 is the CLI, $1 the output dir, $3 the extra options, $4 the page
# xargs appends)
ls "$SHARED"/datasets/zyte/html/*.html | xargs -P "$JOBS" -n 1 sh -c '
    "$0" $3 -f text "$4" >"$1/$(basename "$4" .html).txt" 2>/dev/null || true' "$WINNOW" "$PRED/zyte" unused "$ARGS"
echo "zyte: 181 pages through the CLI in $(($(date +%s) - start)) s"
"$PY" "$HERE/score_zyte.py" "$PRED/zyte" --gt "$SHARED/datasets/zyte/ground-truth.json"
echo

# WCXB: one `winnow -f json --errors -j JOBS --files-from LIST` over every
# page: JSON Lines in input order, one line per input (an "error" line for a
# page that failed), split into <id>.txt (the "text" member) and <id>.json.
start=$(date +%s)
ls "$SHARED"/datasets/wcxb-dev/html/*.html.gz >"$PRED/wcxb.list"
"$WINNOW" $ARGS -f json --errors -q -j "$JOBS" --files-from "$PRED/wcxb.list" \
    >"$PRED/wcxb.jsonl" 2>"$PRED/wcxb.err" || true
"$PY" - "$PRED/wcxb.list" "$PRED/wcxb.jsonl" "$PRED/wcxb" <<'EOF'
import json, os, sys
listfile, jsonl, out = sys.argv[1:4]
files = [l.strip() for l in open(listfile) if l.strip()]
lines = [l for l in open(jsonl, encoding='utf-8', errors='replace') if l.strip()]
if len(lines) != len(files):
    sys.exit(f'accuracy.sh: {len(lines)} JSON lines for {len(files)} pages: cannot pair them')
failed = 0
for path, line in zip(files, lines):
    pid = os.path.basename(path)[: -len('.html.gz')]
    try:
        o = json.loads(line)
    except ValueError:
        o = None
    if not isinstance(o, dict) or 'error' in o:
        failed += 1
        continue
    with open(os.path.join(out, pid + '.txt'), 'w', encoding='utf-8') as fh:
        fh.write(o.get('text') or '')
    with open(os.path.join(out, pid + '.json'), 'w', encoding='utf-8') as fh:
        json.dump(o, fh, ensure_ascii=False)
if failed:
    print(f'wcxb: {failed} pages failed in the CLI (scored as empty)')
EOF
n=$(ls "$PRED/wcxb" | grep -c '\.txt$' || true)
echo "wcxb: $n of $(wc -l <"$PRED/wcxb.list") pages through the CLI in $(($(date +%s) - start)) s"
"$PY" "$HERE/score_wcxb.py" "$PRED/wcxb" --gt "$SHARED/datasets/wcxb-dev/ground-truth"
