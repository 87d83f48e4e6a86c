#!/usr/bin/env bash
# The whole tree (library, tests, examples, tools; not the benchmark) under AddressSanitizer +
# UndefinedBehaviorSanitizer, built once with clang and once with gcc, then
# `ctest -LE 'slow|valgrind'`; and under ThreadSanitizer (clang)
# test_threads and hmacsum, whose prefault helper thread (os_posix.c) runs
# beside the hashing. Every sanitizer report aborts the test, so any
# report fails.
# Usage: .ci/sanitizers.sh [WORKDIR]     env: JOBS (default 2),
#        SANITIZER_COMPILERS (default "clang gcc"; "" for TSan only), SKIP_TSAN=1
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$(mktemp -d /tmp/hmac-sanitizers.XXXXXX)}
JOBS=${JOBS:-2}
mkdir -p "$WORK"
quiet() { "$@" > "$WORK/last.log" 2>&1 || { tail -n 60 "$WORK/last.log"; return 1; }; }
step() { printf '== %s\n' "$*"; }

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1

# -O1 keeps the sanitized build quick to run. Warnings are not made errors
# here: gcc's -Wmaybe-uninitialized guesses differently under sanitizers,
# and the warning-clean build is checked elsewhere (HMAC_WERROR=ON).
build_and_test() { # name cc sanitize-flags ctest-args...
  local name=$1 cc=$2 flags=$3
  shift 3
  local dir="$WORK/$name"
  step "$name: configure + build ($cc, $flags)"
  quiet cmake -S "$SRC" -B "$dir" -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE=Debug \
        -DHMAC_BUILD_BENCH=OFF \
        -DCMAKE_C_FLAGS="$flags -fno-sanitize-recover=all -fno-omit-frame-pointer -O1" \
        -DCMAKE_EXE_LINKER_FLAGS="$flags" -DCMAKE_SHARED_LINKER_FLAGS="$flags"
  quiet cmake --build "$dir" -j "$JOBS"
  step "$name: ctest $*"
  if ! (cd "$dir" && ctest --output-on-failure -j "$JOBS" "$@"); then
    failed+=("$name")
  fi
}

# Every configuration runs even after one fails; the summary says which.
failed=()

for cc in ${SANITIZER_COMPILERS-clang gcc}; do
  build_and_test "asan-ubsan-$cc" "$cc" "-fsanitize=address,undefined" \
    -LE 'slow|valgrind'
done

if [ "${SKIP_TSAN:-0}" != 1 ]; then
  dir="$WORK/tsan-clang"
  step "tsan-clang: configure + build test_threads, hmacsum"
  quiet cmake -S "$SRC" -B "$dir" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
        -DHMAC_BUILD_EXAMPLES=OFF -DHMAC_BUILD_BENCH=OFF \
        -DCMAKE_C_FLAGS="-fsanitize=thread -fno-omit-frame-pointer -O1" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread"
  quiet cmake --build "$dir" -j "$JOBS" --target test_threads hmacsum hmacsum_prefault_test
  step "tsan-clang: test_threads (default backends, then portable)"
  # Some kernels map memory where clang 14's TSan cannot cope
  # ("unexpected memory mapping"); without address randomisation it can.
  run=()
  if command -v setarch > /dev/null && setarch "$(uname -m)" -R true 2> /dev/null; then
    run=(setarch "$(uname -m)" -R)
  fi
  "${run[@]}" "$dir/tests/test_threads" || failed+=(tsan-clang)
  HMAC_BACKEND=portable "${run[@]}" "$dir/tests/test_threads" || failed+=(tsan-clang-portable)
  step "tsan-clang: hmacsum CLI checks and its prefault helper"
  (cd "$dir" && "${run[@]}" ctest --output-on-failure -R 'hmacsum_cli|hmacsum_prefault') \
    || failed+=(tsan-clang-hmacsum)
fi
if [ "${#failed[@]}" -gt 0 ]; then
  step "sanitizers: FAILED: ${failed[*]}"
  exit 1
fi
step "sanitizers: all clean"
