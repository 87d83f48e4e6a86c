/*
 * codecs.h - constant-time hex and base64, with libsodium's semantics
 * (sodium_bin2hex, sodium_hex2bin, sodium_bin2base64, sodium_base642bin)
 * under libhmac's hmac_ prefix, so that tags travel as text without a
 * hand-written encoder.
 *
 * Same results, return values, errno values, ignore handling, end pointers
 * and padding rules as libsodium on every input. One difference: where
 * libsodium aborts the process (an output buffer too small, an unknown
 * base64 variant, a length that overflows), these return NULL or -1 (0 for
 * hmac_base64_encoded_len), set errno (ERANGE for a size, EINVAL for a
 * variant or a NULL pointer) and write nothing. libsodium's releases up
 * to 1.0.22 decode a base64 byte >= 0x80 as '/' where char is signed; this
 * was fixed upstream in 2026 ("base64: reject signed chars") and these
 * functions follow the fix: such a byte is outside the alphabet.
 *
 * Constant time: a byte's value never chooses a branch or a memory address
 * (arithmetic masks instead of tables). The decoders do learn whether each
 * character belongs to the alphabet, which the caller learns anyway from
 * the result and the end pointer; the value it stands for stays secret.
 */
#ifndef HMAC_CODECS_H
#define HMAC_CODECS_H

#include <stddef.h>

#include "hmac/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Writes bin[0..bin_len) as lower-case hex plus a terminating NUL to hex,
 * which has room for hex_maxlen chars (at least 2 * bin_len + 1). Returns
 * hex, or NULL (writing nothing, errno ERANGE) when hex_maxlen is too small
 * or 2 * bin_len + 1 overflows, or NULL (errno EINVAL) when hex is NULL or
 * bin is NULL with bin_len > 0. */
HMAC_API char *hmac_bin2hex(char *hex, size_t hex_maxlen,
                            const unsigned char *bin, size_t bin_len);

/* Parses the hex digits (either case) of hex[0..hex_len) into bin, at most
 * bin_maxlen bytes. Characters of the NUL-terminated set ignore (NULL for
 * none) are skipped between bytes, not between the two digits of a byte.
 * Stops at the first other character. Returns 0 and sets *bin_len (if not
 * NULL) to the number of bytes written; *hex_end (if hex_end is not NULL)
 * points at the first character not parsed. Returns -1 with:
 *  - errno ERANGE when bin is full before the digits end;
 *  - errno EINVAL when the digits are odd in number (*hex_end points at
 *    the lone digit), or when hex_end is NULL and parsing stopped before
 *    hex_len (a stray character).
 * On -1, *bin_len is 0 unless only the hex_end == NULL rule failed; bin
 * may hold partial output. bin may be NULL when bin_maxlen is 0; hex NULL
 * with hex_len > 0 gives -1, errno EINVAL, nothing written. bin may start
 * at hex (decoding in place): each byte is written after both its digits
 * are read. */
HMAC_API int hmac_hex2bin(unsigned char *bin, size_t bin_maxlen,
                          const char *hex, size_t hex_len, const char *ignore,
                          size_t *bin_len, const char **hex_end);

/* Base64 alphabets and padding (the values are libsodium's): "+/" or the
 * URL-safe "-_", with or without '=' padding. */
#define hmac_base64_VARIANT_ORIGINAL 1
#define hmac_base64_VARIANT_ORIGINAL_NO_PADDING 3
#define hmac_base64_VARIANT_URLSAFE 5
#define hmac_base64_VARIANT_URLSAFE_NO_PADDING 7

/* Size of the buffer hmac_bin2base64 needs for BIN_LEN bytes, the NUL
 * included; a constant expression when its arguments are (for arrays). */
#define hmac_base64_ENCODED_LEN(BIN_LEN, VARIANT)                             \
    ((BIN_LEN) / 3U * 4U +                                                    \
     ((BIN_LEN) % 3U + 2U) / 3U *                                             \
         (4U - ((unsigned)(VARIANT) & 2U) / 2U * (3U - (BIN_LEN) % 3U)) +     \
     1U)

/* hmac_base64_ENCODED_LEN(bin_len, variant) as a function. Returns 0 for an
 * unknown variant (errno EINVAL) or when the size overflows (ERANGE). */
HMAC_API size_t hmac_base64_encoded_len(size_t bin_len, int variant);

/* Writes bin[0..bin_len) as base64 of the given variant to b64, NUL
 * terminated, and zero-fills the rest of b64[0..b64_maxlen) as libsodium
 * does. b64_maxlen must be at least hmac_base64_ENCODED_LEN(bin_len,
 * variant). Returns b64, or NULL writing nothing when the variant is
 * unknown or a pointer is NULL (errno EINVAL) or b64_maxlen is too small
 * (errno ERANGE). bin may be NULL when bin_len is 0. */
HMAC_API char *hmac_bin2base64(char *b64, size_t b64_maxlen,
                               const unsigned char *bin, size_t bin_len,
                               int variant);

/* Decodes base64 of the given variant from b64[0..b64_len) into bin, at
 * most bin_maxlen bytes. Characters of the NUL-terminated set ignore (NULL
 * for none) are skipped anywhere, padding included; decoding stops at the
 * first other character outside the alphabet. Padded variants need the
 * exact '=' padding; unpadded ones stop at a '='. The unused low bits of
 * the last character must be zero (canonical encoding). Returns 0, setting
 * *bin_len (if not NULL) to the bytes written and *b64_end (if b64_end is
 * not NULL) to the first character not consumed (trailing ignored
 * characters are consumed). Returns -1 with *bin_len 0 when:
 *  - bin is full (errno ERANGE);
 *  - the last group is incomplete or has non-zero unused bits (errno
 *    left unchanged, as libsodium leaves it);
 *  - padding is missing (errno ERANGE: the input ended) or wrong (EINVAL);
 *  - b64_end is NULL and characters remain (errno EINVAL; here *bin_len
 *    keeps the count when the data itself decoded).
 * An unknown variant or a NULL pointer (bin may be NULL when bin_maxlen is
 * 0, b64 when b64_len is 0) gives -1, errno EINVAL, nothing written. */
HMAC_API int hmac_base642bin(unsigned char *bin, size_t bin_maxlen,
                             const char *b64, size_t b64_len,
                             const char *ignore, size_t *bin_len,
                             const char **b64_end, int variant);

#ifdef __cplusplus
}
#endif

#endif
