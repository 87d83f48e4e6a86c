/*
 * bench.c - timing harness: calibration, best of rounds, CSV output.
 *
 * Method: for each (algorithm, mode, size) the iteration count grows
 * until a batch takes a quarter of the target, is then scaled so that one
 * round lasts about the target (default 2 ms), and the fastest of R rounds
 * (default 40) is kept. The minimum, not the mean, is the right statistic
 * on a shared machine: interference only ever makes a round slower.
 *
 * Why many short rounds rather than a few long ones: on a loaded machine
 * (load 7 on 2 cores while this was written) a 20 ms round is almost never
 * left alone by the scheduler, and the best of 5 such rounds still varied
 * by 2-3x between runs; the best of 40 rounds of 2 ms agreed within 2%,
 * for the same total time. On a quiet machine both give the same numbers.
 */
#define _POSIX_C_SOURCE 200809L

#include "bench.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

volatile unsigned char bench_sink;

static const size_t default_sizes[] = { 16, 64, 256, 1024, 8192, 65536,
                                        1048576 };
/* Many-message rows: the issue 10 batch counts (3 for its n = 3 target)
 * and sizes (64 KiB for its 16 x 64 KiB targets). --quick keeps the
 * smallest set that still yields every target ratio. */
static const size_t default_batches[] = { 1, 2, 3, 4, 8, 16, 32 };
static const size_t quick_batches[] = { 1, 2, 3, 16 };
static const size_t default_many_sizes[] = { 64, 1024, 8192, 65536,
                                             1048576 };
static const size_t quick_many_sizes[] = { 64, 65536 };
#define MAX_SIZES 32

static struct {
    unsigned rounds;
    double target_ns;
    const char *library;
    size_t sizes[MAX_SIZES];
    size_t nsizes;
    size_t batches[MAX_SIZES];
    size_t nbatches;
    size_t many_sizes[MAX_SIZES];
    size_t nmany_sizes;
} cfg;

static unsigned char *msg;
static unsigned char key[32];

static void usage(const char *argv0, int status)
{
    fprintf(status ? stderr : stdout,
            "usage: %s [--rounds N] [--target-ms MS] [--quick] "
            "[--sizes S1,S2,...] [--batches N1,N2,...] "
            "[--many-sizes S1,S2,...] [--no-many] [--name LIBRARY]\n"
            "  --rounds N      best of N timed rounds per row (default 40)\n"
            "  --target-ms MS  length of one round (default 2)\n"
            "  --quick         smoke run: 10 rounds of 1 ms\n"
            "  --sizes LIST    message sizes in bytes, at most %u (default "
            "16,64,256,1024,8192,65536,1048576)\n"
            "  --batches LIST  messages per many-message row, at most %u "
            "(default 1,2,3,4,8,16,32)\n"
            "  --many-sizes LIST  message sizes of those rows (default "
            "64,1024,8192,65536,1048576)\n"
            "  --no-many       no many-message rows\n"
            "  --name LIBRARY  library column of the CSV\n"
            "Prints CSV: library,algo,mode,size,ns_per_msg,mb_per_s; lines "
            "starting with # are information.\n",
            argv0, (unsigned)BENCH_MAX_SIZE, (unsigned)BENCH_MAX_BATCH);
    exit(status);
}

static unsigned long parse_number(const char *argv0, const char *s,
                                  unsigned long max)
{
    char *end;
    unsigned long v;

    errno = 0;
    v = strtoul(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v == 0 || v > max) {
        fprintf(stderr, "%s: bad number '%s'\n", argv0, s);
        usage(argv0, 2);
    }
    return v;
}

/* Parses a comma-separated list of numbers in 1..max into out. */
static void parse_list(const char *argv0, const char *list, size_t *out,
                       size_t *nout, unsigned long max)
{
    char buf[512];
    char *tok;

    if (strlen(list) >= sizeof buf) {
        usage(argv0, 2);
    }
    strcpy(buf, list);
    *nout = 0;
    for (tok = strtok(buf, ","); tok != NULL; tok = strtok(NULL, ",")) {
        if (*nout == MAX_SIZES) {
            usage(argv0, 2);
        }
        out[(*nout)++] = parse_number(argv0, tok, max);
    }
    if (*nout == 0) {
        usage(argv0, 2);
    }
}

void bench_init(int argc, char **argv, const char *default_name)
{
    int i;
    size_t j;

    cfg.rounds = 40;
    cfg.target_ns = 2e6;
    cfg.library = default_name;
    memcpy(cfg.sizes, default_sizes, sizeof default_sizes);
    cfg.nsizes = sizeof default_sizes / sizeof default_sizes[0];
    memcpy(cfg.batches, default_batches, sizeof default_batches);
    cfg.nbatches = sizeof default_batches / sizeof default_batches[0];
    memcpy(cfg.many_sizes, default_many_sizes, sizeof default_many_sizes);
    cfg.nmany_sizes = sizeof default_many_sizes / sizeof default_many_sizes[0];

    /* --quick first, so that explicit --rounds/--target-ms win over it
     * wherever they appear. */
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0) {
            cfg.rounds = 10;
            cfg.target_ns = 1e6;
            memcpy(cfg.batches, quick_batches, sizeof quick_batches);
            cfg.nbatches = sizeof quick_batches / sizeof quick_batches[0];
            memcpy(cfg.many_sizes, quick_many_sizes, sizeof quick_many_sizes);
            cfg.nmany_sizes =
                sizeof quick_many_sizes / sizeof quick_many_sizes[0];
        }
    }
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;

        if (strcmp(a, "--quick") == 0) {
            continue;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(argv[0], 0);
        } else if (strcmp(a, "--rounds") == 0 && has_value) {
            cfg.rounds = (unsigned)parse_number(argv[0], argv[++i], 1000);
        } else if (strcmp(a, "--target-ms") == 0 && has_value) {
            cfg.target_ns =
                1e6 * (double)parse_number(argv[0], argv[++i], 10000);
        } else if (strcmp(a, "--sizes") == 0 && has_value) {
            parse_list(argv[0], argv[++i], cfg.sizes, &cfg.nsizes,
                       BENCH_MAX_SIZE);
        } else if (strcmp(a, "--batches") == 0 && has_value) {
            parse_list(argv[0], argv[++i], cfg.batches, &cfg.nbatches,
                       BENCH_MAX_BATCH);
        } else if (strcmp(a, "--many-sizes") == 0 && has_value) {
            parse_list(argv[0], argv[++i], cfg.many_sizes, &cfg.nmany_sizes,
                       BENCH_MAX_SIZE);
        } else if (strcmp(a, "--no-many") == 0) {
            cfg.nbatches = 0;
        } else if (strcmp(a, "--name") == 0 && has_value) {
            cfg.library = argv[++i];
        } else {
            fprintf(stderr, "%s: unknown or incomplete option '%s'\n",
                    argv[0], a);
            usage(argv[0], 2);
        }
    }

    msg = malloc(BENCH_MAX_SIZE);
    if (msg == NULL) {
        fprintf(stderr, "%s: out of memory\n", argv[0]);
        exit(1);
    }
    for (j = 0; j < BENCH_MAX_SIZE; j++) {
        msg[j] = (unsigned char)(j * 31u + 7u);
    }
    for (j = 0; j < sizeof key; j++) {
        key[j] = (unsigned char)(0xa0u + j);
    }
    printf("library,algo,mode,size,ns_per_msg,mb_per_s\n");
}

const unsigned char *bench_msg(void)
{
    return msg;
}

const unsigned char *bench_key(void)
{
    return key;
}

const char *bench_library(void)
{
    return cfg.library;
}

void bench_info(const char *name, const char *value)
{
    printf("# %s,%s\n", name, value);
}

void bench_check(const char *algo, const unsigned char *tag, size_t len)
{
    size_t i;

    printf("# check,%s,", algo);
    for (i = 0; i < len; i++) {
        printf("%02x", tag[i]);
    }
    printf("\n");
}

void bench_expect_equal(const char *what, const unsigned char *a,
                        const unsigned char *b, size_t len)
{
    if (memcmp(a, b, len) != 0) {
        fprintf(stderr, "%s: self-check failed: %s\n", cfg.library, what);
        exit(1);
    }
}

static double now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double time_batch(bench_fn fn, void *ctx, size_t size,
                         unsigned long iters)
{
    double t0 = now_ns();
    double dt;

    fn(ctx, size, iters);
    dt = now_ns() - t0;
    return dt > 1.0 ? dt : 1.0;
}

/* Best time per message, in ns. The calibration batches double as the
 * warm-up (caches, branch predictors, CPU frequency). */
static double measure(bench_fn fn, void *ctx, size_t size)
{
    unsigned long iters = 1;
    double t, per_op, scaled, round_ns, best = -1.0;
    double budget_ns = (double)cfg.rounds * cfg.target_ns;
    unsigned r, rounds;

    for (;;) {
        t = time_batch(fn, ctx, size, iters);
        if (t >= cfg.target_ns / 4 || iters > ULONG_MAX / 16) {
            break;
        }
        iters *= t < cfg.target_ns / 64 ? 8 : 2;
    }
    per_op = t / (double)iters;
    scaled = (double)iters * cfg.target_ns / t;
    iters = scaled < 1.0 ? 1 : (unsigned long)scaled;
    round_ns = per_op * (double)iters;
    /* An operation longer than a round (1 MiB on a slow core, PBKDF2)
     * gets the time budget of a row, not R such rounds, but at least 3. */
    rounds = cfg.rounds;
    if (rounds > 3 && (double)rounds * round_ns > budget_ns) {
        rounds = (unsigned)(budget_ns / round_ns);
        if (rounds < 3) {
            rounds = 3;
        }
    }
    for (r = 0; r < rounds; r++) {
        double per = time_batch(fn, ctx, size, iters) / (double)iters;
        if (best < 0 || per < best) {
            best = per;
        }
    }
    return best;
}

static void print_row(const char *algo, const char *mode, size_t size,
                      double ns, double mb_per_s)
{
    printf("%s,%s,%s,%lu,%.1f,%.2f\n", cfg.library, algo, mode,
           (unsigned long)size, ns, mb_per_s);
    fflush(stdout);
}

void bench_run(const char *algo, const char *mode, bench_fn fn, void *ctx)
{
    size_t i;

    for (i = 0; i < cfg.nsizes; i++) {
        double ns = measure(fn, ctx, cfg.sizes[i]);
        /* bytes per ns * 1000 = MB (10^6 bytes) per second */
        print_row(algo, mode, cfg.sizes[i], ns,
                  (double)cfg.sizes[i] / ns * 1e3);
    }
}

void bench_run_one(const char *algo, const char *mode, size_t size,
                   bench_fn fn, void *ctx)
{
    print_row(algo, mode, size, measure(fn, ctx, size), 0.0);
}

/* ---- many messages per call ---------------------------------------------- */

static unsigned char *many_pool; /* BENCH_MAX_BATCH * BENCH_MAX_SIZE bytes */
static const unsigned char *many_msgs[BENCH_MAX_BATCH];
static size_t many_lens[BENCH_MAX_BATCH];

static void many_pool_init(void)
{
    size_t j, len = (size_t)BENCH_MAX_BATCH * BENCH_MAX_SIZE;
    unsigned x = 0x9e3779b9u;

    if (many_pool != NULL) {
        return;
    }
    many_pool = malloc(len);
    if (many_pool == NULL) {
        fprintf(stderr, "%s: out of memory\n", cfg.library);
        exit(1);
    }
    /* xorshift bytes: no two messages of the pool are alike, whatever
     * their size (a repeating pattern would make them equal). */
    for (j = 0; j < len; j++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        many_pool[j] = (unsigned char)x;
    }
}

const unsigned char *const *bench_many_msgs(size_t size, size_t n)
{
    size_t i;

    many_pool_init();
    for (i = 0; i < n && i < BENCH_MAX_BATCH; i++) {
        many_msgs[i] = many_pool + i * size;
    }
    return many_msgs;
}

const size_t *bench_many_lens(size_t size, size_t n)
{
    size_t i;

    for (i = 0; i < n && i < BENCH_MAX_BATCH; i++) {
        many_lens[i] = size;
    }
    return many_lens;
}

/* measure() times a bench_fn; this carries a many-message callback and
 * its batch count through one. */
struct many_call {
    bench_many_fn fn;
    void *ctx;
    size_t n;
};

static void many_adapter(void *ctx, size_t size, unsigned long iters)
{
    struct many_call *c = ctx;

    c->fn(c->ctx, size, c->n, iters);
}

void bench_run_many(const char *algo, const char *mode, bench_many_fn fn,
                    void *ctx)
{
    struct many_call c;
    char name[64];
    size_t b, i;

    c.fn = fn;
    c.ctx = ctx;
    for (i = 0; i < cfg.nmany_sizes; i++) {
        for (b = 0; b < cfg.nbatches; b++) {
            size_t size = cfg.many_sizes[i];
            double ns;

            c.n = cfg.batches[b];
            snprintf(name, sizeof name, "%s-x%lu", mode, (unsigned long)c.n);
            ns = measure(many_adapter, &c, size) / (double)c.n;
            print_row(algo, name, size, ns, (double)size / ns * 1e3);
        }
    }
}
