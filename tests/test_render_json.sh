#!/bin/bash
# test_render_json.sh - the JSON renderer's output parses as JSON (Python's
# strict parser): the golden outputs, and the JSON of hostile strings
# (control characters, U+2028/9, invalid UTF-8, quotes) written by
# test_render. Run by ctest from tests/.
set -u
PY=/usr/bin/python3
[ -x "$PY" ] || { echo "SKIPPED: $PY not found"; exit 77; }
BIN=${WN_BINARY_DIR:-../build}/test_render
[ -x "$BIN" ] || { echo "SKIPPED: $BIN not built"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
WN_JSON_DUMP="$tmp" "$BIN" || { echo "FAIL: test_render could not dump JSON"; exit 1; }
fail=0
n=0
for f in corpus/render/render_*.expected.json "$tmp"/*.json; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    if ! "$PY" -c '
import json, sys
raw = open(sys.argv[1], "rb").read()
text = raw.decode("utf-8")           # valid UTF-8 or this raises
if text.endswith("\n"):                # golden files end with a newline
    text = text[:-1]
obj = json.loads(text)
keys = ["url", "title", "authors", "date_published", "date_modified", "site_name",
        "section", "tags", "description", "language", "image", "page_type", "text"]
got = [k for k in obj if k not in ("markdown", "word_count")]
assert got == keys, got
assert list(obj)[-1] == "word_count" and isinstance(obj["word_count"], int)
for k, v in obj.items():
    assert v != "", "empty string for " + k
' "$f"; then
        echo "FAIL: $f"
        fail=1
    fi
done
[ "$n" -ge 5 ] || { echo "FAIL: only $n JSON files checked"; exit 1; }
echo "$n JSON outputs parse"
exit $fail
