#!/usr/bin/env bash
# Builds a static cmocka for a target Debian has no cmocka package for
# (MinGW, Emscripten), from Debian's source package, and installs it in
# PREFIX (PREFIX/include/cmocka.h, PREFIX/lib/libcmocka-static.a or
# libcmocka.a). Skips the work when PREFIX already has it.
# Usage: .ci/cmocka-build.sh PREFIX WORKDIR CONFIGURE-COMMAND...
#   e.g. .ci/cmocka-build.sh /tmp/c /tmp/w cmake -DCMAKE_TOOLCHAIN_FILE=...
#        .ci/cmocka-build.sh /tmp/c /tmp/w emcmake cmake
# The source comes from `apt-get source cmocka`; when the machine has no
# deb-src entry, one for the archive it runs (deb.debian.org) is added.
set -euo pipefail
PREFIX=$1 WORK=$2
shift 2
JOBS=${JOBS:-2}
if ls "$PREFIX"/lib/libcmocka*.a >/dev/null 2>&1; then
  exit 0
fi
mkdir -p "$WORK"
tarball() { ls "$WORK"/cmocka_*.orig.tar.* 2>/dev/null | grep -v '\.asc$' | head -1; }
if [ -z "$(tarball)" ]; then
  if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    [ "$(id -u)" = 0 ] || { echo "cmocka-build.sh: no deb-src entry and not root" >&2; exit 1; }
    codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
    cat > /etc/apt/sources.list.d/libhmac-ci-debsrc.sources <<EOF
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $codename
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    apt-get update -q > "$WORK/apt.log" 2>&1 || true
  fi
  (cd "$WORK" && apt-get source --download-only cmocka) > "$WORK/source.log" 2>&1 || true
  [ -n "$(tarball)" ] || {
    tail -5 "$WORK/source.log"
    echo "cmocka-build.sh: cannot get cmocka's source (apt-get source cmocka)" >&2
    exit 1
  }
fi
rm -rf "$WORK/tree" "$WORK/build" && mkdir -p "$WORK/tree"
tar -xf "$(tarball)" -C "$WORK/tree" --strip-components=1
{ "$@" -S "$WORK/tree" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release \
    -DWITH_STATIC_LIB=ON -DWITH_EXAMPLES=OFF -DUNIT_TESTING=OFF \
    -DCMAKE_INSTALL_PREFIX="$PREFIX" &&
  cmake --build "$WORK/build" -j "$JOBS" && cmake --install "$WORK/build"; } \
  > "$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log"; exit 1; }
