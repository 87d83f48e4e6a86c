/*
 * floor.c - hmac-bench-floor: what one compression costs, measured through
 * the same dispatch the library uses. It gives run.sh the "ceiling" of each
 * target: the ratio libhmac would reach if an HMAC cost nothing but its
 * compressions.
 *
 * Rows (library column "libhmac-floor", size = block size, ns per block or
 * per pair):
 *   bulk     calls of up to 1 MiB of blocks: the fastest a block can go
 *   chain1   one-block calls, each on the state the last one left
 *   chain2   two independent one-block chains, called alternately: the
 *            time per pair. Near 2 x chain1 means the CPU cannot overlap
 *            them (the HMAC ipad and opad blocks are such a pair).
 *
 * It links the internal archive for sha256_compress/sha512_compress; the
 * blocks are the harness's fixed message.
 */
#include <stdint.h>
#include <string.h>

#include "bench.h"
#include "hmac/utils.h"
#include "internal.h"

/* The bulk callbacks count iterations in blocks, in calls of up to the
 * whole 1 MiB message (as the 1 MiB rows of hmac-bench hash it), so the
 * harness reports ns per block. */

static uint32_t st256[2][8];
static uint64_t st512[2][8];

/* Every row ends by folding the state into the sink, so the chains are
 * live. */
static void sink256(void)
{
    bench_sink ^= (unsigned char)(st256[0][0] ^ st256[1][0]);
}

static void sink512(void)
{
    bench_sink ^= (unsigned char)(st512[0][0] ^ st512[1][0]);
}

static void bulk256(void *ctx, size_t size, unsigned long iters)
{
    (void)ctx;
    (void)size;
    while (iters > 0) {
        unsigned long n = iters < BENCH_MAX_SIZE / 64 ? iters
                                                      : BENCH_MAX_SIZE / 64;
        sha256_compress(st256[0], bench_msg(), n);
        iters -= n;
    }
    sink256();
}

static void chain1_256(void *ctx, size_t size, unsigned long iters)
{
    (void)ctx;
    (void)size;
    while (iters-- > 0) {
        sha256_compress(st256[0], bench_msg(), 1);
    }
    sink256();
}

static void chain2_256(void *ctx, size_t size, unsigned long iters)
{
    (void)ctx;
    (void)size;
    while (iters-- > 0) {
        sha256_compress(st256[0], bench_msg(), 1);
        sha256_compress(st256[1], bench_msg() + 64, 1);
    }
    sink256();
}

static void bulk512(void *ctx, size_t size, unsigned long iters)
{
    (void)ctx;
    (void)size;
    while (iters > 0) {
        unsigned long n = iters < BENCH_MAX_SIZE / 128 ? iters
                                                      : BENCH_MAX_SIZE / 128;
        sha512_compress(st512[0], bench_msg(), n);
        iters -= n;
    }
    sink512();
}

static void chain1_512(void *ctx, size_t size, unsigned long iters)
{
    (void)ctx;
    (void)size;
    while (iters-- > 0) {
        sha512_compress(st512[0], bench_msg(), 1);
    }
    sink512();
}

static void chain2_512(void *ctx, size_t size, unsigned long iters)
{
    (void)ctx;
    (void)size;
    while (iters-- > 0) {
        sha512_compress(st512[0], bench_msg(), 1);
        sha512_compress(st512[1], bench_msg() + 128, 1);
    }
    sink512();
}

int main(int argc, char **argv)
{
    bench_init(argc, argv, "libhmac-floor");
    bench_info("libhmac-backend-sha256", hmac_backend_sha256());
    bench_info("libhmac-backend-sha512", hmac_backend_sha512());
    bench_run_one("SHA-256-compress", "bulk", 64, bulk256, NULL);
    bench_run_one("SHA-256-compress", "chain1", 64, chain1_256, NULL);
    bench_run_one("SHA-256-compress", "chain2", 64, chain2_256, NULL);
    bench_run_one("SHA-512-compress", "bulk", 128, bulk512, NULL);
    bench_run_one("SHA-512-compress", "chain1", 128, chain1_512, NULL);
    bench_run_one("SHA-512-compress", "chain2", 128, chain2_512, NULL);
    return 0;
}
