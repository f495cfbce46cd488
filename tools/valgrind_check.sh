#!/bin/sh
# valgrind_check.sh - memcheck over the test corpus: the CLI (a non-sanitized
# build) extracts every page of examples/, tests/fixtures/ (HTML and WARC)
# and tests/corpus/ in each output format, with links and images kept, and
# valgrind must report no invalid access, no uninitialised use and no leak
# (definite or indirect). One valgrind run per format, all files at once.
#
# Usage: sh tools/valgrind_check.sh [path/to/winnow]   (default build/winnow)
# Exit: 0 clean, 1 errors found (the log is printed), 77 valgrind missing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-$root/build/winnow}
if ! command -v valgrind >/dev/null 2>&1; then
  echo "valgrind_check: SKIPPED: valgrind is not installed (apt-get install valgrind)"; exit 77
fi
if [ ! -x "$bin" ]; then echo "valgrind_check: no CLI at $bin (run make)"; exit 1; fi
if grep -q __asan_init "$bin" 2>/dev/null; then
  echo "valgrind_check: SKIPPED: $bin is built with AddressSanitizer (valgrind cannot run it)"; exit 77
fi
files=$(find "$root/examples" "$root/tests/fixtures" "$root/tests/corpus" -type f \
          \( -name '*.html' -o -name '*.htm' -o -name '*.warc' -o -name '*.warc.gz' \) | sort)
n=$(echo "$files" | wc -l)
log=${TMPDIR:-/tmp}/valgrind_check.$$.log
status=0
for fmt in text markdown json html; do
  # shellcheck disable=SC2086
  valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect \
      --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --track-origins=no \
      --log-file="$log" "$bin" -q -j 1 -f "$fmt" --links --images --url https://example.org/x/ \
      $files >/dev/null 2>&1
  rc=$?
  errs=$(grep -E "ERROR SUMMARY" "$log" | sed -E 's/.*ERROR SUMMARY: ([0-9]+).*/\1/')
  leaks=$(grep -E "definitely lost:" "$log" | sed -E 's/.*definitely lost: ([0-9,]+) bytes.*/\1/')
  echo "valgrind_check: -f $fmt over $n files: exit $rc, ${errs:-?} errors, ${leaks:-0} bytes definitely lost"
  if [ "$rc" = 99 ] || [ "${errs:-1}" != 0 ]; then cat "$log"; status=1; fi
done
rm -f "$log"
exit $status
