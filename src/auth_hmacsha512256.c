/*
 * auth_hmacsha512256.c - crypto_auth_hmacsha512256_*: libsodium's
 * signatures, argument checks and wiping around the generic HMAC with
 * SHA-512, the tag truncated to 32 bytes.
 */
#include "hmac/crypto_auth_hmacsha512256.h"
#include "hmac/utils.h"
#include "internal.h"

#define H (&hmac_hash_sha512)

size_t crypto_auth_hmacsha512256_bytes(void)
{
    return crypto_auth_hmacsha512256_BYTES;
}

size_t crypto_auth_hmacsha512256_keybytes(void)
{
    return crypto_auth_hmacsha512256_KEYBYTES;
}

size_t crypto_auth_hmacsha512256_statebytes(void)
{
    return sizeof(crypto_auth_hmacsha512256_state);
}

void crypto_auth_hmacsha512256_keygen(
    unsigned char k[crypto_auth_hmacsha512256_KEYBYTES])
{
    hmac_randombytes(k, crypto_auth_hmacsha512256_KEYBYTES);
}

int crypto_auth_hmacsha512256_init(crypto_auth_hmacsha512256_state *state,
                                const unsigned char *key, size_t keylen)
{
    if (state == NULL || (key == NULL && keylen > 0)) {
        return -1;
    }
    hmac_generic_init(H, &state->ictx, &state->octx, key, keylen);
    return 0;
}

int crypto_auth_hmacsha512256_update(crypto_auth_hmacsha512256_state *state,
                                  const unsigned char *in,
                                  unsigned long long inlen)
{
    if (state == NULL || (in == NULL && inlen > 0) || !hmac_len_fits(inlen)) {
        return -1;
    }
    hmac_generic_update(H, &state->ictx, in, (size_t)inlen);
    return 0;
}

int crypto_auth_hmacsha512256_final(crypto_auth_hmacsha512256_state *state,
                                 unsigned char *out)
{
    if (state == NULL || out == NULL) {
        return -1;
    }
    hmac_generic_final(H, &state->ictx, &state->octx, out,
                       crypto_auth_hmacsha512256_BYTES);
    hmac_memzero(state, sizeof *state);
    return 0;
}

int crypto_auth_hmacsha512256(unsigned char *out, const unsigned char *in,
                           unsigned long long inlen, const unsigned char *k)
{
    if (out == NULL || k == NULL || (in == NULL && inlen > 0) ||
        !hmac_len_fits(inlen)) {
        return -1;
    }
    hmac_generic_oneshot(H, out, crypto_auth_hmacsha512256_BYTES, in,
                         (size_t)inlen, k, crypto_auth_hmacsha512256_KEYBYTES);
    return 0;
}

int crypto_auth_hmacsha512256_verify(const unsigned char *h,
                                  const unsigned char *in,
                                  unsigned long long inlen,
                                  const unsigned char *k)
{
    if (h == NULL || k == NULL || (in == NULL && inlen > 0) ||
        !hmac_len_fits(inlen)) {
        return -1;
    }
    return hmac_generic_verify(H, h, crypto_auth_hmacsha512256_BYTES, in,
                               (size_t)inlen, k,
                               crypto_auth_hmacsha512256_KEYBYTES);
}
