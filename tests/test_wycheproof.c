/*
 * test_wycheproof.c - Wycheproof MAC vectors for every HMAC row, under the
 * portable and the hardware backends.
 *
 * Full-length tags: valid ones must be computed and accepted, invalid ones
 * (all "ModifiedTag") rejected, through _verify when the key fits the
 * one-shot API and through init/update/final + crypto_verify_NN always.
 * Truncated tags: the leftmost bytes of the computed tag must equal a
 * valid tag and differ from an invalid one. The processed counts are
 * asserted against tests/vectors/SOURCES.md.
 */
#include <stdlib.h>
#include <string.h>

#include "algos.h"
#include "testutil.h"

typedef struct {
    size_t valid, invalid, oneshot_valid, oneshot_invalid;
} counts;

static void check_one(const tu_hmac_algo *a, const tu_wp *wp, counts *c)
{
    size_t klen, mlen, tlen;
    uint8_t *key = tu_unhex(wp->key, &klen);
    uint8_t *msg = tu_unhex(wp->msg, &mlen);
    uint8_t *tag = tu_unhex(wp->tag, &tlen);
    uint8_t full[TU_MAX_DIGEST];
    int valid = strcmp(wp->result, "valid") == 0;

    /* No "acceptable" in these files: anything else is a reader bug. */
    if (!valid && strcmp(wp->result, "invalid") != 0) {
        fail_msg("tcId %ld: unexpected result %s", wp->tc_id, wp->result);
    }
    assert_int_equal(8 * klen, (size_t)wp->group_key_size);
    assert_int_equal(8 * tlen, (size_t)wp->group_tag_size);
    assert_true(tlen > 0 && tlen <= a->tag_bytes);

    tu_hmac_compute(a, key, klen, msg, mlen, full);

    if (tlen == a->tag_bytes) {
        int want = valid ? 0 : -1;

        if (a->verify_tag(full, tag) != want) {
            fail_msg("%s tcId %ld (%s): crypto_verify gave the wrong answer",
                     a->name, wp->tc_id, wp->result);
        }
        if (klen == a->key_bytes) {
            uint8_t one[TU_MAX_DIGEST];

            assert_int_equal(a->oneshot(one, msg, mlen, key), 0);
            assert_memory_equal(one, full, a->tag_bytes);
            if (a->verify(tag, msg, mlen, key) != want) {
                fail_msg("%s tcId %ld (%s): _verify gave the wrong answer",
                         a->name, wp->tc_id, wp->result);
            }
            if (valid) {
                c->oneshot_valid++;
            } else {
                c->oneshot_invalid++;
            }
        }
    } else if (valid) {
        assert_memory_equal(full, tag, tlen);
    } else {
        assert_memory_not_equal(full, tag, tlen);
    }
    if (valid) {
        c->valid++;
    } else {
        c->invalid++;
    }
    free(key);
    free(msg);
    free(tag);
}

static void test_wycheproof(void **unused)
{
    size_t i, rows = 0;

    (void)unused;
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];
        counts c = {0, 0, 0, 0};
        size_t seen = 0;
        tu_wp wp;

        if (a->vec.wycheproof == NULL) {
            continue;
        }
        rows++;
        tu_wp_open(&wp, tu_vector_path(a->vec.wycheproof));
        while (tu_wp_next(&wp)) {
            assert_non_null(wp.key);
            assert_non_null(wp.msg);
            assert_non_null(wp.tag);
            seen++;
            if (a->vec.wp_tag_bits != 0 &&
                wp.group_tag_size != a->vec.wp_tag_bits) {
                continue;
            }
            check_one(a, &wp, &c);
        }
        tu_wp_close(&wp);
        print_message("%s: %zu/%zu tests (valid %zu, invalid %zu; "
                      "one-shot/_verify valid %zu, invalid %zu)\n",
                      a->name, c.valid + c.invalid, seen, c.valid, c.invalid,
                      c.oneshot_valid, c.oneshot_invalid);
        assert_int_equal(c.valid, a->vec.wp_valid);
        assert_int_equal(c.invalid, a->vec.wp_invalid);
        assert_int_equal(c.oneshot_valid, a->vec.wp_oneshot_valid);
        assert_int_equal(c.oneshot_invalid, a->vec.wp_oneshot_invalid);
    }
    assert_true(rows >= 3);
}

/* From tests/vectors/SOURCES.md: tcId 1 of Wycheproof's (not copied)
 * hmac_sha512_256_test.json is a truncated HMAC-SHA-512, i.e. a valid
 * libsodium HMAC-SHA-512-256 tag. Also checked with
 * python3 -c "import hmac,hashlib; print(hmac.new(bytes(range(32)),
 *   bytes.fromhex('313233343030'), hashlib.sha512).hexdigest()[:64])" */
static void test_truncated_hmac_fact(void **unused)
{
    uint8_t key[32], msg[6], want[32], got[32];
    size_t i;

    (void)unused;
    for (i = 0; i < sizeof key; i++) {
        key[i] = (uint8_t)i;
    }
    tu_unhex_into("313233343030", msg, sizeof msg);
    tu_unhex_into("61d2fbea647212738aeb15d76ef078c3"
                  "b66b0daa3bfdd55ce600145d7c910753", want, sizeof want);
    assert_int_equal(crypto_auth_hmacsha512256(got, msg, sizeof msg, key), 0);
    assert_memory_equal(got, want, sizeof want);
    assert_int_equal(crypto_auth_hmacsha512256_verify(want, msg, sizeof msg, key), 0);
    memset(got, 0, sizeof got);
    assert_int_equal(crypto_auth(got, msg, sizeof msg, key), 0);
    assert_memory_equal(got, want, sizeof want);
    assert_int_equal(crypto_auth_verify(want, msg, sizeof msg, key), 0);
    want[31] ^= 0x80;
    assert_int_equal(crypto_auth_verify(want, msg, sizeof msg, key), -1);
    assert_int_equal(crypto_auth_hmacsha512256_verify(want, msg, sizeof msg, key), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wycheproof),
        cmocka_unit_test(test_truncated_hmac_fact),
    };

    return TU_RUN_ALL_BACKENDS("wycheproof", tests);
}
