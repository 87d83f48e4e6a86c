/*
 * fuzz_common.c - input parsing and the per-algorithm switch shared by the
 * fuzz targets (see fuzz_common.h).
 */
#include "fuzz_common.h"

#include <string.h>

const char *fz_current = "-";

/* In enum order (fuzz_common.h). */
const char *const fz_hmac_names[FZ_NHMACS] = {
    "HMAC-SHA-256", "HMAC-SHA-512", "HMAC-SHA-512-256", "HMAC-SHA-224",
    "HMAC-SHA-384"};
const char *const fz_hash_names[FZ_NHASHES] = {"SHA-256", "SHA-512", "SHA-224",
                                               "SHA-384"};

static uint8_t byte_at(const uint8_t *data, size_t size, size_t i)
{
    return i < size ? data[i] : 0;
}

void fz_parse(fz_input *in, const uint8_t *data, size_t size)
{
    size_t pos = 4, take;

    in->keylen = (size_t)(byte_at(data, size, 0) |
                          (byte_at(data, size, 1) << 8)) % (FZ_MAX_KEY + 1);
    in->nchunks = byte_at(data, size, 2) % (FZ_MAX_CHUNKS + 1);
    in->flip = byte_at(data, size, 3);

    /* Each field takes what is left when the input is short. */
    take = size > pos ? size - pos : 0;
    in->nchunks = in->nchunks < take ? in->nchunks : take;
    in->chunks = data + (size > pos ? pos : size);
    pos += in->nchunks;

    take = size > pos ? size - pos : 0;
    in->keylen = in->keylen < take ? in->keylen : take;
    in->key = data + (size > pos ? pos : size);
    pos += in->keylen;

    in->msg = data + (size > pos ? pos : size);
    in->msglen = size > pos ? size - pos : 0;
}

/* Small sizes byte by byte; the top 64 values are whole numbers of
 * 64-byte blocks (64..4096), so chunks can land on block boundaries. */
static size_t chunk_len(const fz_input *in, size_t i)
{
    unsigned c = in->chunks[i];

    return c < 192 ? c : (size_t)(c - 191) * 64;
}

void fz_key32(const fz_input *in, uint8_t key32[32])
{
    memset(key32, 0, 32);
    memcpy(key32, in->key, in->keylen < 32 ? in->keylen : 32);
}

/* The switches list every value without a default, so -Wswitch also
 * points at any algorithm added to the enums but not to a switch. */
void fz_bad_alg(const char *fn, int v)
{
    fprintf(stderr, "%s: unknown algorithm %d\n", fn, v);
    abort();
}

size_t fz_tag_bytes(fz_hmac a)
{
    switch (a) {
    case FZ_HMACSHA256: return crypto_auth_hmacsha256_BYTES;
    case FZ_HMACSHA512: return crypto_auth_hmacsha512_BYTES;
    case FZ_HMACSHA512256: return crypto_auth_hmacsha512256_BYTES;
    case FZ_HMACSHA224: return crypto_auth_hmacsha224_BYTES;
    case FZ_HMACSHA384: return crypto_auth_hmacsha384_BYTES;
    case FZ_NHMACS: break;
    }
    fz_bad_alg("fz_tag_bytes", (int)a);
    return 0;
}

size_t fz_digest_bytes(fz_hash h)
{
    switch (h) {
    case FZ_SHA256: return crypto_hash_sha256_BYTES;
    case FZ_SHA512: return crypto_hash_sha512_BYTES;
    case FZ_SHA224: return crypto_hash_sha224_BYTES;
    case FZ_SHA384: return crypto_hash_sha384_BYTES;
    case FZ_NHASHES: break;
    }
    fz_bad_alg("fz_digest_bytes", (int)h);
    return 0;
}

size_t fz_block_bytes(fz_hash h)
{
    switch (h) {
    case FZ_SHA224:
    case FZ_SHA256: return 64;
    case FZ_SHA384:
    case FZ_SHA512: return 128;
    case FZ_NHASHES: break;
    }
    fz_bad_alg("fz_block_bytes", (int)h);
    return 0;
}

fz_hash fz_hmac_hash(fz_hmac a)
{
    switch (a) {
    case FZ_HMACSHA256: return FZ_SHA256;
    case FZ_HMACSHA512:
    case FZ_HMACSHA512256: return FZ_SHA512; /* truncated HMAC-SHA-512 */
    case FZ_HMACSHA224: return FZ_SHA224;
    case FZ_HMACSHA384: return FZ_SHA384;
    case FZ_NHMACS: break;
    }
    fz_bad_alg("fz_hmac_hash", (int)a);
    return FZ_NHASHES;
}

int fz_hmac_oneshot(fz_hmac a, uint8_t *out, const uint8_t *in, size_t len,
                    const uint8_t *key32)
{
    switch (a) {
    case FZ_HMACSHA256: return crypto_auth_hmacsha256(out, in, len, key32);
    case FZ_HMACSHA512: return crypto_auth_hmacsha512(out, in, len, key32);
    case FZ_HMACSHA512256: return crypto_auth_hmacsha512256(out, in, len, key32);
    case FZ_HMACSHA224: return crypto_auth_hmacsha224(out, in, len, key32);
    case FZ_HMACSHA384: return crypto_auth_hmacsha384(out, in, len, key32);
    case FZ_NHMACS: break;
    }
    fz_bad_alg("fz_hmac_oneshot", (int)a);
    return -1;
}

int fz_hmac_verify(fz_hmac a, const uint8_t *tag, const uint8_t *in,
                   size_t len, const uint8_t *key32)
{
    switch (a) {
    case FZ_HMACSHA256:
        return crypto_auth_hmacsha256_verify(tag, in, len, key32);
    case FZ_HMACSHA512:
        return crypto_auth_hmacsha512_verify(tag, in, len, key32);
    case FZ_HMACSHA512256:
        return crypto_auth_hmacsha512256_verify(tag, in, len, key32);
    case FZ_HMACSHA224:
        return crypto_auth_hmacsha224_verify(tag, in, len, key32);
    case FZ_HMACSHA384:
        return crypto_auth_hmacsha384_verify(tag, in, len, key32);
    case FZ_NHMACS: break;
    }
    fz_bad_alg("fz_hmac_verify", (int)a);
    return -1;
}

int fz_hmac_init(fz_hmac a, fz_state *s, const uint8_t *key, size_t keylen)
{
    switch (a) {
    case FZ_HMACSHA256: return crypto_auth_hmacsha256_init(&s->h256, key, keylen);
    case FZ_HMACSHA512: return crypto_auth_hmacsha512_init(&s->h512, key, keylen);
    case FZ_HMACSHA512256:
        return crypto_auth_hmacsha512256_init(&s->h512, key, keylen);
    case FZ_HMACSHA224: return crypto_auth_hmacsha224_init(&s->h224, key, keylen);
    case FZ_HMACSHA384: return crypto_auth_hmacsha384_init(&s->h384, key, keylen);
    case FZ_NHMACS: break;
    }
    fz_bad_alg("fz_hmac_init", (int)a);
    return -1;
}

int fz_hmac_update(fz_hmac a, fz_state *s, const uint8_t *in, size_t len)
{
    switch (a) {
    case FZ_HMACSHA256: return crypto_auth_hmacsha256_update(&s->h256, in, len);
    case FZ_HMACSHA512: return crypto_auth_hmacsha512_update(&s->h512, in, len);
    case FZ_HMACSHA512256:
        return crypto_auth_hmacsha512256_update(&s->h512, in, len);
    case FZ_HMACSHA224: return crypto_auth_hmacsha224_update(&s->h224, in, len);
    case FZ_HMACSHA384: return crypto_auth_hmacsha384_update(&s->h384, in, len);
    case FZ_NHMACS: break;
    }
    fz_bad_alg("fz_hmac_update", (int)a);
    return -1;
}

int fz_hmac_final(fz_hmac a, fz_state *s, uint8_t *out)
{
    switch (a) {
    case FZ_HMACSHA256: return crypto_auth_hmacsha256_final(&s->h256, out);
    case FZ_HMACSHA512: return crypto_auth_hmacsha512_final(&s->h512, out);
    case FZ_HMACSHA512256: return crypto_auth_hmacsha512256_final(&s->h512, out);
    case FZ_HMACSHA224: return crypto_auth_hmacsha224_final(&s->h224, out);
    case FZ_HMACSHA384: return crypto_auth_hmacsha384_final(&s->h384, out);
    case FZ_NHMACS: break;
    }
    fz_bad_alg("fz_hmac_final", (int)a);
    return -1;
}

int fz_hash_oneshot(fz_hash h, uint8_t *out, const uint8_t *in, size_t len)
{
    switch (h) {
    case FZ_SHA256: return crypto_hash_sha256(out, in, len);
    case FZ_SHA512: return crypto_hash_sha512(out, in, len);
    case FZ_SHA224: return crypto_hash_sha224(out, in, len);
    case FZ_SHA384: return crypto_hash_sha384(out, in, len);
    case FZ_NHASHES: break;
    }
    fz_bad_alg("fz_hash_oneshot", (int)h);
    return -1;
}

int fz_hash_init(fz_hash h, fz_state *s)
{
    switch (h) {
    case FZ_SHA256: return crypto_hash_sha256_init(&s->s256);
    case FZ_SHA512: return crypto_hash_sha512_init(&s->s512);
    case FZ_SHA224: return crypto_hash_sha224_init(&s->s224);
    case FZ_SHA384: return crypto_hash_sha384_init(&s->s384);
    case FZ_NHASHES: break;
    }
    fz_bad_alg("fz_hash_init", (int)h);
    return -1;
}

int fz_hash_update(fz_hash h, fz_state *s, const uint8_t *in, size_t len)
{
    switch (h) {
    case FZ_SHA256: return crypto_hash_sha256_update(&s->s256, in, len);
    case FZ_SHA512: return crypto_hash_sha512_update(&s->s512, in, len);
    case FZ_SHA224: return crypto_hash_sha224_update(&s->s224, in, len);
    case FZ_SHA384: return crypto_hash_sha384_update(&s->s384, in, len);
    case FZ_NHASHES: break;
    }
    fz_bad_alg("fz_hash_update", (int)h);
    return -1;
}

int fz_hash_final(fz_hash h, fz_state *s, uint8_t *out)
{
    switch (h) {
    case FZ_SHA256: return crypto_hash_sha256_final(&s->s256, out);
    case FZ_SHA512: return crypto_hash_sha512_final(&s->s512, out);
    case FZ_SHA224: return crypto_hash_sha224_final(&s->s224, out);
    case FZ_SHA384: return crypto_hash_sha384_final(&s->s384, out);
    case FZ_NHASHES: break;
    }
    fz_bad_alg("fz_hash_final", (int)h);
    return -1;
}

/* Calls update on each piece of the message, as the chunks say (chunk
 * i % nchunks for piece i). If a whole cycle through the chunk list moved
 * nothing (all zeros), the rest of the message goes in one update. */
static void feed(int is_hmac, int alg, fz_state *s, const fz_input *in)
{
    size_t off = 0, i = 0, moved = 0;

    do {
        const uint8_t *p = in->msg + off;
        size_t n = in->msglen - off;
        int rc;

        if (in->nchunks > 0) {
            if (i == in->nchunks && moved > 0) {
                i = 0;
                moved = 0;
            }
            if (i < in->nchunks) {
                size_t c = chunk_len(in, i++);
                n = c < n ? c : n;
                moved += n;
            }
        }
        rc = is_hmac ? fz_hmac_update((fz_hmac)alg, s, p, n)
                     : fz_hash_update((fz_hash)alg, s, p, n);
        FZ_CHECK(rc == 0);
        off += n;
    } while (off < in->msglen);
}

void fz_hmac_feed(fz_hmac a, fz_state *s, const fz_input *in)
{
    feed(1, (int)a, s, in);
}

void fz_hash_feed(fz_hash h, fz_state *s, const fz_input *in)
{
    feed(0, (int)h, s, in);
}

void fz_hmac_stream(fz_hmac a, const fz_input *in, uint8_t *tag)
{
    fz_state st;

    FZ_CHECK(fz_hmac_init(a, &st, in->key, in->keylen) == 0);
    fz_hmac_feed(a, &st, in);
    FZ_CHECK(fz_hmac_final(a, &st, tag) == 0);
}
