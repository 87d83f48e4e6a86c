/*
 * codecs.c - hex and base64 with libsodium's semantics, in constant time.
 *
 * CT: a character or byte is turned into its value (and back) with masks
 * computed by arithmetic, never with a table indexed by it or a branch on
 * it. The one thing a decoder branches on is whether a character is in
 * the alphabet, in the ignore set, or is the '=' of padding: that class
 * decides where parsing stops, which the caller learns anyway from the
 * return value and the end pointer. CT_PUBLIC marks those points; the
 * valgrind constant-time test (tests/test_ct.c) builds this file with
 * HMAC_CT_DECLASSIFY so that everything else is checked.
 */
#include <errno.h>
#include <stdint.h>

#include "hmac/codecs.h"
#include "hmac/utils.h"
#include "internal.h"

#if defined(HMAC_CT_DECLASSIFY)
#  include <valgrind/memcheck.h>
#  define CT_PUBLIC(v) ((void)VALGRIND_MAKE_MEM_DEFINED(&(v), sizeof(v)))
#else
#  define CT_PUBLIC(v) ((void)0)
#endif

#define VARIANT_NO_PADDING 2U
#define VARIANT_URLSAFE 4U

/* 0xFF when lo <= c <= hi, else 0 (c, lo, hi in 0..255): both differences
 * below are negative exactly inside the range, and a negative int seen as
 * unsigned has its bits 8 and up set. */
static unsigned in_range(unsigned c, unsigned lo, unsigned hi)
{
    return (((lo - 1U - c) & (c - hi - 1U)) >> 8) & 0xFFU;
}

/* 0xFF when a == b (both 0..255), else 0. */
static unsigned equal_mask(unsigned a, unsigned b)
{
    return (((a ^ b) - 1U) >> 8) & 0xFFU;
}

/* 0xFF when c is in the NUL-terminated set, else 0. Every member is
 * compared (no early exit). The terminator counts as a member, as with
 * libsodium's strchr: a NUL byte is ignored whenever a set is given. */
static unsigned in_set(unsigned c, const char *set)
{
    unsigned hit = 0;
    size_t i = 0;

    do {
        hit |= equal_mask(c, (unsigned char)set[i]);
    } while (set[i++] != '\0');
    return hit;
}

/* '0'..'9', 'a'..'f' for 0..15: above 9, skip the 39 characters between
 * '9' + 1 and 'a'. */
static char hex_digit(unsigned v)
{
    return (char)(v + '0' + (in_range(v, 10, 15) & 39U));
}

char *hmac_bin2hex(char *hex, size_t hex_maxlen, const unsigned char *bin,
                   size_t bin_len)
{
    size_t i;

    if (hex == NULL || (bin == NULL && bin_len > 0)) {
        errno = EINVAL;
        return NULL;
    }
    if (bin_len >= SIZE_MAX / 2 || hex_maxlen <= bin_len * 2U) {
        errno = ERANGE;
        return NULL;
    }
    for (i = 0; i < bin_len; i++) {
        hex[2 * i] = hex_digit(bin[i] >> 4);
        hex[2 * i + 1] = hex_digit(bin[i] & 15U);
    }
    hex[2 * bin_len] = '\0';
    return hex;
}

/* The common end of both decoders: report where parsing stopped (or
 * fail when the caller asked for no end pointer and input remains) and how
 * many bytes were written. */
static int decode_finish(int ret, const char *in, size_t pos, size_t in_len,
                         const char **end, size_t bin_pos, size_t *bin_len)
{
    if (end != NULL) {
        *end = in == NULL ? NULL : in + pos;
    } else if (pos != in_len) {
        errno = EINVAL;
        ret = -1;
    }
    if (bin_len != NULL) {
        *bin_len = bin_pos;
    }
    return ret;
}

int hmac_hex2bin(unsigned char *bin, size_t bin_maxlen, const char *hex,
                 size_t hex_len, const char *ignore, size_t *bin_len,
                 const char **hex_end)
{
    size_t bin_pos = 0, hex_pos = 0;
    unsigned high = 0, odd = 0;
    int ret = 0;

    if ((hex == NULL && hex_len > 0) || (bin == NULL && bin_maxlen > 0)) {
        errno = EINVAL;
        return -1;
    }
    while (hex_pos < hex_len) {
        unsigned c = (unsigned char)hex[hex_pos];
        unsigned lc = c | 0x20U; /* 'A'..'F' -> 'a'..'f' */
        unsigned is_num = in_range(c, '0', '9');
        unsigned is_alpha = in_range(lc, 'a', 'f');
        unsigned valid = is_num | is_alpha;
        unsigned v = (is_num & (c - '0')) | (is_alpha & (lc - 'a' + 10U));

        CT_PUBLIC(valid);
        if (valid == 0) {
            unsigned skip = 0;

            /* Separators only between bytes, never inside one. */
            if (ignore != NULL && !odd) {
                skip = in_set(c, ignore);
                CT_PUBLIC(skip);
            }
            if (skip == 0) {
                break;
            }
            hex_pos++;
            continue;
        }
        if (bin_pos >= bin_maxlen) {
            errno = ERANGE;
            ret = -1;
            break;
        }
        if (!odd) {
            high = (v & 15U) << 4;
        } else {
            bin[bin_pos++] = (unsigned char)(high | (v & 15U));
        }
        odd = !odd;
        hex_pos++;
    }
    if (odd) {
        /* A lone digit: the end points at it. */
        hex_pos--;
        errno = EINVAL;
        ret = -1;
    }
    if (ret != 0) {
        bin_pos = 0;
    }
    return decode_finish(ret, hex, hex_pos, hex_len, hex_end, bin_pos,
                         bin_len);
}

/* The 6-bit value v as a base64 character: 'A' + v, then shifted past the
 * gaps between the ranges 'A'..'Z', 'a'..'z', '0'..'9' and the last two
 * symbols ("+/" or "-_"), each shift applied by mask. */
static char b64_char(unsigned v, int urlsafe)
{
    unsigned c = v + 'A';
    unsigned sym62 = urlsafe ? '-' : '+';
    unsigned sym63 = urlsafe ? '_' : '/';

    c += in_range(v, 26, 63) & (unsigned)('a' - 26 - 'A');
    c -= in_range(v, 52, 63) & (unsigned)(('a' - 26) - ('0' - 52));
    c += equal_mask(v, 62) & (sym62 - ('0' + 10U));
    c += equal_mask(v, 63) & (sym63 - ('0' + 11U));
    return (char)(c & 0xFFU);
}

/* The value of base64 character c (sym62 and sym63 being the variant's
 * last two symbols); *valid gets 0xFF when c is in the alphabet, else 0. */
static unsigned b64_value(unsigned c, unsigned sym62, unsigned sym63,
                          unsigned *valid)
{
    unsigned upper = in_range(c, 'A', 'Z');
    unsigned lower = in_range(c, 'a', 'z');
    unsigned digit = in_range(c, '0', '9');
    unsigned is62 = equal_mask(c, sym62);
    unsigned is63 = equal_mask(c, sym63);

    *valid = upper | lower | digit | is62 | is63;
    return (upper & (c - 'A')) | (lower & (c - 'a' + 26U)) |
           (digit & (c - '0' + 52U)) | (is62 & 62U) | (is63 & 63U);
}

static int variant_ok(int variant)
{
    return ((unsigned)variant & ~(VARIANT_NO_PADDING | VARIANT_URLSAFE)) == 1U;
}

size_t hmac_base64_encoded_len(size_t bin_len, int variant)
{
    if (!variant_ok(variant)) {
        errno = EINVAL;
        return 0;
    }
    if (bin_len / 3 > (SIZE_MAX - 5) / 4) {
        errno = ERANGE;
        return 0;
    }
    return hmac_base64_ENCODED_LEN(bin_len, variant);
}

char *hmac_bin2base64(char *b64, size_t b64_maxlen, const unsigned char *bin,
                      size_t bin_len, int variant)
{
    int urlsafe = ((unsigned)variant & VARIANT_URLSAFE) != 0;
    size_t need, out = 0, i;
    unsigned acc = 0, bits = 0;

    if (b64 == NULL || (bin == NULL && bin_len > 0) || !variant_ok(variant)) {
        errno = EINVAL;
        return NULL;
    }
    need = hmac_base64_encoded_len(bin_len, variant);
    if (need == 0 || b64_maxlen < need) {
        errno = ERANGE;
        return NULL;
    }
    for (i = 0; i < bin_len; i++) {
        acc = ((acc << 8) | bin[i]) & 0xFFFFU; /* at most 14 bits matter */
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            b64[out++] = b64_char((acc >> bits) & 63U, urlsafe);
        }
    }
    if (bits > 0) {
        b64[out++] = b64_char((acc << (6 - bits)) & 63U, urlsafe);
    }
    while (out < need - 1) {
        b64[out++] = '=';
    }
    /* The NUL, then zeros to the end of the buffer, as libsodium writes. */
    while (out < b64_maxlen) {
        b64[out++] = '\0';
    }
    hmac_memzero(&acc, sizeof acc);
    return b64;
}

/* Consumes padding_len '=' from b64 at *pos, ignored characters allowed
 * around them. 0 on success; -1 with errno ERANGE if the input ends first,
 * EINVAL on another character. */
static int skip_padding(const char *b64, size_t b64_len, size_t *pos,
                        const char *ignore, size_t padding_len)
{
    while (padding_len > 0) {
        unsigned c, is_pad, skip = 0;

        if (*pos >= b64_len) {
            errno = ERANGE;
            return -1;
        }
        c = (unsigned char)b64[*pos];
        is_pad = equal_mask(c, '=');
        CT_PUBLIC(is_pad);
        if (is_pad) {
            padding_len--;
        } else {
            if (ignore != NULL) {
                skip = in_set(c, ignore);
                CT_PUBLIC(skip);
            }
            if (!skip) {
                errno = EINVAL;
                return -1;
            }
        }
        (*pos)++;
    }
    return 0;
}

int hmac_base642bin(unsigned char *bin, size_t bin_maxlen, const char *b64,
                    size_t b64_len, const char *ignore, size_t *bin_len,
                    const char **b64_end, int variant)
{
    const int urlsafe = ((unsigned)variant & VARIANT_URLSAFE) != 0;
    const unsigned sym62 = urlsafe ? '-' : '+', sym63 = urlsafe ? '_' : '/';
    size_t bin_pos = 0, b64_pos = 0;
    unsigned acc = 0, bits = 0, stray;
    int ret = 0;

    if (!variant_ok(variant) || (b64 == NULL && b64_len > 0) ||
        (bin == NULL && bin_maxlen > 0)) {
        errno = EINVAL;
        return -1;
    }
    while (b64_pos < b64_len) {
        unsigned c = (unsigned char)b64[b64_pos];
        unsigned valid;
        unsigned d = b64_value(c, sym62, sym63, &valid);

        CT_PUBLIC(valid);
        if (valid == 0) {
            unsigned skip = 0;

            if (ignore != NULL) {
                skip = in_set(c, ignore);
                CT_PUBLIC(skip);
            }
            if (skip == 0) {
                break;
            }
            b64_pos++;
            continue;
        }
        acc = ((acc << 6) | d) & 0xFFFU; /* at most 12 bits matter */
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (bin_pos >= bin_maxlen) {
                errno = ERANGE;
                ret = -1;
                break;
            }
            bin[bin_pos++] = (unsigned char)(acc >> bits);
        }
        b64_pos++;
    }
    /* Bits left over: more than 4 is an incomplete group; any set is a
     * non-canonical last character. */
    stray = acc & ((1U << bits) - 1U);
    stray = ((stray | (0U - stray)) >> 8) & 1U; /* 1 when non-zero */
    CT_PUBLIC(stray);
    if (bits > 4U || stray) {
        ret = -1;
    } else if (ret == 0 && ((unsigned)variant & VARIANT_NO_PADDING) == 0U) {
        ret = skip_padding(b64, b64_len, &b64_pos, ignore, bits / 2);
    }
    hmac_memzero(&acc, sizeof acc);
    if (ret != 0) {
        bin_pos = 0;
    } else if (ignore != NULL) {
        while (b64_pos < b64_len) {
            unsigned skip = in_set((unsigned char)b64[b64_pos], ignore);

            CT_PUBLIC(skip);
            if (!skip) {
                break;
            }
            b64_pos++;
        }
    }
    return decode_finish(ret, b64, b64_pos, b64_len, b64_end, bin_pos,
                         bin_len);
}
