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
