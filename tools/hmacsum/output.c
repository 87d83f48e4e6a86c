/*
 * output.c - messages, hex, and coreutils-style file-name escaping.
 */
#include "hmacsum.h"

#include <stdarg.h>
#include <string.h>

const char *hs_progname = "hmacsum";

void hs_error(const char *fmt, ...)
{
    va_list ap;

    fflush(stdout); /* keep stdout and stderr in order on a terminal */
    fprintf(stderr, "%s: ", hs_progname);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void hs_hex_encode(char *hex, const unsigned char *bin, size_t len)
{
    /* Tags are public once printed, so a table lookup is fine here. */
    static const char digits[] = "0123456789abcdef";
    size_t i;

    for (i = 0; i < len; i++) {
        hex[2 * i] = digits[bin[i] >> 4];
        hex[2 * i + 1] = digits[bin[i] & 15];
    }
    hex[2 * len] = '\0';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

int hs_hex_decode(unsigned char *bin, size_t len, const char *hex)
{
    size_t i;
    int hi, lo;

    for (i = 0; i < len; i++) {
        hi = hex_value(hex[2 * i]);
        lo = hi < 0 ? -1 : hex_value(hex[2 * i + 1]);
        if (lo < 0) {
            return -1;
        }
        bin[i] = (unsigned char) (hi << 4 | lo);
    }
    return 0;
}

int hs_name_needs_escape(const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        if (name[i] == '\\' || name[i] == '\n' || name[i] == '\r') {
            return 1;
        }
    }
    return 0;
}

void hs_print_name(FILE *out, const char *name, size_t len, int escape)
{
    size_t i;

    if (!escape) {
        fwrite(name, 1, len, out);
        return;
    }
    /* coreutils' escapes: a line that holds any of them starts with '\'
     * (the caller prints it), so old readers never mistake the name. */
    for (i = 0; i < len; i++) {
        switch (name[i]) {
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        default:
            fputc(name[i], out);
        }
    }
}

void hs_print_sum(const hs_alg *alg, const unsigned char *tag,
                  const char *name, int bsd)
{
    char hex[2 * HS_MAX_TAG_BYTES + 1];
    size_t len = strlen(name);
    int escape = hs_name_needs_escape(name, len);

    hs_hex_encode(hex, tag, alg->bytes);
    if (escape) {
        fputc('\\', stdout);
    }
    if (bsd) {
        printf("%s (", alg->tag);
        hs_print_name(stdout, name, len, escape);
        printf(") = %s\n", hex);
    } else {
        printf("%s  ", hex);
        hs_print_name(stdout, name, len, escape);
        fputc('\n', stdout);
    }
}
