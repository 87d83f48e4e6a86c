/*
 * crypto_verify_16.h - constant-time comparison of two 16-byte strings.
 */
#ifndef HMAC_CRYPTO_VERIFY_16_H
#define HMAC_CRYPTO_VERIFY_16_H

#include <stddef.h>

#include "hmac/export.h"

#ifdef __cplusplus
extern "C" {
#endif

#define crypto_verify_16_BYTES 16U

/* crypto_verify_16_BYTES. */
HMAC_API size_t crypto_verify_16_bytes(void);

/* Compares x[0..16) with y[0..16) in time that depends on neither's
 * contents. Returns 0 if they are equal, -1 if not (and -1 if either
 * pointer is NULL). */
HMAC_API HMAC_WARN_UNUSED int crypto_verify_16(const unsigned char *x,
                                              const unsigned char *y);

#ifdef __cplusplus
}
#endif

#endif
