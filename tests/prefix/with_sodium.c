/* This translation unit sees libsodium's headers only. */
#include <sodium.h>

#include "both.h"

int tag_with_libsodium(unsigned char out[32], const unsigned char *m,
                       unsigned long long mlen, const unsigned char key[32])
{
    return crypto_auth_hmacsha256(out, m, mlen, key);
}
