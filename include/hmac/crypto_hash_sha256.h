/*
 * crypto_hash_sha256.h - SHA-256 (FIPS 180-4), libsodium's API.
 */
#ifndef HMAC_CRYPTO_HASH_SHA256_H
#define HMAC_CRYPTO_HASH_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include "hmac/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Same layout as libsodium's (104 bytes): a plain struct without pointers,
 * so assigning one state to another clones a hash in progress. */
typedef struct crypto_hash_sha256_state {
    uint32_t state[8];
    uint64_t count;     /* message length so far, in bits */
    uint8_t  buf[64];   /* the partial block not yet compressed */
} crypto_hash_sha256_state;

#define crypto_hash_sha256_BYTES 32U

/* Number of bytes in a SHA-256 digest (crypto_hash_sha256_BYTES). */
HMAC_API size_t crypto_hash_sha256_bytes(void);

/* sizeof(crypto_hash_sha256_state). */
HMAC_API size_t crypto_hash_sha256_statebytes(void);

/* One-shot SHA-256: writes the 32-byte digest of in[0..inlen) to out.
 * in may be NULL when inlen is 0. Returns 0, or -1 (writing nothing) when
 * out is NULL or in is NULL with inlen > 0. */
HMAC_API int crypto_hash_sha256(unsigned char *out, const unsigned char *in,
                                unsigned long long inlen);

/* Starts a SHA-256 computation in state. Returns 0, or -1 if state is NULL. */
HMAC_API int crypto_hash_sha256_init(crypto_hash_sha256_state *state);

/* Absorbs in[0..inlen) into a state prepared by _init. Any number of calls,
 * of any sizes (0 included), give the same digest as one call with the
 * concatenation. in may be NULL when inlen is 0. Returns 0, or -1 (state
 * unchanged) when state is NULL or in is NULL with inlen > 0.
 * A dead state (after _final or hmac_memzero, or only zero-initialised)
 * gets -1 too, and is left unchanged. */
HMAC_API int crypto_hash_sha256_update(crypto_hash_sha256_state *state,
                                       const unsigned char *in,
                                       unsigned long long inlen);

/* Writes the 32-byte digest to out and wipes the state: it must be
 * initialised again before further use. Returns 0, or -1 when state or out
 * is NULL.
 * A dead state (after _final or hmac_memzero, or only zero-initialised)
 * gets -1 too, and out is not written. */
HMAC_API int crypto_hash_sha256_final(crypto_hash_sha256_state *state,
                                      unsigned char *out);

#ifdef __cplusplus
}
#endif

#endif
