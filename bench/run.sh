#!/bin/sh
# bench/run.sh - build and run libhmac's benchmarks against libsodium and
# OpenSSL, and write bench/results/ (results.csv, ratios.md, machine.txt,
# throughput.png). See bench/README.md for the method; --help for options.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")

build_dir=${TMPDIR:-/tmp}/libhmac-bench-build
out_dir=$here/results
passes=3
rounds=40
target_ms=2
sizes=""
batches=""
many_sizes=""
no_many=0
do_build=1
do_plot=1
report_only=0
quick=0
pbkdf2=ON
jobs=2

usage() {
    cat <<EOF
usage: bench/run.sh [options]
  --build-dir DIR   CMake build directory (default: $build_dir)
  --no-build        use the binaries already in --build-dir
  --out DIR         where results go (default: bench/results)
  --passes K        alternating passes over the three binaries (default 3)
  --rounds R        best of R timed rounds per row and pass (default 40)
  --target-ms MS    length of one timed round (default 2)
  --sizes LIST      message sizes, e.g. 64,1048576 (default: all seven)
  --batches LIST    messages per call of the many-message rows
                    (default 1,2,3,4,8,16,32; --quick: 1,2,3,16)
  --many-sizes LIST message sizes of those rows (default
                    64,1024,8192,65536,1048576; --quick: 64,65536)
  --no-many         no many-message rows
  --quick           smoke run for CI: 1 pass, 10 rounds of 1 ms (~45 s)
  --no-pbkdf2       do not time hmac_pbkdf2_sha256/512 (-DHMAC_BENCH_PBKDF2=OFF)
  --no-plot         skip the gnuplot figure
  --report-only     only redo ratios.md and the plot from the results.csv
                    and machine.txt already in --out
  -j N              build jobs (default 2)
EOF
}

die() {
    echo "run.sh: $*" >&2
    exit 1
}

while [ $# -gt 0 ]; do
    case $1 in
        --build-dir) [ $# -ge 2 ] || die "$1 needs a value"; build_dir=$2; shift ;;
        --no-build) do_build=0 ;;
        --out) [ $# -ge 2 ] || die "$1 needs a value"; out_dir=$2; shift ;;
        --passes) [ $# -ge 2 ] || die "$1 needs a value"; passes=$2; shift ;;
        --rounds) [ $# -ge 2 ] || die "$1 needs a value"; rounds=$2; shift ;;
        --target-ms) [ $# -ge 2 ] || die "$1 needs a value"; target_ms=$2; shift ;;
        --sizes) [ $# -ge 2 ] || die "$1 needs a value"; sizes=$2; shift ;;
        --batches) [ $# -ge 2 ] || die "$1 needs a value"; batches=$2; shift ;;
        --many-sizes) [ $# -ge 2 ] || die "$1 needs a value"; many_sizes=$2; shift ;;
        --no-many) no_many=1 ;;
        --quick) passes=1; rounds=10; target_ms=1; quick=1 ;;
        --no-pbkdf2) pbkdf2=OFF ;;
        --no-plot) do_plot=0 ;;
        --report-only) report_only=1 ;;
        -j) [ $# -ge 2 ] || die "$1 needs a value"; jobs=$2; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
    shift
done
case $passes in ''|*[!0-9]*|0) die "--passes must be a positive integer" ;; esac

start=$(date +%s)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# Builds, runs the passes, writes results.csv and machine.txt.
measure() {
    # ---- build -------------------------------------------------------------
    if [ "$do_build" = 1 ]; then
        echo "== building in $build_dir" >&2
        cmake -S "$repo" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release \
            -DHMAC_BUILD_BENCH=ON -DHMAC_BUILD_TESTS=OFF -DHMAC_BUILD_EXAMPLES=OFF \
            -DHMAC_BUILD_TOOLS=OFF -DHMAC_BENCH_PBKDF2="$pbkdf2" >/dev/null
        cmake --build "$build_dir" -j "$jobs" >/dev/null
    fi

    bin_dir=$build_dir/bench
    [ -x "$bin_dir/hmac-bench" ] || die "no $bin_dir/hmac-bench (build first or drop --no-build)"
    # The competitors: whichever were built (CMake skips a missing library).
    competitors=""
    for b in hmac-bench-sodium hmac-bench-openssl; do
        if [ -x "$bin_dir/$b" ]; then
            competitors="$competitors $b"
        else
            echo "run.sh: $b not built (library not found): skipped" >&2
        fi
    done

    bench_args="--rounds $rounds --target-ms $target_ms"
    if [ -n "$sizes" ]; then
        bench_args="$bench_args --sizes $sizes"
    fi
    # --quick also picks the binaries' short batch and size lists
    [ "$quick" = 1 ] && bench_args="$bench_args --quick"
    [ -n "$batches" ] && bench_args="$bench_args --batches $batches"
    [ -n "$many_sizes" ] && bench_args="$bench_args --many-sizes $many_sizes"
    [ "$no_many" = 1 ] && bench_args="$bench_args --no-many"

    raw=$(mktemp -d "${TMPDIR:-/tmp}/hmac-bench-raw.XXXXXX")
    trap 'rm -rf "$raw"' EXIT
    trap 'exit 130' INT TERM

    # ---- run ---------------------------------------------------------------
    # Alternate the binaries so that a slow phase of a shared machine (another
    # job, thermal throttling) hits every library alike; keep the best per row.
    # libhmac also runs with HMAC_BACKEND=portable (library "libhmac-portable")
    # in every pass: the portable targets are close calls and deserve the same
    # treatment as the others.
    # hmac-bench-floor (the cost of one compression) runs in every pass too.
    floor=""
    [ -x "$bin_dir/hmac-bench-floor" ] && floor=hmac-bench-floor
    pass=1
    while [ "$pass" -le "$passes" ]; do
        for b in hmac-bench portable $competitors $floor; do
            echo "== pass $pass/$passes: $b" >&2
            # shellcheck disable=SC2086 # bench_args is a list of words
            if [ "$b" = portable ]; then
                HMAC_BACKEND=portable "$bin_dir/hmac-bench" $bench_args \
                    --name libhmac-portable >"$raw/portable.$pass"
            else
                "$bin_dir/$b" $bench_args >"$raw/$b.$pass"
            fi
        done
        pass=$((pass + 1))
    done

    # Every library must compute the same tags ("# check,algo,hex" lines).
    cat "$raw"/* | awk -F, '
        $1 == "# check" {
            if (($2) in tag && tag[$2] != $3) { bad = bad " " $2 }
            tag[$2] = $3
        }
        END { if (bad != "") { print "run.sh: libraries disagree on" bad > "/dev/stderr"; exit 1 } }'

    mkdir -p "$out_dir"

    # ---- results.csv: best (lowest ns) per row over all passes -------------
    cat "$raw"/* | awk -F, -v OFS=, '
        /^#/ || $1 == "library" { next }
        {
            key = $1 OFS $2 OFS $3 OFS $4
            if (!(key in ns)) { order[n++] = key; ns[key] = $5; mb[key] = $6 }
            else if ($5 + 0 < ns[key] + 0) { ns[key] = $5; mb[key] = $6 }
        }
        END {
            print "library,algo,mode,size,ns_per_msg,mb_per_s"
            for (i = 0; i < n; i++) print order[i], ns[order[i]], mb[order[i]]
        }' >"$out_dir/results.csv"

    # ---- machine.txt -------------------------------------------------------
    info() { # info NAME FILE: the value of "# NAME,value" in one raw output
        grep -h "^# $1," "$2" 2>/dev/null | head -n 1 | cut -d, -f2- || true
    }
    cpu=$(grep -m 1 -E '^(model name|Hardware|cpu model)' /proc/cpuinfo 2>/dev/null |
          cut -d: -f2- | sed 's/^ *//' || true)
    compiler=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$build_dir/CMakeCache.txt" 2>/dev/null || true)
    flags=$(sed -n 's/^CMAKE_C_FLAGS_RELEASE:[A-Z]*=//p' "$build_dir/CMakeCache.txt" 2>/dev/null || true)
    {
        echo "date:               $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "cpu:                ${cpu:-unknown} ($(uname -m))"
        echo "cores:              $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')"
        echo "kernel:             $(uname -sr)"
        echo "compiler:           $("${compiler:-cc}" --version 2>/dev/null | head -n 1) ($compiler $flags)"
        echo "libhmac:            $(info libhmac-version "$raw/hmac-bench.1")"
        echo "libhmac backends:   sha256=$(info libhmac-backend-sha256 "$raw/hmac-bench.1")" \
             "sha512=$(info libhmac-backend-sha512 "$raw/hmac-bench.1")"
        echo "libhmac-portable:   sha256=$(info libhmac-backend-sha256 "$raw/portable.1")" \
             "sha512=$(info libhmac-backend-sha512 "$raw/portable.1") (HMAC_BACKEND=portable)"
        echo "libsodium:          $(info libsodium-version "$raw/hmac-bench-sodium.1")"
        echo "openssl:            $(info openssl-version "$raw/hmac-bench-openssl.1")"
        echo "method:             $passes alternating pass(es), best of $rounds rounds of ~$target_ms ms per row"
        echo "load average:       $load_at_start at the start (other work on the machine)"
        echo "duration:           $(( $(date +%s) - start )) s (build and measurements)"
    } >"$out_dir/machine.txt"
}

# Writes ratios.md and throughput.png from results.csv and machine.txt.
report() {
    # ---- ratios.md ---------------------------------------------------------
    {
        echo "# libhmac benchmark: ratios"
        echo
        echo "Ratio = other library's time per message / libhmac's (higher is better"
        echo "for libhmac). Raw numbers: results.csv; machine: machine.txt."
        echo
        echo '```'
        cat "$out_dir/machine.txt"
        echo '```'
        echo
        awk -F, -f "$here/ratios.awk" "$out_dir/results.csv"
    } >"$out_dir/ratios.md"

    # ---- throughput.png ----------------------------------------------------
    if [ "$do_plot" = 1 ]; then
        if ! command -v gnuplot >/dev/null 2>&1 && [ "$(id -u)" = 0 ] &&
            command -v apt-get >/dev/null 2>&1; then
            echo "== installing gnuplot-nox" >&2
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q gnuplot-nox >/dev/null ||
                echo "run.sh: could not install gnuplot-nox" >&2
        fi
        if command -v gnuplot >/dev/null 2>&1; then
            gnuplot -e "csv='$out_dir/results.csv'; out='$out_dir/throughput.png'" \
                "$here/plot.gp"
        else
            echo "run.sh: gnuplot not available (install gnuplot-nox): no plot" >&2
        fi
    fi
}

if [ "$report_only" = 0 ]; then
    measure
fi
[ -r "$out_dir/results.csv" ] || die "no $out_dir/results.csv"
report
cat "$out_dir/ratios.md"
echo "== done in $(( $(date +%s) - start )) s; results in $out_dir" >&2
