/*
 * ab.c - one program, three libraries: libhmac as committed (symbols
 * prefixed o_), libhmac as in the working tree (n_) and libsodium, timed
 * in alternation within one process. Separate processes on a shared host
 * drift by several percent between runs; inside one process, round by
 * round, the three see the same machine. bench/inproc/ab.sh builds it.
 *
 * Compiled four times: -DLIB=o and -DLIB=n (each against its own
 * generated header, which renames the API), -DLIB=s -DSODIUM, and -DMAIN.
 * Each LIB part exports run_<algo>_<LIB>(calls, len): that many one-shot
 * tags of len bytes (or, for the "init" rows, init/update/final per tag),
 * chained so that no call can be skipped; it returns
 * the ticks per call (__rdtsc on x86-64, clock_gettime nanoseconds
 * elsewhere: the ratios are what matter).
 *
 * With -DMANY (ab.sh --many; the _many API is not in every old commit)
 * the parts also export many_<algo>_<LIB>(calls, len, n) (o and n: one
 * _many call per batch of n messages) and loop_<algo>_<LIB>(calls, len,
 * n) (n and s: the one-shot call n times over the same batch), each
 * returning ticks per message.
 */
#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__) || defined(__i386__)
#  include <x86intrin.h>
#  define TICKS() ((uint64_t)__rdtsc())
#else
#  include <time.h>
static uint64_t ticks_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
#  define TICKS() ticks_ns()
#endif

#define MAXLEN (1u << 20)

#ifndef MAIN
#  ifdef SODIUM
#    include <sodium.h>
#  else
#    include <hmac.h>
#  endif
#  define CAT(a, b) CAT_(a, b)
#  define CAT_(a, b) a##b

static unsigned char msg[MAXLEN];

#  define RUN(algo, fn, tagbytes)                                           \
    double CAT(run_##algo##_, LIB)(long calls, size_t len)                 \
    {                                                                      \
        static const unsigned char key[32] = {1, 2, 3};                    \
        unsigned char tag[tagbytes];                                       \
        uint64_t t0 = TICKS();                                             \
        long i;                                                            \
                                                                           \
        for (i = 0; i < calls; i++) {                                      \
            fn(tag, msg, len, key);                                        \
            msg[0] ^= tag[0];                                              \
        }                                                                  \
        return (double)(TICKS() - t0) / (double)calls;                     \
    }
RUN(sha256, crypto_auth_hmacsha256, 32)
RUN(sha512, crypto_auth_hmacsha512, 64)
RUN(sha512256, crypto_auth_hmacsha512256, 32)

/* The "init" rows: init with the key, update, final per message, so the
 * key's two pad blocks are hashed every time (a caller that keeps no
 * keyed state, or one that makes its keyed states often). */
#  define RUN_INIT(algo, P, tagbytes)                                       \
    double CAT(run_##algo##_, LIB)(long calls, size_t len)                 \
    {                                                                      \
        static const unsigned char key[32] = {1, 2, 3};                    \
        unsigned char tag[tagbytes];                                       \
        P##_state st;                                                      \
        uint64_t t0 = TICKS();                                             \
        long i;                                                            \
                                                                           \
        for (i = 0; i < calls; i++) {                                      \
            P##_init(&st, key, sizeof key);                                \
            P##_update(&st, msg, len);                                     \
            P##_final(&st, tag);                                           \
            msg[0] ^= tag[0];                                              \
        }                                                                  \
        return (double)(TICKS() - t0) / (double)calls;                     \
    }
RUN_INIT(init256, crypto_auth_hmacsha256, 32)
RUN_INIT(init512, crypto_auth_hmacsha512, 64)

#  ifdef MANY
#    define MAXN 32
extern unsigned char *ab_pool; /* in MAIN: one pool, one cursor for all */
extern size_t ab_pool_len, ab_pos;

/* The next n messages of len bytes, distinct and walked forward through
 * the pool as a server's queue would be, so that large batches come from
 * memory rather than cache. chain, a byte of the previous batch's output,
 * goes into this batch's input so that no call can be skipped. */
static const unsigned char *const *next_batch(size_t len, size_t n,
                                              unsigned char chain)
{
    static const unsigned char *in[MAXN];
    size_t i;

    if (ab_pos + len * n >= ab_pool_len) {
        ab_pos = 0;
    }
    for (i = 0; i < n; i++) {
        in[i] = ab_pool + ab_pos + i * len;
    }
    ab_pool[ab_pos] ^= chain;
    ab_pos += len * n;
    return in;
}

/* name_<LIB>(calls, len, n): call (one batch of n messages, in[i] of
 * lens[i] = len bytes, into out) timed calls times, per message. */
#    define RUN_BATCHES(name, call)                                        \
    double CAT(name##_, LIB)(long calls, size_t len, size_t n)             \
    {                                                                      \
        static const unsigned char key[32] = {1, 2, 3};                    \
        static size_t lens[MAXN];                                          \
        unsigned char out[MAXN * 64] = {0};                                \
        const unsigned char *const *in;                                    \
        uint64_t t0;                                                       \
        long c;                                                            \
        size_t i;                                                          \
                                                                           \
        (void)key;                                                         \
        for (i = 0; i < n; i++) {                                          \
            lens[i] = len;                                                 \
        }                                                                  \
        t0 = TICKS();                                                      \
        for (c = 0; c < calls; c++) {                                      \
            in = next_batch(len, n, out[0]);                               \
            call;                                                          \
        }                                                                  \
        return (double)(TICKS() - t0) / (double)calls / (double)n;         \
    }
#    ifndef SODIUM
RUN_BATCHES(many_sha256, hmac_auth_hmacsha256_many(out, in, lens, n, key))
RUN_BATCHES(many_sha512256,
            hmac_auth_hmacsha512256_many(out, in, lens, n, key))
RUN_BATCHES(many_hash256, hmac_hash_sha256_many(out, in, lens, n))
RUN_BATCHES(many_hash512, hmac_hash_sha512_many(out, in, lens, n))
#    endif
RUN_BATCHES(loop_sha256, for (i = 0; i < n; i++)
            crypto_auth_hmacsha256(out + 32 * i, in[i], lens[i], key))
RUN_BATCHES(loop_sha512256, for (i = 0; i < n; i++)
            crypto_auth_hmacsha512256(out + 32 * i, in[i], lens[i], key))
RUN_BATCHES(loop_hash256, for (i = 0; i < n; i++)
            crypto_hash_sha256(out + 32 * i, in[i], lens[i]))
RUN_BATCHES(loop_hash512, for (i = 0; i < n; i++)
            crypto_hash_sha512(out + 64 * i, in[i], lens[i]))
#  endif /* MANY */

#else /* MAIN */
#  include <stdio.h>
#  include <stdlib.h>
#  include <string.h>

typedef double run_fn(long calls, size_t len);
#  define DECL(algo) run_fn run_##algo##_o, run_##algo##_n, run_##algo##_s;
DECL(sha256)
DECL(sha512)
DECL(sha512256)
DECL(init256)
DECL(init512)
int sodium_init(void);

/* The comma-separated sizes in s, at most max of them, to len[]: their
 * count, or -1 (said on stderr) for one above MAXLEN or too many. */
static int parse_sizes(const char *s, size_t len[], int max)
{
    char list[256], *tok;
    int n = 0;

    snprintf(list, sizeof list, "%s", s);
    for (tok = strtok(list, ","); tok != NULL; tok = strtok(NULL, ",")) {
        if (n == max) {
            fprintf(stderr, "ab: more than %d sizes\n", max);
            return -1;
        }
        len[n] = (size_t)strtoul(tok, NULL, 10);
        if (len[n] > MAXLEN) {
            fprintf(stderr, "ab: size %zu above %u\n", len[n], MAXLEN);
            return -1;
        }
        n++;
    }
    return n;
}

#  define MAXSIZES 32

#  ifdef MANY
typedef double batch_fn(long calls, size_t len, size_t n);
#    define DECL_MANY(algo)                                                 \
        batch_fn many_##algo##_o, many_##algo##_n, loop_##algo##_n,         \
            loop_##algo##_s;
DECL_MANY(sha256)
DECL_MANY(sha512256)
DECL_MANY(hash256)
DECL_MANY(hash512)

/* Twice the largest batch (32 x 1 MiB), so that the walk moves on. */
#    define POOL ((size_t)64 << 20)
unsigned char *ab_pool;
size_t ab_pool_len, ab_pos;

/* Per size in list: n messages through old _many, new _many, the new
 * library's one-shot loop and libsodium's, timed like the one-shot rows. */
static int many_rows(int rounds, const char *sizes, size_t n)
{
    static const struct {
        const char *name;
        batch_fn *fn[4];
    } algos[] = {
        {"HMAC-SHA-256", {many_sha256_o, many_sha256_n, loop_sha256_n,
                          loop_sha256_s}},
        {"HMAC-SHA-512-256", {many_sha512256_o, many_sha512256_n,
                              loop_sha512256_n, loop_sha512256_s}},
        {"SHA-256", {many_hash256_o, many_hash256_n, loop_hash256_n,
                     loop_hash256_s}},
        {"SHA-512", {many_hash512_o, many_hash512_n, loop_hash512_n,
                     loop_hash512_s}},
    };
    unsigned x = 0x9e3779b9u;
    size_t lens[MAXSIZES], a, j;
    int nlens = parse_sizes(sizes, lens, MAXSIZES), i;

    if (nlens < 0) {
        return 1;
    }
    if (n < 1 || n > 32 || (ab_pool = malloc(POOL)) == NULL) {
        fprintf(stderr, "ab: n must be 1..32 (or out of memory)\n");
        return 1;
    }
    /* Written whole (no page faults while timing), no two messages alike. */
    for (j = 0; j < POOL; j++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        ab_pool[j] = (unsigned char)x;
    }
    ab_pool_len = POOL;
    printf("# _many: n = %zu messages of each size from a %zu MiB pool "
           "walked forward; ticks per message\n", n, POOL >> 20);
    printf("%-17s %8s %10s %10s %10s %10s %8s %9s %9s\n", "algorithm",
           "bytes", "old many", "new many", "new loop", "sod loop",
           "new/old", "loop/new", "sod/new");
    for (i = 0; i < nlens; i++) {
        size_t len = lens[i];

        for (a = 0; a < sizeof algos / sizeof algos[0]; a++) {
            double best[4] = {1e300, 1e300, 1e300, 1e300};
            /* About 1 ms a timing of new _many; every variant gets the
             * same number of batches (the loops take longer). */
            double one = algos[a].fn[1](2, len, n) * (double)n;
            long calls = one > 0 ? (long)(2e6 / one) + 1 : 1000;
            int r, k;

            for (r = 0; r < rounds; r++) {
                for (k = 0; k < 4; k++) {
                    /* The first variant rotates; four rounds in eight
                     * run the cycle backwards, so that none always runs
                     * after the same one. */
                    int v = (r + k * ((r / 4) % 2 ? 3 : 1)) % 4;
                    double t = algos[a].fn[v](calls, len, n);

                    if (t < best[v]) {
                        best[v] = t;
                    }
                }
            }
            printf("%-17s %8zu %10.1f %10.1f %10.1f %10.1f %8.3f %8.3fx "
                   "%8.3fx\n", algos[a].name, len, best[0], best[1],
                   best[2], best[3], best[1] / best[0], best[2] / best[1],
                   best[3] / best[1]);
        }
    }
    return 0;
}
#  endif

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        run_fn *fn[3];
    } algos[] = {
        {"HMAC-SHA-256", {run_sha256_o, run_sha256_n, run_sha256_s}},
        {"HMAC-SHA-512", {run_sha512_o, run_sha512_n, run_sha512_s}},
        {"HMAC-SHA-512-256", {run_sha512256_o, run_sha512256_n, run_sha512256_s}},
        {"HMAC-SHA-256 init", {run_init256_o, run_init256_n, run_init256_s}},
        {"HMAC-SHA-512 init", {run_init512_o, run_init512_n, run_init512_s}},
    };
    int rounds = argc > 1 ? atoi(argv[1]) : 100;
    const char *sizes = argc > 2 ? argv[2] : "64,1024,1048576";
    size_t lens[MAXSIZES], a;
    int nlens = parse_sizes(sizes, lens, MAXSIZES), i;

    if (rounds < 1 || nlens < 0 || sodium_init() < 0) {
        fprintf(stderr, "usage: ab [ROUNDS] [SIZES] [MANY-SIZES [N]]\n");
        return 1;
    }
    if (nlens > 0) { /* empty with --sizes '' when only _many rows are wanted */
        printf("%-17s %8s %12s %12s %12s %8s %9s %9s\n", "algorithm", "bytes",
               "old", "new", "libsodium", "new/old", "sod/old", "sod/new");
    }
    for (i = 0; i < nlens; i++) {
        size_t len = lens[i];

        for (a = 0; a < sizeof algos / sizeof algos[0]; a++) {
            double best[3] = {1e300, 1e300, 1e300};
            /* About 1 ms a timing: calibrated on the new library. */
            double one = algos[a].fn[1](8, len);
            long calls = one > 0 ? (long)(2e6 / one) + 1 : 1000;
            int r, k;

            for (r = 0; r < rounds; r++) {
                for (k = 0; k < 3; k++) {
                    /* The first library timed changes each round, so
                     * that none always runs after the same one. */
                    int v = (r + k) % 3;
                    double t = algos[a].fn[v](calls, len);

                    if (t < best[v]) {
                        best[v] = t;
                    }
                }
            }
            printf("%-17s %8zu %12.1f %12.1f %12.1f %8.3f %8.3fx %8.3fx\n",
                   algos[a].name, len, best[0], best[1], best[2],
                   best[1] / best[0], best[2] / best[0], best[2] / best[1]);
        }
    }
    if (argc > 3) {
#  ifdef MANY
        if (nlens > 0) {
            printf("\n");
        }
        return many_rows(rounds, argv[3],
                         argc > 4 ? (size_t)strtoul(argv[4], NULL, 10) : 16);
#  else
        fprintf(stderr, "ab: built without -DMANY\n");
        return 1;
#  endif
    }
    return 0;
}
#endif
