/*
 * sha512_x86_avx2.c - SHA-512 compression for x86-64 with AVX2 and BMI2.
 *
 * x86 has no SHA-512 instructions before SHA512 (2024), so the rounds stay
 * scalar (BMI2's RORX gives three-operand rotations, which the compiler
 * emits for the rotations below under -mbmi2) while AVX2 computes the
 * message schedule four words at a time. The schedule for words i+16..i+19
 * is computed next to the rounds that consume words i..i+3, so the vector
 * units work while the scalar round chain runs. W+K goes through a 16-word
 * ring on the stack, wiped before returning.
 *
 * Compiled with -mavx2 -mbmi2 (/arch:AVX2 on MSVC); cpu.c calls it only
 * when CPUID reports AVX2 and BMI2 and the OS saves the YMM registers.
 *
 * CT: additions, rotations, boolean operations and fixed shuffles only;
 * the ring is indexed by the round number, never by data. No branch
 * depends on the message or the chaining value.
 */
#include "hmac/utils.h"
#include "internal.h"
#include "sha2_constants.h"

#if defined(_MSC_VER) && !defined(__clang__)
#  include <intrin.h>
#else
#  include <immintrin.h>
#endif


/* ---- scalar rounds -------------------------------------------------------- */

static inline uint64_t rotr64(uint64_t x, unsigned n)
{
    return (x >> n) | (x << (64 - n));
}

#define BSIG0(x) (rotr64(x, 28) ^ rotr64(x, 34) ^ rotr64(x, 39))
#define BSIG1(x) (rotr64(x, 14) ^ rotr64(x, 18) ^ rotr64(x, 41))
#define CH(x, y, z) ((z) ^ ((x) & ((y) ^ (z))))
/* Written so that (x ^ y) here is (y ^ z) of the next round: the compiler
 * shares it, making Maj two operations per round. */
#define MAJ(x, y, z) ((y) ^ (((x) ^ (y)) & ((y) ^ (z))))

/* One round; wk is W[i] + K[i]. */
#define ROUND(a, b, c, d, e, f, g, h, wk)                                    \
    do {                                                                     \
        uint64_t t1_ = (h) + (wk) + CH(e, f, g) + BSIG1(e);                  \
        d += t1_;                                                            \
        h = t1_ + BSIG0(a) + MAJ(a, b, c);                                   \
    } while (0)

#define ROUNDS4(a, b, c, d, e, f, g, h, r)                                   \
    do {                                                                     \
        ROUND(a, b, c, d, e, f, g, h, ring.w[(r) + 0]);                      \
        ROUND(h, a, b, c, d, e, f, g, ring.w[(r) + 1]);                      \
        ROUND(g, h, a, b, c, d, e, f, ring.w[(r) + 2]);                      \
        ROUND(f, g, h, a, b, c, d, e, ring.w[(r) + 3]);                      \
    } while (0)

/* ---- vector message schedule ------------------------------------------- */

/* AVX2 has no 64-bit rotate: shift both ways, except by 8, a byte shuffle. */
#define VROR(x, n)                                                           \
    _mm256_or_si256(_mm256_srli_epi64((x), (n)), _mm256_slli_epi64((x), 64 - (n)))
#define VSSIG0(x)                                                            \
    _mm256_xor_si256(_mm256_xor_si256(VROR(x, 1), _mm256_shuffle_epi8((x), ror8)), \
                     _mm256_srli_epi64((x), 7))
#define VSSIG1(x)                                                            \
    _mm256_xor_si256(_mm256_xor_si256(VROR(x, 19), VROR(x, 61)),            \
                     _mm256_srli_epi64((x), 6))

/* W[i..i+3] from x0..x3 = W[i-16..i-1], written over x0. The sigma1 term
 * of W[i+2] and W[i+3] needs W[i] and W[i+1], so it is added in two
 * halves, the missing half of each operand zeroed (sigma1(0) = 0). */
#define SCHEDULE(x0, x1, x2, x3)                                             \
    do {                                                                     \
        __m256i w15_ = _mm256_alignr_epi8(                                   \
            _mm256_permute2x128_si256((x0), (x1), 0x21), (x0), 8);           \
        __m256i w7_ = _mm256_alignr_epi8(                                    \
            _mm256_permute2x128_si256((x2), (x3), 0x21), (x2), 8);           \
        __m256i s_ = _mm256_add_epi64(_mm256_add_epi64((x0), w7_),          \
                                      VSSIG0(w15_));                         \
        s_ = _mm256_add_epi64(                                               \
            s_, VSSIG1(_mm256_permute2x128_si256((x3), (x3), 0x81)));       \
        (x0) = _mm256_add_epi64(                                             \
            s_, VSSIG1(_mm256_permute2x128_si256(s_, s_, 0x08)));           \
    } while (0)

/* An empty asm that "may change" v: the compiler must store it and the
 * rounds must load it. Without it GCC forwards the stored vector to the
 * rounds with VPEXTRQ/VMOVQ, which costs more than the load (and about
 * 5% of the speed). */
#if defined(__GNUC__) || defined(__clang__)
#  define IN_MEMORY(v) __asm__("" : "+m"(v))
#else
#  define IN_MEMORY(v) ((void)0)
#endif

/* Stores W+K for words k..k+3 of the block in ring slot (k mod 16). */
#define STORE_WK(slot, x, k)                                                 \
    do {                                                                     \
        _mm256_store_si256(&ring.v[(slot)],                                  \
                           _mm256_add_epi64((x), _mm256_loadu_si256(         \
                               (const __m256i *)(const void *)&K512[(k)]))); \
        IN_MEMORY(ring.v[(slot)]);                                           \
    } while (0)

/* Sixteen rounds on ring words 0..15 while the schedule computes the
 * block's words k..k+15 into the same slots, each slot rewritten only
 * after its four rounds have read it. */
#define ROUNDS16_SCHEDULE(k)                                                 \
    do {                                                                     \
        ROUNDS4(a, b, c, d, e, f, g, h, 0);                                  \
        SCHEDULE(x0, x1, x2, x3); STORE_WK(0, x0, (k) + 0);                  \
        ROUNDS4(e, f, g, h, a, b, c, d, 4);                                  \
        SCHEDULE(x1, x2, x3, x0); STORE_WK(1, x1, (k) + 4);                  \
        ROUNDS4(a, b, c, d, e, f, g, h, 8);                                  \
        SCHEDULE(x2, x3, x0, x1); STORE_WK(2, x2, (k) + 8);                  \
        ROUNDS4(e, f, g, h, a, b, c, d, 12);                                 \
        SCHEDULE(x3, x0, x1, x2); STORE_WK(3, x3, (k) + 12);                 \
    } while (0)

void sha512_compress_avx2(uint64_t state[8], const uint8_t *blocks,
                          size_t nblocks)
{
    /* Byte-reverses each 64-bit lane (message words are big-endian), and
     * rotates each lane right by 8 bits; the masks are per 128-bit lane. */
    const __m256i bswap = _mm256_set_epi8(
        8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7,
        8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
    const __m256i ror8 = _mm256_set_epi8(
        8, 15, 14, 13, 12, 11, 10, 9, 0, 7, 6, 5, 4, 3, 2, 1,
        8, 15, 14, 13, 12, 11, 10, 9, 0, 7, 6, 5, 4, 3, 2, 1);
    /* The union gives the ring vector alignment and lets the rounds read
     * words without breaking the aliasing rules. */
    union {
        __m256i v[4];
        uint64_t w[16];
    } ring;
    __m256i x0, x1, x2, x3;
    uint64_t a, b, c, d, e, f, g, h;
    int k;

    while (nblocks-- > 0) {
        x0 = _mm256_shuffle_epi8(
            _mm256_loadu_si256((const __m256i *)(const void *)(blocks + 0)), bswap);
        x1 = _mm256_shuffle_epi8(
            _mm256_loadu_si256((const __m256i *)(const void *)(blocks + 32)), bswap);
        x2 = _mm256_shuffle_epi8(
            _mm256_loadu_si256((const __m256i *)(const void *)(blocks + 64)), bswap);
        x3 = _mm256_shuffle_epi8(
            _mm256_loadu_si256((const __m256i *)(const void *)(blocks + 96)), bswap);
        STORE_WK(0, x0, 0);
        STORE_WK(1, x1, 4);
        STORE_WK(2, x2, 8);
        STORE_WK(3, x3, 12);

        a = state[0]; b = state[1]; c = state[2]; d = state[3];
        e = state[4]; f = state[5]; g = state[6]; h = state[7];

        for (k = 16; k < 80; k += 16) {
            ROUNDS16_SCHEDULE(k);
        }
        ROUNDS4(a, b, c, d, e, f, g, h, 0);
        ROUNDS4(e, f, g, h, a, b, c, d, 4);
        ROUNDS4(a, b, c, d, e, f, g, h, 8);
        ROUNDS4(e, f, g, h, a, b, c, d, 12);

        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
        blocks += 128;
    }
    /* The ring held message words: for HMAC, key-derived ones. */
    hmac_memzero(&ring, sizeof ring);
}
