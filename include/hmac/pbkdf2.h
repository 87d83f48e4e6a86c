/*
 * pbkdf2.h - PBKDF2-HMAC-SHA-256 and -SHA-512 (RFC 8018, section 5.2), as
 * used by WPA2, PKCS#5/#12 and many file formats. libsodium has no PBKDF2,
 * hence the hmac_ prefix.
 *
 * For new password storage prefer a memory-hard function (Argon2id,
 * scrypt): PBKDF2 costs an attacker with GPUs or ASICs little memory, so
 * only the iteration count slows a guessing attack down. When PBKDF2 is
 * required, use a random salt of at least 16 bytes and as many iterations
 * as the latency budget allows (OWASP suggests 600,000 for SHA-256 and
 * 210,000 for SHA-512 as of 2023).
 */
#ifndef HMAC_PBKDF2_H
#define HMAC_PBKDF2_H

#include <stddef.h>

#include "hmac/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Derives out[0..outlen) from the password passwd[0..passwdlen) and
 * salt[0..saltlen) with the given iteration count, using HMAC-SHA-256.
 * NULL is fine for passwd or salt when its length is 0. Returns 0; or -1
 * with errno set to EINVAL, leaving out untouched, when iterations is 0,
 * outlen is 0 or larger than (2^32 - 1) * 32, out is NULL, or passwd/salt
 * is NULL with a non-zero length. out may overlap passwd or salt, in part
 * or whole: both are read before the first output byte is written. */
HMAC_API int hmac_pbkdf2_sha256(unsigned char *out, size_t outlen,
                                const unsigned char *passwd, size_t passwdlen,
                                const unsigned char *salt, size_t saltlen,
                                unsigned long long iterations);

/* As hmac_pbkdf2_sha256(), with HMAC-SHA-512 (blocks of 64 bytes). */
HMAC_API int hmac_pbkdf2_sha512(unsigned char *out, size_t outlen,
                                const unsigned char *passwd, size_t passwdlen,
                                const unsigned char *salt, size_t saltlen,
                                unsigned long long iterations);

#ifdef __cplusplus
}
#endif

#endif
