/*
 * output.c - messages, tags as text (hex or base64, through libhmac's
 * codecs), and coreutils-style file-name escaping.
 */
#include "hmacsum.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

const char *hs_progname = "hmacsum";

/* errno of the first flush of stdout that failed, 0 while none has: a
 * later flush may succeed (or fail otherwise) once the error is seen, and
 * errno is long stale by exit. */
static int stdout_errno;

static void flush_stdout(void)
{
    int saved = errno;

    errno = 0;
    if (fflush(stdout) != 0 && stdout_errno == 0) {
        stdout_errno = errno != 0 ? errno : -1;
    }
    errno = saved;
}

int hs_stdout_failed(void)
{
    flush_stdout();
    if (stdout_errno > 0) {
        hs_error("write error: %s", strerror(stdout_errno));
    } else if (stdout_errno != 0 || ferror(stdout)) {
        hs_error("write error"); /* as GNU: the cause is not known */
    } else {
        return 0;
    }
    return -1;
}

void hs_error(const char *fmt, ...)
{
    va_list ap;

    flush_stdout(); /* keep stdout and stderr in order on a terminal */
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

static int is_control(unsigned char c)
{
    return c < 0x20 || c == 0x7f;
}

void hs_print_name_safe(FILE *out, const char *name, size_t len)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;
    unsigned char c;

    for (i = 0; i < len && !is_control((unsigned char) name[i]); i++) {
    }
    if (i == len) {
        fwrite(name, 1, len, out);
        return;
    }
    fputc('\\', out);
    for (i = 0; i < len; i++) {
        c = (unsigned char) name[i];
        if (c == '\\') {
            fputs("\\\\", out);
        } else if (c == '\n') {
            fputs("\\n", out);
        } else if (c == '\r') {
            fputs("\\r", out);
        } else if (is_control(c)) {
            fputs("\\x", out);
            fputc(digits[c >> 4], out);
            fputc(digits[c & 15], out);
        } else {
            fputc(c, out);
        }
    }
}

void hs_name_error(const char *name, size_t len, const char *why)
{
    flush_stdout();
    fprintf(stderr, "%s: ", hs_progname);
    hs_print_name_safe(stderr, name, len);
    fprintf(stderr, ": %s\n", why);
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
