/*
 * final_verify_table.h - hmac_auth_*_final_verify behind one signature,
 * with the algos.h row name and hash descriptor of each family (for
 * test_final_verify and test_ct). Wrappers rather than casts: calling a
 * function through a pointer of another type is undefined behaviour.
 */
#ifndef HMAC_TEST_FINAL_VERIFY_TABLE_H
#define HMAC_TEST_FINAL_VERIFY_TABLE_H

#include "hmac.h"
#include "internal.h" /* the hash descriptors */

#define FV_WRAPPER(fam)                                                       \
    static int fam##_fv(void *state, const unsigned char *tag, size_t taglen) \
    {                                                                         \
        return hmac_auth_##fam##_final_verify(state, tag, taglen);            \
    }
FV_WRAPPER(hmacsha256)
FV_WRAPPER(hmacsha512)
FV_WRAPPER(hmacsha512256)
FV_WRAPPER(hmacsha384)
FV_WRAPPER(hmacsha224)
#undef FV_WRAPPER

static const struct {
    const char *name; /* the tu_hmacs row (algos.h) */
    int (*fv)(void *state, const unsigned char *tag, size_t taglen);
    const hmac_hash *hash;
} fv_families[] = {
    {"HMAC-SHA-256", hmacsha256_fv, &hmac_hash_sha256},
    {"HMAC-SHA-512", hmacsha512_fv, &hmac_hash_sha512},
    {"HMAC-SHA-512-256", hmacsha512256_fv, &hmac_hash_sha512},
    {"HMAC-SHA-384", hmacsha384_fv, &hmac_hash_sha384},
    {"HMAC-SHA-224", hmacsha224_fv, &hmac_hash_sha224},
};
#define FV_NFAMILIES (sizeof fv_families / sizeof fv_families[0])

#endif
