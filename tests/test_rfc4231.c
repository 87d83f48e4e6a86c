/*
 * test_rfc4231.c - RFC 4231 HMAC-SHA-2 test cases 1-7 for every HMAC row,
 * under the portable and the hardware backends. Cases 1, 2, 3, 4, 6 and 7
 * come from the pyca/cryptography data files (tests/vectors/rfc); case 5
 * (truncation to 128 bits) is not in those files and is written here from
 * the RFC text.
 */
#include <stdlib.h>
#include <string.h>

#include "algos.h"
#include "testutil.h"

/* The HMAC through init/update/final with the message fed byte by byte. */
static void hmac_bytewise(const tu_hmac_algo *a, const uint8_t *key,
                          size_t klen, const uint8_t *msg, size_t mlen,
                          uint8_t *out)
{
    tu_state st;
    size_t i;

    assert_int_equal(a->init(&st, key, klen), 0);
    for (i = 0; i < mlen; i++) {
        assert_int_equal(a->update(&st, msg + i, 1), 0);
    }
    assert_int_equal(a->final(&st, out), 0);
}

static void test_rfc4231_files(void **unused)
{
    /* The files hold cases 1, 2, 3, 4, 6, 7 in this order. */
    static const unsigned cases[] = {1, 2, 3, 4, 6, 7};
    size_t i, rows = 0;

    (void)unused;
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];
        tu_rec rec;
        size_t n = 0;

        if (a->vec.rfc4231 == NULL) {
            continue;
        }
        rows++;
        tu_rec_open(&rec, tu_vector_path(a->vec.rfc4231));
        while (tu_rec_next(&rec)) {
            uint8_t md[TU_MAX_DIGEST], got[TU_MAX_DIGEST];
            size_t klen, mlen;
            unsigned long bits = strtoul(tu_rec_need(&rec, "Len"), NULL, 10);
            uint8_t *key = tu_unhex(tu_rec_need(&rec, "Key"), &klen);
            uint8_t *msg = tu_unhex(tu_rec_need(&rec, "Msg"), &mlen);

            assert_true(n < sizeof cases / sizeof cases[0]);
            assert_int_equal(bits, 8 * mlen);
            tu_unhex_into(tu_rec_need(&rec, "MD"), md, a->tag_bytes);

            memset(got, 0, sizeof got);
            tu_hmac_compute(a, key, klen, msg, mlen, got);
            if (memcmp(got, md, a->tag_bytes) != 0) {
                fail_msg("%s RFC 4231 case %u: wrong tag", a->name, cases[n]);
            }
            memset(got, 0, sizeof got);
            hmac_bytewise(a, key, klen, msg, mlen, got);
            assert_memory_equal(got, md, a->tag_bytes);
            assert_int_equal(a->verify_tag(got, md), 0);
            free(key);
            free(msg);
            n++;
        }
        tu_rec_close(&rec);
        assert_int_equal(n, 6);
    }
    assert_true(rows >= 2);
}

/* RFC 4231 section 4.6, test case 5: the tag truncated to 128 bits. */
static void test_rfc4231_case5(void **unused)
{
    static const struct {
        const char *hmac;
        const char *tag128;
    } expect[] = {
        /* From the RFC text (also: python3 -c "import hmac,hashlib;
         * print(hmac.new(b'\x0c'*20, b'Test With Truncation',
         * hashlib.sha256).hexdigest()[:32])"). */
        {"HMAC-SHA-256", "a3b6167473100ee06e0c796c2955552b"},
        {"HMAC-SHA-512", "415fad6271580a531d4179bc891d87a6"},
        /* HMAC-SHA-512-256 is HMAC-SHA-512 truncated: same first bytes. */
        {"HMAC-SHA-512-256", "415fad6271580a531d4179bc891d87a6"},
        /* RFC 4231 4.6 for the hashes libsodium lacks (same python
         * command with hashlib.sha224 / hashlib.sha384 agrees). */
        {"HMAC-SHA-224", "0e2aea68a90c8d37c988bcdb9fca6fa8"},
        {"HMAC-SHA-384", "3abf34c3503b2a23a46efc619baef897"},
    };
    static const char data[] = "Test With Truncation";
    uint8_t key[20];
    size_t i;

    (void)unused;
    memset(key, 0x0c, sizeof key);
    for (i = 0; i < sizeof expect / sizeof expect[0]; i++) {
        const tu_hmac_algo *a = tu_hmac_by_name(expect[i].hmac);
        uint8_t want[16], got[TU_MAX_DIGEST];

        tu_unhex_into(expect[i].tag128, want, sizeof want);
        memset(got, 0, sizeof got);
        tu_hmac_compute(a, key, sizeof key, (const uint8_t *)data,
                        strlen(data), got);
        assert_memory_equal(got, want, sizeof want);
        assert_int_equal(crypto_verify_16(got, want), 0);
        got[15] ^= 1;
        assert_int_equal(crypto_verify_16(got, want), -1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rfc4231_files),
        cmocka_unit_test(test_rfc4231_case5),
    };

    return TU_RUN_ALL_BACKENDS("rfc4231", tests);
}
