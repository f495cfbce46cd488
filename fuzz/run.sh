#!/bin/sh
# Run every libFuzzer target for FUZZ_SECONDS each (default 60), seeded from
# the test fixtures, with the HTML dictionary. Exit non-zero on any finding.
# Usage: sh fuzz/run.sh BUILD_DIR        (make fuzz does this)
set -e
build=${1:-build-fuzz}
secs=${FUZZ_SECONDS:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
status=0
for bin in "$build"/fuzz/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin")
  work="$build/fuzz-corpus/$name"
  mkdir -p "$work"
  seeds="$root/fuzz/seeds"
  dict="$root/fuzz/dict/html.dict"
  echo "fuzz: $name for ${secs}s"
  if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
      "$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -dict="$dict" -artifact_prefix="$build/" -print_final_stats=1 "$work" "$seeds" \
      >"$build/$name.log" 2>&1; then
    echo "fuzz: $name FOUND A PROBLEM:"; tail -40 "$build/$name.log"; status=1
  else
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build/$name.log" | sed "s/^/fuzz: $name /"
  fi
done
exit $status
