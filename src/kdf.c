/*
 * kdf.c - HKDF-Expand (RFC 5869) and PBKDF2 (RFC 8018) written once over
 * the generic HMAC, so every hash the HMAC layer knows gets both.
 *
 * Both key HMAC once and copy the keyed inner/outer states for every block
 * or iteration: PBKDF2 costs two compressions per iteration, never a
 * re-keying.
 *
 * CT: loops run over public lengths and counts; key material is only
 * hashed, XORed and copied. Every keyed state and intermediate value is
 * wiped before returning.
 */
#include <string.h>

#include "hmac/utils.h"
#include "internal.h"

typedef union {
    crypto_hash_sha256_state s256;
    crypto_hash_sha512_state s512;
} kdf_state;

void hmac_hkdf_expand(const hmac_hash *h, uint8_t *out, size_t outlen,
                      const uint8_t *info, size_t infolen, const uint8_t *prk,
                      size_t prklen)
{
    kdf_state ikey, okey, ictx, octx;
    uint8_t t[HMAC_MAX_DIGEST];
    size_t tlen = 0;
    uint8_t counter = 0;

    hmac_generic_init(h, &ikey, &okey, prk, prklen);
    while (outlen > 0) {
        size_t take = outlen < h->digest_size ? outlen : h->digest_size;

        /* T(i) = HMAC(PRK, T(i-1) || info || i), T(0) empty. */
        counter++;
        memcpy(&ictx, &ikey, h->ctx_size);
        memcpy(&octx, &okey, h->ctx_size);
        h->update(&ictx, t, tlen);
        h->update(&ictx, info, infolen);
        h->update(&ictx, &counter, 1);
        hmac_generic_final(h, &ictx, &octx, t, h->digest_size);
        tlen = h->digest_size;
        memcpy(out, t, take);
        out += take;
        outlen -= take;
    }
    hmac_memzero(&ikey, sizeof ikey);
    hmac_memzero(&okey, sizeof okey);
    hmac_memzero(&ictx, sizeof ictx);
    hmac_memzero(&octx, sizeof octx);
    hmac_memzero(t, sizeof t);
}

void hmac_pbkdf2(const hmac_hash *h, uint8_t *out, size_t outlen,
                 const uint8_t *pw, size_t pwlen, const uint8_t *salt,
                 size_t saltlen, unsigned long long iterations)
{
    kdf_state ikey, okey, ictx, octx;
    uint8_t u[HMAC_MAX_DIGEST], t[HMAC_MAX_DIGEST], be_index[4];
    uint32_t index = 0;
    size_t i, hlen = h->digest_size;
    unsigned long long j;

    hmac_generic_init(h, &ikey, &okey, pw, pwlen);
    while (outlen > 0) {
        size_t take = outlen < hlen ? outlen : hlen;

        /* U1 = PRF(P, S || INT(i)); T = U1 ^ U2 ^ ... ^ Uc. */
        index++;
        store_be32(be_index, index);
        memcpy(&ictx, &ikey, h->ctx_size);
        memcpy(&octx, &okey, h->ctx_size);
        h->update(&ictx, salt, saltlen);
        h->update(&ictx, be_index, 4);
        hmac_generic_final(h, &ictx, &octx, u, hlen);
        memcpy(t, u, hlen);
        for (j = 1; j < iterations; j++) {
            memcpy(&ictx, &ikey, h->ctx_size);
            memcpy(&octx, &okey, h->ctx_size);
            h->update(&ictx, u, hlen);
            hmac_generic_final(h, &ictx, &octx, u, hlen);
            for (i = 0; i < hlen; i++) {
                t[i] ^= u[i];
            }
        }
        memcpy(out, t, take);
        out += take;
        outlen -= take;
    }
    hmac_memzero(&ikey, sizeof ikey);
    hmac_memzero(&okey, sizeof okey);
    hmac_memzero(&ictx, sizeof ictx);
    hmac_memzero(&octx, sizeof octx);
    hmac_memzero(u, sizeof u);
    hmac_memzero(t, sizeof t);
}
