/*
 * many.h - many messages per call: n tags, n verifications, n streams or
 * n digests in one call, computed side by side in SIMD lanes (AVX-512,
 * AVX2), interleaved hardware streams (SHA-NI, ARMv8) or, without them,
 * one after another. Every result is byte for byte that of the matching
 * single-message function; use these when many messages are at hand at
 * once (a queue of requests, a file of signed records, many files).
 *
 * Rules shared by every function here:
 * - in[i] and inlen[i] give message i; lengths may all differ (0 too),
 *   buffers may have any alignment; in[i] may be NULL when inlen[i] is 0.
 * - n == 0 is a no-op that returns 0 (the arrays are not read).
 * - With n > 0, a NULL array, a NULL state, or in[i] == NULL with
 *   inlen[i] > 0 returns -1 having written nothing.
 * - No allocation and no threads: the caller's arrays and the stack
 *   (about 28 KiB) are all the memory used.
 * - out (and result) must not overlap any message, the key or tags:
 *   unlike the single-message functions, which may write a tag over
 *   their own input, these write a batch's tags after hashing the whole
 *   batch, so an overlap gives wrong tags (memory safety holds).
 * - The same state twice in one _update_many or _final_many call is a
 *   caller bug: that state's result is unspecified (nothing outside the
 *   states and outputs is written).
 */
#ifndef HMAC_MANY_H
#define HMAC_MANY_H

#include <stddef.h>

#include "hmac/export.h"
#include "hmac/crypto_auth_hmacsha224.h"
#include "hmac/crypto_auth_hmacsha256.h"
#include "hmac/crypto_auth_hmacsha384.h"
#include "hmac/crypto_auth_hmacsha512.h"
#include "hmac/crypto_auth_hmacsha512256.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- HMAC-SHA-256 ---- */

/* n one-shot tags: out + i*32 = crypto_auth_hmacsha256(in[i], inlen[i], k) for
 * each i < n, with the hmacsha256 one-shot key k (32 bytes). Returns 0, or -1
 * (nothing written) on a NULL argument as the rules above say. */
HMAC_API int hmac_auth_hmacsha256_many(unsigned char *out,
    const unsigned char *const in[], const size_t inlen[], size_t n,
    const unsigned char *k);

/* result[i] = crypto_auth_hmacsha256_verify(tags + i*32, in[i], inlen[i], k)
 * (0 or -1) for each i < n; result may be NULL. Returns 0 when every tag
 * verifies, -1 otherwise (or on a bad argument, result then unwritten).
 * Constant time in every tag's bytes: each is compared whole. */
HMAC_API int hmac_auth_hmacsha256_verify_many(int result[],
    const unsigned char *tags, const unsigned char *const in[],
    const size_t inlen[], size_t n, const unsigned char *k);

/* crypto_auth_hmacsha256_update(state[i], in[i], inlen[i]) for each i < n: n
 * independent streams (each keyed with its own key, or copies of one
 * keyed state) advanced together. Returns 0, or -1 (no state changed)
 * when an argument is bad or a state is dead (after _final). */
HMAC_API int hmac_auth_hmacsha256_update_many(crypto_auth_hmacsha256_state *const state[],
    const unsigned char *const in[], const size_t inlen[], size_t n);

/* crypto_auth_hmacsha256_final(state[i], out + i*32) for each i < n, and wipes
 * every state. Returns 0, or -1 (nothing written, no state changed) when
 * an argument is bad or a state is dead. */
HMAC_API int hmac_auth_hmacsha256_final_many(crypto_auth_hmacsha256_state *const state[],
    unsigned char *out, size_t n);

/* ---- HMAC-SHA-512 ---- */

/* n one-shot tags: out + i*64 = crypto_auth_hmacsha512(in[i], inlen[i], k) for
 * each i < n, with the hmacsha512 one-shot key k (32 bytes). Returns 0, or -1
 * (nothing written) on a NULL argument as the rules above say. */
HMAC_API int hmac_auth_hmacsha512_many(unsigned char *out,
    const unsigned char *const in[], const size_t inlen[], size_t n,
    const unsigned char *k);

/* result[i] = crypto_auth_hmacsha512_verify(tags + i*64, in[i], inlen[i], k)
 * (0 or -1) for each i < n; result may be NULL. Returns 0 when every tag
 * verifies, -1 otherwise (or on a bad argument, result then unwritten).
 * Constant time in every tag's bytes: each is compared whole. */
HMAC_API int hmac_auth_hmacsha512_verify_many(int result[],
    const unsigned char *tags, const unsigned char *const in[],
    const size_t inlen[], size_t n, const unsigned char *k);

/* crypto_auth_hmacsha512_update(state[i], in[i], inlen[i]) for each i < n: n
 * independent streams (each keyed with its own key, or copies of one
 * keyed state) advanced together. Returns 0, or -1 (no state changed)
 * when an argument is bad or a state is dead (after _final). */
HMAC_API int hmac_auth_hmacsha512_update_many(crypto_auth_hmacsha512_state *const state[],
    const unsigned char *const in[], const size_t inlen[], size_t n);

/* crypto_auth_hmacsha512_final(state[i], out + i*64) for each i < n, and wipes
 * every state. Returns 0, or -1 (nothing written, no state changed) when
 * an argument is bad or a state is dead. */
HMAC_API int hmac_auth_hmacsha512_final_many(crypto_auth_hmacsha512_state *const state[],
    unsigned char *out, size_t n);

/* ---- HMAC-SHA-512-256 (libsodium's crypto_auth) ---- */

/* n one-shot tags: out + i*32 = crypto_auth_hmacsha512256(in[i], inlen[i], k) for
 * each i < n, with the hmacsha512256 one-shot key k (32 bytes). Returns 0, or -1
 * (nothing written) on a NULL argument as the rules above say. */
HMAC_API int hmac_auth_hmacsha512256_many(unsigned char *out,
    const unsigned char *const in[], const size_t inlen[], size_t n,
    const unsigned char *k);

/* result[i] = crypto_auth_hmacsha512256_verify(tags + i*32, in[i], inlen[i], k)
 * (0 or -1) for each i < n; result may be NULL. Returns 0 when every tag
 * verifies, -1 otherwise (or on a bad argument, result then unwritten).
 * Constant time in every tag's bytes: each is compared whole. */
HMAC_API int hmac_auth_hmacsha512256_verify_many(int result[],
    const unsigned char *tags, const unsigned char *const in[],
    const size_t inlen[], size_t n, const unsigned char *k);

/* crypto_auth_hmacsha512256_update(state[i], in[i], inlen[i]) for each i < n: n
 * independent streams (each keyed with its own key, or copies of one
 * keyed state) advanced together. Returns 0, or -1 (no state changed)
 * when an argument is bad or a state is dead (after _final). */
HMAC_API int hmac_auth_hmacsha512256_update_many(crypto_auth_hmacsha512256_state *const state[],
    const unsigned char *const in[], const size_t inlen[], size_t n);

/* crypto_auth_hmacsha512256_final(state[i], out + i*32) for each i < n, and wipes
 * every state. Returns 0, or -1 (nothing written, no state changed) when
 * an argument is bad or a state is dead. */
HMAC_API int hmac_auth_hmacsha512256_final_many(crypto_auth_hmacsha512256_state *const state[],
    unsigned char *out, size_t n);

/* ---- HMAC-SHA-384 ---- */

/* n one-shot tags: out + i*48 = crypto_auth_hmacsha384(in[i], inlen[i], k) for
 * each i < n, with the hmacsha384 one-shot key k (32 bytes). Returns 0, or -1
 * (nothing written) on a NULL argument as the rules above say. */
HMAC_API int hmac_auth_hmacsha384_many(unsigned char *out,
    const unsigned char *const in[], const size_t inlen[], size_t n,
    const unsigned char *k);

/* result[i] = crypto_auth_hmacsha384_verify(tags + i*48, in[i], inlen[i], k)
 * (0 or -1) for each i < n; result may be NULL. Returns 0 when every tag
 * verifies, -1 otherwise (or on a bad argument, result then unwritten).
 * Constant time in every tag's bytes: each is compared whole. */
HMAC_API int hmac_auth_hmacsha384_verify_many(int result[],
    const unsigned char *tags, const unsigned char *const in[],
    const size_t inlen[], size_t n, const unsigned char *k);

/* crypto_auth_hmacsha384_update(state[i], in[i], inlen[i]) for each i < n: n
 * independent streams (each keyed with its own key, or copies of one
 * keyed state) advanced together. Returns 0, or -1 (no state changed)
 * when an argument is bad or a state is dead (after _final). */
HMAC_API int hmac_auth_hmacsha384_update_many(crypto_auth_hmacsha384_state *const state[],
    const unsigned char *const in[], const size_t inlen[], size_t n);

/* crypto_auth_hmacsha384_final(state[i], out + i*48) for each i < n, and wipes
 * every state. Returns 0, or -1 (nothing written, no state changed) when
 * an argument is bad or a state is dead. */
HMAC_API int hmac_auth_hmacsha384_final_many(crypto_auth_hmacsha384_state *const state[],
    unsigned char *out, size_t n);

/* ---- HMAC-SHA-224 ---- */

/* n one-shot tags: out + i*28 = crypto_auth_hmacsha224(in[i], inlen[i], k) for
 * each i < n, with the hmacsha224 one-shot key k (32 bytes). Returns 0, or -1
 * (nothing written) on a NULL argument as the rules above say. */
HMAC_API int hmac_auth_hmacsha224_many(unsigned char *out,
    const unsigned char *const in[], const size_t inlen[], size_t n,
    const unsigned char *k);

/* result[i] = crypto_auth_hmacsha224_verify(tags + i*28, in[i], inlen[i], k)
 * (0 or -1) for each i < n; result may be NULL. Returns 0 when every tag
 * verifies, -1 otherwise (or on a bad argument, result then unwritten).
 * Constant time in every tag's bytes: each is compared whole. */
HMAC_API int hmac_auth_hmacsha224_verify_many(int result[],
    const unsigned char *tags, const unsigned char *const in[],
    const size_t inlen[], size_t n, const unsigned char *k);

/* crypto_auth_hmacsha224_update(state[i], in[i], inlen[i]) for each i < n: n
 * independent streams (each keyed with its own key, or copies of one
 * keyed state) advanced together. Returns 0, or -1 (no state changed)
 * when an argument is bad or a state is dead (after _final). */
HMAC_API int hmac_auth_hmacsha224_update_many(crypto_auth_hmacsha224_state *const state[],
    const unsigned char *const in[], const size_t inlen[], size_t n);

/* crypto_auth_hmacsha224_final(state[i], out + i*28) for each i < n, and wipes
 * every state. Returns 0, or -1 (nothing written, no state changed) when
 * an argument is bad or a state is dead. */
HMAC_API int hmac_auth_hmacsha224_final_many(crypto_auth_hmacsha224_state *const state[],
    unsigned char *out, size_t n);

/* n SHA-256 digests: out + i*32 = crypto_hash_sha256(in[i], inlen[i]) for
 * each i < n. Returns 0, or -1 (nothing written) on a bad argument. */
HMAC_API int hmac_hash_sha256_many(unsigned char *out,
    const unsigned char *const in[], const size_t inlen[], size_t n);

/* n SHA-512 digests: out + i*64 = crypto_hash_sha512(in[i], inlen[i]) for
 * each i < n. Returns 0, or -1 (nothing written) on a bad argument. */
HMAC_API int hmac_hash_sha512_many(unsigned char *out,
    const unsigned char *const in[], const size_t inlen[], size_t n);

/* n SHA-384 digests: out + i*48 = crypto_hash_sha384(in[i], inlen[i]) for
 * each i < n. Returns 0, or -1 (nothing written) on a bad argument. */
HMAC_API int hmac_hash_sha384_many(unsigned char *out,
    const unsigned char *const in[], const size_t inlen[], size_t n);

/* n SHA-224 digests: out + i*28 = crypto_hash_sha224(in[i], inlen[i]) for
 * each i < n. Returns 0, or -1 (nothing written) on a bad argument. */
HMAC_API int hmac_hash_sha224_many(unsigned char *out,
    const unsigned char *const in[], const size_t inlen[], size_t n);

#ifdef __cplusplus
}
#endif

#endif
