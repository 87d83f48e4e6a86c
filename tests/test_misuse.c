/*
 * test_misuse.c - what the API does when it is called wrongly: NULL
 * pointers with zero and non-zero lengths, outputs that alias inputs, use
 * of a state after _final, and keys of every length from 0 to 300 checked
 * against a plain RFC 2104 HMAC built on the crypto_hash_* functions.
 *
 * Runs over every row of the algorithm tables (algos.c), so a new hash or
 * HMAC row is covered without touching this file.
 */
#include <stdlib.h>
#include <string.h>

#include "algos.h"
#include "testutil.h"

#define PATTERN 0xA5
#define MSG_LEN 300
#define MAX_KEY 300

static const unsigned char empty[1] = {0};

static void fill_key(uint8_t *key, size_t len, uint64_t seed)
{
    tu_fill_random(key, len, &seed);
}

static int all_bytes(const void *p, size_t len, unsigned char v)
{
    const unsigned char *b = p;
    size_t i;

    for (i = 0; i < len; i++) {
        if (b[i] != v) {
            return 0;
        }
    }
    return 1;
}

/* ---- NULL with a zero length is the empty input ----------------------- */

static void test_null_zero_length_hash(void **unused)
{
    size_t i;

    (void)unused;
    for (i = 0; i < tu_nhashes; i++) {
        const tu_hash_algo *a = &tu_hashes[i];
        uint8_t want[TU_MAX_DIGEST], got[TU_MAX_DIGEST];
        tu_state st;

        assert_int_equal(a->oneshot(want, empty, 0), 0);
        assert_int_equal(a->oneshot(got, NULL, 0), 0);
        assert_memory_equal(got, want, a->digest_bytes);

        memset(got, 0, sizeof got);
        assert_int_equal(a->init(&st), 0);
        assert_int_equal(a->update(&st, NULL, 0), 0);
        assert_int_equal(a->final(&st, got), 0);
        assert_memory_equal(got, want, a->digest_bytes);
    }
}

static void test_null_zero_length_hmac(void **unused)
{
    size_t i;

    (void)unused;
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];
        uint8_t key[64], want[TU_MAX_DIGEST], got[TU_MAX_DIGEST];
        tu_state st;

        fill_key(key, sizeof key, 1);
        assert_int_equal(a->oneshot(want, empty, 0, key), 0);
        assert_int_equal(a->oneshot(got, NULL, 0, key), 0);
        assert_memory_equal(got, want, a->tag_bytes);
        assert_int_equal(a->verify(want, NULL, 0, key), 0);

        /* Empty message through the streaming API. */
        memset(got, 0, sizeof got);
        assert_int_equal(a->init(&st, key, a->key_bytes), 0);
        assert_int_equal(a->update(&st, NULL, 0), 0);
        assert_int_equal(a->final(&st, got), 0);
        assert_memory_equal(got, want, a->tag_bytes);

        /* The empty key: NULL or a real pointer with length 0. */
        assert_int_equal(a->init(&st, empty, 0), 0);
        assert_int_equal(a->final(&st, want), 0);
        assert_int_equal(a->init(&st, NULL, 0), 0);
        assert_int_equal(a->final(&st, got), 0);
        assert_memory_equal(got, want, a->tag_bytes);
    }
}

/* ---- NULL with a non-zero length fails and writes nothing ------------- */

static void test_null_nonzero_length_hash(void **unused)
{
    size_t i;

    (void)unused;
    for (i = 0; i < tu_nhashes; i++) {
        const tu_hash_algo *a = &tu_hashes[i];
        uint8_t out[TU_MAX_DIGEST];
        tu_state st, saved;

        memset(out, PATTERN, sizeof out);
        assert_int_equal(a->oneshot(out, NULL, 1), -1);
        assert_true(all_bytes(out, sizeof out, PATTERN));

        /* A failed update leaves the state as it was. (Zeroed first: init
         * leaves the unused part of the block buffer as it found it, and
         * the comparison reads every byte.) */
        memset(&st, 0, sizeof st);
        assert_int_equal(a->init(&st), 0);
        assert_int_equal(a->update(&st, (const unsigned char *)"abc", 3), 0);
        saved = st;
        assert_int_equal(a->update(&st, NULL, 1), -1);
        assert_memory_equal(&st, &saved, a->state_bytes);
    }
}

static void test_null_nonzero_length_hmac(void **unused)
{
    size_t i;

    (void)unused;
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];
        uint8_t key[64], out[TU_MAX_DIGEST];
        tu_state st, saved;

        fill_key(key, sizeof key, 2);
        memset(out, PATTERN, sizeof out);
        assert_int_equal(a->oneshot(out, NULL, 1, key), -1);
        assert_true(all_bytes(out, sizeof out, PATTERN));
        assert_int_equal(a->verify(out, NULL, 1, key), -1);

        /* init with a NULL key of non-zero length: -1, state untouched. */
        memset(&st, PATTERN, sizeof st);
        assert_int_equal(a->init(&st, NULL, 1), -1);
        assert_true(all_bytes(&st, sizeof st, PATTERN));

        memset(&st, 0, sizeof st); /* see the hash case above */
        assert_int_equal(a->init(&st, key, sizeof key), 0);
        saved = st;
        assert_int_equal(a->update(&st, NULL, 1), -1);
        assert_memory_equal(&st, &saved, a->state_bytes);
    }
}

/* ---- NULL states, outputs and keys ------------------------------------- */

static void test_null_pointers_hash(void **unused)
{
    size_t i;

    (void)unused;
    for (i = 0; i < tu_nhashes; i++) {
        const tu_hash_algo *a = &tu_hashes[i];
        uint8_t out[TU_MAX_DIGEST], want[TU_MAX_DIGEST];
        tu_state st;

        assert_int_equal(a->oneshot(NULL, empty, 0), -1);
        assert_int_equal(a->init(NULL), -1);
        assert_int_equal(a->update(NULL, empty, 0), -1);
        assert_int_equal(a->final(NULL, out), -1);

        /* final(state, NULL) fails without touching the state, which
         * still gives the right digest afterwards. */
        assert_int_equal(a->init(&st), 0);
        assert_int_equal(a->update(&st, (const unsigned char *)"abc", 3), 0);
        assert_int_equal(a->final(&st, NULL), -1);
        assert_int_equal(a->final(&st, out), 0);
        assert_int_equal(a->oneshot(want, (const unsigned char *)"abc", 3), 0);
        assert_memory_equal(out, want, a->digest_bytes);
    }
}

static void test_null_pointers_hmac(void **unused)
{
    size_t i;

    (void)unused;
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];
        const unsigned char *msg = (const unsigned char *)"message";
        uint8_t key[64], out[TU_MAX_DIGEST], want[TU_MAX_DIGEST];
        tu_state st;

        fill_key(key, sizeof key, 3);
        assert_int_equal(a->oneshot(want, msg, 7, key), 0);

        assert_int_equal(a->oneshot(NULL, msg, 7, key), -1);
        memset(out, PATTERN, sizeof out);
        assert_int_equal(a->oneshot(out, msg, 7, NULL), -1);
        assert_true(all_bytes(out, sizeof out, PATTERN));

        assert_int_equal(a->verify(NULL, msg, 7, key), -1);
        assert_int_equal(a->verify(want, msg, 7, NULL), -1);
        assert_int_equal(a->verify(want, msg, 7, key), 0);

        assert_int_equal(a->init(NULL, key, a->key_bytes), -1);
        assert_int_equal(a->update(NULL, msg, 7), -1);
        assert_int_equal(a->final(NULL, out), -1);

        assert_int_equal(a->init(&st, key, a->key_bytes), 0);
        assert_int_equal(a->update(&st, msg, 7), 0);
        assert_int_equal(a->final(&st, NULL), -1);
        memset(out, 0, sizeof out);
        assert_int_equal(a->final(&st, out), 0);
        assert_memory_equal(out, want, a->tag_bytes);

        assert_int_equal(a->verify_tag(NULL, want), -1);
        assert_int_equal(a->verify_tag(want, NULL), -1);
    }
}

static void test_null_pointers_misc(void **unused)
{
    uint8_t key[crypto_auth_KEYBYTES], out[crypto_auth_BYTES];
    uint8_t x[64] = {0};

    (void)unused;
    fill_key(key, sizeof key, 4);
    assert_int_equal(crypto_auth(NULL, empty, 0, key), -1);
    memset(out, PATTERN, sizeof out);
    assert_int_equal(crypto_auth(out, empty, 0, NULL), -1);
    assert_int_equal(crypto_auth(out, NULL, 1, key), -1);
    assert_true(all_bytes(out, sizeof out, PATTERN));
    assert_int_equal(crypto_auth(out, NULL, 0, key), 0);
    assert_int_equal(crypto_auth_verify(out, NULL, 0, key), 0);
    assert_int_equal(crypto_auth_verify(NULL, NULL, 0, key), -1);
    assert_int_equal(crypto_auth_verify(out, NULL, 0, NULL), -1);
    assert_int_equal(crypto_auth_verify(out, NULL, 1, key), -1);

    assert_int_equal(crypto_verify_16(NULL, x), -1);
    assert_int_equal(crypto_verify_16(x, NULL), -1);
    assert_int_equal(crypto_verify_32(NULL, x), -1);
    assert_int_equal(crypto_verify_32(x, NULL), -1);
    assert_int_equal(crypto_verify_64(NULL, x), -1);
    assert_int_equal(crypto_verify_64(x, NULL), -1);
    assert_int_equal(crypto_verify_64(x, x), 0);

    hmac_memzero(NULL, 0); /* documented as fine */
    hmac_memzero(NULL, 64); /* so is NULL with a length: nothing to wipe */
    /* keygen(NULL) returns: no crash, no abort (a test would die) */
    crypto_auth_keygen(NULL);
    crypto_auth_hmacsha256_keygen(NULL);
    crypto_auth_hmacsha512_keygen(NULL);
    crypto_auth_hmacsha512256_keygen(NULL);
    crypto_auth_hmacsha384_keygen(NULL);
    crypto_auth_hmacsha224_keygen(NULL);
    crypto_kdf_hkdf_sha256_keygen(NULL);
    crypto_kdf_hkdf_sha512_keygen(NULL);
}

/* ---- outputs that alias inputs ------------------------------------------
 * The one-shot functions and _final may write the tag over their own
 * input: the implementation reads the whole message (and key) before it
 * writes out, and _final computes the tag into a temporary (digest[] in
 * hmac_generic_final) that it copies to out last. These tests hold the
 * implementation to that. */

static void test_alias_oneshot(void **unused)
{
    static const size_t lens[] = {0, 1, 63, 64, 65, 128, 200};
    uint8_t msg[256], buf[256 + TU_MAX_DIGEST], want[TU_MAX_DIGEST];
    uint8_t key[64];
    size_t i, j, l;

    (void)unused;
    for (l = 0; l < sizeof lens / sizeof lens[0]; l++) {
        size_t len = lens[l];
        uint64_t seed = 10 + len;

        tu_fill_random(msg, sizeof msg, &seed);
        fill_key(key, sizeof key, 5);
        for (i = 0; i < tu_nhmacs; i++) {
            const tu_hmac_algo *a = &tu_hmacs[i];
            /* out at the start, in the middle and past the end of in. */
            const size_t offs[] = {0, len / 2, len};

            assert_int_equal(a->oneshot(want, msg, len, key), 0);
            for (j = 0; j < 3; j++) {
                memcpy(buf, msg, len);
                assert_int_equal(a->oneshot(buf + offs[j], buf, len, key), 0);
                assert_memory_equal(buf + offs[j], want, a->tag_bytes);
            }
            /* The tag written over the key. */
            memcpy(buf, key, sizeof key);
            assert_int_equal(a->oneshot(buf, msg, len, buf), 0);
            assert_memory_equal(buf, want, a->tag_bytes);
        }
        for (i = 0; i < tu_nhashes; i++) {
            const tu_hash_algo *a = &tu_hashes[i];

            assert_int_equal(a->oneshot(want, msg, len), 0);
            memcpy(buf, msg, len);
            assert_int_equal(a->oneshot(buf, buf, len), 0);
            assert_memory_equal(buf, want, a->digest_bytes);
        }
    }
}

static void test_alias_final(void **unused)
{
    uint8_t msg[200], buf[200], key[64], want[TU_MAX_DIGEST];
    uint64_t seed = 6;
    size_t i;

    (void)unused;
    tu_fill_random(msg, sizeof msg, &seed);
    fill_key(key, sizeof key, 7);
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];
        tu_state st;

        /* 100 bytes leave a partial block in the state's buffer; final
         * writes the tag over the message buffer that fed update. */
        assert_int_equal(a->oneshot(want, msg, 100, key), 0);
        memcpy(buf, msg, sizeof buf);
        assert_int_equal(a->init(&st, key, a->key_bytes), 0);
        assert_int_equal(a->update(&st, buf, 100), 0);
        assert_int_equal(a->final(&st, buf), 0);
        assert_memory_equal(buf, want, a->tag_bytes);
    }
}

/* ---- use after final -------------------------------------------------------
 * (test_api checks that every _final wipes hash and HMAC states; this is
 * about what happens when a caller keeps using the dead state.)
 * A state is dead after _final, after hmac_memzero, or when it was only
 * zero-initialised: its chaining value is all zero, which no real SHA-2
 * state reaches. _update and _final refuse it with -1 and write nothing,
 * instead of answering with a tag that depends on no key (issue 14.3). */

static void test_use_after_final(void **unused)
{
    uint8_t key[64], msg[77], tag[TU_MAX_DIGEST], out[TU_MAX_DIGEST];
    uint64_t seed = 8;
    size_t i;

    (void)unused;
    tu_fill_random(msg, sizeof msg, &seed);
    fill_key(key, sizeof key, 9);
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];
        tu_state st, wiped;

        assert_int_equal(a->init(&st, key, sizeof key), 0);
        assert_int_equal(a->update(&st, msg, sizeof msg), 0);
        wiped = st;
        assert_int_equal(a->final(&st, tag), 0);
        assert_true(all_bytes(&st, a->state_bytes, 0));

        /* After _final: both refused, nothing written. */
        memset(out, PATTERN, sizeof out);
        assert_int_equal(a->update(&st, msg, sizeof msg), -1);
        assert_int_equal(a->update(&st, NULL, 0), -1);
        assert_int_equal(a->final(&st, out), -1);
        assert_true(all_bytes(out, sizeof out, PATTERN));
        assert_true(all_bytes(&st, a->state_bytes, 0));

        /* A live keyed state wiped by the caller is dead too. */
        hmac_memzero(&wiped, a->state_bytes);
        assert_int_equal(a->update(&wiped, msg, 1), -1);
        assert_int_equal(a->final(&wiped, out), -1);
        assert_true(all_bytes(out, sizeof out, PATTERN));

        /* init after final gives a working state. */
        assert_int_equal(a->init(&st, key, sizeof key), 0);
        assert_int_equal(a->update(&st, msg, sizeof msg), 0);
        assert_int_equal(a->final(&st, out), 0);
        assert_memory_equal(out, tag, a->tag_bytes);
    }
    for (i = 0; i < tu_nhashes; i++) {
        const tu_hash_algo *a = &tu_hashes[i];
        tu_state st, wiped;

        assert_int_equal(a->init(&st), 0);
        assert_int_equal(a->update(&st, msg, sizeof msg), 0);
        wiped = st;
        assert_int_equal(a->final(&st, tag), 0);

        memset(out, PATTERN, sizeof out);
        assert_int_equal(a->update(&st, msg, sizeof msg), -1);
        assert_int_equal(a->final(&st, out), -1);
        assert_true(all_bytes(out, sizeof out, PATTERN));

        hmac_memzero(&wiped, a->state_bytes);
        assert_int_equal(a->update(&wiped, NULL, 0), -1);
        assert_int_equal(a->final(&wiped, out), -1);
        assert_true(all_bytes(out, sizeof out, PATTERN));

        assert_int_equal(a->init(&st), 0);
        assert_int_equal(a->update(&st, msg, sizeof msg), 0);
        assert_int_equal(a->final(&st, out), 0);
        assert_memory_equal(out, tag, a->digest_bytes);
    }
}

/* ---- keys of every length against RFC 2104 ------------------------------ */

/* H(m1 || m2) with the row's streaming hash. */
static void hash2(const tu_hash_algo *h, const uint8_t *m1, size_t l1,
                  const uint8_t *m2, size_t l2, uint8_t *out)
{
    tu_state st;

    assert_int_equal(h->init(&st), 0);
    assert_int_equal(h->update(&st, m1, l1), 0);
    assert_int_equal(h->update(&st, m2, l2), 0);
    assert_int_equal(h->final(&st, out), 0);
}

/* RFC 2104, written out: K is the key, or H(key) if longer than a block,
 * zero-padded to a block; tag = H((K ^ opad) || H((K ^ ipad) || msg)),
 * cut to the row's tag length. */
static void rfc2104(const tu_hmac_algo *a, const uint8_t *key, size_t keylen,
                    const uint8_t *msg, size_t msglen, uint8_t *tag)
{
    const tu_hash_algo *h = a->hash;
    uint8_t k[TU_MAX_BLOCK], pad[TU_MAX_BLOCK], inner[TU_MAX_DIGEST];
    uint8_t outer[TU_MAX_DIGEST];
    size_t i;

    memset(k, 0, sizeof k);
    if (keylen > h->block_bytes) {
        assert_int_equal(h->oneshot(k, key, keylen), 0);
    } else if (keylen > 0) {
        memcpy(k, key, keylen);
    }
    for (i = 0; i < h->block_bytes; i++) {
        pad[i] = (uint8_t)(k[i] ^ 0x36);
    }
    hash2(h, pad, h->block_bytes, msg, msglen, inner);
    for (i = 0; i < h->block_bytes; i++) {
        pad[i] = (uint8_t)(k[i] ^ 0x5c);
    }
    hash2(h, pad, h->block_bytes, inner, h->digest_bytes, outer);
    memcpy(tag, outer, a->tag_bytes);
}

static void test_every_key_length(void **unused)
{
    uint8_t key[MAX_KEY], msg[MSG_LEN];
    uint64_t seed = 12;
    size_t i, keylen;

    (void)unused;
    tu_fill_random(key, sizeof key, &seed);
    tu_fill_random(msg, sizeof msg, &seed);
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];

        for (keylen = 0; keylen <= MAX_KEY; keylen++) {
            uint8_t want[TU_MAX_DIGEST], got[TU_MAX_DIGEST];
            size_t msglen = keylen % 7 == 0 ? 0 : keylen % MSG_LEN;
            tu_state st;

            rfc2104(a, key, keylen, msg, msglen, want);
            assert_int_equal(a->init(&st, key, keylen), 0);
            assert_int_equal(a->update(&st, msg, msglen), 0);
            assert_int_equal(a->final(&st, got), 0);
            if (memcmp(got, want, a->tag_bytes) != 0) {
                fail_msg("%s: key length %zu disagrees with RFC 2104",
                         a->name, keylen);
            }
            if (keylen == a->key_bytes) {
                assert_int_equal(a->oneshot(got, msg, msglen, key), 0);
                assert_memory_equal(got, want, a->tag_bytes);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_null_zero_length_hash),
        cmocka_unit_test(test_null_zero_length_hmac),
        cmocka_unit_test(test_null_nonzero_length_hash),
        cmocka_unit_test(test_null_nonzero_length_hmac),
        cmocka_unit_test(test_null_pointers_hash),
        cmocka_unit_test(test_null_pointers_hmac),
        cmocka_unit_test(test_null_pointers_misc),
        cmocka_unit_test(test_alias_oneshot),
        cmocka_unit_test(test_alias_final),
        cmocka_unit_test(test_use_after_final),
        cmocka_unit_test(test_every_key_length),
    };

    return TU_RUN_ALL_BACKENDS("misuse", tests) != 0;
}
