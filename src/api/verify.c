/*
 * verify.c - constant-time comparisons (crypto_verify_16/32/64 and the
 * internal one every _verify uses).
 *
 * CT: every byte pair is read, XORed and ORed into an accumulator that is
 * volatile, so the compiler cannot stop at the first difference; the
 * result is derived from the accumulator with arithmetic, not a branch.
 */
#include "hmac/crypto_verify_16.h"
#include "hmac/crypto_verify_32.h"
#include "hmac/crypto_verify_64.h"
#include "internal.h"

int hmac_ct_verify(const uint8_t *x, const uint8_t *y, size_t n)
{
    volatile uint32_t diff = 0;
    uint32_t d;
    size_t i;

    for (i = 0; i < n; i++) {
        diff |= (uint32_t)(x[i] ^ y[i]);
    }
    d = diff;
    /* d is in [0, 255]: d - 1 wraps to all ones only when d == 0. */
    return (int)(1u & ((d - 1u) >> 8)) - 1;
}

size_t crypto_verify_16_bytes(void)
{
    return crypto_verify_16_BYTES;
}

size_t crypto_verify_32_bytes(void)
{
    return crypto_verify_32_BYTES;
}

size_t crypto_verify_64_bytes(void)
{
    return crypto_verify_64_BYTES;
}

int crypto_verify_16(const unsigned char *x, const unsigned char *y)
{
    if (x == NULL || y == NULL) {
        return -1;
    }
    return hmac_ct_verify(x, y, crypto_verify_16_BYTES);
}

int crypto_verify_32(const unsigned char *x, const unsigned char *y)
{
    if (x == NULL || y == NULL) {
        return -1;
    }
    return hmac_ct_verify(x, y, crypto_verify_32_BYTES);
}

int crypto_verify_64(const unsigned char *x, const unsigned char *y)
{
    if (x == NULL || y == NULL) {
        return -1;
    }
    return hmac_ct_verify(x, y, crypto_verify_64_BYTES);
}
