/*
 * bench_openssl.c - the same workloads as bench_api.c, done the OpenSSL 3
 * way (hmac-bench-openssl). Like libsodium, OpenSSL runs in a process of
 * its own, so no library shares symbols, caches or code layout with
 * another during a measurement.
 *
 * Modes:
 *   oneshot       HMAC(EVP_sha256(), ...) / SHA256(), SHA512(): what most
 *                 code calls
 *   stream4k      one EVP_MAC_CTX (digest set once) re-keyed per message:
 *                 EVP_MAC_init(ctx, key, 32, NULL), EVP_MAC_update in 4 KiB
 *                 chunks, EVP_MAC_final; hashes: EVP_DigestInit_ex2 with a
 *                 pre-fetched EVP_MD
 *   keyed-reinit  a keyed EVP_MAC_CTX re-initialised with the same key:
 *                 EVP_MAC_init(ctx, NULL, 0, NULL), update, final
 *   keyed-dup     EVP_MAC_CTX_dup of a keyed context, update, final, free
 * The two keyed modes are OpenSSL's counterparts of libhmac's keyed-state
 * copy; ratios.md compares against the faster of the two.
 * Many-message rows (issue 10: a batch of n distinct messages, mode
 * "<mode>-x<n>", time per message; OpenSSL has no call for many):
 *   loop-oneshot  HMAC() / SHA256(), SHA512() over each message
 *   loop-reuse    the keyed-reinit mode over each message (HMAC only)
 *
 * HMAC-SHA-512-256 is libsodium's: HMAC-SHA-512 truncated to 32 bytes
 * (not HMAC over SHA-512/256), so here it is HMAC-SHA-512 keeping 32 bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/params.h>
#include <openssl/sha.h>

#include "bench.h"

struct job {
    const char *name;
    const EVP_MD *legacy_md;   /* EVP_sha256() or EVP_sha512(), for HMAC() */
    EVP_MD *md;                /* fetched once, for the digest streams */
    EVP_MAC_CTX *stream;       /* digest set, re-keyed per message */
    EVP_MAC_CTX *keyed;        /* keyed once, re-initialised per message */
    EVP_MAC_CTX *keyed_master; /* keyed once, only ever duplicated */
    EVP_MD_CTX *mdctx;
    size_t outlen;             /* tag or digest bytes kept */
    unsigned char tag[EVP_MAX_MD_SIZE];
};

static void die(const char *what)
{
    fprintf(stderr, "openssl: %s failed\n", what);
    exit(1);
}

static void mac_feed(EVP_MAC_CTX *ctx, const unsigned char *m, size_t size)
{
    size_t off = 0;

    while (size - off > BENCH_CHUNK) {
        if (!EVP_MAC_update(ctx, m + off, BENCH_CHUNK)) {
            die("EVP_MAC_update");
        }
        off += BENCH_CHUNK;
    }
    if (!EVP_MAC_update(ctx, m + off, size - off)) {
        die("EVP_MAC_update");
    }
}

static void mac_final(struct job *job, EVP_MAC_CTX *ctx)
{
    unsigned char full[EVP_MAX_MD_SIZE];
    size_t len;

    if (!EVP_MAC_final(ctx, full, &len, sizeof full)) {
        die("EVP_MAC_final");
    }
    memcpy(job->tag, full, job->outlen);
    bench_sink ^= full[0];
}

static void hmac_oneshot(void *ctx, size_t size, unsigned long iters)
{
    struct job *job = ctx;
    unsigned char full[EVP_MAX_MD_SIZE];
    unsigned int len;
    unsigned long i;

    for (i = 0; i < iters; i++) {
        if (HMAC(job->legacy_md, bench_key(), 32, bench_msg(), size, full,
                 &len) == NULL) {
            die("HMAC");
        }
        bench_sink ^= full[0];
    }
    memcpy(job->tag, full, job->outlen);
}

static void hmac_stream(void *ctx, size_t size, unsigned long iters)
{
    struct job *job = ctx;
    unsigned long i;

    for (i = 0; i < iters; i++) {
        if (!EVP_MAC_init(job->stream, bench_key(), 32, NULL)) {
            die("EVP_MAC_init");
        }
        mac_feed(job->stream, bench_msg(), size);
        mac_final(job, job->stream);
    }
}

static void hmac_reinit(void *ctx, size_t size, unsigned long iters)
{
    struct job *job = ctx;
    unsigned long i;

    for (i = 0; i < iters; i++) {
        if (!EVP_MAC_init(job->keyed, NULL, 0, NULL)) {
            die("EVP_MAC_init (re-init)");
        }
        if (!EVP_MAC_update(job->keyed, bench_msg(), size)) {
            die("EVP_MAC_update");
        }
        mac_final(job, job->keyed);
    }
}

static void hmac_dup(void *ctx, size_t size, unsigned long iters)
{
    struct job *job = ctx;
    unsigned long i;

    for (i = 0; i < iters; i++) {
        EVP_MAC_CTX *c = EVP_MAC_CTX_dup(job->keyed_master);
        if (c == NULL || !EVP_MAC_update(c, bench_msg(), size)) {
            die("EVP_MAC_CTX_dup/update");
        }
        mac_final(job, c);
        EVP_MAC_CTX_free(c);
    }
}

static void hash_oneshot(void *ctx, size_t size, unsigned long iters)
{
    struct job *job = ctx;
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned long i;

    for (i = 0; i < iters; i++) {
        if (job->outlen == 32) {
            SHA256(bench_msg(), size, out);
        } else {
            SHA512(bench_msg(), size, out);
        }
        bench_sink ^= out[0];
    }
    memcpy(job->tag, out, job->outlen);
}

static void hash_stream(void *ctx, size_t size, unsigned long iters)
{
    struct job *job = ctx;
    const unsigned char *m = bench_msg();
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned long i;

    for (i = 0; i < iters; i++) {
        size_t off = 0;
        int ok = EVP_DigestInit_ex2(job->mdctx, job->md, NULL);
        while (ok && size - off > BENCH_CHUNK) {
            ok = EVP_DigestUpdate(job->mdctx, m + off, BENCH_CHUNK);
            off += BENCH_CHUNK;
        }
        if (!ok || !EVP_DigestUpdate(job->mdctx, m + off, size - off) ||
            !EVP_DigestFinal_ex(job->mdctx, out, NULL)) {
            die("EVP_Digest*");
        }
        bench_sink ^= out[0];
    }
    memcpy(job->tag, out, job->outlen);
}

/* The many-message loops: every output to many_tags[i]. */
static unsigned char many_tags[BENCH_MAX_BATCH * EVP_MAX_MD_SIZE];

static void hmac_loop_oneshot(void *ctx, size_t size, size_t n,
                              unsigned long iters)
{
    struct job *job = ctx;
    const unsigned char *const *m = bench_many_msgs(size, n);
    unsigned int len;
    unsigned long it;
    size_t i;

    for (it = 0; it < iters; it++) {
        for (i = 0; i < n; i++) {
            unsigned char *t = many_tags + i * EVP_MAX_MD_SIZE;
            if (HMAC(job->legacy_md, bench_key(), 32, m[i], size, t,
                     &len) == NULL) {
                die("HMAC");
            }
            bench_sink ^= t[0];
        }
    }
}

static void hmac_loop_reuse(void *ctx, size_t size, size_t n,
                            unsigned long iters)
{
    struct job *job = ctx;
    const unsigned char *const *m = bench_many_msgs(size, n);
    size_t len;
    unsigned long it;
    size_t i;

    for (it = 0; it < iters; it++) {
        for (i = 0; i < n; i++) {
            unsigned char *t = many_tags + i * EVP_MAX_MD_SIZE;
            if (!EVP_MAC_init(job->keyed, NULL, 0, NULL) ||
                !EVP_MAC_update(job->keyed, m[i], size) ||
                !EVP_MAC_final(job->keyed, t, &len, EVP_MAX_MD_SIZE)) {
                die("EVP_MAC (loop)");
            }
            bench_sink ^= t[0];
        }
    }
}

static void hash_loop_oneshot(void *ctx, size_t size, size_t n,
                              unsigned long iters)
{
    struct job *job = ctx;
    const unsigned char *const *m = bench_many_msgs(size, n);
    unsigned long it;
    size_t i;

    for (it = 0; it < iters; it++) {
        for (i = 0; i < n; i++) {
            unsigned char *t = many_tags + i * EVP_MAX_MD_SIZE;
            if (job->outlen == 32) {
                SHA256(m[i], size, t);
            } else {
                SHA512(m[i], size, t);
            }
            bench_sink ^= t[0];
        }
    }
}

/* The two HMAC loops agree on every message of a full batch. */
static void check_many_hmac(struct job *job)
{
    static unsigned char ref[sizeof many_tags];

    hmac_loop_oneshot(job, BENCH_CHECK_SIZE, BENCH_MAX_BATCH, 1);
    memcpy(ref, many_tags, sizeof ref);
    memset(many_tags, 0, sizeof many_tags);
    hmac_loop_reuse(job, BENCH_CHECK_SIZE, BENCH_MAX_BATCH, 1);
    bench_expect_equal(job->name, ref, many_tags, sizeof ref);
}

/* Runs fn once on the check message and returns its output in ref (first
 * call) or checks it against ref (later calls). */
static void self_check(struct job *job, bench_fn fn, unsigned char *ref,
                       int first)
{
    fn(job, BENCH_CHECK_SIZE, 1);
    if (first) {
        memcpy(ref, job->tag, job->outlen);
    } else {
        bench_expect_equal(job->name, ref, job->tag, job->outlen);
    }
}

static void bench_hmac(const char *name, const char *digest,
                       const EVP_MD *legacy_md, size_t outlen)
{
    struct job job;
    unsigned char ref[EVP_MAX_MD_SIZE];
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    OSSL_PARAM params[2];
    char digest_name[16]; /* OSSL_PARAM wants a char *, not a literal */

    memset(&job, 0, sizeof job);
    job.name = name;
    job.legacy_md = legacy_md;
    job.outlen = outlen;
    snprintf(digest_name, sizeof digest_name, "%s", digest);
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                                 digest_name, 0);
    params[1] = OSSL_PARAM_construct_end();
    if (mac == NULL) {
        die("EVP_MAC_fetch");
    }
    job.stream = EVP_MAC_CTX_new(mac);
    job.keyed = EVP_MAC_CTX_new(mac);
    job.keyed_master = EVP_MAC_CTX_new(mac);
    if (job.stream == NULL || job.keyed == NULL || job.keyed_master == NULL ||
        !EVP_MAC_CTX_set_params(job.stream, params) ||
        !EVP_MAC_init(job.keyed, bench_key(), 32, params) ||
        !EVP_MAC_init(job.keyed_master, bench_key(), 32, params)) {
        die("EVP_MAC_CTX setup");
    }

    self_check(&job, hmac_oneshot, ref, 1);
    self_check(&job, hmac_stream, ref, 0);
    self_check(&job, hmac_reinit, ref, 0);
    self_check(&job, hmac_dup, ref, 0);
    bench_check(name, ref, outlen);

    bench_run(name, "oneshot", hmac_oneshot, &job);
    bench_run(name, "stream4k", hmac_stream, &job);
    bench_run(name, "keyed-reinit", hmac_reinit, &job);
    bench_run(name, "keyed-dup", hmac_dup, &job);
    check_many_hmac(&job);
    bench_run_many(name, "loop-oneshot", hmac_loop_oneshot, &job);
    bench_run_many(name, "loop-reuse", hmac_loop_reuse, &job);

    EVP_MAC_CTX_free(job.stream);
    EVP_MAC_CTX_free(job.keyed);
    EVP_MAC_CTX_free(job.keyed_master);
    EVP_MAC_free(mac);
}

static void bench_hash(const char *name, const char *digest, size_t outlen)
{
    struct job job;
    unsigned char ref[EVP_MAX_MD_SIZE];

    memset(&job, 0, sizeof job);
    job.name = name;
    job.outlen = outlen;
    job.md = EVP_MD_fetch(NULL, digest, NULL);
    job.mdctx = EVP_MD_CTX_new();
    if (job.md == NULL || job.mdctx == NULL) {
        die("EVP_MD_fetch");
    }

    self_check(&job, hash_oneshot, ref, 1);
    self_check(&job, hash_stream, ref, 0);
    bench_check(name, ref, outlen);

    bench_run(name, "oneshot", hash_oneshot, &job);
    bench_run(name, "stream4k", hash_stream, &job);
    bench_run_many(name, "loop-oneshot", hash_loop_oneshot, &job);

    EVP_MD_CTX_free(job.mdctx);
    EVP_MD_free(job.md);
}

/* PKCS5_PBKDF2_HMAC with the parameters of libhmac's PBKDF2 hook. */
static void pbkdf2(void *ctx, size_t size, unsigned long iters)
{
    struct job *job = ctx;
    static const char password[] = BENCH_PBKDF2_PASSWORD;
    static const unsigned char salt[] = BENCH_PBKDF2_SALT;
    unsigned long i;

    for (i = 0; i < iters; i++) {
        if (!PKCS5_PBKDF2_HMAC(password, (int)(sizeof password - 1), salt,
                               (int)(sizeof salt - 1),
                               (int)BENCH_PBKDF2_ITERATIONS, job->legacy_md,
                               (int)size, job->tag)) {
            die("PKCS5_PBKDF2_HMAC");
        }
        bench_sink ^= job->tag[0];
    }
}

static void bench_pbkdf2(const char *name, const EVP_MD *md, size_t outlen)
{
    struct job job;

    memset(&job, 0, sizeof job);
    job.legacy_md = md;
    pbkdf2(&job, outlen, 1);
    bench_check(name, job.tag, outlen);
    bench_run_one(name, "iter100000", outlen, pbkdf2, &job);
}

int main(int argc, char **argv)
{
    bench_init(argc, argv, "openssl");
    bench_info("openssl-version", OpenSSL_version(OPENSSL_VERSION));

    bench_hmac("HMAC-SHA-256", "SHA256", EVP_sha256(), 32);
    bench_hmac("HMAC-SHA-512", "SHA512", EVP_sha512(), 64);
    bench_hmac("HMAC-SHA-512-256", "SHA512", EVP_sha512(), 32);
    bench_hash("SHA-256", "SHA256", 32);
    bench_hash("SHA-512", "SHA512", 64);
    bench_pbkdf2("PBKDF2-HMAC-SHA-256", EVP_sha256(), 32);
    bench_pbkdf2("PBKDF2-HMAC-SHA-512", EVP_sha512(), 64);
    return 0;
}
