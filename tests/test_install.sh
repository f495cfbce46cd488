#!/bin/sh
# test_install.sh - `cmake --install` into a temporary prefix, then build a
# small program against the installed library through pkg-config (static and
# shared) and run it on a page.
set -eu
build=${WN_BINARY_DIR:?}
src=${WN_SOURCE_DIR:?}
command -v pkg-config >/dev/null || { echo "SKIPPED: pkg-config not installed"; exit 77; }
# A sanitizer build installs instrumented libraries that plain programs cannot link.
if grep -q "^WN_SANITIZE:BOOL=ON" "$build/CMakeCache.txt" 2>/dev/null; then
  echo "SKIPPED: sanitizer build (the installed library is instrumented)"; exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
libdir=$(ls -d "$tmp"/prefix/lib*/ | head -n 1)
export PKG_CONFIG_PATH="$libdir/pkgconfig"
test -f "$tmp/prefix/include/winnow.h"
ls "$libdir"/libwinnow.so.0* >/dev/null
cat >"$tmp/hello.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <winnow.h>
int main(void) {
    const char *html = "<html><head><title>Installed</title></head><body><article><h1>Installed</h1>"
        "<p>The installed library extracts this paragraph, which is long enough to count as the body of a page.</p>"
        "<p>And a second paragraph follows it, so that the article has some weight to it.</p></article></body></html>";
    wn_result *r; wn_error err; wn_str text;
    if (wn_extract(html, strlen(html), NULL, &r, &err) != WN_OK) { fprintf(stderr, "%s\n", err.message); return 1; }
    if (wn_result_render(r, WN_FORMAT_TEXT, &text, &err) != WN_OK) return 1;
    printf("%s %s\n", wn_version(), text.ptr);
    wn_result_free(r);
    return 0;
}
C
# shared
cc -o "$tmp/hello" "$tmp/hello.c" $(pkg-config --cflags --libs winnow)
out=$(LD_LIBRARY_PATH="$libdir" "$tmp/hello")
echo "$out" | grep -q "extracts this paragraph" || { echo "FAIL: shared: $out"; exit 1; }
# static
cc -o "$tmp/hello-static" "$tmp/hello.c" $(pkg-config --cflags winnow) "$libdir/libwinnow.a" \
   $(pkg-config --libs-only-l --static winnow | sed 's/-lwinnow//')
out=$("$tmp/hello-static")
echo "$out" | grep -q "extracts this paragraph" || { echo "FAIL: static: $out"; exit 1; }
echo "1 passed, 0 failed"
