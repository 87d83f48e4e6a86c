/*
 * floor.c - hmac-bench-floor: what one compression costs, measured through
 * the same dispatch the library uses. It gives run.sh the "ceiling" of each
 * target: the ratio libhmac would reach if an HMAC cost nothing but its
 * compressions.
 *
 * Rows (library column "libhmac-floor", size = block size, ns per block or
 * per pair):
 *   bulk     iterations are blocks, in calls of up to the whole 1 MiB
 *            message (as hmac-bench's 1 MiB rows hash it): the fastest a
 *            block can go
 *   chain1   one-block calls, each on the state the last one left
 *   chain2   two independent one-block chains, called alternately: the
 *            time per pair. Near 2 x chain1 means the CPU cannot overlap
 *            them (the HMAC ipad and opad blocks are such a pair).
 *
 * It links the internal archive for sha256_compress/sha512_compress; the
 * blocks are the harness's fixed message.
 */
#include <stdint.h>

#include "bench.h"
#include "hmac/utils.h"
#include "internal.h"

/* One hash as the callbacks see it: its compression behind a void *
 * state, so that each way of timing is written once for both. */
typedef struct {
    void (*compress)(void *state, const uint8_t *blocks, size_t nblocks);
    size_t block;
    void *state[2]; /* two independent chaining values */
} floor_hash;

static uint32_t st256[2][8];
static uint64_t st512[2][8];

static void compress256(void *state, const uint8_t *blocks, size_t nblocks)
{
    sha256_compress((uint32_t *)state, blocks, nblocks);
}

static void compress512(void *state, const uint8_t *blocks, size_t nblocks)
{
    sha512_compress((uint64_t *)state, blocks, nblocks);
}

/* Every callback ends by folding the states into the sink, so the chains
 * are live. */
static void sink(const floor_hash *h)
{
    bench_sink ^= (unsigned char)(*(const uint8_t *)h->state[0] ^
                                  *(const uint8_t *)h->state[1]);
}

static void bulk(void *ctx, size_t size, unsigned long iters)
{
    const floor_hash *h = (const floor_hash *)ctx;
    unsigned long most = (unsigned long)(BENCH_MAX_SIZE / h->block);

    (void)size;
    while (iters > 0) {
        unsigned long n = iters < most ? iters : most;

        h->compress(h->state[0], bench_msg(), n);
        iters -= n;
    }
    sink(h);
}

static void chain1(void *ctx, size_t size, unsigned long iters)
{
    const floor_hash *h = (const floor_hash *)ctx;

    (void)size;
    while (iters-- > 0) {
        h->compress(h->state[0], bench_msg(), 1);
    }
    sink(h);
}

static void chain2(void *ctx, size_t size, unsigned long iters)
{
    const floor_hash *h = (const floor_hash *)ctx;

    (void)size;
    while (iters-- > 0) {
        h->compress(h->state[0], bench_msg(), 1);
        h->compress(h->state[1], bench_msg() + h->block, 1);
    }
    sink(h);
}

static void run(const char *algo, floor_hash *h)
{
    bench_run_one(algo, "bulk", h->block, bulk, h);
    bench_run_one(algo, "chain1", h->block, chain1, h);
    bench_run_one(algo, "chain2", h->block, chain2, h);
}

int main(int argc, char **argv)
{
    floor_hash h256 = {compress256, 64, {st256[0], st256[1]}};
    floor_hash h512 = {compress512, 128, {st512[0], st512[1]}};

    bench_init(argc, argv, "libhmac-floor");
    bench_info("libhmac-backend-sha256", hmac_backend_sha256());
    bench_info("libhmac-backend-sha512", hmac_backend_sha512());
    run("SHA-256-compress", &h256);
    run("SHA-512-compress", &h512);
    return 0;
}
