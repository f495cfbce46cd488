#!/usr/bin/env bash
# test_wn_features.sh - tools/wn_features.c (the training dump of the
# page-type features) computes what extraction computes: the page goes
# through clean and metadata first and the URL is the metadata's, so a
# canonical link that only the metadata stage finds (here in <body>) gives
# url_* features, and the dump's type is the CLI's.
set -u

src=${WN_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
dir=${WN_BINARY_DIR:-$src/build}
if [ ! -x "$dir/wn-features" ] || [ ! -x "$dir/winnow" ]; then
    echo "SKIPPED: wn-features or winnow not built in $dir"
    exit 77
fi
tmp=$(mktemp -d /tmp/wn_test_features.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
failures=0
check() { # name, condition result
    if [ "$2" = 0 ]; then echo "ok: $1"; else echo "FAILED: $1"; failures=$((failures + 1)); fi
}

printf '%s' '<html><head><title>Topic</title></head><body>' \
    '<link rel="canonical" href="https://example.com/forum/topic/123">' \
    '<h1>Topic</h1><p>A question about a bicycle chain that keeps slipping on the ' \
    'smallest sprocket after a wheel change, asked by a reader.</p></body></html>' >"$tmp/page.html"
"$dir/wn-features" "$tmp/page.html" >"$tmp/out.tsv" 2>"$tmp/err"
check "wn-features runs" $?
# column 2 is url_depth, the last the predicted type
depth=$(awk -F'\t' 'NR == 2 { print $2 }' "$tmp/out.tsv")
[ "$depth" = 3 ]
check "url_depth from the metadata's URL (3, got '$depth')" $?
dumped=$(awk -F'\t' 'NR == 2 { print $NF }' "$tmp/out.tsv")
cli=$("$dir/winnow" -f json "$tmp/page.html" | sed -n 's/.*"page_type":"\([a-z]*\)".*/\1/p')
[ -n "$dumped" ] && [ "$dumped" = "$cli" ]
check "the dump's type is the CLI's ('$dumped', '$cli')" $?

echo "$((3 - failures)) passed, $failures failed"
[ "$failures" = 0 ]
