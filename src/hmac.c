/*
 * hmac.c - the one HMAC construction (RFC 2104, FIPS 198-1), written once
 * over a hash descriptor. Every typed HMAC (SHA-256, SHA-512, SHA-512-256,
 * ...) is this code with another descriptor. The one exception: a
 * descriptor may offer the whole one-shot HMAC fused in a hardware backend
 * (SHA-NI), which keeps the chaining values in registers; it is checked
 * against this code in test_backends.
 *
 * CT: the key is only XORed into a pad and hashed; the loops run over the
 * key length and block size, which are public. Every temporary that holds
 * key-derived bytes is wiped before returning.
 */
#include <string.h>

#include "hmac/utils.h"
#include "internal.h"

/* Big enough for the largest hash state the descriptors use. */
typedef union {
    crypto_hash_sha256_state s256;
    crypto_hash_sha512_state s512;
} any_hash_state;

/* RFC 2104: a key longer than the block is replaced by its hash, written
 * to khash (which the caller wipes); returns the key to use and sets
 * *keylen. It is hashed in a scratch state so that no copy of the long
 * key lingers in a keyed state's buffer. */
static const uint8_t *block_key(const hmac_hash *h, const uint8_t *key,
                                size_t *keylen, uint8_t khash[HMAC_MAX_DIGEST])
{
    any_hash_state tmp;

    if (*keylen <= h->block_size) {
        return key;
    }
    h->init(&tmp);
    h->update(&tmp, key, *keylen);
    h->final(&tmp, khash);
    hmac_memzero(&tmp, h->ctx_size);
    *keylen = h->digest_size;
    return khash;
}

void hmac_generic_init(const hmac_hash *h, void *ictx, void *octx,
                       const uint8_t *key, size_t keylen)
{
    /* K ^ ipad, then K ^ opad right after it (one wipe covers both). */
    uint8_t pad[2 * HMAC_MAX_BLOCK];
    uint8_t *opad = pad + h->block_size;
    uint8_t khash[HMAC_MAX_DIGEST];
    size_t i;

    key = block_key(h, key, &keylen, khash);

    memset(pad, 0x36, h->block_size);
    memset(opad, 0x5c, h->block_size);
    for (i = 0; i < keylen; i++) {
        pad[i] ^= key[i];
        opad[i] ^= key[i];
    }
    /* The ipad and opad blocks go to the hash core together: two
     * independent compressions it is free to overlap. */
    h->absorb_pads(ictx, octx, pad, opad);

    /* Wipe only what was written: the length test is on public data. */
    hmac_memzero(pad, 2 * h->block_size);
    if (key == khash) {
        hmac_memzero(khash, h->digest_size);
    }
}

void hmac_generic_update(const hmac_hash *h, void *ictx, const uint8_t *in,
                         size_t len)
{
    h->update(ictx, in, len);
}

void hmac_generic_final(const hmac_hash *h, void *ictx, void *octx,
                        uint8_t *out, size_t outlen)
{
    uint8_t digest[HMAC_MAX_DIGEST];

    h->final(ictx, digest);
    h->update(octx, digest, h->digest_size);
    h->final(octx, digest);
    memcpy(out, digest, outlen);
    hmac_memzero(digest, h->digest_size);
}

void hmac_generic_oneshot(const hmac_hash *h, uint8_t *out, size_t outlen,
                          const uint8_t *in, size_t inlen, const uint8_t *key,
                          size_t keylen)
{
    uint8_t khash[HMAC_MAX_DIGEST], tag[HMAC_MAX_DIGEST];
    const uint8_t *k = block_key(h, key, &keylen, khash);

    if (h->oneshot_fused != NULL &&
        h->oneshot_fused(tag, k, keylen, in, inlen) == 0) {
        memcpy(out, tag, outlen);
        hmac_memzero(tag, h->digest_size);
    } else {
        any_hash_state ictx, octx;

        hmac_generic_init(h, &ictx, &octx, k, keylen);
        h->update(&ictx, in, inlen);
        hmac_generic_final(h, &ictx, &octx, out, outlen);
        hmac_memzero(&ictx, h->ctx_size);
        hmac_memzero(&octx, h->ctx_size);
    }
    if (k == khash) {
        hmac_memzero(khash, h->digest_size);
    }
}

int hmac_generic_verify(const hmac_hash *h, const uint8_t *tag, size_t taglen,
                        const uint8_t *in, size_t inlen, const uint8_t *key,
                        size_t keylen)
{
    uint8_t correct[HMAC_MAX_DIGEST];
    int ret;

    hmac_generic_oneshot(h, correct, taglen, in, inlen, key, keylen);
    ret = hmac_ct_verify(tag, correct, taglen);
    hmac_memzero(correct, sizeof correct);
    return ret;
}
