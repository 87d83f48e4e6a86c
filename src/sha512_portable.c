/*
 * sha512_portable.c - the SHA-512 compression function in portable C
 * (FIPS 180-4, section 6.4.2). The reference every SHA-512 backend is
 * tested against.
 *
 * CT: additions, rotations and boolean operations only; constants read in
 * a fixed order; nothing branches on or indexes by the data.
 */
#include "internal.h"

/* FIPS 180-4, section 4.2.3: the first 64 bits of the fractional parts of
 * the cube roots of the first 80 primes. */
static const uint64_t K512[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL,
    0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL,
    0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL,
    0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
    0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL,
    0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL, 0x2de92c6f592b0275ULL,
    0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL,
    0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
    0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL,
    0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL,
    0x92722c851482353bULL, 0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL,
    0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
    0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL,
    0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL,
    0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL,
    0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL,
    0xc67178f2e372532bULL, 0xca273eceea26619cULL, 0xd186b8c721c0c207ULL,
    0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL,
    0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
    0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL,
    0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

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

#define ROUND(a, b, c, d, e, f, g, h, i, wi)                                 \
    do {                                                                     \
        uint64_t t1_ = h + BSIG1(e) + CH(e, f, g) + K512[i] + (wi);          \
        d += t1_;                                                            \
        h = t1_ + BSIG0(a) + MAJ(a, b, c);                                   \
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
