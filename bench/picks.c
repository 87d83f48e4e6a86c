/*
 * picks.c - hmac-bench-picks: does cpu.c pick the fastest lane kernels on
 * this CPU? cpu.c's thresholds (from how many messages the x16, x8 or
 * x4 kernels take over from the SHA-NI streams or the scalar rounds) were
 * measured on one CPU; this measures them on the one it runs on.
 *
 * For each lane kernel this build has and this CPU runs, and each lane
 * count m it takes (1..width), it times one call over m lanes of the same
 * blocks, all of them in alternation round by round, keeping each one's
 * best round. Then, for n = 1..16 lanes in flight:
 *   best  the cheapest plan (groups of lanes, each one kernel call),
 *         found over every kernel by dynamic programming on the timings
 *   pick  the plan lanes.c runs (lanes_plan over cpu.c's picks)
 * and prints both with pick/best; a '*' marks pick/best above 1.03, where
 * cpu.c's rows are worth revisiting (confirm with bench/inproc/ab.sh
 * --many, which times the whole _many call).
 * The same follows for the fused HMAC kernels (64-byte messages, one key:
 * the padded inner tail and the outer block in one call).
 *
 * usage: hmac-bench-picks [--rounds R] [--bytes B] [--subsets]
 *   --rounds R  alternating rounds, the best kept (default 200)
 *   --bytes B   bytes a lane for the hash rows, a multiple of 128
 *               (default 4096, as cpu.c's thresholds were measured)
 *   --subsets   also every subset of the CPU's lane features (as CPUs
 *               without SHA-NI or without AVX-512 would run; on Zen 4,
 *               also without HMAC_CPU_ZEN4: Intel's rows), through the
 *               test hook hmac_cpu_force
 * Times are ns per lane block (clock_gettime), in cache.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

typedef struct {
    const char *name;
    lanes_fn *fn;
    lanes_hmac_fn *hmac;
    size_t width;
    unsigned need; /* HMAC_CPU_* bits the kernel needs */
} kernel;

static const kernel k256[] = {
    {"single", sha256_lanes_single, NULL, 1, 0},
#if defined(HMAC_HAVE_X86_SHANI)
    {"shani-x2", sha256_lanes_shani_x2, sha256_hmac_lanes_shani_x2, 2,
     HMAC_CPU_SHA256_HW},
    {"shani-x3", sha256_lanes_shani_x3, sha256_hmac_lanes_shani_x3, 3,
     HMAC_CPU_SHA256_HW},
#endif
#if defined(HMAC_HAVE_ARM_SHA2)
    {"armv8-x2", sha256_lanes_armv8_x2, NULL, 2, HMAC_CPU_SHA256_HW},
#endif
#if defined(HMAC_HAVE_X86_AVX2_LANES)
    {"avx2-x8", sha256_lanes_avx2, sha256_hmac_lanes_avx2, 8,
     HMAC_CPU_AVX2_LANES},
#endif
#if defined(HMAC_HAVE_X86_AVX512_LANES)
    {"vl-x8", sha256_lanes_avx512vl, sha256_hmac_lanes_avx512vl, 8,
     HMAC_CPU_AVX512_LANES},
    {"zmm-x16", sha256_lanes_avx512, sha256_hmac_lanes_avx512, 16,
     HMAC_CPU_AVX512_LANES},
#  if defined(HMAC_HAVE_X86_ASM)
    {"asm-x16", sha256_lanes_avx512_asm, sha256_hmac_lanes_avx512_asm, 16,
     HMAC_CPU_AVX512_LANES},
#  endif
#endif
};

static const kernel k512[] = {
    {"single", sha512_lanes_single, NULL, 1, 0},
    /* Over sha512_compress2: the assembly's shared schedule on x86,
     * two single streams where no backend pairs them. */
    {"pair-x2", sha512_lanes_x2, NULL, 2, 0},
#if defined(HMAC_HAVE_ARM_SHA512)
    {"armv8-x2", sha512_lanes_armv8_x2, NULL, 2, HMAC_CPU_SHA512_HW},
#endif
#if defined(HMAC_HAVE_X86_AVX2_LANES)
    {"avx2-x4", sha512_lanes_avx2, sha512_hmac_lanes_avx2, 4,
     HMAC_CPU_AVX2_LANES},
#endif
#if defined(HMAC_HAVE_X86_AVX512_LANES)
    {"vl-x4", sha512_lanes_avx512vl, sha512_hmac_lanes_avx512vl, 4,
     HMAC_CPU_AVX512_LANES},
#  if defined(HMAC_HAVE_X86_ASM)
    /* vl-x4's C loop below 4 blocks a call, the assembly from 4; the
     * same fused HMAC as vl-x4 (timed there). */
    {"asm-x4", sha512_lanes_avx512vl_asm, NULL, 4, HMAC_CPU_AVX512_LANES},
#  endif
    {"zmm-x8", sha512_lanes_avx512, sha512_hmac_lanes_avx512, 8,
     HMAC_CPU_AVX512_LANES},
#  if defined(HMAC_HAVE_X86_ASM)
    {"asm-x8", sha512_lanes_avx512_asm, sha512_hmac_lanes_avx512_asm, 8,
     HMAC_CPU_AVX512_LANES},
#  endif
#endif
};

typedef struct {
    const char *name;
    const kernel *k;
    size_t nk, block;
    size_t hmac_blocks; /* the padded inner tail of a 64-byte message */
    unsigned features;  /* the HMAC_CPU_* bits its kernels depend on */
    lanes_kernel (*pick)(size_t active);
    lanes_kernel (*hmac_pick)(size_t active);
} hash;

static const hash hashes[] = {
    {"SHA-256", k256, sizeof k256 / sizeof k256[0], 64, 2,
     HMAC_CPU_SHA256_HW | HMAC_CPU_AVX2_LANES | HMAC_CPU_AVX512_LANES |
         HMAC_CPU_ZEN4,
     sha256_lanes_pick, sha256_hmac_pick},
    {"SHA-512", k512, sizeof k512 / sizeof k512[0], 128, 1,
     HMAC_CPU_SHA512_HW | HMAC_CPU_SHA512_AVX512 | HMAC_CPU_AVX2_LANES |
         HMAC_CPU_AVX512_LANES,
     sha512_lanes_pick, sha512_hmac_pick},
};

#define NMAX LANES_MAX
#define NK 8 /* more than any table above */

static double now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Message data and chaining values: every call reads the same blocks
 * (in cache) and chains on, so no call is dead. */
static uint8_t *pool;
static uint64_t chains[NMAX][8];
static uint8_t tags[NMAX * 64];

/* t[k][m]: best ns of one call of kernel k over m lanes (0: not run). */
static void time_kernels(const hash *h, unsigned have, int hmac, size_t nblk,
                         int rounds, double t[NK][NMAX + 1])
{
    void *cv[NMAX];
    const void *ccv[NMAX];
    const uint8_t *data[NMAX];
    size_t nb[NMAX], i, j, k, m;
    int r;

    for (i = 0; i < NMAX; i++) {
        cv[i] = chains[i];
        ccv[i] = chains[i];
        data[i] = pool + i * nblk * h->block;
        nb[i] = nblk;
    }
    for (k = 0; k < NK; k++) {
        for (m = 0; m <= NMAX; m++) {
            t[k][m] = 0;
        }
    }
    for (r = 0; r < rounds; r++) {
        /* Each round starts one kernel further on, so that none always
         * runs right after the widest (AVX-512 frequency, caches). */
        for (j = 0; j < h->nk; j++) {
            const kernel *kk = &h->k[k = (j + (size_t)r) % h->nk];

            if ((have & kk->need) != kk->need || (hmac && kk->hmac == NULL)) {
                continue;
            }
            for (m = 1; m <= kk->width; m++) {
                double t0 = now_ns(), dt;

                if (hmac) {
                    kk->hmac(tags, h->block / 2, ccv, chains[NMAX - 1], data,
                             nb, m);
                } else {
                    kk->fn(cv, data, m, nblk);
                }
                dt = now_ns() - t0;
                if (t[k][m] == 0 || dt < t[k][m]) {
                    t[k][m] = dt;
                }
            }
        }
    }
}

static size_t find(const hash *h, lanes_fn *fn, lanes_hmac_fn *hfn)
{
    size_t k;

    for (k = 0; k < h->nk; k++) {
        if (hfn != NULL ? h->k[k].hmac == hfn : h->k[k].fn == fn) {
            return k;
        }
    }
    return NK;
}

/* A plan's text: groups "name(m)" joined by '+', a run of equal groups
 * written once as "count*name(m)". */
typedef struct {
    char s[96];
    const char *name; /* the last group's */
    size_t m, count, at; /* at: where the last group's text starts */
} plan;

static void plan_add(plan *p, const char *name, size_t m)
{
    size_t len = strlen(p->s);

    if (p->count > 0 && p->name == name && p->m == m) {
        p->count++;
        snprintf(p->s + p->at, sizeof p->s - p->at, "%zu*%s(%zu)", p->count,
                 name, m);
        return;
    }
    if (len > 0 && len + 1 < sizeof p->s) {
        p->s[len++] = '+';
        p->s[len] = '\0';
    }
    p->name = name;
    p->m = m;
    p->count = 1;
    p->at = len;
    snprintf(p->s + len, sizeof p->s - len, "%s(%zu)", name, m);
}

static int report(const hash *h, unsigned have, int hmac, size_t nblk,
                  int rounds)
{
    static double t[NK][NMAX + 1];
    double best[NMAX + 1];
    size_t first[NMAX + 1], n, k, marks = 0;

    time_kernels(h, have, hmac, nblk, rounds, t);
    /* best[n]: the cheapest plan for n lanes, whose first group is
     * first[n] (a kernel over min(width, n) lanes). */
    best[0] = 0;
    for (n = 1; n <= NMAX; n++) {
        best[n] = -1;
        for (k = 0; k < h->nk; k++) {
            size_t m = n < h->k[k].width ? n : h->k[k].width;
            double c;

            if (t[k][m] == 0 || best[n - m] < 0) {
                continue;
            }
            c = t[k][m] + best[n - m];
            if (best[n] < 0 || c < best[n]) {
                best[n] = c;
                first[n] = k;
            }
        }
    }
    if (best[1] < 0) {
        printf("\n%s HMAC: no fused kernel runs with features 0x%x\n",
               h->name, have);
        return 0;
    }
    printf("\n%s%s, %s, features 0x%x; ns per lane block\n", h->name,
           hmac ? " HMAC, fused" : "", hmac ? "64-byte messages" : "in cache",
           have);
    printf("%3s %-28s %8s %-28s %8s %9s\n", "n", "best", "ns", "cpu.c's pick",
           "ns", "pick/best");
    for (n = 1; n <= NMAX; n++) {
        plan bs = {"", NULL, 0, 0, 0}, ps = {"", NULL, 0, 0, 0};
        double pc = 0, per = (double)(n * nblk);
        size_t i, g, left;
        int known = 1;

        for (left = n; left > 0; left -= g) {
            k = first[left];
            g = left < h->k[k].width ? left : h->k[k].width;
            plan_add(&bs, h->k[k].name, g);
        }
        /* lanes.c's run_groups (the hash), hash_many_hmac's groups (the
         * fused HMAC: where cpu.c names no fused kernel, the rest goes to
         * the two stages, not timed here). */
        if (hmac) {
            for (i = 0; i < n; i += g) {
                lanes_kernel kp = h->hmac_pick(n - i);

                k = kp.hmac ? find(h, NULL, kp.hmac) : NK;
                if (k == NK) {
                    plan_add(&ps, "two-stages", n - i);
                    known = 0;
                    break;
                }
                g = n - i < kp.width ? n - i : kp.width;
                plan_add(&ps, h->k[k].name, g);
                pc += t[k][g];
            }
        } else {
            lanes_group run[LANES_MAX];
            size_t ng = lanes_plan(n, h->pick, run), q;

            for (q = 0; q < ng; q++) {
                k = find(h, run[q].k.fn, NULL);
                g = run[q].lanes;
                if (k == NK || t[k][g] == 0) {
                    plan_add(&ps, "?", g);
                    known = 0;
                    continue;
                }
                plan_add(&ps, h->k[k].name, g);
                pc += t[k][g];
            }
        }
        if (known) {
            int mark = pc / best[n] > 1.03;

            printf("%3zu %-28s %8.1f %-28s %8.1f %8.3f%s\n", n, bs.s,
                   best[n] / per, ps.s, pc / per, pc / best[n],
                   mark ? " *" : "");
            marks += (size_t)mark;
        } else {
            printf("%3zu %-28s %8.1f %-28s %8s %9s\n", n, bs.s, best[n] / per,
                   ps.s, "-", "-");
        }
    }
    return (int)marks;
}

int main(int argc, char **argv)
{
    int rounds = 200, subsets = 0, i, marks = 0;
    size_t bytes = 4096, h;
    unsigned all = hmac_cpu_force(HMAC_CPU_ALL), s;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
            rounds = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--bytes") == 0 && i + 1 < argc) {
            bytes = (size_t)strtoul(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--subsets") == 0) {
            subsets = 1;
        } else {
            fprintf(stderr, "usage: hmac-bench-picks [--rounds R] "
                            "[--bytes B] [--subsets]\n");
            return 2;
        }
    }
    if (rounds < 1 || bytes < 128 || bytes % 128 != 0 || bytes > (1u << 20)) {
        fprintf(stderr, "hmac-bench-picks: --rounds >= 1; --bytes a multiple "
                        "of 128, at most 1 MiB\n");
        return 2;
    }
    pool = malloc(NMAX * bytes);
    if (pool == NULL) {
        fprintf(stderr, "hmac-bench-picks: out of memory\n");
        return 1;
    }
    for (h = 0; h < NMAX * bytes; h++) {
        pool[h] = (uint8_t)(h * 131 + (h >> 9));
    }
    printf("# hmac-bench-picks: best of %d alternating rounds, %zu bytes a "
           "lane; CPU features 0x%x (HMAC_CPU_*, src/internal.h)\n",
           rounds, bytes, all);
    for (h = 0; h < sizeof hashes / sizeof hashes[0]; h++) {
        const hash *hh = &hashes[h];
        unsigned rel = all & hh->features;

        /* Every subset of the CPU's features this hash depends on (or the
         * whole set): from the full set down. AVX-512 lanes without AVX2
         * lanes is no CPU, and is skipped. */
        for (s = rel;; s = (s - 1) & rel) {
            if (!((s & HMAC_CPU_AVX512_LANES) && !(s & HMAC_CPU_AVX2_LANES)) &&
                (subsets || s == rel)) {
                hmac_cpu_force(s | (all & ~hh->features));
                marks += report(hh, s, 0, bytes / hh->block, rounds);
                marks += report(hh, s, 1, hh->hmac_blocks, rounds);
            }
            if (s == 0) {
                break;
            }
        }
    }
    hmac_cpu_force(HMAC_CPU_ALL);
    printf("\n# %d row(s) marked: cpu.c's pick over 1.03x the best plan\n",
           marks);
    printf("# sink %u\n", (unsigned)(chains[0][0] ^ tags[0]));
    free(pool);
    return 0;
}
