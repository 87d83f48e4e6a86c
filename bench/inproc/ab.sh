#!/bin/sh
# bench/inproc/ab.sh - libhmac at a commit (default HEAD) against libhmac
# as in the working tree, and both against libsodium, in ONE process:
# one-shot HMAC-SHA-256, HMAC-SHA-512 and HMAC-SHA-512-256, and the
# "init" rows (init with the key, update, final: the key's pad blocks
# every message), alternating round by round (bench/inproc/ab.c). For the small differences a change
# makes (1-3%), which separate processes on a shared machine cannot show.
#
# usage: bench/inproc/ab.sh [--old REV] [--rounds N] [--sizes LIST]
#                           [--many LIST] [--many-n N]
#   --old REV     the baseline commit (default HEAD)
#   --rounds N    timed rounds per row, the best kept (default 100)
#   --sizes LIST  message sizes (default 64,1024,1048576; '' for none)
#   --many LIST   also, per size in LIST (at most 1048576), N messages of
#                 that size per call: HMAC-SHA-256, HMAC-SHA-512-256,
#                 SHA-256 and SHA-512 _many, old and new, against the new
#                 library's one-shot loop and libsodium's (default: none;
#                 REV must have the _many API)
#   --many-n N    messages per _many call, 1..32 (default 16)
#   --lanes B[,P] instead of the rows above: the x86 lane kernels alone
#                 (bench/inproc/lanes.c: AVX2, AVX-512 and the SHA-NI
#                 streams), old against new, B bytes a lane
#                 (a multiple of 128) from a pool of P bytes (default: one
#                 batch, in cache); x86-64 with AVX2 only
#   --peers B     instead of the rows above: HMAC-SHA-256 and HMAC-SHA-512
#                 of B bytes against OpenSSL's HMAC(), and the portable
#                 SHA-2 blocks against libsodium's (bench/inproc/peers.c);
#                 x86 only, needs libssl-dev
# Needs CMake, a C compiler and libsodium (libsodium-dev); both libhmac
# copies are built with HMAC_SYMBOL_PREFIX (o_ and n_) under
# ${TMPDIR:-/tmp}/libhmac-inproc, so their symbols and libsodium's can
# share the program. Environment: CC, JOBS (default 2), HMAC_BACKEND
# (passed through: e.g. portable).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${TMPDIR:-/tmp}/libhmac-inproc
cc=${CC:-cc}
jobs=${JOBS:-2}
rev=HEAD
rounds=100
sizes=64,1024,1048576
many=
many_n=16
lanes=
peers=

while [ $# -gt 0 ]; do
    case $1 in
        --old) rev=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --many) many=$2; shift 2 ;;
        --many-n) many_n=$2; shift 2 ;;
        --lanes) lanes=$2; shift 2 ;;
        --peers) peers=$2; shift 2 ;;
        -h|--help) sed -n '2,32p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "ab.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

case $many_n in
    [1-9]|[12][0-9]|3[0-2]) ;;
    *) echo "ab.sh: --many-n takes 1..32" >&2; exit 2 ;;
esac

commit=$(git -C "$repo" rev-parse --verify "$rev^{commit}") ||
    { echo "ab.sh: no commit $rev" >&2; exit 2; }
[ -z "$many" ] || git -C "$repo" cat-file -e "$commit:include/hmac/many.h" 2>/dev/null ||
    { echo "ab.sh: --many: $rev has no _many API (include/hmac/many.h)" >&2; exit 2; }
printf '#include <sodium.h>\n' | $cc -E -x c - > /dev/null 2>&1 ||
    { echo "ab.sh: libsodium's header not found (apt-get install libsodium-dev)" >&2; exit 1; }

rm -rf "$work/old-src"
mkdir -p "$work/old-src"
git -C "$repo" archive "$commit" | tar -x -C "$work/old-src"

build() { # src prefix dir
    # Another CC: start afresh. CMake would drop its whole cache, the
    # prefix with it, and unprefixed copies would then stand in for n_
    # and for libsodium at link time without an error.
    [ "$(cat "$3.cc" 2>/dev/null)" = "$cc" ] || rm -rf "$3"
    echo "$cc" > "$3.cc"
    cmake -S "$1" -B "$3" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER="$cc" \
        -DHMAC_SYMBOL_PREFIX="$2" -DBUILD_TESTING=OFF -DHMAC_BUILD_BENCH=OFF \
        > "$3.log" 2>&1 &&
    cmake --build "$3" -j "$jobs" --target hmac >> "$3.log" 2>&1 ||
        { tail -20 "$3.log"; echo "ab.sh: building $1 failed" >&2; exit 1; }
}
mkdir -p "$work"
# git archive dates every file at its commit's time, so after a build for
# a later commit make found the objects newer than an earlier commit's
# sources and kept them: --old 51cf7aa then timed 6869a89's code as
# "old". A build for another commit starts afresh.
[ "$(cat "$work/old.rev" 2>/dev/null)" = "$commit" ] || rm -rf "$work/old"
build "$work/old-src" o_ "$work/old"
echo "$commit" > "$work/old.rev"
build "$repo" n_ "$work/new"

echo "# old: $commit ($(git -C "$repo" log -1 --format=%s "$commit" | cut -c1-60))"
echo "# new: the working tree of $repo"
echo "# cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')"
if [ -n "$lanes" ]; then
    case $(uname -m) in
        x86_64|amd64) ;;
        *) echo "ab.sh: --lanes times x86-64 kernels; this is $(uname -m)"; exit 0 ;;
    esac
    # The kernels are internal (hidden in a shared library) but plain
    # symbols of the static archives, prefixed o_ and n_ like the API.
    # Weak references alone pull no archive member: -u pulls the SHA-NI
    # one where an archive has it (-u of a symbol no archive defines
    # would fail the link; without it the kernel's row says it is absent).
    pull=
    for side in o:old n:new; do
        sym=${side%%:*}_sha256_lanes_shani_x2
        if nm -g "$work/${side#*:}/libhmac.a" 2>/dev/null | grep -q " T $sym\$"; then
            pull="$pull -Wl,-u,$sym"
        fi
    done
    $cc -O2 -std=c99 "$here/lanes.c" $pull \
        "$work/old/libhmac.a" "$work/new/libhmac.a" -o "$work/lanes"
    "$work/lanes" "$rounds" "${lanes%%,*}" "$(echo "$lanes" | sed -n 's/.*,//p')"
    exit $?
fi
if [ -n "$peers" ]; then
    case $(uname -m) in
        x86_64|amd64|i?86) ;;
        *) echo "ab.sh: --peers counts x86 TSC ticks; this is $(uname -m)"; exit 0 ;;
    esac
    $cc -O2 -std=c99 "$here/peers.c" "$work/old/libhmac.a" \
        "$work/new/libhmac.a" -lcrypto -lsodium -o "$work/peers" ||
        { echo "ab.sh: --peers needs OpenSSL's headers (libssl-dev)" >&2; exit 1; }
    "$work/peers" "$rounds" "$peers"
    exit $?
fi
# The one-shot and _many rows (--lanes and --peers have their own programs).
flags="-O2 -std=c99 -D_POSIX_C_SOURCE=200809L"
# The _many rows only when asked: older commits lack the API.
[ -z "$many" ] || flags="$flags -DMANY"
$cc $flags -DLIB=o -I "$work/old/generated/include" -I "$work/old-src/include" \
    -c "$here/ab.c" -o "$work/o.o"
$cc $flags -DLIB=n -I "$work/new/generated/include" -I "$repo/include" \
    -c "$here/ab.c" -o "$work/n.o"
$cc $flags -DLIB=s -DSODIUM -c "$here/ab.c" -o "$work/s.o"
$cc $flags -DMAIN -c "$here/ab.c" -o "$work/main.o"
$cc "$work/main.o" "$work/o.o" "$work/n.o" "$work/s.o" "$work/old/libhmac.a" \
    "$work/new/libhmac.a" -lsodium -o "$work/ab"

echo "# best of $rounds alternating rounds; ticks per call (rdtsc on x86-64)"
if [ -n "$many" ]; then
    "$work/ab" "$rounds" "$sizes" "$many" "$many_n"
else
    "$work/ab" "$rounds" "$sizes"
fi
