/*
 * lanes.c - the x86 lane kernels alone, a commit's against the working
 * tree's, in one process: each kernel (AVX-512 SHA-256 x16 and SHA-512
 * x8, AVX2 SHA-256 x8 and SHA-512 x4, AVX-512VL SHA-256 x8 and SHA-512
 * x4, the SHA-NI SHA-256 streams x2 and x3, the SHA-512 x8 and x4 and
 * SHA-256 x16 kernels with their block loops in assembly) advances every
 * lane over the same blocks, old and new in alternation, round by round;
 * the best time of the rounds is kept. What `_many` adds around them
 * (planning, padding, the scheduler) is left out, so a change to a
 * kernel shows at its own size. bench/inproc/ab.sh --lanes builds it.
 *
 * The kernels are compiled twice with their names changed to o_* and
 * n_* (see ab.sh); each has the lanes_fn contract of src/internal.h.
 * Message data: `bytes` per lane, from a pool of `pool` bytes walked
 * forward (a pool larger than the caches measures data from memory; the
 * default, one batch, stays in cache).
 */
#if !defined(__x86_64__)
#  error "lanes.c: the lane kernels it times are x86-64 ones"
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <x86intrin.h>

typedef void lanes_fn(void *const chain[], const uint8_t *const data[],
                      size_t n, size_t nblocks);

lanes_fn o_sha256_lanes_avx512, n_sha256_lanes_avx512;
lanes_fn o_sha512_lanes_avx512, n_sha512_lanes_avx512;
lanes_fn o_sha256_lanes_avx2, n_sha256_lanes_avx2;
lanes_fn o_sha512_lanes_avx2, n_sha512_lanes_avx2;
/* Kernels an older commit may lack (fa94841 and e781096 added them), weak:
 * they come from the object file the kernels above pull in, or are NULL
 * and their row says so. */
__attribute__((weak)) lanes_fn o_sha256_lanes_avx512vl, n_sha256_lanes_avx512vl;
__attribute__((weak)) lanes_fn o_sha512_lanes_avx512vl, n_sha512_lanes_avx512vl;
/* The SHA-NI streams (weak too: a build without them, or a commit). */
/* The assembly block loops (HMAC_HAVE_X86_ASM builds; x16 is newer). */
__attribute__((weak)) lanes_fn o_sha512_lanes_avx512_asm, n_sha512_lanes_avx512_asm;
__attribute__((weak)) lanes_fn o_sha256_lanes_avx512_asm, n_sha256_lanes_avx512_asm;
__attribute__((weak)) lanes_fn o_sha512_lanes_avx512vl_asm, n_sha512_lanes_avx512vl_asm;
__attribute__((weak)) lanes_fn o_sha256_lanes_shani_x2, n_sha256_lanes_shani_x2;
__attribute__((weak)) lanes_fn o_sha256_lanes_shani_x3, n_sha256_lanes_shani_x3;

static const struct {
    const char *name;
    lanes_fn *fn[2]; /* old, new */
    size_t lanes, block;
    int isa; /* 0 AVX2, 1 AVX-512, 2 SHA-NI */
} kernels[] = {
    {"AVX-512 SHA-256 x16", {o_sha256_lanes_avx512, n_sha256_lanes_avx512}, 16, 64, 1},
    {"AVX-512 SHA-512 x8", {o_sha512_lanes_avx512, n_sha512_lanes_avx512}, 8, 128, 1},
    {"AVX2 SHA-256 x8", {o_sha256_lanes_avx2, n_sha256_lanes_avx2}, 8, 64, 0},
    {"AVX2 SHA-512 x4", {o_sha512_lanes_avx2, n_sha512_lanes_avx2}, 4, 128, 0},
    {"AVX-512VL SHA-256 x8", {o_sha256_lanes_avx512vl, n_sha256_lanes_avx512vl}, 8, 64, 1},
    {"AVX-512VL SHA-512 x4", {o_sha512_lanes_avx512vl, n_sha512_lanes_avx512vl}, 4, 128, 1},
    {"asm SHA-256 x16", {o_sha256_lanes_avx512_asm, n_sha256_lanes_avx512_asm}, 16, 64, 1},
    {"asm SHA-512 x8", {o_sha512_lanes_avx512_asm, n_sha512_lanes_avx512_asm}, 8, 128, 1},
    {"asm SHA-512 x4", {o_sha512_lanes_avx512vl_asm, n_sha512_lanes_avx512vl_asm}, 4, 128, 1},
    {"SHA-NI SHA-256 x2", {o_sha256_lanes_shani_x2, n_sha256_lanes_shani_x2}, 2, 64, 2},
    {"SHA-NI SHA-256 x3", {o_sha256_lanes_shani_x3, n_sha256_lanes_shani_x3}, 3, 64, 2},
};

/* SHA-NI: CPUID leaf 7, EBX bit 29. */
static int has_shani(void)
{
    unsigned a, b, c, d;

    __asm__("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(7), "c"(0));
    return (b >> 29) & 1;
}

static int has_avx512(void)
{
    /* The kernels' own requirement (cpu.c also checks XCR0; a Linux
     * kernel that reports these flags saves the ZMM state). */
    return __builtin_cpu_supports("avx512f") &&
           __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl");
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 100;
    size_t bytes = argc > 2 ? (size_t)strtoull(argv[2], NULL, 10) : 4096;
    size_t pool = argc > 3 ? (size_t)strtoull(argv[3], NULL, 10) : 0;
    uint64_t chain[16][8];
    void *cv[16];
    const uint8_t *data[16];
    uint8_t *buf;
    size_t i, j, k, off = 0;
    int r, v, has[3];

    if (rounds < 1 || bytes < 128 || bytes % 128 != 0) {
        fprintf(stderr, "usage: lanes [ROUNDS] [BYTES per lane, a multiple "
                        "of 128] [POOL bytes]\n");
        return 2;
    }
    if (pool < 16 * bytes) {
        pool = 16 * bytes;
    }
    has[0] = __builtin_cpu_supports("avx2");
    has[1] = has_avx512();
    has[2] = has_shani();
    if (!has[0]) {
        fprintf(stderr, "lanes: no AVX2 on this CPU: nothing to time\n");
        return 0;
    }
    buf = malloc(pool);
    if (buf == NULL) {
        fprintf(stderr, "lanes: no memory for a %zu-byte pool\n", pool);
        return 1;
    }
    for (j = 0; j < pool; j++) {
        buf[j] = (uint8_t)(j * 131 + (j >> 9));
    }
    memset(chain, 0, sizeof chain);
    for (i = 0; i < 16; i++) {
        cv[i] = chain[i];
    }
    printf("# best of %d alternating rounds; %zu bytes a lane from a %zu-byte "
           "pool; ticks per lane block\n", rounds, bytes, pool);
    printf("%-20s %10s %10s %8s\n", "kernel", "old", "new", "new/old");
    for (k = 0; k < sizeof kernels / sizeof kernels[0]; k++) {
        size_t nblocks = bytes / kernels[k].block;
        double best[2] = {1e300, 1e300};

        if (!has[kernels[k].isa]) {
            printf("%-20s (no %s on this CPU)\n", kernels[k].name,
                   kernels[k].isa == 2 ? "SHA-NI" : "AVX-512");
            continue;
        }
        if (kernels[k].fn[0] == NULL || kernels[k].fn[1] == NULL) {
            printf("%-20s (not in the %s commit)\n", kernels[k].name,
                   kernels[k].fn[0] == NULL ? "old" : "new");
            continue;
        }
        for (r = 0; r < rounds; r++) {
            for (v = 0; v < 2; v++) {
                /* Old first in even rounds, new first in odd ones. */
                int which = (r + v) & 1;
                uint64_t t0, t1;
                double t;

                if (off + 16 * bytes > pool) {
                    off = 0;
                }
                for (i = 0; i < 16; i++) {
                    data[i] = buf + off + i * bytes;
                }
                off += 16 * bytes;
                t0 = (uint64_t)__rdtsc();
                kernels[k].fn[which](cv, data, kernels[k].lanes, nblocks);
                t1 = (uint64_t)__rdtsc();
                t = (double)(t1 - t0) / (double)(kernels[k].lanes * nblocks);
                if (t < best[which]) {
                    best[which] = t;
                }
            }
        }
        printf("%-20s %10.2f %10.2f %8.3f\n", kernels[k].name, best[0],
               best[1], best[1] / best[0]);
    }
    /* Keeps the chaining values live. */
    printf("# sink %u\n", (unsigned)(chain[0][0] ^ chain[15][7]));
    free(buf);
    return 0;
}
