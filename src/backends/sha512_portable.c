/*
 * sha512_portable.c - the SHA-512 compression function in portable C
 * (FIPS 180-4, section 6.4.2). The reference every SHA-512 backend is
 * tested against.
 *
 * CT: additions, rotations and boolean operations only; constants read in
 * a fixed order; nothing branches on or indexes by the data.
 */
#include "internal.h"
#include "sha2_constants.h"


static inline uint64_t rotr64(uint64_t x, unsigned n)
{
    return (x >> n) | (x << (64 - n));
}

/* Sigma0 = ror28 ^ ror34 ^ ror39 and Sigma1 = ror14 ^ ror18 ^ ror41,
 * factored so that each rotation applies to the previous result: x86's
 * two-operand ROR then needs no register copies, which makes the whole
 * core about 7% faster with gcc (and keeps register pressure down). */
#define BSIG0(x) rotr64((x) ^ rotr64((x) ^ rotr64((x), 5), 6), 28)
#define BSIG1(x) rotr64((x) ^ rotr64((x) ^ rotr64((x), 23), 4), 14)
#define SSIG0(x) (rotr64(x, 1) ^ rotr64(x, 8) ^ ((x) >> 7))
#define SSIG1(x) (rotr64(x, 19) ^ rotr64(x, 61) ^ ((x) >> 6))
#define CH(x, y, z) ((z) ^ ((x) & ((y) ^ (z))))
/* (x ^ y) here is (y ^ z) of the next round: compilers share it. */
#define MAJ(x, y, z) ((y) ^ (((x) ^ (y)) & ((y) ^ (z))))

/* The schedule in a 16-word ring, as in sha256_portable.c. */
#define SCHEDULE(i)                                                          \
    (w[(i) & 15] += SSIG1(w[((i) - 2) & 15]) + w[((i) - 7) & 15] +           \
                    SSIG0(w[((i) - 15) & 15]))

/* T1 summed in h itself (dead after it), Ch first and Sigma1 last, as in
 * sha256_portable.c, where it saved gcc 12 52 instructions a block. */
#define ROUND(a, b, c, d, e, f, g, h, i, wi)                                 \
    do {                                                                     \
        h += CH(e, f, g);                                                    \
        h += K512[i] + (wi);                                                 \
        h += BSIG1(e);                                                       \
        d += h;                                                              \
        h += BSIG0(a);                                                       \
        h += MAJ(a, b, c);                                                   \
    } while (0)

#define EIGHT_ROUNDS(i, W)                                                   \
    do {                                                                     \
        ROUND(a, b, c, d, e, f, g, h, (i) + 0, W((i) + 0));                  \
        ROUND(h, a, b, c, d, e, f, g, (i) + 1, W((i) + 1));                  \
        ROUND(g, h, a, b, c, d, e, f, (i) + 2, W((i) + 2));                  \
        ROUND(f, g, h, a, b, c, d, e, (i) + 3, W((i) + 3));                  \
        ROUND(e, f, g, h, a, b, c, d, (i) + 4, W((i) + 4));                  \
        ROUND(d, e, f, g, h, a, b, c, (i) + 5, W((i) + 5));                  \
        ROUND(c, d, e, f, g, h, a, b, (i) + 6, W((i) + 6));                  \
        ROUND(b, c, d, e, f, g, h, a, (i) + 7, W((i) + 7));                  \
    } while (0)

#define W_LOAD(i) (w[i] = load_be64(blocks + 8 * (i)))

/* At a 64-byte boundary, so that where the linker happens to put it does
 * not move the round loop across instruction-fetch lines: the same code
 * linked at two places measured 6-11% apart (bench/inproc/ab.sh --peers,
 * Xeon model 207). */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((aligned(64)))
#endif
void sha512_compress_portable(uint64_t state[8], const uint8_t *blocks,
                              size_t nblocks)
{
    uint64_t a, b, c, d, e, f, g, h;
    uint64_t w[16];
    int r;

    while (nblocks-- > 0) {
        a = state[0]; b = state[1]; c = state[2]; d = state[3];
        e = state[4]; f = state[5]; g = state[6]; h = state[7];

        EIGHT_ROUNDS(0, W_LOAD);
        EIGHT_ROUNDS(8, W_LOAD);
        /* Rounds 16..79: a loop of 16 unrolled rounds keeps the code small
         * enough for the instruction cache at no measurable cost. */
        for (r = 16; r < 80; r += 16) {
            EIGHT_ROUNDS(r, SCHEDULE);
            EIGHT_ROUNDS(r + 8, SCHEDULE);
        }

        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
        blocks += 128;
    }
    {
        volatile uint64_t *vw = w;
        size_t i;
        for (i = 0; i < 16; i++) {
            vw[i] = 0;
        }
    }
}
