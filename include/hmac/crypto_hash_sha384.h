/*
 * crypto_hash_sha384.h - SHA-384 (FIPS 180-4): SHA-512 with other initial
 * values and a 48-byte output. libsodium has no SHA-384; the API follows
 * its crypto_hash_sha512 shape.
 */
#ifndef HMAC_CRYPTO_HASH_SHA384_H
#define HMAC_CRYPTO_HASH_SHA384_H

#include <stddef.h>

#include "hmac/crypto_hash_sha512.h"
#include "hmac/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The SHA-512 state (208 bytes); copying it clones a hash in progress. */
typedef struct crypto_hash_sha512_state crypto_hash_sha384_state;

#define crypto_hash_sha384_BYTES 48U

/* Number of bytes in a SHA-384 digest (crypto_hash_sha384_BYTES). */
HMAC_API size_t crypto_hash_sha384_bytes(void);

/* sizeof(crypto_hash_sha384_state). */
HMAC_API size_t crypto_hash_sha384_statebytes(void);

/* One-shot SHA-384 of in[0..inlen) into out (48 bytes). in may be NULL when
 * inlen is 0. Returns 0, or -1 (writing nothing) when out is NULL or in is
 * NULL with inlen > 0. */
HMAC_API int crypto_hash_sha384(unsigned char *out, const unsigned char *in,
                                unsigned long long inlen);

/* Starts a SHA-384 computation. Returns 0, or -1 if state is NULL. */
HMAC_API int crypto_hash_sha384_init(crypto_hash_sha384_state *state);

/* Absorbs in[0..inlen); any chunking gives the same digest. Returns 0, or
 * -1 (state unchanged) when state is NULL or in is NULL with inlen > 0.
 * A dead state (after _final or hmac_memzero, or only zero-initialised)
 * gets -1 too, and is left unchanged. */
HMAC_API int crypto_hash_sha384_update(crypto_hash_sha384_state *state,
                                       const unsigned char *in,
                                       unsigned long long inlen);

/* Writes the 48-byte digest to out and wipes the state (dead until the
 * next _init). Returns 0, or -1 when state or out is NULL.
 * A dead state (after _final or hmac_memzero, or only zero-initialised)
 * gets -1 too, and out is not written. */
HMAC_API int crypto_hash_sha384_final(crypto_hash_sha384_state *state,
                                      unsigned char *out);

#ifdef __cplusplus
}
#endif

#endif
