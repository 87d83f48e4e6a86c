#!/usr/bin/env bash
# CMake conventions a packager relies on:
#  1. a plain cross configure, only -DCMAKE_C_COMPILER=s390x-linux-gnu-gcc
#     (no toolchain file, the build machine's x86-64 cmocka, libsodium and
#     OpenSSL in sight), builds library, hmacsum and examples, and says in
#     one line each why the suites and benchmark competitors are skipped;
#  2. -DBUILD_TESTING=OFF (CTest's switch) builds and registers no test.
# Usage: .ci/conventions.sh [WORK_DIR]      Environment: JOBS (default 2)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-/tmp/hmac-conventions}
JOBS=${JOBS:-2}
mkdir -p "$WORK"
failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
if ! have_pkg gcc-s390x-linux-gnu; then
  apt-get update -q > "$WORK/apt.log" 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q gcc-s390x-linux-gnu >> "$WORK/apt.log" 2>&1 ||
    { tail -20 "$WORK/apt.log"; exit 1; }
fi

b=$WORK/plain-s390x
rm -rf "$b"
if cmake -S "$SRC" -B "$b" -DCMAKE_C_COMPILER=s390x-linux-gnu-gcc > "$b.configure.log" 2>&1 &&
   cmake --build "$b" -j "$JOBS" > "$b.build.log" 2>&1; then
  for f in libhmac.a tools/hmacsum/hmacsum examples/sign_message examples/server; do
    [ -f "$b/$f" ] || fail "plain s390x configure: $f not built"
  done
  file "$b/tools/hmacsum/hmacsum" | grep -q 'IBM S/390' || fail "hmacsum is not an s390x program"
  # The suites are built only when cmocka is there for s390x too (the
  # cross-s390x step installs libcmocka-dev:s390x); else one line says why.
  if have_pkg libcmocka-dev:s390x; then
    file "$b/tests/test_nist" | grep -q 'IBM S/390' || fail "s390x cmocka present, suites not built for s390x"
  else
    grep -q 'cmocka test suites skipped' "$b.configure.log" || fail "no line saying why the suites are skipped"
  fi
  grep 'libhmac: .*\(skipped\|not built\|not found\)' "$b.configure.log" | sed 's/^/   /'
else
  fail "plain s390x configure/build"; tail -20 "$b.configure.log" "$b.build.log" 2>/dev/null
fi

b=$WORK/no-tests
rm -rf "$b"
if cmake -S "$SRC" -B "$b" -DBUILD_TESTING=OFF -DHMAC_BUILD_BENCH=OFF > "$b.configure.log" 2>&1 &&
   cmake --build "$b" -j "$JOBS" > "$b.build.log" 2>&1; then
  [ ! -e "$b/tests" ] || fail "BUILD_TESTING=OFF still built tests/"
  [ ! -e "$b/CTestTestfile.cmake" ] || fail "BUILD_TESTING=OFF still registered tests"
  [ -f "$b/tools/hmacsum/hmacsum" ] || fail "BUILD_TESTING=OFF: hmacsum not built"
else
  fail "BUILD_TESTING=OFF configure/build"; tail -20 "$b.configure.log" "$b.build.log" 2>/dev/null
fi
[ $failed = 0 ] && echo "conventions: PASS"
exit $failed
