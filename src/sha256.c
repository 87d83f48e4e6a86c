/*
 * sha256.c - SHA-256 message handling: buffering, padding and the length
 * counter. Whole blocks go to sha256_compress(), which runs the backend
 * chosen for this CPU.
 *
 * CT: the only branches depend on lengths (public), never on data.
 */
#include <stddef.h>
#include <string.h>

#include "hmac/utils.h"
#include "internal.h"

/* FIPS 180-4, section 5.3.3. */
static const uint32_t IV256[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

/* FIPS 180-4, section 5.3.2: SHA-224 is SHA-256 from these values, with
 * the output cut to 28 bytes. */
static const uint32_t IV224[8] = {
    0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
    0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
};

/* pad_copy's mask (internal.h), for SHA-512's padding too. */
const uint8_t pad_window[256] = {
#define FF8 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff
    FF8, FF8, FF8, FF8, FF8, FF8, FF8, FF8,
    FF8, FF8, FF8, FF8, FF8, FF8, FF8, FF8,
#undef FF8
    /* the other 128 bytes: zeros */
};

void sha256_init_state(crypto_hash_sha256_state *s)
{
    memcpy(s->state, IV256, sizeof IV256);
    s->count = 0;
    /* buf needs no clearing: only the first (count/8 mod 64) bytes are read. */
}

void sha224_init_state(crypto_hash_sha256_state *s)
{
    memcpy(s->state, IV224, sizeof IV224);
    s->count = 0;
}

static void sha256_last_block(const crypto_hash_sha256_state *s,
                              const uint8_t *block, uint8_t *out,
                              size_t outlen)
{
    uint32_t st[8];
    size_t i;

    memcpy(st, s->state, sizeof st);
    sha256_compress(st, block, 1);
    for (i = 0; i < outlen / 4; i++) {
        store_be32(out + 4 * i, st[i]);
    }
    hmac_memzero(st, sizeof st); /* a keyed chaining value */
}

/* ---- many messages per call (see hash_many.c) ---- */

static void *desc_chain(void *ctx)
{
    return ((crypto_hash_sha256_state *)ctx)->state;
}

/* Absorbing, planned: the buffer and counter updates of update, with the
 * whole blocks appended to job instead of compressed (sha256_absorb runs
 * them at once, the lanes run many messages' jobs together). */
static size_t desc_absorb_plan(void *ctx, const uint8_t *in, size_t len,
                               lane_job *job)
{
    crypto_hash_sha256_state *s = (crypto_hash_sha256_state *)ctx;
    size_t used = (size_t)(s->count >> 3) & 63;

    if (len == 0) {
        return 0; /* also keeps NULL away from memcpy */
    }
    /* A 64-bit bit counter covers 2^61 bytes; it wraps as the standard's
     * length field does, so a single update over 4 GiB is exact. */
    s->count += (uint64_t)len << 3;
    if (used > 0) {
        size_t take = 64 - used;
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
    if (len >= 64) {
        job->seg[job->nseg] = in;
        job->nblk[job->nseg++] = len / 64;
    }
    return len & 63;
}

static void desc_absorb_rest(void *ctx, const uint8_t *in, size_t len,
                             size_t rest)
{
    if (rest > 0) {
        memcpy(((crypto_hash_sha256_state *)ctx)->buf, in + len - rest, rest);
    }
}

/* Whole blocks straight from the caller's buffer, no copy: the plan
 * names them, and they are compressed here in order. */
void sha256_absorb(crypto_hash_sha256_state *s, const uint8_t *in, size_t len)
{
    lane_job job;
    size_t rest, i;

    job.nseg = 0;
    rest = desc_absorb_plan(s, in, len, &job);
    for (i = 0; i < job.nseg; i++) {
        sha256_compress(s->state, job.seg[i], job.nblk[i]);
    }
    desc_absorb_rest(s, in, len, rest);
}

/* sha256_finish's padding, into a separate two-block tail. */
static size_t desc_pad_tail(const void *ctx, uint8_t *tail)
{
    const crypto_hash_sha256_state *s = (const crypto_hash_sha256_state *)ctx;
    size_t used = (size_t)(s->count >> 3) & 63;
    size_t nblocks = used < 56 ? 1 : 2;

    /* The second block cleared 64 bytes at a time: GCC inlines a 64-byte
     * memset as vector stores but a 128-byte one as REP STOS, slow to
     * start (it was most of this function's time in a profile of 64-byte
     * HMAC _many); REP MOVS for the copy, hence pad_copy. */
    pad_copy(tail, s->buf, used, 64);
    memset(tail + 64, 0, 64);
    tail[used] = 0x80;
    store_be64(tail + 64 * nblocks - 8, s->count);
    return nblocks;
}

/* A short message padded in tail (see hmac_hash.pad_short): a 64-byte
 * HMAC message is two blocks in one lane run, where reading its block in
 * place and padding the empty rest took two runs. */
static size_t desc_pad_short(const void *ctx, const uint8_t *in, size_t len,
                             uint8_t *tail)
{
    const crypto_hash_sha256_state *s = (const crypto_hash_sha256_state *)ctx;
    size_t nblocks = len < 56 ? 1 : 2;

    memset(tail, 0, 64);
    memset(tail + 64, 0, 64);
    copy_short(tail, in, len);
    tail[len] = 0x80;
    store_be64(tail + 64 * nblocks - 8, s->count + ((uint64_t)len << 3));
    return nblocks;
}

static void chain_out(const void *ctx, uint8_t *out, size_t outlen)
{
    const crypto_hash_sha256_state *s = (const crypto_hash_sha256_state *)ctx;
    size_t i;

    for (i = 0; i < outlen / 4; i++) {
        store_be32(out + 4 * i, s->state[i]);
    }
}

/* The padded tail goes through a stack copy: the buffer may hold a keyed
 * value (an HMAC outer hash absorbs the inner digest), so it is wiped. */
void sha256_finish(crypto_hash_sha256_state *s, uint8_t *out, size_t outlen)
{
    uint8_t tail[2 * 64];
    size_t nblocks = desc_pad_tail(s, tail);

    sha256_compress(s->state, tail, nblocks);
    chain_out(s, out, outlen);
    hmac_memzero(tail, nblocks * 64);
}

static void desc256_chain_out(const void *ctx, uint8_t *out)
{
    chain_out(ctx, out, 32);
}

static void desc224_chain_out(const void *ctx, uint8_t *out)
{
    chain_out(ctx, out, 28);
}

static void desc_run_lanes(lane_job *jobs, size_t njobs)
{
    lanes_run(jobs, njobs, 64, sha256_lanes_pick);
}

void sha256_lanes_single(void *const chain[], const uint8_t *const data[],
                         size_t n, size_t nblocks)
{
    size_t i;

    for (i = 0; i < n; i++) {
        sha256_compress((uint32_t *)chain[i], data[i], nblocks);
    }
}

/* Descriptors the generic HMAC runs over. */
static void desc256_init(void *ctx)
{
    sha256_init_state((crypto_hash_sha256_state *)ctx);
}

static void desc224_init(void *ctx)
{
    sha224_init_state((crypto_hash_sha256_state *)ctx);
}

static void desc_update(void *ctx, const uint8_t *in, size_t len)
{
    sha256_absorb((crypto_hash_sha256_state *)ctx, in, len);
}

static void desc256_last_block(const void *ctx, const uint8_t *block,
                               uint8_t *out)
{
    sha256_last_block((const crypto_hash_sha256_state *)ctx, block, out, 32);
}

static void desc224_last_block(const void *ctx, const uint8_t *block,
                               uint8_t *out)
{
    sha256_last_block((const crypto_hash_sha256_state *)ctx, block, out, 28);
}

static void desc256_final(void *ctx, uint8_t *out)
{
    sha256_finish((crypto_hash_sha256_state *)ctx, out, 32);
}

static void desc224_final(void *ctx, uint8_t *out)
{
    sha256_finish((crypto_hash_sha256_state *)ctx, out, 28);
}

static int desc256_oneshot_fused(uint8_t *out, const uint8_t *key,
                                 size_t keylen, const uint8_t *in,
                                 size_t inlen)
{
    return sha256_hmac_fused(out, 32, IV256, key, keylen, in, inlen);
}

static int desc224_oneshot_fused(uint8_t *out, const uint8_t *key,
                                 size_t keylen, const uint8_t *in,
                                 size_t inlen)
{
    return sha256_hmac_fused(out, 28, IV224, key, keylen, in, inlen);
}

/* Both states start from init, then absorb one block each. */
static void absorb_pads(crypto_hash_sha256_state *i,
                        crypto_hash_sha256_state *o,
                        void (*init)(crypto_hash_sha256_state *),
                        const uint8_t *ipad, const uint8_t *opad)
{
    init(i);
    init(o);
    sha256_compress2(i->state, ipad, o->state, opad, 1);
    i->count = o->count = 64 * 8;
}

static void desc256_absorb_pads(void *ictx, void *octx,
                                const uint8_t *ipad, const uint8_t *opad)
{
    absorb_pads((crypto_hash_sha256_state *)ictx,
                (crypto_hash_sha256_state *)octx, sha256_init_state, ipad,
                opad);
}

static void desc224_absorb_pads(void *ictx, void *octx,
                                const uint8_t *ipad, const uint8_t *opad)
{
    absorb_pads((crypto_hash_sha256_state *)ictx,
                (crypto_hash_sha256_state *)octx, sha224_init_state, ipad,
                opad);
}

const hmac_hash hmac_hash_sha256 = {
    64, 32, sizeof(crypto_hash_sha256_state),
    offsetof(crypto_hash_sha256_state, buf),
    desc256_init, desc_update, desc256_final, desc256_last_block,
    desc256_absorb_pads, desc256_oneshot_fused,
    desc_chain, desc_absorb_plan, desc_absorb_rest, desc_pad_tail,
    2 * 64 - 9, desc_pad_short, desc256_chain_out, desc_run_lanes,
    sha256_hmac_pick,
};

const hmac_hash hmac_hash_sha224 = {
    64, 28, sizeof(crypto_hash_sha256_state),
    offsetof(crypto_hash_sha256_state, buf),
    desc224_init, desc_update, desc224_final, desc224_last_block,
    desc224_absorb_pads, desc224_oneshot_fused,
    desc_chain, desc_absorb_plan, desc_absorb_rest, desc_pad_tail,
    2 * 64 - 9, desc_pad_short, desc224_chain_out, desc_run_lanes,
    sha256_hmac_pick,
};
