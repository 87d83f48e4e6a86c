/*
 * internal.h - helpers shared by the library's translation units (never
 * installed): big-endian loads and stores, the hash descriptor the generic
 * HMAC runs over, and the compression entry points.
 */
#ifndef HMAC_INTERNAL_H
#define HMAC_INTERNAL_H

#include "internal_prefix.h" /* HMAC_SYMBOL_PREFIX for internal names */

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h> /* memcpy, memset in the inline helpers below */

#include "hmac/crypto_hash_sha256.h"
#include "hmac/crypto_hash_sha512.h"

/* Big-endian loads and stores. GCC and clang get memcpy plus a byte swap:
 * GCC does not merge the portable byte-by-byte form (it assembles
 * store_be64 from 30-odd shifts and ORs), and a wide store also lets the
 * compression's vector loads of a just-padded block be store-forwarded. */
#if (defined(__GNUC__) || defined(__clang__)) &&                              \
    defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) &&           \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#  include <string.h>
static inline uint32_t load_be32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return __builtin_bswap32(v);
}

static inline uint64_t load_be64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return __builtin_bswap64(v);
}

static inline void store_be32(uint8_t *p, uint32_t v)
{
    v = __builtin_bswap32(v);
    memcpy(p, &v, 4);
}

static inline void store_be64(uint8_t *p, uint64_t v)
{
    v = __builtin_bswap64(v);
    memcpy(p, &v, 8);
}
#else
static inline uint32_t load_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
           ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static inline uint64_t load_be64(const uint8_t *p)
{
    return ((uint64_t)load_be32(p) << 32) | load_be32(p + 4);
}

static inline void store_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static inline void store_be64(uint8_t *p, uint64_t v)
{
    store_be32(p, (uint32_t)(v >> 32));
    store_be32(p + 4, (uint32_t)v);
}
#endif

/* The padded tail's first block: the `used` buffered bytes of buf, zeros
 * after them, `block` bytes in all (used < block <= 128). buf is ANDed
 * with a window of pad_window (128 bytes of 0xff, then 128 of zeros) that
 * starts `used` bytes before the zeros: a fixed-length loop compilers
 * vectorise. memcpy of a length known to be below 128 was inlined by
 * GCC 12 as REP MOVSQ, whose start-up was 60% of SHA-512's padding time in
 * a profile of 64-byte HMAC _many. CT: the window's offset is the length. */
#if defined(_MSC_VER)
#  define HMAC_RESTRICT __restrict
#else
#  define HMAC_RESTRICT restrict
#endif
extern const uint8_t pad_window[256];
static inline void pad_copy(uint8_t *HMAC_RESTRICT tail,
                            const uint8_t *HMAC_RESTRICT buf, size_t used,
                            size_t block)
{
    const uint8_t *w = pad_window + 128 - used;
    size_t i;

    for (i = 0; i < block; i++) {
        tail[i] = (uint8_t)(buf[i] & w[i]);
    }
}

/* RFC 2104's padded keys, side by side: pads[0..block) = K ^ ipad and
 * pads[block..2 * block) = K ^ opad, for a key of at most block bytes.
 * Inline so that a constant block size keeps the fills fixed-length. */
static inline void hmac_pads(uint8_t *pads, size_t block, const uint8_t *key,
                             size_t keylen)
{
    size_t i;

    memset(pads, 0x36, block);
    memset(pads + block, 0x5c, block);
    for (i = 0; i < keylen; i++) {
        pads[i] ^= key[i];
        pads[block + i] ^= key[i];
    }
}

/* Pads a block that holds len message bytes after one whole block (an
 * HMAC key block): 0x80, zeros, and the bit length (block + len) * 8 at
 * the end. The length field is 8 or 16 bytes; its high bytes are zero
 * here. len < block - 8. */
static inline void pad_after_block(uint8_t *block, size_t block_size,
                                   size_t len)
{
    block[len] = 0x80;
    memset(block + len + 1, 0, block_size - len - 1);
    store_be64(block + block_size - 8, (uint64_t)(block_size + len) * 8);
}

/* dst[0..n) = src[0..n) for a short n (a message tail, under a block):
 * whole 8-byte words, the last one overlapping the one before, or 4-byte
 * halves, or single bytes. Fixed-size memcpy compiles to plain loads and
 * stores; a variable-length one GCC 12 inlines as REP MOVSQ, whose
 * start-up was the biggest cost of the one-shot's own code (perf). CT:
 * the branches are on the length. */
static inline void copy_short(uint8_t *HMAC_RESTRICT dst,
                              const uint8_t *HMAC_RESTRICT src, size_t n)
{
    uint64_t v;
    uint32_t h;
    size_t i;

    if (n >= 8) {
        for (i = 0; i + 8 < n; i += 8) {
            memcpy(&v, src + i, 8);
            memcpy(dst + i, &v, 8);
        }
        memcpy(&v, src + n - 8, 8);
        memcpy(dst + n - 8, &v, 8);
    } else if (n >= 4) {
        memcpy(&h, src, 4);
        memcpy(dst, &h, 4);
        memcpy(&h, src + n - 4, 4);
        memcpy(dst + n - 4, &h, 4);
    } else if (n > 0) {
        dst[0] = src[0];
        dst[n / 2] = src[n / 2];
        dst[n - 1] = src[n - 1];
    }
}

/* Compression functions: absorb nblocks whole blocks (64 bytes for
 * SHA-256, 128 for SHA-512) into state. Every backend has this shape. */
typedef void sha256_compress_fn(uint32_t state[8], const uint8_t *blocks,
                                size_t nblocks);
typedef void sha512_compress_fn(uint64_t state[8], const uint8_t *blocks,
                                size_t nblocks);

sha256_compress_fn sha256_compress_portable;
sha512_compress_fn sha512_compress_portable;
#if defined(HMAC_HAVE_X86_SHANI)
sha256_compress_fn sha256_compress_shani;
/* HMAC-SHA-256 (iv: SHA-256's or SHA-224's; outlen 32 or 28) of
 * in[0..inlen) under a key of at most 64 bytes, with every chaining value
 * in registers: the one-shot path for short messages. */
void sha256_hmac_shani(uint8_t *out, size_t outlen, const uint32_t iv[8],
                       const uint8_t *key, size_t keylen, const uint8_t *in,
                       size_t inlen);
#endif
#if defined(HMAC_HAVE_X86_AVX2)
sha512_compress_fn sha512_compress_avx2;
#endif
#if defined(HMAC_HAVE_X86_ASM)
/* sha512_x86_asm.S: the same rounds with the schedule in AVX2 or in
 * AVX-512VL (vprorq, vpternlogq); both need BMI2. */
sha512_compress_fn sha512_compress_avx2_asm;
sha512_compress_fn sha512_compress_avx512_asm;
#endif

/* Two independent streams of nblocks blocks each: the same as
 * sha512_compress(s1, b1, nblocks) then sha512_compress(s2, b2, nblocks).
 * s1 and s2 must not overlap. */
typedef void sha512_compress2_fn(uint64_t s1[8], const uint8_t *b1,
                                 uint64_t s2[8], const uint8_t *b2,
                                 size_t nblocks);
#if defined(HMAC_HAVE_X86_ASM)
/* sha512_x86_asm.S: one vector pass schedules block j of both streams. */
sha512_compress2_fn sha512_compress2_avx2_asm;
sha512_compress2_fn sha512_compress2_avx512_asm;
#endif
#if defined(HMAC_HAVE_ARM_SHA2)
sha256_compress_fn sha256_compress_armv8;
#endif
#if defined(HMAC_HAVE_ARM_SHA512)
sha512_compress_fn sha512_compress_armv8;
#endif

/* The dispatching entry points the hash cores call (cpu.c): they run the
 * backend chosen once for this process. */
void sha256_compress(uint32_t state[8], const uint8_t *blocks, size_t nblocks);
void sha512_compress(uint64_t state[8], const uint8_t *blocks, size_t nblocks);
/* Two chains of nblocks each, side by side where a backend gains from it. */
void sha256_compress2(uint32_t s1[8], const uint8_t *b1, uint32_t s2[8],
                      const uint8_t *b2, size_t nblocks);
void sha512_compress2(uint64_t s1[8], const uint8_t *b1, uint64_t s2[8],
                      const uint8_t *b2, size_t nblocks);
/* sha256_hmac_shani (same arguments) when this process runs the SHA-NI
 * backend: returns 0. Returns -1, having done nothing, otherwise. */
int sha256_hmac_fused(uint8_t *out, size_t outlen, const uint32_t iv[8],
                      const uint8_t *key, size_t keylen, const uint8_t *in,
                      size_t inlen);

/* Test hook (not exported from the shared library; tests link the static
 * archive): restricts the backends to those whose bit is set in mask
 * (HMAC_CPU_* below), or 0 for portable only. Returns the features the CPU
 * actually has. Pass HMAC_CPU_ALL to go back to the detected set. */
#define HMAC_CPU_SHA256_HW 1u
#define HMAC_CPU_SHA512_HW 2u
/* x86: the SHA-512 schedule may use AVX-512VL (with HMAC_CPU_SHA512_HW). */
#define HMAC_CPU_SHA512_AVX512 4u
/* The x86 SIMD lane kernels (many messages per call): AVX2 (SHA-256 x8,
 * SHA-512 x4) and AVX-512 F/BW/VL (SHA-256 x16, SHA-512 x8). */
#define HMAC_CPU_AVX2_LANES 8u
#define HMAC_CPU_AVX512_LANES 16u
/* x86: an AMD family 19h CPU (Zen 3, Zen 4). Not a backend but a pick
 * policy: its SHA-NI streams match the lane kernels (cpu.c's rows). */
#define HMAC_CPU_ZEN4 32u
#define HMAC_CPU_ALL 63u
unsigned hmac_cpu_force(unsigned mask);

/* ---- many messages per call: the lane seam ------------------------------
 * A lane job is one message's run of whole blocks over one chaining value:
 * up to three segments, in order (a stream's completed buffer, blocks
 * straight from the caller's message, the padded tail). lanes_run() feeds
 * jobs to a lane kernel, which advances several chaining values at once;
 * lanes whose job ends are refilled from the queue (lanes.c). */
#define LANE_SEGS 3
typedef struct lane_job {
    void *chain;                   /* uint32_t[8] or uint64_t[8], in place */
    const uint8_t *seg[LANE_SEGS];
    size_t nblk[LANE_SEGS];
    size_t nseg;
} lane_job;

/* A lane kernel: advances chain[i] over nblocks consecutive whole blocks
 * at data[i], for 1 <= n <= its width, all lanes in step. */
typedef void lanes_fn(void *const chain[], const uint8_t *const data[],
                      size_t n, size_t nblocks);
/* A fused HMAC lane kernel (optional, beside a lanes_fn of the same
 * width), for 1 <= n <= width messages with one key: the last blocks of
 * each inner hash, from chain[i] (its chaining value so far: the keyed
 * inner state's, or where the whole blocks read in place left it), over
 * the padded tail of nblocks[i] blocks at data[i] (each readable for the
 * largest nblocks[] of the call: a SIMD lane that has ended runs on and
 * keeps its value, a SHA-NI stream sits the block out); then each outer
 * block, built from the inner digest in the vector registers, from the
 * keyed outer chaining value ochain. Writes the first dlen bytes (the
 * hash's digest length) of each tag at out + i * dlen. One call, where the two-stage construction is two lane runs with
 * the digests transposed out, padded and transposed back in between. */
typedef void lanes_hmac_fn(uint8_t *out, size_t dlen,
                           const void *const chain[], const void *ochain,
                           const uint8_t *const data[],
                           const size_t nblocks[], size_t n);
typedef struct lanes_kernel {
    lanes_fn *fn;
    size_t width;   /* most lanes one call advances */
    lanes_hmac_fn *hmac; /* NULL if the kernel has no fused HMAC */
} lanes_kernel;

/* Most lanes in flight at once (the widest kernel: 16 SHA-256 lanes in
 * AVX-512). */
#define LANES_MAX 16

/* Runs every job to its end; block_size is 64 or 128. pick (cpu.c)
 * names the kernel for a given number of lanes in flight. */
void lanes_run(lane_job *jobs, size_t njobs, size_t block_size,
               lanes_kernel (*pick)(size_t active));
/* One kernel call of a plan: k over `lanes` lanes (1..k.width). */
typedef struct lanes_group {
    lanes_kernel k;
    size_t lanes;
} lanes_group;
/* The calls lanes.c makes for n <= LANES_MAX lanes in flight, in order
 * over lanes 0..n-1, into plan; returns their number. pick(n) names the
 * first kernel, which takes all n lanes in groups of its width when the
 * width divides n, else one group; then the rest is picked again (so an
 * odd count of SHA-NI streams runs one x3 group, then pairs, and no lone
 * lane). hmac-bench-picks and test_backends read the same plan. */
size_t lanes_plan(size_t n, lanes_kernel (*pick)(size_t active),
                  lanes_group plan[LANES_MAX]);

/* The width-1 kernels: the single-stream compression (whatever backend
 * runs) over each lane in turn. */
lanes_fn sha256_lanes_single;
lanes_fn sha512_lanes_single;
/* Width-2 kernels of the hardware backends: two chaining values whose
 * rounds are interleaved instruction by instruction, so the two dependency
 * chains overlap; n == 1 runs the single-stream code. */
#if defined(HMAC_HAVE_X86_SHANI)
lanes_fn sha256_lanes_shani_x2;
/* Width 3, three streams interleaved; n < 3 runs the two-stream kernel. */
lanes_fn sha256_lanes_shani_x3;
/* Their fused HMAC kernels (n < width as above; n == 1: one stream). */
lanes_hmac_fn sha256_hmac_lanes_shani_x2;
lanes_hmac_fn sha256_hmac_lanes_shani_x3;
#endif
#if defined(HMAC_HAVE_ARM_SHA2)
lanes_fn sha256_lanes_armv8_x2;
#endif
#if defined(HMAC_HAVE_ARM_SHA512)
lanes_fn sha512_lanes_armv8_x2;
#endif
/* Width 2 over sha512_compress2 (whatever backend runs). */
lanes_fn sha512_lanes_x2;
#if defined(HMAC_HAVE_X86_AVX512_LANES)
lanes_fn sha256_lanes_avx512; /* width 16 */
lanes_fn sha512_lanes_avx512; /* width 8 */
lanes_hmac_fn sha256_hmac_lanes_avx512;
lanes_hmac_fn sha512_hmac_lanes_avx512;
/* SHA-256 x8 and SHA-512 x4 in ymm registers with AVX-512VL (the AVX2
 * kernels' code, sha256_x8_lanes.h and sha512_x4_lanes.h, with VPROR and
 * VPTERNLOG). */
lanes_fn sha256_lanes_avx512vl; /* width 8 */
lanes_fn sha512_lanes_avx512vl; /* width 4 */
lanes_hmac_fn sha256_hmac_lanes_avx512vl;
lanes_hmac_fn sha512_hmac_lanes_avx512vl;
#  if defined(HMAC_HAVE_X86_ASM)
/* SHA-512 x8 with its blocks in assembly (sha512_x86_asm.S: every
 * register placed by hand; cpu.c picks it on AMD Zen 4), and that block
 * loop: st[8 * j + i] is word j of lane i's chaining value, p[i] lane
 * i's blocks; nblocks may be 0. */
lanes_fn sha512_lanes_avx512_asm; /* width 8 */
lanes_hmac_fn sha512_hmac_lanes_avx512_asm;
/* SHA-512 x4 in ymm registers the same way, from 4 blocks a call (C
 * below): st[4 * j + i] is word j of lane i. */
lanes_fn sha512_lanes_avx512vl_asm; /* width 4 */
void sha512_x4_blocks_avx512vl_asm(uint64_t st[32], const uint8_t *const p[4],
                                   size_t nblocks);
void sha512_x8_blocks_avx512_asm(uint64_t st[64], const uint8_t *const p[8],
                                 size_t nblocks);
/* SHA-256 x16 the same way (sha256_x86_asm.S): st[16 * j + i] is word j
 * of lane i's chaining value; its fused HMAC runs tails of one length
 * through it. */
lanes_fn sha256_lanes_avx512_asm; /* width 16 */
lanes_hmac_fn sha256_hmac_lanes_avx512_asm;
void sha256_x16_blocks_avx512_asm(uint32_t st[128],
                                  const uint8_t *const p[16], size_t nblocks);
#  endif
#endif
#if defined(HMAC_HAVE_X86_AVX2_LANES)
lanes_fn sha256_lanes_avx2;   /* width 8 */
lanes_fn sha512_lanes_avx2;   /* width 4 */
lanes_hmac_fn sha256_hmac_lanes_avx2;
lanes_hmac_fn sha512_hmac_lanes_avx2;
#endif

/* cpu.c: the fastest kernel on this CPU for `active` lanes in flight. */
lanes_kernel sha256_lanes_pick(size_t active);
lanes_kernel sha512_lanes_pick(size_t active);
/* The kernel whose fused HMAC is fastest for `active` messages, or one
 * with none (hmac NULL) where the two stages are faster. */
lanes_kernel sha256_hmac_pick(size_t active);
lanes_kernel sha512_hmac_pick(size_t active);

/* Hashing in terms of the typed states, without the public API's argument
 * checks (callers have checked). */
void sha256_init_state(crypto_hash_sha256_state *s);
void sha224_init_state(crypto_hash_sha256_state *s);
void sha256_absorb(crypto_hash_sha256_state *s, const uint8_t *in, size_t len);
/* Pads, and writes the first outlen bytes (28 or 32) of the digest. */
void sha256_finish(crypto_hash_sha256_state *s, uint8_t *out, size_t outlen);
void sha512_init_state(crypto_hash_sha512_state *s);
void sha384_init_state(crypto_hash_sha512_state *s);
void sha512_absorb(crypto_hash_sha512_state *s, const uint8_t *in, size_t len);
/* Pads, and writes the first outlen bytes (48 or 64) of the digest. */
void sha512_finish(crypto_hash_sha512_state *s, uint8_t *out, size_t outlen);

/* A hash as the generic HMAC sees it. The function members take void * so
 * that no function pointer is ever cast (calling through a cast pointer is
 * undefined behaviour, and CFI rejects it). */
typedef struct hmac_hash {
    size_t block_size;  /* 64 or 128 */
    size_t digest_size; /* full output length */
    size_t ctx_size;    /* sizeof the hash state: keyed states are copied */
    size_t ctx_head;    /* its bytes before the buffer: all that a copy of
                         * a state with nothing buffered needs */
    void (*init)(void *ctx);
    void (*update)(void *ctx, const uint8_t *in, size_t len);
    /* Writes digest_size bytes to out; leaves ctx for the caller to wipe. */
    void (*final)(void *ctx, uint8_t *out);
    /* Digest of what ctx absorbed (whole blocks only, as a keyed HMAC
     * state has) followed by one more block that is already padded: no
     * buffering, no copy of ctx. PBKDF2's inner loop is two of these. */
    void (*last_block)(const void *ctx, const uint8_t *block, uint8_t *out);
    /* Starts ictx and octx and absorbs one whole block into each (the
     * HMAC ipad and opad blocks): two independent compressions, which the
     * CPU overlaps. */
    void (*absorb_pads)(void *ictx, void *octx, const uint8_t *ipad,
                        const uint8_t *opad);
    /* Optional (NULL if none): the whole one-shot HMAC in one backend
     * function, for a key of at most block_size bytes; writes digest_size
     * bytes. Returns -1 when this process does not run such a backend
     * (the generic construction is used then), 0 when it ran. */
    int (*oneshot_fused)(uint8_t *out, const uint8_t *key, size_t keylen,
                         const uint8_t *in, size_t inlen);

    /* ---- many messages per call (hash_many.c) ---- */
    /* The chaining value inside ctx (a lane job's chain). */
    void *(*chain)(void *ctx);
    /* Absorbs in[0..len) into ctx as update does, except that no block is
     * compressed: whole blocks (the buffer if in completes it, then blocks
     * straight from in) are appended to job's segments for the lanes.
     * Returns how many trailing bytes of in are left for the buffer:
     * absorb_rest() puts them there once the lanes have run. */
    size_t (*absorb_plan)(void *ctx, const uint8_t *in, size_t len,
                          lane_job *job);
    void (*absorb_rest)(void *ctx, const uint8_t *in, size_t len,
                        size_t rest);
    /* Writes the buffered bytes, padding and length into tail (room for
     * two blocks); returns the number of blocks, 1 or 2. */
    size_t (*pad_tail)(const void *ctx, uint8_t *tail);
    /* For a ctx with nothing buffered and len <= short_max (the message,
     * 0x80 and the length field fit in two blocks): writes in[0..len),
     * the padding and the length of all ctx absorbed plus len into tail,
     * as update then pad_tail would, without the trip through ctx's
     * buffer; ctx is not changed. Returns the number of blocks, 1 or 2. */
    size_t short_max;
    size_t (*pad_short)(const void *ctx, const uint8_t *in, size_t len,
                        uint8_t *tail);
    /* Writes digest_size bytes of ctx's chaining value. */
    void (*chain_out)(const void *ctx, uint8_t *out);
    /* lanes_run with this hash's block size and kernels. */
    void (*run_lanes)(lane_job *jobs, size_t njobs);
    /* cpu.c's choice of fused HMAC lane kernel (sha256_hmac_pick, ...). */
    lanes_kernel (*hmac_pick)(size_t active);
} hmac_hash;

extern const hmac_hash hmac_hash_sha224;
extern const hmac_hash hmac_hash_sha256;
extern const hmac_hash hmac_hash_sha384;
extern const hmac_hash hmac_hash_sha512;

#define HMAC_MAX_BLOCK 128
#define HMAC_MAX_DIGEST 64

/* Generic HMAC (RFC 2104) over the hash h. ictx and octx point to two hash
 * states of h's type. */
void hmac_generic_init(const hmac_hash *h, void *ictx, void *octx,
                       const uint8_t *key, size_t keylen);
void hmac_generic_update(const hmac_hash *h, void *ictx, const uint8_t *in,
                         size_t len);
/* Writes the first outlen (<= digest_size) bytes of the tag to out. Does
 * not wipe the states: the typed wrappers wipe their whole state struct. */
void hmac_generic_final(const hmac_hash *h, void *ictx, void *octx,
                        uint8_t *out, size_t outlen);

/* One-shot HMAC on stack states that are wiped before returning. */
void hmac_generic_oneshot(const hmac_hash *h, uint8_t *out, size_t outlen,
                          const uint8_t *in, size_t inlen, const uint8_t *key,
                          size_t keylen);

/* Recomputes the tag and compares its first taglen bytes with tag in
 * constant time: 0 if equal, -1 if not. */
int hmac_generic_verify(const hmac_hash *h, const uint8_t *tag, size_t taglen,
                        const uint8_t *in, size_t inlen, const uint8_t *key,
                        size_t keylen);

/* ---- many messages (hash_many.c, hmac.c) ----
 * Batches of at most HASH_MANY_BATCH messages go through the lanes at a
 * time: the stack holds one context, tail and digest per message of a
 * batch, never anything per call: about 28 KiB deep with the lane kernels
 * (gcc 12 -O2 -fstack-usage: 4.6 KiB in hmac_generic_many, 18 KiB in
 * hash_many_hmac, up to 4 KiB below it). */
#define HASH_MANY_BATCH 32

/* out + i*digest_size = digest of in[i] hashed on from a copy of start
 * (an initial or a keyed state of h: nothing buffered, so only its head
 * is copied), for i < n <= HASH_MANY_BATCH. */
void hash_many_from(const hmac_hash *h, const void *start,
                    const uint8_t *const in[], const size_t inlen[],
                    size_t n, uint8_t *out);
/* HMAC tags (digest_size bytes each, at tag + i*digest_size) of the
 * leading messages of in[0..n) (n <= HASH_MANY_BATCH) under the keyed
 * states ictx and octx, through fused HMAC lane kernels: their whole
 * blocks through the lanes as hash_many_from runs them, then tails and
 * outer blocks in the fused calls. Returns how many it tagged: 0 when the
 * kernel chosen for n has no fused HMAC, fewer than n when the one for
 * the last group has none (the two-stage construction does the rest). */
size_t hash_many_hmac(const hmac_hash *h, const void *ictx, const void *octx,
                      const uint8_t *const in[], const size_t inlen[],
                      size_t n, uint8_t *tag);
/* update(ctx[i], in[i], inlen[i]) for each i < n (any n). */
void hash_many_update(const hmac_hash *h, void *const ctx[],
                      const uint8_t *const in[], const size_t inlen[],
                      size_t n);
/* final(ctx[i], out + i*digest_size) for each i < n (any n); the contexts
 * are left for the caller to wipe. */
void hash_many_final(const hmac_hash *h, void *const ctx[], uint8_t *out,
                     size_t n);

/* out + i*outlen = the first outlen bytes of HMAC(key, in[i]), i < n. */
void hmac_generic_many(const hmac_hash *h, uint8_t *out, size_t outlen,
                       const uint8_t *const in[], const size_t inlen[],
                       size_t n, const uint8_t *key, size_t keylen);
/* result[i] (if result is not NULL) = 0 if the first taglen bytes of
 * HMAC(key, in[i]) equal tags + i*taglen, else -1, compared in constant
 * time; returns 0 if every tag matched, else -1. */
int hmac_generic_verify_many(const hmac_hash *h, int *result,
                             const uint8_t *tags, size_t taglen,
                             const uint8_t *const in[], const size_t inlen[],
                             size_t n, const uint8_t *key, size_t keylen);
/* The arrays of a _many call: 1 if in and inlen are not NULL and no
 * in[i] is NULL with inlen[i] > 0 (n > 0), else 0. */
static inline int hmac_many_inputs_ok(const unsigned char *const in[],
                                      const size_t inlen[], size_t n)
{
    size_t i;

    if (in == NULL || inlen == NULL) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        if (in[i] == NULL && inlen[i] > 0) {
            return 0;
        }
    }
    return 1;
}
/* final for n keyed states given as (ictx[i], octx[i]) pairs: the first
 * outlen bytes of each tag to out + i*outlen. Does not wipe the states. */
void hmac_generic_final_many(const hmac_hash *h, void *const ictx[],
                             void *const octx[], uint8_t *out,
                             size_t outlen, size_t n);

/* HKDF-Expand (RFC 5869, 2.3) over HMAC with h, keyed by prk. The caller
 * has checked outlen <= 255 * digest_size. */
void hmac_hkdf_expand(const hmac_hash *h, uint8_t *out, size_t outlen,
                      const uint8_t *info, size_t infolen, const uint8_t *prk,
                      size_t prklen);

/* PBKDF2 (RFC 8018, 5.2) with HMAC over h. The caller has checked the
 * arguments (iterations >= 1, outlen >= 1). */
void hmac_pbkdf2(const hmac_hash *h, uint8_t *out, size_t outlen,
                 const uint8_t *pw, size_t pwlen, const uint8_t *salt,
                 size_t saltlen, unsigned long long iterations);

/* Constant-time comparison of x[0..n) and y[0..n): 0 if equal, else -1.
 * The time depends on n only. */
int hmac_ct_verify(const uint8_t *x, const uint8_t *y, size_t n);

/* Fills buf with len bytes from the OS CSPRNG, or aborts (randombytes.c). */
void hmac_randombytes(void *buf, size_t len);

/* 1 if p[0..n) is all zero bytes, else 0; reads every byte. Recognises a
 * dead state (after _final or hmac_memzero) from its public parts: see
 * AF_DEAD and HF_DEAD. */
static inline int hmac_is_zero(const void *p, size_t n)
{
    const unsigned char *b = (const unsigned char *)p;
    unsigned char acc = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        acc |= b[i];
    }
    return acc == 0;
}

/* The public API takes lengths as unsigned long long (libsodium's
 * signatures). A buffer in memory cannot be longer than SIZE_MAX, so on a
 * 32-bit target a larger length is a caller bug, answered with -1. */
static inline int hmac_len_fits(unsigned long long len)
{
#if SIZE_MAX < ULLONG_MAX
    return len <= (unsigned long long)SIZE_MAX;
#else
    (void)len;
    return 1;
#endif
}

#endif
