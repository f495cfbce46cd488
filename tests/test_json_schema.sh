#!/bin/bash
# test_json_schema.sh - every JSON line the CLI writes validates against the
# schema documented in docs/json-schema.json (python3-jsonschema, draft
# 2020-12): one file, several files, a directory, --files-from, markdown in
# JSON, WARC records (good, non-HTML, a corrupt gzip member, a truncated last
# record) with --errors, and a missing file. A single input's line carries
# exactly the library's keys, in order. The schema itself must reject lines
# with a key missing, an unknown key, or a wrong type, so this test can fail.
# Run by ctest from tests/.
set -u
PY=/usr/bin/python3
WINNOW=${WINNOW:-${WN_BINARY_DIR:-../build}/winnow}
SRC=${WN_SOURCE_DIR:-..}
[ -x "$WINNOW" ] || { echo "SKIPPED: $WINNOW not built"; exit 77; }
"$PY" -c 'import jsonschema' 2>/dev/null ||
    { echo "FAIL: python3-jsonschema missing (tools/install-deps.sh installs it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

page=$SRC/examples/article.html
mkdir -p "$tmp/dir"
cp "$page" "$tmp/dir/a.html"
cp fixtures/cli/*.html "$tmp/dir/" 2>/dev/null
printf '%s\n' "$page" "$tmp/dir/a.html" >"$tmp/list"

# WARC inputs: the committed fixture, a copy with a corrupt member in the
# middle, and one cut short in its last record
"$PY" - "$SRC/tests/fixtures/warc/two-pages.warc.gz" "$tmp" <<'EOF' || exit 1
import sys, gzip, io
src, out = sys.argv[1], sys.argv[2]
raw = open(src, "rb").read()
# split into gzip members at their magic (the fixture's members are small)
starts = [i for i in range(len(raw) - 2) if raw[i:i + 3] == b"\x1f\x8b\x08"]
good = [raw[a:b] for a, b in zip(starts, starts[1:] + [len(raw)])
        if gzip.decompress(raw[a:b])]
mid = len(good) // 2
bad = bytearray(good[mid])
for k in range(12, min(len(bad) - 8, 60)):
    bad[k] ^= 0x5A
open(out + "/corrupt.warc.gz", "wb").write(b"".join(good[:mid]) + bytes(bad) + b"".join(good[mid + 1:]))
open(out + "/truncated.warc.gz", "wb").write(raw[:len(raw) - 40])
EOF

run() { # name, then winnow arguments
    local name=$1
    shift
    "$WINNOW" -q "$@" >"$tmp/$name.jsonl" 2>/dev/null
    [ -s "$tmp/$name.jsonl" ] || { echo "FAIL: $name: no output"; fail=1; }
}
fail=0
run one -f json "$page"
run several -f json "$page" "$tmp/dir/a.html"
run dir -f json "$tmp/dir"
run list -f json --files-from "$tmp/list"
run markdown -f json --markdown-in-json --links --images "$page"
run warc -f json --errors --warc "$SRC/tests/fixtures/warc/two-pages.warc.gz"
run corrupt -f json --errors --warc "$tmp/corrupt.warc.gz"
run truncated -f json --errors --warc "$tmp/truncated.warc.gz"
run missing -f json --errors "$page" "$tmp/no-such-file.html"

"$PY" - "$SRC/docs/json-schema.json" "$tmp" <<'EOF' || fail=1
import json, sys, glob, os
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
tmp = sys.argv[2]
keys = ["url", "title", "authors", "date_published", "date_modified", "site_name",
        "section", "tags", "description", "language", "image", "page_type", "text",
        "word_count"]
bad = 0
seen = {"document": 0, "error": 0, "warc": 0, "input": 0}
for path in sorted(glob.glob(tmp + "/*.jsonl")):
    name = os.path.basename(path)[:-6]
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        obj = json.loads(line)
        errs = sorted(v.iter_errors(obj), key=str)
        if errs:
            bad += 1
            print("FAIL: %s line %d: %s" % (name, n, errs[0].message))
        seen["error" if "error" in obj else "document"] += 1
        seen["warc"] += "warc_record_id" in obj
        seen["input"] += "input" in obj
        if name == "one" and list(obj) != keys:
            bad += 1
            print("FAIL: one input: keys %s" % list(obj))
        if name in ("several", "dir", "list") and "input" not in obj:
            bad += 1
            print("FAIL: %s: several inputs but no \"input\" key" % name)
        if name == "markdown" and list(obj) != keys[:-1] + ["markdown", "word_count"]:
            bad += 1
            print("FAIL: markdown: keys %s" % list(obj))
for what in ("document", "error", "warc", "input"):
    if not seen[what]:
        bad += 1
        print("FAIL: no %s line was produced, so none was checked" % what)
# the schema is strict: it rejects a key missing, an unknown key, a wrong type
doc = json.loads(open(tmp + "/one.jsonl").readline())
mutants = [dict(doc, extra=1), {k: doc[k] for k in doc if k != "title"},
           dict(doc, authors="A. Writer"), dict(doc, page_type="blog"),
           dict(doc, word_count="12"), {"input": "x", "error": "e"}]
for m in mutants:
    if v.is_valid(m):
        bad += 1
        print("FAIL: the schema accepts a wrong line: %s" % sorted(m)[:4])
print("json schema: %d document and %d error lines checked, %d problems"
      % (seen["document"], seen["error"], bad))
sys.exit(1 if bad else 0)
EOF
[ $fail -eq 0 ] && echo "PASS: test_json_schema" || echo "FAIL: test_json_schema"
exit $fail
