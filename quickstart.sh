#!/bin/sh
# quickstart.sh - build libhmac and run its main job or its whole test suite.
#
#   ./quickstart.sh demo   build, then sign files with hmacsum, check them,
#                          tamper with one and show the check fail
#   ./quickstart.sh test   build, then run every test suite (ctest)
#
# On Debian/Ubuntu as root it installs what it needs with apt-get; as
# another user it names the packages to install. Build dir: ./build
# (override with BUILD_DIR=...).
set -eu

cd "$(dirname "$0")"
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

need_pkgs() {
    missing=""
    command -v cmake >/dev/null 2>&1 || missing="$missing cmake"
    command -v cc >/dev/null 2>&1 || missing="$missing gcc"
    command -v make >/dev/null 2>&1 || missing="$missing make"
    if [ "$1" = test ]; then
        [ -f /usr/include/cmocka.h ] || missing="$missing libcmocka-dev"
        command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
    fi
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "quickstart: installing$missing"
        apt-get update -q >/dev/null
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null
    else
        echo "quickstart: please install:$missing (e.g. sudo apt-get install$missing)" >&2
        exit 1
    fi
}

build() {
    tests=$1
    cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DHMAC_BUILD_TESTS="$tests" >/dev/null
    cmake --build "$BUILD_DIR" -j "$JOBS" >/dev/null
}

case "${1:-}" in
demo)
    need_pkgs demo
    build OFF
    exec sh tools/demo.sh "$BUILD_DIR"
    ;;
test)
    need_pkgs test
    build ON
    cd "$BUILD_DIR"
    exec ctest --output-on-failure -j "$JOBS"
    ;;
*)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac
