/*
 * sha2_x86_avx512_lanes.c - lane kernels for many messages per call on
 * x86-64 with AVX-512 (F, BW, VL): SHA-256 over 16 lanes and SHA-512 over
 * 8, one zmm register holding the same state or message word of every
 * lane, so the FIPS 180-4 rounds run lane-wise unchanged; and SHA-512
 * over 4 in ymm registers, for 2 to 4 messages (at the end). VPRORD/VPRORQ
 * give the rotations in one instruction and VPTERNLOG computes Ch, Maj
 * and each three-way XOR of the sigmas in one.
 *
 * The lanes' blocks are loaded one row per lane and transposed in
 * registers (unpacks, then 128-bit block shuffles), then byte-swapped:
 * 4 shuffles per message word for SHA-256, 3 for SHA-512. On the
 * Sapphire Rapids this was measured on, SHA-512 x8 ran 1-5% faster so
 * than gathering each word from the lanes (VPGATHERQQ, 64-bit offsets
 * from lane 0's block); SHA-256 would need two 8-word gathers per word.
 * The chaining values are transposed the same way, once per call, and
 * stay in registers over all nblocks blocks.
 *
 * Lanes n..width-1 of a call are fed copies of lane 0 (its chain and its
 * blocks, which are readable for nblocks blocks) and their results are
 * dropped: only chain[0..n) is written.
 *
 * Compiled with -mavx512f -mavx512bw -mavx512vl; cpu.c calls these only
 * when CPUID reports the three and XCR0 says the OS saves the opmask and
 * ZMM state.
 *
 * CT: additions, rotations, boolean operations and fixed shuffles; every
 * address depends on the lane pointers and the block count (public),
 * never on the data. The message schedule lives in arrays (w; the
 * SHA-256 bulk kernel keeps a second for the next block), kept in memory
 * (see LANES_IN_MEMORY) and wiped before returning with the transposed
 * chaining values: for HMAC, key blocks pass through here.
 * Registers and the compiler's own spill slots are not wiped.
 */
#include "hmac/utils.h"
#include "internal.h"
#include "sha2_constants.h"
#include "sha2_lanes.h"

#include <immintrin.h>
#include <string.h>

/* Asks for the cache line `ahead` bytes past lane pointer p, four
 * blocks ahead. The lanes read 8 or 16 streams at once (each into a new
 * 4 KiB page every 32 or 64 blocks): 16 x 64 KiB read from a 64 MiB pool
 * ran 8-10% slower than from cache, and these prefetches win back 1-3%
 * of it (SHA-512 x8 2.7-2.8%,
 * SHA-256 x16 1.2-1.8%, kernels alternated in one process; 8 and 16
 * blocks ahead, or into L2 only, did no better). The address is formed as
 * an integer: it may lie past the end of the message, where a prefetch
 * cannot fault but pointer arithmetic would be undefined. CT: lane
 * pointers and block counts are public. */
#define LANES_PF_BLOCKS 4
#define LANES_PREFETCH(p, ahead)                                             \
    _mm_prefetch((const char *)((uintptr_t)(p) + (ahead)), _MM_HINT_T0)

/* Three-input boolean functions, as VPTERNLOG truth tables (bit
 * (a << 2 | b << 1 | c) of the immediate is f(a, b, c)). */
#define TL_XOR3 0x96 /* a ^ b ^ c */
#define TL_CH 0xb8   /* b ? c : a, i.e. Ch(b, c, a): see CH below */
#define TL_MAJ 0xe8  /* at least two of a, b, c */

/* ---- SHA-256, 16 lanes ------------------------------------------------- */

/* The operations through VOP, the intrinsics' width prefix: the x8
 * kernel after this one reuses them on ymm registers. */
#define VOP(op) _mm512_##op
#define X32(a, b, c) VOP(ternarylogic_epi32)((a), (b), (c), TL_XOR3)
#define ADD(x, y) VOP(add_epi32)((x), (y))
#define KT(k) VOP(set1_epi32)((int)K256[(k)])
/* g goes first: VPTERNLOG overwrites its first operand, and g is the
 * input that dies here (sha2_lanes.h sums the next round's h + K + W
 * from g before Ch); with e first, the compiler copied e every round. */
#define CH(e, f, g) VOP(ternarylogic_epi32)((g), (e), (f), TL_CH)
#define MAJ(a, b, c) VOP(ternarylogic_epi32)((a), (b), (c), TL_MAJ)
#define BSIG0(x) X32(VOP(ror_epi32)((x), 2), VOP(ror_epi32)((x), 13),        \
                     VOP(ror_epi32)((x), 22))
#define BSIG1(x) X32(VOP(ror_epi32)((x), 6), VOP(ror_epi32)((x), 11),        \
                     VOP(ror_epi32)((x), 25))
#define SSIG0(x) X32(VOP(ror_epi32)((x), 7), VOP(ror_epi32)((x), 18),        \
                     VOP(srli_epi32)((x), 3))
#define SSIG1(x) X32(VOP(ror_epi32)((x), 17), VOP(ror_epi32)((x), 19),       \
                     VOP(srli_epi32)((x), 10))

/* r[k] = [lane k's 8 words | lane k+8's 8 words] becomes r[j] = word j
 * of lanes 0..15: an 8x8 transpose of 32-bit words in each 256-bit half.
 * Its own inverse. */
static inline void transpose_8x8_halves(__m512i r[8])
{
    const __m512i lo = _mm512_set_epi64(13, 12, 5, 4, 9, 8, 1, 0);
    const __m512i hi = _mm512_set_epi64(15, 14, 7, 6, 11, 10, 3, 2);
    __m512i t[8], u[8];
    int q;

    for (q = 0; q < 8; q += 2) {
        t[q] = _mm512_unpacklo_epi32(r[q], r[q + 1]);
        t[q + 1] = _mm512_unpackhi_epi32(r[q], r[q + 1]);
    }
    /* u[q] (rows 0-3) and u[4+q] (rows 4-7): words q and 4+q per half. */
    for (q = 0; q < 8; q += 4) {
        u[q + 0] = _mm512_unpacklo_epi64(t[q], t[q + 2]);
        u[q + 1] = _mm512_unpackhi_epi64(t[q], t[q + 2]);
        u[q + 2] = _mm512_unpacklo_epi64(t[q + 1], t[q + 3]);
        u[q + 3] = _mm512_unpackhi_epi64(t[q + 1], t[q + 3]);
    }
    for (q = 0; q < 4; q++) {
        r[q] = _mm512_permutex2var_epi64(u[q], lo, u[q + 4]);
        r[q + 4] = _mm512_permutex2var_epi64(u[q], hi, u[q + 4]);
    }
}

/* r[i] = lane i's 16 words becomes r[j] = word j of lanes 0..15. */
static inline void transpose_16x16(__m512i r[16])
{
    __m512i t[16], u[16];
    int i, q;

    for (i = 0; i < 16; i += 2) {
        t[i] = _mm512_unpacklo_epi32(r[i], r[i + 1]);
        t[i + 1] = _mm512_unpackhi_epi32(r[i], r[i + 1]);
    }
    /* u[4m+q]: word 4c+q of rows 4m..4m+3 in 128-bit block c. */
    for (i = 0; i < 16; i += 4) {
        u[i + 0] = _mm512_unpacklo_epi64(t[i], t[i + 2]);
        u[i + 1] = _mm512_unpackhi_epi64(t[i], t[i + 2]);
        u[i + 2] = _mm512_unpacklo_epi64(t[i + 1], t[i + 3]);
        u[i + 3] = _mm512_unpackhi_epi64(t[i + 1], t[i + 3]);
    }
    for (q = 0; q < 4; q++) {
        __m512i v0 = _mm512_shuffle_i32x4(u[q], u[4 + q], 0x88);
        __m512i v1 = _mm512_shuffle_i32x4(u[q], u[4 + q], 0xdd);
        __m512i x0 = _mm512_shuffle_i32x4(u[8 + q], u[12 + q], 0x88);
        __m512i x1 = _mm512_shuffle_i32x4(u[8 + q], u[12 + q], 0xdd);

        r[q] = _mm512_shuffle_i32x4(v0, x0, 0x88);
        r[8 + q] = _mm512_shuffle_i32x4(v0, x0, 0xdd);
        r[4 + q] = _mm512_shuffle_i32x4(v1, x1, 0x88);
        r[12 + q] = _mm512_shuffle_i32x4(v1, x1, 0xdd);
    }
}

/* w[] = block `off` bytes into each lane's data, one message word of
 * every lane per vector (big-endian words, as the rounds take them). */
LANES_INLINE void sha256_x16_load(__m512i w[16], const uint8_t *const p[16],
                                   size_t off)
{
    /* Byte-reverses each 32-bit word (the message is big-endian). */
    const __m512i bswap = _mm512_set4_epi32(0x0c0d0e0f, 0x08090a0b,
                                            0x04050607, 0x00010203);
    size_t i;

    for (i = 0; i < 16; i++) {
        w[i] = _mm512_loadu_si512((const void *)(p[i] + off));
        LANES_PREFETCH(p[i], off + LANES_PF_BLOCKS * 64);
    }
    transpose_16x16(w);
    for (i = 0; i < 16; i++) {
        w[i] = _mm512_shuffle_epi8(w[i], bswap);
        LANES_IN_MEMORY(w[i]);
    }
}

/* Blocks first..first+nblocks-1 of every lane (p[i] for lane i) into
 * st[8], the chaining values one word of every lane per vector. */
LANES_INLINE void sha256_x16_blocks(__m512i st[8], __m512i w[16],
                                     const uint8_t *const p[16],
                                     size_t first, size_t nblocks)
{
    __m512i a, b, c, d, e, f, g, h, t1_, hk_, hkn_;
    size_t blk;
    int kk_;

    LANES_START();
    for (blk = first; blk < first + nblocks; blk++) {
        sha256_x16_load(w, p, blk * 64);
        LANES_BLOCK(64);
    }
}

/* The x16 kernel around its block loop: the C one (in_asm 0) or, where
 * it is built, the assembly's (sha256_x86_asm.S; cpu.c picks it on AMD
 * Zen 4), which keeps the schedule in registers (no w to wipe). Inlined
 * into each entry point, so in_asm is a constant there. */
LANES_INLINE void sha256_x16_lanes(void *const chain[],
                                   const uint8_t *const data[], size_t n,
                                   size_t nblocks, int in_asm)
{
    const uint8_t *p[16];
    /* Two schedules: the block being hashed (w) and the next (nw). */
    __m512i st[8], wb[2][16];
    __m512i *w = wb[0], *nw = wb[1], *tw;
    __m512i a, b, c, d, e, f, g, h, t1_, hk_, hkn_;
    size_t i, blk;
    int kk_;

    for (i = 0; i < 16; i++) {
        p[i] = data[i < n ? i : 0];
    }
    for (i = 0; i < 8; i++) {
        const void *lo = chain[i < n ? i : 0];
        const void *hi = chain[i + 8 < n ? i + 8 : 0];

        st[i] = _mm512_inserti64x4(
            _mm512_castsi256_si512(_mm256_loadu_si256((const __m256i *)lo)),
            _mm256_loadu_si256((const __m256i *)hi), 1);
    }
    transpose_8x8_halves(st);
    if (in_asm) {
#if defined(HMAC_HAVE_X86_ASM)
        sha256_x16_blocks_avx512_asm((uint32_t *)st, p, nblocks);
#endif
    } else {
        /* The block loop is written out here, not through
         * sha256_x16_blocks: through the helper GCC 12 kept 38 more stack
         * accesses in it, and 16 x 64 KiB ran 3-12% slower (prefixed
         * libraries alternated in one process). Block blk+1 is loaded
         * between block blk's scheduled rounds and its last sixteen,
         * which schedule nothing: the load's 80 shuffles (transpose,
         * byte swap; port 5 only) then fill the slots the schedule left
         * free instead of running alone between blocks: 0.964-0.965 of
         * the time per lane block in cache (bench/inproc/ab.sh --lanes
         * 4096, three runs). The SHA-512 x8 kernel measured 1-3% slower
         * that way (its load is 64 shuffles for 128-byte blocks) and AVX2
         * no different, so they load at the top of the block. */
        LANES_START();
        if (nblocks > 0) {
            sha256_x16_load(w, p, 0);
        }
        for (blk = 0; blk < nblocks; blk++) {
            LANES_BLOCK_HEAD(64);
            if (blk + 1 < nblocks) {
                sha256_x16_load(nw, p, (blk + 1) * 64);
            }
            LANES_BLOCK_TAIL(64);
            tw = w;
            w = nw;
            nw = tw;
        }
    }

    transpose_8x8_halves(st);
    for (i = 0; i < 8 && i < n; i++) {
        _mm256_storeu_si256((__m256i *)chain[i], _mm512_castsi512_si256(st[i]));
    }
    for (i = 8; i < n; i++) {
        _mm256_storeu_si256((__m256i *)chain[i],
                            _mm512_extracti64x4_epi64(st[i - 8], 1));
    }
    /* The schedule held message words; st the chaining values. */
    if (!in_asm) {
        hmac_memzero(wb, sizeof wb);
    }
    hmac_memzero(st, sizeof st);
}

void sha256_lanes_avx512(void *const chain[], const uint8_t *const data[],
                         size_t n, size_t nblocks)
{
    sha256_x16_lanes(chain, data, n, nblocks, 0);
}

#if defined(HMAC_HAVE_X86_ASM)
void sha256_lanes_avx512_asm(void *const chain[], const uint8_t *const data[],
                             size_t n, size_t nblocks)
{
    sha256_x16_lanes(chain, data, n, nblocks, 1);
}
#endif

/* The lanes_hmac_fn contract (internal.h) over 16 lanes: each lane's
 * padded tail of nblocks[i] blocks from chain[i], then its outer block
 * from the opad chaining value ochain (uint32_t[8]), the tag (dlen bytes,
 * 32 for SHA-256 or 28 for SHA-224) to out + i * dlen. With in_asm (the
 * entry cpu.c picks on Zen 4), tails that all have one length (a batch
 * of one message size: 64-byte messages are two blocks each) run the
 * assembly block loop; mixed lengths and the outer block stay here. */
LANES_INLINE void sha256_hmac_x16(uint8_t *out, size_t dlen,
                                  const void *const chain[],
                                  const void *ochain,
                                  const uint8_t *const data[],
                                  const size_t nblocks[], size_t n,
                                  int in_asm)
{
    const __m512i bswap = _mm512_set4_epi32(0x0c0d0e0f, 0x08090a0b,
                                            0x04050607, 0x00010203);
    /* the first dlen bytes of a lane's 32 */
    const __mmask32 keep = (__mmask32)(0xffffffffu >> (32 - dlen));
    const uint32_t *oc = (const uint32_t *)ochain;
    const uint8_t *p[16];
    __m512i st[8], w[16], sv[8];
    size_t i, blk, most = 0, dw = dlen / 4;
    int same = 1;

    for (i = 0; i < 16; i++) {
        p[i] = data[i < n ? i : 0];
        most = nblocks[i < n ? i : 0] > most ? nblocks[i < n ? i : 0] : most;
        same &= nblocks[i < n ? i : 0] == nblocks[0];
    }
    for (i = 0; i < 8; i++) {
        const void *lo = chain[i < n ? i : 0];
        const void *hi = chain[i + 8 < n ? i + 8 : 0];

        st[i] = _mm512_inserti64x4(
            _mm512_castsi256_si512(_mm256_loadu_si256((const __m256i *)lo)),
            _mm256_loadu_si256((const __m256i *)hi), 1);
    }
    transpose_8x8_halves(st);
#if defined(HMAC_HAVE_X86_ASM)
    if (in_asm && same) {
        sha256_x16_blocks_avx512_asm((uint32_t *)st, p, most);
        most = 0; /* done: no block for the loop below */
    }
#else
    (void)in_asm;
    (void)same;
#endif
    /* Block by block; a lane whose message has ended runs the block too
     * (on readable bytes) and keeps its chaining value (masked move). */
    for (blk = 0; blk < most; blk++) {
        __mmask16 live = 0;

        for (i = 0; i < 16; i++) {
            live |= (__mmask16)((nblocks[i < n ? i : 0] > blk) << i);
        }
        for (i = 0; i < 8; i++) {
            sv[i] = st[i];
        }
        sha256_x16_blocks(st, w, p, blk, 1);
        for (i = 0; i < 8; i++) {
            st[i] = _mm512_mask_mov_epi32(sv[i], live, st[i]);
        }
    }

    /* The outer block is the inner digest (dw words, already one word of
     * every lane per vector), 0x80, zeros and the bit length of the key
     * block and digest: built in registers, no transpose either way. */
    LANES_OUTER_BLOCK(w, st, dw, _mm512_setzero_si512(),
                      _mm512_set1_epi32((int)0x80000000u),
                      _mm512_set1_epi32((int)((64 + dlen) * 8)));
    for (i = 0; i < 8; i++) {
        st[i] = _mm512_set1_epi32((int)oc[i]);
    }
    {
        __m512i a, b, c, d, e, f, g, h, t1_, hk_, hkn_;
        int kk_;

        LANES_START();
        LANES_BLOCK(64);
    }

    transpose_8x8_halves(st);
    for (i = 0; i < 8; i++) {
        st[i] = _mm512_shuffle_epi8(st[i], bswap);
    }
    for (i = 0; i < 8 && i < n; i++) {
        _mm256_mask_storeu_epi8(out + i * dlen, keep,
                                _mm512_castsi512_si256(st[i]));
    }
    for (i = 8; i < n; i++) {
        _mm256_mask_storeu_epi8(out + i * dlen, keep,
                                _mm512_extracti64x4_epi64(st[i - 8], 1));
    }
    /* Message words, inner digests, keyed chaining values. */
    hmac_memzero(w, sizeof w);
    hmac_memzero(st, sizeof st);
    hmac_memzero(sv, sizeof sv);
}

void sha256_hmac_lanes_avx512(uint8_t *out, size_t dlen,
                              const void *const chain[], const void *ochain,
                              const uint8_t *const data[],
                              const size_t nblocks[], size_t n)
{
    sha256_hmac_x16(out, dlen, chain, ochain, data, nblocks, n, 0);
}

#if defined(HMAC_HAVE_X86_ASM)
void sha256_hmac_lanes_avx512_asm(uint8_t *out, size_t dlen,
                                  const void *const chain[],
                                  const void *ochain,
                                  const uint8_t *const data[],
                                  const size_t nblocks[], size_t n)
{
    sha256_hmac_x16(out, dlen, chain, ochain, data, nblocks, n, 1);
}
#endif

/* ---- SHA-256, 8 lanes in 256-bit registers ------------------------------
 * The AVX2 kernel's code (sha256_x8_lanes.h) with the AVX-512VL
 * operations above on ymm registers (VPRORD, VPTERNLOGD). For 6 to 10
 * messages it beats both the SHA-NI streams and the x16 kernel, for the
 * reason the SHA-512 x4 kernel below beats x8 (see there and cpu.c). */
#undef VOP
#define VOP(op) _mm256_##op
#define SHA256_X8_FN(name) name##_avx512vl
#include "sha256_x8_lanes.h"

#undef VOP
#undef X32
#undef ADD
#undef KT
#undef CH
#undef MAJ
#undef BSIG0
#undef BSIG1
#undef SSIG0
#undef SSIG1

/* ---- SHA-512, 8 lanes -------------------------------------------------- */

/* The operations through VOP, the intrinsics' width prefix: the x4
 * kernel at the end of this file reuses them on ymm registers. */
#define VOP(op) _mm512_##op
#define KT(k) _mm512_set1_epi64((long long)K512[(k)])
#define X64(a, b, c) VOP(ternarylogic_epi64)((a), (b), (c), TL_XOR3)
#define ADD(x, y) VOP(add_epi64)((x), (y))
#define CH(e, f, g) VOP(ternarylogic_epi64)((g), (e), (f), TL_CH)
#define MAJ(a, b, c) VOP(ternarylogic_epi64)((a), (b), (c), TL_MAJ)
#define BSIG0(x) X64(VOP(ror_epi64)((x), 28), VOP(ror_epi64)((x), 34),       \
                     VOP(ror_epi64)((x), 39))
#define BSIG1(x) X64(VOP(ror_epi64)((x), 14), VOP(ror_epi64)((x), 18),       \
                     VOP(ror_epi64)((x), 41))
#define SSIG0(x) X64(VOP(ror_epi64)((x), 1), VOP(ror_epi64)((x), 8),         \
                     VOP(srli_epi64)((x), 7))
#define SSIG1(x) X64(VOP(ror_epi64)((x), 19), VOP(ror_epi64)((x), 61),       \
                     VOP(srli_epi64)((x), 6))

/* r[i] = lane i's 8 words becomes r[j] = word j of lanes 0..7: an 8x8
 * transpose of 64-bit words. Its own inverse. */
static inline void transpose_8x8_64(__m512i r[8])
{
    __m512i t[8];
    int i, q;

    /* t[2k+q]: word 2c+q of rows 2k, 2k+1 in 128-bit block c. */
    for (i = 0; i < 8; i += 2) {
        t[i] = _mm512_unpacklo_epi64(r[i], r[i + 1]);
        t[i + 1] = _mm512_unpackhi_epi64(r[i], r[i + 1]);
    }
    for (q = 0; q < 2; q++) {
        __m512i v0 = _mm512_shuffle_i64x2(t[q], t[2 + q], 0x88);
        __m512i v1 = _mm512_shuffle_i64x2(t[q], t[2 + q], 0xdd);
        __m512i x0 = _mm512_shuffle_i64x2(t[4 + q], t[6 + q], 0x88);
        __m512i x1 = _mm512_shuffle_i64x2(t[4 + q], t[6 + q], 0xdd);

        r[q] = _mm512_shuffle_i64x2(v0, x0, 0x88);
        r[4 + q] = _mm512_shuffle_i64x2(v0, x0, 0xdd);
        r[2 + q] = _mm512_shuffle_i64x2(v1, x1, 0x88);
        r[6 + q] = _mm512_shuffle_i64x2(v1, x1, 0xdd);
    }
}

/* w[] = block `off` bytes into each lane's data, one message word of
 * every lane per vector. */
LANES_INLINE void sha512_x8_load(__m512i w[16], const uint8_t *const p[8],
                                  size_t off)
{
    /* Byte-reverses each 64-bit word. */
    const __m512i bswap = _mm512_set4_epi32(0x08090a0b, 0x0c0d0e0f,
                                            0x00010203, 0x04050607);
    size_t i;

    for (i = 0; i < 8; i++) {
        const uint8_t *q = p[i] + off;

        w[i] = _mm512_loadu_si512((const void *)q);
        LANES_PREFETCH(q, LANES_PF_BLOCKS * 128);
        LANES_PREFETCH(q, LANES_PF_BLOCKS * 128 + 64);
        w[i + 8] = _mm512_loadu_si512((const void *)(q + 64));
    }
    transpose_8x8_64(w);
    transpose_8x8_64(w + 8);
    for (i = 0; i < 16; i++) {
        w[i] = _mm512_shuffle_epi8(w[i], bswap);
        LANES_IN_MEMORY(w[i]);
    }
}

/* Blocks first..first+nblocks-1 of every lane into st[8]. */
LANES_INLINE void sha512_x8_blocks(__m512i st[8], __m512i w[16],
                                    const uint8_t *const p[8], size_t first,
                                    size_t nblocks)
{
    __m512i a, b, c, d, e, f, g, h, t1_, hk_, hkn_;
    size_t blk;
    int kk_;

    LANES_START();
    for (blk = first; blk < first + nblocks; blk++) {
        sha512_x8_load(w, p, blk * 128);
        LANES_BLOCK(80);
    }
}

/* The x8 kernel around its block loop: the C one (in_asm 0) or, where
 * it is built, the assembly's (sha512_x86_asm.S; cpu.c picks it on AMD
 * Zen 4), which keeps the schedule in registers (no w to wipe). Inlined
 * into each entry point, so in_asm is a constant there. */
LANES_INLINE void sha512_x8_lanes(void *const chain[],
                                  const uint8_t *const data[], size_t n,
                                  size_t nblocks, int in_asm)
{
    const uint8_t *p[8];
    __m512i st[8], w[16];
    size_t i;

    for (i = 0; i < 8; i++) {
        p[i] = data[i < n ? i : 0];
        st[i] = _mm512_loadu_si512(chain[i < n ? i : 0]);
    }
    transpose_8x8_64(st);
    if (in_asm) {
#if defined(HMAC_HAVE_X86_ASM)
        sha512_x8_blocks_avx512_asm((uint64_t *)st, p, nblocks);
#endif
    } else {
        sha512_x8_blocks(st, w, p, 0, nblocks);
    }
    transpose_8x8_64(st);
    for (i = 0; i < n; i++) {
        _mm512_storeu_si512(chain[i], st[i]);
    }
    if (!in_asm) {
        hmac_memzero(w, sizeof w);
    }
    hmac_memzero(st, sizeof st);
}

void sha512_lanes_avx512(void *const chain[], const uint8_t *const data[],
                         size_t n, size_t nblocks)
{
    sha512_x8_lanes(chain, data, n, nblocks, 0);
}

#if defined(HMAC_HAVE_X86_ASM)
void sha512_lanes_avx512_asm(void *const chain[], const uint8_t *const data[],
                             size_t n, size_t nblocks)
{
    sha512_x8_lanes(chain, data, n, nblocks, 1);
}
#endif

/* As sha256_hmac_x16, for SHA-512 and SHA-384 (dlen 64, 48); in_asm
 * runs one-length tails through the x8 assembly block loop. */
LANES_INLINE void sha512_hmac_x8(uint8_t *out, size_t dlen,
                                 const void *const chain[],
                                 const void *ochain,
                                 const uint8_t *const data[],
                                 const size_t nblocks[], size_t n, int in_asm)
{
    const __m512i bswap = _mm512_set4_epi32(0x08090a0b, 0x0c0d0e0f,
                                            0x00010203, 0x04050607);
    const __mmask64 keep = ~(__mmask64)0 >> (64 - dlen);
    const uint64_t *oc = (const uint64_t *)ochain;
    const uint8_t *p[8];
    __m512i st[8], w[16], sv[8];
    size_t i, blk, most = 0, dw = dlen / 8;
    int same = 1;

    for (i = 0; i < 8; i++) {
        p[i] = data[i < n ? i : 0];
        most = nblocks[i < n ? i : 0] > most ? nblocks[i < n ? i : 0] : most;
        same &= nblocks[i < n ? i : 0] == nblocks[0];
        st[i] = _mm512_loadu_si512(chain[i < n ? i : 0]);
    }
    transpose_8x8_64(st);
#if defined(HMAC_HAVE_X86_ASM)
    if (in_asm && same) {
        sha512_x8_blocks_avx512_asm((uint64_t *)st, p, most);
        most = 0; /* done: no block for the loop below */
    }
#else
    (void)in_asm;
    (void)same;
#endif
    for (blk = 0; blk < most; blk++) {
        __mmask8 live = 0;

        for (i = 0; i < 8; i++) {
            live |= (__mmask8)((nblocks[i < n ? i : 0] > blk) << i);
        }
        for (i = 0; i < 8; i++) {
            sv[i] = st[i];
        }
        sha512_x8_blocks(st, w, p, blk, 1);
        for (i = 0; i < 8; i++) {
            st[i] = _mm512_mask_mov_epi64(sv[i], live, st[i]);
        }
    }

    /* The outer block from the inner digests, in registers (see the
     * SHA-256 kernel); the 128-bit length's high word is zero. */
    LANES_OUTER_BLOCK(w, st, dw, _mm512_setzero_si512(),
                      _mm512_set1_epi64((long long)0x8000000000000000ull),
                      _mm512_set1_epi64((long long)((128 + dlen) * 8)));
    for (i = 0; i < 8; i++) {
        st[i] = _mm512_set1_epi64((long long)oc[i]);
    }
    {
        __m512i a, b, c, d, e, f, g, h, t1_, hk_, hkn_;
        int kk_;

        LANES_START();
        LANES_BLOCK(80);
    }

    transpose_8x8_64(st);
    for (i = 0; i < n; i++) {
        _mm512_mask_storeu_epi8(out + i * dlen, keep,
                                _mm512_shuffle_epi8(st[i], bswap));
    }
    hmac_memzero(w, sizeof w);
    hmac_memzero(st, sizeof st);
    hmac_memzero(sv, sizeof sv);
}

void sha512_hmac_lanes_avx512(uint8_t *out, size_t dlen,
                              const void *const chain[], const void *ochain,
                              const uint8_t *const data[],
                              const size_t nblocks[], size_t n)
{
    sha512_hmac_x8(out, dlen, chain, ochain, data, nblocks, n, 0);
}

#if defined(HMAC_HAVE_X86_ASM)
void sha512_hmac_lanes_avx512_asm(uint8_t *out, size_t dlen,
                                  const void *const chain[],
                                  const void *ochain,
                                  const uint8_t *const data[],
                                  const size_t nblocks[], size_t n)
{
    sha512_hmac_x8(out, dlen, chain, ochain, data, nblocks, n, 1);
}
#endif

/* ---- SHA-512, 4 lanes in 256-bit registers ------------------------------
 * The AVX2 kernel's code (sha512_x4_lanes.h) with the AVX-512VL
 * operations above on ymm registers (VPRORQ, VPTERNLOGQ): 28 operations
 * a round as in the x8 kernel, where AVX2's shifts and ORs take about
 * twice that. 256-bit operations issue on three ports (512-bit ones on
 * two, their rotations on one), so a call costs about 0.7 of an x8 call:
 * for 2 to 4 lanes this kernel is the faster, and 2 lanes run at 1.4-1.5x
 * the scalar assembly's blocks (see cpu.c). */
#undef VOP
#undef KT
#define VOP(op) _mm256_##op
#define KT(k) _mm256_set1_epi64x((long long)K512[(k)])
#define SHA512_X4_ROUND_LOCALS
#define SHA512_X4_FN(name) name##_avx512vl
#if defined(HMAC_HAVE_X86_ASM)
/* The block loop in assembly too (sha512_x86_asm.S; cpu.c picks
 * sha512_lanes_avx512vl_asm on AMD Zen 4). From 4 blocks a call: on Zen 4
 * it took 0.90-0.92 of the C loop's time a lane block at 4 KiB a lane,
 * but 1.03-1.05x at one and two blocks (hmac-bench-picks --subsets
 * --bytes 128, 256, 512: its fixed cost, register clearing and the state
 * through memory, is the larger), so HMAC's one-block pads and short
 * tails stay in C. */
#  define SHA512_X4_BLOCKS_ASM sha512_x4_blocks_avx512vl_asm
#  define SHA512_X4_ASM_FROM 4
#  define SHA512_X4_ASM_FN(name) name##_avx512vl_asm
#endif
#include "sha512_x4_lanes.h"
