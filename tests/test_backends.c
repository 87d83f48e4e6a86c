/*
 * test_backends.c - every hardware backend the host supports agrees with
 * the portable cores: the compression functions directly (random chaining
 * values, 1..17 blocks at unaligned addresses), the fused one-shot HMAC,
 * and the public hashes and HMACs across sizes with the backend forced on
 * and off through hmac_cpu_force(). A backend that was not built, or that
 * this CPU lacks, is reported as skipped, never passed.
 *
 * Run as "test_backends --expect-portable" (ctest does, with
 * HMAC_BACKEND=portable in the environment) it checks instead that the
 * environment override selects the portable cores.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmac.h"
#include "internal.h"
#include "testutil.h"

#define MAX_BLOCKS 17

#if defined(HMAC_HAVE_X86_SHANI)
#  define SHA256_HW_NAME "x86-shani"
#  define SHA256_HW_FN sha256_compress_shani
#elif defined(HMAC_HAVE_ARM_SHA2)
#  define SHA256_HW_NAME "armv8-sha2"
#  define SHA256_HW_FN sha256_compress_armv8
#endif
#if defined(HMAC_HAVE_X86_AVX2)
#  define SHA512_HW_NAME "x86-avx2"
#  define SHA512_HW_FN sha512_compress_avx2
#elif defined(HMAC_HAVE_ARM_SHA512)
#  define SHA512_HW_NAME "armv8-sha512"
#  define SHA512_HW_FN sha512_compress_armv8
#endif

#if defined(HMAC_HAVE_X86_SHANI)
#  define FUSED_BUILT 1
#else
#  define FUSED_BUILT 0
#endif

/* Skips the current test unless the library has a backend for bit and
 * this CPU runs it; says which, so a skip is never mistaken for a pass. */
static int require_backend(unsigned bit, int built, const char *what)
{
    unsigned detected = hmac_cpu_force(HMAC_CPU_ALL);

    if (!built) {
        print_message("[  SKIP    ] %s: backend not built for this target/compiler\n", what);
        return 0;
    }
    if ((detected & bit) != bit) {
        print_message("[  SKIP    ] %s: this CPU lacks the instructions\n", what);
        return 0;
    }
    return 1;
}

#if defined(SHA256_HW_FN)
static void test_sha256_compress(void **unused)
{
    uint8_t buf[MAX_BLOCKS * 64 + 8];
    uint64_t seed = 256;
    int iter;

    (void)unused;
    if (!require_backend(HMAC_CPU_SHA256_HW, 1, "SHA-256 " SHA256_HW_NAME)) {
        skip();
    }
    for (iter = 0; iter < 400; iter++) {
        uint32_t want[8], got[8];
        size_t nblocks = 1 + (size_t)tu_rand_below(&seed, MAX_BLOCKS);
        size_t offset = (size_t)tu_rand_below(&seed, 8); /* any alignment */

        tu_fill_random((uint8_t *)want, sizeof want, &seed);
        memcpy(got, want, sizeof got);
        tu_fill_random(buf, sizeof buf, &seed);
        sha256_compress_portable(want, buf + offset, nblocks);
        SHA256_HW_FN(got, buf + offset, nblocks);
        assert_memory_equal(got, want, sizeof want);
    }
}
#endif

#if defined(SHA512_HW_FN)
/* fn against the portable core, if this CPU has every bit of need. */
static void check_sha512_compress(sha512_compress_fn *fn, unsigned need,
                                  const char *what)
{
    uint8_t buf[MAX_BLOCKS * 128 + 8];
    uint64_t seed = 512;
    int iter;

    if (!require_backend(need, 1, what)) {
        skip();
    }
    for (iter = 0; iter < 400; iter++) {
        uint64_t want[8], got[8];
        size_t nblocks = 1 + (size_t)tu_rand_below(&seed, MAX_BLOCKS);
        size_t offset = (size_t)tu_rand_below(&seed, 8);

        tu_fill_random((uint8_t *)want, sizeof want, &seed);
        memcpy(got, want, sizeof got);
        tu_fill_random(buf, sizeof buf, &seed);
        sha512_compress_portable(want, buf + offset, nblocks);
        fn(got, buf + offset, nblocks);
        assert_memory_equal(got, want, sizeof want);
    }
}

static void test_sha512_compress(void **unused)
{
    (void)unused;
    check_sha512_compress(SHA512_HW_FN, HMAC_CPU_SHA512_HW, "SHA-512 " SHA512_HW_NAME);
}
#endif

#if defined(HMAC_HAVE_X86_ASM)
/* The assembly variants (the dispatcher picks one; both are checked). */
static void test_sha512_compress_avx2_asm(void **unused)
{
    (void)unused;
    check_sha512_compress(sha512_compress_avx2_asm, HMAC_CPU_SHA512_HW,
                          "SHA-512 x86-avx2-asm");
}

static void test_sha512_compress_avx512_asm(void **unused)
{
    (void)unused;
    check_sha512_compress(sha512_compress_avx512_asm,
                          HMAC_CPU_SHA512_HW | HMAC_CPU_SHA512_AVX512,
                          "SHA-512 x86-avx512-asm");
}
#endif

#if defined(HMAC_HAVE_X86_ASM)
/* Two streams in one call against two portable compressions: block j of
 * each stream shares a schedule pass, so a mix-up between them, or a
 * state stored to the wrong place, shows here. nblocks may be 0. */
static void check_sha512_compress2(sha512_compress2_fn *fn, unsigned need,
                                   const char *what)
{
    uint8_t buf1[MAX_BLOCKS * 128 + 8], buf2[MAX_BLOCKS * 128 + 8];
    uint64_t seed = 1024;
    int iter;

    if (!require_backend(need, 1, what)) {
        skip();
    }
    for (iter = 0; iter < 400; iter++) {
        uint64_t want1[8], want2[8], got[2][8];
        size_t nblocks = (size_t)tu_rand_below(&seed, MAX_BLOCKS + 1);
        size_t off1 = (size_t)tu_rand_below(&seed, 8);
        size_t off2 = (size_t)tu_rand_below(&seed, 8);

        tu_fill_random((uint8_t *)want1, sizeof want1, &seed);
        tu_fill_random((uint8_t *)want2, sizeof want2, &seed);
        memcpy(got[0], want1, sizeof want1);
        memcpy(got[1], want2, sizeof want2);
        tu_fill_random(buf1, sizeof buf1, &seed);
        tu_fill_random(buf2, sizeof buf2, &seed);
        sha512_compress_portable(want1, buf1 + off1, nblocks);
        sha512_compress_portable(want2, buf2 + off2, nblocks);
        fn(got[0], buf1 + off1, got[1], buf2 + off2, nblocks);
        assert_memory_equal(got[0], want1, sizeof want1);
        assert_memory_equal(got[1], want2, sizeof want2);
    }
}

static void test_sha512_compress2_avx2_asm(void **unused)
{
    (void)unused;
    check_sha512_compress2(sha512_compress2_avx2_asm, HMAC_CPU_SHA512_HW,
                           "SHA-512 x86-avx2-asm, two streams");
}

static void test_sha512_compress2_avx512_asm(void **unused)
{
    (void)unused;
    check_sha512_compress2(sha512_compress2_avx512_asm,
                           HMAC_CPU_SHA512_HW | HMAC_CPU_SHA512_AVX512,
                           "SHA-512 x86-avx512-asm, two streams");
}
#endif

#if !defined(SHA256_HW_FN) || !defined(SHA512_HW_FN)
/* Without the backend compiled in, the test still exists and says so. */
static void test_not_built(void **state)
{
    require_backend(0, 0, (const char *)*state);
    skip();
}
#endif

/* ---- lane kernels (many messages per call) ---------------------------- */

typedef struct {
    const char *name;
    lanes_fn *fn;
    size_t width;
    int sha512;     /* 0: SHA-256 chains and 64-byte blocks */
    unsigned bit;   /* HMAC_CPU_* the CPU needs */
} lane_kernel_row;

static const lane_kernel_row lane_kernels[] = {
#if defined(HMAC_HAVE_X86_AVX512_LANES)
    {"SHA-256 x16 AVX-512", sha256_lanes_avx512, 16, 0, HMAC_CPU_AVX512_LANES},
    {"SHA-512 x8 AVX-512", sha512_lanes_avx512, 8, 1, HMAC_CPU_AVX512_LANES},
    {"SHA-256 x8 AVX-512VL", sha256_lanes_avx512vl, 8, 0, HMAC_CPU_AVX512_LANES},
    {"SHA-512 x4 AVX-512VL", sha512_lanes_avx512vl, 4, 1, HMAC_CPU_AVX512_LANES},
#  if defined(HMAC_HAVE_X86_ASM)
    {"SHA-512 x8 AVX-512 assembly", sha512_lanes_avx512_asm, 8, 1,
     HMAC_CPU_AVX512_LANES},
    {"SHA-256 x16 AVX-512 assembly", sha256_lanes_avx512_asm, 16, 0,
     HMAC_CPU_AVX512_LANES},
    {"SHA-512 x4 AVX-512VL assembly", sha512_lanes_avx512vl_asm, 4, 1,
     HMAC_CPU_AVX512_LANES},
#  endif
#endif
#if defined(HMAC_HAVE_X86_AVX2_LANES)
    {"SHA-256 x8 AVX2", sha256_lanes_avx2, 8, 0, HMAC_CPU_AVX2_LANES},
    {"SHA-512 x4 AVX2", sha512_lanes_avx2, 4, 1, HMAC_CPU_AVX2_LANES},
#endif
    {"SHA-256 single", sha256_lanes_single, 1, 0, 0},
    {"SHA-512 single", sha512_lanes_single, 1, 1, 0},
};

/* Each lane kernel the CPU runs against the portable compression: every
 * lane count 1..width, 1 to 5 blocks (the SHA-512 x4 assembly runs from
 * 4), random chaining values, each lane's blocks at its own unaligned
 * address (lanes may also share blocks), and the chains past n (which
 * the kernel must not write) checked untouched. */
static void test_lane_kernels(void **unused)
{
    static uint8_t buf[LANES_MAX][5 * 128 + 16];
    uint64_t chains[LANES_MAX + 1][8], want[LANES_MAX + 1][8];
    uint64_t seed = 0x6c616e65u;
    size_t r, n, nb, i, ran = 0;

    (void)unused;
    tu_fill_random((uint8_t *)buf, sizeof buf, &seed);
    for (r = 0; r < sizeof lane_kernels / sizeof lane_kernels[0]; r++) {
        const lane_kernel_row *k = &lane_kernels[r];

        if ((hmac_cpu_force(HMAC_CPU_ALL) & k->bit) != k->bit) {
            print_message("[  SKIP    ] %s: this CPU lacks the instructions\n",
                          k->name);
            continue;
        }
        ran++;
        for (n = 1; n <= k->width; n++) {
            for (nb = 1; nb <= 5; nb++) {
                void *chain[LANES_MAX];
                const uint8_t *data[LANES_MAX];

                tu_fill_random((uint8_t *)chains, sizeof chains, &seed);
                memcpy(want, chains, sizeof want);
                for (i = 0; i < n; i++) {
                    chain[i] = chains[i];
                    /* any alignment; lane 3 reads lane 1's blocks */
                    data[i] = i == 3 ? data[1]
                                     : buf[i] + tu_rand_below(&seed, 16);
                    if (k->sha512) {
                        sha512_compress_portable(want[i], data[i], nb);
                    } else {
                        sha256_compress_portable((uint32_t *)(void *)want[i],
                                                 data[i], nb);
                    }
                }
                k->fn(chain, data, n, nb);
                if (memcmp(chains, want, sizeof want) != 0) {
                    print_error("%s: n=%u, %u blocks\n", k->name,
                                (unsigned)n, (unsigned)nb);
                }
                assert_memory_equal(chains, want, sizeof want);
            }
        }
    }
    /* The picks, under every feature subset: one message in flight costs
     * what a single call costs; no SIMD lane kernel without its feature. */
    for (r = 0; r <= HMAC_CPU_ALL; r++) {
        unsigned detected = hmac_cpu_force(HMAC_CPU_ALL);

        if ((r & detected) != r) {
            continue;
        }
        hmac_cpu_force((unsigned)r);
        for (n = 1; n <= LANES_MAX; n++) {
            lanes_kernel k256 = sha256_lanes_pick(n);
            lanes_kernel k512 = sha512_lanes_pick(n);

            assert_true(k256.width >= 1 && k256.width <= LANES_MAX);
            assert_true(k512.width >= 1 && k512.width <= LANES_MAX);
            if (n == 1) {
                assert_int_equal(k256.width, 1);
                assert_int_equal(k512.width, 1);
            }
#if defined(HMAC_HAVE_X86_AVX512_LANES)
            if (!(r & HMAC_CPU_AVX512_LANES)) {
                assert_true(k256.fn != sha256_lanes_avx512);
                assert_true(k256.fn != sha256_lanes_avx512vl);
                assert_true(k512.fn != sha512_lanes_avx512);
                assert_true(k512.fn != sha512_lanes_avx512vl);
            }
#endif
#if defined(HMAC_HAVE_X86_AVX2_LANES)
            if (!(r & HMAC_CPU_AVX2_LANES)) {
                assert_true(k256.fn != sha256_lanes_avx2);
                assert_true(k512.fn != sha512_lanes_avx2);
            }
#endif
            /* lanes.c's plan covers the n lanes in groups each kernel
             * takes, and never leaves a lone lane to the single stream
             * after SHA-NI groups: 7 lanes are one x3 group and two pairs,
             * not two x3 groups and a single stream. */
            {
                lanes_group plan[LANES_MAX];
                size_t ng = lanes_plan(n, sha256_lanes_pick, plan), q, sum = 0;

                for (q = 0; q < ng; q++) {
                    assert_true(plan[q].lanes >= 1 &&
                                plan[q].lanes <= plan[q].k.width);
                    sum += plan[q].lanes;
#if defined(HMAC_HAVE_X86_SHANI)
                    if (q > 0 && plan[q].k.fn == sha256_lanes_single &&
                        (plan[q - 1].k.fn == sha256_lanes_shani_x2 ||
                         plan[q - 1].k.fn == sha256_lanes_shani_x3)) {
                        print_error("mask %u, %u lanes: a lone lane after "
                                    "SHA-NI streams\n", (unsigned)r,
                                    (unsigned)n);
                        fail();
                    }
#endif
                }
                assert_int_equal(sum, n);
                ng = lanes_plan(n, sha512_lanes_pick, plan);
                for (q = 0, sum = 0; q < ng; q++) {
                    assert_true(plan[q].lanes >= 1 &&
                                plan[q].lanes <= plan[q].k.width);
                    sum += plan[q].lanes;
                }
                assert_int_equal(sum, n);
            }
        }
    }
    print_message("[  INFO    ] lane kernels checked: %u\n", (unsigned)ran);
}

#if defined(HMAC_HAVE_X86_AVX512_LANES) ||                                    \
    defined(HMAC_HAVE_X86_AVX2_LANES) || defined(HMAC_HAVE_X86_SHANI)
#  define HMAC_KERNELS 1
/* ---- fused HMAC lane kernels ------------------------------------------- */

typedef struct {
    const char *name;
    lanes_hmac_fn *fn;
    size_t width;
    int sha512;
    unsigned bit;
} hmac_kernel_row;

static const hmac_kernel_row hmac_kernels[] = {
#  if defined(HMAC_HAVE_X86_AVX512_LANES)
    {"SHA-256 x16 AVX-512 HMAC", sha256_hmac_lanes_avx512, 16, 0,
     HMAC_CPU_AVX512_LANES},
#    if defined(HMAC_HAVE_X86_ASM)
    {"SHA-256 x16 AVX-512 assembly HMAC", sha256_hmac_lanes_avx512_asm, 16, 0,
     HMAC_CPU_AVX512_LANES},
#    endif
    {"SHA-512 x8 AVX-512 HMAC", sha512_hmac_lanes_avx512, 8, 1,
     HMAC_CPU_AVX512_LANES},
#    if defined(HMAC_HAVE_X86_ASM)
    {"SHA-512 x8 AVX-512 assembly HMAC", sha512_hmac_lanes_avx512_asm, 8, 1,
     HMAC_CPU_AVX512_LANES},
#    endif
    {"SHA-256 x8 AVX-512VL HMAC", sha256_hmac_lanes_avx512vl, 8, 0,
     HMAC_CPU_AVX512_LANES},
    {"SHA-512 x4 AVX-512VL HMAC", sha512_hmac_lanes_avx512vl, 4, 1,
     HMAC_CPU_AVX512_LANES},
#  endif
#  if defined(HMAC_HAVE_X86_AVX2_LANES)
    {"SHA-256 x8 AVX2 HMAC", sha256_hmac_lanes_avx2, 8, 0, HMAC_CPU_AVX2_LANES},
    {"SHA-512 x4 AVX2 HMAC", sha512_hmac_lanes_avx2, 4, 1, HMAC_CPU_AVX2_LANES},
#  endif
#  if defined(HMAC_HAVE_X86_SHANI)
    {"SHA-256 x2 SHA-NI HMAC", sha256_hmac_lanes_shani_x2, 2, 0,
     HMAC_CPU_SHA256_HW},
    {"SHA-256 x3 SHA-NI HMAC", sha256_hmac_lanes_shani_x3, 3, 0,
     HMAC_CPU_SHA256_HW},
#  endif
};

/* The first dlen bytes of chain c (8 words of 32 or 64 bits), big-endian. */
static void chain_bytes(uint8_t *out, const uint64_t c[8], int sha512,
                        size_t dlen)
{
    const uint32_t *c32 = (const uint32_t *)(const void *)c;
    size_t i;

    for (i = 0; i < dlen; i++) {
        out[i] = sha512 ? (uint8_t)(c[i / 8] >> (56 - 8 * (i % 8)))
                        : (uint8_t)(c32[i / 4] >> (24 - 8 * (i % 4)));
    }
}

static void compress_portable(uint64_t c[8], const uint8_t *blocks,
                              size_t nb, int sha512)
{
    if (sha512) {
        sha512_compress_portable(c, blocks, nb);
    } else {
        sha256_compress_portable((uint32_t *)(void *)c, blocks, nb);
    }
}

/* Each fused HMAC kernel the CPU runs against the portable compression,
 * for both digest lengths of its hash, every lane count 1..width, a chain
 * of its own per lane, and tails of 1 block, 2 blocks and mixed counts:
 * the tags, and every byte after the last one untouched (the _many
 * functions write into scratch larger than the tags, so their tests
 * cannot see a kernel store past out + n * dlen). */
static void test_hmac_lane_kernels(void **unused)
{
    static uint8_t buf[LANES_MAX][2 * 128 + 16];
    uint64_t chains[LANES_MAX][8], ochain[8], c[8];
    uint8_t out[LANES_MAX * 64 + 32], want[LANES_MAX * 64], blk[128];
    uint64_t seed = 0x686d6163u;
    size_t r, d, n, shape, i, ran = 0;

    (void)unused;
    tu_fill_random((uint8_t *)buf, sizeof buf, &seed);
    for (r = 0; r < sizeof hmac_kernels / sizeof hmac_kernels[0]; r++) {
        const hmac_kernel_row *k = &hmac_kernels[r];
        size_t bs = k->sha512 ? 128 : 64;

        if ((hmac_cpu_force(HMAC_CPU_ALL) & k->bit) != k->bit) {
            print_message("[  SKIP    ] %s: this CPU lacks the instructions\n",
                          k->name);
            continue;
        }
        ran++;
        for (d = 0; d < 2; d++) {
            /* SHA-256/224, SHA-512/384 */
            size_t dlen = bs / 2 - d * (k->sha512 ? 16 : 4);

            for (n = 1; n <= k->width; n++) {
                for (shape = 0; shape < 3; shape++) {
                    const uint8_t *data[LANES_MAX];
                    const void *chain[LANES_MAX];
                    size_t nb[LANES_MAX];

                    tu_fill_random((uint8_t *)chains, sizeof chains, &seed);
                    tu_fill_random((uint8_t *)ochain, sizeof ochain, &seed);
                    for (i = 0; i < n; i++) {
                        /* any alignment; lane 3 reads lane 1's blocks */
                        data[i] = i == 3 ? data[1]
                                         : buf[i] + tu_rand_below(&seed, 16);
                        chain[i] = chains[i];
                        nb[i] = shape < 2 ? shape + 1
                                          : 1 + (size_t)tu_rand_below(&seed, 2);
                        memcpy(c, chains[i], sizeof c);
                        compress_portable(c, data[i], nb[i], k->sha512);
                        /* inner digest, 0x80, zeros, (bs + dlen) * 8 */
                        memset(blk, 0, bs);
                        chain_bytes(blk, c, k->sha512, dlen);
                        blk[dlen] = 0x80;
                        blk[bs - 2] = (uint8_t)((bs + dlen) * 8 >> 8);
                        blk[bs - 1] = (uint8_t)((bs + dlen) * 8);
                        memcpy(c, ochain, sizeof c);
                        compress_portable(c, blk, 1, k->sha512);
                        chain_bytes(want + i * dlen, c, k->sha512, dlen);
                    }
                    memset(out, 0xa5, sizeof out);
                    k->fn(out, dlen, chain, ochain, data, nb, n);
                    if (memcmp(out, want, n * dlen) != 0) {
                        print_error("%s: dlen=%u n=%u, block counts %s\n",
                                    k->name, (unsigned)dlen, (unsigned)n,
                                    shape == 0 ? "1" : shape == 1 ? "2" : "mixed");
                    }
                    assert_memory_equal(out, want, n * dlen);
                    for (i = n * dlen; i < sizeof out; i++) {
                        assert_int_equal(out[i], 0xa5);
                    }
                }
            }
        }
    }
    print_message("[  INFO    ] fused HMAC lane kernels checked: %u\n",
                  (unsigned)ran);
}
#endif

/* Every public hash and HMAC of msg[0..len) under key[0..klen), written
 * one after the other into out (64+64+32+32+64 bytes). */
#define ALL_OUT (64 + 64 + 32 + 32 + 64)
static void all_outputs(uint8_t out[ALL_OUT], const uint8_t *msg, size_t len,
                        const uint8_t *key, size_t klen)
{
    crypto_auth_hmacsha256_state s256;
    crypto_auth_hmacsha512_state s512;

    memset(out, 0, ALL_OUT);
    assert_int_equal(crypto_hash_sha256(out, msg, len), 0);
    assert_int_equal(crypto_hash_sha512(out + 64, msg, len), 0);
    /* The one-shot HMACs take fixed-size keys; the init/update/final
     * forms take any length (hashed when longer than a block). */
    assert_int_equal(crypto_auth_hmacsha256_init(&s256, key, klen), 0);
    assert_int_equal(crypto_auth_hmacsha256_update(&s256, msg, len), 0);
    assert_int_equal(crypto_auth_hmacsha256_final(&s256, out + 128), 0);
    assert_int_equal(crypto_auth_hmacsha512256(out + 160, msg, len, key), 0);
    assert_int_equal(crypto_auth_hmacsha512_init(&s512, key, klen), 0);
    assert_int_equal(crypto_auth_hmacsha512_update(&s512, msg, len), 0);
    assert_int_equal(crypto_auth_hmacsha512_final(&s512, out + 192), 0);
}

static void test_public_api(void **unused)
{
    static const size_t sizes[] = {0,   1,   55,  56,   63,   64,   65,  111,
                                   112, 127, 128, 129,  191,  255,  256, 1000,
                                   1023, 1024, 4099, 65536 + 17};
    static const size_t key_lens[] = {0, 1, 32, 64, 65, 128, 129, 200};
    static uint8_t msg[65536 + 17 + 8];
    uint8_t key[200];
    uint64_t seed = 0x617069u;
    unsigned detected;
    size_t i;

    (void)unused;
    detected = hmac_cpu_force(HMAC_CPU_ALL);
    if (detected == 0) {
        print_message("[  SKIP    ] public API: no hardware backend on this "
                      "host, nothing to compare with portable\n");
        skip();
    }
    tu_fill_random(msg, sizeof msg, &seed);
    tu_fill_random(key, sizeof key, &seed);
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t klen = key_lens[i % (sizeof key_lens / sizeof key_lens[0])];
        const uint8_t *m = msg + (i % 8); /* unaligned as well */
        uint8_t want[ALL_OUT], got[ALL_OUT];

        hmac_cpu_force(0);
        all_outputs(want, m, sizes[i], key, klen);
        hmac_cpu_force(HMAC_CPU_ALL);
        all_outputs(got, m, sizes[i], key, klen);
        assert_memory_equal(got, want, ALL_OUT);
    }
}

/* The fused one-shot HMAC (sha256_hmac_shani, taken by hmac_generic_oneshot
 * when the SHA-NI backend runs) against the generic construction under
 * the portable core: every message length to 300 (tail of one block, of
 * two, none), longer ones, and keys around the block size and beyond it
 * (hashed first), for HMAC-SHA-256 and HMAC-SHA-224. */
static void test_fused_oneshot(void **unused)
{
    static const size_t key_lens[] = {0, 1, 31, 32, 33, 55, 63, 64, 65, 100, 200};
    static const size_t long_lens[] = {511, 512, 513, 1000, 4099};
    static uint8_t msg[4099 + 3];
    static const hmac_hash *const hashes[] = {&hmac_hash_sha256,
                                              &hmac_hash_sha224};
    uint8_t key[200];
    uint64_t seed = 0x66757365u;
    size_t h, k, len;

    (void)unused;
    if (!require_backend(HMAC_CPU_SHA256_HW, FUSED_BUILT,
                         "fused HMAC-SHA-256 one-shot")) {
        skip();
    }
    tu_fill_random(msg, sizeof msg, &seed);
    tu_fill_random(key, sizeof key, &seed);
    for (h = 0; h < 2; h++) {
        const hmac_hash *hh = hashes[h];

        for (k = 0; k < sizeof key_lens / sizeof key_lens[0]; k++) {
            for (len = 0; len <= 300 + 5; len++) {
                size_t n = len <= 300 ? len : long_lens[len - 301];
                const uint8_t *m = msg + (len % 3); /* unaligned too */
                uint8_t want[32], got[32];

                hmac_cpu_force(0);
                hmac_generic_oneshot(hh, want, hh->digest_size, m, n, key,
                                     key_lens[k]);
                hmac_cpu_force(HMAC_CPU_ALL);
                memset(got, 0xee, sizeof got);
                hmac_generic_oneshot(hh, got, hh->digest_size, m, n, key,
                                     key_lens[k]);
                if (memcmp(got, want, hh->digest_size) != 0) {
                    print_error("digest %u, key %u bytes, message %u bytes\n",
                                (unsigned)hh->digest_size,
                                (unsigned)key_lens[k], (unsigned)n);
                }
                assert_memory_equal(got, want, hh->digest_size);
            }
        }
    }
}

/* FIPS 180-2, appendix B.1 and C.1: SHA-256("abc") and SHA-512("abc"),
 * under every backend subset the CPU supports. */
static void test_abc_every_subset(void **unused)
{
    static const char *const want256 =
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    static const char *const want512 =
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
        "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
    uint8_t w256[32], w512[64], got[64];
    unsigned detected, mask;

    (void)unused;
    tu_unhex_into(want256, w256, sizeof w256);
    tu_unhex_into(want512, w512, sizeof w512);
    detected = hmac_cpu_force(HMAC_CPU_ALL);
    for (mask = 0; mask <= HMAC_CPU_ALL; mask++) {
        if ((mask & detected) != mask) {
            continue;
        }
        hmac_cpu_force(mask);
        assert_int_equal(crypto_hash_sha256(got, (const uint8_t *)"abc", 3), 0);
        assert_memory_equal(got, w256, 32);
        assert_int_equal(crypto_hash_sha512(got, (const uint8_t *)"abc", 3), 0);
        assert_memory_equal(got, w512, 64);
    }
}

static void test_backend_names(void **unused)
{
    unsigned detected;

    (void)unused;
    detected = hmac_cpu_force(0);
    assert_string_equal(hmac_backend_sha256(), "portable");
    assert_string_equal(hmac_backend_sha512(), "portable");
    hmac_cpu_force(HMAC_CPU_ALL);
#if defined(SHA256_HW_NAME)
    assert_string_equal(hmac_backend_sha256(), (detected & HMAC_CPU_SHA256_HW)
                                                   ? SHA256_HW_NAME
                                                   : "portable");
#else
    assert_false(detected & HMAC_CPU_SHA256_HW); /* nothing to detect */
    assert_string_equal(hmac_backend_sha256(), "portable");
#endif
#if defined(HMAC_HAVE_X86_ASM)
    /* With the assembly built, the AVX2 bit picks it, AVX-512VL its
     * variant; the intrinsics stay the reference (tested above). */
    assert_string_equal(hmac_backend_sha512(),
                        !(detected & HMAC_CPU_SHA512_HW)   ? "portable"
                        : (detected & HMAC_CPU_SHA512_AVX512) ? "x86-avx512-asm"
                                                              : "x86-avx2-asm");
    hmac_cpu_force(HMAC_CPU_ALL & ~HMAC_CPU_SHA512_AVX512);
    assert_string_equal(hmac_backend_sha512(), (detected & HMAC_CPU_SHA512_HW)
                                                   ? "x86-avx2-asm"
                                                   : "portable");
    hmac_cpu_force(HMAC_CPU_ALL);
#elif defined(SHA512_HW_NAME)
    assert_string_equal(hmac_backend_sha512(), (detected & HMAC_CPU_SHA512_HW)
                                                   ? SHA512_HW_NAME
                                                   : "portable");
#else
    assert_false(detected & HMAC_CPU_SHA512_HW);
    assert_string_equal(hmac_backend_sha512(), "portable");
#endif
    print_message("[  INFO    ] backends: sha256=%s sha512=%s\n",
                  hmac_backend_sha256(), hmac_backend_sha512());
}

#if defined(HMAC_HAVE_X86_SHANI) && (defined(__GNUC__) || defined(__clang__))
#  define HMAC_UPPER_TEST 1
/* ymm7's upper half (this file is built without AVX, so the compiler
 * neither uses it nor inserts VZEROUPPER), set to all ones: the state
 * that a caller's AVX code without VZEROUPPER leaves. */
static void upper_dirty(void)
{
    __asm__ __volatile__("vpcmpeqd %%xmm7, %%xmm7, %%xmm7\n\t"
                         "vinsertf128 $1, %%xmm7, %%ymm7, %%ymm7" ::: "xmm7");
}

static uint64_t upper_bits(void)
{
    uint64_t hi[2];

    __asm__ __volatile__("vextractf128 $1, %%ymm7, %%xmm7\n\t"
                         "vmovdqu %%xmm7, %0"
                         : "=m"(hi)::"xmm7");
    return hi[0] | hi[1];
}

/* The SHA-NI backend is legacy-SSE code, slow after a dirty upper state
 * (cpu.c's sse_clean: 1.5-2.2x the time on AMD Zen 4), so the dispatch
 * runs VZEROUPPER before it: sha256_compress, and the lane picks that
 * hand out SHA-NI kernels. Timing is not asserted here; the clean state
 * is. */
static void test_shani_upper_clean(void **unused)
{
    uint32_t st[8] = {0};
    uint8_t block[64] = {0};

    (void)unused;
    if (!(hmac_cpu_force(HMAC_CPU_ALL) & HMAC_CPU_SHA256_HW) ||
        !__builtin_cpu_supports("avx")) {
        skip();
    }
    upper_dirty();
    assert_true(upper_bits() != 0); /* the probe itself works */
    upper_dirty();
    sha256_compress(st, block, 1);
    assert_true(upper_bits() == 0);
    upper_dirty();
    (void)sha256_lanes_pick(2);
    assert_true(upper_bits() == 0);
    upper_dirty();
    (void)sha256_hmac_pick(3);
    assert_true(upper_bits() == 0);
}
#endif

static int restore_all(void **unused)
{
    (void)unused;
    hmac_cpu_force(HMAC_CPU_ALL);
    return 0;
}

/* The HMAC_BACKEND=portable run: must be the first library call in the
 * process, since the probe (and so the environment) is read once. */
static int expect_portable(void)
{
    const char *env = getenv("HMAC_BACKEND");
    const char *b256 = hmac_backend_sha256();
    const char *b512 = hmac_backend_sha512();
    /* No lane kernel either: every lane count runs the single stream. */
    size_t w256 = sha256_lanes_pick(LANES_MAX).width;
    size_t w512 = sha512_lanes_pick(LANES_MAX).width;
    int ok = env != NULL && strcmp(env, "portable") == 0 &&
             strcmp(b256, "portable") == 0 && strcmp(b512, "portable") == 0 &&
             w256 == 1 && w512 == 1;

    printf("HMAC_BACKEND=%s: sha256=%s sha512=%s, lane widths %u/%u\n",
           env ? env : "(unset)", b256, b512, (unsigned)w256, (unsigned)w512);
    printf("%s\n", ok ? "1 passed, 0 failed" : "0 passed, 1 failed");
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    static char sha256_what[] = "SHA-256 hardware backend";
    static char sha512_what[] = "SHA-512 hardware backend";
    const struct CMUnitTest tests[] = {
#if defined(SHA256_HW_FN)
        cmocka_unit_test_teardown(test_sha256_compress, restore_all),
#else
        cmocka_unit_test_prestate(test_not_built, sha256_what),
#endif
#if defined(SHA512_HW_FN)
        cmocka_unit_test_teardown(test_sha512_compress, restore_all),
#else
        cmocka_unit_test_prestate(test_not_built, sha512_what),
#endif
#if defined(HMAC_HAVE_X86_ASM)
        cmocka_unit_test_teardown(test_sha512_compress_avx2_asm, restore_all),
        cmocka_unit_test_teardown(test_sha512_compress_avx512_asm, restore_all),
        cmocka_unit_test_teardown(test_sha512_compress2_avx2_asm, restore_all),
        cmocka_unit_test_teardown(test_sha512_compress2_avx512_asm, restore_all),
#endif
        cmocka_unit_test_teardown(test_lane_kernels, restore_all),
#if defined(HMAC_KERNELS)
        cmocka_unit_test_teardown(test_hmac_lane_kernels, restore_all),
#endif
        cmocka_unit_test_teardown(test_public_api, restore_all),
        cmocka_unit_test_teardown(test_fused_oneshot, restore_all),
        cmocka_unit_test_teardown(test_abc_every_subset, restore_all),
        cmocka_unit_test_teardown(test_backend_names, restore_all),
#if defined(HMAC_UPPER_TEST)
        cmocka_unit_test_teardown(test_shani_upper_clean, restore_all),
#endif
    };

    if (argc > 1 && strcmp(argv[1], "--expect-portable") == 0) {
        return expect_portable();
    }
    /* With the environment override unset, the first probe must pick
     * exactly what the CPU has (checked before any forcing). */
    if (getenv("HMAC_BACKEND") == NULL) {
        unsigned want;
        const char *b256 = hmac_backend_sha256();
        const char *b512 = hmac_backend_sha512();

        want = hmac_cpu_force(HMAC_CPU_ALL);
        if ((strcmp(b256, "portable") != 0) != ((want & HMAC_CPU_SHA256_HW) != 0) ||
            (strcmp(b512, "portable") != 0) != ((want & HMAC_CPU_SHA512_HW) != 0)) {
            fprintf(stderr, "default backends sha256=%s sha512=%s disagree "
                            "with detected mask %u\n", b256, b512, want);
            return 1;
        }
    }
    (void)sha256_what;
    (void)sha512_what;
    return cmocka_run_group_tests(tests, NULL, restore_all);
}
