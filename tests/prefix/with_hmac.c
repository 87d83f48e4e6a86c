/* This translation unit sees libhmac's headers only. Built with
 * HMAC_SYMBOL_PREFIX, its calls go to the prefixed symbols. */
#include <hmac.h>

#include "both.h"

int tag_with_libhmac(unsigned char out[32], const unsigned char *m,
                     unsigned long long mlen, const unsigned char key[32])
{
    return crypto_auth_hmacsha256(out, m, mlen, key);
}
