/*
 * sha256_x86_shani.c - SHA-256 compression with the x86 SHA extensions
 * (SHA-NI: SHA256RNDS2, SHA256MSG1, SHA256MSG2), following the technique
 * of Intel's "Intel SHA Extensions" white paper (Gulley et al., 2013).
 *
 * Compiled with -msha -mssse3 -msse4.1 (nothing on MSVC); cpu.c calls it
 * only when CPUID reports SHA, SSSE3 and SSE4.1.
 *
 * CT: SHA-NI instructions, vector additions and fixed shuffles only; the
 * round constants are loaded in a fixed order. Nothing branches on or
 * indexes by the message or the chaining value.
 */
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

void sha256_compress_shani(uint32_t state[8], const uint8_t *blocks,
                           size_t nblocks)
{
    /* Reverses the bytes of each 32-bit lane: message words are big-endian. */
    const __m128i bswap = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6,
                                       7, 0, 1, 2, 3);
    __m128i abef, cdgh, t0, t1, m0, m1, m2, m3, abef_in, cdgh_in;

    /* The instructions want the lanes (lane 0 first) F,E,B,A and H,G,D,C. */
    t0 = _mm_loadu_si128((const __m128i *)(const void *)&state[0]); /* ABCD */
    t1 = _mm_loadu_si128((const __m128i *)(const void *)&state[4]); /* EFGH */
    t0 = _mm_shuffle_epi32(t0, 0xb1);       /* BADC */
    t1 = _mm_shuffle_epi32(t1, 0x1b);       /* HGFE */
    abef = _mm_alignr_epi8(t0, t1, 8);      /* FEBA */
    cdgh = _mm_blend_epi16(t1, t0, 0xf0);   /* HGDC */

    while (nblocks-- > 0) {
        abef_in = abef;
        cdgh_in = cdgh;

        m0 = _mm_shuffle_epi8(
            _mm_loadu_si128((const __m128i *)(const void *)(blocks + 0)), bswap);
        m1 = _mm_shuffle_epi8(
            _mm_loadu_si128((const __m128i *)(const void *)(blocks + 16)), bswap);
        m2 = _mm_shuffle_epi8(
            _mm_loadu_si128((const __m128i *)(const void *)(blocks + 32)), bswap);
        m3 = _mm_shuffle_epi8(
            _mm_loadu_si128((const __m128i *)(const void *)(blocks + 48)), bswap);

        ROUNDS4(m0, 0);
        ROUNDS4(m1, 4);
        ROUNDS4(m2, 8);
        ROUNDS4(m3, 12);
        ROUNDS16_SCHEDULE(16);
        ROUNDS16_SCHEDULE(32);
        ROUNDS16_SCHEDULE(48);

        abef = _mm_add_epi32(abef, abef_in);
        cdgh = _mm_add_epi32(cdgh, cdgh_in);
        blocks += 64;
    }

    t0 = _mm_shuffle_epi32(abef, 0x1b);     /* ABEF */
    t1 = _mm_shuffle_epi32(cdgh, 0xb1);     /* GHCD */
    _mm_storeu_si128((__m128i *)(void *)&state[0],
                     _mm_blend_epi16(t0, t1, 0xf0));  /* ABCD */
    _mm_storeu_si128((__m128i *)(void *)&state[4],
                     _mm_alignr_epi8(t1, t0, 8));     /* EFGH */
    /* The message words lived in registers only: nothing on the stack to
     * wipe (the compiler has sixteen XMM registers for these ten values). */
}
