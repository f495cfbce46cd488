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
# The CLI is run in batches of pages: `winnow -f json -j 2 FILE...` writes one
# JSON object per input (JSON Lines, in input order); the JSON carries the
# text rendering ("text") and the metadata, and is split into the files the
# scorers read. Zyte predictions are the `-f text` rendering, taken per page.
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
# (in the inline script $0 is the CLI, $1 the output dir, $2 the page xargs appends)
ls "$SHARED"/datasets/zyte/html/*.html | xargs -P "$JOBS" -n 1 sh -c '
    "$0" -f text "$2" >"$1/$(basename "$2" .html).txt" 2>/dev/null || true' "$WINNOW" "$PRED/zyte"
echo "zyte: 181 pages through the CLI in $(($(date +%s) - start)) s"
"$PY" "$HERE/score_zyte.py" "$PRED/zyte" --gt "$SHARED/datasets/zyte/ground-truth.json"
echo

# WCXB: batches of 100 pages per `winnow -f json -j JOBS`, split into
# <id>.txt (the "text" member) and <id>.json.
start=$(date +%s)
ls "$SHARED"/datasets/wcxb-dev/html/*.html.gz >"$PRED/wcxb.list"
split -l 100 "$PRED/wcxb.list" "$PRED/wcxb.batch."
for batch in "$PRED"/wcxb.batch.*; do
    # shellcheck disable=SC2046
    "$WINNOW" -f json -j "$JOBS" $(cat "$batch") >"$batch.jsonl" 2>"$batch.err" || true
    "$PY" - "$batch" "$batch.jsonl" "$PRED/wcxb" <<'EOF' || true
import json, os, sys
batch, jsonl, out = sys.argv[1:4]
files = [l.strip() for l in open(batch) if l.strip()]
lines = [l for l in open(jsonl, encoding='utf-8', errors='replace') if l.strip()]
def pid(path):
    name = os.path.basename(path)
    for ext in ('.gz', '.html', '.htm'):
        if name.endswith(ext):
            name = name[: -len(ext)]
    return name
objs = []
for l in lines:
    try:
        objs.append(json.loads(l))
    except ValueError:
        objs.append(None)
# Match objects to inputs by a file/source member when the CLI gives one,
# else by order (the CLI keeps input order).
byname = {}
for o in objs:
    src = isinstance(o, dict) and (o.get('file') or o.get('source') or o.get('input') or o.get('path'))
    if src:
        byname[pid(src)] = o
if len(byname) < len(files) and len(objs) == len(files):
    byname = {pid(f): o for f, o in zip(files, objs)}
if len(byname) < len(files):
    print(f'accuracy.sh: {len(objs)} JSON lines for {len(files)} pages in {batch}; '
          'unmatched pages score as empty', file=sys.stderr)
for f in files:
    o = byname.get(pid(f))
    if not isinstance(o, dict):
        continue
    with open(os.path.join(out, pid(f) + '.txt'), 'w', encoding='utf-8') as fh:
        fh.write(o.get('text') or '')
    with open(os.path.join(out, pid(f) + '.json'), 'w', encoding='utf-8') as fh:
        json.dump(o, fh, ensure_ascii=False)
EOF
done
n=$(ls "$PRED/wcxb" | grep -c '\.txt$' || true)
echo "wcxb: $n of $(wc -l <"$PRED/wcxb.list") pages through the CLI in $(($(date +%s) - start)) s"
"$PY" "$HERE/score_wcxb.py" "$PRED/wcxb" --gt "$SHARED/datasets/wcxb-dev/ground-truth"
