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
HMAC_WRAPPERS(hmacsha256)
HMAC_WRAPPERS(hmacsha512)
HMAC_WRAPPERS(hmacsha512256)

const tu_hash_algo tu_hashes[] = {
    {"SHA-256", crypto_hash_sha256_BYTES, 64, sizeof(crypto_hash_sha256_state),
     crypto_hash_sha256, sha256_init_v, sha256_update_v, sha256_final_v,
     {"nist-cavp/SHA256ShortMsg.rsp", "nist-cavp/SHA256LongMsg.rsp",
      "nist-cavp/SHA256Monte.rsp", 65, 64, 100}},
    {"SHA-512", crypto_hash_sha512_BYTES, 128, sizeof(crypto_hash_sha512_state),
     crypto_hash_sha512, sha512_init_v, sha512_update_v, sha512_final_v,
     {"nist-cavp/SHA512ShortMsg.rsp", "nist-cavp/SHA512LongMsg.rsp",
      "nist-cavp/SHA512Monte.rsp", 129, 128, 100}},
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
