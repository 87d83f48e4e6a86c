/*
 * utils.h - libhmac's own helpers (the hmac_ prefix marks what is not
 * libsodium's API).
 */
#ifndef HMAC_UTILS_H
#define HMAC_UTILS_H

#include <stddef.h>

#include "hmac/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Overwrites pnt[0..len) with zeros in a way the compiler may not remove
 * as a dead store: use it on keys and states before releasing them. A NULL
 * pnt is ignored, whatever len. */
HMAC_API void hmac_memzero(void *pnt, size_t len);

/* The library's version, e.g. "0.1.0". */
HMAC_API const char *hmac_version_string(void);

/* Name of the SHA-256 compression backend in use: "portable", or a
 * hardware one such as "x86-shani" or "armv8-sha2". The choice is made
 * once per process from the CPU and the HMAC_BACKEND environment variable
 * (HMAC_BACKEND=portable forces the portable C code). */
HMAC_API const char *hmac_backend_sha256(void);

/* Name of the SHA-512 compression backend in use (see hmac_backend_sha256):
 * "portable", "x86-avx2" or "armv8-sha512". */
HMAC_API const char *hmac_backend_sha512(void);

#ifdef __cplusplus
}
#endif

#endif
