# plot.gp - throughput vs message size, HMAC-SHA-256 and HMAC-SHA-512
# one-shot, one line per library. Called by run.sh:
#   gnuplot -e "csv='results.csv'; out='throughput.png'" bench/plot.gp

if (!exists("csv")) csv = "bench/results/results.csv"
if (!exists("out")) out = "bench/results/throughput.png"

set terminal pngcairo size 1400,560 font ",10" noenhanced
set output out
set datafile separator whitespace
set logscale x 2
set logscale y 10
set xtics ("16 B" 16, "64 B" 64, "256 B" 256, "1 KiB" 1024, "8 KiB" 8192, \
           "64 KiB" 65536, "1 MiB" 1048576)
set xlabel "message size (bytes)"
set ylabel "MB/s (10^6 bytes per second)"
set key top left
set grid

# One series: size and MB/s of a library's one-shot rows, sorted by size.
series(lib, algo) = sprintf("< awk -F, '$1 == \"%s\" && $2 == \"%s\" && $3 == \"oneshot\" { print $4, $6 }' '%s' | sort -n", lib, algo, csv)

libs = "libhmac libhmac-portable libsodium openssl"
titles = "libhmac libhmac-portable libsodium OpenSSL-HMAC()"

set multiplot layout 1,2
do for [algo in "HMAC-SHA-256 HMAC-SHA-512"] {
    set title algo . " one-shot (crypto_auth_hmacsha*, OpenSSL HMAC())"
    plot for [i = 1:words(libs)] series(word(libs, i), algo) \
         using 1:2 with linespoints lw 2 title word(titles, i)
}
unset multiplot
