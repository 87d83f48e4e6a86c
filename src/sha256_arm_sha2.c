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

#include <arm_neon.h>

/* FIPS 180-4, section 4.2.2 (a private copy: the library exports no
 * extra symbol). */
static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

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
