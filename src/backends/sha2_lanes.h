/*
 * sha2_lanes.h - the SHA-2 round structure shared by the SIMD lane
 * kernels (sha2_x86_avx512_lanes.c, sha2_x86_avx2_lanes.c): one vector
 * holds the same word of every lane, so the FIPS 180-4 rounds run
 * unchanged with vector operations. Each kernel names its vector
 * operations; these macros put them in the order of the rounds.
 *
 * The macros expect, in scope: the working variables a..h, the 16-word
 * message schedule ring w[16] (slot j holds W[t] for t = j mod 16), and
 * these operation macros, each of the kernel's vector type:
 *   ADD(x, y)  lane-wise addition        KT(k)  constant k in every lane
 *   CH(e,f,g)  MAJ(a,b,c)  BSIG0(a)  BSIG1(e)  SSIG0(x)  SSIG1(x)
 */
#ifndef HMAC_SHA2_LANES_H
#define HMAC_SHA2_LANES_H

/* One round on ring slot j with round constant k. hk_ holds this round's
 * h + K[t] + W[t]; the next round's (g + K[t+1] + W[t+1], nx) is summed
 * before Ch reads g for the last time. That ordering is the point: g
 * then dies in Ch, so VPTERNLOG (which overwrites one of its inputs) can
 * take g's register instead of a copy of e, f or g. The copies were not
 * free: the AVX-512 SHA-512 kernel ran 30 port-0/5 operations a round
 * with them. Then sn (LANES_SCHED or LANES_NO_SCHED) refills slot j,
 * whose W[t] the previous round's nx read for the last time, with
 * W[t+16]: sixteen rounds before it is used, so the schedule is work the
 * CPU can run whenever a port is free, never on the rounds' dependency
 * chains. Scheduling W[t+1] in round t (just in time, as before) was
 * 1-6% slower (AVX-512 kernels alternated in one process: SHA-512 x8
 * 5%, SHA-256 x16 2%). */
#define LANES_ROUND(a, b, c, d, e, f, g, h, j, k, sn, nx)                    \
    do {                                                                     \
        nx(g, (j) + 1, (k) + 1);                                             \
        t1_ = ADD(hk_, ADD(CH((e), (f), (g)), BSIG1(e)));                    \
        (d) = ADD((d), t1_);                                                 \
        (h) = ADD(t1_, ADD(MAJ((a), (b), (c)), BSIG0(a)));                   \
        sn((j) & 15);                                                        \
        hk_ = hkn_;                                                          \
    } while (0)

/* The next round's h + K + W into hkn_ (from this round's g), or nothing
 * after the last round. */
#define LANES_NEXT(g, j, k)                                                  \
    do {                                                                     \
        hkn_ = ADD(ADD((g), KT(k)), w[(j) & 15]);                            \
        LANES_HERE(hkn_);                                                    \
    } while (0)
#define LANES_NO_NEXT(g, j, k) ((void)0)

/* W[t+16] into ring slot j = t mod 16, from W[t] (the slot's old
 * value), W[t+1], W[t+9] and W[t+14]. */
#define LANES_SCHED(j)                                                       \
    do {                                                                     \
        w[(j)] = ADD(ADD(w[(j)], SSIG0(w[((j) + 1) & 15])),                 \
                     ADD(w[((j) + 9) & 15], SSIG1(w[((j) + 14) & 15])));    \
        LANES_IN_MEMORY(w[(j)]);                                             \
    } while (0)

/* An empty asm that "may change" v in memory: the compiler must store v
 * to its own slot (and load it from there), so that message words stay
 * in the w array the kernel wipes rather than in anonymous spill slots.
 * Measured at no cost for the AVX-512 kernels, 2% for AVX2 SHA-256. */
#if defined(__GNUC__) || defined(__clang__)
#  define LANES_IN_MEMORY(v) __asm__("" : "+m"(v))
#else
#  define LANES_IN_MEMORY(v) ((void)0)
#endif

/* An empty asm that takes v in a register: v is computed here, not
 * sunk to its use (GCC 12 moved the next round's sum below Ch, and the
 * copy came back). */
#if defined(__GNUC__) || defined(__clang__)
#  define LANES_HERE(v) __asm__("" : "+v"(v))
#else
#  define LANES_HERE(v) ((void)0)
#endif

/* The HMAC outer block in w[], for the fused HMAC kernels: the inner
 * digest's dw words, which st[] already holds one word of every lane per
 * vector (no transpose), then pad (0x80 in a word's top byte), zeros, and
 * len (the bit length of the key block and the digest) as the last word.
 * st & 7 only keeps the compiler from seeing st read past its 8 words. */
#define LANES_OUTER_BLOCK(w, st, dw, zero, pad, len)                         \
    do {                                                                     \
        size_t j_;                                                           \
        for (j_ = 0; j_ < 16; j_++) {                                        \
            (w)[j_] = j_ < (dw) ? (st)[j_ & 7] : (zero);                     \
        }                                                                    \
        (w)[(dw)] = (pad);                                                   \
        (w)[15] = (len);                                                     \
        for (j_ = 0; j_ < 16; j_++) {                                        \
            LANES_IN_MEMORY((w)[j_]);                                        \
        }                                                                    \
    } while (0)

/* For a kernel's block loop written once as a function and called by two
 * entry points: inlined into each, it keeps the lane pointers and working
 * variables in registers. Out of line (GCC's choice for a body used twice)
 * it reloaded them after every store to the schedule, whose vector type may
 * alias anything: 16 x 64 KiB ran 2-6% slower. */
#if defined(__GNUC__) || defined(__clang__)
#  define LANES_INLINE __attribute__((always_inline)) static inline
#elif defined(_MSC_VER)
#  define LANES_INLINE static __forceinline
#else
#  define LANES_INLINE static inline
#endif

/* Eight rounds (slots j..j+7, constants k..k+7), the variables renamed
 * instead of moved, each scheduling with s (LANES_SCHED or
 * LANES_NO_SCHED); round 7 sums the next round's h + K + W with nx7. */
#define LANES_NO_SCHED(j) ((void)0)
#define LANES_ROUNDS8(s, nx7, j, k)                                          \
    do {                                                                     \
        LANES_ROUND(a, b, c, d, e, f, g, h, (j) + 0, (k) + 0, s, LANES_NEXT); \
        LANES_ROUND(h, a, b, c, d, e, f, g, (j) + 1, (k) + 1, s, LANES_NEXT); \
        LANES_ROUND(g, h, a, b, c, d, e, f, (j) + 2, (k) + 2, s, LANES_NEXT); \
        LANES_ROUND(f, g, h, a, b, c, d, e, (j) + 3, (k) + 3, s, LANES_NEXT); \
        LANES_ROUND(e, f, g, h, a, b, c, d, (j) + 4, (k) + 4, s, LANES_NEXT); \
        LANES_ROUND(d, e, f, g, h, a, b, c, (j) + 5, (k) + 5, s, LANES_NEXT); \
        LANES_ROUND(c, d, e, f, g, h, a, b, (j) + 6, (k) + 6, s, LANES_NEXT); \
        LANES_ROUND(b, c, d, e, f, g, h, a, (j) + 7, (k) + 7, s, nx7);       \
    } while (0)

/* All rounds of one block (64 or 80) on w[] loaded with its 16 words,
 * then the feed-forward into st[8], which the working variables start
 * from and are set to again for the next block. In two parts:
 * LANES_BLOCK_HEAD runs rounds 0..nrounds-17, which schedule W[t+16];
 * LANES_BLOCK_TAIL the last sixteen, which schedule nothing (the last
 * round has no successor to sum h + K + W for either), and the
 * feed-forward; a kernel may load its next block between the two. Uses
 * t1_, hk_, hkn_ and kk_. */
#define LANES_BLOCK_HEAD(nrounds)                                            \
    do {                                                                     \
        hk_ = ADD(ADD(h, KT(0)), w[0]);                                      \
        for (kk_ = 0; kk_ < (nrounds) - 16; kk_ += 16) {                     \
            LANES_ROUNDS8(LANES_SCHED, LANES_NEXT, 0, kk_);                  \
            LANES_ROUNDS8(LANES_SCHED, LANES_NEXT, 8, kk_ + 8);              \
        }                                                                    \
    } while (0)
#define LANES_BLOCK_TAIL(nrounds)                                            \
    do {                                                                     \
        LANES_ROUNDS8(LANES_NO_SCHED, LANES_NEXT, 0, (nrounds) - 16);        \
        LANES_ROUNDS8(LANES_NO_SCHED, LANES_NO_NEXT, 8, (nrounds) - 8);      \
        a = st[0] = ADD(st[0], a);                                           \
        b = st[1] = ADD(st[1], b);                                           \
        c = st[2] = ADD(st[2], c);                                           \
        d = st[3] = ADD(st[3], d);                                           \
        e = st[4] = ADD(st[4], e);                                           \
        f = st[5] = ADD(st[5], f);                                           \
        g = st[6] = ADD(st[6], g);                                           \
        h = st[7] = ADD(st[7], h);                                           \
    } while (0)
#define LANES_BLOCK(nrounds)                                                 \
    do {                                                                     \
        LANES_BLOCK_HEAD(nrounds);                                           \
        LANES_BLOCK_TAIL(nrounds);                                           \
    } while (0)

/* The working variables from st[8] (before the first block). */
#define LANES_START()                                                        \
    do {                                                                     \
        a = st[0]; b = st[1]; c = st[2]; d = st[3];                          \
        e = st[4]; f = st[5]; g = st[6]; h = st[7];                          \
    } while (0)

#endif
