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

    key = block_key(h, key, &keylen, khash);

    hmac_pads(pad, h->block_size, key, keylen);
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

/* ---- many messages per call ---------------------------------------------
 * The same construction, batch by batch: the key is padded and its ipad
 * and opad blocks compressed once; every message's inner hash runs from a
 * copy of the keyed inner state and every outer hash from a copy of the
 * keyed outer state, each batch's messages through the lanes together. */
/* Full tags (digest_size bytes each) of in[0..n), n <= HASH_MANY_BATCH,
 * under the keyed states ictx and octx; inner is scratch of the same size. */
static void many_batch(const hmac_hash *h, const void *ictx, const void *octx,
                       const uint8_t *const in[], const size_t inlen[],
                       size_t n, uint8_t *inner, uint8_t *tag)
{
    const uint8_t *ptr[HASH_MANY_BATCH];
    size_t len[HASH_MANY_BATCH];
    size_t i, done;

    /* Where the CPU has fused HMAC lane kernels, the inner tails and the
     * outer blocks in their calls (hash_many_hmac); what they leave, by
     * the two stages below. */
    done = hash_many_hmac(h, ictx, octx, in, inlen, n, tag);
    in += done;
    inlen += done;
    tag += done * h->digest_size;
    n -= done;
    if (n == 0) {
        return;
    }
    hash_many_from(h, ictx, in, inlen, n, inner);
    for (i = 0; i < n; i++) {
        ptr[i] = inner + i * h->digest_size;
        len[i] = h->digest_size;
    }
    hash_many_from(h, octx, ptr, len, n, tag);
}

void hmac_generic_many(const hmac_hash *h, uint8_t *out, size_t outlen,
                       const uint8_t *const in[], const size_t inlen[],
                       size_t n, const uint8_t *key, size_t keylen)
{
    any_hash_state ictx, octx;
    uint8_t inner[HASH_MANY_BATCH * HMAC_MAX_DIGEST];
    uint8_t tag[HASH_MANY_BATCH * HMAC_MAX_DIGEST];
    size_t b, i, used = 0;

    if (n == 1) {
        /* Nothing to run side by side: the single call's path (fused
         * where the backend has it) costs less than planning lanes. */
        hmac_generic_oneshot(h, out, outlen, in[0], inlen[0], key, keylen);
        return;
    }
    hmac_generic_init(h, &ictx, &octx, key, keylen);
    for (; n > 0; in += b, inlen += b, out += b * outlen, n -= b) {
        b = n < HASH_MANY_BATCH ? n : HASH_MANY_BATCH;
        many_batch(h, &ictx, &octx, in, inlen, b, inner, tag);
        for (i = 0; i < b; i++) {
            copy_short(out + i * outlen, tag + i * h->digest_size, outlen);
        }
        used = b > used ? b : used;
    }
    hmac_memzero(&ictx, h->ctx_size);
    hmac_memzero(&octx, h->ctx_size);
    hmac_memzero(inner, used * h->digest_size);
    hmac_memzero(tag, used * h->digest_size);
}

int hmac_generic_verify_many(const hmac_hash *h, int *result,
                             const uint8_t *tags, size_t taglen,
                             const uint8_t *const in[], const size_t inlen[],
                             size_t n, const uint8_t *key, size_t keylen)
{
    any_hash_state ictx, octx;
    uint8_t inner[HASH_MANY_BATCH * HMAC_MAX_DIGEST];
    uint8_t tag[HASH_MANY_BATCH * HMAC_MAX_DIGEST];
    size_t b, i, used = 0;
    int r, all = 0;

    if (n == 1) {
        r = hmac_generic_verify(h, tags, taglen, in[0], inlen[0], key, keylen);
        if (result != NULL) {
            result[0] = r;
        }
        return r;
    }
    hmac_generic_init(h, &ictx, &octx, key, keylen);
    for (; n > 0; in += b, inlen += b, tags += b * taglen, n -= b) {
        b = n < HASH_MANY_BATCH ? n : HASH_MANY_BATCH;
        many_batch(h, &ictx, &octx, in, inlen, b, inner, tag);
        /* Every tag is compared whole, whatever the others gave. */
        for (i = 0; i < b; i++) {
            r = hmac_ct_verify(tags + i * taglen, tag + i * h->digest_size,
                               taglen);
            all |= r;
            if (result != NULL) {
                result[i] = r;
            }
        }
        if (result != NULL) {
            result += b;
        }
        used = b > used ? b : used;
    }
    hmac_memzero(&ictx, h->ctx_size);
    hmac_memzero(&octx, h->ctx_size);
    hmac_memzero(inner, used * h->digest_size);
    hmac_memzero(tag, used * h->digest_size);
    return all;
}

void hmac_generic_final_many(const hmac_hash *h, void *const ictx[],
                             void *const octx[], uint8_t *out,
                             size_t outlen, size_t n)
{
    uint8_t inner[HASH_MANY_BATCH * HMAC_MAX_DIGEST];
    uint8_t tag[HASH_MANY_BATCH * HMAC_MAX_DIGEST];
    const uint8_t *ptr[HASH_MANY_BATCH];
    size_t len[HASH_MANY_BATCH];
    size_t b, i, used = 0;

    if (n == 1) {
        hmac_generic_final(h, ictx[0], octx[0], out, outlen);
        return;
    }
    for (; n > 0; ictx += b, octx += b, out += b * outlen, n -= b) {
        b = n < HASH_MANY_BATCH ? n : HASH_MANY_BATCH;
        hash_many_final(h, ictx, inner, b);
        for (i = 0; i < b; i++) {
            ptr[i] = inner + i * h->digest_size;
            len[i] = h->digest_size;
        }
        /* The outer states hold one whole block: the digest only goes to
         * their buffers, and one padded block each is left to run. */
        hash_many_update(h, octx, ptr, len, b);
        hash_many_final(h, octx, tag, b);
        for (i = 0; i < b; i++) {
            memcpy(out + i * outlen, tag + i * h->digest_size, outlen);
        }
        used = b > used ? b : used;
    }
    hmac_memzero(inner, used * h->digest_size);
    hmac_memzero(tag, used * h->digest_size);
}
