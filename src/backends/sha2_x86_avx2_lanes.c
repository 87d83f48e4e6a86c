/*
 * sha2_x86_avx2_lanes.c - lane kernels for many messages per call on
 * x86-64 with AVX2: SHA-256 over 8 lanes and SHA-512 over 4, one ymm
 * register holding the same state or message word of every lane (the
 * round structure is sha2_lanes.h, shared with the AVX-512 kernels).
 * AVX2 has no vector rotate: shifts both ways, or a byte shuffle for a
 * rotation by 8. Maj is written so that one of its XORs is the next
 * round's other one, which the compiler then computes once.
 *
 * The lanes' blocks are loaded one row per lane, transposed in registers
 * (unpacks, then 128-bit lane permutes) and byte-swapped; the chaining
 * values are transposed the same way, once per call. Lanes n..width-1
 * of a call are fed copies of lane 0 and their results dropped: only
 * chain[0..n) is written (by the fused HMAC kernels, only the n tags).
 *
 * Compiled with -mavx2 (/arch:AVX2 on MSVC); cpu.c calls these only when
 * CPUID reports AVX2 and the OS saves the YMM registers.
 *
 * CT: additions, shifts, boolean operations and fixed shuffles; every
 * address depends on the lane pointers and the block count (public),
 * never on the data. The message schedule lives in the array w (kept
 * in memory, see LANES_IN_MEMORY), wiped before returning with the
 * transposed chaining values: for HMAC, key blocks pass through here.
 * Registers and the compiler's own spill slots are not wiped.
 */
#include "hmac/utils.h"
#include "internal.h"
#include "sha2_constants.h"
#include "sha2_lanes.h"

#include <string.h>

#if defined(_MSC_VER) && !defined(__clang__)
#  include <intrin.h>
#else
#  include <immintrin.h>
#endif

#define XOR(x, y) _mm256_xor_si256((x), (y))
#define CH(e, f, g) XOR((g), _mm256_and_si256((e), XOR((f), (g))))
/* (a ^ b) here is (b ^ c) of the next round. */
#define MAJ(a, b, c) XOR((b), _mm256_and_si256(XOR((a), (b)), XOR((b), (c))))

/* ---- SHA-256, 8 lanes -------------------------------------------------- */

#define ADD(x, y) _mm256_add_epi32((x), (y))
#define KT(k) _mm256_set1_epi32((int)K256[(k)])
#define ROR(x, n) _mm256_or_si256(_mm256_srli_epi32((x), (n)),               \
                                  _mm256_slli_epi32((x), 32 - (n)))
#define BSIG0(x) XOR(XOR(ROR((x), 2), ROR((x), 13)), ROR((x), 22))
#define BSIG1(x) XOR(XOR(ROR((x), 6), ROR((x), 11)), ROR((x), 25))
#define SSIG0(x) XOR(XOR(ROR((x), 7), ROR((x), 18)), _mm256_srli_epi32((x), 3))
#define SSIG1(x) XOR(XOR(ROR((x), 17), ROR((x), 19)), _mm256_srli_epi32((x), 10))

#define SHA256_X8_FN(name) name##_avx2
#include "sha256_x8_lanes.h"

#undef ADD
#undef KT
#undef ROR
#undef BSIG0
#undef BSIG1
#undef SSIG0
#undef SSIG1

/* ---- SHA-512, 4 lanes -------------------------------------------------- */

#define ADD(x, y) _mm256_add_epi64((x), (y))
#define KT(k) _mm256_set1_epi64x((long long)K512[(k)])
#define ROR(x, n) _mm256_or_si256(_mm256_srli_epi64((x), (n)),               \
                                  _mm256_slli_epi64((x), 64 - (n)))
#define BSIG0(x) XOR(XOR(ROR((x), 28), ROR((x), 34)), ROR((x), 39))
#define BSIG1(x) XOR(XOR(ROR((x), 14), ROR((x), 18)), ROR((x), 41))
#define SSIG0(x) XOR(XOR(ROR((x), 1), _mm256_shuffle_epi8((x), ror8)),      \
                     _mm256_srli_epi64((x), 7))
#define SSIG1(x) XOR(XOR(ROR((x), 19), ROR((x), 61)), _mm256_srli_epi64((x), 6))

/* Rotates each 64-bit word right by 8 bits: SSIG0 shuffles with it, as
 * the local ror8. */
#define ROR8_BYTES _mm256_set_epi8(                                          \
    8, 15, 14, 13, 12, 11, 10, 9, 0, 7, 6, 5, 4, 3, 2, 1,                    \
    8, 15, 14, 13, 12, 11, 10, 9, 0, 7, 6, 5, 4, 3, 2, 1)

#define SHA512_X4_ROUND_LOCALS const __m256i ror8 = ROR8_BYTES;
#define SHA512_X4_FN(name) name##_avx2
#include "sha512_x4_lanes.h"
