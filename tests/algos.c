/*
 * algos.c - the rows of the algorithm tables (see algos.h).
 *
 * The void * wrappers exist so that no function pointer is ever cast
 * (calling through a cast pointer is undefined behaviour).
 */
#include "algos.h"

#include <string.h>

#include "testutil.h"

#define HASH_WRAPPERS(h)                                                     \
    static int h##_init_v(void *s) { return crypto_hash_##h##_init(s); }    \
    static int h##_update_v(void *s, const unsigned char *in,                \
                            unsigned long long n)                            \
    {                                                                        \
        return crypto_hash_##h##_update(s, in, n);                           \
    }                                                                        \
    static int h##_final_v(void *s, unsigned char *out)                      \
    {                                                                        \
        return crypto_hash_##h##_final(s, out);                              \
    }

#define HMAC_WRAPPERS(h)                                                     \
    static int h##_init_v(void *s, const unsigned char *k, size_t klen)      \
    {                                                                        \
        return crypto_auth_##h##_init(s, k, klen);                           \
    }                                                                        \
    static int h##_update_v(void *s, const unsigned char *in,                \
                            unsigned long long n)                            \
    {                                                                        \
        return crypto_auth_##h##_update(s, in, n);                           \
    }                                                                        \
    static int h##_final_v(void *s, unsigned char *out)                      \
    {                                                                        \
        return crypto_auth_##h##_final(s, out);                              \
    }

HASH_WRAPPERS(sha256)
HASH_WRAPPERS(sha512)
HASH_WRAPPERS(sha224)
HASH_WRAPPERS(sha384)
HMAC_WRAPPERS(hmacsha256)
HMAC_WRAPPERS(hmacsha512)
HMAC_WRAPPERS(hmacsha512256)
HMAC_WRAPPERS(hmacsha224)
HMAC_WRAPPERS(hmacsha384)

/* libsodium has no crypto_verify_28/48: compare 28 and 48-byte tags with
 * the constant-time 16/32-byte ones (overlapping windows for 28). */
static int verify_28(const unsigned char *x, const unsigned char *y)
{
    if (x == NULL || y == NULL) {
        return -1;
    }
    return crypto_verify_16(x, y) | crypto_verify_16(x + 12, y + 12);
}

static int verify_48(const unsigned char *x, const unsigned char *y)
{
    if (x == NULL || y == NULL) {
        return -1;
    }
    return crypto_verify_32(x, y) | crypto_verify_16(x + 32, y + 32);
}

const tu_hash_algo tu_hashes[] = {
    {"SHA-256", crypto_hash_sha256_BYTES, 64, sizeof(crypto_hash_sha256_state),
     crypto_hash_sha256, sha256_init_v, sha256_update_v, sha256_final_v,
     {"nist-cavp/SHA256ShortMsg.rsp", "nist-cavp/SHA256LongMsg.rsp",
      "nist-cavp/SHA256Monte.rsp", 65, 64, 100}},
    {"SHA-512", crypto_hash_sha512_BYTES, 128, sizeof(crypto_hash_sha512_state),
     crypto_hash_sha512, sha512_init_v, sha512_update_v, sha512_final_v,
     {"nist-cavp/SHA512ShortMsg.rsp", "nist-cavp/SHA512LongMsg.rsp",
      "nist-cavp/SHA512Monte.rsp", 129, 128, 100}},
    /* SHA-224 and SHA-384: the SHA-256 and SHA-512 cores with other
     * initial values and shorter outputs (issue 6). */
    {"SHA-224", crypto_hash_sha224_BYTES, 64, sizeof(crypto_hash_sha224_state),
     crypto_hash_sha224, sha224_init_v, sha224_update_v, sha224_final_v,
     {"nist-cavp/SHA224ShortMsg.rsp", "nist-cavp/SHA224LongMsg.rsp",
      "nist-cavp/SHA224Monte.rsp", 65, 64, 100}},
    {"SHA-384", crypto_hash_sha384_BYTES, 128, sizeof(crypto_hash_sha384_state),
     crypto_hash_sha384, sha384_init_v, sha384_update_v, sha384_final_v,
     {"nist-cavp/SHA384ShortMsg.rsp", "nist-cavp/SHA384LongMsg.rsp",
      "nist-cavp/SHA384Monte.rsp", 129, 128, 100}},
};
const size_t tu_nhashes = sizeof tu_hashes / sizeof tu_hashes[0];

/* Counts from tests/vectors/SOURCES.md. */
const tu_hmac_algo tu_hmacs[] = {
    {"HMAC-SHA-256", &tu_hashes[0], crypto_auth_hmacsha256_BYTES,
     crypto_auth_hmacsha256_KEYBYTES, sizeof(crypto_auth_hmacsha256_state),
     crypto_auth_hmacsha256, crypto_auth_hmacsha256_verify,
     hmacsha256_init_v, hmacsha256_update_v, hmacsha256_final_v,
     crypto_verify_32,
     {"L=32", 225, 0, "rfc/rfc-4231-sha256.txt",
      "wycheproof/hmac_sha256_test.json", 0, 66, 108, 27, 54}},
    {"HMAC-SHA-512", &tu_hashes[1], crypto_auth_hmacsha512_BYTES,
     crypto_auth_hmacsha512_KEYBYTES, sizeof(crypto_auth_hmacsha512_state),
     crypto_auth_hmacsha512, crypto_auth_hmacsha512_verify,
     hmacsha512_init_v, hmacsha512_update_v, hmacsha512_final_v,
     crypto_verify_64,
     {"L=64", 375, 0, "rfc/rfc-4231-sha512.txt",
      "wycheproof/hmac_sha512_test.json", 0, 66, 108, 3, 0}},
    /* HMAC-SHA-512 truncated to 32 bytes: the Tlen=32 records of [L=64]
     * and the tagSize=256 groups of the SHA-512 Wycheproof file. */
    {"HMAC-SHA-512-256", &tu_hashes[1], crypto_auth_hmacsha512256_BYTES,
     crypto_auth_hmacsha512256_KEYBYTES,
     sizeof(crypto_auth_hmacsha512256_state), crypto_auth_hmacsha512256,
     crypto_auth_hmacsha512256_verify, hmacsha512256_init_v,
     hmacsha512256_update_v, hmacsha512256_final_v, crypto_verify_32,
     {"L=64", 75, 32, NULL, "wycheproof/hmac_sha512_test.json", 256, 33,
      54, 3, 0}},
    /* Wycheproof's HMAC-SHA-224/384 keys are 28/48 bytes, so none of
     * their tests fits the 32-byte one-shot API. */
    {"HMAC-SHA-224", &tu_hashes[2], crypto_auth_hmacsha224_BYTES,
     crypto_auth_hmacsha224_KEYBYTES, sizeof(crypto_auth_hmacsha224_state),
     crypto_auth_hmacsha224, crypto_auth_hmacsha224_verify,
     hmacsha224_init_v, hmacsha224_update_v, hmacsha224_final_v, verify_28,
     {"L=28", 375, 0, "rfc/rfc-4231-sha224.txt",
      "wycheproof/hmac_sha224_test.json", 0, 66, 106, 0, 0}},
    {"HMAC-SHA-384", &tu_hashes[3], crypto_auth_hmacsha384_BYTES,
     crypto_auth_hmacsha384_KEYBYTES, sizeof(crypto_auth_hmacsha384_state),
     crypto_auth_hmacsha384, crypto_auth_hmacsha384_verify,
     hmacsha384_init_v, hmacsha384_update_v, hmacsha384_final_v, verify_48,
     {"L=48", 300, 0, "rfc/rfc-4231-sha384.txt",
      "wycheproof/hmac_sha384_test.json", 0, 66, 108, 0, 0}},
};
const size_t tu_nhmacs = sizeof tu_hmacs / sizeof tu_hmacs[0];

const tu_hash_algo *tu_hash_by_name(const char *name)
{
    size_t i;

    for (i = 0; i < tu_nhashes; i++) {
        if (strcmp(tu_hashes[i].name, name) == 0) {
            return &tu_hashes[i];
        }
    }
    fail_msg("no hash row %s", name);
    return NULL;
}

const tu_hmac_algo *tu_hmac_by_name(const char *name)
{
    size_t i;

    for (i = 0; i < tu_nhmacs; i++) {
        if (strcmp(tu_hmacs[i].name, name) == 0) {
            return &tu_hmacs[i];
        }
    }
    fail_msg("no HMAC row %s", name);
    return NULL;
}

void tu_hmac_compute(const tu_hmac_algo *a, const unsigned char *key,
                     size_t klen, const unsigned char *msg, size_t mlen,
                     unsigned char *out)
{
    tu_state st;

    assert_int_equal(a->init(&st, key, klen), 0);
    assert_int_equal(a->update(&st, msg, mlen), 0);
    assert_int_equal(a->final(&st, out), 0);
}
