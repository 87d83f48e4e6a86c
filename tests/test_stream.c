/*
 * test_stream.c - incremental hashing and HMAC equal their one-shot forms:
 * every split point of every length up to 3 blocks + 1, random chunkings
 * with empty updates, every key length up to 2 blocks + 1 against an
 * RFC 2104 reference written here over the one-shot hash, and copied
 * keyed states. Runs under the portable and the hardware backends.
 */
#include <string.h>

#include "algos.h"
#include "testutil.h"

#define MAX_MSG (3 * TU_MAX_BLOCK + 1)
#define TEST_KEY_LEN 32

/* A fixed 32-byte key for the HMAC rows (the one-shot API's length). */
static void fixed_key(uint8_t key[TEST_KEY_LEN])
{
    uint64_t seed = 0x6b6579u;

    tu_fill_random(key, TEST_KEY_LEN, &seed);
}

static void test_hash_every_split(void **unused)
{
    uint8_t msg[MAX_MSG];
    uint64_t seed = 1;
    size_t i;

    (void)unused;
    tu_fill_random(msg, sizeof msg, &seed);
    for (i = 0; i < tu_nhashes; i++) {
        const tu_hash_algo *a = &tu_hashes[i];
        size_t len, split;

        for (len = 0; len <= 3 * a->block_bytes + 1; len++) {
            uint8_t want[TU_MAX_DIGEST];

            assert_int_equal(a->oneshot(want, msg, len), 0);
            for (split = 0; split <= len; split++) {
                uint8_t got[TU_MAX_DIGEST];
                tu_state st;

                assert_int_equal(a->init(&st), 0);
                assert_int_equal(a->update(&st, msg, split), 0);
                assert_int_equal(a->update(&st, msg + split, len - split), 0);
                assert_int_equal(a->final(&st, got), 0);
                if (memcmp(got, want, a->digest_bytes) != 0) {
                    fail_msg("%s: len %zu split at %zu differs from one-shot",
                             a->name, len, split);
                }
            }
        }
    }
}

static void test_hmac_every_split(void **unused)
{
    uint8_t msg[MAX_MSG], key[TEST_KEY_LEN];
    uint64_t seed = 2;
    size_t i;

    (void)unused;
    tu_fill_random(msg, sizeof msg, &seed);
    fixed_key(key);
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];
        size_t len, split, block = a->hash->block_bytes;

        assert_int_equal(a->key_bytes, TEST_KEY_LEN);
        for (len = 0; len <= 3 * block + 1; len++) {
            uint8_t want[TU_MAX_DIGEST];

            assert_int_equal(a->oneshot(want, msg, len, key), 0);
            for (split = 0; split <= len; split++) {
                uint8_t got[TU_MAX_DIGEST];
                tu_state st;

                assert_int_equal(a->init(&st, key, sizeof key), 0);
                assert_int_equal(a->update(&st, msg, split), 0);
                assert_int_equal(a->update(&st, msg + split, len - split), 0);
                assert_int_equal(a->final(&st, got), 0);
                if (memcmp(got, want, a->tag_bytes) != 0) {
                    fail_msg("%s: len %zu split at %zu differs from one-shot",
                             a->name, len, split);
                }
            }
        }
    }
}

/* Feeds msg in random chunks of 0..2 blocks, with empty updates (NULL and
 * non-NULL pointers) in between. */
static void feed_randomly(void *st,
                          int (*update)(void *, const unsigned char *,
                                        unsigned long long),
                          const uint8_t *msg, size_t len, size_t block,
                          uint64_t *seed)
{
    size_t off = 0;

    while (off < len) {
        size_t n = (size_t)tu_rand_below(seed, 2 * block + 1);

        if (n > len - off) {
            n = len - off;
        }
        switch (tu_rand_below(seed, 4)) {
        case 0:
            assert_int_equal(update(st, NULL, 0), 0);
            break;
        case 1:
            assert_int_equal(update(st, msg + off, 0), 0);
            break;
        default:
            break;
        }
        assert_int_equal(update(st, msg + off, n), 0);
        off += n;
    }
}

static void test_random_chunks(void **unused)
{
    static uint8_t msg[8 * TU_MAX_BLOCK + 7];
    uint8_t key[TEST_KEY_LEN];
    uint64_t seed = 3, rng = 0x5eed;
    size_t i, trial;

    (void)unused;
    tu_fill_random(msg, sizeof msg, &seed);
    fixed_key(key);
    for (trial = 0; trial < 200; trial++) {
        size_t len = (size_t)tu_rand_below(&rng, sizeof msg + 1);

        for (i = 0; i < tu_nhashes; i++) {
            const tu_hash_algo *a = &tu_hashes[i];
            uint8_t want[TU_MAX_DIGEST], got[TU_MAX_DIGEST];
            tu_state st;

            assert_int_equal(a->oneshot(want, msg, len), 0);
            assert_int_equal(a->init(&st), 0);
            feed_randomly(&st, a->update, msg, len, a->block_bytes, &rng);
            assert_int_equal(a->final(&st, got), 0);
            assert_memory_equal(got, want, a->digest_bytes);
        }
        for (i = 0; i < tu_nhmacs; i++) {
            const tu_hmac_algo *a = &tu_hmacs[i];
            uint8_t want[TU_MAX_DIGEST], got[TU_MAX_DIGEST];
            tu_state st;

            assert_int_equal(a->oneshot(want, msg, len, key), 0);
            assert_int_equal(a->init(&st, key, sizeof key), 0);
            feed_randomly(&st, a->update, msg, len, a->hash->block_bytes, &rng);
            assert_int_equal(a->final(&st, got), 0);
            assert_memory_equal(got, want, a->tag_bytes);
        }
    }
}

/* RFC 2104 written out over the row's one-shot hash:
 * H((K ^ opad) || H((K ^ ipad) || m)), K = key (hashed first if longer
 * than a block) padded with zeros to a block. Truncated to tag_bytes. */
static void reference_hmac(const tu_hmac_algo *a, const uint8_t *key,
                           size_t klen, const uint8_t *msg, size_t mlen,
                           uint8_t *out)
{
    const tu_hash_algo *h = a->hash;
    static uint8_t buf[TU_MAX_BLOCK + MAX_MSG];
    uint8_t k0[TU_MAX_BLOCK], inner[TU_MAX_DIGEST], full[TU_MAX_DIGEST];
    size_t i;

    assert_true(mlen <= MAX_MSG);
    memset(k0, 0, sizeof k0);
    if (klen > h->block_bytes) {
        assert_int_equal(h->oneshot(k0, key, klen), 0);
    } else if (klen > 0) {
        memcpy(k0, key, klen);
    }
    for (i = 0; i < h->block_bytes; i++) {
        buf[i] = (uint8_t)(k0[i] ^ 0x36);
    }
    if (mlen > 0) {
        memcpy(buf + h->block_bytes, msg, mlen);
    }
    assert_int_equal(h->oneshot(inner, buf, h->block_bytes + mlen), 0);
    for (i = 0; i < h->block_bytes; i++) {
        buf[i] = (uint8_t)(k0[i] ^ 0x5c);
    }
    memcpy(buf + h->block_bytes, inner, h->digest_bytes);
    assert_int_equal(h->oneshot(full, buf, h->block_bytes + h->digest_bytes), 0);
    memcpy(out, full, a->tag_bytes);
}

static void test_every_key_length(void **unused)
{
    uint8_t key[2 * TU_MAX_BLOCK + 1], msg[100];
    uint64_t seed = 4;
    size_t i;

    (void)unused;
    tu_fill_random(key, sizeof key, &seed);
    tu_fill_random(msg, sizeof msg, &seed);
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];
        size_t klen;

        for (klen = 0; klen <= 2 * a->hash->block_bytes + 1; klen++) {
            uint8_t want[TU_MAX_DIGEST], got[TU_MAX_DIGEST];
            size_t mlen = klen % sizeof msg;

            reference_hmac(a, key, klen, msg, mlen, want);
            tu_hmac_compute(a, key, klen, msg, mlen, got);
            if (memcmp(got, want, a->tag_bytes) != 0) {
                fail_msg("%s: key length %zu differs from RFC 2104", a->name,
                         klen);
            }
            if (klen == a->key_bytes) {
                memset(got, 0, sizeof got);
                assert_int_equal(a->oneshot(got, msg, mlen, key), 0);
                assert_memory_equal(got, want, a->tag_bytes);
            }
        }
    }
}

/* s2 = s1 on a keyed state (the "precomputed key" use) gives the tag of a
 * fresh init, and s1 stays usable; same for a hash cloned mid-stream. */
static void test_copied_state(void **unused)
{
    uint8_t key[TU_MAX_BLOCK + 3], msg[300];
    uint64_t seed = 5;
    size_t i;

    (void)unused;
    tu_fill_random(key, sizeof key, &seed);
    tu_fill_random(msg, sizeof msg, &seed);
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];
        uint8_t want1[TU_MAX_DIGEST], want2[TU_MAX_DIGEST], got[TU_MAX_DIGEST];
        tu_state keyed, copy;

        /* Expected tags from fresh states. */
        tu_hmac_compute(a, key, sizeof key, msg, 100, want1);
        tu_hmac_compute(a, key, sizeof key, msg + 100, 200, want2);
        assert_memory_not_equal(want1, want2, a->tag_bytes);

        assert_int_equal(a->init(&keyed, key, sizeof key), 0);
        copy = keyed;
        assert_int_equal(a->update(&copy, msg, 100), 0);
        assert_int_equal(a->final(&copy, got), 0);
        assert_memory_equal(got, want1, a->tag_bytes);
        copy = keyed;
        assert_int_equal(a->update(&copy, msg + 100, 200), 0);
        assert_int_equal(a->final(&copy, got), 0);
        assert_memory_equal(got, want2, a->tag_bytes);
        /* The original was never finalised: still usable. */
        assert_int_equal(a->update(&keyed, msg, 100), 0);
        assert_int_equal(a->final(&keyed, got), 0);
        assert_memory_equal(got, want1, a->tag_bytes);
    }
    for (i = 0; i < tu_nhashes; i++) {
        const tu_hash_algo *a = &tu_hashes[i];
        uint8_t want[TU_MAX_DIGEST], got[TU_MAX_DIGEST];
        tu_state st, copy;

        assert_int_equal(a->oneshot(want, msg, sizeof msg), 0);
        assert_int_equal(a->init(&st), 0);
        assert_int_equal(a->update(&st, msg, 77), 0);
        copy = st;
        assert_int_equal(a->update(&copy, msg + 77, sizeof msg - 77), 0);
        assert_int_equal(a->final(&copy, got), 0);
        assert_memory_equal(got, want, a->digest_bytes);
        assert_int_equal(a->update(&st, msg + 77, sizeof msg - 77), 0);
        assert_int_equal(a->final(&st, got), 0);
        assert_memory_equal(got, want, a->digest_bytes);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash_every_split),
        cmocka_unit_test(test_hmac_every_split),
        cmocka_unit_test(test_random_chunks),
        cmocka_unit_test(test_every_key_length),
        cmocka_unit_test(test_copied_state),
    };

    return TU_RUN_ALL_BACKENDS("stream", tests);
}
