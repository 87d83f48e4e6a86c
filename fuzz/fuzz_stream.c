/*
 * fuzz_stream.c - the library against itself: for every HMAC and hash
 * (SHA-224/256/384/512, their HMACs and HMAC-SHA-512-256), one-shot and
 * streamed results must agree for any key length, message and chunking;
 * _verify must accept the tag and reject it with one bit flipped; a
 * copied keyed state must give the same tag as the original; and the
 * streamed HMAC must equal RFC 2104 written out over the crypto_hash_*
 * functions (block size and digest length of the underlying hash). Any
 * disagreement aborts (a crash for libFuzzer). Input layout:
 * fuzz_common.h.
 */
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* RFC 2104 over the public hash API, streaming the message in the
 * fuzzer's chunks too. */
static void rfc2104(fz_hmac a, const fz_input *in, uint8_t *tag)
{
    fz_hash h = fz_hmac_hash(a);
    size_t block = fz_block_bytes(h), dlen = fz_digest_bytes(h), i;
    uint8_t k[128], pad[128], inner[64], outer[64];
    fz_state st;

    memset(k, 0, sizeof k);
    if (in->keylen > block) {
        FZ_CHECK(fz_hash_oneshot(h, k, in->key, in->keylen) == 0);
    } else if (in->keylen > 0) {
        memcpy(k, in->key, in->keylen);
    }
    for (i = 0; i < block; i++) {
        pad[i] = (uint8_t)(k[i] ^ 0x36);
    }
    FZ_CHECK(fz_hash_init(h, &st) == 0);
    FZ_CHECK(fz_hash_update(h, &st, pad, block) == 0);
    fz_hash_feed(h, &st, in);
    FZ_CHECK(fz_hash_final(h, &st, inner) == 0);
    for (i = 0; i < block; i++) {
        pad[i] = (uint8_t)(k[i] ^ 0x5c);
    }
    FZ_CHECK(fz_hash_init(h, &st) == 0);
    FZ_CHECK(fz_hash_update(h, &st, pad, block) == 0);
    FZ_CHECK(fz_hash_update(h, &st, inner, dlen) == 0);
    FZ_CHECK(fz_hash_final(h, &st, outer) == 0);
    memcpy(tag, outer, fz_tag_bytes(a));
}

static void check_hmac(fz_hmac a, const fz_input *in)
{
    size_t tlen = fz_tag_bytes(a);
    uint8_t key32[32], oneshot[FZ_MAX_TAG], streamed[FZ_MAX_TAG];
    uint8_t whole[FZ_MAX_TAG], copied[FZ_MAX_TAG], ref[FZ_MAX_TAG];
    fz_input in32 = *in;
    fz_state keyed, copy;

    /* Fuzzer key of any length: chunked == one update == copied keyed
     * state == RFC 2104 by hand. */
    fz_hmac_stream(a, in, streamed);

    FZ_CHECK(fz_hmac_init(a, &keyed, in->key, in->keylen) == 0);
    copy = keyed;
    FZ_CHECK(fz_hmac_update(a, &keyed, in->msg, in->msglen) == 0);
    FZ_CHECK(fz_hmac_final(a, &keyed, whole) == 0);
    FZ_CHECK(memcmp(streamed, whole, tlen) == 0);
    fz_hmac_feed(a, &copy, in);
    FZ_CHECK(fz_hmac_final(a, &copy, copied) == 0);
    FZ_CHECK(memcmp(streamed, copied, tlen) == 0);

    rfc2104(a, in, ref);
    FZ_CHECK(memcmp(streamed, ref, tlen) == 0);

    /* The one-shot API (32-byte key) against streaming with that key. */
    fz_key32(in, key32);
    in32.key = key32;
    in32.keylen = 32;
    FZ_CHECK(fz_hmac_oneshot(a, oneshot, in->msg, in->msglen, key32) == 0);
    fz_hmac_stream(a, &in32, streamed);
    FZ_CHECK(memcmp(oneshot, streamed, tlen) == 0);

    FZ_CHECK(fz_hmac_verify(a, oneshot, in->msg, in->msglen, key32) == 0);
    oneshot[(in->flip / 8) % tlen] ^= (uint8_t)(1u << (in->flip % 8));
    FZ_CHECK(fz_hmac_verify(a, oneshot, in->msg, in->msglen, key32) == -1);
}

static void check_hash(fz_hash h, const fz_input *in)
{
    uint8_t oneshot[64], streamed[64];
    fz_state st;

    FZ_CHECK(fz_hash_oneshot(h, oneshot, in->msg, in->msglen) == 0);
    FZ_CHECK(fz_hash_init(h, &st) == 0);
    fz_hash_feed(h, &st, in);
    FZ_CHECK(fz_hash_final(h, &st, streamed) == 0);
    FZ_CHECK(memcmp(oneshot, streamed, fz_digest_bytes(h)) == 0);
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
    /* crypto_auth is HMAC-SHA-512-256 (libsodium's default). */
    fz_current = "crypto_auth";
    {
        uint8_t key32[32], t1[32], t2[32];

        fz_key32(&in, key32);
        FZ_CHECK(crypto_auth(t1, in.msg, in.msglen, key32) == 0);
        FZ_CHECK(crypto_auth_hmacsha512256(t2, in.msg, in.msglen, key32) == 0);
        FZ_CHECK(memcmp(t1, t2, 32) == 0);
    }
    return 0;
}
