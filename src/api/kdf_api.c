/*
 * kdf_api.c - the public HKDF (libsodium names) and PBKDF2 (hmac_ names)
 * functions: argument checks around kdf.c.
 */
#include <errno.h>
#include <stddef.h>

#include "hmac/crypto_kdf_hkdf_sha256.h"
#include "hmac/crypto_kdf_hkdf_sha512.h"
#include "hmac/pbkdf2.h"
#include "hmac/utils.h"
#include "internal.h"

#define FAMILY sha256
#define HASH (&hmac_hash_sha256)
#define PRK_BYTES crypto_kdf_hkdf_sha256_KEYBYTES
#include "hkdf_family.h"

#define FAMILY sha512
#define HASH (&hmac_hash_sha512)
#define PRK_BYTES crypto_kdf_hkdf_sha512_KEYBYTES
#include "hkdf_family.h"

static int pbkdf2_checked(const hmac_hash *h, unsigned char *out,
                          size_t outlen, const unsigned char *passwd,
                          size_t passwdlen, const unsigned char *salt,
                          size_t saltlen, unsigned long long iterations)
{
    /* RFC 8018: dkLen at most (2^32 - 1) * hLen; the block index is 32-bit. */
    unsigned long long max_blocks = 0xffffffffULL;

    if (out == NULL || outlen == 0 || iterations == 0 ||
        (passwd == NULL && passwdlen > 0) || (salt == NULL && saltlen > 0) ||
        (outlen - 1) / h->digest_size >= max_blocks) {
        errno = EINVAL;
        return -1;
    }
    hmac_pbkdf2(h, out, outlen, passwd, passwdlen, salt, saltlen, iterations);
    return 0;
}

int hmac_pbkdf2_sha256(unsigned char *out, size_t outlen,
                       const unsigned char *passwd, size_t passwdlen,
                       const unsigned char *salt, size_t saltlen,
                       unsigned long long iterations)
{
    return pbkdf2_checked(&hmac_hash_sha256, out, outlen, passwd, passwdlen,
                          salt, saltlen, iterations);
}

int hmac_pbkdf2_sha512(unsigned char *out, size_t outlen,
                       const unsigned char *passwd, size_t passwdlen,
                       const unsigned char *salt, size_t saltlen,
                       unsigned long long iterations)
{
    return pbkdf2_checked(&hmac_hash_sha512, out, outlen, passwd, passwdlen,
                          salt, saltlen, iterations);
}
