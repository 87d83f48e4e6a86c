/*
 * crypto_kdf_hkdf_sha512.h - HKDF-SHA-512 (RFC 5869) with libsodium
 * 1.0.19's API: extract a pseudorandom key (PRK) from input keying
 * material and an optional salt, then expand the PRK into any number of
 * subkeys, each bound to a context string ("info").
 */
#ifndef HMAC_CRYPTO_KDF_HKDF_SHA512_H
#define HMAC_CRYPTO_KDF_HKDF_SHA512_H

#include <stddef.h>

#include "hmac/crypto_auth_hmacsha512.h"
#include "hmac/export.h"

#ifdef __cplusplus
extern "C" {
#endif

#define crypto_kdf_hkdf_sha512_KEYBYTES crypto_auth_hmacsha512_BYTES
#define crypto_kdf_hkdf_sha512_BYTES_MIN 0U
#define crypto_kdf_hkdf_sha512_BYTES_MAX (0xff * crypto_auth_hmacsha512_BYTES)

/* A streaming extract in progress (an HMAC-SHA-512 state keyed by the
 * salt). */
typedef struct crypto_kdf_hkdf_sha512_state {
    crypto_auth_hmacsha512_state st;
} crypto_kdf_hkdf_sha512_state;

/* PRK length (crypto_kdf_hkdf_sha512_KEYBYTES, 64). */
HMAC_API size_t crypto_kdf_hkdf_sha512_keybytes(void);

/* Shortest output of _expand (crypto_kdf_hkdf_sha512_BYTES_MIN, 0). */
HMAC_API size_t crypto_kdf_hkdf_sha512_bytes_min(void);

/* Longest output of _expand (crypto_kdf_hkdf_sha512_BYTES_MAX, 16320). */
HMAC_API size_t crypto_kdf_hkdf_sha512_bytes_max(void);

/* sizeof(crypto_kdf_hkdf_sha512_state). */
HMAC_API size_t crypto_kdf_hkdf_sha512_statebytes(void);

/* HKDF-Extract: prk = HMAC-SHA-512(salt, ikm). A NULL/empty salt means
 * "no salt" (RFC 5869: HashLen zero bytes, which gives the same PRK). NULL
 * with a zero length is fine for salt and ikm. Returns 0, or -1 when prk is
 * NULL or a pointer is NULL with a non-zero length. prk may overlap salt
 * or ikm (both are read before prk is written). */
HMAC_API int crypto_kdf_hkdf_sha512_extract(
    unsigned char prk[crypto_kdf_hkdf_sha512_KEYBYTES],
    const unsigned char *salt, size_t salt_len, const unsigned char *ikm,
    size_t ikm_len);

/* Streaming extract, step 1: keys state with the salt (as _extract). */
HMAC_API int crypto_kdf_hkdf_sha512_extract_init(
    crypto_kdf_hkdf_sha512_state *state, const unsigned char *salt,
    size_t salt_len);

/* Streaming extract, step 2 (any number of times): absorbs ikm. Returns
 * 0, or -1 when state is NULL, ikm is NULL with a non-zero length, or the
 * state is dead (after _extract_final or hmac_memzero, or only
 * zero-initialised: call _extract_init first). */
HMAC_API int crypto_kdf_hkdf_sha512_extract_update(
    crypto_kdf_hkdf_sha512_state *state, const unsigned char *ikm,
    size_t ikm_len);

/* Streaming extract, step 3: writes the PRK and wipes the state, which is
 * then dead. Returns 0, or -1 (prk untouched) when state or prk is NULL or
 * the state is dead. */
HMAC_API int crypto_kdf_hkdf_sha512_extract_final(
    crypto_kdf_hkdf_sha512_state *state,
    unsigned char prk[crypto_kdf_hkdf_sha512_KEYBYTES]);

/* HKDF-Expand: fills out[0..out_len) from prk and the context ctx (RFC
 * 5869's "info"; NULL when ctx_len is 0). Returns 0; or -1 with errno set
 * to EINVAL, leaving out untouched, when out_len exceeds
 * crypto_kdf_hkdf_sha512_BYTES_MAX or a pointer is NULL with a non-zero
 * length. out may overlap ctx or prk, in part or whole: the result is
 * the same as with separate buffers (an out overlapping ctx is built in a
 * stack buffer of up to 16 KiB first). */
HMAC_API int crypto_kdf_hkdf_sha512_expand(
    unsigned char *out, size_t out_len, const char *ctx, size_t ctx_len,
    const unsigned char prk[crypto_kdf_hkdf_sha512_KEYBYTES]);

/* Fills prk with a random key from the OS CSPRNG (aborts if none can be
 * had): for applications that need a fresh master key, not an extract. */
HMAC_API void crypto_kdf_hkdf_sha512_keygen(
    unsigned char prk[crypto_kdf_hkdf_sha512_KEYBYTES]);

#ifdef __cplusplus
}
#endif

#endif
