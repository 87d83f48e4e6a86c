# ratios.awk - Markdown ratio tables and the issue 3 targets, from
# results.csv (run with awk -F, -f ratios.awk results.csv).
#
# A ratio is the other library's time per message divided by libhmac's:
# above 1 means libhmac is faster. "n/a" marks a row a library lacks.
# "OpenSSL EVP_MAC reuse" is the faster of keyed-reinit and keyed-dup.

NR == 1 { next }
{
    ns[$1, $2, $3, $4] = $5 + 0
    if ($3 ~ /-x[0-9]+$/) {
        # a many-message row (issue 10): mode "<mode>-x<n>"
        b = $3
        sub(/.*-x/, "", b)
        if (!(b in seen_batch)) { seen_batch[b] = 1; batches[nbatches++] = b + 0 }
        if (!($4 in seen_many)) { seen_many[$4] = 1; many_sizes[nmany++] = $4 + 0 }
    } else if ($2 !~ /^PBKDF2/ && $1 != "libhmac-floor" && !($4 in seen)) {
        seen[$4] = 1
        sizes[nsizes++] = $4 + 0
    }
}

# Time per message, or 0 when the row is missing.
function t(lib, algo, mode, size,    k) {
    k = lib SUBSEP algo SUBSEP mode SUBSEP size
    return (k in ns) ? ns[k] : 0
}

# The smaller of two times, ignoring a missing (0) one.
function fastest(a, b) {
    if (a == 0) return b
    if (b == 0 || a < b) return a
    return b
}

function ossl_reuse(algo, size) {
    return fastest(t("openssl", algo, "keyed-reinit", size),
                   t("openssl", algo, "keyed-dup", size))
}

# The fastest mode a library has for this algorithm and size.
function best(lib, algo, size,    i, r) {
    r = 0
    for (i = 0; i < nmodes; i++) r = fastest(r, t(lib, algo, modes[i], size))
    return r
}

function ratio_of(other, ours) {
    return (other == 0 || ours == 0) ? 0 : other / ours
}

function fmt_ratio(r) {
    return r == 0 ? "n/a" : sprintf("%.2fx", r)
}

function fmt_rate(ns_, size) {
    return ns_ == 0 ? "n/a" : sprintf("%.0f", size / ns_ * 1000)
}

function fmt_size(s) {
    if (s >= 1048576 && s % 1048576 == 0) return (s / 1048576) " MiB"
    if (s >= 1024 && s % 1024 == 0) return (s / 1024) " KiB"
    return s " B"
}

# Time of a mode, where mode may also be "best" (the library's fastest)
# or "reuse" (OpenSSL's faster keyed mode).
function time_of(lib, algo, mode, size) {
    if (mode == "best") return best(lib, algo, size)
    if (mode == "reuse") return ossl_reuse(algo, size)
    return t(lib, algo, mode, size)
}

# The least time an HMAC of size bytes can take with libhmac's compression
# (hmac-bench-floor rows): the ipad/opad pair as measured, then every other
# block at the bulk rate, in sequence. keyed: the key blocks are done
# already (keyed-copy). 0 when the floor was not measured.
function floor_ns(algo, size, keyed,    h, bs, pair, bulk, n) {
    h = algo ~ /512/ ? "SHA-512-compress" : "SHA-256-compress"
    bs = algo ~ /512/ ? 128 : 64
    pair = t("libhmac-floor", h, "chain2", bs)
    bulk = t("libhmac-floor", h, "bulk", bs)
    if (pair == 0 || bulk == 0) return 0
    # inner: message and padding (the length needs 8 or 16 bytes); outer:
    # the inner digest and its padding fit one block
    n = int((size + (bs == 64 ? 9 : 17) + bs - 1) / bs) + 1
    return keyed ? n * bulk : pair + n * bulk
}

# One row of the targets table: other's time / ours must reach goal.
# ceiling: other's time / floor_ns, the ratio if an HMAC cost only its
# compressions ("-" where no floor applies).
function target(desc, algo, size, other, other_mode, ours, our_mode, goal,
                r, other_ns, fl, c) {
    other_ns = time_of(other, algo, other_mode, size)
    r = ratio_of(other_ns, time_of(ours, algo, our_mode, size))
    fl = ours == "libhmac" ? floor_ns(algo, size, our_mode == "keyed-copy") : 0
    c = ratio_of(other_ns, fl)
    # truncated to three decimals, so that a MISS never shows as "1.000x"
    printf "| %s | %s | >= %.2fx | %s | %s |\n", desc,
           r == 0 ? "n/a" : sprintf("%.3fx", int(r * 1000) / 1000), goal,
           r == 0 ? "n/a" : (r >= goal ? "PASS" : "MISS"),
           c == 0 ? "-" : sprintf("%.2fx", c)
    if (r != 0 && r < goal) misses++
}

# ---- many messages per call (issue 10) ----------------------------------

# Time per message of a many-message row: mode "<mode>-x<n>".
function tm(lib, algo, mode, n, size) {
    return t(lib, algo, mode "-x" n, size)
}

# One row of the issue 10 targets: other's time per message / ours, both
# over batches of n messages of size bytes.
function many_target(desc, algo, size, n, other, other_mode, our_mode, goal,
                     r) {
    r = ratio_of(tm(other, algo, other_mode, n, size),
                 tm("libhmac", algo, our_mode, n, size))
    printf "| %s | %s | >= %.2fx | %s |\n", desc,
           r == 0 ? "n/a" : sprintf("%.3fx", int(r * 1000) / 1000), goal,
           r == 0 ? "n/a" : (r >= goal ? "PASS" : "MISS")
    if (r != 0 && r < goal) many_misses++
}

function sort_numbers(a, n,    i, j, v) {
    for (i = 1; i < n; i++) {
        v = a[i]
        for (j = i - 1; j >= 0 && a[j] > v; j--) a[j + 1] = a[j]
        a[j + 1] = v
    }
}

function many_targets(    i, algo, size, n, sz) {
    print "## Targets (issue 10: many messages per call)"
    print ""
    print "Per message, batches of n distinct messages of one size, one key."
    print "many: hmac_auth_*_many / hmac_hash_*_many; one-shot loop: the single"
    print "one-shot call over the same n messages; keyed-copy loop: a keyed"
    print "state copied per message; libsodium: its one-shot loop."
    print ""
    print "| target | ratio | goal | result |"
    print "|---|---:|---:|---|"
    many_target("SHA-512 16 x 64 KiB vs libhmac's single stream", "SHA-512",
                65536, 16, "libhmac", "loop-oneshot", "many", 4.5)
    many_target("SHA-256 16 x 64 KiB vs libhmac's single stream", "SHA-256",
                65536, 16, "libhmac", "loop-oneshot", "many", 2.2)
    split("HMAC-SHA-512-256 HMAC-SHA-512", algos, " ")
    for (i = 1; i in algos; i++) {
        algo = algos[i]
        many_target(algo " 16 x 64 B vs libhmac's one-shot loop", algo, 64, 16,
                    "libhmac", "loop-oneshot", "many", 4.5)
        many_target(algo " 16 x 64 B vs libsodium's one-shot loop", algo, 64,
                    16, "libsodium", "loop-oneshot", "many", 6)
        many_target(algo " 16 x 64 B vs libhmac's keyed-copy loop", algo, 64,
                    16, "libhmac", "loop-keyed", "many", 2.5)
    }
    many_target("HMAC-SHA-256 16 x 64 B vs libhmac's one-shot loop",
                "HMAC-SHA-256", 64, 16, "libhmac", "loop-oneshot", "many", 2.0)
    many_target("HMAC-SHA-256 16 x 64 B vs libsodium's one-shot loop",
                "HMAC-SHA-256", 64, 16, "libsodium", "loop-oneshot", "many", 10)
    split("HMAC-SHA-256,64 HMAC-SHA-512-256,64 SHA-256,65536 SHA-512,65536",
          small, " ")
    for (i = 1; i in small; i++) {
        split(small[i], sz, ",")
        algo = sz[1]
        size = sz[2] + 0
        for (n = 1; n <= 3; n++) {
            many_target(sprintf("%s n = %d x %s vs libhmac's one-shot loop",
                                algo, n, fmt_size(size)), algo, size, n,
                        "libhmac", "loop-oneshot", "many", n == 1 ? 0.95 : 1.0)
        }
    }
    print ""
    printf "%d target(s) missed.\n\n", many_misses
}

# Per algorithm: every (size, n) of the many-message rows.
function many_table(algo, hmac,    i, j, s, n, ours, r) {
    print "### " algo ", n messages per call"
    print ""
    if (hmac) {
        print "| size | n | many MB/s | vs one-shot loop | update-many vs " \
              "keyed-copy loop | vs libsodium loop | vs OpenSSL HMAC() loop | " \
              "vs OpenSSL EVP_MAC reuse loop | portable: many vs loop |"
        print "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    } else {
        print "| size | n | many MB/s | vs one-shot loop | vs libsodium loop | " \
              "vs OpenSSL loop | portable: many vs loop |"
        print "|---:|---:|---:|---:|---:|---:|---:|"
    }
    for (i = 0; i < nmany; i++) {
        s = many_sizes[i]
        for (j = 0; j < nbatches; j++) {
            n = batches[j]
            ours = tm("libhmac", algo, "many", n, s)
            printf "| %s | %d | %s | %s", fmt_size(s), n, fmt_rate(ours, s),
                fmt_ratio(ratio_of(tm("libhmac", algo, "loop-oneshot", n, s), ours))
            if (hmac) {
                r = ratio_of(tm("libhmac", algo, "loop-keyed", n, s),
                             tm("libhmac", algo, "update-many", n, s))
                printf " | %s", fmt_ratio(r)
            }
            printf " | %s | %s",
                fmt_ratio(ratio_of(tm("libsodium", algo, "loop-oneshot", n, s), ours)),
                fmt_ratio(ratio_of(tm("openssl", algo, "loop-oneshot", n, s), ours))
            if (hmac) {
                r = ratio_of(tm("openssl", algo, "loop-reuse", n, s), ours)
                printf " | %s", fmt_ratio(r)
            }
            r = ratio_of(tm("libhmac-portable", algo, "loop-oneshot", n, s),
                         tm("libhmac-portable", algo, "many", n, s))
            printf " | %s |\n", fmt_ratio(r)
        }
    }
    print ""
}

function hmac_table(algo,    i, s, ours, keyed) {
    print "### " algo
    print ""
    print "| size | libhmac MB/s | vs libsodium | vs OpenSSL HMAC() | " \
          "stream4k vs libsodium | stream4k vs OpenSSL EVP_MAC | " \
          "keyed-copy MB/s | keyed-copy vs libsodium | " \
          "keyed-copy vs OpenSSL EVP_MAC reuse | portable vs libsodium |"
    print "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for (i = 0; i < nsizes; i++) {
        s = sizes[i]
        ours = t("libhmac", algo, "oneshot", s)
        keyed = t("libhmac", algo, "keyed-copy", s)
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
            fmt_size(s), fmt_rate(ours, s),
            fmt_ratio(ratio_of(t("libsodium", algo, "oneshot", s), ours)),
            fmt_ratio(ratio_of(t("openssl", algo, "oneshot", s), ours)),
            fmt_ratio(ratio_of(t("libsodium", algo, "stream4k", s),
                               t("libhmac", algo, "stream4k", s))),
            fmt_ratio(ratio_of(t("openssl", algo, "stream4k", s),
                               t("libhmac", algo, "stream4k", s))),
            fmt_rate(keyed, s),
            fmt_ratio(ratio_of(t("libsodium", algo, "keyed-copy", s), keyed)),
            fmt_ratio(ratio_of(ossl_reuse(algo, s), keyed)),
            fmt_ratio(ratio_of(t("libsodium", algo, "oneshot", s),
                               t("libhmac-portable", algo, "oneshot", s)))
    }
    print ""
}

function hash_table(algo,    i, s, ours) {
    print "### " algo " (one-shot)"
    print ""
    print "| size | libhmac MB/s | vs libsodium | vs OpenSSL | " \
          "portable MB/s | portable vs libsodium |"
    print "|---:|---:|---:|---:|---:|---:|"
    for (i = 0; i < nsizes; i++) {
        s = sizes[i]
        ours = t("libhmac", algo, "oneshot", s)
        printf "| %s | %s | %s | %s | %s | %s |\n", fmt_size(s),
            fmt_rate(ours, s),
            fmt_ratio(ratio_of(t("libsodium", algo, "oneshot", s), ours)),
            fmt_ratio(ratio_of(t("openssl", algo, "oneshot", s), ours)),
            fmt_rate(t("libhmac-portable", algo, "oneshot", s), s),
            fmt_ratio(ratio_of(t("libsodium", algo, "oneshot", s),
                               t("libhmac-portable", algo, "oneshot", s)))
    }
    print ""
}

function pbkdf2_row(algo, size,    ours, theirs) {
    ours = t("libhmac", algo, "iter100000", size)
    theirs = t("openssl", algo, "iter100000", size)
    if (ours == 0 && theirs == 0) return
    printf "| %s | %s | %s | %s |\n", algo,
        ours == 0 ? "n/a" : sprintf("%.2f", ours / 1e6),
        theirs == 0 ? "n/a" : sprintf("%.2f", theirs / 1e6),
        fmt_ratio(ratio_of(theirs, ours))
}

END {
    split("oneshot stream4k keyed-copy keyed-reinit keyed-dup", modes_tmp, " ")
    nmodes = 0
    for (i = 1; i in modes_tmp; i++) modes[nmodes++] = modes_tmp[i]
    # sizes in increasing order (insertion sort: there are a handful)
    for (i = 1; i < nsizes; i++) {
        v = sizes[i]
        for (j = i - 1; j >= 0 && sizes[j] > v; j--) sizes[j + 1] = sizes[j]
        sizes[j + 1] = v
    }

    print "## Targets (issue 3)"
    print ""
    print "1 MiB rows compare the fastest mode of each library; 64 B rows the"
    print "named modes. Ceiling: the ratio libhmac would reach if an HMAC cost"
    print "nothing but its compressions (hmac-bench-floor: the ipad/opad pair as"
    print "measured, every other block at the bulk rate). A goal above the"
    print "ceiling cannot be met with this compression function on this machine."
    print ""
    print "| target | ratio | goal | result | ceiling |"
    print "|---|---:|---:|---|---:|"
    target("HMAC-SHA-256 1 MiB vs OpenSSL", "HMAC-SHA-256", 1048576,
           "openssl", "best", "libhmac", "best", 1.0)
    target("HMAC-SHA-512 1 MiB vs OpenSSL", "HMAC-SHA-512", 1048576,
           "openssl", "best", "libhmac", "best", 1.05)
    target("HMAC-SHA-256 one-shot 64 B vs libsodium", "HMAC-SHA-256", 64,
           "libsodium", "oneshot", "libhmac", "oneshot", 5)
    target("HMAC-SHA-256 one-shot 64 B vs OpenSSL HMAC()", "HMAC-SHA-256", 64,
           "openssl", "oneshot", "libhmac", "oneshot", 5)
    target("HMAC-SHA-512 one-shot 64 B vs libsodium", "HMAC-SHA-512", 64,
           "libsodium", "oneshot", "libhmac", "oneshot", 2)
    target("HMAC-SHA-256 keyed-copy 64 B vs OpenSSL EVP_MAC reuse",
           "HMAC-SHA-256", 64, "openssl", "reuse", "libhmac", "keyed-copy", 1.3)
    target("portable SHA-256 1 MiB vs libsodium", "SHA-256", 1048576,
           "libsodium", "oneshot", "libhmac-portable", "oneshot", 1.15)
    target("portable SHA-512 1 MiB vs libsodium", "SHA-512", 1048576,
           "libsodium", "oneshot", "libhmac-portable", "oneshot", 1.15)
    print ""
    printf "%d target(s) missed.\n\n", misses

    print "## HMAC"
    print ""
    print "One-shot: crypto_auth_hmacsha*() / OpenSSL HMAC(). stream4k: init with"
    print "a 32-byte key, update in 4 KiB chunks, final (OpenSSL: EVP_MAC_init with"
    print "the key on one reused context). keyed-copy: copy a keyed state per"
    print "message (OpenSSL: the faster of EVP_MAC_init(ctx, NULL, 0, NULL) and"
    print "EVP_MAC_CTX_dup). portable: libhmac with HMAC_BACKEND=portable, one-shot."
    print ""
    hmac_table("HMAC-SHA-256")
    hmac_table("HMAC-SHA-512")
    hmac_table("HMAC-SHA-512-256")

    print "## Hashes"
    print ""
    hash_table("SHA-256")
    hash_table("SHA-512")

    if (nbatches > 0) {
        sort_numbers(batches, nbatches)
        sort_numbers(many_sizes, nmany)
        many_targets()
        print "## Many messages per call"
        print ""
        print "Ratios per message over batches of n distinct messages (other's"
        print "time / libhmac's, above 1 means libhmac's _many call is faster)."
        print "update-many: n copies of a keyed state, one _update_many and one"
        print "_final_many. OpenSSL EVP_MAC reuse: EVP_MAC_init(ctx, NULL, 0, NULL)"
        print "per message. portable: both under HMAC_BACKEND=portable."
        print ""
        many_table("HMAC-SHA-256", 1)
        many_table("HMAC-SHA-512", 1)
        many_table("HMAC-SHA-512-256", 1)
        many_table("SHA-256", 0)
        many_table("SHA-512", 0)
    }

    if (t("libhmac", "PBKDF2-HMAC-SHA-256", "iter100000", 32) != 0 ||
        t("openssl", "PBKDF2-HMAC-SHA-256", "iter100000", 32) != 0) {
        print "## PBKDF2, 100,000 iterations (ms per derivation)"
        print ""
        print "| algorithm | libhmac | OpenSSL PKCS5_PBKDF2_HMAC | ratio |"
        print "|---|---:|---:|---:|"
        pbkdf2_row("PBKDF2-HMAC-SHA-256", 32)
        pbkdf2_row("PBKDF2-HMAC-SHA-512", 64)
        print ""
    }
}
