/*
 * test_many.c - the many-messages-per-call API (many.h) against the
 * single-message functions: every n from 0 to 40, mixed lengths around
 * the block boundaries and one long message among short ones, one shared
 * key and one key per message, unaligned buffers, streams fed in uneven
 * chunks, the NIST ShortMsg and HMAC.rsp vectors through the lanes, and
 * the argument rules. Runs under every subset of the CPU backends the
 * machine has (hmac_cpu_force), so every lane kernel and every kernel
 * choice by lane count is exercised where the CPU can run it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "algos.h"
#include "internal.h" /* hmac_cpu_force */
#include "testutil.h"

#define MAX_N 40
#define POOL (1u << 20) /* message bytes for one test */
#define HMACVS_CAP 400  /* HMAC.rsp records of one section (L=64: 375) */

/* The _many functions of one HMAC row; void * states as in algos.h. */
typedef struct {
    const char *name; /* the tu_hmacs row */
    int (*many)(unsigned char *, const unsigned char *const[],
                const size_t[], size_t, const unsigned char *);
    int (*verify_many)(int[], const unsigned char *,
                       const unsigned char *const[], const size_t[], size_t,
                       const unsigned char *);
    int (*update_many)(void *const[], const unsigned char *const[],
                       const size_t[], size_t);
    int (*final_many)(void *const[], unsigned char *, size_t);
} many_row;

/* The typed update/final_many take arrays of typed state pointers; these
 * wrappers convert one void * array element by element (no cast of a
 * function pointer, no aliasing of pointer arrays). */
#define WRAP(P)                                                              \
    static int P##_update_w(void *const s[], const unsigned char *const in[], \
                            const size_t len[], size_t n)                    \
    {                                                                        \
        crypto_auth_##P##_state *t[HMACVS_CAP];                               \
        size_t i;                                                            \
        for (i = 0; i < n; i++) {                                            \
            t[i] = (crypto_auth_##P##_state *)s[i];                          \
        }                                                                    \
        return hmac_auth_##P##_update_many(n ? t : NULL, in, len, n);        \
    }                                                                        \
    static int P##_final_w(void *const s[], unsigned char *out, size_t n)    \
    {                                                                        \
        crypto_auth_##P##_state *t[HMACVS_CAP];                               \
        size_t i;                                                            \
        for (i = 0; i < n; i++) {                                            \
            t[i] = (crypto_auth_##P##_state *)s[i];                          \
        }                                                                    \
        return hmac_auth_##P##_final_many(n ? t : NULL, out, n);             \
    }
WRAP(hmacsha256)
WRAP(hmacsha512)
WRAP(hmacsha512256)
WRAP(hmacsha384)
WRAP(hmacsha224)

#define ROW(P, NAME)                                                         \
    {NAME, hmac_auth_##P##_many, hmac_auth_##P##_verify_many, P##_update_w,  \
     P##_final_w}
static const many_row rows[] = {
    ROW(hmacsha256, "HMAC-SHA-256"),
    ROW(hmacsha512, "HMAC-SHA-512"),
    ROW(hmacsha512256, "HMAC-SHA-512-256"),
    ROW(hmacsha384, "HMAC-SHA-384"),
    ROW(hmacsha224, "HMAC-SHA-224"),
};
#define NROWS (sizeof rows / sizeof rows[0])

typedef struct {
    const char *name;
    int (*many)(unsigned char *, const unsigned char *const[],
                const size_t[], size_t);
} hash_row;
static const hash_row hash_rows[] = {
    {"SHA-256", hmac_hash_sha256_many},
    {"SHA-512", hmac_hash_sha512_many},
    {"SHA-384", hmac_hash_sha384_many},
    {"SHA-224", hmac_hash_sha224_many},
};
#define NHASHES (sizeof hash_rows / sizeof hash_rows[0])

static uint8_t *pool;
static uint64_t seed = 0x6d616e79;

/* A length near a block boundary, an empty one, or several blocks. */
static size_t pick_len(size_t block, int long_ok)
{
    switch (tu_rand_below(&seed, 8)) {
    case 0: return 0;
    case 1: return block - 1;
    case 2: return block;
    case 3: return block + 1;
    case 4: return (size_t)tu_rand_below(&seed, 4 * block);
    case 5: /* around the lengths whose padding just fills one block or
             * two (the length field is block / 8 bytes) */
        return (1 + (size_t)tu_rand_below(&seed, 2)) * block - 1 - block / 8 -
               8 + (size_t)tu_rand_below(&seed, 18);
    case 6: return long_ok ? 20000 + (size_t)tu_rand_below(&seed, 5000) : 64;
    default: return (size_t)tu_rand_below(&seed, 300);
    }
}

/* n messages at random (unaligned) places in the pool. One batch in
 * three has a single length for all, the shape lanes.c runs without its
 * bookkeeping; one in three has only messages whose padding fits two
 * blocks, of mixed lengths (the fused HMAC lanes take those, lanes whose
 * tail is one block running on beside two-block ones). */
static void make_msgs(size_t n, size_t block, const uint8_t *in[],
                      size_t len[])
{
    size_t i, one_long = (size_t)tu_rand_below(&seed, n ? n : 1);
    int shape = (int)tu_rand_below(&seed, 3);
    size_t same_len = pick_len(block, 0);
    size_t two_blocks = 2 * block - 1 - block / 8; /* 0x80, length field */

    for (i = 0; i < n; i++) {
        len[i] = shape == 0   ? same_len
                 : shape == 1 ? (size_t)tu_rand_below(&seed, two_blocks + 1)
                              : pick_len(block, i == one_long);
        in[i] = pool + tu_rand_below(&seed, POOL - len[i]);
        if (len[i] == 0 && tu_rand_below(&seed, 2)) {
            in[i] = NULL;
        }
    }
}

static void test_oneshot_many(void **unused)
{
    size_t r, n, i;

    (void)unused;
    for (r = 0; r < NROWS; r++) {
        const tu_hmac_algo *a = tu_hmac_by_name(rows[r].name);
        for (n = 0; n <= MAX_N; n++) {
            const uint8_t *in[MAX_N];
            size_t len[MAX_N];
            uint8_t key[32], tags[MAX_N * TU_MAX_DIGEST + 1];
            uint8_t want[MAX_N * TU_MAX_DIGEST];
            int res[MAX_N];

            tu_fill_random(key, sizeof key, &seed);
            make_msgs(n, a->hash->block_bytes, in, len);
            for (i = 0; i < n; i++) {
                assert_int_equal(a->oneshot(want + i * a->tag_bytes, in[i],
                                            len[i], key), 0);
            }
            memset(tags, 0xa5, sizeof tags);
            assert_int_equal(rows[r].many(tags, in, len, n, key), 0);
            assert_memory_equal(tags, want, n * a->tag_bytes);
            /* The byte after the last tag is untouched. */
            assert_int_equal(tags[n * a->tag_bytes], 0xa5);

            memset(res, 0x55, sizeof res);
            assert_int_equal(rows[r].verify_many(res, want, in, len, n, key),
                             0);
            for (i = 0; i < n; i++) {
                assert_int_equal(res[i], 0);
            }
            assert_int_equal(rows[r].verify_many(NULL, want, in, len, n, key),
                             0);
            if (n > 0) {
                /* One flipped bit fails exactly that message. */
                size_t bad = (size_t)tu_rand_below(&seed, n);
                size_t bit = (size_t)tu_rand_below(&seed, 8 * a->tag_bytes);
                want[bad * a->tag_bytes + bit / 8] ^= (uint8_t)(1u << (bit % 8));
                assert_int_equal(
                    rows[r].verify_many(res, want, in, len, n, key), -1);
                for (i = 0; i < n; i++) {
                    assert_int_equal(res[i], i == bad ? -1 : 0);
                }
                assert_int_equal(
                    rows[r].verify_many(NULL, want, in, len, n, key), -1);
            }
        }
    }
}

/* Streams: one key per message (any length) or copies of one keyed
 * state, fed in a few uneven rounds of _update_many, then _final_many. */
static void run_streams(const many_row *row, const tu_hmac_algo *a,
                        int shared_key)
{
    size_t n, i, round;

    for (n = 0; n <= MAX_N; n++) {
        const uint8_t *in[MAX_N], *piece[MAX_N];
        size_t len[MAX_N], plen[MAX_N], done[MAX_N];
        uint8_t keys[MAX_N][200];
        size_t klen[MAX_N];
        tu_state st[MAX_N], keyed;
        void *sp[MAX_N];
        uint8_t tags[MAX_N * TU_MAX_DIGEST], want[MAX_N * TU_MAX_DIGEST];

        make_msgs(n, a->hash->block_bytes, in, len);
        klen[0] = (size_t)tu_rand_below(&seed, 200);
        tu_fill_random(keys[0], klen[0], &seed);
        assert_int_equal(a->init(&keyed, keys[0], klen[0]), 0);
        for (i = 0; i < n; i++) {
            if (shared_key) {
                klen[i] = klen[0];
                memcpy(keys[i], keys[0], klen[0]);
                st[i] = keyed;
            } else {
                klen[i] = (size_t)tu_rand_below(&seed, 200);
                tu_fill_random(keys[i], klen[i], &seed);
                assert_int_equal(a->init(&st[i], keys[i], klen[i]), 0);
            }
            sp[i] = &st[i];
            done[i] = 0;
            tu_hmac_compute(a, keys[i], klen[i], in[i], len[i],
                            want + i * a->tag_bytes);
        }
        for (round = 0; round < 4; round++) {
            for (i = 0; i < n; i++) {
                size_t left = len[i] - done[i];
                plen[i] = round == 3 ? left
                                     : (size_t)tu_rand_below(&seed, left + 1);
                piece[i] = in[i] == NULL ? NULL : in[i] + done[i];
                done[i] += plen[i];
            }
            assert_int_equal(row->update_many(sp, piece, plen, n), 0);
        }
        memset(tags, 0xa5, sizeof tags);
        assert_int_equal(row->final_many(sp, tags, n), 0);
        assert_memory_equal(tags, want, n * a->tag_bytes);
        for (i = 0; i < n; i++) {
            const uint8_t *b = (const uint8_t *)&st[i];
            size_t j;
            for (j = 0; j < a->state_bytes; j++) {
                assert_int_equal(b[j], 0); /* wiped */
            }
        }
        /* Dead now: refused, nothing written. */
        if (n > 0) {
            assert_int_equal(row->final_many(sp, tags, n), -1);
            assert_int_equal(row->update_many(sp, piece, plen, n), -1);
        }
    }
}

static void test_streams_many(void **unused)
{
    size_t r;

    (void)unused;
    for (r = 0; r < NROWS; r++) {
        const tu_hmac_algo *a = tu_hmac_by_name(rows[r].name);
        run_streams(&rows[r], a, 0);
        run_streams(&rows[r], a, 1);
    }
}

static void test_hash_many(void **unused)
{
    size_t r, n, i;

    (void)unused;
    for (r = 0; r < NHASHES; r++) {
        const tu_hash_algo *a = tu_hash_by_name(hash_rows[r].name);
        for (n = 0; n <= MAX_N; n++) {
            const uint8_t *in[MAX_N];
            size_t len[MAX_N];
            uint8_t got[MAX_N * TU_MAX_DIGEST + 1], want[MAX_N * TU_MAX_DIGEST];

            make_msgs(n, a->block_bytes, in, len);
            for (i = 0; i < n; i++) {
                assert_int_equal(a->oneshot(want + i * a->digest_bytes, in[i],
                                            len[i]), 0);
            }
            memset(got, 0xa5, sizeof got);
            assert_int_equal(hash_rows[r].many(got, in, len, n), 0);
            assert_memory_equal(got, want, n * a->digest_bytes);
            assert_int_equal(got[n * a->digest_bytes], 0xa5);
        }
    }
}

/* NIST SHAVS ShortMsg: every record of a file in one call (65 messages
 * of 0 to 64 or 128 bytes: every tail length through the lanes). */
static void test_nist_short_many(void **unused)
{
    size_t r;

    (void)unused;
    for (r = 0; r < NHASHES; r++) {
        const tu_hash_algo *a = tu_hash_by_name(hash_rows[r].name);
        const uint8_t *in[200];
        uint8_t *msgs[200];
        size_t len[200], n = 0, i, hexlen;
        uint8_t *md, *got;
        tu_rec rec;

        md = malloc(200 * TU_MAX_DIGEST);
        got = malloc(200 * TU_MAX_DIGEST);
        assert_non_null(md);
        assert_non_null(got);
        tu_rec_open(&rec, tu_vector_path(a->vec.short_msg));
        while (tu_rec_next(&rec)) {
            unsigned long bits = strtoul(tu_rec_need(&rec, "Len"), NULL, 10);
            assert_true(n < 200);
            msgs[n] = tu_unhex(tu_rec_need(&rec, "Msg"), &hexlen);
            in[n] = msgs[n];
            len[n] = bits / 8;
            tu_unhex_into(tu_rec_need(&rec, "MD"), md + n * a->digest_bytes,
                          a->digest_bytes);
            n++;
        }
        tu_rec_close(&rec);
        assert_int_equal(n, a->vec.short_count);
        assert_int_equal(hash_rows[r].many(got, in, len, n), 0);
        assert_memory_equal(got, md, n * a->digest_bytes);
        for (i = 0; i < n; i++) {
            free(msgs[i]);
        }
        free(md);
        free(got);
    }
}

/* HMACVS records of one section, at most (L=64 has 375). */
static void *vs_sp[HMACVS_CAP];
static const uint8_t *vs_in[HMACVS_CAP];
static uint8_t *vs_msgs[HMACVS_CAP];
static size_t vs_len[HMACVS_CAP], vs_tlen[HMACVS_CAP];
static uint8_t vs_mac[HMACVS_CAP][TU_MAX_DIGEST];
static uint8_t vs_tags[HMACVS_CAP * TU_MAX_DIGEST];

/* HMACVS (HMAC.rsp): a row's whole section as keyed streams in one
 * _update_many and one _final_many call, keys of every listed length. */
static void test_hmacvs_many(void **unused)
{
    size_t r;

    (void)unused;
    for (r = 0; r < NROWS; r++) {
        const tu_hmac_algo *a = tu_hmac_by_name(rows[r].name);
        tu_state *st = calloc(HMACVS_CAP, sizeof *st);
        size_t n = 0, i;
        tu_rec rec;

        assert_non_null(st);
        if (a->vec.nist_section == NULL) {
            free(st);
            continue;
        }
        tu_rec_open(&rec, tu_vector_path("nist-cavp/HMAC.rsp"));
        while (tu_rec_next(&rec)) {
            size_t klen;
            uint8_t *key;

            if (strcmp(rec.section, a->vec.nist_section) != 0) {
                continue;
            }
            vs_tlen[n] = strtoul(tu_rec_need(&rec, "Tlen"), NULL, 10);
            if (a->vec.nist_tlen != 0 && vs_tlen[n] != a->vec.nist_tlen) {
                continue;
            }
            assert_true(n < HMACVS_CAP);
            key = tu_unhex(tu_rec_need(&rec, "Key"), &klen);
            vs_msgs[n] = tu_unhex(tu_rec_need(&rec, "Msg"), &vs_len[n]);
            vs_in[n] = vs_msgs[n];
            tu_unhex_into(tu_rec_need(&rec, "Mac"), vs_mac[n], vs_tlen[n]);
            assert_int_equal(a->init(&st[n], key, klen), 0);
            vs_sp[n] = &st[n];
            free(key);
            n++;
        }
        tu_rec_close(&rec);
        assert_true(n > 0);
        assert_int_equal(n, a->vec.nist_count);
        assert_int_equal(rows[r].update_many(vs_sp, vs_in, vs_len, n), 0);
        assert_int_equal(rows[r].final_many(vs_sp, vs_tags, n), 0);
        for (i = 0; i < n; i++) {
            assert_memory_equal(vs_tags + i * a->tag_bytes, vs_mac[i],
                                vs_tlen[i]);
            free(vs_msgs[i]);
        }
        free(st);
    }
}

/* The argument rules of many.h, for every row. */
static void test_many_arguments(void **unused)
{
    static const uint8_t key[32] = {1};
    const uint8_t msg[3] = {1, 2, 3};
    const uint8_t *in[2] = {msg, msg};
    const uint8_t *in_null[2] = {msg, NULL};
    size_t len[2] = {3, 3}, zero[2] = {0, 0};
    uint8_t out[2 * TU_MAX_DIGEST];
    int res[2] = {7, 7};
    size_t r, i;

    (void)unused;
    for (r = 0; r < NROWS; r++) {
        const many_row *row = &rows[r];
        const tu_hmac_algo *a = tu_hmac_by_name(row->name);
        tu_state s0, s1;
        void *sp[2] = {&s0, &s1}, *sp_null[2] = {&s0, NULL};

        /* n == 0: a no-op, NULLs and all. */
        assert_int_equal(row->many(NULL, NULL, NULL, 0, NULL), 0);
        assert_int_equal(row->verify_many(NULL, NULL, NULL, NULL, 0, NULL), 0);
        assert_int_equal(row->update_many(NULL, NULL, NULL, 0), 0);
        assert_int_equal(row->final_many(NULL, NULL, 0), 0);

        memset(out, 0xa5, sizeof out);
        assert_int_equal(row->many(NULL, in, len, 2, key), -1);
        assert_int_equal(row->many(out, NULL, len, 2, key), -1);
        assert_int_equal(row->many(out, in, NULL, 2, key), -1);
        assert_int_equal(row->many(out, in, len, 2, NULL), -1);
        assert_int_equal(row->many(out, in_null, len, 2, key), -1);
        assert_int_equal(row->verify_many(res, out, in_null, len, 2, key), -1);
        assert_int_equal(row->verify_many(res, NULL, in, len, 2, key), -1);
        assert_int_equal(res[0], 7);
        for (i = 0; i < sizeof out; i++) {
            assert_int_equal(out[i], 0xa5);
        }
        /* NULL with a zero length is the empty message. */
        assert_int_equal(row->many(out, in_null, zero, 2, key), 0);
        assert_int_equal(a->oneshot(out + a->tag_bytes, NULL, 0, key), 0);
        assert_memory_equal(out, out + a->tag_bytes, a->tag_bytes);

        assert_int_equal(a->init(&s0, key, 5), 0);
        assert_int_equal(a->init(&s1, key, 5), 0);
        assert_int_equal(row->update_many(sp_null, in, len, 2), -1);
        assert_int_equal(row->update_many(sp, in_null, len, 2), -1);
        assert_int_equal(row->final_many(sp_null, out, 2), -1);
        assert_int_equal(row->final_many(sp, NULL, 2), -1);
        /* A dead state anywhere refuses the whole call, nothing changed. */
        hmac_memzero(&s1, sizeof s1);
        memset(out, 0xa5, sizeof out);
        assert_int_equal(row->update_many(sp, in, len, 2), -1);
        assert_int_equal(row->final_many(sp, out, 2), -1);
        for (i = 0; i < sizeof out; i++) {
            assert_int_equal(out[i], 0xa5);
        }
        {
            /* s0 was left as keyed: its tag is that of the empty input. */
            uint8_t want[TU_MAX_DIGEST];
            tu_hmac_compute(a, key, 5, NULL, 0, want);
            assert_int_equal(a->final(&s0, out), 0);
            assert_memory_equal(out, want, a->tag_bytes);
        }
    }
    for (r = 0; r < NHASHES; r++) {
        assert_int_equal(hash_rows[r].many(NULL, NULL, NULL, 0), 0);
        assert_int_equal(hash_rows[r].many(NULL, in, len, 2), -1);
        assert_int_equal(hash_rows[r].many(out, in_null, len, 2), -1);
        assert_int_equal(hash_rows[r].many(out, NULL, len, 2), -1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oneshot_many),
        cmocka_unit_test(test_streams_many),
        cmocka_unit_test(test_hash_many),
        cmocka_unit_test(test_nist_short_many),
        cmocka_unit_test(test_hmacvs_many),
        cmocka_unit_test(test_many_arguments),
    };
    unsigned detected, mask;
    int failed = 0;

    pool = malloc(POOL);
    if (pool == NULL) {
        return 1;
    }
    tu_fill_random(pool, POOL, &seed);
    /* Every subset of the single-stream backends this CPU has: each lane
     * kernel, and each choice of kernel by lane count, where the CPU can
     * run it. The SIMD lane kernels run over none or all of those (not
     * every subset: that would quadruple the run time, minutes under the
     * sanitizers), and AVX-512 lanes only with AVX2 lanes beside them
     * (AVX-512 alone picks the same kernels). */
    detected = hmac_cpu_force(HMAC_CPU_ALL);
    for (mask = 0; mask <= HMAC_CPU_ALL; mask++) {
        const unsigned simd = HMAC_CPU_AVX2_LANES | HMAC_CPU_AVX512_LANES;
        const unsigned other = ~(simd | HMAC_CPU_ZEN4);
        char group[128];

        if ((mask & ~detected) != 0) {
            continue;
        }
        if ((mask & simd) != 0 && (mask & other) != 0 &&
            (mask & other) != (detected & other)) {
            continue;
        }
        if ((mask & simd) == HMAC_CPU_AVX512_LANES &&
            (detected & HMAC_CPU_AVX2_LANES)) {
            continue;
        }
        /* The Zen 4 pick policy with everything else the CPU has; every
         * subset runs without it (Intel's rows). */
        if ((mask & HMAC_CPU_ZEN4) && mask != detected) {
            continue;
        }
        hmac_cpu_force(mask);
        snprintf(group, sizeof group, "many [mask=%u: sha256=%s sha512=%s]",
                 mask, hmac_backend_sha256(), hmac_backend_sha512());
        printf("# %s\n", group);
        fflush(stdout);
        failed += _cmocka_run_group_tests(group, tests,
                                          sizeof tests / sizeof tests[0],
                                          NULL, NULL);
    }
    hmac_cpu_force(HMAC_CPU_ALL);
    free(pool);
    return failed != 0;
}
