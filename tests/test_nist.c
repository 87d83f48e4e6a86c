/*
 * test_nist.c - NIST CAVP known answers: SHAVS ShortMsg, LongMsg and Monte
 * for every hash row, HMACVS (HMAC.rsp) for every HMAC row, each one-shot
 * and streamed, under the portable and the hardware backends.
 */
#include <stdlib.h>
#include <string.h>

#include "algos.h"
#include "testutil.h"

/* Feeds msg in three uneven pieces (about 1/7, 4/7, the rest), so that
 * the buffering code sees partial blocks on both sides of whole ones. */
static void hash_in_three(const tu_hash_algo *a, const uint8_t *msg,
                          size_t len, uint8_t *out)
{
    tu_state st;
    size_t p1 = len / 7, p2 = p1 + (len * 4) / 7;

    assert_int_equal(a->init(&st), 0);
    assert_int_equal(a->update(&st, msg, p1), 0);
    assert_int_equal(a->update(&st, msg + p1, p2 - p1), 0);
    assert_int_equal(a->update(&st, msg + p2, len - p2), 0);
    assert_int_equal(a->final(&st, out), 0);
}

static void hmac_in_three(const tu_hmac_algo *a, const uint8_t *key,
                          size_t keylen, const uint8_t *msg, size_t len,
                          uint8_t *out)
{
    tu_state st;
    size_t p1 = len / 3 + 1 < len ? len / 3 + 1 : len;

    assert_int_equal(a->init(&st, key, keylen), 0);
    assert_int_equal(a->update(&st, msg, p1), 0);
    assert_int_equal(a->update(&st, NULL, 0), 0);
    assert_int_equal(a->update(&st, msg + p1, len - p1), 0);
    assert_int_equal(a->final(&st, out), 0);
}

/* ShortMsg and LongMsg: Len is in bits and decides the length (Len = 0
 * comes with "Msg = 00", which is the empty message). */
static size_t run_msg_file(const tu_hash_algo *a, const char *file)
{
    tu_rec rec;
    size_t n = 0;

    tu_rec_open(&rec, tu_vector_path(file));
    while (tu_rec_next(&rec)) {
        uint8_t md[TU_MAX_DIGEST], got[TU_MAX_DIGEST];
        unsigned long bits = strtoul(tu_rec_need(&rec, "Len"), NULL, 10);
        size_t hexlen, len = bits / 8;
        uint8_t *msg = tu_unhex(tu_rec_need(&rec, "Msg"), &hexlen);

        assert_int_equal(bits % 8, 0);
        assert_true(len <= hexlen);
        tu_unhex_into(tu_rec_need(&rec, "MD"), md, a->digest_bytes);

        memset(got, 0, sizeof got);
        assert_int_equal(a->oneshot(got, msg, len), 0);
        assert_memory_equal(got, md, a->digest_bytes);

        memset(got, 0, sizeof got);
        hash_in_three(a, msg, len, got);
        assert_memory_equal(got, md, a->digest_bytes);
        free(msg);
        n++;
    }
    tu_rec_close(&rec);
    return n;
}

static void test_short_msg(void **unused)
{
    size_t i;

    (void)unused;
    for (i = 0; i < tu_nhashes; i++) {
        const tu_hash_algo *a = &tu_hashes[i];

        assert_int_equal(run_msg_file(a, a->vec.short_msg), a->vec.short_count);
    }
}

static void test_long_msg(void **unused)
{
    size_t i;

    (void)unused;
    for (i = 0; i < tu_nhashes; i++) {
        const tu_hash_algo *a = &tu_hashes[i];

        assert_int_equal(run_msg_file(a, a->vec.long_msg), a->vec.long_count);
    }
}

/* SHAVS 6.4: MD0 = MD1 = MD2 = Seed; MDi = H(MD(i-3) || MD(i-2) || MD(i-1))
 * for i = 3..1002; MD1002 is the checkpoint and the next Seed. The window
 * buf holds the last three digests; odd iterations stream the input in
 * pieces so that both paths are exercised. */
static void test_monte(void **unused)
{
    size_t i;

    (void)unused;
    for (i = 0; i < tu_nhashes; i++) {
        const tu_hash_algo *a = &tu_hashes[i];
        const size_t d = a->digest_bytes;
        uint8_t seed[TU_MAX_DIGEST], md[TU_MAX_DIGEST];
        uint8_t buf[3 * TU_MAX_DIGEST];
        size_t n = 0;
        tu_rec rec;

        tu_rec_open(&rec, tu_vector_path(a->vec.monte));
        assert_true(tu_rec_next(&rec));
        tu_unhex_into(tu_rec_need(&rec, "Seed"), seed, d);
        while (tu_rec_next(&rec)) {
            unsigned j;

            assert_int_equal(strtoul(tu_rec_need(&rec, "COUNT"), NULL, 10), n);
            tu_unhex_into(tu_rec_need(&rec, "MD"), md, d);
            memcpy(buf, seed, d);
            memcpy(buf + d, seed, d);
            memcpy(buf + 2 * d, seed, d);
            for (j = 3; j <= 1002; j++) {
                uint8_t next[TU_MAX_DIGEST];

                if (j & 1) {
                    hash_in_three(a, buf, 3 * d, next);
                } else {
                    assert_int_equal(a->oneshot(next, buf, 3 * d), 0);
                }
                memmove(buf, buf + d, 2 * d);
                memcpy(buf + 2 * d, next, d);
            }
            assert_memory_equal(buf + 2 * d, md, d);
            memcpy(seed, md, d);
            n++;
        }
        tu_rec_close(&rec);
        assert_int_equal(n, a->vec.monte_count);
    }
}

/* HMAC.rsp: every record of the row's section (and Tlen, if the row has
 * a fixed one); Mac is the leftmost Tlen bytes of the tag. None of the
 * keys is 32 bytes, so everything goes through init/update/final. */
static void test_hmacvs(void **unused)
{
    size_t i;

    (void)unused;
    for (i = 0; i < tu_nhmacs; i++) {
        const tu_hmac_algo *a = &tu_hmacs[i];
        tu_rec rec;
        size_t n = 0;

        if (a->vec.nist_section == NULL) {
            continue;
        }
        tu_rec_open(&rec, tu_vector_path("nist-cavp/HMAC.rsp"));
        while (tu_rec_next(&rec)) {
            uint8_t tag[TU_MAX_DIGEST], mac[TU_MAX_DIGEST], got[TU_MAX_DIGEST];
            size_t klen, mlen;
            unsigned long tlen, declared_klen;
            uint8_t *key, *msg;

            if (strcmp(rec.section, a->vec.nist_section) != 0) {
                continue;
            }
            tlen = strtoul(tu_rec_need(&rec, "Tlen"), NULL, 10);
            if (a->vec.nist_tlen != 0 && tlen != a->vec.nist_tlen) {
                continue;
            }
            assert_true(tlen > 0 && tlen <= a->tag_bytes);
            declared_klen = strtoul(tu_rec_need(&rec, "Klen"), NULL, 10);
            key = tu_unhex(tu_rec_need(&rec, "Key"), &klen);
            msg = tu_unhex(tu_rec_need(&rec, "Msg"), &mlen);
            assert_int_equal(klen, declared_klen);
            tu_unhex_into(tu_rec_need(&rec, "Mac"), mac, tlen);

            memset(tag, 0, sizeof tag);
            hmac_in_three(a, key, klen, msg, mlen, tag);
            assert_memory_equal(tag, mac, tlen);

            /* One update call as well (the other chunking). */
            memset(got, 0xa5, sizeof got);
            tu_hmac_compute(a, key, klen, msg, mlen, got);
            assert_memory_equal(got, tag, a->tag_bytes);
            free(key);
            free(msg);
            n++;
        }
        tu_rec_close(&rec);
        print_message("%s: %zu HMAC.rsp records\n", a->name, n);
        assert_int_equal(n, a->vec.nist_count);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_short_msg),
        cmocka_unit_test(test_long_msg),
        cmocka_unit_test(test_monte),
        cmocka_unit_test(test_hmacvs),
    };

    return TU_RUN_ALL_BACKENDS("nist-cavp", tests);
}
