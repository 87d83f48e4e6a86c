/*
 * hash_many.c - many messages through one hash at once, written once over
 * the hash descriptor: each message's blocks become a lane job, and all of
 * a batch's jobs run through the lanes together (lanes.c). The buffering,
 * padding and length counting are the hash core's own (absorb_plan,
 * pad_tail), so a message gives the same digest here as through update
 * and final.
 *
 * CT: the plans depend on lengths only; contexts, tails and digests that
 * may hold keyed values are wiped before returning.
 */
#include <string.h>

#include "hmac/utils.h"
#include "internal.h"

/* Big enough for the largest hash state the descriptors use. */
typedef union {
    crypto_hash_sha256_state s256;
    crypto_hash_sha512_state s512;
} any_hash_state;

/* Contexts and tails are packed at the hash's own sizes (a SHA-256
 * context is half a SHA-512 one), so the wipes at the end cover only
 * what was used. Strides stay multiples of 16 for the contexts' 64-bit
 * fields. */
#define CTX_STRIDE(h) (((h)->ctx_size + 15) & ~(size_t)15)

void hash_many_from(const hmac_hash *h, const void *start,
                    const uint8_t *const in[], const size_t inlen[],
                    size_t n, uint8_t *out)
{
    any_hash_state ctxbuf[HASH_MANY_BATCH];
    uint8_t tail[HASH_MANY_BATCH * 2 * HMAC_MAX_BLOCK];
    lane_job job[HASH_MANY_BATCH];
    uint8_t *ctx = (uint8_t *)ctxbuf;
    size_t stride = CTX_STRIDE(h), toff;
    /* Where the chaining value sits in a context: asked once, not once
     * per message through the descriptor. */
    size_t coff = (size_t)((uint8_t *)h->chain(ctx) - ctx);
    size_t i, rest;

    /* In phases, each loop over all messages: a context read right after
     * the memcpy that wrote it waited for the copy's wide stores (the
     * counter load was 3/4 of the planning time in a profile of 16 x 64 B
     * HMAC-SHA-256). */
    for (i = 0; i < n; i++) {
        /* inline: a memcpy of this variable length was a libc call */
        copy_short(ctx + i * stride, (const uint8_t *)start, h->ctx_head);
    }
    for (i = 0; i < n; i++) {
        job[i].chain = ctx + i * stride + coff;
        job[i].nseg = 0;
        if (inlen[i] <= h->short_max) {
            continue; /* padded whole into its tail below */
        }
        /* start has nothing buffered (so its head is all the copy
         * needs), the plan names no buffer block, and the rest can be
         * buffered before the lanes run. */
        rest = h->absorb_plan(ctx + i * stride, in[i], inlen[i], &job[i]);
        if (rest > 0) {
            h->absorb_rest(ctx + i * stride, in[i], inlen[i], rest);
        }
    }
    /* Tails one after another: each takes at most two blocks, the next
     * starts after the ones this one uses. A short message is copied into
     * its tail, so that its job is one run of blocks (one lane run for a
     * batch of them, where its block in place and the padding took two). */
    for (i = 0, toff = 0; i < n; i++) {
        size_t nblk = inlen[i] <= h->short_max
            ? h->pad_short(ctx + i * stride, in[i], inlen[i], tail + toff)
            : h->pad_tail(ctx + i * stride, tail + toff);

        job[i].seg[job[i].nseg] = tail + toff;
        job[i].nblk[job[i].nseg++] = nblk;
        toff += nblk * h->block_size;
    }
    h->run_lanes(job, n);
    for (i = 0; i < n; i++) {
        h->chain_out(ctx + i * stride, out + i * h->digest_size);
    }
    /* The contexts hold keyed chaining values (HMAC), the tails message
     * bytes. */
    hmac_memzero(ctx, n * stride);
    hmac_memzero(tail, toff);
}

size_t hash_many_hmac(const hmac_hash *h, const void *ictx, const void *octx,
                      const uint8_t *const in[], const size_t inlen[],
                      size_t n, uint8_t *tag)
{
    any_hash_state ctxbuf[HASH_MANY_BATCH];
    uint8_t tail[HASH_MANY_BATCH * 2 * HMAC_MAX_BLOCK];
    lane_job job[HASH_MANY_BATCH];
    const void *chain[HASH_MANY_BATCH];
    const uint8_t *data[HASH_MANY_BATCH];
    size_t nblk[HASH_MANY_BATCH];
    uint8_t *ctx = (uint8_t *)ctxbuf;
    size_t stride = CTX_STRIDE(h), room = 2 * h->block_size;
    /* chain() only names a field; the keyed states are not written */
    const void *ichain = h->chain((void *)(uintptr_t)ictx);
    const void *ochain = h->chain((void *)(uintptr_t)octx);
    lanes_hmac_fn *fn[HASH_MANY_BATCH];
    size_t size[HASH_MANY_BATCH];
    size_t i, ng = 0, m = 0, rest, njobs = 0;
    lanes_kernel k;

    /* The groups, while the kernel chosen for what is left has a fused
     * HMAC (cpu.c's hmac_pick: where it names none, the rest is left to
     * the two stages); m messages in them. */
    while (m < n) {
        k = h->hmac_pick(n - m);
        if (k.hmac == NULL) {
            break;
        }
        fn[ng] = k.hmac;
        size[ng] = n - m < k.width ? n - m : k.width;
        m += size[ng++];
    }
    if (m == 0) {
        return 0;
    }
    n = m;
    /* Each tail gets two blocks' room: a one-block tail beside two-block
     * ones is read on (and its result dropped) while those run their
     * second. A short message is all tail, from the keyed state itself;
     * a longer one's whole blocks are read in place first, from a copy. */
    for (i = 0; i < n; i++) {
        uint8_t *c = ctx + i * stride;

        data[i] = tail + i * room;
        if (inlen[i] <= h->short_max) {
            chain[i] = ichain;
            nblk[i] = h->pad_short(ictx, in[i], inlen[i], tail + i * room);
            continue;
        }
        copy_short(c, (const uint8_t *)ictx, h->ctx_head);
        job[njobs].chain = h->chain(c);
        job[njobs].nseg = 0;
        rest = h->absorb_plan(c, in[i], inlen[i], &job[njobs]);
        if (rest > 0) {
            h->absorb_rest(c, in[i], inlen[i], rest);
        }
        nblk[i] = h->pad_tail(c, tail + i * room);
        chain[i] = job[njobs++].chain;
    }
    if (njobs > 0) {
        h->run_lanes(job, njobs);
    }
    for (i = 0, m = 0; i < ng; m += size[i++]) {
        fn[i](tag + m * h->digest_size, h->digest_size, chain + m, ochain,
              data + m, nblk + m, size[i]);
    }
    /* Keyed chaining values, message bytes. */
    if (njobs > 0) {
        hmac_memzero(ctx, n * stride);
    }
    hmac_memzero(tail, n * room);
    return n;
}

void hash_many_update(const hmac_hash *h, void *const ctx[],
                      const uint8_t *const in[], const size_t inlen[],
                      size_t n)
{
    lane_job job[HASH_MANY_BATCH];
    size_t rest[HASH_MANY_BATCH];
    size_t b, i;

    if (n == 1) {
        h->update(ctx[0], in[0], inlen[0]);
        return;
    }
    for (; n > 0; ctx += b, in += b, inlen += b, n -= b) {
        b = n < HASH_MANY_BATCH ? n : HASH_MANY_BATCH;
        for (i = 0; i < b; i++) {
            job[i].chain = h->chain(ctx[i]);
            job[i].nseg = 0;
            rest[i] = h->absorb_plan(ctx[i], in[i], inlen[i], &job[i]);
        }
        h->run_lanes(job, b);
        /* Only now: the plan may have named a context's buffer as a
         * block, and the rest overwrites it. */
        for (i = 0; i < b; i++) {
            h->absorb_rest(ctx[i], in[i], inlen[i], rest[i]);
        }
    }
}

void hash_many_final(const hmac_hash *h, void *const ctx[], uint8_t *out,
                     size_t n)
{
    uint8_t tail[HASH_MANY_BATCH * 2 * HMAC_MAX_BLOCK];
    lane_job job[HASH_MANY_BATCH];
    size_t b, i, toff, used = 0;

    for (; n > 0; ctx += b, out += b * h->digest_size, n -= b) {
        b = n < HASH_MANY_BATCH ? n : HASH_MANY_BATCH;
        for (i = 0, toff = 0; i < b; i++) {
            job[i].chain = h->chain(ctx[i]);
            job[i].seg[0] = tail + toff;
            job[i].nblk[0] = h->pad_tail(ctx[i], tail + toff);
            toff += job[i].nblk[0] * h->block_size;
            job[i].nseg = 1;
        }
        h->run_lanes(job, b);
        for (i = 0; i < b; i++) {
            h->chain_out(ctx[i], out + i * h->digest_size);
        }
        used = toff > used ? toff : used;
    }
    hmac_memzero(tail, used);
}
