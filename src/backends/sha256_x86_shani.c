/*
 * sha256_x86_shani.c - SHA-256 compression with the x86 SHA extensions
 * (SHA-NI: SHA256RNDS2, SHA256MSG1, SHA256MSG2), following the technique
 * of Intel's "Intel SHA Extensions" white paper (Gulley et al., 2013),
 * and a one-shot HMAC-SHA-256 that keeps every chaining value in
 * registers from the key to the tag.
 *
 * Compiled with -msha -mssse3 -msse4.1 (nothing on MSVC); cpu.c calls it
 * only when CPUID reports SHA, SSSE3 and SSE4.1.
 *
 * CT: SHA-NI instructions, vector additions and fixed shuffles only; the
 * round constants are loaded in a fixed order. Nothing branches on or
 * indexes by the message or the chaining value.
 */
#include <string.h>

#include "hmac/utils.h"
#include "internal.h"
#include "sha2_constants.h"

#if defined(_MSC_VER) && !defined(__clang__)
#  include <intrin.h>
#else
#  include <immintrin.h>
#endif


/* Four rounds on message words m (W[i..i+3]). SHA256RNDS2 does two rounds
 * with the low two words of its third operand and returns the new
 * (A,B,E,F); the old (A,B,E,F) becomes the new (C,D,G,H). Two calls with
 * the operands swapped therefore leave abef/cdgh in their roles. */
#define ROUNDS4(m, i)                                                        \
    do {                                                                     \
        __m128i wk_ = _mm_add_epi32(                                         \
            (m), _mm_loadu_si128((const __m128i *)(const void *)&K256[i]));  \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk_);                       \
        abef = _mm_sha256rnds2_epu32(abef, cdgh,                             \
                                     _mm_shuffle_epi32(wk_, 0x0e));          \
    } while (0)

/* W[i..i+3] from w16 = W[i-16..i-13], w12 = W[i-12..i-9],
 * w8 = W[i-8..i-5], w4 = W[i-4..i-1], written over w16. MSG1 adds
 * sigma0(W[i-15..i-12]); the W[i-7..i-4] term is the 4-byte window
 * across w8:w4; MSG2 adds sigma1, resolving the dependency of W[i+2..i+3]
 * on W[i..i+1] itself. */
#define SCHEDULE(w16, w12, w8, w4)                                           \
    ((w16) = _mm_sha256msg2_epu32(                                           \
         _mm_add_epi32(_mm_sha256msg1_epu32((w16), (w12)),                   \
                       _mm_alignr_epi8((w4), (w8), 4)),                      \
         (w4)))

/* Sixteen rounds that also extend the schedule by sixteen words. */
#define ROUNDS16_SCHEDULE(i)                                                 \
    do {                                                                     \
        SCHEDULE(m0, m1, m2, m3); ROUNDS4(m0, (i) + 0);                      \
        SCHEDULE(m1, m2, m3, m0); ROUNDS4(m1, (i) + 4);                      \
        SCHEDULE(m2, m3, m0, m1); ROUNDS4(m2, (i) + 8);                      \
        SCHEDULE(m3, m0, m1, m2); ROUNDS4(m3, (i) + 12);                     \
    } while (0)

/* Always inlined: the callers keep their chaining values in registers. */
#if defined(__GNUC__) || defined(__clang__)
#  define SHANI_INLINE __attribute__((always_inline)) static inline
#else
#  define SHANI_INLINE static inline
#endif

/* One block, message words m0..m3 (W[0..15], host order), into the
 * chaining value (abef, cdgh). */
SHANI_INLINE void shani_block(__m128i *abef_io, __m128i *cdgh_io,
                              __m128i m0, __m128i m1, __m128i m2, __m128i m3)
{
    __m128i abef = *abef_io, cdgh = *cdgh_io;

    ROUNDS4(m0, 0);
    ROUNDS4(m1, 4);
    ROUNDS4(m2, 8);
    ROUNDS4(m3, 12);
    ROUNDS16_SCHEDULE(16);
    ROUNDS16_SCHEDULE(32);
    ROUNDS16_SCHEDULE(48);
    *abef_io = _mm_add_epi32(abef, *abef_io);
    *cdgh_io = _mm_add_epi32(cdgh, *cdgh_io);
}

/* Sixteen big-endian message words from p, in host order. */
static inline __m128i load_words(const uint8_t *p)
{
    /* Reverses the bytes of each 32-bit lane. */
    const __m128i bswap = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6,
                                       7, 0, 1, 2, 3);

    return _mm_shuffle_epi8(
        _mm_loadu_si128((const __m128i *)(const void *)p), bswap);
}

static inline void shani_block_at(__m128i *abef, __m128i *cdgh,
                                  const uint8_t *p)
{
    shani_block(abef, cdgh, load_words(p), load_words(p + 16),
                load_words(p + 32), load_words(p + 48));
}

/* state[0..7] (A..H) to the lanes the instructions want (lane 0 first):
 * F,E,B,A and H,G,D,C. */
static inline void to_shani(const uint32_t state[8], __m128i *abef,
                            __m128i *cdgh)
{
    __m128i t0 = _mm_loadu_si128((const __m128i *)(const void *)&state[0]);
    __m128i t1 = _mm_loadu_si128((const __m128i *)(const void *)&state[4]);

    t0 = _mm_shuffle_epi32(t0, 0xb1);       /* BADC */
    t1 = _mm_shuffle_epi32(t1, 0x1b);       /* HGFE */
    *abef = _mm_alignr_epi8(t0, t1, 8);     /* FEBA */
    *cdgh = _mm_blend_epi16(t1, t0, 0xf0);  /* HGDC */
}

/* Back to A,B,C,D and E,F,G,H. */
static inline void from_shani(__m128i abef, __m128i cdgh, __m128i *abcd,
                              __m128i *efgh)
{
    __m128i t0 = _mm_shuffle_epi32(abef, 0x1b);  /* ABEF */
    __m128i t1 = _mm_shuffle_epi32(cdgh, 0xb1);  /* GHCD */

    *abcd = _mm_blend_epi16(t0, t1, 0xf0);
    *efgh = _mm_alignr_epi8(t1, t0, 8);
}

/* Writes the chaining value (abef, cdgh) back to state[0..7]. */
static inline void store_chain(uint32_t state[8], __m128i abef, __m128i cdgh)
{
    __m128i abcd, efgh;

    from_shani(abef, cdgh, &abcd, &efgh);
    _mm_storeu_si128((__m128i *)(void *)&state[0], abcd);
    _mm_storeu_si128((__m128i *)(void *)&state[4], efgh);
}

void sha256_compress_shani(uint32_t state[8], const uint8_t *blocks,
                           size_t nblocks)
{
    __m128i abef, cdgh;

    to_shani(state, &abef, &cdgh);
    while (nblocks-- > 0) {
        shani_block_at(&abef, &cdgh, blocks);
        blocks += 64;
    }
    store_chain(state, abef, cdgh);
    /* The message words lived in registers only: nothing on the stack to
     * wipe (the compiler has sixteen XMM registers for these ten values). */
}

/* Zeroes n vectors of the stack. Inline stores and a compiler barrier
 * (which keeps them from being dropped as dead) instead of a call to
 * hmac_memzero: a lane kernel call can be a single block, and the call
 * with its memset cost about 3 ns of a 40 ns block. */
static inline void wipe_vectors(__m128i *v, size_t n)
{
#if defined(__GNUC__) || defined(__clang__)
    size_t i;

    for (i = 0; i < n; i++) {
        _mm_storeu_si128(&v[i], _mm_setzero_si128());
    }
    __asm__ __volatile__("" : : "r"(v) : "memory");
#else
    hmac_memzero(v, n * sizeof *v);
#endif
}

/* ---- two streams interleaved (the lane kernel) ----------------------------
 * One SHA256RNDS2 chain is latency bound: each double round waits for the
 * previous one. Two independent blocks, their instructions alternating,
 * fill the gaps (the idea of Linux's sha256_finup_2x). Stream 0 is in
 * a0/c0 with words p0..p3, stream 1 in a1/c1 with q0..q3. */
#define ROUNDS4_X2(p, q, i)                                                  \
    do {                                                                     \
        const __m128i k_ =                                                   \
            _mm_loadu_si128((const __m128i *)(const void *)&K256[i]);        \
        __m128i w0_ = _mm_add_epi32((p), k_), w1_ = _mm_add_epi32((q), k_);  \
        c0 = _mm_sha256rnds2_epu32(c0, a0, w0_);                             \
        c1 = _mm_sha256rnds2_epu32(c1, a1, w1_);                             \
        w0_ = _mm_shuffle_epi32(w0_, 0x0e);                                  \
        w1_ = _mm_shuffle_epi32(w1_, 0x0e);                                  \
        a0 = _mm_sha256rnds2_epu32(a0, c0, w0_);                             \
        a1 = _mm_sha256rnds2_epu32(a1, c1, w1_);                             \
    } while (0)

#define SCHEDULE_X2(p16, p12, p8, p4, q16, q12, q8, q4)                      \
    do {                                                                     \
        SCHEDULE(p16, p12, p8, p4);                                          \
        SCHEDULE(q16, q12, q8, q4);                                          \
    } while (0)

#define ROUNDS16_SCHEDULE_X2(i)                                              \
    do {                                                                     \
        SCHEDULE_X2(p0, p1, p2, p3, q0, q1, q2, q3);                         \
        ROUNDS4_X2(p0, q0, (i) + 0);                                         \
        SCHEDULE_X2(p1, p2, p3, p0, q1, q2, q3, q0);                         \
        ROUNDS4_X2(p1, q1, (i) + 4);                                         \
        SCHEDULE_X2(p2, p3, p0, p1, q2, q3, q0, q1);                         \
        ROUNDS4_X2(p2, q2, (i) + 8);                                         \
        SCHEDULE_X2(p3, p0, p1, p2, q3, q0, q1, q2);                         \
        ROUNDS4_X2(p3, q3, (i) + 12);                                        \
    } while (0)

/* One block of two streams, each chaining value an (abef, cdgh) pair
 * updated in place; m[0..3] and m[4..7] are their words. The chaining
 * values at the block's start are read back from memory for the
 * feed-forward, on purpose: sixteen XMM registers hold the rest. Shared
 * by the lane kernel and the fused HMAC below. */
SHANI_INLINE void shani_x2_block(__m128i s0[2], __m128i s1[2],
                                 const __m128i m[8])
{
    __m128i a0 = s0[0], c0 = s0[1], a1 = s1[0], c1 = s1[1];
    __m128i p0 = m[0], p1 = m[1], p2 = m[2], p3 = m[3];
    __m128i q0 = m[4], q1 = m[5], q2 = m[6], q3 = m[7];

    ROUNDS4_X2(p0, q0, 0);
    ROUNDS4_X2(p1, q1, 4);
    ROUNDS4_X2(p2, q2, 8);
    ROUNDS4_X2(p3, q3, 12);
    ROUNDS16_SCHEDULE_X2(16);
    ROUNDS16_SCHEDULE_X2(32);
    ROUNDS16_SCHEDULE_X2(48);
    s0[0] = _mm_add_epi32(a0, s0[0]);
    s0[1] = _mm_add_epi32(c0, s0[1]);
    s1[0] = _mm_add_epi32(a1, s1[0]);
    s1[1] = _mm_add_epi32(c1, s1[1]);
}

void sha256_lanes_shani_x2(void *const chain[], const uint8_t *const data[],
                           size_t n, size_t nblocks)
{
    /* The chaining values (keyed, in an HMAC) are wiped at the end. The
     * message words are not: they stay in registers, and wiping them
     * would put them on the stack (11% more time a 2-block call,
     * bench/inproc/ab.sh --lanes 128). */
    __m128i s[4], m[8];
    const uint8_t *b0 = data[0], *b1 = data[1];
    size_t j;

    if (n < 2) {
        sha256_compress_shani((uint32_t *)chain[0], data[0], nblocks);
        return;
    }
    to_shani((const uint32_t *)chain[0], &s[0], &s[1]);
    to_shani((const uint32_t *)chain[1], &s[2], &s[3]);
    for (; nblocks > 0; nblocks--, b0 += 64, b1 += 64) {
        for (j = 0; j < 4; j++) {
            m[j] = load_words(b0 + 16 * j);
            m[4 + j] = load_words(b1 + 16 * j);
        }
        shani_x2_block(s, s + 2, m);
    }
    store_chain((uint32_t *)chain[0], s[0], s[1]);
    store_chain((uint32_t *)chain[1], s[2], s[3]);
    wipe_vectors(s, 4);
}

/* ---- three streams interleaved ---------------------------------------------
 * Three lanes at once: measured about 2% more blocks per second than two
 * on Sapphire Rapids, and it spares an odd lane count (3, 5, ...) its one
 * lane on the single-stream code. Streams in a0/c0 (words p*), a1/c1 (q*)
 * and a2/c2 (r*); eighteen live vectors, so the compiler keeps a few of
 * them on the stack. */
#define ROUNDS4_X3(p, q, r, i)                                               \
    do {                                                                     \
        const __m128i k_ =                                                   \
            _mm_loadu_si128((const __m128i *)(const void *)&K256[i]);        \
        __m128i w0_ = _mm_add_epi32((p), k_), w1_ = _mm_add_epi32((q), k_);  \
        __m128i w2_ = _mm_add_epi32((r), k_);                                \
        c0 = _mm_sha256rnds2_epu32(c0, a0, w0_);                             \
        c1 = _mm_sha256rnds2_epu32(c1, a1, w1_);                             \
        c2 = _mm_sha256rnds2_epu32(c2, a2, w2_);                             \
        w0_ = _mm_shuffle_epi32(w0_, 0x0e);                                  \
        w1_ = _mm_shuffle_epi32(w1_, 0x0e);                                  \
        w2_ = _mm_shuffle_epi32(w2_, 0x0e);                                  \
        a0 = _mm_sha256rnds2_epu32(a0, c0, w0_);                             \
        a1 = _mm_sha256rnds2_epu32(a1, c1, w1_);                             \
        a2 = _mm_sha256rnds2_epu32(a2, c2, w2_);                             \
    } while (0)

#define SCHEDULE_X3(x16, x12, x8, x4)                                        \
    do {                                                                     \
        SCHEDULE(p##x16, p##x12, p##x8, p##x4);                              \
        SCHEDULE(q##x16, q##x12, q##x8, q##x4);                              \
        SCHEDULE(r##x16, r##x12, r##x8, r##x4);                              \
    } while (0)

#define ROUNDS16_SCHEDULE_X3(i)                                              \
    do {                                                                     \
        SCHEDULE_X3(0, 1, 2, 3); ROUNDS4_X3(p0, q0, r0, (i) + 0);            \
        SCHEDULE_X3(1, 2, 3, 0); ROUNDS4_X3(p1, q1, r1, (i) + 4);            \
        SCHEDULE_X3(2, 3, 0, 1); ROUNDS4_X3(p2, q2, r2, (i) + 8);            \
        SCHEDULE_X3(3, 0, 1, 2); ROUNDS4_X3(p3, q3, r3, (i) + 12);           \
    } while (0)

/* The same for three streams (words m[0..3], m[4..7], m[8..11]). */
SHANI_INLINE void shani_x3_block(__m128i s0[2], __m128i s1[2], __m128i s2[2],
                                 const __m128i m[12])
{
    __m128i a0 = s0[0], c0 = s0[1], a1 = s1[0], c1 = s1[1];
    __m128i a2 = s2[0], c2 = s2[1];
    __m128i p0 = m[0], p1 = m[1], p2 = m[2], p3 = m[3];
    __m128i q0 = m[4], q1 = m[5], q2 = m[6], q3 = m[7];
    __m128i r0 = m[8], r1 = m[9], r2 = m[10], r3 = m[11];

    ROUNDS4_X3(p0, q0, r0, 0);
    ROUNDS4_X3(p1, q1, r1, 4);
    ROUNDS4_X3(p2, q2, r2, 8);
    ROUNDS4_X3(p3, q3, r3, 12);
    ROUNDS16_SCHEDULE_X3(16);
    ROUNDS16_SCHEDULE_X3(32);
    ROUNDS16_SCHEDULE_X3(48);
    s0[0] = _mm_add_epi32(a0, s0[0]);
    s0[1] = _mm_add_epi32(c0, s0[1]);
    s1[0] = _mm_add_epi32(a1, s1[0]);
    s1[1] = _mm_add_epi32(c1, s1[1]);
    s2[0] = _mm_add_epi32(a2, s2[0]);
    s2[1] = _mm_add_epi32(c2, s2[1]);
}

void sha256_lanes_shani_x3(void *const chain[], const uint8_t *const data[],
                           size_t n, size_t nblocks)
{
    __m128i s[6], m[12]; /* s wiped at the end, as in the two-stream kernel */
    const uint8_t *b0 = data[0], *b1 = data[1], *b2;
    size_t j;

    if (n < 3) {
        sha256_lanes_shani_x2(chain, data, n, nblocks);
        return;
    }
    b2 = data[2];
    to_shani((const uint32_t *)chain[0], &s[0], &s[1]);
    to_shani((const uint32_t *)chain[1], &s[2], &s[3]);
    to_shani((const uint32_t *)chain[2], &s[4], &s[5]);
    for (; nblocks > 0; nblocks--, b0 += 64, b1 += 64, b2 += 64) {
        for (j = 0; j < 4; j++) {
            m[j] = load_words(b0 + 16 * j);
            m[4 + j] = load_words(b1 + 16 * j);
            m[8 + j] = load_words(b2 + 16 * j);
        }
        shani_x3_block(s, s + 2, s + 4, m);
    }
    store_chain((uint32_t *)chain[0], s[0], s[1]);
    store_chain((uint32_t *)chain[1], s[2], s[3]);
    store_chain((uint32_t *)chain[2], s[4], s[5]);
    wipe_vectors(s, 6);
}

/* The outer block of HMAC from the inner chaining value (abef, cdgh):
 * the inner digest's dlen bytes (32, or 28 for SHA-224) are that value's
 * words themselves, no bytes in between; then the 1 bit, zeros and the
 * bit length of the key block and the digest. */
SHANI_INLINE void outer_block(__m128i abef, __m128i cdgh, size_t dlen,
                              __m128i m[4])
{
    from_shani(abef, cdgh, &m[0], &m[1]);
    if (dlen == 32) {
        m[2] = _mm_set_epi32(0, 0, 0, (int)0x80000000u);
    } else {
        m[1] = _mm_insert_epi32(m[1], (int)0x80000000u, 3);
        m[2] = _mm_setzero_si128();
    }
    m[3] = _mm_set_epi32((int)((64 + dlen) * 8), 0, 0, 0);
}

void sha256_hmac_shani(uint8_t *out, size_t outlen, const uint32_t iv[8],
                       const uint8_t *key, size_t keylen, const uint8_t *in,
                       size_t inlen)
{
    const __m128i bswap = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6,
                                       7, 0, 1, 2, 3);
    const __m128i ipad = _mm_set1_epi8(0x36), opad = _mm_set1_epi8(0x5c);
    /* The padded tail of the inner message, then the key block. */
    uint8_t tail[128], k0[64];
    size_t rest = inlen & 63;
    size_t n = rest < 56 ? 64 : 128;
    __m128i iabef, icdgh, oabef, ocdgh, k[4], w[4], d0, d1;
    int j;

    /* The tail first: its loads read bytes that were stored one by one,
     * which the CPU cannot forward from the store buffer. Stored here,
     * they have reached the cache by the time the inner hash needs them
     * (measured: about 8 ns of a 64-byte HMAC when built last). */
    memset(tail, 0, sizeof tail);
    if (rest > 0) {
        memcpy(tail, in + (inlen - rest), rest);
    }
    tail[rest] = 0x80;
    /* The inner hash covers the key block and the message. */
    store_be64(tail + n - 8, ((uint64_t)inlen + 64) << 3);
    memset(k0, 0, sizeof k0);
    if (keylen > 0) {
        memcpy(k0, key, keylen);
    }

    /* K ^ ipad and K ^ opad exist only in registers. The two chains are
     * independent: the CPU overlaps them. */
    to_shani(iv, &iabef, &icdgh);
    oabef = iabef;
    ocdgh = icdgh;
    for (j = 0; j < 4; j++) {
        k[j] = load_words(k0 + 16 * j);
    }
    shani_block(&iabef, &icdgh, _mm_xor_si128(k[0], ipad),
                _mm_xor_si128(k[1], ipad), _mm_xor_si128(k[2], ipad),
                _mm_xor_si128(k[3], ipad));
    shani_block(&oabef, &ocdgh, _mm_xor_si128(k[0], opad),
                _mm_xor_si128(k[1], opad), _mm_xor_si128(k[2], opad),
                _mm_xor_si128(k[3], opad));

    for (; inlen >= 64; inlen -= 64, in += 64) {
        shani_block_at(&iabef, &icdgh, in);
    }
    shani_block_at(&iabef, &icdgh, tail);
    if (n == 128) {
        shani_block_at(&iabef, &icdgh, tail + 64);
    }

    outer_block(iabef, icdgh, outlen, w);
    shani_block(&oabef, &ocdgh, w[0], w[1], w[2], w[3]);

    from_shani(oabef, ocdgh, &d0, &d1);
    _mm_storeu_si128((__m128i *)(void *)tail, _mm_shuffle_epi8(d0, bswap));
    _mm_storeu_si128((__m128i *)(void *)(tail + 16),
                     _mm_shuffle_epi8(d1, bswap));
    memcpy(out, tail, outlen);
    hmac_memzero(tail, n);
    hmac_memzero(k0, sizeof k0);
}

/* ---- fused HMAC lanes (lanes_hmac_fn) --------------------------------------
 * Two or three messages under one key: each lane's inner tail blocks from
 * its own chaining value, then its outer block built in registers from the
 * inner digest (as in sha256_hmac_shani), the streams interleaved as in
 * the lane kernels above. Where the two stages would store the digests,
 * pad them and start a second lane run, this goes straight on. */

/* One block of k streams (1..3), interleaved: stream i's chaining value
 * in s[2i], s[2i+1], its words in m[4i..4i+3]. */
SHANI_INLINE void shani_blocks(__m128i *s, const __m128i *m, size_t k)
{
    if (k == 3) {
        shani_x3_block(s, s + 2, s + 4, m);
    } else if (k == 2) {
        shani_x2_block(s, s + 2, m);
    } else {
        shani_block(&s[0], &s[1], m[0], m[1], m[2], m[3]);
    }
}

/* The first dlen bytes (32, or 28 for SHA-224) of the digest in
 * (abef, cdgh), to out. */
static inline void store_digest(uint8_t *out, size_t dlen, __m128i abef,
                                __m128i cdgh)
{
    const __m128i bswap = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6,
                                       7, 0, 1, 2, 3);
    __m128i d0, d1;

    from_shani(abef, cdgh, &d0, &d1);
    d0 = _mm_shuffle_epi8(d0, bswap);
    d1 = _mm_shuffle_epi8(d1, bswap);
    _mm_storeu_si128((__m128i *)(void *)out, d0);
    if (dlen == 32) {
        _mm_storeu_si128((__m128i *)(void *)(out + 16), d1);
    } else {
        uint32_t last = (uint32_t)_mm_extract_epi32(d1, 2);

        _mm_storel_epi64((__m128i *)(void *)(out + 16), d1);
        memcpy(out + 24, &last, 4);
    }
}

/* The fused HMAC of w (1..3) lanes, all of them used. */
SHANI_INLINE void hmac_lanes(uint8_t *out, size_t dlen,
                             const void *const chain[], const void *ochain,
                             const uint8_t *const data[],
                             const size_t nblocks[], size_t w)
{
    /* Chaining values (keyed) and one block's words per lane (message,
     * then inner digest): wiped at the end. */
    __m128i s[6], t[6], m[12];
    size_t i, j, k, blk, most = 0, lane[3];

    for (i = 0; i < w; i++) {
        to_shani((const uint32_t *)chain[i], &s[2 * i], &s[2 * i + 1]);
        most = nblocks[i] > most ? nblocks[i] : most;
    }
    for (blk = 0; blk < most; blk++) {
        /* The lanes still running, packed: one whose tail has ended sits
         * this block out and keeps its chaining value (the counts are
         * public lengths, so skipping it is no leak). */
        for (i = 0, k = 0; i < w; i++) {
            if (nblocks[i] > blk) {
                lane[k++] = i;
            }
        }
        if (k == w) {
            for (i = 0; i < w; i++) {
                for (j = 0; j < 4; j++) {
                    m[4 * i + j] = load_words(data[i] + 64 * blk + 16 * j);
                }
            }
            shani_blocks(s, m, w);
            continue;
        }
        for (i = 0; i < k; i++) {
            t[2 * i] = s[2 * lane[i]];
            t[2 * i + 1] = s[2 * lane[i] + 1];
            for (j = 0; j < 4; j++) {
                m[4 * i + j] = load_words(data[lane[i]] + 64 * blk + 16 * j);
            }
        }
        shani_blocks(t, m, k);
        for (i = 0; i < k; i++) {
            s[2 * lane[i]] = t[2 * i];
            s[2 * lane[i] + 1] = t[2 * i + 1];
        }
    }
    for (i = 0; i < w; i++) {
        outer_block(s[2 * i], s[2 * i + 1], dlen, &m[4 * i]);
    }
    to_shani((const uint32_t *)ochain, &s[0], &s[1]);
    for (i = 1; i < w; i++) {
        s[2 * i] = s[0];
        s[2 * i + 1] = s[1];
    }
    shani_blocks(s, m, w);
    for (i = 0; i < w; i++) {
        store_digest(out + i * dlen, dlen, s[2 * i], s[2 * i + 1]);
    }
    wipe_vectors(s, 2 * w);
    wipe_vectors(t, 2 * w);
    wipe_vectors(m, 4 * w);
}

void sha256_hmac_lanes_shani_x2(uint8_t *out, size_t dlen,
                                const void *const chain[], const void *ochain,
                                const uint8_t *const data[],
                                const size_t nblocks[], size_t n)
{
    if (n < 2) {
        hmac_lanes(out, dlen, chain, ochain, data, nblocks, 1);
    } else {
        hmac_lanes(out, dlen, chain, ochain, data, nblocks, 2);
    }
}

void sha256_hmac_lanes_shani_x3(uint8_t *out, size_t dlen,
                                const void *const chain[], const void *ochain,
                                const uint8_t *const data[],
                                const size_t nblocks[], size_t n)
{
    if (n < 3) {
        sha256_hmac_lanes_shani_x2(out, dlen, chain, ochain, data, nblocks, n);
        return;
    }
    hmac_lanes(out, dlen, chain, ochain, data, nblocks, 3);
}
