/*
 * hash_api.c - every public crypto_hash_sha*_* family, each an instance of
 * hash_family.h over the SHA-256 or SHA-512 core.
 */
#include <stddef.h>

#include "hmac/crypto_hash_sha224.h"
#include "hmac/crypto_hash_sha256.h"
#include "hmac/crypto_hash_sha384.h"
#include "hmac/crypto_hash_sha512.h"
#include "hmac/many.h"
#include "hmac/utils.h"
#include "internal.h"

#define FAMILY sha256
#define STATE crypto_hash_sha256_state
#define INIT sha256_init_state
#define ABSORB sha256_absorb
#define FINISH sha256_finish
#define OUT_BYTES crypto_hash_sha256_BYTES
#define DESC (&hmac_hash_sha256)
#include "hash_family.h"

#define FAMILY sha224
#define STATE crypto_hash_sha224_state
#define INIT sha224_init_state
#define ABSORB sha256_absorb
#define FINISH sha256_finish
#define OUT_BYTES crypto_hash_sha224_BYTES
#define DESC (&hmac_hash_sha224)
#include "hash_family.h"

#define FAMILY sha512
#define STATE crypto_hash_sha512_state
#define INIT sha512_init_state
#define ABSORB sha512_absorb
#define FINISH sha512_finish
#define OUT_BYTES crypto_hash_sha512_BYTES
#define DESC (&hmac_hash_sha512)
#include "hash_family.h"

#define FAMILY sha384
#define STATE crypto_hash_sha384_state
#define INIT sha384_init_state
#define ABSORB sha512_absorb
#define FINISH sha512_finish
#define OUT_BYTES crypto_hash_sha384_BYTES
#define DESC (&hmac_hash_sha384)
#include "hash_family.h"
