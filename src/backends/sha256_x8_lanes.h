/*
 * sha256_x8_lanes.h - SHA-256 over 8 lanes in 256-bit registers: the
 * loads, transposes, block loop, lane kernel and fused HMAC kernel that
 * the AVX2 and the AVX-512VL builds share (as sha512_x4_lanes.h for
 * SHA-512). Included once by each of sha2_x86_avx2_lanes.c and
 * sha2_x86_avx512_lanes.c, which first define:
 *   the operation macros of sha2_lanes.h for 32-bit words in __m256i
 *     (AVX2: shifts and ORs; AVX-512VL: VPRORD and VPTERNLOGD);
 *   SHA256_X8_FN(name), the public names: name_avx2, name_avx512vl.
 * What it defines: static helpers, then SHA256_X8_FN(sha256_lanes) (a
 * lanes_fn of width 8) and SHA256_X8_FN(sha256_hmac_lanes) (its
 * lanes_hmac_fn). Lanes n..7 of a call are fed copies of lane 0 and
 * their results dropped.
 *
 * CT: as the including files say (additions, shifts or rotations,
 * boolean operations, fixed shuffles; addresses from lane pointers and
 * block counts only). The schedule and transposed chaining values are
 * wiped before returning.
 */
#ifndef HMAC_SHA256_X8_LANES_H
#define HMAC_SHA256_X8_LANES_H

/* r[i] = lane i's 8 words becomes r[j] = word j of lanes 0..7. Its own
 * inverse. */
static inline void transpose_8x8_32(__m256i r[8])
{
    __m256i t[8], u[8];
    int q;

    for (q = 0; q < 8; q += 2) {
        t[q] = _mm256_unpacklo_epi32(r[q], r[q + 1]);
        t[q + 1] = _mm256_unpackhi_epi32(r[q], r[q + 1]);
    }
    /* u[q] (rows 0-3) and u[4+q] (rows 4-7): word q in the low 128-bit
     * lane, word 4+q in the high one. */
    for (q = 0; q < 8; q += 4) {
        u[q + 0] = _mm256_unpacklo_epi64(t[q], t[q + 2]);
        u[q + 1] = _mm256_unpackhi_epi64(t[q], t[q + 2]);
        u[q + 2] = _mm256_unpacklo_epi64(t[q + 1], t[q + 3]);
        u[q + 3] = _mm256_unpackhi_epi64(t[q + 1], t[q + 3]);
    }
    for (q = 0; q < 4; q++) {
        r[q] = _mm256_permute2x128_si256(u[q], u[q + 4], 0x20);
        r[q + 4] = _mm256_permute2x128_si256(u[q], u[q + 4], 0x31);
    }
}

/* Byte-reverses each 32-bit word (the message is big-endian). */
#define BSWAP32_BYTES _mm256_set_epi8(                                       \
    12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3,                    \
    12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3)

/* w[] = block `off` bytes into each lane's data, one message word of
 * every lane per vector (big-endian words, as the rounds take them). */
LANES_INLINE void sha256_x8_load(__m256i w[16], const uint8_t *const p[8],
                                 size_t off)
{
    const __m256i bswap = BSWAP32_BYTES;
    size_t i;

    for (i = 0; i < 8; i++) {
        const uint8_t *q = p[i] + off;

        w[i] = _mm256_loadu_si256((const __m256i *)(const void *)q);
        w[i + 8] = _mm256_loadu_si256((const __m256i *)(const void *)(q + 32));
    }
    transpose_8x8_32(w);
    transpose_8x8_32(w + 8);
    for (i = 0; i < 16; i++) {
        w[i] = _mm256_shuffle_epi8(w[i], bswap);
        LANES_IN_MEMORY(w[i]);
    }
}

/* Blocks first..first+nblocks-1 of every lane (p[i] for lane i) into
 * st[8], the chaining values one word of every lane per vector. */
LANES_INLINE void sha256_x8_blocks(__m256i st[8], __m256i w[16],
                                   const uint8_t *const p[8], size_t first,
                                   size_t nblocks)
{
    __m256i a, b, c, d, e, f, g, h, t1_, hk_, hkn_;
    size_t blk;
    int kk_;

    LANES_START();
    for (blk = first; blk < first + nblocks; blk++) {
        sha256_x8_load(w, p, blk * 64);
        LANES_BLOCK(64);
    }
}

void SHA256_X8_FN(sha256_lanes)(void *const chain[], const uint8_t *const data[],
                       size_t n, size_t nblocks)
{
    const uint8_t *p[8];
    __m256i st[8], w[16];
    size_t i;

    for (i = 0; i < 8; i++) {
        p[i] = data[i < n ? i : 0];
        st[i] = _mm256_loadu_si256((const __m256i *)chain[i < n ? i : 0]);
    }
    transpose_8x8_32(st);
    sha256_x8_blocks(st, w, p, 0, nblocks);

    transpose_8x8_32(st);
    for (i = 0; i < n; i++) {
        _mm256_storeu_si256((__m256i *)chain[i], st[i]);
    }
    /* The schedule held message words; st the chaining values. */
    hmac_memzero(w, sizeof w);
    hmac_memzero(st, sizeof st);
}

/* The lanes_hmac_fn contract (internal.h), as sha256_hmac_lanes_avx512:
 * the outer block is built from the inner digests in registers. */
void SHA256_X8_FN(sha256_hmac_lanes)(uint8_t *out, size_t dlen,
                            const void *const chain[], const void *ochain,
                            const uint8_t *const data[],
                            const size_t nblocks[], size_t n)
{
    const __m256i bswap = BSWAP32_BYTES;
    const uint32_t *oc = (const uint32_t *)ochain;
    const uint8_t *p[8];
    __m256i st[8], w[16], sv[8];
    size_t i, blk, most = 0, dw = dlen / 4;

    for (i = 0; i < 8; i++) {
        size_t nb = nblocks[i < n ? i : 0];

        p[i] = data[i < n ? i : 0];
        most = nb > most ? nb : most;
        st[i] = _mm256_loadu_si256((const __m256i *)chain[i < n ? i : 0]);
    }
    transpose_8x8_32(st);
    /* Block by block; a lane whose tail has ended runs the block too (on
     * readable bytes) and keeps its chaining value (blend). */
    for (blk = 0; blk < most; blk++) {
        int m[8];
        __m256i live;

        for (i = 0; i < 8; i++) {
            m[i] = -(int)(nblocks[i < n ? i : 0] > blk);
            sv[i] = st[i];
        }
        live = _mm256_setr_epi32(m[0], m[1], m[2], m[3], m[4], m[5], m[6],
                                 m[7]);
        sha256_x8_blocks(st, w, p, blk, 1);
        for (i = 0; i < 8; i++) {
            st[i] = _mm256_blendv_epi8(sv[i], st[i], live);
        }
    }

    /* The outer block: the inner digest (dw words, one word of every lane
     * per vector already), 0x80, zeros, the bit length of key block and
     * digest. */
    LANES_OUTER_BLOCK(w, st, dw, _mm256_setzero_si256(),
                      _mm256_set1_epi32((int)0x80000000u),
                      _mm256_set1_epi32((int)((64 + dlen) * 8)));
    for (i = 0; i < 8; i++) {
        st[i] = _mm256_set1_epi32((int)oc[i]);
    }
    {
        __m256i a, b, c, d, e, f, g, h, t1_, hk_, hkn_;
        int kk_;

        LANES_START();
        LANES_BLOCK(64);
    }

    transpose_8x8_32(st);
    for (i = 0; i < 8; i++) {
        st[i] = _mm256_shuffle_epi8(st[i], bswap);
    }
    /* No byte-masked store in AVX2: whole vectors in lane order, each
     * reaching at most 32 - dlen bytes into the next tag, which is stored
     * after it; the last tag exactly, through w (wiped below). */
    for (i = 0; i + 1 < n; i++) {
        _mm256_storeu_si256((__m256i *)(void *)(out + i * dlen), st[i]);
    }
    w[0] = st[n - 1];
    memcpy(out + (n - 1) * dlen, w, dlen);
    /* Message words, inner digests, keyed chaining values. */
    hmac_memzero(w, sizeof w);
    hmac_memzero(st, sizeof st);
    hmac_memzero(sv, sizeof sv);
}

#endif
