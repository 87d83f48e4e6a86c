/*
 * sha512_arm_sha512.c - SHA-512 compression with the ARMv8.2 SHA512
 * instructions (SHA512H, SHA512H2, SHA512SU0, SHA512SU1) through the ACLE
 * intrinsics.
 *
 * Each SHA512H/SHA512H2 pair does two rounds. The state lives in four
 * vectors of two words, (a,b), (c,d), (e,f), (g,h) (low lane first):
 *   SHA512H(GH + swap(WK), (f,g), (d,e)) gives the two T1 sums (high lane
 *   first round); (c,d) plus those is the new (e,f); SHA512H2 of them with
 *   (c,d) and (a,b) gives the new (a,b); the old (a,b) and (e,f) become the
 *   new (c,d) and (g,h). The macros rename the vectors instead of moving
 *   them.
 *
 * Compiled with -march=armv8.2-a+sha3; cpu.c calls it only when the OS
 * reports SHA512 (Linux HWCAP_SHA512, macOS hw.optional.armv8_2_sha512).
 *
 * CT: SHA512 instructions, vector additions and fixed lane moves only;
 * constants loaded in a fixed order; no branch or index depends on data.
 */
#include "hmac/utils.h"
#include "internal.h"
#include "sha2_constants.h"

#include <arm_neon.h>


/* Two rounds with message words m = (W[i], W[i+1]). On entry ab, cd, ef,
 * gh hold the state; on exit gh holds the new (a,b), cd the new (e,f),
 * and ab, ef the new (c,d), (g,h), so the next call passes
 * (gh, ab, cd, ef). */
#define ROUNDS2(ab, cd, ef, gh, m, i)                                        \
    do {                                                                     \
        uint64x2_t wk_ = vaddq_u64((m), vld1q_u64(&K512[i]));                \
        uint64x2_t t1_ = vsha512hq_u64(vaddq_u64((gh), vextq_u64(wk_, wk_, 1)), \
                                       vextq_u64((ef), (gh), 1),            \
                                       vextq_u64((cd), (ef), 1));           \
        (gh) = vsha512h2q_u64(t1_, (cd), (ab));                              \
        (cd) = vaddq_u64((cd), t1_);                                         \
    } while (0)

/* Eight rounds over the four state vectors, back in their roles after. */
#define ROUNDS8(m0, m1, m2, m3, i)                                           \
    do {                                                                     \
        ROUNDS2(s0, s1, s2, s3, m0, (i) + 0);                                \
        ROUNDS2(s3, s0, s1, s2, m1, (i) + 2);                                \
        ROUNDS2(s2, s3, s0, s1, m2, (i) + 4);                                \
        ROUNDS2(s1, s2, s3, s0, m3, (i) + 6);                                \
    } while (0)

/* (W[j], W[j+1]) over w16 = W[j-16..j-15], from w14 = W[j-14..],
 * w2 = W[j-2..], w8 = W[j-8..] and w6 = W[j-6..]: SU0 adds sigma0,
 * SU1 adds sigma1 and the W[j-7..j-6] window across w8:w6. */
#define SCHEDULE(w16, w14, w8, w6, w2)                                       \
    ((w16) = vsha512su1q_u64(vsha512su0q_u64((w16), (w14)), (w2),            \
                             vextq_u64((w8), (w6), 1)))

/* Sixteen rounds that also extend the schedule by sixteen words. */
#define ROUNDS16_SCHEDULE(i)                                                 \
    do {                                                                     \
        SCHEDULE(m0, m1, m4, m5, m7);                                        \
        SCHEDULE(m1, m2, m5, m6, m0);                                        \
        SCHEDULE(m2, m3, m6, m7, m1);                                        \
        SCHEDULE(m3, m4, m7, m0, m2);                                        \
        ROUNDS8(m0, m1, m2, m3, (i));                                        \
        SCHEDULE(m4, m5, m0, m1, m3);                                        \
        SCHEDULE(m5, m6, m1, m2, m4);                                        \
        SCHEDULE(m6, m7, m2, m3, m5);                                        \
        SCHEDULE(m7, m0, m3, m4, m6);                                        \
        ROUNDS8(m4, m5, m6, m7, (i) + 8);                                    \
    } while (0)

/* Sixteen big-endian bytes as two 64-bit words. */
static inline uint64x2_t load_words(const uint8_t *p)
{
    return vreinterpretq_u64_u8(vrev64q_u8(vld1q_u8(p)));
}

void sha512_compress_armv8(uint64_t state[8], const uint8_t *blocks,
                           size_t nblocks)
{
    uint64x2_t s0 = vld1q_u64(&state[0]); /* (a,b) */
    uint64x2_t s1 = vld1q_u64(&state[2]); /* (c,d) */
    uint64x2_t s2 = vld1q_u64(&state[4]); /* (e,f) */
    uint64x2_t s3 = vld1q_u64(&state[6]); /* (g,h) */
    uint64x2_t in0, in1, in2, in3, m0, m1, m2, m3, m4, m5, m6, m7;
    int i;

    while (nblocks-- > 0) {
        in0 = s0; in1 = s1; in2 = s2; in3 = s3;
        m0 = load_words(blocks);
        m1 = load_words(blocks + 16);
        m2 = load_words(blocks + 32);
        m3 = load_words(blocks + 48);
        m4 = load_words(blocks + 64);
        m5 = load_words(blocks + 80);
        m6 = load_words(blocks + 96);
        m7 = load_words(blocks + 112);

        ROUNDS8(m0, m1, m2, m3, 0);
        ROUNDS8(m4, m5, m6, m7, 8);
        for (i = 16; i < 80; i += 16) {
            ROUNDS16_SCHEDULE(i);
        }

        s0 = vaddq_u64(s0, in0); s1 = vaddq_u64(s1, in1);
        s2 = vaddq_u64(s2, in2); s3 = vaddq_u64(s3, in3);
        blocks += 128;
    }
    vst1q_u64(&state[0], s0);
    vst1q_u64(&state[2], s1);
    vst1q_u64(&state[4], s2);
    vst1q_u64(&state[6], s3);
    /* Message words stayed in the 32 vector registers: nothing to wipe. */
}

/* ---- two streams interleaved (the lane kernel) ----------------------------
 * As ROUNDS2, for stream 0 (state s0..s3, words m*) and stream 1 (state
 * t0..t3, words n*) at once, their instructions alternating so that one
 * stream's SHA512H/SHA512H2 chain runs in the other's latency. */
#define ROUNDS2_X2(ab, cd, ef, gh, AB, CD, EF, GH, m, M, i)                  \
    do {                                                                     \
        const uint64x2_t k_ = vld1q_u64(&K512[i]);                           \
        uint64x2_t w0_ = vaddq_u64((m), k_), w1_ = vaddq_u64((M), k_);       \
        uint64x2_t x0_ = vaddq_u64((gh), vextq_u64(w0_, w0_, 1));            \
        uint64x2_t x1_ = vaddq_u64((GH), vextq_u64(w1_, w1_, 1));            \
        uint64x2_t t0_ = vsha512hq_u64(x0_, vextq_u64((ef), (gh), 1),        \
                                       vextq_u64((cd), (ef), 1));            \
        uint64x2_t t1_ = vsha512hq_u64(x1_, vextq_u64((EF), (GH), 1),        \
                                       vextq_u64((CD), (EF), 1));            \
        (gh) = vsha512h2q_u64(t0_, (cd), (ab));                              \
        (GH) = vsha512h2q_u64(t1_, (CD), (AB));                              \
        (cd) = vaddq_u64((cd), t0_);                                         \
        (CD) = vaddq_u64((CD), t1_);                                         \
    } while (0)

#define ROUNDS8_X2(x0, x1, x2, x3, y0, y1, y2, y3, i)                        \
    do {                                                                     \
        ROUNDS2_X2(s0, s1, s2, s3, t0, t1, t2, t3, x0, y0, (i) + 0);         \
        ROUNDS2_X2(s3, s0, s1, s2, t3, t0, t1, t2, x1, y1, (i) + 2);         \
        ROUNDS2_X2(s2, s3, s0, s1, t2, t3, t0, t1, x2, y2, (i) + 4);         \
        ROUNDS2_X2(s1, s2, s3, s0, t1, t2, t3, t0, x3, y3, (i) + 6);         \
    } while (0)

#define SCHEDULE_X2(j16, j14, j8, j6, j2)                                    \
    do {                                                                     \
        SCHEDULE(m##j16, m##j14, m##j8, m##j6, m##j2);                       \
        SCHEDULE(n##j16, n##j14, n##j8, n##j6, n##j2);                       \
    } while (0)

#define ROUNDS16_SCHEDULE_X2(i)                                              \
    do {                                                                     \
        SCHEDULE_X2(0, 1, 4, 5, 7);                                          \
        SCHEDULE_X2(1, 2, 5, 6, 0);                                          \
        SCHEDULE_X2(2, 3, 6, 7, 1);                                          \
        SCHEDULE_X2(3, 4, 7, 0, 2);                                          \
        ROUNDS8_X2(m0, m1, m2, m3, n0, n1, n2, n3, (i));                     \
        SCHEDULE_X2(4, 5, 0, 1, 3);                                          \
        SCHEDULE_X2(5, 6, 1, 2, 4);                                          \
        SCHEDULE_X2(6, 7, 2, 3, 5);                                          \
        SCHEDULE_X2(7, 0, 3, 4, 6);                                          \
        ROUNDS8_X2(m4, m5, m6, m7, n4, n5, n6, n7, (i) + 8);                 \
    } while (0)

void sha512_lanes_armv8_x2(void *const chain[], const uint8_t *const data[],
                           size_t n, size_t nblocks)
{
    uint64_t *c0, *c1;
    const uint8_t *b0, *b1;
    uint64x2_t s0, s1, s2, s3, t0, t1, t2, t3;
    uint64x2_t m0, m1, m2, m3, m4, m5, m6, m7;
    uint64x2_t n0, n1, n2, n3, n4, n5, n6, n7;
    /* The chaining values at the start of the block, for the feed-forward:
     * in memory on purpose (the 32 vector registers hold the rest), wiped
     * at the end since a keyed chaining value is as secret as the key. */
    uint64x2_t in[8];
    int i;

    if (n < 2) {
        sha512_compress_armv8((uint64_t *)chain[0], data[0], nblocks);
        return;
    }
    c0 = (uint64_t *)chain[0];
    c1 = (uint64_t *)chain[1];
    b0 = data[0];
    b1 = data[1];
    s0 = vld1q_u64(&c0[0]); s1 = vld1q_u64(&c0[2]);
    s2 = vld1q_u64(&c0[4]); s3 = vld1q_u64(&c0[6]);
    t0 = vld1q_u64(&c1[0]); t1 = vld1q_u64(&c1[2]);
    t2 = vld1q_u64(&c1[4]); t3 = vld1q_u64(&c1[6]);
    for (; nblocks > 0; nblocks--, b0 += 128, b1 += 128) {
        in[0] = s0; in[1] = s1; in[2] = s2; in[3] = s3;
        in[4] = t0; in[5] = t1; in[6] = t2; in[7] = t3;
        m0 = load_words(b0);       n0 = load_words(b1);
        m1 = load_words(b0 + 16);  n1 = load_words(b1 + 16);
        m2 = load_words(b0 + 32);  n2 = load_words(b1 + 32);
        m3 = load_words(b0 + 48);  n3 = load_words(b1 + 48);
        m4 = load_words(b0 + 64);  n4 = load_words(b1 + 64);
        m5 = load_words(b0 + 80);  n5 = load_words(b1 + 80);
        m6 = load_words(b0 + 96);  n6 = load_words(b1 + 96);
        m7 = load_words(b0 + 112); n7 = load_words(b1 + 112);
        ROUNDS8_X2(m0, m1, m2, m3, n0, n1, n2, n3, 0);
        ROUNDS8_X2(m4, m5, m6, m7, n4, n5, n6, n7, 8);
        for (i = 16; i < 80; i += 16) {
            ROUNDS16_SCHEDULE_X2(i);
        }
        s0 = vaddq_u64(s0, in[0]); s1 = vaddq_u64(s1, in[1]);
        s2 = vaddq_u64(s2, in[2]); s3 = vaddq_u64(s3, in[3]);
        t0 = vaddq_u64(t0, in[4]); t1 = vaddq_u64(t1, in[5]);
        t2 = vaddq_u64(t2, in[6]); t3 = vaddq_u64(t3, in[7]);
    }
    vst1q_u64(&c0[0], s0); vst1q_u64(&c0[2], s1);
    vst1q_u64(&c0[4], s2); vst1q_u64(&c0[6], s3);
    vst1q_u64(&c1[0], t0); vst1q_u64(&c1[2], t1);
    vst1q_u64(&c1[4], t2); vst1q_u64(&c1[6], t3);
    hmac_memzero(in, sizeof in);
}
