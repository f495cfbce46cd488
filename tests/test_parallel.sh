#!/bin/bash
# test_parallel.sh - past one machine (docs/SCALING.md): GNU parallel runs
# winnow over several WARC files with 2 jobs, one process per file, and the
# union of their outputs equals one winnow run over all the files; the same
# holds for the Hadoop Streaming shape (a WARC on stdin, JSON Lines on
# stdout). Run by ctest from tests/.
set -u
PY=/usr/bin/python3
WINNOW=${WINNOW:-${WN_BINARY_DIR:-../build}/winnow}
SRC=${WN_SOURCE_DIR:-..}
[ -x "$WINNOW" ] || { echo "SKIPPED: $WINNOW not built"; exit 77; }
command -v parallel >/dev/null ||
    { echo "FAIL: GNU parallel missing (Debian package parallel; tools/install-deps.sh installs it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # description, command...
    local what=$1
    shift
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fail=1; fi
}

# three WARC files from the fixture pages, with non-HTML records among them
pages=("$SRC"/tests/fixtures/cli/*.html "$SRC"/examples/*.html)
"$PY" "$SRC/tools/mkwarc.py" -o "$tmp/a.warc.gz" --non-html --base-url http://a.example/ "${pages[@]}" || exit 1
"$PY" "$SRC/tools/mkwarc.py" -o "$tmp/b.warc.gz" --base-url http://b.example/ "${pages[@]}" || exit 1
"$PY" "$SRC/tools/mkwarc.py" -o "$tmp/c.warc" --plain --base-url http://c.example/ "${pages[@]}" || exit 1
mkdir "$tmp/out"

# one process per file, two at a time (as in docs/SCALING.md)
check "parallel -j 2 over 3 WARC files" \
    parallel -j 2 "'$WINNOW' -q -j 1 --warc -f json {} > '$tmp/out/'{/.}.jsonl" ::: \
    "$tmp/a.warc.gz" "$tmp/b.warc.gz" "$tmp/c.warc"
# the Hadoop Streaming shape: stdin in, stdout out
for f in a.warc.gz b.warc.gz c.warc; do
    "$WINNOW" -q -j 1 --warc -f json - <"$tmp/$f" >"$tmp/out/stdin-$f.jsonl" || fail=1
done
# one run over all the files
check "single run over 3 WARC files" \
    "$WINNOW" -q -j 2 --warc -f json "$tmp/a.warc.gz" "$tmp/b.warc.gz" "$tmp/c.warc" -o "$tmp/single.jsonl"

"$PY" - "$tmp" <<'EOF' || fail=1
import json, sys, glob
tmp = sys.argv[1]
def lines(paths):
    out = []
    for p in paths:
        for l in open(p, encoding="utf-8"):
            d = json.loads(l)
            d.pop("input", None)   # a single run over several files names each one
            out.append(json.dumps(d, sort_keys=True))
    return sorted(out)
single = lines([tmp + "/single.jsonl"])
par = lines(sorted(glob.glob(tmp + "/out/[abc].*jsonl")))
stdin = lines(sorted(glob.glob(tmp + "/out/stdin-*.jsonl")))
ok = True
if not single:
    print("FAIL: the single run wrote nothing"); ok = False
if par != single:
    print("FAIL: parallel union differs from the single run: %d vs %d lines" % (len(par), len(single))); ok = False
if stdin != single:
    print("FAIL: stdin runs differ from the single run: %d vs %d lines" % (len(stdin), len(single))); ok = False
ids = [json.loads(l)["warc_record_id"] for l in single]
if len(set(ids)) != len(ids):
    print("FAIL: a record appears twice"); ok = False
print("%d records: single run, parallel union and stdin runs %s" % (len(single), "agree" if ok else "disagree"))
sys.exit(0 if ok else 1)
EOF
[ $fail -eq 0 ] && echo "PASS: test_parallel" || echo "FAIL: test_parallel"
exit $fail
