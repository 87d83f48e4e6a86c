/*
 * crypto_auth_hmacsha512.h - HMAC-SHA-512 (RFC 2104), libsodium's API.
 *
 * Keyed-state reuse: a state is a plain struct, so a server that signs many
 * messages with one key runs _init once and copies the keyed state for
 * each message (s = keyed; _update(&s, ...); _final(&s, tag)), which saves
 * the two key-block compressions of every _init.
 */
#ifndef HMAC_CRYPTO_AUTH_HMACSHA512_H
#define HMAC_CRYPTO_AUTH_HMACSHA512_H

#include <stddef.h>

#include "hmac/crypto_hash_sha512.h"
#include "hmac/export.h"

#ifdef __cplusplus
extern "C" {
#endif

#define crypto_auth_hmacsha512_BYTES 64U
#define crypto_auth_hmacsha512_KEYBYTES 32U

/* Inner and outer hash states, keyed (416 bytes, as libsodium's). */
typedef struct crypto_auth_hmacsha512_state {
    crypto_hash_sha512_state ictx;
    crypto_hash_sha512_state octx;
} crypto_auth_hmacsha512_state;

/* Tag length in bytes (crypto_auth_hmacsha512_BYTES). */
HMAC_API size_t crypto_auth_hmacsha512_bytes(void);

/* Key length of the one-shot functions (crypto_auth_hmacsha512_KEYBYTES). */
HMAC_API size_t crypto_auth_hmacsha512_keybytes(void);

/* sizeof(crypto_auth_hmacsha512_state). */
HMAC_API size_t crypto_auth_hmacsha512_statebytes(void);

/* One-shot: writes the 64-byte tag of in[0..inlen) under the 32-byte key k
 * to out. in may be NULL when inlen is 0. Returns 0, or -1 (writing
 * nothing) when out or k is NULL, or in is NULL with inlen > 0. */
HMAC_API int crypto_auth_hmacsha512(unsigned char *out,
                                    const unsigned char *in,
                                    unsigned long long inlen,
                                    const unsigned char *k);

/* Checks in constant time that h is the 64-byte tag of in[0..inlen) under
 * the 32-byte key k. Returns 0 if it is, -1 if it is not or on NULL
 * arguments as for crypto_auth_hmacsha512(). */
HMAC_API HMAC_WARN_UNUSED int crypto_auth_hmacsha512_verify(
    const unsigned char *h, const unsigned char *in,
    unsigned long long inlen, const unsigned char *k);

/* Keys state with key[0..keylen), of any length: a key longer than the
 * 128-byte block is hashed first, as RFC 2104 says. key may be NULL when
 * keylen is 0 (the empty key). Returns 0, or -1 when state is NULL or key
 * is NULL with keylen > 0. */
HMAC_API int crypto_auth_hmacsha512_init(crypto_auth_hmacsha512_state *state,
                                         const unsigned char *key,
                                         size_t keylen);

/* Absorbs in[0..inlen); any chunking gives the same tag. in may be NULL
 * when inlen is 0. Returns 0, or -1 (state unchanged) when state is NULL or
 * in is NULL with inlen > 0.
 * A dead state (after _final or hmac_memzero, or only zero-initialised)
 * gets -1 too, and is left unchanged. */
HMAC_API int crypto_auth_hmacsha512_update(crypto_auth_hmacsha512_state *state,
                                           const unsigned char *in,
                                           unsigned long long inlen);

/* Writes the 64-byte tag to out and wipes the whole state: after _final the
 * state is dead until the next _init. Returns 0, or -1 when state or out is
 * NULL.
 * A dead state (after _final or hmac_memzero, or only zero-initialised)
 * gets -1 too, and out is not written. */
HMAC_API int crypto_auth_hmacsha512_final(crypto_auth_hmacsha512_state *state,
                                          unsigned char *out);

/* Fills k with a fresh random key from the operating system's CSPRNG.
 * Aborts the process (with a message on stderr) if no randomness can be
 * had: it never returns a predictable key. */
HMAC_API void crypto_auth_hmacsha512_keygen(
    unsigned char k[crypto_auth_hmacsha512_KEYBYTES]);

#ifdef __cplusplus
}
#endif

#endif
