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
 * everything the CPU offers. Valgrind 3.19 hides the SHA extensions from
 * CPUID (it cannot execute SHA-NI), so under valgrind the second pass
 * checks the hardware SHA-512 backend if there is one, but SHA-256 runs
 * portable in both: the x86 SHA-NI path is not checked here. The backend
 * names of each pass are printed.
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
 * test_ct builds src/codecs.c with HMAC_CT_DECLASSIFY, which publishes
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
    };

    printf("# %s valgrind\n",
           RUNNING_ON_VALGRIND ? "running under" : "not running under");
    return TU_RUN_ALL_BACKENDS("ct", tests) != 0;
}
