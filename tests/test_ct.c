/*
 * test_ct.c - constant time, checked by valgrind (the "ctgrind" idea of
 * Adam Langley, as used by libsecp256k1 and Monocypher).
 *
 * Memcheck tracks, bit by bit, whether memory is "defined". We tell it
 * that keys, messages and tags are undefined (VALGRIND_MAKE_MEM_UNDEFINED);
 * it then reports every conditional jump and every memory address that
 * depends on them, which is exactly a secret-dependent branch or table
 * index. Lengths stay defined: they are public. A result the test must
 * inspect (a verify's return value) is declared public again with
 * VALGRIND_MAKE_MEM_DEFINED first, as a caller would publish it.
 *
 * Run it as `valgrind --error-exitcode=1 --track-origins=yes test_ct`
 * (ctest: test_ct_valgrind). Outside valgrind the client requests do
 * nothing and the test only checks that the results are right.
 *
 * Backends: every pass runs once with the portable cores and once with
 * everything the CPU offers. Valgrind 3.19 hides the SHA extensions and
 * AVX-512 from CPUID (it cannot execute them), so under valgrind the
 * second pass checks the hardware SHA-512 backend and the AVX2 lane
 * kernels if the CPU has them, but SHA-256 runs portable in both: the
 * x86 SHA-NI path and the AVX-512 lane kernels are not checked here. A
 * third pass runs the _many test with the AVX2 lane kernels forced (no
 * SHA-NI, no AVX-512), so they are covered whatever valgrind reports. The
 * backend names of each pass are printed.
 */
#include <stdio.h>
#include <string.h>
#include <valgrind/memcheck.h>

#include "algos.h"
#include "final_verify_table.h"
#include "internal.h" /* hmac_cpu_force */
#include "testutil.h"

#define SECRET(p, n) VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
#define PUBLIC(p, n) VALGRIND_MAKE_MEM_DEFINED((p), (n))

static const size_t msg_lens[] = {0, 1, 55, 56, 64, 111, 112, 128, 200, 300};
static const size_t key_lens[] = {0, 1, 31, 32, 64, 65, 128, 129, 200};
#define NMSG (sizeof msg_lens / sizeof msg_lens[0])
#define NKEY (sizeof key_lens / sizeof key_lens[0])

static uint8_t msg[300];
static uint8_t key[200];

static void make_inputs(void)
{
    uint64_t seed = 77;

    tu_fill_random(msg, sizeof msg, &seed);
    tu_fill_random(key, sizeof key, &seed);
    SECRET(msg, sizeof msg);
    SECRET(key, sizeof key);
}

/* One-shot HMACs (32-byte keys) and their _verify on the right tag and on
 * a tag with one bit flipped. */
static void test_oneshot_and_verify(void **unused)
{
    size_t i, l;

    (void)unused;
    make_inputs();
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];

        for (l = 0; l < NMSG; l++) {
            uint8_t tag[TU_MAX_DIGEST], bad[TU_MAX_DIGEST];
            int ok, rejected;

            assert_int_equal(a->oneshot(tag, msg, msg_lens[l], key), 0);
            memcpy(bad, tag, a->tag_bytes);
            bad[l % a->tag_bytes] ^= 0x10;
            /* Computed from the key, both are undefined already; marked
             * anyway, since the caller's tag is an input to verify whose
             * bytes must not steer it either. */
            SECRET(tag, a->tag_bytes);
            SECRET(bad, a->tag_bytes);
            ok = a->verify(tag, msg, msg_lens[l], key);
            rejected = a->verify(bad, msg, msg_lens[l], key);
            PUBLIC(&ok, sizeof ok);
            PUBLIC(&rejected, sizeof rejected);
            assert_int_equal(ok, 0);
            assert_int_equal(rejected, -1);
        }
    }
}

/* crypto_auth (HMAC-SHA-512-256) the same way. */
static void test_crypto_auth(void **unused)
{
    uint8_t tag[crypto_auth_BYTES];
    int ok;

    (void)unused;
    make_inputs();
    assert_int_equal(crypto_auth(tag, msg, 100, key), 0);
    ok = crypto_auth_verify(tag, msg, 100, key);
    PUBLIC(&ok, sizeof ok);
    assert_int_equal(ok, 0);
}

/* init with short, block-sized and longer-than-block keys, then update
 * and final over several message lengths, split in two. The result is
 * compared (after publishing it) with the one-shot where the key length
 * allows, so that the test is known to have computed the right thing. */
static void test_streaming(void **unused)
{
    size_t i, k, l;

    (void)unused;
    make_inputs();
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];

        for (k = 0; k < NKEY; k++) {
            for (l = 0; l < NMSG; l++) {
                size_t len = msg_lens[l], half = len / 3;
                uint8_t tag[TU_MAX_DIGEST], want[TU_MAX_DIGEST];
                tu_state st;

                assert_int_equal(a->init(&st, key, key_lens[k]), 0);
                assert_int_equal(a->update(&st, msg, half), 0);
                assert_int_equal(a->update(&st, msg + half, len - half), 0);
                assert_int_equal(a->final(&st, tag), 0);
                if (key_lens[k] == a->key_bytes) {
                    assert_int_equal(a->oneshot(want, msg, len, key), 0);
                    PUBLIC(tag, a->tag_bytes);
                    PUBLIC(want, a->tag_bytes);
                    assert_memory_equal(tag, want, a->tag_bytes);
                }
            }
        }
    }
}

/* Hashes: the message may be a secret (a key being hashed). */
static void test_hashes(void **unused)
{
    size_t i, l;

    (void)unused;
    make_inputs();
    for (i = 0; i < tu_nhashes; i++) {
        const tu_hash_algo *a = &tu_hashes[i];

        for (l = 0; l < NMSG; l++) {
            uint8_t md[TU_MAX_DIGEST], md2[TU_MAX_DIGEST];
            tu_state st;

            assert_int_equal(a->oneshot(md, msg, msg_lens[l]), 0);
            assert_int_equal(a->init(&st), 0);
            assert_int_equal(a->update(&st, msg, msg_lens[l]), 0);
            assert_int_equal(a->final(&st, md2), 0);
            PUBLIC(md, a->digest_bytes);
            PUBLIC(md2, a->digest_bytes);
            assert_memory_equal(md, md2, a->digest_bytes);
        }
    }
}

/* ---- many messages per call (many.h): the lane kernels ---------------- */

typedef struct {
    const char *name; /* the tu_hmacs row */
    int (*many)(unsigned char *, const unsigned char *const[],
                const size_t[], size_t, const unsigned char *);
    int (*verify_many)(int[], const unsigned char *,
                       const unsigned char *const[], const size_t[], size_t,
                       const unsigned char *);
} ct_many_row;

static const ct_many_row ct_many_rows[] = {
    {"HMAC-SHA-256", hmac_auth_hmacsha256_many, hmac_auth_hmacsha256_verify_many},
    {"HMAC-SHA-512", hmac_auth_hmacsha512_many, hmac_auth_hmacsha512_verify_many},
    {"HMAC-SHA-512-256", hmac_auth_hmacsha512256_many,
     hmac_auth_hmacsha512256_verify_many},
    {"HMAC-SHA-384", hmac_auth_hmacsha384_many, hmac_auth_hmacsha384_verify_many},
    {"HMAC-SHA-224", hmac_auth_hmacsha224_many, hmac_auth_hmacsha224_verify_many},
};

/* Enough messages for every lane kernel to run (the x16 kernel takes
 * over from 10 in flight), one of each length in msg_lens and more. */
#define CT_MANY 12

/* Every HMAC's tags of in[0..CT_MANY) through _many and verify_many (one
 * tag wrong), published, then checked against the one-shot function. */
static void ct_many_tags(const uint8_t *const in[], const size_t len[])
{
    uint8_t tags[CT_MANY * TU_MAX_DIGEST], want[TU_MAX_DIGEST];
    int res[CT_MANY], all;
    size_t r, i;

    for (r = 0; r < sizeof ct_many_rows / sizeof ct_many_rows[0]; r++) {
        const tu_hmac_algo *a = tu_hmac_by_name(ct_many_rows[r].name);
        size_t tb = a->tag_bytes;

        assert_int_equal(ct_many_rows[r].many(tags, in, len, CT_MANY, key), 0);
        tags[5 * tb] ^= 1; /* message 5's tag is wrong */
        all = ct_many_rows[r].verify_many(res, tags, in, len, CT_MANY, key);
        tags[5 * tb] ^= 1;
        PUBLIC(&all, sizeof all);
        PUBLIC(res, sizeof res);
        PUBLIC(tags, CT_MANY * tb);
        assert_int_equal(all, -1);
        for (i = 0; i < CT_MANY; i++) {
            assert_int_equal(res[i], i == 5 ? -1 : 0);
            assert_int_equal(a->oneshot(want, in[i], len[i], key), 0);
            PUBLIC(want, tb);
            assert_memory_equal(tags + i * tb, want, tb);
        }
        SECRET(tags, CT_MANY * tb);
    }
}

/* Secret messages and key through the _many functions: tags, verify_many
 * with one tag wrong, streams through _update_many/_final_many, and the
 * hashes. The results are published, then checked against the
 * single-message functions. */
static void test_many(void **unused)
{
    const uint8_t *in[CT_MANY];
    size_t len[CT_MANY], i;
    uint8_t tags[CT_MANY * TU_MAX_DIGEST], want[TU_MAX_DIGEST];

    (void)unused;
    make_inputs();
    /* One short length for all: the fused HMAC lane kernels take these
     * (mixed lengths, below, go through the two stages). */
    for (i = 0; i < CT_MANY; i++) {
        len[i] = 64;
        in[i] = msg + 17 * i;
    }
    ct_many_tags(in, len);
    for (i = 0; i < CT_MANY; i++) {
        len[i] = msg_lens[i % NMSG] + (i / NMSG) * 7;
        in[i] = msg + (sizeof msg - len[i]) * i / CT_MANY;
    }
    ct_many_tags(in, len);
    {
        crypto_auth_hmacsha512256_state st5[CT_MANY], *p5[CT_MANY];
        crypto_auth_hmacsha256_state st2[CT_MANY], *p2[CT_MANY];

        for (i = 0; i < CT_MANY; i++) {
            p5[i] = &st5[i];
            p2[i] = &st2[i];
            assert_int_equal(crypto_auth_hmacsha512256_init(p5[i], key,
                                                            key_lens[i % NKEY]), 0);
            assert_int_equal(crypto_auth_hmacsha256_init(p2[i], key,
                                                         key_lens[i % NKEY]), 0);
        }
        assert_int_equal(hmac_auth_hmacsha512256_update_many(p5, in, len, CT_MANY), 0);
        assert_int_equal(hmac_auth_hmacsha512256_final_many(p5, tags, CT_MANY), 0);
        assert_int_equal(hmac_auth_hmacsha256_update_many(p2, in, len, CT_MANY), 0);
        assert_int_equal(hmac_auth_hmacsha256_final_many(p2, tags + CT_MANY * 32,
                                                         CT_MANY), 0);
        PUBLIC(tags, CT_MANY * 64);
        for (i = 0; i < CT_MANY; i++) {
            crypto_auth_hmacsha512256_state s5;
            crypto_auth_hmacsha256_state s2;

            assert_int_equal(crypto_auth_hmacsha512256_init(&s5, key,
                                                            key_lens[i % NKEY]), 0);
            assert_int_equal(crypto_auth_hmacsha512256_update(&s5, in[i], len[i]), 0);
            assert_int_equal(crypto_auth_hmacsha512256_final(&s5, want), 0);
            PUBLIC(want, 32);
            assert_memory_equal(tags + i * 32, want, 32);
            assert_int_equal(crypto_auth_hmacsha256_init(&s2, key,
                                                         key_lens[i % NKEY]), 0);
            assert_int_equal(crypto_auth_hmacsha256_update(&s2, in[i], len[i]), 0);
            assert_int_equal(crypto_auth_hmacsha256_final(&s2, want), 0);
            PUBLIC(want, 32);
            assert_memory_equal(tags + (CT_MANY + i) * 32, want, 32);
        }
    }
    assert_int_equal(hmac_hash_sha256_many(tags, in, len, CT_MANY), 0);
    PUBLIC(tags, CT_MANY * 32);
    for (i = 0; i < CT_MANY; i++) {
        assert_int_equal(crypto_hash_sha256(want, in[i], len[i]), 0);
        PUBLIC(want, 32);
        assert_memory_equal(tags + i * 32, want, 32);
    }
    assert_int_equal(hmac_hash_sha512_many(tags, in, len, CT_MANY), 0);
    PUBLIC(tags, CT_MANY * 64);
    for (i = 0; i < CT_MANY; i++) {
        assert_int_equal(crypto_hash_sha512(want, in[i], len[i]), 0);
        PUBLIC(want, 64);
        assert_memory_equal(tags + i * 64, want, 64);
    }
}

/* crypto_verify_16/32/64 on equal and unequal secret strings; the
 * difference sits at the first, a middle and the last byte. */
static void test_verify_nn(void **unused)
{
    static int (*const fns[])(const unsigned char *, const unsigned char *) = {
        crypto_verify_16, crypto_verify_32, crypto_verify_64};
    static const size_t sizes[] = {16, 32, 64};
    size_t f, pos;

    (void)unused;
    for (f = 0; f < 3; f++) {
        size_t n = sizes[f];
        const size_t where[3] = {0, n / 2, n - 1};

        for (pos = 0; pos < 3; pos++) {
            uint8_t x[64], y[64];
            uint64_t seed = 5 + pos;
            int eq, ne;

            tu_fill_random(x, n, &seed);
            memcpy(y, x, n);
            SECRET(x, n);
            SECRET(y, n);
            eq = fns[f](x, y);
            y[where[pos]] ^= 1;
            ne = fns[f](x, y);
            PUBLIC(&eq, sizeof eq);
            PUBLIC(&ne, sizeof ne);
            assert_int_equal(eq, 0);
            assert_int_equal(ne, -1);
        }
    }
}

/* The four text codecs on secret bytes and secret text: only the class
 * of each character (in the alphabet, ignored, padding) may steer them;
 * test_ct builds src/api/codecs.c with HMAC_CT_DECLASSIFY, which publishes
 * exactly those classes (tests/codecs.cmake). Every byte value is
 * encoded, and decoded back from text with separators in it. */
static void test_codecs(void **unused)
{
    static const int variants[] = {
        hmac_base64_VARIANT_ORIGINAL, hmac_base64_VARIANT_ORIGINAL_NO_PADDING,
        hmac_base64_VARIANT_URLSAFE, hmac_base64_VARIANT_URLSAFE_NO_PADDING};
    uint8_t bin[256], back[256];
    char text[520], spaced[3 * 256];
    size_t i, v, n, len;
    const char *end;
    int ret;

    (void)unused;
    for (i = 0; i < 256; i++) {
        bin[i] = (uint8_t)(i * 167 + 13); /* every value, in mixed order */
    }
    SECRET(bin, sizeof bin);
    assert_non_null(hmac_bin2hex(text, sizeof text, bin, sizeof bin));
    /* ":" after every byte: separators are secret text too. */
    for (i = 0, n = 0; i < 256; i++) {
        spaced[n++] = text[2 * i];
        spaced[n++] = text[2 * i + 1];
        spaced[n++] = ':';
    }
    SECRET(spaced, n);
    ret = hmac_hex2bin(back, sizeof back, spaced, n, ":", &len, &end);
    PUBLIC(&ret, sizeof ret);
    PUBLIC(back, sizeof back);
    PUBLIC(text, 513);
    PUBLIC(bin, sizeof bin);
    assert_int_equal(ret, 0);
    assert_int_equal(len, 256);
    assert_memory_equal(back, bin, sizeof bin);
    for (i = 0; i < 256; i++) {
        char want[3];

        snprintf(want, sizeof want, "%02x", bin[i]);
        assert_memory_equal(text + 2 * i, want, 2);
    }
    for (v = 0; v < 4; v++) {
        for (n = 254; n <= 256; n++) { /* every padding length */
            SECRET(bin, sizeof bin);
            assert_non_null(hmac_bin2base64(text, sizeof text, bin, n, variants[v]));
            len = hmac_base64_ENCODED_LEN(n, variants[v]) - 1; /* public */
            memcpy(spaced, text, len);
            spaced[len] = '\n';
            SECRET(spaced, len + 1);
            memset(back, 0, sizeof back);
            ret = hmac_base642bin(back, sizeof back, spaced, len + 1, "\n", &len,
                                  NULL, variants[v]);
            PUBLIC(&ret, sizeof ret);
            PUBLIC(back, sizeof back);
            PUBLIC(bin, sizeof bin);
            assert_int_equal(ret, 0);
            assert_int_equal(len, n);
            assert_memory_equal(back, bin, n);
        }
    }
}

/* hmac_auth_*_final_verify: secret key, message and tags. */
static void test_final_verify(void **unused)
{
    size_t f;

    (void)unused;
    make_inputs();
    for (f = 0; f < FV_NFAMILIES; f++) {
        const tu_hmac_algo *a = tu_hmac_by_name(fv_families[f].name);
        uint8_t tag[TU_MAX_DIGEST];
        tu_state st, use;
        int ok, bad;

        assert_int_equal(a->init(&st, key, 100), 0);
        assert_int_equal(a->update(&st, msg, 150), 0);
        use = st;
        assert_int_equal(a->final(&use, tag), 0);
        use = st;
        ok = fv_families[f].fv(&use, tag, a->tag_bytes);
        tag[a->tag_bytes - 1] ^= 4;
        use = st;
        bad = fv_families[f].fv(&use, tag, 16 + f);
        tag[a->tag_bytes - 1] ^= 4;
        tag[3] ^= 1;
        use = st;
        bad |= fv_families[f].fv(&use, tag, 16 + f) + 1;
        PUBLIC(&ok, sizeof ok);
        PUBLIC(&bad, sizeof bad);
        assert_int_equal(ok, 0);
        assert_int_equal(bad, 0); /* the late flip ignored, the early seen */
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oneshot_and_verify),
        cmocka_unit_test(test_crypto_auth),
        cmocka_unit_test(test_streaming),
        cmocka_unit_test(test_hashes),
        cmocka_unit_test(test_verify_nn),
        cmocka_unit_test(test_codecs),
        cmocka_unit_test(test_final_verify),
        cmocka_unit_test(test_many),
    };
    /* The AVX2 lane kernels run only where nothing faster is allowed:
     * without SHA-NI (SHA-256) and without AVX-512 (both). */
    const struct CMUnitTest avx2_lanes[] = {
        cmocka_unit_test(test_many),
    };
    int failed;

    printf("# %s valgrind\n",
           RUNNING_ON_VALGRIND ? "running under" : "not running under");
    failed = TU_RUN_ALL_BACKENDS("ct", tests);
    if ((hmac_cpu_force(HMAC_CPU_ALL) & HMAC_CPU_AVX2_LANES) != 0) {
        hmac_cpu_force(HMAC_CPU_SHA512_HW | HMAC_CPU_AVX2_LANES);
        printf("# backend pass avx2-lanes: sha256=%s sha512=%s\n",
               hmac_backend_sha256(), hmac_backend_sha512());
        failed += cmocka_run_group_tests_name("ct [avx2-lanes]", avx2_lanes,
                                              NULL, NULL);
        hmac_cpu_force(HMAC_CPU_ALL);
    }
    return failed != 0;
}
