/*
 * crypto_auth.h - libsodium's default message authentication:
 * HMAC-SHA-512-256 under a 32-byte key, with a 32-byte tag.
 */
#ifndef HMAC_CRYPTO_AUTH_H
#define HMAC_CRYPTO_AUTH_H

#include <stddef.h>

#include "hmac/crypto_auth_hmacsha512256.h"
#include "hmac/export.h"

#ifdef __cplusplus
extern "C" {
#endif

#define crypto_auth_BYTES crypto_auth_hmacsha512256_BYTES
#define crypto_auth_KEYBYTES crypto_auth_hmacsha512256_KEYBYTES
#define crypto_auth_PRIMITIVE "hmacsha512256"

/* Tag length in bytes (crypto_auth_BYTES, 32). */
HMAC_API size_t crypto_auth_bytes(void);

/* Key length in bytes (crypto_auth_KEYBYTES, 32). */
HMAC_API size_t crypto_auth_keybytes(void);

/* The name of the construction behind crypto_auth: "hmacsha512256". */
HMAC_API const char *crypto_auth_primitive(void);

/* Same as crypto_auth_hmacsha512256(). */
HMAC_API int crypto_auth(unsigned char *out, const unsigned char *in,
                         unsigned long long inlen, const unsigned char *k);

/* Same as crypto_auth_hmacsha512256_verify(): 0 if h is valid, else -1. */
HMAC_API HMAC_WARN_UNUSED int crypto_auth_verify(const unsigned char *h,
                                                 const unsigned char *in,
                                                 unsigned long long inlen,
                                                 const unsigned char *k);

/* Same as crypto_auth_hmacsha512256_keygen(). */
HMAC_API void crypto_auth_keygen(unsigned char k[crypto_auth_KEYBYTES]);

#ifdef __cplusplus
}
#endif

#endif
