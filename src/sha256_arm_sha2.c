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
