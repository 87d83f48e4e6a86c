/*
 * output.c - messages, tags as text (hex or base64, through libhmac's
 * codecs), and coreutils-style file-name escaping.
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

void hs_tag_to_text(char *text, const unsigned char *tag, size_t len,
                    int base64)
{
    if (base64) {
        (void) hmac_bin2base64(text, HS_MAX_TAG_TEXT, tag, len,
                               hmac_base64_VARIANT_ORIGINAL);
    } else {
        (void) hmac_bin2hex(text, HS_MAX_TAG_TEXT, tag, len);
    }
}

int hs_tag_from_text(unsigned char *tag, size_t len, const char *text,
                     size_t text_len)
{
    size_t got = 0;
    int rc;

    /* The length alone picks the encoding, as GNU cksum -c does: a tag's
     * hex and padded base64 never have the same length. No end pointer,
     * so any character left over fails the decoding. */
    if (text_len == 2 * len) {
        rc = hmac_hex2bin(tag, len, text, text_len, NULL, &got, NULL);
    } else if (text_len + 1 ==
               hmac_base64_ENCODED_LEN(len, hmac_base64_VARIANT_ORIGINAL)) {
        rc = hmac_base642bin(tag, len, text, text_len, NULL, &got, NULL,
                             hmac_base64_VARIANT_ORIGINAL);
    } else {
        return -1;
    }
    return rc == 0 && got == len ? 0 : -1;
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
                  const char *name, int bsd, int base64)
{
    char text[HS_MAX_TAG_TEXT];
    size_t len = strlen(name);
    int escape = hs_name_needs_escape(name, len);

    hs_tag_to_text(text, tag, alg->bytes, base64);
    if (escape) {
        fputc('\\', stdout);
    }
    if (bsd) {
        printf("%s (", alg->tag);
        hs_print_name(stdout, name, len, escape);
        printf(") = %s\n", text);
    } else {
        printf("%s  ", text);
        hs_print_name(stdout, name, len, escape);
        fputc('\n', stdout);
    }
}
