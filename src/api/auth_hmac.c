/*
 * auth_hmac.c - every crypto_auth_hmacsha*_* family. Each block below
 * instantiates auth_family.h for one construction; all of them run the
 * generic HMAC of hmac.c over a hash descriptor.
 */
#include <stddef.h>

#include "hmac/crypto_auth_hmacsha256.h"
#include "hmac/crypto_auth_hmacsha512.h"
#include "hmac/crypto_auth_hmacsha512256.h"
#include "hmac/crypto_auth_hmacsha384.h"
#include "hmac/crypto_auth_hmacsha224.h"
#include "hmac/many.h"
#include "hmac/auth_verify.h"
#include "hmac/utils.h"
#include "internal.h"

/* crypto_auth_hmacsha256_*: HMAC-SHA-256. */
#define FAMILY hmacsha256
#define HASH (&hmac_hash_sha256)
#define STATE crypto_auth_hmacsha256_state
#define TAG_BYTES crypto_auth_hmacsha256_BYTES
#define KEY_BYTES crypto_auth_hmacsha256_KEYBYTES
#include "auth_family.h"

/* crypto_auth_hmacsha512_*: HMAC-SHA-512. */
#define FAMILY hmacsha512
#define HASH (&hmac_hash_sha512)
#define STATE crypto_auth_hmacsha512_state
#define TAG_BYTES crypto_auth_hmacsha512_BYTES
#define KEY_BYTES crypto_auth_hmacsha512_KEYBYTES
#include "auth_family.h"

/* crypto_auth_hmacsha512256_*: HMAC-SHA-512 truncated to 32 bytes (not
 * HMAC over the SHA-512/256 hash). */
#define FAMILY hmacsha512256
#define HASH (&hmac_hash_sha512)
#define STATE crypto_auth_hmacsha512256_state
#define TAG_BYTES crypto_auth_hmacsha512256_BYTES
#define KEY_BYTES crypto_auth_hmacsha512256_KEYBYTES
#include "auth_family.h"

/* crypto_auth_hmacsha384_*: HMAC-SHA-384 (SHA-512 core, other IV). */
#define FAMILY hmacsha384
#define HASH (&hmac_hash_sha384)
#define STATE crypto_auth_hmacsha384_state
#define TAG_BYTES crypto_auth_hmacsha384_BYTES
#define KEY_BYTES crypto_auth_hmacsha384_KEYBYTES
#include "auth_family.h"

/* crypto_auth_hmacsha224_*: HMAC-SHA-224 (SHA-256 core, other IV). */
#define FAMILY hmacsha224
#define HASH (&hmac_hash_sha224)
#define STATE crypto_auth_hmacsha224_state
#define TAG_BYTES crypto_auth_hmacsha224_BYTES
#define KEY_BYTES crypto_auth_hmacsha224_KEYBYTES
#include "auth_family.h"
