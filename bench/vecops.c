/*
 * vecops.c - hmac-bench-vecops: the floor under the AVX-512 lane kernels.
 *
 * The SHA-256 x16, SHA-512 x8 and x4 kernels are vector operations and
 * nothing else: a round is 6 rotations, 7 additions and 4 three-input
 * boolean operations (VPTERNLOG: Sigma1, Ch, Maj, Sigma0) whatever the
 * word size, and a schedule step 6 rotations or shifts, 3 additions and 2
 * VPTERNLOGs (two register copies a round are left out: the CPU renames
 * them away). A block is 64 rounds and 48 steps for SHA-256, 80 rounds
 * and 64 steps for SHA-512. This program times that mix on independent
 * registers, so no dependency chain is ever waited on: the time is the
 * execution units' throughput alone, the fastest the rounds can run on
 * this CPU however they are scheduled. Divided by the lanes, it is the
 * floor under hmac-bench-picks' "ns per lane block" (the kernels add the
 * loads and transposes, about 0.15 of a block's operations).
 *
 * It also times each operation alone (rotation, addition, VPTERNLOG, on
 * zmm and on ymm registers), so the floor can be read as "which
 * instruction limits it": on AMD Zen 4 a zmm rotation takes twice the
 * time of a zmm addition, and the mix runs at the four 256-bit pipes'
 * combined rate, neither bound by the rotations alone.
 *
 * With SHA-NI it also times SHA-NI streams interleaved with the x16 mix
 * (HYBRID below): whether their blocks come free beside the lanes.
 *
 * x86-64 with AVX-512F; built where the library's x86 assembly is (GNU
 * syntax). Usage: hmac-bench-vecops [ROUNDS] (best of ROUNDS timings,
 * each at least 20 ms; default 7).
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <cpuid.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double bench_now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Twelve accumulators (zmm0-11) each chain through their own operations;
 * zmm12 and zmm13 are the other operands. Twelve chains of 1-2 cycle
 * operations keep every pipe of a four-pipe unit busy. */
#define CLOBBERS                                                             \
    "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8",  \
        "xmm9", "xmm10", "xmm11", "xmm12", "xmm13"

/* One operation of each kind on accumulator k, width W (q or d), register
 * class V (zmm or ymm). */
#define ROT(W, V, k) "vpror" W " $14, %%" V #k ", %%" V #k "\n\t"
#define ADD(W, V, k) "vpadd" W " %%" V "12, %%" V #k ", %%" V #k "\n\t"
#define TL(W, V, k)                                                          \
    "vpternlog" W " $0x96, %%" V "12, %%" V "13, %%" V #k "\n\t"

/* A round's operations in the kernels' order (h + K + W, Sigma1, Ch, T1,
 * e, Sigma0, Maj, a) and a schedule step's (sigma1, adds, sigma0, add). */
#define ROUND(W, V)                                                          \
    ADD(W, V, 0) ADD(W, V, 1) ROT(W, V, 2) ROT(W, V, 3) ROT(W, V, 4)         \
    TL(W, V, 2) TL(W, V, 5) ADD(W, V, 6) ADD(W, V, 7) ADD(W, V, 8)           \
    ROT(W, V, 9) ROT(W, V, 10) ROT(W, V, 11) TL(W, V, 9) TL(W, V, 0)         \
    ADD(W, V, 1) ADD(W, V, 6)
#define SCHED(W, V)                                                          \
    ROT(W, V, 3) ROT(W, V, 4) ROT(W, V, 5) TL(W, V, 3) ADD(W, V, 7)          \
    ADD(W, V, 8) ROT(W, V, 10) ROT(W, V, 11) ROT(W, V, 2) TL(W, V, 10)       \
    ADD(W, V, 7)

/* One asm statement each (ISO C caps a string literal near 4 KiB). */
#define OPS(seq) __asm__ __volatile__(seq ::: CLOBBERS)

/* One sixteenth of a block: SHA-256 4 rounds and 3 steps (64 and 48 a
 * block), SHA-512 5 rounds and 4 steps (80 and 64). */
static void mix256(unsigned long n)
{
    while (n-- > 0) {
        OPS(ROUND("d", "zmm")); OPS(ROUND("d", "zmm"));
        OPS(ROUND("d", "zmm")); OPS(ROUND("d", "zmm"));
        OPS(SCHED("d", "zmm")); OPS(SCHED("d", "zmm"));
        OPS(SCHED("d", "zmm"));
    }
}

/* SHA-512's, on zmm registers (the x8 kernel) or ymm (the x4 kernel). */
#define MIX512(name, V)                                                      \
    static void name(unsigned long n)                                        \
    {                                                                        \
        while (n-- > 0) {                                                    \
            OPS(ROUND("q", V)); OPS(ROUND("q", V)); OPS(ROUND("q", V));      \
            OPS(ROUND("q", V)); OPS(ROUND("q", V)); OPS(SCHED("q", V));      \
            OPS(SCHED("q", V)); OPS(SCHED("q", V)); OPS(SCHED("q", V));      \
        }                                                                    \
    }
MIX512(mix512, "zmm")
MIX512(mix512y, "ymm")

/* SHA-NI streams beside the x16 lanes: can a CPU run SHA-NI blocks in
 * what the lanes leave of its vector pipes? Per quarter of a block, the
 * x16 mix (16 rounds, 12 steps, on zmm16-27: the legacy-encoded SHA
 * instructions reach only xmm0-15) is interleaved with 0, 1 or 2 streams'
 * quarters as sha256_x86_shani.c runs them: 4 times "W + K, rnds2, move
 * the high half down, rnds2" and 3 schedule steps "msg1, alignr, add,
 * msg2". A stream's state pair chains through its rnds2 as in the real
 * code; xmm0 is rnds2's implicit operand; xmm11 stands for K. */
#define HI_CLOBBERS                                                          \
    "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8",  \
        "xmm9", "xmm10", "xmm11", "xmm16", "xmm17", "xmm18", "xmm19",        \
        "xmm20", "xmm21", "xmm22", "xmm23", "xmm24", "xmm25", "xmm26",       \
        "xmm27"
#define HROUND                                                               \
    ADD("d", "zmm", 16) ADD("d", "zmm", 17) ROT("d", "zmm", 18)              \
    ROT("d", "zmm", 19) ROT("d", "zmm", 20) TL("d", "zmm", 18)               \
    TL("d", "zmm", 21) ADD("d", "zmm", 22) ADD("d", "zmm", 23)               \
    ADD("d", "zmm", 24) ROT("d", "zmm", 25) ROT("d", "zmm", 26)              \
    ROT("d", "zmm", 27) TL("d", "zmm", 25) TL("d", "zmm", 16)                \
    ADD("d", "zmm", 17) ADD("d", "zmm", 22)
#define HSCHED                                                               \
    ROT("d", "zmm", 19) ROT("d", "zmm", 20) ROT("d", "zmm", 21)              \
    TL("d", "zmm", 19) ADD("d", "zmm", 23) ADD("d", "zmm", 24)               \
    ROT("d", "zmm", 26) ROT("d", "zmm", 27) ROT("d", "zmm", 18)              \
    TL("d", "zmm", 26) ADD("d", "zmm", 23)
/* One stream on state a, c, message words w, x and W + K temporary t. */
#define SNI_R4(a, c, w, t)                                                   \
    "movdqa %%xmm" #w ", %%xmm" #t "\n\t"                                    \
    "paddd %%xmm11, %%xmm" #t "\n\t"                                         \
    "movdqa %%xmm" #t ", %%xmm0\n\t"                                         \
    "sha256rnds2 %%xmm" #a ", %%xmm" #c "\n\t"                               \
    "pshufd $0x0e, %%xmm" #t ", %%xmm0\n\t"                                  \
    "sha256rnds2 %%xmm" #c ", %%xmm" #a "\n\t"
#define SNI_SCHED(w, x, t)                                                   \
    "sha256msg1 %%xmm" #x ", %%xmm" #w "\n\t"                                \
    "movdqa %%xmm" #x ", %%xmm" #t "\n\t"                                    \
    "palignr $4, %%xmm" #w ", %%xmm" #t "\n\t"                               \
    "paddd %%xmm" #t ", %%xmm" #w "\n\t"                                     \
    "sha256msg2 %%xmm" #x ", %%xmm" #w "\n\t"
#define S1_R4 SNI_R4(1, 2, 3, 5)
#define S2_R4 SNI_R4(6, 7, 8, 10)
#define S1_SCHED SNI_SCHED(3, 4, 5)
#define S2_SCHED SNI_SCHED(8, 9, 10)
#define HOPS(seq) __asm__ __volatile__(seq ::: HI_CLOBBERS)
/* xmm16-27 exist (and may be clobbered) only where AVX-512 is enabled. */
#define HI_TARGET __attribute__((target("avx512f")))
/* A quarter block: the lanes' 16 rounds and 12 steps with the streams'. */
#define HYBRID(name, LANE_R, LANE_S, R4, SCH)                                \
    HI_TARGET static void name(unsigned long n)                              \
    {                                                                        \
        while (n-- > 0) {                                                    \
            HOPS(LANE_R LANE_R LANE_R LANE_R R4);                            \
            HOPS(LANE_R LANE_R LANE_R LANE_R R4);                            \
            HOPS(LANE_R LANE_R LANE_R LANE_R R4);                            \
            HOPS(LANE_R LANE_R LANE_R LANE_R R4);                            \
            HOPS(LANE_S LANE_S LANE_S LANE_S SCH);                           \
            HOPS(LANE_S LANE_S LANE_S LANE_S SCH);                           \
            HOPS(LANE_S LANE_S LANE_S LANE_S SCH);                           \
        }                                                                    \
    }
HYBRID(lanes_only, HROUND, HSCHED, "", "")
HYBRID(lanes_s1, HROUND, HSCHED, S1_R4, S1_SCHED)
HYBRID(lanes_s2, HROUND, HSCHED, S1_R4 S2_R4, S1_SCHED S2_SCHED)
HYBRID(shani_s1, "", "", S1_R4, S1_SCHED)
HYBRID(shani_s2, "", "", S1_R4 S2_R4, S1_SCHED S2_SCHED)

/* 24 operations of one kind a call. */
#define X12(OP, W, V)                                                        \
    OP(W, V, 0) OP(W, V, 1) OP(W, V, 2) OP(W, V, 3) OP(W, V, 4)              \
    OP(W, V, 5) OP(W, V, 6) OP(W, V, 7) OP(W, V, 8) OP(W, V, 9)              \
    OP(W, V, 10) OP(W, V, 11)
#define ALONE(name, OP, V)                                                   \
    static void name(unsigned long n)                                        \
    {                                                                        \
        while (n-- > 0) {                                                    \
            OPS(X12(OP, "q", V));                                            \
            OPS(X12(OP, "q", V));                                            \
        }                                                                    \
    }
ALONE(rot_zmm, ROT, "zmm")
ALONE(add_zmm, ADD, "zmm")
ALONE(tl_zmm, TL, "zmm")
ALONE(rot_ymm, ROT, "ymm")
ALONE(add_ymm, ADD, "ymm")
ALONE(tl_ymm, TL, "ymm")

/* CPUID leaf 7's SHA bit (clang's __builtin_cpu_supports has no "sha"). */
static int has_sha(void)
{
    unsigned a, b, c, d;

    return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b >> 29 & 1u);
}

/* Best ns per call of fn over `rounds` timings of at least 20 ms each. */
static double best_ns(void (*fn)(unsigned long), int rounds)
{
    unsigned long n = 1000;
    double best = 1e300;
    int r;

    for (;;) {
        double t0 = bench_now_ns();

        fn(n);
        if (bench_now_ns() - t0 >= 20e6) {
            break;
        }
        n *= 2;
    }
    for (r = 0; r < rounds; r++) {
        double t0 = bench_now_ns(), t;

        fn(n);
        t = (bench_now_ns() - t0) / (double)n;
        best = t < best ? t : best;
    }
    __asm__ __volatile__("vzeroupper");
    return best;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        void (*fn)(unsigned long);
    } alone[] = {
        {"vprorq zmm", rot_zmm},     {"vpaddq zmm", add_zmm},
        {"vpternlogq zmm", tl_zmm},  {"vprorq ymm", rot_ymm},
        {"vpaddq ymm", add_ymm},     {"vpternlogq ymm", tl_ymm},
    };
    int rounds = argc > 1 ? atoi(argv[1]) : 7;
    double t256, t512, t512y, rot = 0, per[6];
    size_t i;

    if (rounds < 1) {
        fprintf(stderr, "usage: hmac-bench-vecops [ROUNDS >= 1]\n");
        return 2;
    }
    if (!__builtin_cpu_supports("avx512f")) {
        printf("hmac-bench-vecops: no AVX-512F on this CPU: nothing to time\n");
        return 0;
    }
    printf("# hmac-bench-vecops: best of %d timings of >= 20 ms; independent "
           "registers (throughput only)\n", rounds);
    for (i = 0; i < sizeof alone / sizeof alone[0]; i++) {
        per[i] = best_ns(alone[i].fn, rounds) / 24.0;
        printf("%-16s %7.3f ns per operation\n", alone[i].name, per[i]);
    }
    rot = per[0];
    t256 = best_ns(mix256, rounds) * 16.0;
    t512 = best_ns(mix512, rounds) * 16.0;
    t512y = best_ns(mix512y, rounds) * 16.0;
    /* A block of each: 16 sixteenths (see mix256/mix512). */
    printf("SHA-256 x16 rounds: %7.1f ns a block, %5.2f ns a lane block "
           "(its %d rotations alone: %5.2f)\n",
           t256, t256 / 16.0, 16 * (4 * 6 + 3 * 6),
           16 * (4 * 6 + 3 * 6) * rot / 16.0);
    printf("SHA-512 x8 rounds:  %7.1f ns a block, %5.2f ns a lane block "
           "(its %d rotations alone: %5.2f)\n",
           t512, t512 / 8.0, 16 * (5 * 6 + 4 * 6),
           16 * (5 * 6 + 4 * 6) * rot / 8.0);
    printf("SHA-512 x4 rounds (ymm): %7.1f ns a block, %5.2f ns a lane "
           "block\n", t512y, t512y / 4.0);
    if (has_sha()) {
        /* Quarters of a block, timed; a block is 4. */
        double l0 = best_ns(lanes_only, rounds) * 4.0;
        double l1 = best_ns(lanes_s1, rounds) * 4.0;
        double l2 = best_ns(lanes_s2, rounds) * 4.0;
        double s1 = best_ns(shani_s1, rounds) * 4.0;
        double s2 = best_ns(shani_s2, rounds) * 4.0;

        printf("SHA-NI streams alone: 1 stream %5.1f ns a block, 2 streams "
               "%5.1f ns a block each\n", s1, s2 / 2.0);
        printf("x16 rounds with 0, 1, 2 SHA-NI streams beside them: %6.1f, "
               "%6.1f, %6.1f ns a block\n", l0, l1, l2);
        printf("  a stream's block adds %5.2f ns beside the lanes (1 stream), "
               "%5.2f (2); a lane's block costs %5.2f\n",
               l1 - l0, (l2 - l0) / 2.0, l0 / 16.0);
    }
    return 0;
}
