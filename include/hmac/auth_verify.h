/*
 * auth_verify.h - finish a streamed HMAC and check it against a received
 * tag in one call, in constant time (libhmac's own, hence the hmac_
 * prefix). For the one-shot case libsodium's crypto_auth_*_verify exists;
 * this covers keys of any length and messages fed by _init/_update, where
 * a caller would otherwise _final and compare with memcmp.
 *
 * Each function: finishes the stream in state, compares its tag with the
 * first taglen bytes of tag (a truncated tag, as some protocols send, of
 * at least 16 bytes) in constant time, and wipes the state, which is dead
 * afterwards as after _final. Returns 0 when they match; -1 when they do
 * not, when taglen is below 16 or above the family's _BYTES, or when tag
 * is NULL. The state is wiped in every case, the rejected ones included.
 * A NULL state, or a dead one (after _final, _final_verify or
 * hmac_memzero), gives -1 and is left as it is.
 */
#ifndef HMAC_AUTH_VERIFY_H
#define HMAC_AUTH_VERIFY_H

#include <stddef.h>

#include "hmac/crypto_auth_hmacsha224.h"
#include "hmac/crypto_auth_hmacsha256.h"
#include "hmac/crypto_auth_hmacsha384.h"
#include "hmac/crypto_auth_hmacsha512.h"
#include "hmac/crypto_auth_hmacsha512256.h"
#include "hmac/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Shortest tag the _final_verify functions accept, in bytes. */
#define hmac_auth_final_verify_MINBYTES 16U

/* HMAC-SHA-256: taglen from 16 to 32. See the top of this header. */
HMAC_API HMAC_WARN_UNUSED int hmac_auth_hmacsha256_final_verify(
    crypto_auth_hmacsha256_state *state, const unsigned char *tag,
    size_t taglen);

/* HMAC-SHA-512: taglen from 16 to 64. See the top of this header. */
HMAC_API HMAC_WARN_UNUSED int hmac_auth_hmacsha512_final_verify(
    crypto_auth_hmacsha512_state *state, const unsigned char *tag,
    size_t taglen);

/* HMAC-SHA-512-256 (crypto_auth's default): taglen from 16 to 32. */
HMAC_API HMAC_WARN_UNUSED int hmac_auth_hmacsha512256_final_verify(
    crypto_auth_hmacsha512256_state *state, const unsigned char *tag,
    size_t taglen);

/* HMAC-SHA-384: taglen from 16 to 48. See the top of this header. */
HMAC_API HMAC_WARN_UNUSED int hmac_auth_hmacsha384_final_verify(
    crypto_auth_hmacsha384_state *state, const unsigned char *tag,
    size_t taglen);

/* HMAC-SHA-224: taglen from 16 to 28. See the top of this header. */
HMAC_API HMAC_WARN_UNUSED int hmac_auth_hmacsha224_final_verify(
    crypto_auth_hmacsha224_state *state, const unsigned char *tag,
    size_t taglen);

#ifdef __cplusplus
}
#endif

#endif
