#!/bin/sh
# test_valgrind.sh - tools/valgrind_check.sh as a ctest: memcheck over the
# test corpus through the CLI. Skips (77) when valgrind is missing or the CLI
# is a sanitizer build (make asan).
exec sh "${WN_SOURCE_DIR:-..}/tools/valgrind_check.sh" "${WINNOW:-../build/winnow}"
