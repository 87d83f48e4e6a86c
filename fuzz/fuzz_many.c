/*
 * fuzz_many.c - the many-messages-per-call API (many.h) against the
 * single-message functions, for a fuzzer-chosen family, backend mask
 * (hmac_cpu_force), number of messages (0..40), message lengths and
 * offsets (any alignment), keys (one shared key or one per stream) and
 * chunkings of the streams. Must hold, for every HMAC family P:
 *   hmac_auth_P_many       = crypto_auth_P over each message (32-byte key)
 *   hmac_auth_P_verify_many = crypto_auth_P_verify over each tag, with one
 *                            tag's bit flipped when the input asks; the
 *                            return value is 0 exactly when all verify
 *   _update_many rounds + _final_many = init/update/final of each stream
 *                            (a stream may get 0 bytes or sit out a round)
 * and for every hash H: hmac_hash_H_many = crypto_hash_H over each. The
 * references run on the portable cores (hmac_cpu_force(0)), the _many
 * calls under the fuzzer's mask, so the lane kernels are held to the
 * portable single-message code.
 *
 * Input layout (missing bytes read as zero):
 *   [0] family: % 9 (the five HMACs, then the four hashes)
 *   [1] backend mask: & HMAC_CPU_ALL
 *   [2] number of messages n: % 41
 *   [3] flags: bit 0 one key per stream (else copies of one keyed
 *       state); bit 1 flip a bit of one tag before verify_many
 *   [4] which tag and bit to flip
 *   [5..6] shared stream key length % 200
 *   then 5 bytes per message: length (2 bytes, % 4097), offset into the
 *       pool (2 bytes), chunk byte (the stream's update sizes, and its key
 *       length % 200 with one key per stream)
 *   the rest tiles a 64 KiB pool that messages and keys are cut from.
 */
#include <string.h>

#include "fuzz_common.h"
#include "internal.h" /* hmac_cpu_force: test hook of the static library */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_N 40
#define MAX_LEN 4096
#define POOL (64u * 1024u)
#define HEADER 7
#define PER_MSG 5

typedef struct {
    int family;       /* 0..4: fz_hmac; 5..8: fz_hash + 5 */
    unsigned mask;
    size_t n;
    int per_key, flip;
    unsigned flip_at;
    size_t keylen;
    const uint8_t *msg[MAX_N];
    size_t len[MAX_N];
    unsigned chunk[MAX_N];
} many_input;

static uint8_t pool[POOL];

static uint8_t byte_at(const uint8_t *d, size_t size, size_t i)
{
    return i < size ? d[i] : 0;
}

static void parse(many_input *in, const uint8_t *d, size_t size)
{
    size_t i, off, rest = size > HEADER + MAX_N * PER_MSG
                              ? size - (HEADER + MAX_N * PER_MSG) : 0;
    const uint8_t *tail = d + (size - rest);

    in->family = byte_at(d, size, 0) % (FZ_NHMACS + FZ_NHASHES);
    in->mask = byte_at(d, size, 1) & HMAC_CPU_ALL;
    in->n = byte_at(d, size, 2) % (MAX_N + 1);
    in->per_key = byte_at(d, size, 3) & 1;
    in->flip = (byte_at(d, size, 3) >> 1) & 1;
    in->flip_at = byte_at(d, size, 4);
    in->keylen = (size_t)(byte_at(d, size, 5) | byte_at(d, size, 6) << 8) % 200;
    /* The pool: whatever follows the fixed fields, repeated; a pattern
     * when nothing does. */
    for (i = 0; i < POOL; i++) {
        pool[i] = rest ? tail[i % rest] : (uint8_t)(i * 31 + 7);
    }
    for (i = 0; i < in->n; i++) {
        size_t p = HEADER + i * PER_MSG;
        in->len[i] = (size_t)(byte_at(d, size, p) | byte_at(d, size, p + 1) << 8) %
                     (MAX_LEN + 1);
        off = (size_t)(byte_at(d, size, p + 2) | byte_at(d, size, p + 3) << 8) %
              (POOL - MAX_LEN);
        in->chunk[i] = byte_at(d, size, p + 4);
        /* A NULL message of length 0 is allowed; the fuzzer picks it by
         * an offset of 0. */
        in->msg[i] = in->len[i] == 0 && off == 0 ? NULL : pool + off;
    }
}

/* ---- the _many calls, per family (typed state arrays built here) ---- */

#define STATES(member, type)                                                 \
    type *t[MAX_N];                                                          \
    size_t i;                                                                \
    for (i = 0; i < n; i++) {                                                \
        t[i] = &s[i]->member;                                                \
    }

static int auth_many(fz_hmac a, uint8_t *out, const uint8_t *const m[],
                     const size_t len[], size_t n, const uint8_t *k)
{
    switch (a) {
    case FZ_HMACSHA256: return hmac_auth_hmacsha256_many(out, m, len, n, k);
    case FZ_HMACSHA512: return hmac_auth_hmacsha512_many(out, m, len, n, k);
    case FZ_HMACSHA512256: return hmac_auth_hmacsha512256_many(out, m, len, n, k);
    case FZ_HMACSHA224: return hmac_auth_hmacsha224_many(out, m, len, n, k);
    case FZ_HMACSHA384: return hmac_auth_hmacsha384_many(out, m, len, n, k);
    case FZ_NHMACS: break;
    }
    fz_bad_alg("auth_many", (int)a);
    return -1;
}

static int verify_many(fz_hmac a, int *res, const uint8_t *tags,
                       const uint8_t *const m[], const size_t len[], size_t n,
                       const uint8_t *k)
{
    switch (a) {
    case FZ_HMACSHA256:
        return hmac_auth_hmacsha256_verify_many(res, tags, m, len, n, k);
    case FZ_HMACSHA512:
        return hmac_auth_hmacsha512_verify_many(res, tags, m, len, n, k);
    case FZ_HMACSHA512256:
        return hmac_auth_hmacsha512256_verify_many(res, tags, m, len, n, k);
    case FZ_HMACSHA224:
        return hmac_auth_hmacsha224_verify_many(res, tags, m, len, n, k);
    case FZ_HMACSHA384:
        return hmac_auth_hmacsha384_verify_many(res, tags, m, len, n, k);
    case FZ_NHMACS: break;
    }
    fz_bad_alg("verify_many", (int)a);
    return -1;
}

static int update_many(fz_hmac a, fz_state *const s[], const uint8_t *const m[],
                       const size_t len[], size_t n)
{
    switch (a) {
    case FZ_HMACSHA256: {
        STATES(h256, crypto_auth_hmacsha256_state)
        return hmac_auth_hmacsha256_update_many(t, m, len, n);
    }
    case FZ_HMACSHA512: {
        STATES(h512, crypto_auth_hmacsha512_state)
        return hmac_auth_hmacsha512_update_many(t, m, len, n);
    }
    case FZ_HMACSHA512256: {
        STATES(h512, crypto_auth_hmacsha512256_state)
        return hmac_auth_hmacsha512256_update_many(t, m, len, n);
    }
    case FZ_HMACSHA224: {
        STATES(h224, crypto_auth_hmacsha224_state)
        return hmac_auth_hmacsha224_update_many(t, m, len, n);
    }
    case FZ_HMACSHA384: {
        STATES(h384, crypto_auth_hmacsha384_state)
        return hmac_auth_hmacsha384_update_many(t, m, len, n);
    }
    case FZ_NHMACS: break;
    }
    fz_bad_alg("update_many", (int)a);
    return -1;
}

static int final_many(fz_hmac a, fz_state *const s[], uint8_t *out, size_t n)
{
    switch (a) {
    case FZ_HMACSHA256: {
        STATES(h256, crypto_auth_hmacsha256_state)
        return hmac_auth_hmacsha256_final_many(t, out, n);
    }
    case FZ_HMACSHA512: {
        STATES(h512, crypto_auth_hmacsha512_state)
        return hmac_auth_hmacsha512_final_many(t, out, n);
    }
    case FZ_HMACSHA512256: {
        STATES(h512, crypto_auth_hmacsha512256_state)
        return hmac_auth_hmacsha512256_final_many(t, out, n);
    }
    case FZ_HMACSHA224: {
        STATES(h224, crypto_auth_hmacsha224_state)
        return hmac_auth_hmacsha224_final_many(t, out, n);
    }
    case FZ_HMACSHA384: {
        STATES(h384, crypto_auth_hmacsha384_state)
        return hmac_auth_hmacsha384_final_many(t, out, n);
    }
    case FZ_NHMACS: break;
    }
    fz_bad_alg("final_many", (int)a);
    return -1;
}

static int hash_many(fz_hash h, uint8_t *out, const uint8_t *const m[],
                     const size_t len[], size_t n)
{
    switch (h) {
    case FZ_SHA256: return hmac_hash_sha256_many(out, m, len, n);
    case FZ_SHA512: return hmac_hash_sha512_many(out, m, len, n);
    case FZ_SHA224: return hmac_hash_sha224_many(out, m, len, n);
    case FZ_SHA384: return hmac_hash_sha384_many(out, m, len, n);
    case FZ_NHASHES: break;
    }
    fz_bad_alg("hash_many", (int)h);
    return -1;
}

/* ---- the checks ---- */

static uint8_t want[MAX_N * FZ_MAX_TAG], got[MAX_N * FZ_MAX_TAG];

/* Stream i's key: the shared one, or its own (length from its chunk byte)
 * cut from the pool's end. */
static const uint8_t *stream_key(const many_input *in, size_t i, size_t *klen)
{
    *klen = in->per_key ? in->chunk[i] % 200 : in->keylen;
    return pool + POOL - 200 - (in->per_key ? i : 0);
}

/* Update size of stream i in round r: varies with both, 0 now and then,
 * whole blocks when the chunk byte's top bit is set. */
static size_t round_len(const many_input *in, size_t i, size_t r)
{
    unsigned c = in->chunk[i];
    size_t v = (size_t)(c & 0x7f) * (r + 1) % 131;

    return c & 0x80 ? v % 5 * 64 : v;
}

static void check_streams(fz_hmac a, const many_input *in)
{
    static fz_state st[MAX_N], keyed;
    fz_state *p[MAX_N];
    const uint8_t *m[MAX_N];
    size_t len[MAX_N], done[MAX_N], i, k, r, klen, bytes = fz_tag_bytes(a);
    const uint8_t *key;
    int left;

    /* References: each stream alone, on the portable cores. */
    hmac_cpu_force(0);
    for (i = 0; i < in->n; i++) {
        key = stream_key(in, i, &klen);
        FZ_CHECK(fz_hmac_init(a, &st[i], key, klen) == 0);
        FZ_CHECK(fz_hmac_update(a, &st[i], in->msg[i], in->len[i]) == 0);
        FZ_CHECK(fz_hmac_final(a, &st[i], want + i * bytes) == 0);
    }
    hmac_cpu_force(in->mask);
    key = stream_key(in, 0, &klen);
    FZ_CHECK(fz_hmac_init(a, &keyed, key, klen) == 0);
    for (i = 0; i < in->n; i++) {
        if (in->per_key) {
            key = stream_key(in, i, &klen);
            FZ_CHECK(fz_hmac_init(a, &st[i], key, klen) == 0);
        } else {
            st[i] = keyed;
        }
        done[i] = 0;
    }
    /* Rounds of _update_many: every stream with data left takes its next
     * piece (possibly empty; after round 6 at least one byte, so the loop
     * ends); in the first rounds a third of them sit out, and in round 0
     * streams already complete take an empty NULL update. */
    for (r = 0, left = 1; left; r++) {
        left = 0;
        for (i = 0, k = 0; i < in->n; i++) {
            size_t take = round_len(in, i, r);
            if (done[i] == in->len[i]) {
                if (r == 0) {
                    p[k] = &st[i];
                    m[k] = NULL;
                    len[k++] = 0;
                }
                continue;
            }
            left = 1;
            if (r < 6 && r % 3 == i % 3) {
                continue;
            }
            if (take == 0 && r >= 6) {
                take = 97;
            }
            if (take > in->len[i] - done[i]) {
                take = in->len[i] - done[i];
            }
            p[k] = &st[i];
            m[k] = in->msg[i] + done[i];
            len[k++] = take;
            done[i] += take;
        }
        FZ_CHECK(update_many(a, p, m, len, k) == 0);
    }
    for (i = 0; i < in->n; i++) {
        p[i] = &st[i];
    }
    memset(got, 0, sizeof got);
    FZ_CHECK(final_many(a, p, got, in->n) == 0);
    FZ_CHECK(memcmp(want, got, in->n * bytes) == 0);
}

static void check_hmac(fz_hmac a, const many_input *in)
{
    int res[MAX_N];
    uint8_t key32[32];
    size_t i, bytes = fz_tag_bytes(a), bad = 0;
    int all;

    memcpy(key32, pool + POOL - 32, 32);
    hmac_cpu_force(0);
    for (i = 0; i < in->n; i++) {
        FZ_CHECK(fz_hmac_oneshot(a, want + i * bytes, in->msg[i], in->len[i],
                                 key32) == 0);
    }
    hmac_cpu_force(in->mask);
    memset(got, 0, sizeof got);
    FZ_CHECK(auth_many(a, got, in->msg, in->len, in->n, key32) == 0);
    FZ_CHECK(memcmp(want, got, in->n * bytes) == 0);

    if (in->flip && in->n > 0) {
        bad = in->flip_at % in->n;
        got[bad * bytes + in->flip_at % (bytes * 8) / 8] ^=
            (uint8_t)(1u << (in->flip_at % 8));
    }
    all = verify_many(a, res, got, in->msg, in->len, in->n, key32);
    hmac_cpu_force(0);
    for (i = 0; i < in->n; i++) {
        FZ_CHECK(res[i] == fz_hmac_verify(a, got + i * bytes, in->msg[i],
                                          in->len[i], key32));
    }
    FZ_CHECK(all == (in->flip && in->n > 0 ? -1 : 0));
    check_streams(a, in);
}

static void check_hash(fz_hash h, const many_input *in)
{
    size_t i, bytes = fz_digest_bytes(h);

    hmac_cpu_force(0);
    for (i = 0; i < in->n; i++) {
        FZ_CHECK(fz_hash_oneshot(h, want + i * bytes, in->msg[i], in->len[i]) == 0);
    }
    hmac_cpu_force(in->mask);
    memset(got, 0, sizeof got);
    FZ_CHECK(hash_many(h, got, in->msg, in->len, in->n) == 0);
    FZ_CHECK(memcmp(want, got, in->n * bytes) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static many_input in;

    parse(&in, data, size);
    if (in.family < FZ_NHMACS) {
        fz_current = fz_hmac_names[in.family];
        check_hmac((fz_hmac)in.family, &in);
    } else {
        fz_current = fz_hash_names[in.family - FZ_NHMACS];
        check_hash((fz_hash)(in.family - FZ_NHMACS), &in);
    }
    hmac_cpu_force(HMAC_CPU_ALL);
    return 0;
}
