/*
 * fuzz_hmacsum_check.c - hmacsum's sum-file line parser on arbitrary
 * bytes: malformed lines, huge lines, odd escapes, NULs, CRs.
 *
 * Checks, for every line of the input:
 *  - no crash, leak or out-of-bounds access (ASan, UBSan);
 *  - a line parsed as OK has an algorithm, a non-empty name that lies
 *    inside the line buffer and is NUL-terminated at name_len;
 *  - round trip: the parsed (alg, tag, name) printed back in the GNU form
 *    (escaped when needed), with the tag in hex and in base64, parses
 *    again to the same alg, tag and name;
 *  - the name as check mode shows it (hs_print_name_safe) holds no control
 *    byte, so a sum file cannot forge output lines or drive a terminal.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tools/hmacsum/hmacsum.h"

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_hmacsum_check: %s\n", what);
    abort();
}

/* Writes the GNU form of (alg, tag, name) to buf as hmacsum prints it,
 * the tag in hex or base64; returns the length. buf must hold
 * 2 * name_len + HS_MAX_TAG_TEXT + 8. */
static size_t format_gnu(char *buf, const hs_sum_line *sl, int base64)
{
    size_t n = 0, i;
    int escape = hs_name_needs_escape(sl->name, sl->name_len);

    if (escape) {
        buf[n++] = '\\';
    }
    hs_tag_to_text(buf + n, sl->tag, sl->alg->bytes, base64);
    n += strlen(buf + n);
    buf[n++] = ' ';
    buf[n++] = ' ';
    for (i = 0; i < sl->name_len; i++) {
        char c = sl->name[i];
        if (escape && (c == '\\' || c == '\n' || c == '\r')) {
            buf[n++] = '\\';
            c = c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
        }
        buf[n++] = c;
    }
    return n;
}

static void check_shown_name(const hs_sum_line *sl)
{
    char *shown = NULL;
    size_t n = 0, i;
    FILE *f = open_memstream(&shown, &n);

    if (f == NULL) {
        return;
    }
    hs_print_name_safe(f, sl->name, sl->name_len);
    if (fclose(f) != 0) {
        free(shown);
        return;
    }
    for (i = 0; i < n; i++) {
        if ((unsigned char)shown[i] < 0x20 || shown[i] == 0x7f) {
            fail("a shown name holds a control byte");
        }
    }
    free(shown);
}

static void check_line(const char *line, size_t len, const hs_alg *alg)
{
    char *copy = malloc(len + 1), *again;
    hs_sum_line sl, sl2;
    size_t n;
    int rc, base64;

    if (copy == NULL) {
        return;
    }
    memcpy(copy, line, len);
    copy[len] = '\0';
    rc = hs_parse_sum_line(copy, len, alg, &sl);
    if (rc == HS_LINE_OK) {
        if (sl.alg == NULL || sl.name_len == 0 || sl.name < copy ||
            sl.name + sl.name_len > copy + len || sl.name[sl.name_len] != '\0') {
            fail("parsed line breaks its invariants");
        }
        check_shown_name(&sl);
        again = malloc(2 * sl.name_len + HS_MAX_TAG_TEXT + 8);
        if (again == NULL) {
            free(copy);
            return;
        }
        for (base64 = 0; base64 < 2; base64++) {
            n = format_gnu(again, &sl, base64);
            if (hs_parse_sum_line(again, n, sl.alg, &sl2) != HS_LINE_OK) {
                /* A name that starts with blanks or '#' cannot be written back
                 * in the GNU form unambiguously only if it is a BSD-looking
                 * line; anything else must round-trip. */
                if (sl.name[0] != ' ' && sl.name[0] != '\t') {
                    fail("printed line does not parse again");
                }
            } else if (sl2.alg != sl.alg ||
                       memcmp(sl2.tag, sl.tag, sl.alg->bytes) != 0 ||
                       sl2.name_len != sl.name_len ||
                       memcmp(sl2.name, sl.name, sl.name_len) != 0) {
                fail("round trip changed the line");
            }
        }
        free(again);
    } else if (rc != HS_LINE_SKIP && rc != HS_LINE_BAD) {
        fail("unknown parse result");
    }
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const hs_alg *alg;
    size_t start = 0, i;

    if (size == 0) {
        return 0;
    }
    /* The first byte picks the -a algorithm for GNU lines. */
    alg = &hs_algs[data[0] % hs_nalgs];
    data++;
    size--;
    for (i = 0; i <= size; i++) {
        if (i == size || data[i] == '\n') {
            check_line((const char *)data + start, i - start, alg);
            start = i + 1;
        }
    }
    return 0;
}
