#!/usr/bin/env bash
# Long fuzzing runs: every target at once (one process each), for as long
# as you like, keeping a growing corpus outside the repository.
# Usage: fuzz/run-long.sh [SECONDS]     (no argument: until Ctrl-C)
# env:   FUZZ_HOME   where the build, corpora and crashes live
#                    (default ~/.cache/libhmac-fuzz)
#        FUZZ_TARGETS  space-separated subset (default: every target built)
# New corpus entries go to FUZZ_HOME/corpus/<target>; crashes to
# FUZZ_HOME/crashes/. To bring good finds back into the committed seeds:
#   <target> -merge=1 fuzz/corpus/<target> FUZZ_HOME/corpus/<target>
# (keep the committed corpus small: a handful of files, a few KB).
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
HOME_DIR=${FUZZ_HOME:-${HOME:-/tmp}/.cache/libhmac-fuzz}
SECS=${1:-0} # libFuzzer: -max_total_time=0 means no limit
mkdir -p "$HOME_DIR/crashes"

cmake -S "$SRC/fuzz" -B "$HOME_DIR/build" -DCMAKE_C_COMPILER="${CC:-clang}" \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo > "$HOME_DIR/configure.log"
cmake --build "$HOME_DIR/build" -j "${JOBS:-2}" > "$HOME_DIR/build.log"

targets=${FUZZ_TARGETS:-$(cat "$HOME_DIR/build/fuzz-targets.txt")}
pids=()
for t in $targets; do
  mkdir -p "$HOME_DIR/corpus/$t"
  echo "== $t (log: $HOME_DIR/$t.log)"
  # The committed seeds are read-only input; new finds go to the first dir.
  "$HOME_DIR/build/$t" -max_total_time="$SECS" -print_final_stats=1 \
      -artifact_prefix="$HOME_DIR/crashes/$t-" \
      "$HOME_DIR/corpus/$t" "$SRC/fuzz/corpus/$t" > "$HOME_DIR/$t.log" 2>&1 &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null || true' INT TERM

status=0
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done
ls -l "$HOME_DIR/crashes"
exit "$status"
