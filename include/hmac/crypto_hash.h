/*
 * crypto_hash.h - libsodium's generic hash: SHA-512 (not a keyed MAC; for
 * new designs that need one name, prefer naming crypto_hash_sha512).
 */
#ifndef HMAC_CRYPTO_HASH_H
#define HMAC_CRYPTO_HASH_H

#include <stddef.h>

#include "hmac/crypto_hash_sha512.h"
#include "hmac/export.h"

#ifdef __cplusplus
extern "C" {
#endif

#define crypto_hash_BYTES crypto_hash_sha512_BYTES
#define crypto_hash_PRIMITIVE "sha512"

/* Digest length in bytes (crypto_hash_BYTES, 64). */
HMAC_API size_t crypto_hash_bytes(void);

/* The name of the hash behind crypto_hash: "sha512". */
HMAC_API const char *crypto_hash_primitive(void);

/* Same as crypto_hash_sha512(): the 64-byte SHA-512 digest of
 * in[0..inlen) to out; 0, or -1 writing nothing on NULL arguments. */
HMAC_API int crypto_hash(unsigned char *out, const unsigned char *in,
                         unsigned long long inlen);

#ifdef __cplusplus
}
#endif

#endif
