/*
 * test_kdf.c - HKDF-SHA-256/512 (libsodium 1.0.19 API) and
 * PBKDF2-HMAC-SHA-256/512, under the portable and the hardware backends.
 *
 * Known answers: RFC 5869 A.1-A.3 and Wycheproof hkdf_sha256/hkdf_sha512
 * (tests/vectors), RFC 7914 section 11 for PBKDF2-HMAC-SHA-256. When
 * OpenSSL's libcrypto is available (HMAC_TEST_HAVE_OPENSSL) PBKDF2 is also
 * compared with PKCS5_PBKDF2_HMAC on pseudo-random inputs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hmac.h"
#include "testutil.h"

#ifdef HMAC_TEST_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

typedef struct {
    const char *name;
    size_t prk_bytes;
    const char *wycheproof;
    size_t wp_valid, wp_invalid; /* from tests/vectors/SOURCES.md */
    int (*extract)(unsigned char *, const unsigned char *, size_t,
                   const unsigned char *, size_t);
    int (*expand)(unsigned char *, size_t, const char *, size_t,
                  const unsigned char *);
    size_t (*bytes_max)(void);
} hkdf_algo;

static const hkdf_algo hkdfs[] = {
    {"HKDF-SHA-256", 32, "wycheproof/hkdf_sha256_test.json", 83, 3,
     crypto_kdf_hkdf_sha256_extract, crypto_kdf_hkdf_sha256_expand,
     crypto_kdf_hkdf_sha256_bytes_max},
    {"HKDF-SHA-512", 64, "wycheproof/hkdf_sha512_test.json", 80, 3,
     crypto_kdf_hkdf_sha512_extract, crypto_kdf_hkdf_sha512_expand,
     crypto_kdf_hkdf_sha512_bytes_max},
};

/* RFC 5869 A.1-A.3. In the data file a record may be split by a blank
 * line (A.2 puts one before PRK), so fields are gathered until OKM. */
static void test_rfc5869(void **unused)
{
    const char *ikm = NULL, *salt = NULL, *info = NULL, *len = NULL;
    const char *prk = NULL;
    tu_rec rec;
    size_t cases = 0;

    (void)unused;
    tu_rec_open(&rec, tu_vector_path("rfc/rfc-5869-HKDF-SHA256.txt"));
    while (tu_rec_next(&rec)) {
        const char *v;
        if ((v = tu_rec_get(&rec, "IKM")) != NULL) ikm = v;
        if ((v = tu_rec_get(&rec, "salt")) != NULL) salt = v;
        if ((v = tu_rec_get(&rec, "info")) != NULL) info = v;
        if ((v = tu_rec_get(&rec, "L")) != NULL) len = v;
        if ((v = tu_rec_get(&rec, "PRK")) != NULL) prk = v;
        if ((v = tu_rec_get(&rec, "OKM")) != NULL) {
            size_t ikm_len, salt_len, info_len, okm_len, L;
            uint8_t *bikm, *bsalt, *binfo, *okm, *got;
            uint8_t want_prk[32], got_prk[32];
            crypto_kdf_hkdf_sha256_state st;

            assert_non_null(ikm);
            assert_non_null(salt);
            assert_non_null(info);
            assert_non_null(len);
            assert_non_null(prk);
            bikm = tu_unhex(ikm, &ikm_len);
            bsalt = tu_unhex(salt, &salt_len);
            binfo = tu_unhex(info, &info_len);
            okm = tu_unhex(v, &okm_len);
            L = strtoul(len, NULL, 10);
            assert_int_equal(L, okm_len);
            tu_unhex_into(prk, want_prk, 32);

            assert_int_equal(crypto_kdf_hkdf_sha256_extract(
                                 got_prk, salt_len ? bsalt : NULL, salt_len,
                                 bikm, ikm_len), 0);
            assert_memory_equal(got_prk, want_prk, 32);

            /* The streaming extract, the IKM fed in two pieces. */
            memset(got_prk, 0, sizeof got_prk);
            assert_int_equal(crypto_kdf_hkdf_sha256_extract_init(
                                 &st, bsalt, salt_len), 0);
            assert_int_equal(crypto_kdf_hkdf_sha256_extract_update(
                                 &st, bikm, ikm_len / 2), 0);
            assert_int_equal(crypto_kdf_hkdf_sha256_extract_update(
                                 &st, bikm + ikm_len / 2,
                                 ikm_len - ikm_len / 2), 0);
            assert_int_equal(crypto_kdf_hkdf_sha256_extract_final(&st,
                                                                  got_prk), 0);
            assert_memory_equal(got_prk, want_prk, 32);

            got = malloc(L + 1);
            assert_non_null(got);
            assert_int_equal(crypto_kdf_hkdf_sha256_expand(
                                 got, L, (const char *)binfo, info_len,
                                 want_prk), 0);
            assert_memory_equal(got, okm, L);
            free(got);
            free(bikm);
            free(bsalt);
            free(binfo);
            free(okm);
            cases++;
            ikm = salt = info = len = prk = NULL;
        }
    }
    tu_rec_close(&rec);
    assert_int_equal(cases, 3);
}

/* Wycheproof HKDF: every valid test derives okm; every invalid one (size
 * above 255 * HashLen) is refused with -1 and EINVAL, output untouched. */
static void test_wycheproof_hkdf(void **unused)
{
    size_t a;

    (void)unused;
    for (a = 0; a < sizeof hkdfs / sizeof hkdfs[0]; a++) {
        const hkdf_algo *h = &hkdfs[a];
        size_t valid = 0, invalid = 0;
        tu_wp wp;

        tu_wp_open(&wp, tu_vector_path(h->wycheproof));
        while (tu_wp_next(&wp)) {
            size_t ikm_len, salt_len, info_len, okm_len;
            uint8_t *ikm = tu_unhex(wp.ikm, &ikm_len);
            uint8_t *salt = tu_unhex(wp.salt, &salt_len);
            uint8_t *info = tu_unhex(wp.info, &info_len);
            uint8_t *okm = tu_unhex(wp.okm, &okm_len);
            uint8_t prk[64];
            size_t size = (size_t)wp.size;
            uint8_t *got = malloc(size + 1);

            assert_non_null(got);
            assert_int_equal(h->extract(prk, salt, salt_len, ikm, ikm_len), 0);
            if (strcmp(wp.result, "valid") == 0) {
                assert_int_equal(okm_len, size);
                assert_int_equal(h->expand(got, size, (const char *)info,
                                           info_len, prk), 0);
                if (memcmp(got, okm, size) != 0) {
                    fail_msg("%s tcId %ld: wrong okm", h->name, wp.tc_id);
                }
                valid++;
            } else {
                memset(got, 0xa5, size + 1);
                errno = 0;
                assert_true(size > h->bytes_max());
                assert_int_equal(h->expand(got, size, (const char *)info,
                                           info_len, prk), -1);
                assert_int_equal(errno, EINVAL);
                assert_int_equal(got[0], 0xa5);
                assert_int_equal(got[size - 1], 0xa5);
                invalid++;
            }
            free(got);
            free(ikm);
            free(salt);
            free(info);
            free(okm);
        }
        tu_wp_close(&wp);
        assert_int_equal(valid, h->wp_valid);
        assert_int_equal(invalid, h->wp_invalid);
    }
}

static void test_hkdf_contract(void **unused)
{
    uint8_t prk[64], out[80], zero_salt[64];
    crypto_kdf_hkdf_sha512_state st;

    (void)unused;
    assert_int_equal(crypto_kdf_hkdf_sha256_keybytes(), 32);
    assert_int_equal(crypto_kdf_hkdf_sha512_keybytes(), 64);
    assert_int_equal(crypto_kdf_hkdf_sha256_bytes_min(), 0);
    assert_int_equal(crypto_kdf_hkdf_sha256_bytes_max(), 255 * 32);
    assert_int_equal(crypto_kdf_hkdf_sha512_bytes_max(), 255 * 64);
    assert_int_equal(crypto_kdf_hkdf_sha256_statebytes(),
                     sizeof(crypto_kdf_hkdf_sha256_state));
    assert_int_equal(crypto_kdf_hkdf_sha512_statebytes(),
                     sizeof(crypto_kdf_hkdf_sha512_state));

    /* No salt equals HashLen zero bytes of salt (RFC 5869, 2.2). */
    memset(zero_salt, 0, sizeof zero_salt);
    assert_int_equal(crypto_kdf_hkdf_sha512_extract(prk, NULL, 0,
                                                    (const unsigned char *)"k",
                                                    1), 0);
    assert_int_equal(crypto_kdf_hkdf_sha512_extract(out, zero_salt, 64,
                                                    (const unsigned char *)"k",
                                                    1), 0);
    assert_memory_equal(prk, out, 64);

    /* NULL with non-zero lengths: -1. NULL with zero: fine. */
    assert_int_equal(crypto_kdf_hkdf_sha256_extract(prk, NULL, 1, NULL, 0), -1);
    assert_int_equal(crypto_kdf_hkdf_sha256_extract(prk, NULL, 0, NULL, 1), -1);
    assert_int_equal(crypto_kdf_hkdf_sha256_extract(NULL, NULL, 0, NULL, 0), -1);
    assert_int_equal(crypto_kdf_hkdf_sha256_extract(prk, NULL, 0, NULL, 0), 0);
    assert_int_equal(crypto_kdf_hkdf_sha256_expand(out, 0, NULL, 0, prk), 0);
    errno = 0;
    assert_int_equal(crypto_kdf_hkdf_sha256_expand(NULL, 5, NULL, 0, prk), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(crypto_kdf_hkdf_sha256_expand(out, 5, NULL, 5, prk), -1);
    assert_int_equal(crypto_kdf_hkdf_sha512_extract_init(NULL, NULL, 0), -1);
    assert_int_equal(crypto_kdf_hkdf_sha512_extract_init(&st, NULL, 3), -1);
    assert_int_equal(crypto_kdf_hkdf_sha512_extract_init(&st, NULL, 0), 0);
    assert_int_equal(crypto_kdf_hkdf_sha512_extract_update(&st, NULL, 2), -1);
    assert_int_equal(crypto_kdf_hkdf_sha512_extract_final(&st, NULL), -1);
    assert_int_equal(crypto_kdf_hkdf_sha512_extract_final(&st, prk), 0);

    /* An output that ends mid-block equals the prefix of a longer one. */
    assert_int_equal(crypto_kdf_hkdf_sha512_expand(out, 80, "ctx", 3, prk), 0);
    {
        uint8_t shorter[70];
        assert_int_equal(crypto_kdf_hkdf_sha512_expand(shorter, 70, "ctx", 3,
                                                       prk), 0);
        assert_memory_equal(shorter, out, 70);
    }

    /* keygen gives different, non-zero keys. */
    {
        uint8_t k1[32], k2[32], z[32];
        memset(z, 0, sizeof z);
        crypto_kdf_hkdf_sha256_keygen(k1);
        crypto_kdf_hkdf_sha256_keygen(k2);
        assert_memory_not_equal(k1, k2, 32);
        assert_memory_not_equal(k1, z, 32);
    }
}

/* RFC 7914, section 11: PBKDF2-HMAC-SHA-256 test vectors. The values are
 * the RFC's; python3's hashlib.pbkdf2_hmac('sha256', ...) gives the same. */
static void test_pbkdf2_rfc7914(void **unused)
{
    uint8_t want[64], got[64];

    (void)unused;
    tu_unhex_into("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c2"
                  "0dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd50911"
                  "2041d3a19783", want, 64);
    assert_int_equal(hmac_pbkdf2_sha256(got, 64,
                                        (const unsigned char *)"passwd", 6,
                                        (const unsigned char *)"salt", 4, 1), 0);
    assert_memory_equal(got, want, 64);

    tu_unhex_into("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b"
                  "34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f"
                  "62b397f33c8d", want, 64);
    assert_int_equal(hmac_pbkdf2_sha256(got, 64,
                                        (const unsigned char *)"Password", 8,
                                        (const unsigned char *)"NaCl", 4,
                                        80000), 0);
    assert_memory_equal(got, want, 64);
}

/* PBKDF2-HMAC-SHA-512 has no RFC vectors; this one is from python3:
 *   hashlib.pbkdf2_hmac('sha512', b'password', b'salt', 4096, 64).hex() */
static void test_pbkdf2_sha512_known(void **unused)
{
    uint8_t want[64], got[64];

    (void)unused;
    tu_unhex_into("d197b1b33db0143e018b12f3d1d1479e6cdebdcc97c5c0f87f6902e072"
                  "f457b5143f30602641b3d55cd335988cb36b84376060ecd532e039b742"
                  "a239434af2d5", want, 64);
    assert_int_equal(hmac_pbkdf2_sha512(got, 64,
                                        (const unsigned char *)"password", 8,
                                        (const unsigned char *)"salt", 4,
                                        4096), 0);
    assert_memory_equal(got, want, 64);
}

static void test_pbkdf2_bad_input(void **unused)
{
    uint8_t out[16];
    const unsigned char *pw = (const unsigned char *)"pw";

    (void)unused;
    memset(out, 0x5a, sizeof out);
    errno = 0;
    assert_int_equal(hmac_pbkdf2_sha256(out, 16, pw, 2, pw, 2, 0), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(hmac_pbkdf2_sha512(out, 0, pw, 2, pw, 2, 1), -1);
    assert_int_equal(hmac_pbkdf2_sha256(NULL, 16, pw, 2, pw, 2, 1), -1);
    assert_int_equal(hmac_pbkdf2_sha256(out, 16, NULL, 2, pw, 2, 1), -1);
    assert_int_equal(hmac_pbkdf2_sha512(out, 16, pw, 2, NULL, 2, 1), -1);
    {
        uint8_t pattern[16];
        memset(pattern, 0x5a, sizeof pattern);
        assert_memory_equal(out, pattern, 16);
    }
    /* Empty password and salt are legal (NULL with length 0). */
    assert_int_equal(hmac_pbkdf2_sha256(out, 16, NULL, 0, NULL, 0, 2), 0);
    {
        uint8_t again[16];
        assert_int_equal(hmac_pbkdf2_sha256(again, 16,
                                            (const unsigned char *)"", 0,
                                            (const unsigned char *)"", 0, 2),
                         0);
        assert_memory_equal(out, again, 16);
    }
}

/* A dead extract state (after _extract_final, after hmac_memzero, or only
 * zero-initialised) is refused, leaving prk untouched: it would otherwise
 * give the same PRK whatever salt it was keyed with. */
#define DEAD_STATE_CHECKS(F, PRKLEN)                                          \
    do {                                                                      \
        crypto_kdf_hkdf_##F##_state st;                                       \
        uint8_t prk[PRKLEN], mark[PRKLEN];                                    \
        int how;                                                              \
                                                                              \
        memset(mark, 0xa5, sizeof mark);                                      \
        for (how = 0; how < 3; how++) {                                       \
            assert_int_equal(crypto_kdf_hkdf_##F##_extract_init(              \
                                 &st, (const unsigned char *)"s", 1), 0);     \
            assert_int_equal(crypto_kdf_hkdf_##F##_extract_update(            \
                                 &st, (const unsigned char *)"ikm", 3), 0);   \
            if (how == 0) {                                                   \
                assert_int_equal(crypto_kdf_hkdf_##F##_extract_final(&st,     \
                                                                     prk),    \
                                 0);                                          \
            } else if (how == 1) {                                            \
                hmac_memzero(&st, sizeof st);                                 \
            } else {                                                          \
                memset(&st, 0, sizeof st);                                    \
            }                                                                 \
            memcpy(prk, mark, sizeof prk);                                    \
            assert_int_equal(crypto_kdf_hkdf_##F##_extract_update(            \
                                 &st, (const unsigned char *)"x", 1), -1);    \
            assert_int_equal(crypto_kdf_hkdf_##F##_extract_final(&st, prk),   \
                             -1);                                             \
            assert_memory_equal(prk, mark, sizeof prk);                       \
        }                                                                     \
    } while (0)

static void test_hkdf_dead_state(void **unused)
{
    (void)unused;
    DEAD_STATE_CHECKS(sha256, 32);
    DEAD_STATE_CHECKS(sha512, 64);
}

/* Outputs that overlap an input (issue 14): the same bytes as with
 * separate buffers. One arena holds input and output at every relative
 * offset, from the output starting well before the input to well after,
 * so whole-block, partial and exact (out == in) overlaps are all met. */
enum { OV_IN = 150, OV_SPAN = 200 };

/* The next output offset to try in [lo, hi]: every one within 2 of lo, of
 * the input's start (OV_SPAN) and of hi, every 7th in between (cheap
 * enough for valgrind, and every kind of overlap is still met). */
static long ov_next(long off, long lo, long hi)
{
    const long marks[3] = {lo, OV_SPAN, hi};
    long next = off + 7;
    int i;

    for (i = 0; i < 3; i++) {
        if (off >= marks[i] - 2 && off <= marks[i] + 2) {
            return off + 1;
        }
        if (off < marks[i] - 2 && next > marks[i] - 2) {
            next = marks[i] - 2;
        }
    }
    return next;
}

static void test_hkdf_overlap(void **unused)
{
    uint8_t prk[64], info[OV_IN], want[OV_SPAN], arena[3 * OV_SPAN];
    uint64_t seed = 14;
    size_t a, outlen, infolen;
    long off, lo, hi;

    (void)unused;
    tu_fill_random(prk, sizeof prk, &seed);
    tu_fill_random(info, sizeof info, &seed);
    for (a = 0; a < sizeof hkdfs / sizeof hkdfs[0]; a++) {
        const hkdf_algo *alg = &hkdfs[a];
        static const size_t outlens[] = {1, 32, 33, 65, 130, OV_SPAN};
        static const size_t infolens[] = {1, 64, OV_IN};
        size_t oi, ii;

        for (oi = 0; oi < sizeof outlens / sizeof outlens[0]; oi++) {
            for (ii = 0; ii < sizeof infolens / sizeof infolens[0]; ii++) {
                outlen = outlens[oi];
                infolen = infolens[ii];
                assert_int_equal(alg->expand(want, outlen, (const char *)info,
                                             infolen, prk), 0);
                /* ctx at OV_SPAN in the arena, out anywhere that touches it */
                lo = OV_SPAN - (long)outlen;
                hi = OV_SPAN + (long)infolen;
                for (off = lo; off <= hi; off = ov_next(off, lo, hi)) {
                    memcpy(arena + OV_SPAN, info, infolen);
                    assert_int_equal(alg->expand(arena + off, outlen,
                                                 (const char *)arena + OV_SPAN,
                                                 infolen, prk), 0);
                    if (memcmp(arena + off, want, outlen) != 0) {
                        fail_msg("%s expand: out overlapping ctx differs "
                                 "(out %zu, ctx %zu, out at ctx%+d)",
                                 alg->name, outlen, infolen,
                                 (int)(off - OV_SPAN));
                    }
                }
                /* out == prk: the key is consumed before any output */
                memcpy(arena, prk, alg->prk_bytes);
                memset(arena + alg->prk_bytes, 0xee, OV_SPAN);
                assert_int_equal(alg->expand(arena, outlen, (const char *)info,
                                             infolen, arena), 0);
                assert_memory_equal(arena, want, outlen);
            }
            /* extract: prk == salt, prk == ikm (salt of outlens[oi] bytes,
             * at most 100) */
            infolen = outlens[oi] < 100 ? outlens[oi] : 100;
            assert_int_equal(alg->extract(want, info, infolen, info + 7, 90),
                             0);
            memcpy(arena, info, infolen);
            assert_int_equal(alg->extract(arena, arena, infolen, info + 7, 90),
                             0);
            assert_memory_equal(arena, want, alg->prk_bytes);
            memcpy(arena, info + 7, 90);
            assert_int_equal(alg->extract(arena, info, infolen, arena, 90), 0);
            assert_memory_equal(arena, want, alg->prk_bytes);
        }
    }
}

static void test_pbkdf2_overlap(void **unused)
{
    uint8_t pw[OV_IN], salt[OV_IN], want[OV_SPAN], arena[3 * OV_SPAN];
    uint64_t seed = 1414;
    static const size_t outlens[] = {1, 33, 65, 129};
    static const size_t inlens[] = {0, 1, 65, OV_IN};
    size_t oi, ii, outlen, inlen;
    long off, lo, hi;
    int sha512, salt_side;

    (void)unused;
    tu_fill_random(pw, sizeof pw, &seed);
    tu_fill_random(salt, sizeof salt, &seed);
    for (sha512 = 0; sha512 <= 1; sha512++) {
        int (*pbkdf2)(unsigned char *, size_t, const unsigned char *, size_t,
                      const unsigned char *, size_t, unsigned long long) =
            sha512 ? hmac_pbkdf2_sha512 : hmac_pbkdf2_sha256;

        for (oi = 0; oi < sizeof outlens / sizeof outlens[0]; oi++) {
            for (ii = 0; ii < sizeof inlens / sizeof inlens[0]; ii++) {
                outlen = outlens[oi];
                inlen = inlens[ii];
                assert_int_equal(pbkdf2(want, outlen, pw, inlen, salt, inlen,
                                        2), 0);
                for (salt_side = 0; salt_side <= 1; salt_side++) {
                    lo = OV_SPAN - (long)outlen;
                    hi = OV_SPAN + (long)inlen;
                    for (off = lo; off <= hi; off = ov_next(off, lo, hi)) {
                        const uint8_t *p = pw, *s = salt;

                        if (salt_side) {
                            memcpy(arena + OV_SPAN, salt, inlen);
                            s = arena + OV_SPAN;
                        } else {
                            memcpy(arena + OV_SPAN, pw, inlen);
                            p = arena + OV_SPAN;
                        }
                        assert_int_equal(pbkdf2(arena + off, outlen, p, inlen,
                                                s, inlen, 2), 0);
                        if (memcmp(arena + off, want, outlen) != 0) {
                            fail_msg("PBKDF2-SHA-%s: out overlapping %s "
                                     "differs (out %zu, in %zu, out at "
                                     "in%+d)", sha512 ? "512" : "256",
                                     salt_side ? "salt" : "passwd", outlen,
                                     inlen, (int)(off - OV_SPAN));
                        }
                    }
                }
            }
        }
    }
}

#ifdef HMAC_TEST_HAVE_OPENSSL
/* PBKDF2 against OpenSSL's PKCS5_PBKDF2_HMAC on pseudo-random inputs:
 * passwords and salts around the block size (a password longer than the
 * block is hashed first), outputs ending mid-block. */
static void test_pbkdf2_openssl(void **unused)
{
    uint64_t seed = 0x7062666b32ULL;
    int round;

    (void)unused;
    for (round = 0; round < 60; round++) {
        uint8_t pw[300], salt[200], got[200], want[200];
        size_t pwlen = (size_t)(round * 37) % sizeof pw;
        size_t saltlen = (size_t)(round * 53) % sizeof salt;
        size_t outlen = 1 + (size_t)(round * 29) % sizeof got;
        unsigned iters = 1 + (unsigned)(round % 7) * 3;
        int sha512 = round & 1;

        tu_fill_random(pw, sizeof pw, &seed);
        tu_fill_random(salt, sizeof salt, &seed);
        assert_int_equal(PKCS5_PBKDF2_HMAC((const char *)pw, (int)pwlen, salt,
                                           (int)saltlen, (int)iters,
                                           sha512 ? EVP_sha512() : EVP_sha256(),
                                           (int)outlen, want), 1);
        if (sha512) {
            assert_int_equal(hmac_pbkdf2_sha512(got, outlen, pw, pwlen, salt,
                                                saltlen, iters), 0);
        } else {
            assert_int_equal(hmac_pbkdf2_sha256(got, outlen, pw, pwlen, salt,
                                                saltlen, iters), 0);
        }
        if (memcmp(got, want, outlen) != 0) {
            fail_msg("PBKDF2-%s differs from OpenSSL: pw %zu salt %zu out %zu "
                     "iterations %u", sha512 ? "SHA-512" : "SHA-256", pwlen,
                     saltlen, outlen, iters);
        }
    }
}
#endif

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rfc5869),
        cmocka_unit_test(test_wycheproof_hkdf),
        cmocka_unit_test(test_hkdf_contract),
        cmocka_unit_test(test_pbkdf2_rfc7914),
        cmocka_unit_test(test_pbkdf2_sha512_known),
        cmocka_unit_test(test_pbkdf2_bad_input),
        cmocka_unit_test(test_hkdf_overlap),
        cmocka_unit_test(test_hkdf_dead_state),
        cmocka_unit_test(test_pbkdf2_overlap),
#ifdef HMAC_TEST_HAVE_OPENSSL
        cmocka_unit_test(test_pbkdf2_openssl),
#endif
    };

    return TU_RUN_ALL_BACKENDS("kdf", tests);
}
