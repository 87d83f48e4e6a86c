#!/usr/bin/env bash
# Packaging checks: install libhmac (static and shared), consume it via
# find_package, pkg-config, add_subdirectory and FetchContent; check the
# shared library's SONAME and exported symbols; link a prefixed libhmac and
# libsodium into one program.
# Usage: .ci/consumers.sh [WORKDIR]
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-$(mktemp -d /tmp/hmac-consumers.XXXXXX)}
mkdir -p "$WORK"
JOBS=${JOBS:-2}
quiet() { "$@" > "$WORK/last.log" 2>&1 || { cat "$WORK/last.log"; return 1; }; }
step() { printf '== %s\n' "$*"; }

lib_opts=(-DHMAC_BUILD_TESTS=OFF -DHMAC_BUILD_TOOLS=OFF -DHMAC_BUILD_EXAMPLES=OFF
          -DHMAC_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=Release)

for kind in static shared; do
  shared=OFF; [ "$kind" = shared ] && shared=ON
  prefix="$WORK/prefix-$kind"
  step "install ($kind) to $prefix"
  quiet cmake -S "$SRC" -B "$WORK/lib-$kind" "${lib_opts[@]}" -DBUILD_SHARED_LIBS=$shared \
        -DCMAKE_INSTALL_PREFIX="$prefix"
  quiet cmake --build "$WORK/lib-$kind" -j "$JOBS"
  quiet cmake --install "$WORK/lib-$kind"
  test -f "$prefix/include/hmac.h"
  test -f "$prefix/include/hmac/crypto_auth_hmacsha256.h"
  test -f "$prefix/include/hmac/config.h"
  libdir=$(ls -d "$prefix"/lib* | head -n1)
  test -f "$libdir/cmake/hmac/hmacConfig.cmake"
  test -f "$libdir/cmake/hmac/hmacConfigVersion.cmake"
  test -f "$libdir/pkgconfig/libhmac.pc"

  step "find_package(hmac CONFIG) consumer ($kind)"
  quiet cmake -S "$SRC/tests/consumer" -B "$WORK/fp-$kind" -DHMAC_CONSUME=find_package \
        -DCMAKE_PREFIX_PATH="$prefix"
  quiet cmake --build "$WORK/fp-$kind"
  LD_LIBRARY_PATH="$libdir" "$WORK/fp-$kind/consumer"

  step "pkg-config consumer ($kind)"
  export PKG_CONFIG_PATH="$libdir/pkgconfig"
  # shellcheck disable=SC2046
  cc -std=c99 -o "$WORK/pc-$kind" "$SRC/tests/consumer/main.c" \
     $(pkg-config --cflags libhmac) $(pkg-config --libs libhmac)
  LD_LIBRARY_PATH="$libdir" "$WORK/pc-$kind"
  if [ "$kind" = shared ] && pkg-config --exists libsodium; then
    step "drop-in: built with <sodium.h>, linked with libhmac only"
    # shellcheck disable=SC2046
    cc -std=c99 -o "$WORK/dropin" "$SRC/tests/consumer/sodium_dropin.c" \
       $(pkg-config --cflags libsodium) -L"$libdir" -lhmac
    if ldd "$WORK/dropin" | grep -q libsodium; then echo "dropin linked libsodium"; exit 1; fi
    LD_LIBRARY_PATH="$libdir" "$WORK/dropin"
  fi
  unset PKG_CONFIG_PATH

  if [ "$kind" = shared ]; then
    step "shared library: SONAME and exported symbols"
    so=$(ls "$libdir"/libhmac.so.*.*.* | head -n1)
    objdump -p "$so" | grep -q 'SONAME *libhmac.so.0'
    nm -D --defined-only "$so" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sort > "$WORK/exported.txt"
    cmake -P "$SRC/cmake/print-symbols.cmake" 2>&1 | tr ';' '\n' | sed '/^$/d' | sort > "$WORK/expected.txt"
    if ! diff -u "$WORK/expected.txt" "$WORK/exported.txt"; then
      echo "exported symbols differ from cmake/symbols.cmake (HMAC_PUBLIC_SYMBOLS)"; exit 1
    fi
    echo "exports exactly the $(wc -l < "$WORK/expected.txt") public symbols"
  fi
done

for how in subdirectory fetchcontent; do
  step "$how consumer"
  quiet cmake -S "$SRC/tests/consumer" -B "$WORK/$how" -DHMAC_CONSUME=$how -DHMAC_SOURCE_DIR="$SRC"
  quiet cmake --build "$WORK/$how" -j "$JOBS"
  "$WORK/$how/consumer"
done

step "HMAC_SYMBOL_PREFIX: libhmac and libsodium in one program"
if pkg-config --exists libsodium; then
  quiet cmake -S "$SRC/tests/prefix" -B "$WORK/prefix-test" -DHMAC_SOURCE_DIR="$SRC"
  quiet cmake --build "$WORK/prefix-test" -j "$JOBS"
  "$WORK/prefix-test/prefix_test"
  # Every global symbol the archive defines must carry the prefix.
  bad=$(nm --defined-only -g "$WORK/prefix-test/hmac-build/libhmac.a" 2>/dev/null |
        awk 'NF == 3 && $2 ~ /^[TDBRC]$/ && $3 !~ /^libhmac_/ {print $3}')
  if [ -n "$bad" ]; then echo "unprefixed symbols: $bad"; exit 1; fi
  echo "every global symbol of libhmac.a carries the prefix"
else
  echo "SKIP: libsodium-dev not installed"
fi
echo "consumers: all passed"
