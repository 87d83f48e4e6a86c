/*
 * alg.c - the table of HMAC algorithms hmacsum knows (many.c streams
 * files through them).
 *
 * Adding an algorithm is one
 * HS_DEFINE_ALG line, one HS_ALG_ENTRY line, a member in hs_state if its
 * state type is new, and its known answers in selftest.c.
 */
#include "hmacsum.h"

#include <string.h>

/* typed[i] = st[i]'s member for n <= HS_MANY_LANES states (the _many
 * calls take arrays of typed pointers); more is refused with -1. */
#define HS_TYPED_STATES(fn, member)                                          \
    crypto_auth_hmac##fn##_state *typed[HS_MANY_LANES];                      \
    size_t i;                                                                \
    if (n > HS_MANY_LANES) {                                                 \
        return -1;                                                           \
    }                                                                        \
    for (i = 0; i < n; i++) {                                                \
        typed[i] = &st[i]->member;                                           \
    }

/* Adapters from libhmac's typed API to the table's common signatures. */
#define HS_DEFINE_ALG(fn, member)                                            \
    static int fn##_init(hs_state *st, const unsigned char *key,            \
                         size_t keylen)                                      \
    {                                                                        \
        return crypto_auth_hmac##fn##_init(&st->member, key, keylen);        \
    }                                                                        \
    static int fn##_update(hs_state *st, const unsigned char *in,           \
                           size_t len)                                       \
    {                                                                        \
        return crypto_auth_hmac##fn##_update(&st->member, in,                \
                                             (unsigned long long) len);      \
    }                                                                        \
    static int fn##_final(hs_state *st, unsigned char *out)                 \
    {                                                                        \
        return crypto_auth_hmac##fn##_final(&st->member, out);               \
    }                                                                        \
    static void fn##_keygen(unsigned char *key)                             \
    {                                                                        \
        crypto_auth_hmac##fn##_keygen(key);                                  \
    }                                                                        \
    static int fn##_update_many(hs_state *const st[],                       \
                                const unsigned char *const in[],             \
                                const size_t len[], size_t n)                \
    {                                                                        \
        HS_TYPED_STATES(fn, member)                                          \
        return hmac_auth_hmac##fn##_update_many(typed, in, len, n);          \
    }                                                                        \
    static int fn##_final_many(hs_state *const st[], unsigned char *out,    \
                               size_t n)                                     \
    {                                                                        \
        HS_TYPED_STATES(fn, member)                                          \
        return hmac_auth_hmac##fn##_final_many(typed, out, n);               \
    }

#define HS_ALG_ENTRY(fn, tagname)                                            \
    {                                                                        \
        #fn, tagname, crypto_auth_hmac##fn##_BYTES,                          \
            crypto_auth_hmac##fn##_KEYBYTES, fn##_init, fn##_update,         \
            fn##_final, fn##_keygen, fn##_update_many, fn##_final_many       \
    }

HS_DEFINE_ALG(sha256, s256)
HS_DEFINE_ALG(sha512, s512)
HS_DEFINE_ALG(sha512256, s512)
HS_DEFINE_ALG(sha384, s512)
HS_DEFINE_ALG(sha224, s256)

const hs_alg hs_algs[] = {
    HS_ALG_ENTRY(sha256, "HMAC-SHA256"), /* the default */
    HS_ALG_ENTRY(sha512, "HMAC-SHA512"),
    HS_ALG_ENTRY(sha512256, "HMAC-SHA512-256"),
    HS_ALG_ENTRY(sha384, "HMAC-SHA384"),
    HS_ALG_ENTRY(sha224, "HMAC-SHA224"),
};
const size_t hs_nalgs = sizeof hs_algs / sizeof hs_algs[0];

const hs_alg *hs_alg_by_name(const char *name)
{
    size_t i;

    for (i = 0; i < hs_nalgs; i++) {
        if (strcmp(hs_algs[i].name, name) == 0) {
            return &hs_algs[i];
        }
    }
    return NULL;
}

int hs_ct_equal(const unsigned char *a, const unsigned char *b, size_t n)
{
    /* CT: OR of all differences, one branch on the total at the end;
     * the loop never exits early, so timing does not reveal where a
     * forged tag first differs. */
    unsigned diff = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        diff |= (unsigned) (a[i] ^ b[i]);
    }
    return (int) (1U & ((diff - 1U) >> 8));
}
