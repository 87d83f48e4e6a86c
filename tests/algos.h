/*
 * algos.h - the algorithms the table-driven suites run over.
 *
 * One row per hash and one per HMAC. Adding SHA-224/SHA-384 (or
 * HMAC-SHA-224/384) is one row in algos.c with its vector files and
 * expected record counts; every KAT suite then covers it.
 */
#ifndef HMAC_TEST_ALGOS_H
#define HMAC_TEST_ALGOS_H

#include <stddef.h>

#include "hmac.h"

/* Storage big enough and aligned for any state in the tables. */
typedef union {
    crypto_hash_sha256_state sha256;
    crypto_hash_sha512_state sha512;
    crypto_auth_hmacsha256_state hmacsha256;
    crypto_auth_hmacsha512_state hmacsha512;
    unsigned char bytes[sizeof(crypto_auth_hmacsha512_state)];
} tu_state;

#define TU_MAX_DIGEST 64
#define TU_MAX_BLOCK 128

/* Vector files of one hash (paths under tests/vectors) and how many
 * records each holds (asserted, so a reader that skips fails). */
typedef struct {
    const char *short_msg, *long_msg, *monte;
    size_t short_count, long_count, monte_count;
} tu_hash_vectors;

typedef struct {
    const char *name;     /* "SHA-256" */
    size_t digest_bytes;
    size_t block_bytes;
    size_t state_bytes;   /* sizeof the public state on this ABI */
    int (*oneshot)(unsigned char *out, const unsigned char *in,
                   unsigned long long inlen);
    int (*init)(void *state);
    int (*update)(void *state, const unsigned char *in,
                  unsigned long long inlen);
    int (*final)(void *state, unsigned char *out);
    tu_hash_vectors vec;
} tu_hash_algo;

/* Vector files of one HMAC and the counts the suites assert. */
typedef struct {
    const char *nist_section;  /* HMAC.rsp section, e.g. "L=32", or NULL */
    size_t nist_count;         /* records in that section */
    size_t nist_tlen;          /* only records with this Tlen (0: all) */
    const char *rfc4231;       /* rfc/rfc-4231-*.txt, or NULL */
    const char *wycheproof;    /* wycheproof/hmac_*_test.json, or NULL */
    long wp_tag_bits;          /* groups with this tagSize (0: every group) */
    size_t wp_valid, wp_invalid;
    /* Of those, full-length tags whose key has the one-shot API's length
     * (so they also go through oneshot/verify). */
    size_t wp_oneshot_valid, wp_oneshot_invalid;
} tu_hmac_vectors;

typedef struct {
    const char *name;          /* "HMAC-SHA-256" */
    const tu_hash_algo *hash;  /* the underlying hash */
    size_t tag_bytes;          /* output length (32 for HMAC-SHA-512-256) */
    size_t key_bytes;          /* key length of the one-shot API */
    size_t state_bytes;
    int (*oneshot)(unsigned char *out, const unsigned char *in,
                   unsigned long long inlen, const unsigned char *k);
    int (*verify)(const unsigned char *h, const unsigned char *in,
                  unsigned long long inlen, const unsigned char *k);
    int (*init)(void *state, const unsigned char *key, size_t keylen);
    int (*update)(void *state, const unsigned char *in,
                  unsigned long long inlen);
    int (*final)(void *state, unsigned char *out);
    /* crypto_verify_NN for tag_bytes. */
    int (*verify_tag)(const unsigned char *x, const unsigned char *y);
    tu_hmac_vectors vec;
} tu_hmac_algo;

extern const tu_hash_algo tu_hashes[];
extern const size_t tu_nhashes;
extern const tu_hmac_algo tu_hmacs[];
extern const size_t tu_nhmacs;

/* Rows by name (fail the test if absent). */
const tu_hash_algo *tu_hash_by_name(const char *name);
const tu_hmac_algo *tu_hmac_by_name(const char *name);

/* The row's tag of msg under key[0..klen) through init, one update and
 * final (any key length); fails the test if a call does not return 0. */
void tu_hmac_compute(const tu_hmac_algo *a, const unsigned char *key,
                     size_t klen, const unsigned char *msg, size_t mlen,
                     unsigned char *out);

#endif
