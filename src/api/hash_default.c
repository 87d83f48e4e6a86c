/*
 * hash_default.c - crypto_hash_*: libsodium's generic hash, which is
 * SHA-512.
 */
#include "hmac/crypto_hash.h"

size_t crypto_hash_bytes(void)
{
    return crypto_hash_BYTES;
}

const char *crypto_hash_primitive(void)
{
    return crypto_hash_PRIMITIVE;
}

int crypto_hash(unsigned char *out, const unsigned char *in,
                unsigned long long inlen)
{
    return crypto_hash_sha512(out, in, inlen);
}
