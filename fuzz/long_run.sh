#!/bin/sh
# Long fuzzing: run targets one after another, each for SECONDS, one job
# each (the machine's other cores stay free), keeping a corpus that grows
# across runs in BUILD/long-corpus/<target>. libFuzzer stops at the first
# finding; the crashing input is BUILD/long-<target>-crash-*; the last
# lines of BUILD/long-<target>.log carry the final stats (cov, ft, execs).
#
# The per-input timeout is 30 s of wall time: never stop (SIGSTOP) a running
# fuzzer, the stopped time counts and ends the run with a false "timeout".
#
# Usage: sh fuzz/long_run.sh BUILD SECONDS TARGET...
#   e.g. nohup sh fuzz/long_run.sh build-fuzz 14400 fuzz_extract &   (4 hours)
build=$1
secs=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
# seeds are made once per build (several long_run.sh may start at once, one
# per target: the lock keeps them from rebuilding the folder under each other)
mkdir -p "$build"
(
  flock 9
  [ -f "$build/fuzz-seeds/.made" ] && exit 0
  /usr/bin/python3 "$here/make_seeds.py" "$build/fuzz-seeds" >/dev/null && touch "$build/fuzz-seeds/.made"
) 9>"$build/.fuzz-seeds.lock" || exit 1
for name in "$@"; do
  corpus="$build/long-corpus/$name"
  mkdir -p "$corpus"
  case $name in
    fuzz_metadata) dict="$here/dict/json.dict" ;;
    fuzz_warc) dict="$here/dict/warc.dict" ;;
    fuzz_extract) cat "$here/dict/html.dict" "$here/dict/json.dict" >"$build/extract.dict"
                  dict="$build/extract.dict" ;;
    *) dict="$here/dict/html.dict" ;;
  esac
  echo "long_run: $name for ${secs}s from $(date -u +%H:%M:%S)"
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/fuzz/$name" -max_total_time="$secs" -max_len=65536 -timeout=30 -rss_limit_mb=2048 \
    -dict="$dict" -artifact_prefix="$build/long-$name-" -print_final_stats=1 \
    "$corpus" "$build/fuzz-seeds/$name" >"$build/long-$name.log" 2>&1
  echo "long_run: $name exit $? at $(date -u +%H:%M:%S)"
  grep -E "DONE|^stat::number_of_executed_units" "$build/long-$name.log" | tail -2
done
