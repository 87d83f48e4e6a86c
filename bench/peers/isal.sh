#!/bin/sh
# bench/peers/isal.sh - libhmac's hmac_hash_sha256_many/hmac_hash_sha512_many
# side by side with isa-l_crypto's multi-buffer SHA-256/SHA-512
# (bench/peers/isal_side.c says what is measured and how).
#
# usage: bench/peers/isal.sh [ISAL_SRC_DIR] [--no-diag]
#   ISAL_SRC_DIR  an isa-l_crypto checkout with bin/isa-l_crypto.a built
#                 (default /tmp/isal-src). This script never downloads it;
#                 without it, it says how to get it and stops.
#   --no-diag     leave out isa-l's per-architecture managers
# Environment:
#   ISAL_QUICK=1  short smoke run: 2 rounds of 10 ms timings (default 7 of 50 ms)
#   ISAL_DIAG=0|1 build the diagnostic variants or not (default: 1 when the
#                 archive has isa-l's per-architecture symbols, else 0)
#   ISAL_CPU=N    the CPU taskset pins the run to (default: the last one)
#   CC, TMPDIR, JOBS (build jobs, default 2)
#
# libhmac is built from this checkout, as it is in the working tree
# (CMake Release) into ${TMPDIR:-/tmp}/libhmac-isal-build; the harness is
# compiled there too. Nothing of isa-l_crypto is copied into the repository.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${TMPDIR:-/tmp}/libhmac-isal-build
cc=${CC:-cc}
jobs=${JOBS:-2}

die() {
    echo "isal.sh: $*" >&2
    exit 1
}

isal=/tmp/isal-src
case ${1:-} in
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*|'') ;;
    *) isal=$1; shift ;;
esac

if [ ! -f "$isal/bin/isa-l_crypto.a" ]; then
    cat >&2 <<EOF
isal.sh: no $isal/bin/isa-l_crypto.a: isa-l_crypto is not built there.
It is not packaged by Debian and this script downloads nothing. To get it:
    git clone https://github.com/intel/isa-l_crypto $isal
    apt-get install -y nasm          # as root: isa-l_crypto's assembler
    cd $isal && make -f Makefile.unx lib     # -> bin/isa-l_crypto.a
then run: $0 $isal
EOF
    exit 1
fi
[ -d "$isal/include/isa-l_crypto" ] || die "$isal/include/isa-l_crypto: no isa-l_crypto headers"

# ---- libhmac, from this checkout ----
echo "building libhmac (Release) in $build ..."
mkdir -p "$build"
if ! { cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release \
         -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF -DHMAC_BUILD_TESTS=OFF \
         -DHMAC_BUILD_TOOLS=OFF -DHMAC_BUILD_EXAMPLES=OFF -DHMAC_BUILD_BENCH=OFF &&
       cmake --build "$build" -j "$jobs" --target hmac; } > "$build/build.log" 2>&1; then
    tail -n 30 "$build/build.log" >&2
    die "libhmac did not build (log: $build/build.log)"
fi

# ---- the harness ----
symbols="_sha256_ctx_mgr_init_avx512 _sha256_ctx_mgr_submit_avx512 _sha256_ctx_mgr_flush_avx512
_sha256_ctx_mgr_init_sse_ni _sha256_ctx_mgr_submit_sse_ni _sha256_ctx_mgr_flush_sse_ni
_sha512_ctx_mgr_init_avx2 _sha512_ctx_mgr_submit_avx2 _sha512_ctx_mgr_flush_avx2"
if [ -z "${ISAL_DIAG:-}" ]; then
    ISAL_DIAG=1
    if command -v nm >/dev/null 2>&1; then
        nm "$isal/bin/isa-l_crypto.a" 2>/dev/null | awk '$2 == "T" { print $3 }' \
            > "$build/isal-symbols.txt"
        for s in $symbols; do
            if ! grep -qx "$s" "$build/isal-symbols.txt"; then
                echo "isa-l_crypto.a has no $s: diagnostic variants not built (ISAL_DIAG=0)"
                ISAL_DIAG=0
                break
            fi
        done
    fi
fi
quick=""
[ "${ISAL_QUICK:-0}" = 1 ] && quick="-DROUNDS=2 -DMIN_NS=10000000"
# -isystem: isa-l's headers are not ours to keep warning-free.
# shellcheck disable=SC2086 # $quick is a list of words
"$cc" -std=c99 -O2 -Wall -Wextra -Wpedantic -DISAL_DIAG="$ISAL_DIAG" $quick \
    -I "$repo/include" -I "$build/generated/include" -isystem "$isal/include" \
    -o "$build/isal_side" "$here/isal_side.c" \
    "$build/libhmac.a" "$isal/bin/isa-l_crypto.a" ||
    die "the harness did not build"

# ---- the machine and the versions ----
echo "== $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
if command -v lscpu >/dev/null 2>&1; then
    lscpu | grep 'Model name' || true
else
    grep -m1 'model name' /proc/cpuinfo || true
fi
printf 'CPU flags:'
for f in sha_ni avx512f avx512bw avx512vl avx2 sha512; do
    if grep -qw "$f" /proc/cpuinfo 2>/dev/null; then printf ' %s' "$f"; else printf ' (no %s)' "$f"; fi
done
echo
echo "isa-l_crypto: $(git -C "$isal" rev-parse HEAD 2>/dev/null || echo 'not a git checkout')" \
     "($(git -C "$isal" describe --tags 2>/dev/null || echo 'no tag'))"
dirty=""
[ -n "$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null)" ] &&
    dirty=" + uncommitted changes"
echo "libhmac: $(git -C "$repo" rev-parse HEAD 2>/dev/null || echo 'not a git checkout')$dirty"
echo "compiler: $("$cc" --version | head -n 1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# ---- the run ----
pin=""
if ! command -v taskset >/dev/null 2>&1; then
    echo "not pinned: no taskset"
else
    cpu=${ISAL_CPU:-$(($(nproc 2>/dev/null || echo 1) - 1))}
    if taskset -c "$cpu" true 2>/dev/null; then
        pin="taskset -c $cpu"
        echo "pinned to CPU $cpu (taskset)"
    else
        echo "not pinned: taskset cannot use CPU $cpu"
    fi
fi
status=0
$pin "$build/isal_side" "$@" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
[ "$status" = 0 ] || echo "isal.sh: isal_side exited with $status (1: a digest check failed)" >&2
exit "$status"
