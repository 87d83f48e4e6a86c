/*
 * fuzz_openssl.c - differential fuzzing against OpenSSL's libcrypto:
 * HMAC() with EVP_sha224/256/384/512 (HMAC-SHA-512-256 is the first 32
 * bytes of HMAC-SHA-512), streamed with the fuzzer's key of any length and
 * chunking and one-shot with its 32-byte key; and EVP_Digest() with the
 * same four hashes, streamed (input layout: fuzz_common.h).
 *
 * libcrypto's names (HMAC, SHA256, ...) do not collide with libhmac's;
 * libsodium's would, so it must never be linked here.
 */
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* OpenSSL wants a non-NULL key pointer even for the empty key. */
static const uint8_t no_key[1];

/* OpenSSL's digest for one of our hashes. */
static const EVP_MD *md_of(fz_hash h)
{
    switch (h) {
    case FZ_SHA256: return EVP_sha256();
    case FZ_SHA512: return EVP_sha512();
    case FZ_SHA224: return EVP_sha224();
    case FZ_SHA384: return EVP_sha384();
    case FZ_NHASHES: break;
    }
    fz_bad_alg("md_of", (int)h);
    return NULL;
}

static void check_hmac(fz_hmac a, const fz_input *in)
{
    const EVP_MD *md = md_of(fz_hmac_hash(a));
    uint8_t ours[FZ_MAX_TAG], theirs[EVP_MAX_MD_SIZE], key32[32];
    unsigned int theirs_len = 0;

    /* Streamed, with the fuzzer's key of any length. */
    fz_hmac_stream(a, in, ours);
    FZ_CHECK(HMAC(md, in->keylen ? in->key : no_key, (int)in->keylen, in->msg,
                  in->msglen, theirs, &theirs_len) != NULL);
    FZ_CHECK(theirs_len >= fz_tag_bytes(a));
    FZ_CHECK(memcmp(ours, theirs, fz_tag_bytes(a)) == 0);

    /* One-shot (32-byte key): it can take its own code path (the fused
     * SHA-NI HMAC for SHA-224/256), so it is compared directly too. */
    fz_key32(in, key32);
    FZ_CHECK(fz_hmac_oneshot(a, ours, in->msg, in->msglen, key32) == 0);
    FZ_CHECK(HMAC(md, key32, 32, in->msg, in->msglen, theirs, &theirs_len) !=
             NULL);
    FZ_CHECK(theirs_len >= fz_tag_bytes(a));
    FZ_CHECK(memcmp(ours, theirs, fz_tag_bytes(a)) == 0);
}

static void check_hash(fz_hash h, const fz_input *in)
{
    uint8_t ours[64], theirs[EVP_MAX_MD_SIZE];
    unsigned int theirs_len = 0;
    fz_state st;

    FZ_CHECK(fz_hash_init(h, &st) == 0);
    fz_hash_feed(h, &st, in);
    FZ_CHECK(fz_hash_final(h, &st, ours) == 0);
    FZ_CHECK(EVP_Digest(in->msg, in->msglen, theirs, &theirs_len, md_of(h),
                        NULL) == 1);
    FZ_CHECK(theirs_len == fz_digest_bytes(h));
    FZ_CHECK(memcmp(ours, theirs, theirs_len) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in;
    int a, h;

    fz_parse(&in, data, size);
    for (a = 0; a < FZ_NHMACS; a++) {
        fz_current = fz_hmac_names[a];
        check_hmac((fz_hmac)a, &in);
    }
    for (h = 0; h < FZ_NHASHES; h++) {
        fz_current = fz_hash_names[h];
        check_hash((fz_hash)h, &in);
    }
    return 0;
}
