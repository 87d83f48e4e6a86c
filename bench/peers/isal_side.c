/*
 * bench/peers/isal_side.c - isa-l_crypto's multi-buffer SHA-256/SHA-512
 * against libhmac's hmac_hash_sha256_many/hmac_hash_sha512_many, side by
 * side in one process. Built and run by bench/peers/isal.sh, which links an
 * isa-l_crypto checked out and built outside this repository (none of its
 * code is ever committed here).
 *
 * What it measures: throughput in MB/s (10^6 message bytes per second) of
 * hashing n distinct messages of one size in one batch. Rows: n = 16 at
 * 64, 1024, 4096 and 65536 bytes, and at 65536 bytes also n = 8, 32 and 1
 * (n = 1: each library's one-stream code). Columns (variants):
 *   isal      isa-l's public API: isal_shaNNN_ctx_mgr_init, one _submit
 *             per message (ISAL_HASH_ENTIRE), _flush until empty; isa-l
 *             picks its manager for the CPU at run time
 *   many      hmac_hash_shaNNN_many(out, in, len, n)
 *   single    crypto_hash_shaNNN over each message in a loop
 * and, when built with ISAL_DIAG=1 (the default), isa-l's per-architecture
 * managers called directly, to see which of them its dispatcher picked:
 *   SHA-256   isal-x16  _sha256_ctx_mgr_*_avx512  (16 lanes of AVX-512)
 *             isal-ni   _sha256_ctx_mgr_*_sse_ni  (SHA-NI, 1-2 lanes)
 *   SHA-512   isal-x4   _sha512_ctx_mgr_*_avx2    (4 lanes of AVX2)
 * These are global symbols of isa-l_crypto.a but not its API: build with
 * -DISAL_DIAG=0 when the archive lacks them (another isa-l version, a
 * non-x86-64 build). A diagnostic variant whose instructions the CPU lacks
 * is left out at run time; --no-diag leaves all of them out.
 *
 * Method. Before any timing, every variant's digests of the row's messages
 * are checked against libhmac's crypto_hash_shaNNN (isa-l's result_digest
 * words written out big-endian); a mismatch is reported on the row and
 * makes the exit status 1. Each variant is then calibrated so that one
 * timing lasts at least MIN_NS ns, and ROUNDS rounds follow: a round times
 * every variant once, one after the other, and the variant that goes
 * first moves on by one each round, so that a noisy phase of a shared
 * machine hits every variant alike. The best MB/s of the rounds is
 * printed, with the median and range of the per-round many/isal ratio.
 * -DROUNDS=7 -DMIN_NS=50000000 (50 ms) are the defaults.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hmac.h>
#include <isa-l_crypto/sha256_mb.h>
#include <isa-l_crypto/sha512_mb.h>
#include <isa-l_crypto/multi_buffer.h>
#include <isa-l_crypto/isal_crypto_api.h>

#ifndef ROUNDS
#define ROUNDS 7
#endif
#ifndef MIN_NS
#define MIN_NS 50000000
#endif
#ifndef ISAL_DIAG
#define ISAL_DIAG 1
#endif

#define MAXN 32 /* messages per batch, at most */
#define MAXV 5  /* variants per row, at most */

static const double min_ns = (double)(MIN_NS);

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* ---- what the variants of one row share ---- */
static int g_bits; /* 256 or 512 */
static size_t g_n, g_size;
static const unsigned char *g_in[MAXN];
static size_t g_len[MAXN];
static unsigned char g_out[MAXN * 64];
static ISAL_SHA256_HASH_CTX_MGR *m256;
static ISAL_SHA512_HASH_CTX_MGR *m512;
static ISAL_SHA256_HASH_CTX *c256;
static ISAL_SHA512_HASH_CTX *c512;
static int g_err; /* a call returned an error */
static volatile unsigned sink;

/* ---- isa-l ---- */

/* One batch through an isa-l manager (initialised by the caller): each
 * message submitted whole, then flushes until the manager is empty. */
#define ISAL_RUN(fn, B, submit, flush)                                              \
    static void fn(void)                                                            \
    {                                                                               \
        size_t i;                                                                   \
        for (i = 0; i < g_n; i++) {                                                 \
            isal_hash_ctx_init(&c##B[i]);                                           \
            (void)submit(m##B, &c##B[i], g_in[i], (uint32_t)g_len[i],               \
                         ISAL_HASH_ENTIRE);                                         \
        }                                                                           \
        while (flush(m##B) != NULL)                                                 \
            ;                                                                       \
        sink += (unsigned)c##B[0].job.result_digest[0];                             \
    }

/* The public API: submit and flush return an error code and hand the
 * finished context back through a pointer. These wrappers give them the
 * shape of the per-architecture functions for ISAL_RUN (direct calls,
 * inlined: no indirection is timed). */
#define ISAL_PUBLIC(B)                                                              \
    static inline ISAL_SHA##B##_HASH_CTX *pub##B##_submit(                          \
            ISAL_SHA##B##_HASH_CTX_MGR *m, ISAL_SHA##B##_HASH_CTX *c, const void *buf, \
            uint32_t len, ISAL_HASH_CTX_FLAG flag)                                  \
    {                                                                               \
        ISAL_SHA##B##_HASH_CTX *done = NULL;                                        \
        if (isal_sha##B##_ctx_mgr_submit(m, c, &done, buf, len, flag) != 0)         \
            g_err = 1;                                                              \
        return done;                                                                \
    }                                                                               \
    static inline ISAL_SHA##B##_HASH_CTX *pub##B##_flush(ISAL_SHA##B##_HASH_CTX_MGR *m) \
    {                                                                               \
        ISAL_SHA##B##_HASH_CTX *done = NULL;                                        \
        if (isal_sha##B##_ctx_mgr_flush(m, &done) != 0)                             \
            g_err = 1;                                                              \
        return done;                                                                \
    }                                                                               \
    static void init_pub##B(void) { isal_sha##B##_ctx_mgr_init(m##B); }            \
    ISAL_RUN(run_isal_##B, B, pub##B##_submit, pub##B##_flush)
ISAL_PUBLIC(256)
ISAL_PUBLIC(512)

#if ISAL_DIAG
/* isa-l's per-architecture managers: global in isa-l_crypto.a, not declared
 * by its headers. */
#define ISAL_ARCH_DECL(B, arch)                                                     \
    void _sha##B##_ctx_mgr_init_##arch(ISAL_SHA##B##_HASH_CTX_MGR *);               \
    ISAL_SHA##B##_HASH_CTX *_sha##B##_ctx_mgr_submit_##arch(                        \
            ISAL_SHA##B##_HASH_CTX_MGR *, ISAL_SHA##B##_HASH_CTX *, const void *, uint32_t, \
            ISAL_HASH_CTX_FLAG);                                                    \
    ISAL_SHA##B##_HASH_CTX *_sha##B##_ctx_mgr_flush_##arch(ISAL_SHA##B##_HASH_CTX_MGR *); \
    static void init_##B##_##arch(void) { _sha##B##_ctx_mgr_init_##arch(m##B); }   \
    ISAL_RUN(run_##B##_##arch, B, _sha##B##_ctx_mgr_submit_##arch,                  \
             _sha##B##_ctx_mgr_flush_##arch)
ISAL_ARCH_DECL(256, avx512)
ISAL_ARCH_DECL(256, sse_ni)
ISAL_ARCH_DECL(512, avx2)

/* Does the CPU (and OS) run them? Unknown compilers and CPUs: assume so. */
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#include <cpuid.h>
static int cpu_avx512(void)
{
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl");
}
static int cpu_avx2(void) { return __builtin_cpu_supports("avx2"); }
static int cpu_sha_ni(void)
{
    unsigned a, b, c, d;
    return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b >> 29 & 1u) &&
           __builtin_cpu_supports("sse4.1");
}
#else
static int cpu_avx512(void) { return 1; }
static int cpu_avx2(void) { return 1; }
static int cpu_sha_ni(void) { return 1; }
#endif
#endif /* ISAL_DIAG */

/* ---- libhmac ---- */
static void run_many_256(void)
{
    g_err |= hmac_hash_sha256_many(g_out, g_in, g_len, g_n) != 0;
    sink += g_out[0];
}
static void run_many_512(void)
{
    g_err |= hmac_hash_sha512_many(g_out, g_in, g_len, g_n) != 0;
    sink += g_out[0];
}
static void run_single_256(void)
{
    size_t i;
    for (i = 0; i < g_n; i++)
        crypto_hash_sha256(g_out + i * 32, g_in[i], g_len[i]);
    sink += g_out[0];
}
static void run_single_512(void)
{
    size_t i;
    for (i = 0; i < g_n; i++)
        crypto_hash_sha512(g_out + i * 64, g_in[i], g_len[i]);
    sink += g_out[0];
}

/* ---- variants ---- */
typedef struct {
    int bits;
    const char *name;
    void (*run)(void);
    void (*mgr_init)(void); /* isa-l: (re)initialises its manager; libhmac: NULL */
    int (*cpu_ok)(void);    /* NULL: runs everywhere */
    int diag;
} variant_def;

static const variant_def defs[] = {
    /* the first three of each hash must stay isal, many, single (ratios) */
    {256, "isal", run_isal_256, init_pub256, NULL, 0},
    {256, "many", run_many_256, NULL, NULL, 0},
    {256, "single", run_single_256, NULL, NULL, 0},
#if ISAL_DIAG
    {256, "isal-x16", run_256_avx512, init_256_avx512, cpu_avx512, 1},
    {256, "isal-ni", run_256_sse_ni, init_256_sse_ni, cpu_sha_ni, 1},
#endif
    {512, "isal", run_isal_512, init_pub512, NULL, 0},
    {512, "many", run_many_512, NULL, NULL, 0},
    {512, "single", run_single_512, NULL, NULL, 0},
#if ISAL_DIAG
    {512, "isal-x4", run_512_avx2, init_512_avx2, cpu_avx2, 1},
#endif
};
#define NDEFS (sizeof defs / sizeof defs[0])

typedef struct {
    const variant_def *d;
    long reps;
    double best_mbs;
} variant;

static double time_reps(const variant *v, long reps)
{
    double t0;
    long r;
    if (v->d->mgr_init)
        v->d->mgr_init();
    v->d->run(); /* warm */
    t0 = now_ns();
    for (r = 0; r < reps; r++)
        v->d->run();
    return now_ns() - t0;
}

/* One timing of at least min_ns: if the machine got faster since the
 * calibration, reps grow and the short timing is discarded. */
static double timed_mbs(variant *v, double bytes)
{
    for (;;) {
        double t = time_reps(v, v->reps);
        if (t >= min_ns)
            return bytes * (double)v->reps / t * 1e3; /* B/ns * 1e3 = MB/s */
        v->reps = (long)((double)v->reps * (min_ns * 1.3) / t) + 1;
    }
}

static void calibrate(variant *v)
{
    long reps = 1;
    double t;
    for (;;) {
        t = time_reps(v, reps);
        if (t >= min_ns / 8)
            break;
        reps *= 2;
    }
    v->reps = (long)((double)reps * (min_ns * 1.5) / t) + 1;
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* ---- digest check ---- */
static void put_be(unsigned char *p, uint64_t w, int bytes)
{
    int k;
    for (k = 0; k < bytes; k++)
        p[k] = (unsigned char)(w >> (8 * (bytes - 1 - k)));
}

/* Runs each variant once on zeroed outputs and compares its n digests
 * with crypto_hash_shaNNN's. Returns 1 on any mismatch or error. */
static int check_row(const variant *vs, int nv)
{
    unsigned char ref[MAXN * 64], got[MAXN * 64];
    size_t dlen = g_bits == 256 ? 32 : 64, i;
    int v, k, bad = 0;

    for (i = 0; i < g_n; i++) {
        if (g_bits == 256)
            crypto_hash_sha256(ref + i * dlen, g_in[i], g_len[i]);
        else
            crypto_hash_sha512(ref + i * dlen, g_in[i], g_len[i]);
    }
    for (v = 0; v < nv; v++) {
        const variant_def *d = vs[v].d;
        memset(g_out, 0, sizeof g_out);
        memset(c256, 0, sizeof *c256 * MAXN);
        memset(c512, 0, sizeof *c512 * MAXN);
        g_err = 0;
        if (d->mgr_init)
            d->mgr_init();
        d->run();
        for (i = 0; i < g_n; i++) {
            if (!d->mgr_init)
                memcpy(got + i * dlen, g_out + i * dlen, dlen);
            else if (g_bits == 256)
                for (k = 0; k < ISAL_SHA256_DIGEST_NWORDS; k++)
                    put_be(got + i * dlen + 4 * (size_t)k, c256[i].job.result_digest[k], 4);
            else
                for (k = 0; k < ISAL_SHA512_DIGEST_NWORDS; k++)
                    put_be(got + i * dlen + 8 * (size_t)k, c512[i].job.result_digest[k], 8);
        }
        if (g_err || memcmp(got, ref, g_n * dlen) != 0) {
            printf("  !! %s: SHA-%d, %zu B, n=%zu: %s\n", d->name, g_bits, g_size, g_n,
                   g_err ? "a call returned an error" : "DIGEST MISMATCH");
            bad = 1;
        }
    }
    g_err = 0;
    return bad;
}

static int run_row(int bits, size_t size, size_t n, const unsigned char *pool, size_t stride,
                   int with_diag)
{
    variant vs[MAXV];
    double mbs[ROUNDS][MAXV], ratio[ROUNDS];
    double bytes = (double)n * (double)size;
    int nv = 0, v, r, bad;
    size_t i;

    g_bits = bits;
    g_n = n;
    g_size = size;
    for (i = 0; i < n; i++) {
        g_in[i] = pool + i * stride;
        g_len[i] = size;
    }
    for (i = 0; i < NDEFS; i++) {
        const variant_def *d = &defs[i];
        if (d->bits != bits || (d->diag && !with_diag) || (d->cpu_ok && !d->cpu_ok()))
            continue;
        vs[nv].d = d;
        vs[nv].reps = 0;
        vs[nv].best_mbs = 0;
        nv++;
    }
    bad = check_row(vs, nv);

    for (v = 0; v < nv; v++)
        calibrate(&vs[v]);
    for (r = 0; r < ROUNDS; r++) {
        for (v = 0; v < nv; v++) {
            int k = (v + r) % nv;
            mbs[r][k] = timed_mbs(&vs[k], bytes);
            if (mbs[r][k] > vs[k].best_mbs)
                vs[k].best_mbs = mbs[r][k];
        }
        ratio[r] = mbs[r][1] / mbs[r][0]; /* many / isal within the round */
    }
    qsort(ratio, ROUNDS, sizeof ratio[0], cmp_dbl);

    printf("SHA-%d %6zu B n=%2zu |", bits, size, n);
    for (v = 0; v < nv; v++)
        printf(" %8s %8.1f |", vs[v].d->name, vs[v].best_mbs);
    printf(" best many/isal %.2f single/isal %.2f | per-round median many/isal %.2f "
           "[%.2f..%.2f]  %s\n",
           vs[1].best_mbs / vs[0].best_mbs, vs[2].best_mbs / vs[0].best_mbs,
           ratio[ROUNDS / 2], ratio[0], ratio[ROUNDS - 1],
           bad ? "DIGEST-CHECK-FAILED" : "digests-ok");
    fflush(stdout);
    return bad;
}

static void *alloc64(size_t size)
{
    void *p = NULL;
    return posix_memalign(&p, 64, size) == 0 ? p : NULL;
}

int main(int argc, char **argv)
{
    static const size_t sizes[] = {64, 1024, 4096, 65536};
    const size_t stride = 65536 + 64 + 8; /* distinct, non-aliasing messages */
    unsigned char *pool;
    unsigned long long x = 0x9E3779B97F4A7C15ULL;
    size_t i, s;
    int bits, bad = 0, diag = ISAL_DIAG;

    for (i = 1; i < (size_t)argc; i++) {
        if (strcmp(argv[i], "--no-diag") == 0) {
            diag = 0;
        } else {
            fprintf(stderr, "usage: %s [--no-diag]\n", argv[0]);
            return 2;
        }
    }
    pool = alloc64(MAXN * stride);
    m256 = alloc64(sizeof *m256);
    m512 = alloc64(sizeof *m512);
    c256 = alloc64(sizeof *c256 * MAXN);
    c512 = alloc64(sizeof *c512 * MAXN);
    if (!pool || !m256 || !m512 || !c256 || !c512) {
        fprintf(stderr, "out of memory\n");
        return 2;
    }
    for (i = 0; i < MAXN * stride; i++) { /* xorshift64 */
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        pool[i] = (unsigned char)(x >> 24);
    }

    printf("libhmac %s, backends sha256=%s sha512=%s; isa-l_crypto %s\n",
           hmac_version_string(), hmac_backend_sha256(), hmac_backend_sha512(),
           isal_crypto_get_version_str());
    printf("rounds=%d, one timing >= %.0f ms, MB/s = 10^6 message bytes/s, best of the "
           "rounds; diagnostic variants %s\n",
           ROUNDS, min_ns / 1e6, ISAL_DIAG ? (diag ? "on" : "off (--no-diag)")
                                           : "not built (ISAL_DIAG=0)");
    for (bits = 256; bits <= 512; bits += 256) {
        for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            bad |= run_row(bits, sizes[s], 16, pool, stride, diag);
            if (sizes[s] == 65536) {
                bad |= run_row(bits, sizes[s], 8, pool, stride, diag);
                bad |= run_row(bits, sizes[s], 32, pool, stride, diag);
                bad |= run_row(bits, sizes[s], 1, pool, stride, diag);
            }
        }
    }
    printf("sink %u\n", sink);
    return bad;
}
