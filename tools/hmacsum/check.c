/*
 * check.c - -c/--check: reads sum files in either output form (GNU
 * "<hex>  name" or BSD "HMAC-SHA256 (name) = <hex>", coreutils escapes
 * included) and verifies each listed file, as sha256sum -c does.
 */
#include "hmacsum.h"
#include "os.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A small buffered reader over a descriptor, so sum files go through the
 * same OS layer (and the same directory check) as data files. */
typedef struct line_reader {
    int fd;
    int err;
    int overlong; /* the last line was longer than HS_MAX_LINE */
    size_t pos, end;
    unsigned char buf[4096];
} line_reader;

/* Reads one line without its '\n' into *line (grown as needed, up to
 * HS_MAX_LINE bytes: the rest of a longer line is read and dropped, and
 * r->overlong set, so an endless line such as /dev/zero's costs constant
 * memory). Returns 1 for a line, 0 at EOF, -1 on a read error (in r->err). */
static int read_line(line_reader *r, char **line, size_t *cap, size_t *len)
{
    char *grown;
    size_t want;
    long n;
    int c, got = 0;

    *len = 0;
    r->overlong = 0;
    for (;;) {
        if (r->pos == r->end) {
            n = hs_os_read(r->fd, r->buf, sizeof r->buf);
            if (n < 0) {
                r->err = errno != 0 ? errno : EIO;
                return -1;
            }
            if (n == 0) {
                return got;
            }
            r->pos = 0;
            r->end = (size_t) n;
        }
        c = r->buf[r->pos++];
        got = 1;
        if (c == '\n') {
            return 1;
        }
        if (*len == HS_MAX_LINE) {
            r->overlong = 1;
            continue;
        }
        if (*len + 2 > *cap) {
            want = *cap * 2 + 128;
            want = want > HS_MAX_LINE + 1 ? HS_MAX_LINE + 1 : want;
            grown = (char *) realloc(*line, want);
            if (grown == NULL) {
                r->err = ENOMEM;
                return -1;
            }
            *line = grown;
            *cap = want;
        }
        (*line)[(*len)++] = (char) c;
        (*line)[*len] = '\0';
    }
}

/* Undoes coreutils' escapes in place: "\\\\", "\\n", "\\r". */
static int unescape_name(char *name, size_t *len)
{
    size_t i, j = 0;

    for (i = 0; i < *len; i++) {
        if (name[i] != '\\') {
            name[j++] = name[i];
            continue;
        }
        if (++i == *len) {
            return -1;
        }
        switch (name[i]) {
        case '\\':
            name[j++] = '\\';
            break;
        case 'n':
            name[j++] = '\n';
            break;
        case 'r':
            name[j++] = '\r';
            break;
        default:
            return -1;
        }
    }
    *len = j;
    return 0;
}

/* BSD form: TAG " (" name ") = " text, the tag of exactly TAG's length
 * in hex or base64 (--base64). The name is found from the end, so it may
 * itself contain ") = ". */
static int parse_bsd(char *s, size_t len, hs_sum_line *out)
{
    const hs_alg *alg;
    size_t i, k, taglen, textlen;
    char *rest;
    size_t restlen;

    for (i = 0; i < hs_nalgs; i++) {
        alg = &hs_algs[i];
        taglen = strlen(alg->tag);
        if (len < taglen + 2 || memcmp(s, alg->tag, taglen) != 0 ||
            s[taglen] != ' ' || s[taglen + 1] != '(') {
            continue;
        }
        out->alg = alg; /* named by the line, even if the rest is bad */
        rest = s + taglen + 2;
        restlen = len - taglen - 2;
        for (k = 0; k < 2; k++) { /* hex, then base64 */
            textlen = k == 0 ? 2 * alg->bytes
                             : hmac_base64_encoded_len(alg->bytes,
                                   hmac_base64_VARIANT_ORIGINAL) - 1;
            if (restlen >= 1 + 4 + textlen &&
                memcmp(rest + restlen - textlen - 4, ") = ", 4) == 0 &&
                hs_tag_from_text(out->tag, alg->bytes,
                                 rest + restlen - textlen, textlen) == 0) {
                out->name = rest;
                out->name_len = restlen - textlen - 4;
                return HS_LINE_OK;
            }
        }
        return HS_LINE_BAD;
    }
    return HS_LINE_SKIP; /* not a BSD line: try the GNU form */
}

/* GNU form: tag (of -a's length, hex or base64) ' ' (' ' | '*') name. */
static int parse_gnu(char *s, size_t len, const hs_alg *alg, hs_sum_line *out)
{
    size_t textlen = 0;

    while (textlen < len && s[textlen] != ' ') {
        textlen++;
    }
    /* A tag of another length is another algorithm's sum: malformed. */
    if (len < textlen + 3 || (s[textlen + 1] != ' ' && s[textlen + 1] != '*') ||
        hs_tag_from_text(out->tag, alg->bytes, s, textlen) != 0) {
        return HS_LINE_BAD;
    }
    out->alg = alg;
    out->name = s + textlen + 2;
    out->name_len = len - textlen - 2;
    return HS_LINE_OK;
}

int hs_parse_sum_line(char *line, size_t len, const hs_alg *alg,
                      hs_sum_line *out)
{
    char *s = line;
    int escaped, rc;

    out->alg = alg; /* what a bad line is reported as, unless it names one */
    if (len > 0 && line[len - 1] == '\r') { /* CRLF sum files */
        len--;
    }
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    if (len == 0 || *s == '#') {
        return HS_LINE_SKIP;
    }
    if (memchr(s, '\0', len) != NULL) {
        return HS_LINE_BAD; /* a name with NUL cannot be opened */
    }
    escaped = *s == '\\';
    if (escaped) {
        s++;
        len--;
    }
    rc = parse_bsd(s, len, out);
    if (rc == HS_LINE_SKIP) {
        rc = parse_gnu(s, len, alg, out);
    }
    if (rc != HS_LINE_OK) {
        return HS_LINE_BAD;
    }
    if (escaped && unescape_name(out->name, &out->name_len) != 0) {
        return HS_LINE_BAD;
    }
    if (out->name_len == 0) {
        return HS_LINE_BAD;
    }
    out->name[out->name_len] = '\0';
    return HS_LINE_OK;
}

/* Prints "name: RESULT"; the name comes from the sum file, so it is shown
 * in hs_print_name_safe's form (GNU's for newlines and backslashes). */
static void print_result(const char *name, size_t len, const char *result)
{
    hs_print_name_safe(stdout, name, len);
    printf(": %s\n", result);
}

typedef struct check_counts {
    unsigned long formatted, malformed, verified, unreadable, mismatched;
} check_counts;

/* What verify_done needs: the options and the counts it adds to. */
typedef struct check_ctx {
    const hs_check_opts *opts;
    check_counts n;
} check_ctx;

/* One listed file's result, in the sum file's order. */
static void verify_done(void *ctx, const hs_many_file *f)
{
    check_ctx *cc = (check_ctx *) ctx;
    const hs_check_opts *opts = cc->opts;

    if (opts->ignore_missing && f->err == ENOENT) {
        return;
    }
    cc->n.verified++;
    if (f->err != 0) {
        cc->n.unreadable++;
        if (f->err == EBADF && strcmp(f->path, "-") == 0 &&
            hs_input_stdin_is_key()) {
            hs_name_error(f->path, f->path_len,
                          "standard input holds the key (--key-fd 0), so it "
                          "cannot be checked as data");
        } else {
            hs_name_error(f->path, f->path_len, strerror(f->err));
        }
        if (!opts->status) {
            print_result(f->path, f->path_len, "FAILED open or read");
        }
        return;
    }
    if (hs_ct_equal(f->tag, f->expect, f->alg->bytes)) {
        if (!opts->status && !opts->quiet) {
            print_result(f->path, f->path_len, "OK");
        }
    } else {
        cc->n.mismatched++;
        if (!opts->status) {
            print_result(f->path, f->path_len, "FAILED");
        }
    }
}

static void print_summary(const check_counts *n)
{
    if (n->malformed == 1) {
        hs_error("WARNING: 1 line is improperly formatted");
    } else if (n->malformed > 1) {
        hs_error("WARNING: %lu lines are improperly formatted", n->malformed);
    }
    if (n->unreadable == 1) {
        hs_error("WARNING: 1 listed file could not be read");
    } else if (n->unreadable > 1) {
        hs_error("WARNING: %lu listed files could not be read", n->unreadable);
    }
    if (n->mismatched == 1) {
        hs_error("WARNING: 1 computed checksum did NOT match");
    } else if (n->mismatched > 1) {
        hs_error("WARNING: %lu computed checksums did NOT match",
                 n->mismatched);
    }
}

int hs_check_file(const char *path, const hs_key *key,
                  const hs_check_opts *opts)
{
    const char *shown = strcmp(path, "-") == 0 ? "standard input" : path;
    static hs_many m; /* static: 64 queue entries and 16 states */
    line_reader *r;
    check_ctx cc;
    hs_sum_line sl;
    char *line = NULL;
    size_t cap = 0, len;
    unsigned long lineno = 0;
    int rc, fd, kind;

    fd = strcmp(path, "-") == 0 ? hs_open_input(path) : hs_os_open_read(path);
    if (fd < 0) {
        hs_error("%s: %s", shown, strerror(errno));
        return HS_EXIT_FAIL;
    }
    r = (line_reader *) calloc(1, sizeof *r);
    if (r == NULL) {
        hs_close_input(path, fd);
        hs_error("%s", strerror(ENOMEM));
        return HS_EXIT_FAIL;
    }
    r->fd = fd;
    memset(&cc, 0, sizeof cc);
    cc.opts = opts;
    hs_many_init(&m, key, verify_done, &cc);
    while ((rc = read_line(r, &line, &cap, &len)) == 1) {
        lineno++;
        if (len == 0) {
            continue;
        }
        kind = r->overlong ? HS_LINE_BAD
                           : hs_parse_sum_line(line, len, opts->alg, &sl);
        /* As GNU: '-' cannot be data while the sums come from stdin (it
         * would swallow the lines after it unchecked). */
        if (kind == HS_LINE_OK && strcmp(path, "-") == 0 &&
            strcmp(sl.name, "-") == 0) {
            kind = HS_LINE_BAD;
        }
        switch (kind) {
        case HS_LINE_SKIP:
            break;
        case HS_LINE_BAD:
            cc.n.malformed++;
            if (opts->warn) {
                hs_many_finish(&m); /* the lines above are reported first */
                hs_error("%s: %lu: improperly formatted %s checksum line%s",
                         shown, lineno,
                         r->overlong ? opts->alg->tag : sl.alg->tag,
                         r->overlong ? " (longer than the limit of "
                                       HS_MAX_LINE_TEXT " bytes)" : "");
            }
            break;
        default:
            cc.n.formatted++;
            hs_many_add(&m, sl.alg, sl.name, sl.name_len, 1, sl.tag);
        }
    }
    /* Every listed file is reported before the sum file is closed and
     * before its own read error or summary, as one at a time did. */
    hs_many_finish(&m);
    hmac_memzero(&m, sizeof m);
    hs_close_input(path, fd);
    free(line);
    if (rc < 0) {
        hs_error("%s: %s", shown, strerror(r->err));
        free(r);
        return HS_EXIT_FAIL;
    }
    free(r);
    if (cc.n.formatted == 0) {
        hs_error("%s: no properly formatted checksum lines found", shown);
        return HS_EXIT_FAIL;
    }
    if (!opts->status) {
        print_summary(&cc.n);
    }
    if (opts->ignore_missing && cc.n.verified == 0) {
        hs_error("%s: no file was verified", shown);
        return HS_EXIT_FAIL;
    }
    if (cc.n.mismatched != 0 || cc.n.unreadable != 0 ||
        (opts->strict && cc.n.malformed != 0)) {
        return HS_EXIT_FAIL;
    }
    return HS_EXIT_OK;
}
