/*
 * bench_api.c - benchmark of libsodium's HMAC-SHA-2 API.
 *
 * libhmac and libsodium share this API, so this one file is compiled
 * twice: hmac-bench (against <hmac.h>, linked with libhmac) and
 * hmac-bench-sodium (with BENCH_LIBSODIUM, against <sodium.h>). Both
 * therefore do exactly the same work. Never link the two libraries into
 * one binary: their symbol names are the same.
 *
 * Modes, for every algorithm:
 *   oneshot     crypto_auth_hmacsha256(out, in, len, key) / crypto_hash_*
 *   stream4k    _init (32-byte key), _update in 4 KiB chunks, _final
 *   keyed-copy  _init once outside the loop; per message: copy the keyed
 *               state, _update, _final (HMAC only)
 * Many-message rows (issue 10; n distinct messages per batch, mode
 * "<mode>-x<n>", time per message):
 *   loop-oneshot  a loop of the one-shot call over the n messages
 *   loop-keyed    a loop of keyed-copy over them (HMAC only)
 *   many          libhmac only: hmac_auth_*_many / hmac_hash_*_many
 *   update-many   libhmac only: n copies of the keyed state, one
 *                 _update_many and one _final_many (HMAC only)
 */
#include <stdio.h>
#include <string.h>

#if defined(BENCH_LIBSODIUM)
#  include <sodium.h>
#else
#  include <hmac.h>
#endif

#include "bench.h"

/* What a callback needs besides the message: the keyed state for the
 * keyed-copy mode, and room for the last tag, which the self-checks read. */
struct job {
    const void *keyed;
    unsigned char tag[64];
};

/* Feeds in[0..size) to update in BENCH_CHUNK pieces. */
#define FEED_CHUNKS(update, st, in, size)                                    \
    do {                                                                     \
        size_t off_ = 0;                                                     \
        while (size - off_ > BENCH_CHUNK) {                                  \
            update(st, in + off_, BENCH_CHUNK);                              \
            off_ += BENCH_CHUNK;                                             \
        }                                                                    \
        update(st, in + off_, size - off_);                                  \
    } while (0)

/* Key arguments spliced into the calls below: HMAC takes the key, the
 * hashes take nothing. (A macro that expands to nothing is a valid macro
 * argument in C99; a bare empty argument would be too, but is unclear.) */
#define ONESHOT_KEY , bench_key()
#define INIT_KEY , bench_key(), 32
#define NO_KEY

/* The one-shot and streaming modes of crypto_<alg> (e.g. alg =
 * auth_hmacsha256 or hash_sha256). Macros rather than function pointers
 * over void states: the state types differ, and the calls must be direct,
 * as in a real program. */
#define ONESHOT_AND_STREAM(alg, oneshot_key, init_key)                       \
    static void alg##_oneshot(void *ctx, size_t size, unsigned long iters)   \
    {                                                                        \
        struct job *job = ctx;                                               \
        unsigned char tag[crypto_##alg##_BYTES];                             \
        const unsigned char *m = bench_msg();                                \
        unsigned long i;                                                     \
        for (i = 0; i < iters; i++) {                                        \
            crypto_##alg(tag, m, size oneshot_key);                          \
            bench_sink ^= tag[0];                                            \
        }                                                                    \
        memcpy(job->tag, tag, sizeof tag);                                   \
    }                                                                        \
    static void alg##_stream(void *ctx, size_t size, unsigned long iters)    \
    {                                                                        \
        struct job *job = ctx;                                               \
        crypto_##alg##_state st;                                             \
        unsigned char tag[crypto_##alg##_BYTES];                             \
        const unsigned char *m = bench_msg();                                \
        unsigned long i;                                                     \
        for (i = 0; i < iters; i++) {                                        \
            crypto_##alg##_init(&st init_key);                               \
            FEED_CHUNKS(crypto_##alg##_update, &st, m, size);                \
            crypto_##alg##_final(&st, tag);                                  \
            bench_sink ^= tag[0];                                            \
        }                                                                    \
        memcpy(job->tag, tag, sizeof tag);                                   \
    }

/* One benchmarked mode. */
struct mode {
    const char *name;
    bench_fn fn;
};

/* Checks that every mode gives the first one's output on the check
 * message, prints it for run.sh, then times every mode. */
static void check_and_run(const char *algo, struct job *job, size_t outlen,
                          const struct mode *modes, size_t nmodes)
{
    /* Zeroed so gcc -O1 sees it initialised on every path. */
    unsigned char ref[sizeof job->tag] = {0};
    size_t i;

    for (i = 0; i < nmodes; i++) {
        modes[i].fn(job, BENCH_CHECK_SIZE, 1);
        if (i == 0) {
            memcpy(ref, job->tag, outlen);
        } else {
            bench_expect_equal(algo, ref, job->tag, outlen);
        }
    }
    bench_check(algo, ref, outlen);
    for (i = 0; i < nmodes; i++) {
        bench_run(algo, modes[i].name, modes[i].fn, job);
    }
}

/* The three HMAC modes: one-shot, streaming, and keyed-state copy. */
#define HMAC_BENCHES(alg)                                                    \
    ONESHOT_AND_STREAM(alg, ONESHOT_KEY, INIT_KEY)                           \
    static void alg##_keyed(void *ctx, size_t size, unsigned long iters)     \
    {                                                                        \
        struct job *job = ctx;                                               \
        const crypto_##alg##_state *keyed = job->keyed;                      \
        crypto_##alg##_state st;                                             \
        unsigned char tag[crypto_##alg##_BYTES];                             \
        const unsigned char *m = bench_msg();                                \
        unsigned long i;                                                     \
        for (i = 0; i < iters; i++) {                                        \
            st = *keyed;                                                     \
            crypto_##alg##_update(&st, m, size);                             \
            crypto_##alg##_final(&st, tag);                                  \
            bench_sink ^= tag[0];                                            \
        }                                                                    \
        memcpy(job->tag, tag, sizeof tag);                                   \
    }                                                                        \
    static void alg##_all(const char *algo)                                  \
    {                                                                        \
        static const struct mode modes[] = {                                 \
            { "oneshot", alg##_oneshot },                                    \
            { "stream4k", alg##_stream },                                    \
            { "keyed-copy", alg##_keyed },                                   \
        };                                                                   \
        crypto_##alg##_state keyed;                                          \
        struct job job;                                                      \
        crypto_##alg##_init(&keyed, bench_key(), 32);                        \
        job.keyed = &keyed;                                                  \
        check_and_run(algo, &job, crypto_##alg##_BYTES, modes, 3);           \
    }

/* The two hash modes: one-shot and streaming. */
#define HASH_BENCHES(alg)                                                    \
    ONESHOT_AND_STREAM(alg, NO_KEY, NO_KEY)                                  \
    static void alg##_all(const char *algo)                                  \
    {                                                                        \
        static const struct mode modes[] = {                                 \
            { "oneshot", alg##_oneshot },                                    \
            { "stream4k", alg##_stream },                                    \
        };                                                                   \
        struct job job;                                                      \
        job.keyed = NULL;                                                    \
        check_and_run(algo, &job, crypto_##alg##_BYTES, modes, 2);           \
    }

HMAC_BENCHES(auth_hmacsha256)
HMAC_BENCHES(auth_hmacsha512)
HMAC_BENCHES(auth_hmacsha512256)
HASH_BENCHES(hash_sha256)
HASH_BENCHES(hash_sha512)

/* ---- many messages per call: loops of single calls, and libhmac's _many ---
 * Every tag or digest goes to tags[i], and one byte of each feeds the sink,
 * so the loops and the _many calls do the same observable work. */
struct many_job {
    const void *keyed;
    unsigned char tags[BENCH_MAX_BATCH * 64];
};

#define LOOP_ONESHOT(alg, oneshot_key)                                        \
    static void alg##_loop1(void *ctx, size_t size, size_t n,                \
                            unsigned long iters)                             \
    {                                                                        \
        struct many_job *job = ctx;                                          \
        const unsigned char *const *m = bench_many_msgs(size, n);            \
        unsigned long it;                                                    \
        size_t i;                                                            \
        for (it = 0; it < iters; it++) {                                     \
            for (i = 0; i < n; i++) {                                        \
                unsigned char *t = job->tags + i * crypto_##alg##_BYTES;     \
                crypto_##alg(t, m[i], size oneshot_key);                     \
                bench_sink ^= t[0];                                          \
            }                                                                \
        }                                                                    \
    }

#define LOOP_KEYED(alg)                                                      \
    static void alg##_loopk(void *ctx, size_t size, size_t n,                \
                            unsigned long iters)                             \
    {                                                                        \
        struct many_job *job = ctx;                                          \
        const crypto_##alg##_state *keyed = job->keyed;                      \
        const unsigned char *const *m = bench_many_msgs(size, n);            \
        crypto_##alg##_state st;                                             \
        unsigned long it;                                                    \
        size_t i;                                                            \
        for (it = 0; it < iters; it++) {                                     \
            for (i = 0; i < n; i++) {                                        \
                unsigned char *t = job->tags + i * crypto_##alg##_BYTES;     \
                st = *keyed;                                                 \
                crypto_##alg##_update(&st, m[i], size);                      \
                crypto_##alg##_final(&st, t);                                \
                bench_sink ^= t[0];                                          \
            }                                                                \
        }                                                                    \
    }

#if !defined(BENCH_LIBSODIUM)
/* Folds one byte of each of the n outputs into the sink. */
static void sink_tags(const unsigned char *tags, size_t n, size_t bytes)
{
    size_t i;

    for (i = 0; i < n; i++) {
        bench_sink ^= tags[i * bytes];
    }
}

/* One hmac_<alg>_many call per batch (key: ONESHOT_KEY or NO_KEY). */
#define ONE_CALL_MANY(alg, oneshot_key)                                      \
    static void alg##_many(void *ctx, size_t size, size_t n,                 \
                           unsigned long iters)                              \
    {                                                                        \
        struct many_job *job = ctx;                                          \
        const unsigned char *const *m = bench_many_msgs(size, n);            \
        const size_t *len = bench_many_lens(size, n);                        \
        unsigned long it;                                                    \
        for (it = 0; it < iters; it++) {                                     \
            hmac_##alg##_many(job->tags, m, len, n oneshot_key);             \
            sink_tags(job->tags, n, crypto_##alg##_BYTES);                   \
        }                                                                    \
    }
#define HMAC_MANY(alg)                                                       \
    ONE_CALL_MANY(alg, ONESHOT_KEY)                                          \
    static void alg##_upmany(void *ctx, size_t size, size_t n,               \
                             unsigned long iters)                            \
    {                                                                        \
        struct many_job *job = ctx;                                          \
        const crypto_##alg##_state *keyed = job->keyed;                      \
        const unsigned char *const *m = bench_many_msgs(size, n);            \
        const size_t *len = bench_many_lens(size, n);                        \
        crypto_##alg##_state st[BENCH_MAX_BATCH];                            \
        crypto_##alg##_state *p[BENCH_MAX_BATCH];                            \
        unsigned long it;                                                    \
        size_t i;                                                            \
        for (i = 0; i < n; i++) {                                            \
            p[i] = &st[i];                                                   \
        }                                                                    \
        for (it = 0; it < iters; it++) {                                     \
            for (i = 0; i < n; i++) {                                        \
                st[i] = *keyed;                                              \
            }                                                                \
            hmac_##alg##_update_many(p, m, len, n);                          \
            hmac_##alg##_final_many(p, job->tags, n);                        \
            sink_tags(job->tags, n, crypto_##alg##_BYTES);                   \
        }                                                                    \
    }
#define HASH_MANY(alg) ONE_CALL_MANY(alg, NO_KEY)
#endif

/* One many-message mode. */
struct many_mode {
    const char *name;
    bench_many_fn fn;
};

/* Checks that every mode gives the first one's n outputs on BENCH_MAX_BATCH
 * messages of BENCH_CHECK_SIZE bytes, then times every mode. */
static void check_and_run_many(const char *algo, struct many_job *job,
                               size_t outlen, const struct many_mode *modes,
                               size_t nmodes)
{
    static unsigned char ref[sizeof job->tags];
    size_t i, all = BENCH_MAX_BATCH * outlen;

    for (i = 0; i < nmodes; i++) {
        memset(job->tags, 0, sizeof job->tags);
        modes[i].fn(job, BENCH_CHECK_SIZE, BENCH_MAX_BATCH, 1);
        if (i == 0) {
            memcpy(ref, job->tags, all);
        } else {
            bench_expect_equal(algo, ref, job->tags, all);
        }
    }
    for (i = 0; i < nmodes; i++) {
        bench_run_many(algo, modes[i].name, modes[i].fn, job);
    }
}

#if defined(BENCH_LIBSODIUM)
#define HMAC_MANY_MODES(alg)                                                 \
    { "loop-oneshot", alg##_loop1 }, { "loop-keyed", alg##_loopk }
#define HASH_MANY_MODES(alg) { "loop-oneshot", alg##_loop1 }
#else
#define HMAC_MANY_MODES(alg)                                                 \
    { "loop-oneshot", alg##_loop1 }, { "loop-keyed", alg##_loopk },          \
    { "many", alg##_many }, { "update-many", alg##_upmany }
#define HASH_MANY_MODES(alg)                                                 \
    { "loop-oneshot", alg##_loop1 }, { "many", alg##_many }
HMAC_MANY(auth_hmacsha256)
HMAC_MANY(auth_hmacsha512)
HMAC_MANY(auth_hmacsha512256)
HASH_MANY(hash_sha256)
HASH_MANY(hash_sha512)
#endif

#define HMAC_MANY_ALL(alg)                                                   \
    LOOP_ONESHOT(alg, ONESHOT_KEY)                                           \
    LOOP_KEYED(alg)                                                          \
    static void alg##_many_all(const char *algo)                             \
    {                                                                        \
        static const struct many_mode modes[] = { HMAC_MANY_MODES(alg) };    \
        static struct many_job job;                                          \
        crypto_##alg##_state keyed;                                          \
        crypto_##alg##_init(&keyed, bench_key(), 32);                        \
        job.keyed = &keyed;                                                  \
        check_and_run_many(algo, &job, crypto_##alg##_BYTES, modes,          \
                           sizeof modes / sizeof modes[0]);                  \
    }
#define HASH_MANY_ALL(alg)                                                   \
    LOOP_ONESHOT(alg, NO_KEY)                                                \
    static void alg##_many_all(const char *algo)                             \
    {                                                                        \
        static const struct many_mode modes[] = { HASH_MANY_MODES(alg) };    \
        static struct many_job job;                                          \
        job.keyed = NULL;                                                    \
        check_and_run_many(algo, &job, crypto_##alg##_BYTES, modes,          \
                           sizeof modes / sizeof modes[0]);                  \
    }

HMAC_MANY_ALL(auth_hmacsha256)
HMAC_MANY_ALL(auth_hmacsha512)
HMAC_MANY_ALL(auth_hmacsha512256)
HASH_MANY_ALL(hash_sha256)
HASH_MANY_ALL(hash_sha512)

#if defined(HMAC_BENCH_HAVE_PBKDF2) && !defined(BENCH_LIBSODIUM)
/* ---- PBKDF2 hook ---------------------------------------------------------
 * Built when HMAC_BENCH_HAVE_PBKDF2 is defined (CMake option
 * HMAC_BENCH_PBKDF2, ON by default now that libhmac has
 * hmac_pbkdf2_sha256/512; turn it OFF for a libhmac without them).
 * Same password, salt, iteration count and output length as OpenSSL's
 * PKCS5_PBKDF2_HMAC rows in bench_openssl.c (the "# check" lines compare).
 * libsodium has no PBKDF2. */
static const unsigned char pbkdf2_password[] = BENCH_PBKDF2_PASSWORD;
static const unsigned char pbkdf2_salt[] = BENCH_PBKDF2_SALT;

#define PBKDF2_BENCH(bits)                                                   \
    static void pbkdf2_sha##bits(void *ctx, size_t size, unsigned long iters) \
    {                                                                        \
        struct job *job = ctx;                                               \
        unsigned long i;                                                     \
        for (i = 0; i < iters; i++) {                                        \
            if (hmac_pbkdf2_sha##bits(job->tag, size, pbkdf2_password,       \
                                      sizeof pbkdf2_password - 1,            \
                                      pbkdf2_salt, sizeof pbkdf2_salt - 1,   \
                                      BENCH_PBKDF2_ITERATIONS) != 0) {       \
                fprintf(stderr, "hmac_pbkdf2_sha" #bits " failed\n");        \
                return;                                                      \
            }                                                                \
            bench_sink ^= job->tag[0];                                       \
        }                                                                    \
    }

PBKDF2_BENCH(256)
PBKDF2_BENCH(512)

static void pbkdf2_all(void)
{
    struct job job;

    job.keyed = NULL;
    pbkdf2_sha256(&job, 32, 1);
    bench_check("PBKDF2-HMAC-SHA-256", job.tag, 32);
    bench_run_one("PBKDF2-HMAC-SHA-256", "iter100000", 32, pbkdf2_sha256,
                  &job);
    pbkdf2_sha512(&job, 64, 1);
    bench_check("PBKDF2-HMAC-SHA-512", job.tag, 64);
    bench_run_one("PBKDF2-HMAC-SHA-512", "iter100000", 64, pbkdf2_sha512,
                  &job);
}
#endif

int main(int argc, char **argv)
{
#if defined(BENCH_LIBSODIUM)
    if (sodium_init() < 0) {
        fprintf(stderr, "sodium_init failed\n");
        return 1;
    }
    bench_init(argc, argv, "libsodium");
    bench_info("libsodium-version", sodium_version_string());
#else
    bench_init(argc, argv, "libhmac");
    bench_info("libhmac-version", hmac_version_string());
    bench_info("libhmac-backend-sha256", hmac_backend_sha256());
    bench_info("libhmac-backend-sha512", hmac_backend_sha512());
    fprintf(stderr, "%s: backends sha256=%s sha512=%s\n", bench_library(),
            hmac_backend_sha256(), hmac_backend_sha512());
#endif
    auth_hmacsha256_all("HMAC-SHA-256");
    auth_hmacsha512_all("HMAC-SHA-512");
    auth_hmacsha512256_all("HMAC-SHA-512-256");
    hash_sha256_all("SHA-256");
    hash_sha512_all("SHA-512");
    auth_hmacsha256_many_all("HMAC-SHA-256");
    auth_hmacsha512_many_all("HMAC-SHA-512");
    auth_hmacsha512256_many_all("HMAC-SHA-512-256");
    hash_sha256_many_all("SHA-256");
    hash_sha512_many_all("SHA-512");
#if defined(HMAC_BENCH_HAVE_PBKDF2) && !defined(BENCH_LIBSODIUM)
    pbkdf2_all();
#endif
    return 0;
}
