/*
 * crypto_auth_hmacsha512256.h - HMAC-SHA-512-256, libsodium's API.
 *
 * This is HMAC-SHA-512 with the tag truncated to its first 32 bytes. It is
 * NOT HMAC over the SHA-512/256 hash of FIPS 180-4 (which has other initial
 * values): the two give different tags. It is the default crypto_auth.
 * The keyed state can be copied per message as for crypto_auth_hmacsha256.
 */
#ifndef HMAC_CRYPTO_AUTH_HMACSHA512256_H
#define HMAC_CRYPTO_AUTH_HMACSHA512256_H

#include <stddef.h>

#include "hmac/crypto_auth_hmacsha512.h"
#include "hmac/export.h"

#ifdef __cplusplus
extern "C" {
#endif

#define crypto_auth_hmacsha512256_BYTES 32U
#define crypto_auth_hmacsha512256_KEYBYTES 32U

/* The state is HMAC-SHA-512's (416 bytes), as in libsodium. */
typedef struct crypto_auth_hmacsha512_state crypto_auth_hmacsha512256_state;

/* Tag length in bytes (crypto_auth_hmacsha512256_BYTES). */
HMAC_API size_t crypto_auth_hmacsha512256_bytes(void);

/* Key length of the one-shot functions (crypto_auth_hmacsha512256_KEYBYTES). */
HMAC_API size_t crypto_auth_hmacsha512256_keybytes(void);

/* sizeof(crypto_auth_hmacsha512256_state). */
HMAC_API size_t crypto_auth_hmacsha512256_statebytes(void);

/* One-shot: writes the 32-byte tag of in[0..inlen) under the 32-byte key k
 * to out. in may be NULL when inlen is 0. Returns 0, or -1 (writing
 * nothing) when out or k is NULL, or in is NULL with inlen > 0. */
HMAC_API int crypto_auth_hmacsha512256(unsigned char *out,
                                       const unsigned char *in,
                                       unsigned long long inlen,
                                       const unsigned char *k);

/* Checks in constant time that h is the 32-byte tag of in[0..inlen) under
 * the 32-byte key k. Returns 0 if it is, -1 if it is not or on NULL
 * arguments as for crypto_auth_hmacsha512256(). */
HMAC_API HMAC_WARN_UNUSED int crypto_auth_hmacsha512256_verify(
    const unsigned char *h, const unsigned char *in,
    unsigned long long inlen, const unsigned char *k);

/* Keys state with key[0..keylen), of any length (longer than 128 bytes:
 * hashed first). key may be NULL when keylen is 0. Returns 0, or -1 when
 * state is NULL or key is NULL with keylen > 0. */
HMAC_API int crypto_auth_hmacsha512256_init(
    crypto_auth_hmacsha512256_state *state, const unsigned char *key,
    size_t keylen);

/* Absorbs in[0..inlen). in may be NULL when inlen is 0. Returns 0, or -1
 * (state unchanged) when state is NULL or in is NULL with inlen > 0.
 * A dead state (after _final or hmac_memzero, or only zero-initialised)
 * gets -1 too, and is left unchanged. */
HMAC_API int crypto_auth_hmacsha512256_update(
    crypto_auth_hmacsha512256_state *state, const unsigned char *in,
    unsigned long long inlen);

/* Writes the 32-byte tag to out and wipes the whole state (dead until the
 * next _init). Returns 0, or -1 when state or out is NULL.
 * A dead state (after _final or hmac_memzero, or only zero-initialised)
 * gets -1 too, and out is not written. */
HMAC_API int crypto_auth_hmacsha512256_final(
    crypto_auth_hmacsha512256_state *state, unsigned char *out);

/* Fills k with a fresh random key from the OS CSPRNG; aborts with a message
 * on stderr if no randomness can be had. */
HMAC_API void crypto_auth_hmacsha512256_keygen(
    unsigned char k[crypto_auth_hmacsha512256_KEYBYTES]);

#ifdef __cplusplus
}
#endif

#endif
