/*
 * sha512.c - SHA-512 message handling: buffering, padding and the 128-bit
 * length counter. Whole blocks go to sha512_compress().
 *
 * CT: the only branches depend on lengths (public), never on data.
 */
#include <string.h>

#include "hmac/crypto_hash_sha512.h"
#include "hmac/utils.h"
#include "internal.h"

/* FIPS 180-4, section 5.3.5. */
static const uint64_t IV512[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

void sha512_init_state(crypto_hash_sha512_state *s)
{
    memcpy(s->state, IV512, sizeof IV512);
    s->count[0] = 0;
    s->count[1] = 0;
}

void sha512_absorb(crypto_hash_sha512_state *s, const uint8_t *in, size_t len)
{
    size_t used;

    if (len == 0) {
        return; /* also keeps NULL away from memcpy */
    }
    used = (size_t)(s->count[1] >> 3) & 127;
    uint64_t bits_lo = (uint64_t)len << 3;

    /* 128-bit bit counter: [1] low word, [0] high word. The shift by 61
     * is written as two shifts so that it is defined for a 32-bit size_t. */
    s->count[1] += bits_lo;
    s->count[0] += ((uint64_t)len >> 31 >> 30) + (s->count[1] < bits_lo);
    if (used > 0) {
        size_t take = 128 - used;
        if (len < take) {
            memcpy(s->buf + used, in, len);
            return;
        }
        memcpy(s->buf + used, in, take);
        sha512_compress(s->state, s->buf, 1);
        in += take;
        len -= take;
    }
    if (len >= 128) {
        sha512_compress(s->state, in, len / 128);
        in += len & ~(size_t)127;
        len &= 127;
    }
    if (len > 0) {
        memcpy(s->buf, in, len);
    }
}

void sha512_finish(crypto_hash_sha512_state *s, uint8_t out[64])
{
    size_t used = (size_t)(s->count[1] >> 3) & 127;
    int i;

    s->buf[used++] = 0x80;
    if (used > 112) {
        memset(s->buf + used, 0, 128 - used);
        sha512_compress(s->state, s->buf, 1);
        used = 0;
    }
    memset(s->buf + used, 0, 112 - used);
    store_be64(s->buf + 112, s->count[0]);
    store_be64(s->buf + 120, s->count[1]);
    sha512_compress(s->state, s->buf, 1);
    for (i = 0; i < 8; i++) {
        store_be64(out + 8 * i, s->state[i]);
    }
}

size_t crypto_hash_sha512_bytes(void)
{
    return crypto_hash_sha512_BYTES;
}

size_t crypto_hash_sha512_statebytes(void)
{
    return sizeof(crypto_hash_sha512_state);
}

int crypto_hash_sha512_init(crypto_hash_sha512_state *state)
{
    if (state == NULL) {
        return -1;
    }
    sha512_init_state(state);
    return 0;
}

int crypto_hash_sha512_update(crypto_hash_sha512_state *state,
                              const unsigned char *in,
                              unsigned long long inlen)
{
    if (state == NULL || (in == NULL && inlen > 0) || !hmac_len_fits(inlen)) {
        return -1;
    }
    if (inlen > 0) {
        sha512_absorb(state, in, (size_t)inlen);
    }
    return 0;
}

int crypto_hash_sha512_final(crypto_hash_sha512_state *state,
                             unsigned char *out)
{
    if (state == NULL || out == NULL) {
        return -1;
    }
    sha512_finish(state, out);
    hmac_memzero(state, sizeof *state);
    return 0;
}

int crypto_hash_sha512(unsigned char *out, const unsigned char *in,
                       unsigned long long inlen)
{
    crypto_hash_sha512_state st;

    if (out == NULL || (in == NULL && inlen > 0) || !hmac_len_fits(inlen)) {
        return -1;
    }
    sha512_init_state(&st);
    if (inlen > 0) {
        sha512_absorb(&st, in, (size_t)inlen);
    }
    sha512_finish(&st, out);
    hmac_memzero(&st, sizeof st);
    return 0;
}

static void desc_init(void *ctx)
{
    sha512_init_state((crypto_hash_sha512_state *)ctx);
}

static void desc_update(void *ctx, const uint8_t *in, size_t len)
{
    sha512_absorb((crypto_hash_sha512_state *)ctx, in, len);
}

static void desc_final(void *ctx, uint8_t *out)
{
    sha512_finish((crypto_hash_sha512_state *)ctx, out);
}

const hmac_hash hmac_hash_sha512 = {
    128, 64, desc_init, desc_update, desc_final,
};
