#!/bin/bash
# test_generated.sh - the generated tables in src/ are what their generators
# in tools/ write today: each generator runs in a scratch copy of the tree
# and its output must equal the committed file byte for byte (a word added
# to a generator without regenerating, or a hand edit of a generated file,
# fails here). tools/gen_entities.py needs the HTML Standard's table from
# ../shared and is checked only when it is there. Run by ctest from tests/.
set -u
PY=/usr/bin/python3
SRC=${WN_SOURCE_DIR:-..}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/tools" "$tmp/src/score" "$tmp/src/clean" "$tmp/src/parse" "$tmp/src/decode"
cp "$SRC"/tools/*.py "$SRC"/tools/encodings.txt "$tmp/tools/"
# inputs some generators read besides their own lists
cp "$SRC/src/decode/labels.h" "$tmp/src/decode/"

fail=0
check() { # generator, generated files...
    local gen=$1
    shift
    if ! (cd "$tmp" && "$PY" "tools/$gen" >/dev/null 2>"$tmp/err"); then
        echo "FAIL: tools/$gen did not run:"
        cat "$tmp/err"
        fail=1
        return
    fi
    for f in "$@"; do
        if ! cmp -s "$tmp/$f" "$SRC/$f"; then
            echo "FAIL: $f differs from what tools/$gen writes (run: python3 tools/$gen)"
            diff "$SRC/$f" "$tmp/$f" | head -10
            fail=1
        else
            echo "ok: $f"
        fi
    done
}

check gen_classify_words.py src/score/classify_words.h
check gen_clean_words.py src/clean/clean_words.h
check gen_tags.py src/parse/tags.h src/parse/tags.c
check gen_encodings.py src/decode/labels.c

[ $fail -eq 0 ] && echo "PASS: generated tables are current"
exit $fail
