#!/usr/bin/env bash
# Builds libhmac for WebAssembly with Debian's emscripten and runs, under
# node, the known-answer suites (test_nist, test_rfc4231, test_wycheproof)
# and the streaming suite (test_stream), then checks keygen in a program
# linked with -sFILESYSTEM=0 (no /dev/urandom there: randombytes must use
# getentropy()).
# cmocka comes from Debian's source package (.ci/cmocka-build.sh).
# Installs what it needs from the Debian archive when missing (as root).
# Usage: .ci/wasm.sh [BUILD_DIR]      Environment: JOBS (default 2)
set -euo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-/tmp/hmac-wasm}
JOBS=${JOBS:-2}
START=$SECONDS
step() { printf '== wasm: %s\n' "$*"; }
mkdir -p "$BUILD"

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
need=()
for p in emscripten cmake; do have_pkg "$p" || need+=("$p"); done
command -v node >/dev/null 2>&1 || need+=(nodejs)
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]}"
  [ "$(id -u)" = 0 ] || { echo "wasm.sh: missing ${need[*]} and not root" >&2; exit 1; }
  apt-get update -q > "$BUILD/apt.log" 2>&1 || echo "apt-get update reported errors; trying anyway"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >> "$BUILD/apt.log" 2>&1 ||
    { tail -20 "$BUILD/apt.log"; exit 1; }
fi

# ---- toolchain quirks (Debian's emscripten 3.1.6) ---------------------------
# emcc's JS optimizer (tools/acorn-optimizer.js) needs the acorn module,
# which Debian installs as node-acorn in /usr/share/nodejs: a node that is
# not Debian's (e.g. from nodesource) does not look there by itself.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
# The generated loader fetch()es the .wasm when fetch exists, which node
# >= 18 has, and fetch cannot read a file path: turn node's fetch off so
# the loader reads the file (node < 18 has no such flag).
NODE=(node)
if node --no-experimental-fetch -e '' 2>/dev/null; then
  NODE+=(--no-experimental-fetch)
fi
# cmocka.h defines uintptr_t itself unless told the C library did (it
# guesses wrong on wasm32), for cmocka's build and for the suites.
CMOCKA_CFLAGS=-D_UINTPTR_T_DEFINED

# ---- cmocka, then the suites -------------------------------------------------------
step "cmocka (built from Debian's source package)"
bash "$SRC/.ci/cmocka-build.sh" "$BUILD/cmocka" "$BUILD/cmocka-src" emcmake cmake \
  -DCMAKE_C_FLAGS="$CMOCKA_CFLAGS" -DBUILD_SHARED_LIBS=OFF
CMOCKA_LIB=$(ls "$BUILD"/cmocka/lib/libcmocka*.a | head -1)

step "configure and build ($BUILD/build)"
# NODERAWFS: the suites read tests/vectors straight from the host's disk.
emcmake cmake -S "$SRC" -B "$BUILD/build" -DCMAKE_BUILD_TYPE=Release -DHMAC_WERROR=ON \
  -DHMAC_BUILD_TESTS=ON -DHMAC_BUILD_TOOLS=OFF -DHMAC_BUILD_BENCH=OFF -DHMAC_BUILD_EXAMPLES=OFF \
  -DCMAKE_C_FLAGS="$CMOCKA_CFLAGS" -DCMOCKA_INCLUDE_DIR="$BUILD/cmocka/include" \
  -DCMOCKA_LIBRARY="$CMOCKA_LIB" \
  -DCMAKE_EXE_LINKER_FLAGS="-sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1" \
  -DCMAKE_CROSSCOMPILING_EMULATOR="$(IFS=';'; echo "${NODE[*]}")" \
  > "$BUILD/configure.log" 2>&1 || { cat "$BUILD/configure.log"; exit 1; }
suites="test_nist test_rfc4231 test_wycheproof test_stream"
# shellcheck disable=SC2086
cmake --build "$BUILD/build" -j "$JOBS" --target hmac $suites > "$BUILD/build.log" 2>&1 ||
  { grep -E 'error|warning' "$BUILD/build.log" | head -40; tail -5 "$BUILD/build.log"; exit 1; }
if grep -E 'warning:' "$BUILD/build.log"; then exit 1; fi

failed=0
step "known answers and streaming under node"
if ctest --test-dir "$BUILD/build" -R "^($(echo $suites | tr ' ' '|'))\$" --output-on-failure \
     --timeout 600 > "$BUILD/ctest.log" 2>&1; then :; else
  failed=1; grep -E 'tests passed|Failed|\*\*\*|FAILED' "$BUILD/ctest.log" | head -40 || true
fi
grep -E 'tests passed' "$BUILD/ctest.log" | sed 's/^/   /'
# A loader that silently did nothing would "pass": the suite must report.
"${NODE[@]}" "$BUILD/build/tests/test_rfc4231.js" 2>&1 | grep -q '^\[  PASSED  \]' ||
  { echo "test_rfc4231 under node printed no PASSED line" >&2; failed=1; }

step "keygen in a -sFILESYSTEM=0 link (examples/sign_message.c)"
# sign_message draws its key with crypto_auth_hmacsha256_keygen: two runs
# must both succeed and (fresh random keys) print different tags.
emcc -O2 -std=c99 "$SRC/examples/sign_message.c" -I"$SRC/include" \
  -I"$BUILD/build/generated/include" "$BUILD/build/libhmac.a" -sFILESYSTEM=0 \
  -o "$BUILD/keygen.js" > "$BUILD/keygen-build.log" 2>&1 || { cat "$BUILD/keygen-build.log"; exit 1; }
tags=""
for run in 1 2; do
  out=$("${NODE[@]}" "$BUILD/keygen.js" 2>&1) || { echo "$out"; failed=1; }
  printf '%s\n' "$out" | grep -q '^ok: ' || { echo "run $run: $out" >&2; failed=1; }
  tags="$tags$(printf '%s\n' "$out" | sed -n 's/^tag: *//p')
"
done
if [ "$(printf '%s' "$tags" | sort -u | grep -c .)" -ne 2 ]; then
  echo "keygen: two runs gave tags: $tags" >&2; failed=1
else
  echo "   ok: two -sFILESYSTEM=0 runs, two different random keys"
fi

elapsed=$((SECONDS - START))
if [ $failed = 0 ]; then echo "wasm: PASS in ${elapsed}s"; else echo "wasm: FAIL in ${elapsed}s"; fi
exit $failed
