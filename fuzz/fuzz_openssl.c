/*
 * fuzz_openssl.c - differential fuzzing against OpenSSL's libcrypto:
 * HMAC() with EVP_sha256/EVP_sha512 (HMAC-SHA-512-256 is the first 32
 * bytes of HMAC-SHA-512) and SHA256()/SHA512(), on the fuzzer's key of
 * any length, message and chunking (input layout: fuzz_common.h).
 *
 * libcrypto's names (HMAC, SHA256, ...) do not collide with libhmac's;
 * libsodium's would, so it must never be linked here.
 */
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* OpenSSL wants a non-NULL key pointer even for the empty key. */
static const uint8_t no_key[1];

static void check_hmac(fz_hmac a, const fz_input *in)
{
    const EVP_MD *md = fz_hmac_hash(a) == FZ_SHA256 ? EVP_sha256() : EVP_sha512();
    uint8_t ours[FZ_MAX_TAG], theirs[EVP_MAX_MD_SIZE];
    unsigned int theirs_len = 0;

    fz_hmac_stream(a, in, ours);
    FZ_CHECK(HMAC(md, in->keylen ? in->key : no_key, (int)in->keylen, in->msg,
                  in->msglen, theirs, &theirs_len) != NULL);
    FZ_CHECK(theirs_len >= fz_tag_bytes(a));
    FZ_CHECK(memcmp(ours, theirs, fz_tag_bytes(a)) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in;
    uint8_t ours[64], theirs[64];
    fz_state st;
    int a;

    fz_parse(&in, data, size);
    for (a = 0; a < FZ_NHMACS; a++) {
        check_hmac((fz_hmac)a, &in);
    }

    FZ_CHECK(fz_hash_init(FZ_SHA256, &st) == 0);
    fz_hash_feed(FZ_SHA256, &st, &in);
    FZ_CHECK(fz_hash_final(FZ_SHA256, &st, ours) == 0);
    SHA256(in.msg, in.msglen, theirs);
    FZ_CHECK(memcmp(ours, theirs, 32) == 0);

    FZ_CHECK(fz_hash_init(FZ_SHA512, &st) == 0);
    fz_hash_feed(FZ_SHA512, &st, &in);
    FZ_CHECK(fz_hash_final(FZ_SHA512, &st, ours) == 0);
    SHA512(in.msg, in.msglen, theirs);
    FZ_CHECK(memcmp(ours, theirs, 64) == 0);
    return 0;
}
