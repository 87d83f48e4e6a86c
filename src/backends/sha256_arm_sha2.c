/*
 * sha256_arm_sha2.c - SHA-256 compression with the ARMv8 SHA2 instructions
 * (SHA256H, SHA256H2, SHA256SU0, SHA256SU1) through the ACLE intrinsics.
 *
 * Compiled with -march=armv8-a+crypto; cpu.c calls it only when the OS
 * reports SHA2 (Linux HWCAP_SHA2, macOS, Windows' crypto feature flag).
 *
 * CT: SHA2 instructions, vector additions and fixed byte reversals only;
 * the round constants are loaded in a fixed order. Nothing branches on or
 * indexes by the message or the chaining value.
 */
#include "internal.h"
#include "sha2_constants.h"

#include <arm_neon.h>


/* Four rounds on message words m = W[i..i+3]. SHA256H yields the new
 * (A,B,C,D) and SHA256H2 the new (E,F,G,H); both need the old ABCD. */
#define ROUNDS4(m, i)                                                        \
    do {                                                                     \
        uint32x4_t wk_ = vaddq_u32((m), vld1q_u32(&K256[i]));                \
        uint32x4_t abcd_old_ = abcd;                                         \
        abcd = vsha256hq_u32(abcd, efgh, wk_);                               \
        efgh = vsha256h2q_u32(efgh, abcd_old_, wk_);                         \
    } while (0)

/* W[i..i+3] over w16 = W[i-16..i-13], from w12, w8, w4 (W[i-12..],
 * W[i-8..], W[i-4..]): SU0 adds sigma0, SU1 adds W[i-7..] and sigma1. */
#define SCHEDULE(w16, w12, w8, w4)                                           \
    ((w16) = vsha256su1q_u32(vsha256su0q_u32((w16), (w12)), (w8), (w4)))

#define ROUNDS16_SCHEDULE(i)                                                 \
    do {                                                                     \
        SCHEDULE(m0, m1, m2, m3); ROUNDS4(m0, (i) + 0);                      \
        SCHEDULE(m1, m2, m3, m0); ROUNDS4(m1, (i) + 4);                      \
        SCHEDULE(m2, m3, m0, m1); ROUNDS4(m2, (i) + 8);                      \
        SCHEDULE(m3, m0, m1, m2); ROUNDS4(m3, (i) + 12);                     \
    } while (0)

/* Sixteen big-endian bytes as four 32-bit words. */
static inline uint32x4_t load_words(const uint8_t *p)
{
    return vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p)));
}

void sha256_compress_armv8(uint32_t state[8], const uint8_t *blocks,
                           size_t nblocks)
{
    uint32x4_t abcd = vld1q_u32(&state[0]);
    uint32x4_t efgh = vld1q_u32(&state[4]);
    uint32x4_t abcd_in, efgh_in, m0, m1, m2, m3;

    while (nblocks-- > 0) {
        abcd_in = abcd;
        efgh_in = efgh;
        m0 = load_words(blocks);
        m1 = load_words(blocks + 16);
        m2 = load_words(blocks + 32);
        m3 = load_words(blocks + 48);

        ROUNDS4(m0, 0);
        ROUNDS4(m1, 4);
        ROUNDS4(m2, 8);
        ROUNDS4(m3, 12);
        ROUNDS16_SCHEDULE(16);
        ROUNDS16_SCHEDULE(32);
        ROUNDS16_SCHEDULE(48);

        abcd = vaddq_u32(abcd, abcd_in);
        efgh = vaddq_u32(efgh, efgh_in);
        blocks += 64;
    }
    vst1q_u32(&state[0], abcd);
    vst1q_u32(&state[4], efgh);
    /* Message words stayed in the 32 vector registers: nothing to wipe. */
}

/* ---- two streams interleaved (the lane kernel) ----------------------------
 * One SHA256H/SHA256H2 chain waits on itself every four rounds; two
 * independent blocks with their instructions alternating keep the crypto
 * unit busy in the gaps (the idea of Linux's sha256_finup_2x). Stream 0 is
 * in abcd0/efgh0 with words p0..p3, stream 1 in abcd1/efgh1 with q0..q3. */
#define ROUNDS4_X2(p, q, i)                                                  \
    do {                                                                     \
        const uint32x4_t k_ = vld1q_u32(&K256[i]);                           \
        uint32x4_t w0_ = vaddq_u32((p), k_), w1_ = vaddq_u32((q), k_);       \
        uint32x4_t o0_ = abcd0, o1_ = abcd1;                                 \
        abcd0 = vsha256hq_u32(abcd0, efgh0, w0_);                            \
        abcd1 = vsha256hq_u32(abcd1, efgh1, w1_);                            \
        efgh0 = vsha256h2q_u32(efgh0, o0_, w0_);                             \
        efgh1 = vsha256h2q_u32(efgh1, o1_, w1_);                             \
    } while (0)

#define ROUNDS16_SCHEDULE_X2(i)                                              \
    do {                                                                     \
        SCHEDULE(p0, p1, p2, p3); SCHEDULE(q0, q1, q2, q3);                  \
        ROUNDS4_X2(p0, q0, (i) + 0);                                         \
        SCHEDULE(p1, p2, p3, p0); SCHEDULE(q1, q2, q3, q0);                  \
        ROUNDS4_X2(p1, q1, (i) + 4);                                         \
        SCHEDULE(p2, p3, p0, p1); SCHEDULE(q2, q3, q0, q1);                  \
        ROUNDS4_X2(p2, q2, (i) + 8);                                         \
        SCHEDULE(p3, p0, p1, p2); SCHEDULE(q3, q0, q1, q2);                  \
        ROUNDS4_X2(p3, q3, (i) + 12);                                        \
    } while (0)

void sha256_lanes_armv8_x2(void *const chain[], const uint8_t *const data[],
                           size_t n, size_t nblocks)
{
    uint32_t *s0, *s1;
    const uint8_t *b0, *b1;
    uint32x4_t abcd0, efgh0, abcd1, efgh1, p0, p1, p2, p3, q0, q1, q2, q3;
    uint32x4_t in0, in1, in2, in3;

    if (n < 2) {
        sha256_compress_armv8((uint32_t *)chain[0], data[0], nblocks);
        return;
    }
    s0 = (uint32_t *)chain[0];
    s1 = (uint32_t *)chain[1];
    b0 = data[0];
    b1 = data[1];
    abcd0 = vld1q_u32(&s0[0]); efgh0 = vld1q_u32(&s0[4]);
    abcd1 = vld1q_u32(&s1[0]); efgh1 = vld1q_u32(&s1[4]);
    for (; nblocks > 0; nblocks--, b0 += 64, b1 += 64) {
        in0 = abcd0; in1 = efgh0; in2 = abcd1; in3 = efgh1;
        p0 = load_words(b0);      q0 = load_words(b1);
        p1 = load_words(b0 + 16); q1 = load_words(b1 + 16);
        p2 = load_words(b0 + 32); q2 = load_words(b1 + 32);
        p3 = load_words(b0 + 48); q3 = load_words(b1 + 48);
        ROUNDS4_X2(p0, q0, 0);
        ROUNDS4_X2(p1, q1, 4);
        ROUNDS4_X2(p2, q2, 8);
        ROUNDS4_X2(p3, q3, 12);
        ROUNDS16_SCHEDULE_X2(16);
        ROUNDS16_SCHEDULE_X2(32);
        ROUNDS16_SCHEDULE_X2(48);
        abcd0 = vaddq_u32(abcd0, in0); efgh0 = vaddq_u32(efgh0, in1);
        abcd1 = vaddq_u32(abcd1, in2); efgh1 = vaddq_u32(efgh1, in3);
    }
    vst1q_u32(&s0[0], abcd0); vst1q_u32(&s0[4], efgh0);
    vst1q_u32(&s1[0], abcd1); vst1q_u32(&s1[4], efgh1);
    /* Twenty-odd live vectors: they fit the 32 registers, nothing to wipe. */
}
