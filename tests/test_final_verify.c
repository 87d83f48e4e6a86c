/*
 * test_final_verify.c - hmac_auth_*_final_verify for every HMAC family:
 * accepts the right tag at every allowed length, rejects every single-bit
 * flip, rejects taglen outside 16..BYTES (every value from 0 to BYTES + 1
 * is tried), gives the same answer as _final followed by crypto_verify,
 * and leaves the state wiped (all zero) after every call.
 */
#include <string.h>

#include "algos.h"
#include "final_verify_table.h"
#include "internal.h" /* hmac_generic_final */
#include "testutil.h"

static const size_t key_lens[] = {0, 16, 32, 129};
static const size_t msg_lens[] = {0, 13, 200};

static void assert_wiped(const tu_state *st, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        assert_int_equal(st->bytes[i], 0);
    }
}

/* A keyed state that has absorbed msg, and its full tag. */
static void prepare(const tu_hmac_algo *a, const uint8_t *key, size_t klen,
                    const uint8_t *msg, size_t mlen, tu_state *st,
                    uint8_t *tag)
{
    tu_state tmp;

    memset(st, 0x5c, sizeof *st);
    assert_int_equal(a->init(st, key, klen), 0);
    assert_int_equal(a->update(st, msg, mlen), 0);
    tmp = *st;
    assert_int_equal(a->final(&tmp, tag), 0);
}

/* _final + crypto_verify on the whole tag, where the candidate's bytes
 * past taglen are taken from the true tag (so only taglen bytes count). */
static int reference(const tu_hmac_algo *a, const uint8_t *tag,
                     const uint8_t *cand, size_t taglen)
{
    uint8_t padded[TU_MAX_DIGEST];

    if (taglen < 16 || taglen > a->tag_bytes) {
        return -1;
    }
    memcpy(padded, tag, a->tag_bytes);
    memcpy(padded, cand, taglen);
    return a->verify_tag(tag, padded);
}

static void test_accept_and_lengths(void **unused)
{
    uint8_t key[129], msg[200];
    uint64_t seed = 99;
    size_t f, k, m, t;

    (void)unused;
    tu_fill_random(key, sizeof key, &seed);
    tu_fill_random(msg, sizeof msg, &seed);
    for (f = 0; f < FV_NFAMILIES; f++) {
        const tu_hmac_algo *a = tu_hmac_by_name(fv_families[f].name);

        for (k = 0; k < sizeof key_lens / sizeof key_lens[0]; k++) {
            for (m = 0; m < sizeof msg_lens / sizeof msg_lens[0]; m++) {
                uint8_t tag[TU_MAX_DIGEST + 1];
                tu_state st, use;

                prepare(a, key, key_lens[k], msg, msg_lens[m], &st, tag);
                tag[a->tag_bytes] = 0;
                for (t = 0; t <= a->tag_bytes + 1; t++) {
                    int want = reference(a, tag, tag, t);

                    use = st;
                    assert_int_equal(fv_families[f].fv(&use, tag, t), want);
                    assert_int_equal(want,
                                     t >= 16 && t <= a->tag_bytes ? 0 : -1);
                    assert_wiped(&use, a->state_bytes);
                }
            }
        }
    }
}

/* Every single-bit flip of the tag, at full length and at 16 bytes: a
 * flip inside the compared bytes is rejected, one past them is not
 * looked at. */
static void test_bit_flips(void **unused)
{
    uint8_t key[32], msg[77];
    uint64_t seed = 7;
    size_t f, bit, tl;

    (void)unused;
    tu_fill_random(key, sizeof key, &seed);
    tu_fill_random(msg, sizeof msg, &seed);
    for (f = 0; f < FV_NFAMILIES; f++) {
        const tu_hmac_algo *a = tu_hmac_by_name(fv_families[f].name);
        const size_t lens[2] = {a->tag_bytes, 16};
        uint8_t tag[TU_MAX_DIGEST];
        tu_state st;

        prepare(a, key, sizeof key, msg, sizeof msg, &st, tag);
        for (tl = 0; tl < 2; tl++) {
            for (bit = 0; bit < 8 * a->tag_bytes; bit++) {
                uint8_t bad[TU_MAX_DIGEST];
                tu_state use = st;
                int got, want;

                memcpy(bad, tag, a->tag_bytes);
                bad[bit / 8] ^= (uint8_t)(1u << (bit % 8));
                want = bit / 8 < lens[tl] ? -1 : 0;
                got = fv_families[f].fv(&use, bad, lens[tl]);
                assert_int_equal(got, want);
                assert_int_equal(got, reference(a, tag, bad, lens[tl]));
                assert_wiped(&use, a->state_bytes);
            }
        }
    }
}

/* Random candidates (mostly wrong, some right in a prefix) and random
 * lengths: always the answer of _final + crypto_verify. */
static void test_same_as_final_and_verify(void **unused)
{
    uint8_t key[64], msg[64];
    uint64_t seed = 1234;
    int i;

    (void)unused;
    for (i = 0; i < 3000; i++) {
        size_t f = (size_t)tu_rand_below(&seed, FV_NFAMILIES);
        const tu_hmac_algo *a = tu_hmac_by_name(fv_families[f].name);
        size_t klen = (size_t)tu_rand_below(&seed, sizeof key + 1);
        size_t mlen = (size_t)tu_rand_below(&seed, sizeof msg + 1);
        size_t tl = (size_t)tu_rand_below(&seed, a->tag_bytes + 3);
        uint8_t tag[TU_MAX_DIGEST + 2], cand[TU_MAX_DIGEST + 2];
        tu_state st, use;

        tu_fill_random(key, klen, &seed);
        tu_fill_random(msg, mlen, &seed);
        prepare(a, key, klen, msg, mlen, &st, tag);
        memcpy(cand, tag, a->tag_bytes);
        cand[a->tag_bytes] = cand[a->tag_bytes + 1] = 0;
        if (tu_rand_below(&seed, 2)) {
            cand[tu_rand_below(&seed, a->tag_bytes)] ^=
                (uint8_t)(1 + tu_rand_below(&seed, 255));
        }
        use = st;
        assert_int_equal(fv_families[f].fv(&use, cand, tl),
                         reference(a, tag, cand, tl));
        assert_wiped(&use, a->state_bytes);
    }
}

/* A state already finished (or wiped) is refused, even with the tag it
 * had, and with the tag that finishing a zeroed state gives (anyone can
 * compute that one: accepting it would be a forgery). */
static void test_dead_state(void **unused)
{
    uint8_t key[32] = {3}, tag[TU_MAX_DIGEST], zero_tag[TU_MAX_DIGEST];
    size_t f;

    (void)unused;
    for (f = 0; f < FV_NFAMILIES; f++) {
        const tu_hmac_algo *a = tu_hmac_by_name(fv_families[f].name);
        /* Zeroed inner and outer states, big enough for either core. */
        crypto_hash_sha512_state zi, zo;
        tu_state st, use;

        memset(&zi, 0, sizeof zi);
        memset(&zo, 0, sizeof zo);
        hmac_generic_final(fv_families[f].hash, &zi, &zo, zero_tag, a->tag_bytes);
        memset(&use, 0, sizeof use);
        assert_int_equal(fv_families[f].fv(&use, zero_tag, a->tag_bytes), -1);

        prepare(a, key, sizeof key, NULL, 0, &st, tag);
        use = st;
        assert_int_equal(fv_families[f].fv(&use, tag, a->tag_bytes), 0);
        assert_int_equal(fv_families[f].fv(&use, tag, a->tag_bytes), -1);
        use = st;
        assert_int_equal(a->final(&use, tag), 0);
        assert_int_equal(fv_families[f].fv(&use, tag, a->tag_bytes), -1);
        memset(&use, 0, sizeof use);
        assert_int_equal(fv_families[f].fv(&use, tag, 16), -1);
    }
}

/* NULL tag: -1, state wiped. NULL state: -1. */
static void test_null(void **unused)
{
    uint8_t key[32] = {1}, tag[TU_MAX_DIGEST];
    size_t f;

    (void)unused;
    for (f = 0; f < FV_NFAMILIES; f++) {
        const tu_hmac_algo *a = tu_hmac_by_name(fv_families[f].name);
        tu_state st;

        prepare(a, key, sizeof key, NULL, 0, &st, tag);
        assert_int_equal(fv_families[f].fv(&st, NULL, a->tag_bytes), -1);
        assert_wiped(&st, a->state_bytes);
        assert_int_equal(fv_families[f].fv(NULL, tag, a->tag_bytes), -1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accept_and_lengths),
        cmocka_unit_test(test_bit_flips),
        cmocka_unit_test(test_same_as_final_and_verify),
        cmocka_unit_test(test_dead_state),
        cmocka_unit_test(test_null),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
