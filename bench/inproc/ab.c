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
 * tags of len bytes, chained so that no call can be skipped; it returns
 * the ticks per call (__rdtsc on x86-64, clock_gettime nanoseconds
 * elsewhere: the ratios are what matter).
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

#else /* MAIN */
#  include <stdio.h>
#  include <stdlib.h>
#  include <string.h>

typedef double run_fn(long calls, size_t len);
#  define DECL(algo) run_fn run_##algo##_o, run_##algo##_n, run_##algo##_s;
DECL(sha256)
DECL(sha512)
DECL(sha512256)
int sodium_init(void);

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        run_fn *fn[3];
    } algos[] = {
        {"HMAC-SHA-256", {run_sha256_o, run_sha256_n, run_sha256_s}},
        {"HMAC-SHA-512", {run_sha512_o, run_sha512_n, run_sha512_s}},
        {"HMAC-SHA-512-256", {run_sha512256_o, run_sha512256_n, run_sha512256_s}},
    };
    int rounds = argc > 1 ? atoi(argv[1]) : 100;
    const char *sizes = argc > 2 ? argv[2] : "64,1024,1048576";
    char list[256];
    char *tok;
    size_t a;

    if (rounds < 1 || sodium_init() < 0) {
        fprintf(stderr, "usage: ab [ROUNDS] [SIZES]\n");
        return 1;
    }
    snprintf(list, sizeof list, "%s", sizes);
    printf("%-17s %8s %12s %12s %12s %8s %9s %9s\n", "algorithm", "bytes", "old",
           "new", "libsodium", "new/old", "sod/old", "sod/new");
    for (tok = strtok(list, ","); tok != NULL; tok = strtok(NULL, ",")) {
        size_t len = (size_t)strtoul(tok, NULL, 10);

        if (len > MAXLEN) {
            fprintf(stderr, "ab: size %zu above %u\n", len, MAXLEN);
            return 1;
        }
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
    return 0;
}
#endif
