#!/bin/sh
# Run every libFuzzer target, seeded from BUILD_DIR/fuzz-seeds/<target>/ (made
# by fuzz/make_seeds.py from the test fixtures), with its
# dictionary. Exit non-zero on any finding (the crashing input is left in
# BUILD_DIR as crash-*/leak-*/timeout-*; copy it to fuzz/regressions/).
#
# Usage: sh fuzz/run.sh BUILD_DIR [TARGET...]        (make fuzz does this)
# Time per target: FUZZ_SECONDS (default 60) for fuzz_parse, the issue's
# minute of decode+parse; the other targets get FUZZ_SECONDS_OTHER (default
# FUZZ_SECONDS * 3 / 4, i.e. 45 s) so four targets stay within 5 minutes.
# FUZZ_SECONDS_<target> (e.g. FUZZ_SECONDS_fuzz_warc=600) overrides one.
# Extra libFuzzer flags: FUZZ_FLAGS (e.g. "-jobs=1 -workers=1").
set -e
build=${1:-build-fuzz}
[ $# -gt 0 ] && shift
secs=${FUZZ_SECONDS:-60}
other=${FUZZ_SECONDS_OTHER:-$((secs * 3 / 4))}
# libFuzzer reads -max_total_time=0 as "no limit": a short run (FUZZ_SECONDS=1)
# must still end
[ "$other" -ge 1 ] || other=1
[ "$secs" -ge 1 ] || secs=1
here=$(cd "$(dirname "$0")" && pwd)
status=0
# Seeds are derived from the test fixtures (see make_seeds.py), made afresh.
/usr/bin/python3 "$here/make_seeds.py" "$build/fuzz-seeds" >/dev/null || exit 1

dict_for() {
  case $1 in
    fuzz_metadata) echo "$here/dict/json.dict" ;;
    fuzz_warc) echo "$here/dict/warc.dict" ;;
    fuzz_extract)
      cat "$here/dict/html.dict" "$here/dict/json.dict" >"$build/extract.dict"
      echo "$build/extract.dict" ;;
    *) echo "$here/dict/html.dict" ;;
  esac
}

if [ $# -gt 0 ]; then targets=$*; else
  targets=$(for b in "$build"/fuzz/fuzz_*; do [ -x "$b" ] && basename "$b"; done)
fi
for name in $targets; do
  bin="$build/fuzz/$name"
  [ -x "$bin" ] || { echo "fuzz: no $bin"; status=1; continue; }
  work="$build/fuzz-corpus/$name"
  mkdir -p "$work"
  t=$other
  [ "$name" = fuzz_parse ] && t=$secs
  t=$(eval echo "\${FUZZ_SECONDS_$name:-$t}")
  seeds="$build/fuzz-seeds/$name"
  [ -d "$seeds" ] || seeds=""
  echo "fuzz: $name for ${t}s"
  # shellcheck disable=SC2086
  if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
      "$bin" -max_total_time="$t" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -dict="$(dict_for "$name")" -artifact_prefix="$build/" -print_final_stats=1 \
      ${FUZZ_FLAGS:-} "$work" $seeds >"$build/$name.log" 2>&1; then
    echo "fuzz: $name FOUND A PROBLEM:"; tail -40 "$build/$name.log"; status=1
  else
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build/$name.log" | sed "s/^/fuzz: $name /"
    grep -E "^#[0-9]+.*(DONE|pulse|NEW)" "$build/$name.log" | tail -1 | sed "s/^/fuzz: $name final /"
  fi
done
exit $status
