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
#include <stdint.h>
#include <string.h>

#include "hmac/utils.h"
#include "internal.h"

#if defined(__GNUC__) || defined(__clang__)
#define HMAC_NOINLINE __attribute__((noinline))
#elif defined(_MSC_VER)
#define HMAC_NOINLINE __declspec(noinline)
#else
#define HMAC_NOINLINE
#endif

typedef union {
    crypto_hash_sha256_state s256;
    crypto_hash_sha512_state s512;
} kdf_state;

/* HMAC keyed once (ikey, okey) and the working copies of one block
 * (ictx, octx): what both KDFs need for every output block. */
typedef struct {
    kdf_state ikey, okey, ictx, octx;
} kdf_hmac;

/* Starts the HMAC for the next block from the keyed states. */
static void kdf_hmac_fresh(const hmac_hash *h, kdf_hmac *k)
{
    memcpy(&k->ictx, &k->ikey, h->ctx_size);
    memcpy(&k->octx, &k->okey, h->ctx_size);
}

/* 1 if [a, a+alen) and [b, b+blen) share a byte. Only the order of the
 * addresses matters, so comparing them as integers is enough. */
static int overlaps(const void *a, size_t alen, const void *b, size_t blen)
{
    uintptr_t pa = (uintptr_t)a, pb = (uintptr_t)b;

    return alen > 0 && blen > 0 && pa < pb + blen && pb < pa + alen;
}

static void hkdf_expand_blocks(const hmac_hash *h, uint8_t *out,
                               size_t outlen, const uint8_t *info,
                               size_t infolen, const uint8_t *prk,
                               size_t prklen)
{
    kdf_hmac k;
    uint8_t t[HMAC_MAX_DIGEST];
    size_t tlen = 0;
    uint8_t counter = 0;

    hmac_generic_init(h, &k.ikey, &k.okey, prk, prklen);
    while (outlen > 0) {
        size_t take = outlen < h->digest_size ? outlen : h->digest_size;

        /* T(i) = HMAC(PRK, T(i-1) || info || i), T(0) empty. */
        counter++;
        kdf_hmac_fresh(h, &k);
        h->update(&k.ictx, t, tlen);
        h->update(&k.ictx, info, infolen);
        h->update(&k.ictx, &counter, 1);
        hmac_generic_final(h, &k.ictx, &k.octx, t, h->digest_size);
        tlen = h->digest_size;
        memcpy(out, t, take);
        out += take;
        outlen -= take;
    }
    hmac_memzero(&k, sizeof k);
    hmac_memzero(t, sizeof t);
}

/* Every block reads all of info, so an output over info would feed the
 * blocks written so far into the later ones: the whole output is made in
 * a buffer first. Out of line, so only this rare case pays its 16 KiB of
 * stack. */
static HMAC_NOINLINE void hkdf_expand_overlapping(
    const hmac_hash *h, uint8_t *out, size_t outlen, const uint8_t *info,
    size_t infolen, const uint8_t *prk, size_t prklen)
{
    uint8_t okm[255 * HMAC_MAX_DIGEST];

    hkdf_expand_blocks(h, okm, outlen, info, infolen, prk, prklen);
    memcpy(out, okm, outlen);
    hmac_memzero(okm, outlen);
}

void hmac_hkdf_expand(const hmac_hash *h, uint8_t *out, size_t outlen,
                      const uint8_t *info, size_t infolen, const uint8_t *prk,
                      size_t prklen)
{
    /* prk may overlap out: it is consumed before the first output byte. */
    if (overlaps(out, outlen, info, infolen)) {
        hkdf_expand_overlapping(h, out, outlen, info, infolen, prk, prklen);
    } else {
        hkdf_expand_blocks(h, out, outlen, info, infolen, prk, prklen);
    }
}

void hmac_pbkdf2(const hmac_hash *h, uint8_t *out, size_t outlen,
                 const uint8_t *pw, size_t pwlen, const uint8_t *salt,
                 size_t saltlen, unsigned long long iterations)
{
    kdf_hmac k;
    /* The inner state after ikey || salt: the same for every block, so the
     * salt is read once, before any output is written (out may overlap it;
     * passwd is consumed by the keying, so out may overlap that too). */
    kdf_state salted;
    /* U(j) lives in the first hlen bytes of iblock, already padded as the
     * inner hash's last block; the inner digest lands in oblock likewise. */
    uint8_t iblock[HMAC_MAX_BLOCK], oblock[HMAC_MAX_BLOCK];
    uint8_t t[HMAC_MAX_DIGEST], be_index[4];
    uint32_t index = 0;
    size_t i, hlen = h->digest_size;
    unsigned long long j;

    hmac_generic_init(h, &k.ikey, &k.okey, pw, pwlen);
    memcpy(&salted, &k.ikey, h->ctx_size);
    h->update(&salted, salt, saltlen);
    pad_after_block(iblock, h->block_size, hlen);
    pad_after_block(oblock, h->block_size, hlen);
    while (outlen > 0) {
        size_t take = outlen < hlen ? outlen : hlen;

        /* U1 = PRF(P, S || INT(i)); T = U1 ^ U2 ^ ... ^ Uc. */
        index++;
        store_be32(be_index, index);
        memcpy(&k.ictx, &salted, h->ctx_size);
        memcpy(&k.octx, &k.okey, h->ctx_size);
        h->update(&k.ictx, be_index, 4);
        hmac_generic_final(h, &k.ictx, &k.octx, iblock, hlen);
        memcpy(t, iblock, hlen);
        /* U(j+1) = H(okey || H(ikey || U(j))): two compressions, no copy of
         * a hash state. */
        for (j = 1; j < iterations; j++) {
            h->last_block(&k.ikey, iblock, oblock);
            h->last_block(&k.okey, oblock, iblock);
            for (i = 0; i < hlen; i++) {
                t[i] ^= iblock[i];
            }
        }
        memcpy(out, t, take);
        out += take;
        outlen -= take;
    }
    hmac_memzero(&k, sizeof k);
    hmac_memzero(&salted, sizeof salted);
    hmac_memzero(iblock, sizeof iblock);
    hmac_memzero(oblock, sizeof oblock);
    hmac_memzero(t, sizeof t);
}
