/*
 * fuzz_codecs.c - hmac_bin2hex, hmac_hex2bin, hmac_bin2base64 and
 * hmac_base642bin on arbitrary bytes.
 *
 * Input: byte 0 picks the ignore set and whether an end pointer is
 * passed, byte 1 the output room; the rest is used both as binary data
 * and as text. Checks (besides ASan/UBSan):
 *  - round trip: the data encoded in hex and in every base64 variant
 *    decodes back to itself, consuming the whole text, with the length
 *    hmac_base64_ENCODED_LEN promised and the rest of the buffer zeroed;
 *  - too-small output buffers are refused with nothing written;
 *  - documented rejections: the data read as text is decoded by each
 *    decoder; whatever is accepted must be canonical, i.e. the consumed
 *    text minus the ignored characters is exactly what the encoder writes
 *    for the decoded bytes (hex: up to case), and every rejection leaves
 *    *bin_len 0 (or the count, only when no end pointer was asked for);
 *    the end pointer stays inside the text and bin_len within bin_maxlen.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmac.h"

#define MAX_IN 1024
#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                  \
            abort();                                                         \
        }                                                                    \
    } while (0)

static const int variants[4] = {
    hmac_base64_VARIANT_ORIGINAL, hmac_base64_VARIANT_ORIGINAL_NO_PADDING,
    hmac_base64_VARIANT_URLSAFE, hmac_base64_VARIANT_URLSAFE_NO_PADDING};
static const char *const ignores[4] = {NULL, "", " \n", ":=-"};

static char text[2 * MAX_IN + 8];
static unsigned char bin[MAX_IN + 8];
static char canon[2 * MAX_IN + 8], stripped[MAX_IN + 8];

/* t[0..len) without the characters of ignore, into stripped; '-' is kept
 * when it is data (URL-safe base64), since the alphabet comes first. */
static size_t strip(const char *t, size_t len, const char *ignore,
                    int keep_dash)
{
    size_t i, n = 0;

    for (i = 0; i < len; i++) {
        /* A NUL counts as ignored whenever a set is given (strchr). */
        if (ignore == NULL || strchr(ignore, t[i]) == NULL ||
            (keep_dash && t[i] == '-')) {
            stripped[n++] = t[i];
        }
    }
    return n;
}

static void round_trips(const unsigned char *data, size_t size)
{
    size_t v, len, need;
    const char *end;

    CHECK(hmac_bin2hex(text, 2 * size + 1, data, size) == text);
    CHECK(strlen(text) == 2 * size);
    CHECK(hmac_hex2bin(bin, size, text, 2 * size, NULL, &len, &end) == 0);
    CHECK(len == size && end == text + 2 * size);
    CHECK(size == 0 || memcmp(bin, data, size) == 0);
    memset(text, 0x55, sizeof text);
    CHECK(hmac_bin2hex(text, 2 * size, data, size) == NULL);
    CHECK((unsigned char)text[0] == 0x55);

    for (v = 0; v < 4; v++) {
        need = hmac_base64_ENCODED_LEN(size, variants[v]);
        CHECK(need == hmac_base64_encoded_len(size, variants[v]));
        memset(text, 0x55, sizeof text);
        CHECK(hmac_bin2base64(text, need + 3, data, size, variants[v]) == text);
        CHECK(strlen(text) == need - 1);
        CHECK(text[need] == 0 && text[need + 1] == 0 && text[need + 2] == 0);
        CHECK(hmac_base642bin(bin, size, text, need - 1, NULL, &len, NULL,
                              variants[v]) == 0);
        CHECK(len == size);
        CHECK(size == 0 || memcmp(bin, data, size) == 0);
        memset(text, 0x55, sizeof text);
        CHECK(hmac_bin2base64(text, need - 1, data, size, variants[v]) == NULL);
        CHECK((unsigned char)text[0] == 0x55);
    }
}

/* Decodes t[0..len) with every decoder; checks what is accepted. */
static void decode_text(const char *t, size_t len, const char *ignore,
                        int want_end, size_t maxlen)
{
    size_t v, blen, n, i;
    const char *end = NULL;
    int ret;

    errno = 0;
    blen = 12345;
    ret = hmac_hex2bin(bin, maxlen, t, len, ignore, &blen,
                       want_end ? &end : NULL);
    CHECK(ret == 0 || ret == -1);
    CHECK(ret == 0 || errno == ERANGE || errno == EINVAL);
    CHECK(blen <= maxlen);
    CHECK(!want_end || (end >= t && end <= t + len));
    if (ret == 0) {
        size_t used = want_end ? (size_t)(end - t) : len;

        n = strip(t, used, ignore, 0);
        CHECK(n == 2 * blen);
        hmac_bin2hex(canon, sizeof canon, bin, blen);
        for (i = 0; i < n; i++) {
            CHECK((stripped[i] | 0x20) == canon[i]);
        }
    } else if (want_end) {
        CHECK(blen == 0);
    }

    for (v = 0; v < 4; v++) {
        errno = 0;
        blen = 12345;
        end = NULL;
        ret = hmac_base642bin(bin, maxlen, t, len, ignore, &blen,
                              want_end ? &end : NULL, variants[v]);
        CHECK(ret == 0 || ret == -1);
        CHECK(blen <= maxlen);
        CHECK(!want_end || (end >= t && end <= t + len));
        if (ret == 0) {
            size_t used = want_end ? (size_t)(end - t) : len;

            n = strip(t, used, ignore, (variants[v] & 4) != 0);
            hmac_bin2base64(canon, sizeof canon, bin, blen, variants[v]);
            CHECK(n == strlen(canon) && memcmp(stripped, canon, n) == 0);
        } else if (want_end) {
            CHECK(blen == 0);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned mode, room;
    size_t maxlen, less;

    if (size < 2) {
        return 0;
    }
    mode = data[0];
    room = data[1];
    data += 2;
    size -= 2;
    if (size > MAX_IN) {
        size = MAX_IN;
    }
    round_trips(data, size);
    /* Room: as much as any text of this size could need, or about what
     * hex needs less a few bytes (so that ERANGE is reached too). */
    less = room % 7;
    maxlen = room % 2 == 0 ? size : size / 2 - (size / 2 > less ? less : 0);
    decode_text((const char *)data, size, ignores[mode & 3], (mode >> 2) & 1,
                maxlen);
    return 0;
}
