/*
 * crypto_hash_sha512.h - SHA-512 (FIPS 180-4), libsodium's API.
 */
#ifndef HMAC_CRYPTO_HASH_SHA512_H
#define HMAC_CRYPTO_HASH_SHA512_H

#include <stddef.h>
#include <stdint.h>

#include "hmac/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Same layout as libsodium's (208 bytes): a plain struct without pointers,
 * so assigning one state to another clones a hash in progress. */
typedef struct crypto_hash_sha512_state {
    uint64_t state[8];
    uint64_t count[2];  /* message length so far, in bits: [0] high, [1] low */
    uint8_t  buf[128];  /* the partial block not yet compressed */
} crypto_hash_sha512_state;

#define crypto_hash_sha512_BYTES 64U

/* Number of bytes in a SHA-512 digest (crypto_hash_sha512_BYTES). */
HMAC_API size_t crypto_hash_sha512_bytes(void);

/* sizeof(crypto_hash_sha512_state). */
HMAC_API size_t crypto_hash_sha512_statebytes(void);

/* One-shot SHA-512: writes the 64-byte digest of in[0..inlen) to out.
 * in may be NULL when inlen is 0. Returns 0, or -1 (writing nothing) when
 * out is NULL or in is NULL with inlen > 0. */
HMAC_API int crypto_hash_sha512(unsigned char *out, const unsigned char *in,
                                unsigned long long inlen);

/* Starts a SHA-512 computation in state. Returns 0, or -1 if state is NULL. */
HMAC_API int crypto_hash_sha512_init(crypto_hash_sha512_state *state);

/* Absorbs in[0..inlen) into a state prepared by _init. Any number of calls,
 * of any sizes (0 included), give the same digest as one call with the
 * concatenation. in may be NULL when inlen is 0. Returns 0, or -1 (state
 * unchanged) when state is NULL or in is NULL with inlen > 0.
 * A dead state (after _final or hmac_memzero, or only zero-initialised)
 * gets -1 too, and is left unchanged. */
HMAC_API int crypto_hash_sha512_update(crypto_hash_sha512_state *state,
                                       const unsigned char *in,
                                       unsigned long long inlen);

/* Writes the 64-byte digest to out and wipes the state: it must be
 * initialised again before further use. Returns 0, or -1 when state or out
 * is NULL.
 * A dead state (after _final or hmac_memzero, or only zero-initialised)
 * gets -1 too, and out is not written. */
HMAC_API int crypto_hash_sha512_final(crypto_hash_sha512_state *state,
                                      unsigned char *out);

#ifdef __cplusplus
}
#endif

#endif
