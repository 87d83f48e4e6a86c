#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# a bounded time from a copy of its committed seed corpus
# (fuzz/corpus/<target>; the committed files are never modified).
# Exits non-zero if any target finds a crash, a sanitizer report or a
# mismatch; the crashing input is left in WORKDIR/artifacts/.
# Usage: .ci/fuzz.sh [WORKDIR]    env: FUZZ_SECONDS (per target, default 30),
#        CC (default clang), JOBS (build parallelism, default 2)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$(mktemp -d /tmp/hmac-fuzz.XXXXXX)}
SECONDS_EACH=${FUZZ_SECONDS:-30}
JOBS=${JOBS:-2}
mkdir -p "$WORK/artifacts"

echo "== build fuzz targets in $WORK/build"
cmake -S "$SRC/fuzz" -B "$WORK/build" -DCMAKE_C_COMPILER="${CC:-clang}" \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo > "$WORK/configure.log" 2>&1 \
  || { cat "$WORK/configure.log"; exit 1; }
cmake --build "$WORK/build" -j "$JOBS" > "$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; exit 1; }

status=0
while read -r target; do
  [ -n "$target" ] || continue
  corpus="$WORK/corpus/$target"
  rm -rf "$corpus"
  mkdir -p "$corpus"
  cp "$SRC/fuzz/corpus/$target"/* "$corpus"/ 2>/dev/null || true
  echo "== $target: ${SECONDS_EACH}s from $(ls "$corpus" | wc -l) seeds"
  if "$WORK/build/$target" -max_total_time="$SECONDS_EACH" -print_final_stats=1 \
       -artifact_prefix="$WORK/artifacts/$target-" "$corpus" > "$WORK/$target.log" 2>&1; then
    grep -E '^Done|stat::number_of_executed_units' "$WORK/$target.log" | tail -n 1
  else
    echo "!! $target FAILED (log: $WORK/$target.log)"
    tail -n 40 "$WORK/$target.log"
    status=1
  fi
done < "$WORK/build/fuzz-targets.txt"

if [ "$status" -ne 0 ]; then
  echo "fuzz: crash inputs in $WORK/artifacts (make each a regression test: fuzz/README.md)"
fi
exit "$status"
