/*
 * hmac.h - libhmac, libsodium's HMAC-SHA-2 API in one self-contained
 * library. Include this umbrella header, or one header per primitive from
 * <hmac/...>.
 */
#ifndef HMAC_H
#define HMAC_H

#include "hmac/export.h"
#include "hmac/crypto_hash_sha256.h"
#include "hmac/crypto_hash_sha512.h"
#include "hmac/crypto_auth_hmacsha256.h"
#include "hmac/crypto_auth_hmacsha512.h"
#include "hmac/crypto_auth_hmacsha512256.h"
#include "hmac/crypto_hash_sha224.h"
#include "hmac/crypto_hash_sha384.h"
#include "hmac/crypto_auth_hmacsha224.h"
#include "hmac/crypto_auth_hmacsha384.h"
#include "hmac/crypto_auth.h"
#include "hmac/crypto_hash.h"
#include "hmac/auth_verify.h"
#include "hmac/crypto_kdf_hkdf_sha256.h"
#include "hmac/crypto_kdf_hkdf_sha512.h"
#include "hmac/pbkdf2.h"
#include "hmac/crypto_verify_16.h"
#include "hmac/crypto_verify_32.h"
#include "hmac/crypto_verify_64.h"
#include "hmac/many.h"
#include "hmac/utils.h"
#include "hmac/codecs.h"

#endif
