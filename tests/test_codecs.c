/*
 * test_codecs.c - hmac_bin2hex, hmac_hex2bin, hmac_bin2base64,
 * hmac_base642bin and hmac_base64_encoded_len against libsodium's own
 * sodium_* codecs on many deterministic pseudo-random inputs: every
 * variant, every length 0..100 and some large ones, random ignore sets,
 * malformed input (bad characters, wrong or missing padding, trailing
 * garbage, odd hex length, non-canonical trailing bits) and output buffers
 * of every size around the one needed. Each call's return value, errno,
 * *_len, *_end and the whole output buffer must match libsodium's.
 *
 * Where libsodium aborts (buffer too small, unknown variant) the test
 * checks libhmac's documented answer instead: NULL or -1, errno, and not a
 * byte written.
 *
 * Only this suite links libsodium (a test-only dependency). It calls no
 * crypto_* function, so the two libraries' symbols never meet.
 */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "hmac/codecs.h"
#include "testutil.h"

#define SENTINEL 0xA5
#define BIG 5000

static const int variants[] = {
    hmac_base64_VARIANT_ORIGINAL, hmac_base64_VARIANT_ORIGINAL_NO_PADDING,
    hmac_base64_VARIANT_URLSAFE, hmac_base64_VARIANT_URLSAFE_NO_PADDING};

/* Characters a malformed input is made of: both alphabets, padding, NUL,
 * high bytes, whitespace and separators. */
static const char nasty[] = "AQgw09azAZ+/-_=  \t\n:.,xXgG";

static uint64_t seed = 0x13;

static size_t rnd(size_t bound)
{
    return (size_t)tu_rand_below(&seed, bound);
}

static char nasty_char(void)
{
    size_t r = rnd(sizeof nasty + 3);

    if (r < sizeof nasty - 1) {
        return nasty[r];
    }
    return (char)("\0\x80\xff\xc1"[r - (sizeof nasty - 1)]);
}

/* A random ignore set: NULL, empty, or a few characters from nasty. */
static const char *random_ignore(char *buf)
{
    size_t n, i;

    switch (rnd(4)) {
    case 0:
        return NULL;
    case 1:
        return "";
    case 2:
        return " \n:";
    default:
        n = 1 + rnd(5);
        for (i = 0; i < n; i++) {
            do {
                buf[i] = nasty[rnd(sizeof nasty - 1)];
            } while (buf[i] == '\0');
        }
        buf[n] = '\0';
        return buf;
    }
}

/* Both decoders of one kind on the same input, every output compared. */
static void compare_hex2bin(const char *in, size_t in_len, size_t maxlen,
                            const char *ignore, int want_len, int want_end)
{
    static unsigned char a[BIG], b[BIG];
    size_t alen = 777, blen = 777;
    const char *aend = NULL, *bend = NULL;
    int ra, rb, ea, eb;

    memset(a, SENTINEL, sizeof a);
    memset(b, SENTINEL, sizeof b);
    errno = 0;
    ra = sodium_hex2bin(a, maxlen, in, in_len, ignore,
                        want_len ? &alen : NULL, want_end ? &aend : NULL);
    ea = errno;
    errno = 0;
    rb = hmac_hex2bin(b, maxlen, in, in_len, ignore,
                      want_len ? &blen : NULL, want_end ? &bend : NULL);
    eb = errno;
    assert_int_equal(ra, rb);
    assert_int_equal(ea, eb);
    assert_int_equal(alen, blen);
    assert_ptr_equal(aend, bend);
    assert_memory_equal(a, b, sizeof a);
}

/* libsodium up to 1.0.22 (at least) decodes a byte >= 0x80 as 63 where
 * char is signed: its EQ macro sees a negative int as equal to '+' and '/'.
 * Upstream fixed this in March 2026 (a615d0ed, "base64: reject signed
 * chars"); libhmac follows the fix. Against a libsodium that has the bug,
 * such a byte is compared as the byte 0x01, which every version treats as
 * a plain stray character (never in an alphabet or in the test's ignore
 * sets). */
static int sodium_takes_high_bytes(void)
{
    unsigned char out[4];

    return sodium_base642bin(out, sizeof out, "\xff\xff\xff\xff", 4, NULL, NULL, NULL,
                             sodium_base64_VARIANT_ORIGINAL_NO_PADDING) == 0;
}

static void compare_base642bin(const char *in, size_t in_len, size_t maxlen,
                               const char *ignore, int want_len,
                               int want_end, int variant)
{
    static unsigned char a[BIG], b[BIG];
    static char fixed[BIG];
    size_t alen = 777, blen = 777, i;
    const char *aend = NULL, *bend = NULL, *sin = in;
    int ra, rb, ea, eb;

    if (in != NULL && sodium_takes_high_bytes()) {
        for (i = 0; i < in_len; i++) {
            fixed[i] = (unsigned char)in[i] >= 0x80 ? '\x01' : in[i];
        }
        sin = fixed;
    }
    memset(a, SENTINEL, sizeof a);
    memset(b, SENTINEL, sizeof b);
    errno = 0;
    ra = sodium_base642bin(a, maxlen, sin, in_len, ignore,
                           want_len ? &alen : NULL, want_end ? &aend : NULL,
                           variant);
    ea = errno;
    if (aend != NULL) {
        aend = in + (aend - sin);
    }
    errno = 0;
    rb = hmac_base642bin(b, maxlen, in, in_len, ignore,
                         want_len ? &blen : NULL, want_end ? &bend : NULL,
                         variant);
    eb = errno;
    if (ra != rb || ea != eb || alen != blen || aend != bend) {
        print_error("base642bin differs on \"%.*s\" (len %zu, max %zu, "
                    "ignore %s, variant %d): sodium %d/%d/%zu/%td, "
                    "hmac %d/%d/%zu/%td\n", (int)in_len, in ? in : "",
                    in_len, maxlen, ignore ? ignore : "NULL", variant, ra, ea,
                    alen,
                    aend ? aend - in : -1, rb, eb, blen,
                    bend ? bend - in : -1);
        fail();
    }
    assert_memory_equal(a, b, sizeof a);
}

/* bin2hex: every length 0..100 and a few large ones, buffers of the exact
 * size and larger; smaller ones rejected without a write. */
static void test_bin2hex(void **unused)
{
    static unsigned char bin[BIG / 2];
    static char a[BIG + 2], b[BIG + 2];
    static const size_t large[] = {255, 256, 1000, 2047, 2400};
    size_t i, len, extra;

    (void)unused;
    for (i = 0; i < 101 + sizeof large / sizeof large[0]; i++) {
        len = i < 101 ? i : large[i - 101];
        tu_fill_random(bin, len, &seed);
        for (extra = 0; extra < 3; extra++) {
            size_t max = 2 * len + 1 + extra;

            memset(a, SENTINEL, sizeof a);
            memset(b, SENTINEL, sizeof b);
            assert_ptr_equal(sodium_bin2hex(a, max, bin, len), a);
            assert_ptr_equal(hmac_bin2hex(b, max, bin, len), b);
            assert_memory_equal(a, b, sizeof a);
        }
        memset(b, SENTINEL, sizeof b);
        errno = 0;
        assert_null(hmac_bin2hex(b, 2 * len, bin, len));
        assert_int_equal(errno, ERANGE);
        assert_int_equal((unsigned char)b[0], SENTINEL);
    }
    errno = 0;
    assert_null(hmac_bin2hex(b, sizeof b, bin, SIZE_MAX / 2));
    assert_int_equal(errno, ERANGE);
    errno = 0;
    assert_null(hmac_bin2hex(NULL, 10, bin, 1));
    assert_int_equal(errno, EINVAL);
    assert_ptr_equal(hmac_bin2hex(b, 1, NULL, 0), b);
    assert_int_equal(b[0], '\0');
}

/* hex2bin: valid hex in both cases with separators, then mutated. */
static void test_hex2bin(void **unused)
{
    static unsigned char bin[BIG / 4];
    static char hex[BIG];
    char ign[8];
    int iter;

    (void)unused;
    for (iter = 0; iter < 60000; iter++) {
        size_t len = iter < 2020 ? (size_t)iter / 20 : rnd(iter % 50 ? 101 : 1200);
        const char *ignore = random_ignore(ign);
        size_t hl = 0, i, maxlen, muts;

        tu_fill_random(bin, len, &seed);
        for (i = 0; i < len; i++) {
            const char *digits = rnd(2) ? "0123456789abcdef" : "0123456789ABCDEF";

            if (rnd(8) == 0) {
                hex[hl++] = nasty_char(); /* separator or garbage */
            }
            hex[hl++] = digits[bin[i] >> 4];
            hex[hl++] = digits[bin[i] & 15];
        }
        muts = rnd(4) == 0 ? 0 : rnd(3);
        while (muts-- > 0 && hl > 0) {
            switch (rnd(4)) {
            case 0: /* a character replaced */
                hex[rnd(hl)] = nasty_char();
                break;
            case 1: /* truncated: odd lengths */
                hl -= 1 + rnd(hl < 3 ? hl : 3);
                break;
            case 2: /* trailing garbage */
                hex[hl++] = nasty_char();
                break;
            default: /* a digit dropped in the middle */
                i = rnd(hl);
                memmove(hex + i, hex + i + 1, hl - i - 1);
                hl--;
                break;
            }
        }
        maxlen = rnd(3) ? len + rnd(3) : rnd(len + 1);
        compare_hex2bin(hex, hl, maxlen, ignore, (int)rnd(2), (int)rnd(2));
    }
    /* Hex and bin NULL with nothing to do, then hex NULL with a length. */
    compare_hex2bin(NULL, 0, 0, NULL, 1, 0);
    errno = 0;
    assert_int_equal(hmac_hex2bin(bin, 4, NULL, 2, NULL, NULL, NULL), -1);
    assert_int_equal(errno, EINVAL);
}

/* Decoding in place (bin == hex), as hmacsum decodes a --hex-key: the
 * same bytes as libsodium decoding a separate copy. */
static void test_hex2bin_in_place(void **unused)
{
    static char buf[600], copy[600];
    static unsigned char want[300];
    unsigned char raw[250];
    int iter;

    (void)unused;
    for (iter = 0; iter < 500; iter++) {
        size_t len = rnd(sizeof raw), hl = 0, i, got, got2;
        int r1, r2;

        tu_fill_random(raw, len, &seed);
        for (i = 0; i < len; i++) {
            if (rnd(4) == 0) {
                buf[hl++] = ' ';
            }
            hl += (size_t)snprintf(buf + hl, 3, "%02X", raw[i]);
        }
        memcpy(copy, buf, hl);
        r1 = sodium_hex2bin(want, sizeof want, copy, hl, " ", &got, NULL);
        r2 = hmac_hex2bin((unsigned char *)buf, sizeof buf, buf, hl, " ",
                          &got2, NULL);
        assert_int_equal(r1, 0);
        assert_int_equal(r2, 0);
        assert_int_equal(got, len);
        assert_int_equal(got2, len);
        assert_memory_equal(buf, want, len);
        assert_memory_equal(buf, raw, len);
    }
}

static void test_encoded_len(void **unused)
{
    size_t len, v;

    (void)unused;
    for (v = 0; v < 4; v++) {
        int var = variants[v];

        for (len = 0; len < 300; len++) {
            assert_int_equal(hmac_base64_encoded_len(len, var),
                             sodium_base64_encoded_len(len, var));
            assert_int_equal(hmac_base64_ENCODED_LEN(len, var),
                             sodium_base64_ENCODED_LEN(len, var));
        }
        len = (SIZE_MAX - 5) / 4 * 3 + 2; /* the largest libsodium takes */
        assert_int_equal(hmac_base64_encoded_len(len, var),
                         sodium_base64_encoded_len(len, var));
        errno = 0;
        assert_int_equal(hmac_base64_encoded_len(SIZE_MAX, var), 0);
        assert_int_equal(errno, ERANGE);
    }
    for (v = 0; v < 16; v++) {
        if (v != 1 && v != 3 && v != 5 && v != 7) {
            errno = 0;
            assert_int_equal(hmac_base64_encoded_len(10, (int)v), 0);
            assert_int_equal(errno, EINVAL);
        }
    }
    errno = 0;
    assert_int_equal(hmac_base64_encoded_len(10, -1), 0);
    assert_int_equal(errno, EINVAL);
}

/* bin2base64: every variant, every length 0..100 and large ones, buffers
 * of the exact size and larger (libsodium zero-fills the rest). */
static void test_bin2base64(void **unused)
{
    static unsigned char bin[3000];
    static char a[4100], b[4100];
    static const size_t large[] = {255, 256, 257, 1000, 2999, 3000};
    size_t i, v, len, extra;

    (void)unused;
    for (v = 0; v < 4; v++) {
        int var = variants[v];

        for (i = 0; i < 101 + sizeof large / sizeof large[0]; i++) {
            size_t need;

            len = i < 101 ? i : large[i - 101];
            need = hmac_base64_ENCODED_LEN(len, var);
            tu_fill_random(bin, len, &seed);
            for (extra = 0; extra < 4; extra++) {
                memset(a, SENTINEL, sizeof a);
                memset(b, SENTINEL, sizeof b);
                assert_ptr_equal(sodium_bin2base64(a, need + extra, bin, len, var), a);
                assert_ptr_equal(hmac_bin2base64(b, need + extra, bin, len, var), b);
                assert_memory_equal(a, b, sizeof a);
            }
            memset(b, SENTINEL, sizeof b);
            errno = 0;
            assert_null(hmac_bin2base64(b, need - 1, bin, len, var));
            assert_int_equal(errno, ERANGE);
            assert_int_equal((unsigned char)b[0], SENTINEL);
        }
    }
    for (v = 0; v < 9; v++) {
        if (v == 1 || v == 3 || v == 5 || v == 7) {
            continue;
        }
        memset(b, SENTINEL, sizeof b);
        errno = 0;
        assert_null(hmac_bin2base64(b, sizeof b, bin, 10, (int)v));
        assert_int_equal(errno, EINVAL);
        assert_int_equal((unsigned char)b[0], SENTINEL);
    }
}

/* base642bin: libsodium's encodings (with separators sprinkled in) of
 * random data, then mutated; and short strings of random characters. */
static void test_base642bin(void **unused)
{
    static unsigned char bin[1200];
    static char enc[1700], b64[3400];
    char ign[8];
    int iter;

    (void)unused;
    for (iter = 0; iter < 120000; iter++) {
        int var = variants[iter % 4];
        size_t len = iter < 4040 ? (size_t)iter / 40 : rnd(iter % 60 ? 101 : 1200);
        const char *ignore = random_ignore(ign);
        size_t el, bl = 0, i, maxlen, muts;

        if (iter % 7 == 0) {
            /* Pure noise, short: every odd corner of the grammar. */
            bl = rnd(12);
            for (i = 0; i < bl; i++) {
                b64[i] = nasty_char();
            }
            len = bl;
        } else {
            tu_fill_random(bin, len, &seed);
            sodium_bin2base64(enc, sizeof enc, bin, len, var);
            el = strlen(enc);
            for (i = 0; i < el; i++) {
                if (rnd(10) == 0) {
                    b64[bl++] = nasty_char();
                }
                b64[bl++] = enc[i];
            }
            muts = rnd(3) == 0 ? 0 : rnd(3);
            while (muts-- > 0 && bl > 0) {
                switch (rnd(6)) {
                case 0:
                    b64[rnd(bl)] = nasty_char();
                    break;
                case 1: /* truncated: missing padding, incomplete group */
                    bl -= 1 + rnd(bl < 3 ? bl : 3);
                    break;
                case 2: /* trailing garbage or extra padding */
                    b64[bl++] = rnd(2) ? '=' : nasty_char();
                    break;
                case 3: /* non-canonical: flip a low bit of a character */
                    i = rnd(bl);
                    b64[i] = (char)(b64[i] ^ 1);
                    break;
                case 4: /* padding removed */
                    while (bl > 0 && b64[bl - 1] == '=') {
                        bl--;
                    }
                    break;
                default: /* a character dropped */
                    i = rnd(bl);
                    memmove(b64 + i, b64 + i + 1, bl - i - 1);
                    bl--;
                    break;
                }
            }
        }
        maxlen = rnd(3) ? len + rnd(3) : rnd(len + 1);
        compare_base642bin(b64, bl, maxlen, ignore, (int)rnd(2), (int)rnd(2),
                           var);
    }
}

/* Every string of up to 4 characters over a small alphabet that covers
 * data, padding, an ignored character and a stray one, in every variant:
 * an exhaustive check of the padding and trailing-bit rules. */
static void test_base642bin_exhaustive(void **unused)
{
    static const char alpha[] = "AQBg=_ +";
    const size_t n = sizeof alpha - 1;
    char s[5];
    size_t len, code, total, v, i, maxlen;

    (void)unused;
    for (len = 0; len <= 4; len++) {
        total = 1;
        for (i = 0; i < len; i++) {
            total *= n;
        }
        for (code = 0; code < total; code++) {
            size_t c = code;

            for (i = 0; i < len; i++) {
                s[i] = alpha[c % n];
                c /= n;
            }
            for (v = 0; v < 4; v++) {
                for (maxlen = 0; maxlen < 4; maxlen++) {
                    compare_base642bin(s, len, maxlen, " ", 1, 1, variants[v]);
                    compare_base642bin(s, len, maxlen, NULL, 1, 0, variants[v]);
                }
            }
        }
    }
}

/* Every byte value alone, against the alphabets written out: only their
 * characters are taken (no high byte decodes as '/', whatever libsodium
 * release is installed). */
static void test_alphabets(void **unused)
{
    static const char *const alpha[2] = {
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"};
    unsigned c;
    int u;

    (void)unused;
    for (c = 0; c < 256; c++) {
        char in[2] = {(char)c, 'A'}, hex[2] = {(char)c, '0'};
        unsigned char out[2];
        const char *end;
        size_t len;
        int is_hex = c != 0 && strchr("0123456789abcdefABCDEF", (int)c) != NULL;

        assert_int_equal(hmac_hex2bin(out, 2, hex, 2, NULL, &len, &end), 0);
        assert_ptr_equal(end, hex + (is_hex ? 2 : 0));
        for (u = 0; u < 2; u++) {
            int in_alpha = c != 0 && strchr(alpha[u], (int)c) != NULL;
            int var = u ? hmac_base64_VARIANT_URLSAFE_NO_PADDING
                        : hmac_base64_VARIANT_ORIGINAL_NO_PADDING;

            assert_int_equal(hmac_base642bin(out, 2, in, 2, NULL, &len, &end, var), 0);
            assert_ptr_equal(end, in + (in_alpha ? 2 : 0));
            assert_int_equal(len, in_alpha ? 1 : 0);
        }
    }
}

/* libsodium aborts on these; libhmac answers -1 and writes nothing. */
static void test_base642bin_misuse(void **unused)
{
    unsigned char bin[8];
    size_t blen = 99;
    const char *end = NULL;

    (void)unused;
    memset(bin, SENTINEL, sizeof bin);
    errno = 0;
    assert_int_equal(hmac_base642bin(bin, sizeof bin, "QQ==", 4, NULL, &blen,
                                     &end, 0), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(blen, 99);
    assert_null(end);
    assert_int_equal(bin[0], SENTINEL);
    errno = 0;
    assert_int_equal(hmac_base642bin(bin, 8, NULL, 4, NULL, &blen, &end,
                                     hmac_base64_VARIANT_ORIGINAL), -1);
    assert_int_equal(errno, EINVAL);
    errno = 0;
    assert_int_equal(hmac_base642bin(NULL, 8, "QQ==", 4, NULL, &blen, &end,
                                     hmac_base64_VARIANT_ORIGINAL), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(blen, 99);
    /* NULL buffers with nothing to do are fine, as in libsodium. */
    compare_base642bin(NULL, 0, 0, NULL, 1, 0, hmac_base64_VARIANT_ORIGINAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bin2hex),
        cmocka_unit_test(test_hex2bin),
        cmocka_unit_test(test_hex2bin_in_place),
        cmocka_unit_test(test_encoded_len),
        cmocka_unit_test(test_bin2base64),
        cmocka_unit_test(test_base642bin),
        cmocka_unit_test(test_base642bin_exhaustive),
        cmocka_unit_test(test_alphabets),
        cmocka_unit_test(test_base642bin_misuse),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
