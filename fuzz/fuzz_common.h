/*
 * fuzz_common.h - what the libhmac fuzz targets share: the layout of a
 * fuzzer input, and the operations of every HMAC and hash behind one
 * switch (a table of cast function pointers would be undefined behaviour).
 *
 * Input layout (missing bytes read as zero, so every input is valid):
 *   [0..1]  key length, little endian, taken mod 301 (0..300: empty,
 *           short, block-sized and longer-than-block keys)
 *   [2]     number of chunk-size bytes that follow, mod 16
 *   [3]     which tag bit to flip when checking that verify rejects
 *   [4..]   the chunk-size bytes, then the key bytes (fewer if the input
 *           ends first), then the message: everything left.
 * fuzz/make-corpus.py writes seeds in this layout.
 */
#ifndef HMAC_FUZZ_COMMON_H
#define HMAC_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "hmac.h"

#define FZ_MAX_KEY 300
#define FZ_MAX_CHUNKS 15
#define FZ_MAX_TAG 64

typedef struct {
    const uint8_t *key;
    size_t keylen;
    const uint8_t *chunks; /* chunk-size bytes, see fz_chunk_len() */
    size_t nchunks;
    unsigned flip;         /* bit to flip in a tag */
    const uint8_t *msg;
    size_t msglen;
} fz_input;

/* Splits data into the fields above. */
void fz_parse(fz_input *in, const uint8_t *data, size_t size);

/* The algorithm being checked (a name from fz_hmac_names/fz_hash_names),
 * set by the targets' loops so that a failed check says which one. */
extern const char *fz_current;

/* Aborts on an enum value a switch over the algorithms does not know (a
 * bug in the harness itself), naming the function. */
void fz_bad_alg(const char *fn, int v);

/* Stops the fuzzer with a message: libFuzzer saves the input as a crash. */
#define FZ_CHECK(cond)                                                       \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: check failed (%s): %s\n", __FILE__,      \
                    __LINE__, fz_current, #cond);                            \
            abort();                                                         \
        }                                                                    \
    } while (0)

/* The HMACs (tags) and hashes (digests) under test. */
typedef enum {
    FZ_HMACSHA256,
    FZ_HMACSHA512,
    FZ_HMACSHA512256,
    FZ_HMACSHA224,
    FZ_HMACSHA384,
    FZ_NHMACS
} fz_hmac;
typedef enum { FZ_SHA256, FZ_SHA512, FZ_SHA224, FZ_SHA384, FZ_NHASHES } fz_hash;

/* The 224/384 state types are today typedefs of the 256/512 structs; each
 * family still gets its own member so that the switches keep compiling
 * correctly (and the union stays big enough) if they ever become distinct
 * types. */
typedef union {
    crypto_auth_hmacsha256_state h256;
    crypto_auth_hmacsha512_state h512;
    crypto_auth_hmacsha224_state h224;
    crypto_auth_hmacsha384_state h384;
    crypto_hash_sha256_state s256;
    crypto_hash_sha512_state s512;
    crypto_hash_sha224_state s224;
    crypto_hash_sha384_state s384;
} fz_state;

extern const char *const fz_hmac_names[FZ_NHMACS];
extern const char *const fz_hash_names[FZ_NHASHES];

size_t fz_tag_bytes(fz_hmac a);
size_t fz_digest_bytes(fz_hash h);
/* The hash's block size: 64 (SHA-224/256) or 128 (SHA-384/512). */
size_t fz_block_bytes(fz_hash h);
/* The hash an HMAC runs over. */
fz_hash fz_hmac_hash(fz_hmac a);

int fz_hmac_oneshot(fz_hmac a, uint8_t *out, const uint8_t *in, size_t len,
                    const uint8_t *key32);
int fz_hmac_verify(fz_hmac a, const uint8_t *tag, const uint8_t *in,
                   size_t len, const uint8_t *key32);
int fz_hmac_init(fz_hmac a, fz_state *s, const uint8_t *key, size_t keylen);
int fz_hmac_update(fz_hmac a, fz_state *s, const uint8_t *in, size_t len);
int fz_hmac_final(fz_hmac a, fz_state *s, uint8_t *out);

int fz_hash_oneshot(fz_hash h, uint8_t *out, const uint8_t *in, size_t len);
int fz_hash_init(fz_hash h, fz_state *s);
int fz_hash_update(fz_hash h, fz_state *s, const uint8_t *in, size_t len);
int fz_hash_final(fz_hash h, fz_state *s, uint8_t *out);

/* Feeds in->msg to update in the fuzzer's chunks (the chunk sizes repeat
 * until the message is used up; a 0 is an empty update). */
void fz_hmac_feed(fz_hmac a, fz_state *s, const fz_input *in);
void fz_hash_feed(fz_hash h, fz_state *s, const fz_input *in);

/* Streams the message under in->key: init, chunked updates, final. */
void fz_hmac_stream(fz_hmac a, const fz_input *in, uint8_t *tag);

/* The 32-byte key of the one-shot API: the input key, cut or padded with
 * zeros. */
void fz_key32(const fz_input *in, uint8_t key32[32]);

#endif
