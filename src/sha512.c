/*
 * sha512.c - SHA-512 message handling: buffering, padding and the 128-bit
 * length counter. Whole blocks go to sha512_compress().
 *
 * CT: the only branches depend on lengths (public), never on data.
 */
#include <stddef.h>
#include <string.h>

#include "hmac/utils.h"
#include "internal.h"

/* FIPS 180-4, section 5.3.5. */
static const uint64_t IV512[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

/* FIPS 180-4, section 5.3.4: SHA-384 is SHA-512 from these values, with
 * the output cut to 48 bytes. */
static const uint64_t IV384[8] = {
    0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL,
    0x152fecd8f70e5939ULL, 0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
    0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL,
};

void sha512_init_state(crypto_hash_sha512_state *s)
{
    memcpy(s->state, IV512, sizeof IV512);
    s->count[0] = 0;
    s->count[1] = 0;
}

void sha384_init_state(crypto_hash_sha512_state *s)
{
    memcpy(s->state, IV384, sizeof IV384);
    s->count[0] = 0;
    s->count[1] = 0;
}

static void sha512_last_block(const crypto_hash_sha512_state *s,
                              const uint8_t *block, uint8_t *out,
                              size_t outlen)
{
    uint64_t st[8];
    size_t i;

    memcpy(st, s->state, sizeof st);
    sha512_compress(st, block, 1);
    for (i = 0; i < outlen / 8; i++) {
        store_be64(out + 8 * i, st[i]);
    }
    hmac_memzero(st, sizeof st); /* a keyed chaining value */
}

/* ---- many messages per call (see hash_many.c) ---- */

static void *desc_chain(void *ctx)
{
    return ((crypto_hash_sha512_state *)ctx)->state;
}

/* Absorbing, planned: the buffer and counter updates of update, with the
 * whole blocks appended to job instead of compressed (sha512_absorb runs
 * them at once, the lanes run many messages' jobs together). */
static size_t desc_absorb_plan(void *ctx, const uint8_t *in, size_t len,
                               lane_job *job)
{
    crypto_hash_sha512_state *s = (crypto_hash_sha512_state *)ctx;
    size_t used = (size_t)(s->count[1] >> 3) & 127;
    uint64_t bits_lo = (uint64_t)len << 3;

    if (len == 0) {
        return 0; /* also keeps NULL away from memcpy */
    }
    /* 128-bit bit counter: [1] low word, [0] high word. The shift by 61
     * is written as two shifts so that it is defined for a 32-bit size_t. */
    s->count[1] += bits_lo;
    s->count[0] += ((uint64_t)len >> 31 >> 30) + (s->count[1] < bits_lo);
    if (used > 0) {
        size_t take = 128 - used;
        if (len < take) {
            memcpy(s->buf + used, in, len);
            return 0;
        }
        memcpy(s->buf + used, in, take);
        job->seg[job->nseg] = s->buf;
        job->nblk[job->nseg++] = 1;
        in += take;
        len -= take;
    }
    if (len >= 128) {
        job->seg[job->nseg] = in;
        job->nblk[job->nseg++] = len / 128;
    }
    return len & 127;
}

static void desc_absorb_rest(void *ctx, const uint8_t *in, size_t len,
                             size_t rest)
{
    if (rest > 0) {
        memcpy(((crypto_hash_sha512_state *)ctx)->buf, in + len - rest, rest);
    }
}

/* Whole blocks straight from the caller's buffer, no copy: the plan
 * names them, and they are compressed here in order. */
void sha512_absorb(crypto_hash_sha512_state *s, const uint8_t *in, size_t len)
{
    lane_job job;
    size_t rest, i;

    job.nseg = 0;
    rest = desc_absorb_plan(s, in, len, &job);
    for (i = 0; i < job.nseg; i++) {
        sha512_compress(s->state, job.seg[i], job.nblk[i]);
    }
    desc_absorb_rest(s, in, len, rest);
}

/* sha512_finish's padding, into a separate two-block tail. */
static size_t desc_pad_tail(const void *ctx, uint8_t *tail)
{
    const crypto_hash_sha512_state *s = (const crypto_hash_sha512_state *)ctx;
    size_t used = (size_t)(s->count[1] >> 3) & 127;
    size_t nblocks = used < 112 ? 1 : 2;

    /* Cleared 64 bytes at a time and copied by pad_copy: GCC inlines
     * larger memsets and short memcpys as REP STOS and REP MOVS, slow to
     * start (see sha256.c). */
    pad_copy(tail, s->buf, used, 128);
    memset(tail + 128, 0, 64);
    memset(tail + 192, 0, 64);
    tail[used] = 0x80;
    store_be64(tail + 128 * nblocks - 16, s->count[0]);
    store_be64(tail + 128 * nblocks - 8, s->count[1]);
    return nblocks;
}

/* A short message padded in tail (see hmac_hash.pad_short and sha256.c). */
static size_t desc_pad_short(const void *ctx, const uint8_t *in, size_t len,
                             uint8_t *tail)
{
    const crypto_hash_sha512_state *s = (const crypto_hash_sha512_state *)ctx;
    size_t nblocks = len < 112 ? 1 : 2;
    uint64_t lo = s->count[1] + ((uint64_t)len << 3);

    memset(tail, 0, 64);
    memset(tail + 64, 0, 64);
    memset(tail + 128, 0, 64);
    memset(tail + 192, 0, 64);
    copy_short(tail, in, len);
    tail[len] = 0x80;
    store_be64(tail + 128 * nblocks - 16, s->count[0] + (lo < s->count[1]));
    store_be64(tail + 128 * nblocks - 8, lo);
    return nblocks;
}

static void chain_out(const void *ctx, uint8_t *out, size_t outlen)
{
    const crypto_hash_sha512_state *s = (const crypto_hash_sha512_state *)ctx;
    size_t i;

    for (i = 0; i < outlen / 8; i++) {
        store_be64(out + 8 * i, s->state[i]);
    }
}

/* The padded tail goes through a stack copy: the buffer may hold a keyed
 * value (an HMAC outer hash absorbs the inner digest), so it is wiped. */
void sha512_finish(crypto_hash_sha512_state *s, uint8_t *out, size_t outlen)
{
    uint8_t tail[2 * 128];
    size_t nblocks = desc_pad_tail(s, tail);

    sha512_compress(s->state, tail, nblocks);
    chain_out(s, out, outlen);
    hmac_memzero(tail, nblocks * 128);
}

static void desc512_chain_out(const void *ctx, uint8_t *out)
{
    chain_out(ctx, out, 64);
}

static void desc384_chain_out(const void *ctx, uint8_t *out)
{
    chain_out(ctx, out, 48);
}

static void desc_run_lanes(lane_job *jobs, size_t njobs)
{
    lanes_run(jobs, njobs, 128, sha512_lanes_pick);
}

void sha512_lanes_single(void *const chain[], const uint8_t *const data[],
                         size_t n, size_t nblocks)
{
    size_t i;

    for (i = 0; i < n; i++) {
        sha512_compress((uint64_t *)chain[i], data[i], nblocks);
    }
}

/* Two lanes on a CPU with the assembly but no AVX-512 lane kernels
 * (with them, cpu.c picks the x4 kernel). Runs of four blocks go to each
 * stream's own call (the assembly's four-block schedule is cheaper per
 * block than a pair's); the 1-3 left go through one two-stream call:
 * 3-7% faster than two calls there, 1-2% slower from four blocks on
 * (in-process alternation, Xeon model 207). */
void sha512_lanes_x2(void *const chain[], const uint8_t *const data[],
                     size_t n, size_t nblocks)
{
    size_t quads = nblocks & ~(size_t)3;

    if (n != 2) {
        sha512_lanes_single(chain, data, n, nblocks);
        return;
    }
    if (quads > 0) {
        sha512_lanes_single(chain, data, 2, quads);
    }
    if (nblocks > quads) {
        sha512_compress2((uint64_t *)chain[0], data[0] + quads * 128,
                         (uint64_t *)chain[1], data[1] + quads * 128,
                         nblocks - quads);
    }
}

/* Descriptors the generic HMAC runs over. */
static void desc512_init(void *ctx)
{
    sha512_init_state((crypto_hash_sha512_state *)ctx);
}

static void desc384_init(void *ctx)
{
    sha384_init_state((crypto_hash_sha512_state *)ctx);
}

static void desc_update(void *ctx, const uint8_t *in, size_t len)
{
    sha512_absorb((crypto_hash_sha512_state *)ctx, in, len);
}

static void desc512_last_block(const void *ctx, const uint8_t *block,
                               uint8_t *out)
{
    sha512_last_block((const crypto_hash_sha512_state *)ctx, block, out, 64);
}

static void desc384_last_block(const void *ctx, const uint8_t *block,
                               uint8_t *out)
{
    sha512_last_block((const crypto_hash_sha512_state *)ctx, block, out, 48);
}

static void desc512_final(void *ctx, uint8_t *out)
{
    sha512_finish((crypto_hash_sha512_state *)ctx, out, 64);
}

static void desc384_final(void *ctx, uint8_t *out)
{
    sha512_finish((crypto_hash_sha512_state *)ctx, out, 48);
}

/*
 * HMAC with the key at most one block long (hmac.c hashes longer keys
 * first), written straight through: two chaining values and one 256-byte
 * scratch area instead of two hash states, their buffers and the generic
 * update/final layers. For a 64-byte HMAC-SHA-512 those layers, their
 * copies and their wipes were about a tenth of the call (perf, Xeon model
 * 207), the rest being the four compressions. Whole message blocks are
 * compressed from the caller's buffer; only the tail is copied.
 * outlen: 64 (SHA-512) or 48 (SHA-384), also the inner digest's length.
 */
static int sha512_hmac_oneshot(uint8_t *out, size_t outlen,
                               const uint64_t iv[8], const uint8_t *key,
                               size_t keylen, const uint8_t *in, size_t inlen)
{
    uint8_t buf[2 * 128];
    uint64_t si[8], so[8];
    size_t whole = inlen / 128, rem = inlen % 128;
    size_t nblocks = rem < 112 ? 1 : 2;
    /* Inner length in bits, 128-bit: the ipad block, then the message. */
    uint64_t lo = ((uint64_t)inlen << 3) + 1024;
    uint64_t hi = ((uint64_t)inlen >> 61) + (lo < 1024);
    size_t i;

    hmac_pads(buf, 128, key, keylen);
    memcpy(si, iv, sizeof si);
    memcpy(so, iv, sizeof so);
    sha512_compress2(si, buf, so, buf + 128, 1);
    if (whole > 0) {
        sha512_compress(si, in, whole);
    }

    /* The padded tail of the inner message (over the pads). Cleared and
     * copied in fixed-size pieces: see copy_short. */
    memset(buf, 0, 64);
    memset(buf + 64, 0, 64);
    memset(buf + 128, 0, 64);
    memset(buf + 192, 0, 64);
    if (rem > 0) { /* in may be NULL when inlen is 0: no offset from it */
        copy_short(buf, in + whole * 128, rem);
    }
    buf[rem] = 0x80;
    store_be64(buf + 128 * nblocks - 16, hi);
    store_be64(buf + 128 * nblocks - 8, lo);
    sha512_compress(si, buf, nblocks);

    /* The outer block: the inner digest (48 or 64 bytes), padded. */
    for (i = 0; i < outlen / 8; i++) {
        store_be64(buf + 8 * i, si[i]);
    }
    pad_after_block(buf, 128, outlen);
    sha512_compress(so, buf, 1);
    for (i = 0; i < outlen / 8; i++) {
        store_be64(out + 8 * i, so[i]);
    }
    hmac_memzero(buf, sizeof buf);
    hmac_memzero(si, sizeof si);
    hmac_memzero(so, sizeof so);
    return 0;
}

static int desc512_oneshot_fused(uint8_t *out, const uint8_t *key,
                                 size_t keylen, const uint8_t *in,
                                 size_t inlen)
{
    return sha512_hmac_oneshot(out, 64, IV512, key, keylen, in, inlen);
}

static int desc384_oneshot_fused(uint8_t *out, const uint8_t *key,
                                 size_t keylen, const uint8_t *in,
                                 size_t inlen)
{
    return sha512_hmac_oneshot(out, 48, IV384, key, keylen, in, inlen);
}

/* Both states start from init, then absorb one block each. */
static void absorb_pads(crypto_hash_sha512_state *i,
                        crypto_hash_sha512_state *o,
                        void (*init)(crypto_hash_sha512_state *),
                        const uint8_t *ipad, const uint8_t *opad)
{
    init(i);
    init(o);
    /* Two independent blocks: the assembly schedules both in one pass. */
    sha512_compress2(i->state, ipad, o->state, opad, 1);
    i->count[1] = o->count[1] = 128 * 8;
}

static void desc512_absorb_pads(void *ictx, void *octx,
                                const uint8_t *ipad, const uint8_t *opad)
{
    absorb_pads((crypto_hash_sha512_state *)ictx,
                (crypto_hash_sha512_state *)octx, sha512_init_state, ipad,
                opad);
}

static void desc384_absorb_pads(void *ictx, void *octx,
                                const uint8_t *ipad, const uint8_t *opad)
{
    absorb_pads((crypto_hash_sha512_state *)ictx,
                (crypto_hash_sha512_state *)octx, sha384_init_state, ipad,
                opad);
}

const hmac_hash hmac_hash_sha512 = {
    128, 64, sizeof(crypto_hash_sha512_state),
    offsetof(crypto_hash_sha512_state, buf),
    desc512_init, desc_update, desc512_final, desc512_last_block,
    desc512_absorb_pads, desc512_oneshot_fused,
    desc_chain, desc_absorb_plan, desc_absorb_rest, desc_pad_tail,
    2 * 128 - 17, desc_pad_short, desc512_chain_out, desc_run_lanes,
    sha512_hmac_pick,
};

const hmac_hash hmac_hash_sha384 = {
    128, 48, sizeof(crypto_hash_sha512_state),
    offsetof(crypto_hash_sha512_state, buf),
    desc384_init, desc_update, desc384_final, desc384_last_block,
    desc384_absorb_pads, desc384_oneshot_fused,
    desc_chain, desc_absorb_plan, desc_absorb_rest, desc_pad_tail,
    2 * 128 - 17, desc_pad_short, desc384_chain_out, desc_run_lanes,
    sha512_hmac_pick,
};
