/*
 * sha512_x4_lanes.h - SHA-512 over 4 lanes in 256-bit registers: the
 * loads, transposes, block loop, lane kernel and fused HMAC kernel that
 * the AVX2 and the AVX-512VL builds share. Included once by each of
 * sha2_x86_avx2_lanes.c and sha2_x86_avx512_lanes.c, which first define:
 *   the operation macros of sha2_lanes.h for 64-bit words in __m256i
 *     (AVX2: shifts and ORs; AVX-512VL: VPRORQ and VPTERNLOGQ, about half
 *     the operations a round);
 *   SHA512_X4_ROUND_LOCALS, declarations those macros need in the scope
 *     of the rounds (may be empty);
 *   SHA512_X4_FN(name), the public names: name_avx2, name_avx512vl;
 *   optionally SHA512_X4_BLOCKS_ASM, an assembly block loop (st as
 *     uint64_t[32], p, nblocks), SHA512_X4_ASM_FROM, the fewest blocks
 *     a call gives it, and SHA512_X4_ASM_FN(name), the name of the lanes
 *     entry point that runs it.
 * What it defines: static helpers, then SHA512_X4_FN(sha512_lanes) (a
 * lanes_fn of width 4) and SHA512_X4_FN(sha512_hmac_lanes) (its
 * lanes_hmac_fn). Lanes n..3 of a call are fed copies of lane 0 and
 * their results dropped.
 *
 * CT: as the including files say (additions, shifts or rotations,
 * boolean operations, fixed shuffles; addresses from lane pointers and
 * block counts only). The schedule and transposed chaining values are
 * wiped before returning.
 */
#ifndef HMAC_SHA512_X4_LANES_H
#define HMAC_SHA512_X4_LANES_H

#if !defined(SHA512_X4_ASM_FROM)
#  define SHA512_X4_ASM_FROM 1 /* no assembly: never read */
#endif

/* r[i] = lane i's 4 words becomes r[j] = word j of lanes 0..3. Its own
 * inverse. */
static inline void transpose_4x4_64(__m256i r[4])
{
    __m256i t0 = _mm256_unpacklo_epi64(r[0], r[1]);
    __m256i t1 = _mm256_unpackhi_epi64(r[0], r[1]);
    __m256i t2 = _mm256_unpacklo_epi64(r[2], r[3]);
    __m256i t3 = _mm256_unpackhi_epi64(r[2], r[3]);

    r[0] = _mm256_permute2x128_si256(t0, t2, 0x20);
    r[1] = _mm256_permute2x128_si256(t1, t3, 0x20);
    r[2] = _mm256_permute2x128_si256(t0, t2, 0x31);
    r[3] = _mm256_permute2x128_si256(t1, t3, 0x31);
}

/* Byte-reverses each 64-bit word. */
#define BSWAP64_BYTES _mm256_set_epi8(                                       \
    8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7,                    \
    8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)

/* w[] = block `off` bytes into each lane's data, one message word of
 * every lane per vector. */
LANES_INLINE void sha512_x4_load(__m256i w[16], const uint8_t *const p[4],
                                 size_t off)
{
    const __m256i bswap = BSWAP64_BYTES;
    size_t i, j;

    for (i = 0; i < 4; i++) {
        const uint8_t *q = p[i] + off;

        for (j = 0; j < 4; j++) {
            w[4 * j + i] = _mm256_loadu_si256(
                (const __m256i *)(const void *)(q + 32 * j));
        }
    }
    for (j = 0; j < 16; j += 4) {
        transpose_4x4_64(w + j);
    }
    for (i = 0; i < 16; i++) {
        w[i] = _mm256_shuffle_epi8(w[i], bswap);
        LANES_IN_MEMORY(w[i]);
    }
}

/* Blocks first..first+nblocks-1 of every lane into st[8]. */
LANES_INLINE void sha512_x4_blocks(__m256i st[8], __m256i w[16],
                                   const uint8_t *const p[4], size_t first,
                                   size_t nblocks)
{
    SHA512_X4_ROUND_LOCALS
    __m256i a, b, c, d, e, f, g, h, t1_, hk_, hkn_;
    size_t blk;
    int kk_;

    LANES_START();
    for (blk = first; blk < first + nblocks; blk++) {
        sha512_x4_load(w, p, blk * 128);
        LANES_BLOCK(80);
    }
}

/* The lanes_fn around a block loop: the C one (in_asm 0) or, from
 * SHA512_X4_ASM_FROM blocks, the one the including file names as
 * SHA512_X4_BLOCKS_ASM (the AVX-512VL build's assembly, which keeps the
 * schedule in registers: no w to wipe). Inlined into each entry point,
 * so in_asm is a constant there. */
LANES_INLINE void sha512_x4_lanes(void *const chain[],
                                  const uint8_t *const data[], size_t n,
                                  size_t nblocks, int in_asm)
{
    const uint8_t *p[4];
    __m256i st[8], w[16];
    size_t i;

    /* st[4j+i] = words 4j..4j+3 of lane i, transposed in two squares. */
    for (i = 0; i < 4; i++) {
        const uint8_t *cv = (const uint8_t *)chain[i < n ? i : 0];

        p[i] = data[i < n ? i : 0];
        st[i] = _mm256_loadu_si256((const __m256i *)(const void *)cv);
        st[4 + i] = _mm256_loadu_si256((const __m256i *)(const void *)(cv + 32));
    }
    transpose_4x4_64(st);
    transpose_4x4_64(st + 4);
    if (in_asm && nblocks >= SHA512_X4_ASM_FROM) {
#if defined(SHA512_X4_BLOCKS_ASM)
        SHA512_X4_BLOCKS_ASM((uint64_t *)st, p, nblocks);
#endif
    } else {
        in_asm = 0;
        sha512_x4_blocks(st, w, p, 0, nblocks);
    }

    transpose_4x4_64(st);
    transpose_4x4_64(st + 4);
    for (i = 0; i < n; i++) {
        uint8_t *cv = (uint8_t *)chain[i];

        _mm256_storeu_si256((__m256i *)(void *)cv, st[i]);
        _mm256_storeu_si256((__m256i *)(void *)(cv + 32), st[4 + i]);
    }
    if (!in_asm) {
        hmac_memzero(w, sizeof w);
    }
    hmac_memzero(st, sizeof st);
}

void SHA512_X4_FN(sha512_lanes)(void *const chain[], const uint8_t *const data[],
                       size_t n, size_t nblocks)
{
    sha512_x4_lanes(chain, data, n, nblocks, 0);
}

#if defined(SHA512_X4_BLOCKS_ASM)
void SHA512_X4_ASM_FN(sha512_lanes)(void *const chain[],
                                    const uint8_t *const data[], size_t n,
                                    size_t nblocks)
{
    sha512_x4_lanes(chain, data, n, nblocks, 1);
}
#endif

/* The lanes_hmac_fn contract (internal.h) over 4 lanes, for SHA-512 and
 * SHA-384 (dlen 64, 48), as the SHA-256 kernels do it. Its tails are one
 * or two blocks, below SHA512_X4_ASM_FROM: no assembly path. */
void SHA512_X4_FN(sha512_hmac_lanes)(uint8_t *out, size_t dlen,
                            const void *const chain[], const void *ochain,
                            const uint8_t *const data[],
                            const size_t nblocks[], size_t n)
{
    const __m256i bswap = BSWAP64_BYTES;
    const uint64_t *oc = (const uint64_t *)ochain;
    const uint8_t *p[4];
    __m256i st[8], w[16], sv[8];
    size_t i, blk, most = 0, dw = dlen / 8;

    for (i = 0; i < 4; i++) {
        const uint8_t *cv = (const uint8_t *)chain[i < n ? i : 0];
        size_t nb = nblocks[i < n ? i : 0];

        p[i] = data[i < n ? i : 0];
        most = nb > most ? nb : most;
        st[i] = _mm256_loadu_si256((const __m256i *)(const void *)cv);
        st[4 + i] = _mm256_loadu_si256((const __m256i *)(const void *)(cv + 32));
    }
    transpose_4x4_64(st);
    transpose_4x4_64(st + 4);
    for (blk = 0; blk < most; blk++) {
        long long m[4];
        __m256i live;

        for (i = 0; i < 4; i++) {
            m[i] = -(long long)(nblocks[i < n ? i : 0] > blk);
        }
        for (i = 0; i < 8; i++) {
            sv[i] = st[i];
        }
        live = _mm256_setr_epi64x(m[0], m[1], m[2], m[3]);
        sha512_x4_blocks(st, w, p, blk, 1);
        for (i = 0; i < 8; i++) {
            st[i] = _mm256_blendv_epi8(sv[i], st[i], live);
        }
    }

    /* The outer block from the inner digests (see sha256_hmac_lanes_avx2);
     * the 128-bit length's high word is zero. */
    LANES_OUTER_BLOCK(w, st, dw, _mm256_setzero_si256(),
                      _mm256_set1_epi64x((long long)0x8000000000000000ull),
                      _mm256_set1_epi64x((long long)((128 + dlen) * 8)));
    for (i = 0; i < 8; i++) {
        st[i] = _mm256_set1_epi64x((long long)oc[i]);
    }
    {
        SHA512_X4_ROUND_LOCALS
        __m256i a, b, c, d, e, f, g, h, t1_, hk_, hkn_;
        int kk_;

        LANES_START();
        LANES_BLOCK(80);
    }

    /* st[i], st[4+i]: lane i's words 0-3 and 4-7. */
    transpose_4x4_64(st);
    transpose_4x4_64(st + 4);
    for (i = 0; i < 8; i++) {
        st[i] = _mm256_shuffle_epi8(st[i], bswap);
    }
    /* Whole vectors in lane order, the last tag exactly (see
     * sha256_hmac_lanes_avx2): lane i's 64 bytes reach 64 - dlen <= 16
     * into the next tag. */
    for (i = 0; i + 1 < n; i++) {
        uint8_t *t = out + i * dlen;

        _mm256_storeu_si256((__m256i *)(void *)t, st[i]);
        _mm256_storeu_si256((__m256i *)(void *)(t + 32), st[4 + i]);
    }
    w[0] = st[n - 1];
    w[1] = st[n + 3];
    memcpy(out + (n - 1) * dlen, w, dlen);
    hmac_memzero(w, sizeof w);
    hmac_memzero(st, sizeof st);
    hmac_memzero(sv, sizeof sv);
}

#endif
