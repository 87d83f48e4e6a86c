/*
 * testutil.c - helpers shared by the cmocka suites (see testutil.h).
 *
 * The readers are deliberately small and strict: anything they do not
 * understand fails the current test instead of being skipped, and the
 * suites count what they read, so a reader bug shows up as a failure.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmac/utils.h"
#include "internal.h"

const char *tu_vector_path(const char *relative)
{
    static char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", HMAC_TEST_VECTORS_DIR,
                     relative);

    if (n < 0 || (size_t)n >= sizeof path) {
        fail_msg("vector path too long: %s", relative);
    }
    return path;
}

char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, used = 0;

    if (f == NULL) {
        fail_msg("cannot open %s", path);
    }
    for (;;) {
        size_t got;

        if (cap - used < 65536) {
            char *bigger;

            cap = cap ? 2 * cap : 1 << 20;
            bigger = realloc(buf, cap + 1);
            if (bigger == NULL) {
                free(buf);
                fclose(f);
                fail_msg("out of memory reading %s", path);
            }
            buf = bigger;
        }
        got = fread(buf + used, 1, cap - used, f);
        used += got;
        if (got == 0) {
            break;
        }
    }
    if (ferror(f)) {
        free(buf);
        fclose(f);
        fail_msg("read error on %s", path);
    }
    fclose(f);
    buf[used] = '\0';
    if (len != NULL) {
        *len = used;
    }
    return buf;
}

static int hex_nibble(char c)
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

/* Decodes 2*n hex digits from hex into out; 0 on success, -1 on a bad
 * digit. */
static int unhex_n(const char *hex, uint8_t *out, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        int hi = hex_nibble(hex[2 * i]);
        int lo = hi < 0 ? -1 : hex_nibble(hex[2 * i + 1]);

        if (lo < 0) {
            return -1;
        }
        out[i] = (uint8_t)((hi << 4) | lo);
    }
    return 0;
}

uint8_t *tu_unhex(const char *hex, size_t *len)
{
    size_t hexlen = strlen(hex);
    uint8_t *out;

    if (hexlen % 2 != 0) {
        fail_msg("odd-length hex: %s", hex);
    }
    /* +1 so that the empty string still gets a real (non-NULL) buffer. */
    out = malloc(hexlen / 2 + 1);
    if (out == NULL) {
        fail_msg("out of memory");
    }
    if (unhex_n(hex, out, hexlen / 2) != 0) {
        free(out);
        fail_msg("bad hex: %s", hex);
    }
    if (len != NULL) {
        *len = hexlen / 2;
    }
    return out;
}

void tu_unhex_into(const char *hex, uint8_t *out, size_t n)
{
    if (strlen(hex) != 2 * n) {
        fail_msg("expected %zu bytes of hex, got \"%s\"", n, hex);
    }
    if (unhex_n(hex, out, n) != 0) {
        fail_msg("bad hex: %s", hex);
    }
}

void tu_fill_random(uint8_t *buf, size_t len, uint64_t *seed)
{
    uint64_t x = *seed ? *seed : 0x9e3779b97f4a7c15u;
    size_t i;

    for (i = 0; i < len; i++) {
        /* xorshift64 (Marsaglia); the top byte has the best mixing. */
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        buf[i] = (uint8_t)(x >> 56);
    }
    *seed = x;
}

uint64_t tu_rand_below(uint64_t *seed, uint64_t bound)
{
    uint8_t b[8];
    uint64_t v = 0;
    size_t i;

    tu_fill_random(b, sizeof b, seed);
    for (i = 0; i < sizeof b; i++) {
        v = (v << 8) | b[i];
    }
    return bound ? v % bound : 0;
}

/* ---- "Name = value" records ------------------------------------------- */

void tu_rec_open(tu_rec *rec, const char *path)
{
    memset(rec, 0, sizeof *rec);
    rec->buf = tu_read_file(path, NULL);
    rec->pos = rec->buf;
    rec->section = "";
}

/* Cuts the next line out of the buffer (CR LF or LF), NUL-terminates it
 * without the line ending, and returns it; NULL at the end. */
static char *next_line(char **pos)
{
    char *line = *pos, *end;

    if (*line == '\0') {
        return NULL;
    }
    end = strchr(line, '\n');
    if (end != NULL) {
        *pos = end + 1;
        *end = '\0';
    } else {
        *pos = line + strlen(line);
        end = *pos;
    }
    if (end > line && end[-1] == '\r') {
        end[-1] = '\0';
    }
    return line;
}

static char *trim(char *s)
{
    char *e;

    while (*s == ' ' || *s == '\t') {
        s++;
    }
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t')) {
        *--e = '\0';
    }
    return s;
}

int tu_rec_next(tu_rec *rec)
{
    char *line;

    rec->nfields = 0;
    while ((line = next_line(&rec->pos)) != NULL) {
        char *t = trim(line), *eq;

        if (*t == '#') {
            continue; /* comments may sit inside a record (RFC files) */
        }
        if (*t == '\0') {
            if (rec->nfields > 0) {
                return 1;
            }
            continue;
        }
        if (*t == '[') {
            /* "[L = 32]" and "[L=32]" both become "L=32". */
            char *r = t + 1, *w = t;

            while (*r != '\0' && *r != ']') {
                if (*r != ' ') {
                    *w++ = *r;
                }
                r++;
            }
            if (*r != ']') {
                fail_msg("bad section header: %s", line);
            }
            *w = '\0';
            rec->section = t;
            continue;
        }
        eq = strchr(t, '=');
        if (eq == NULL) {
            fail_msg("line without '=': %s", t);
        }
        if (rec->nfields == TU_REC_MAX_FIELDS) {
            fail_msg("record with too many fields at %s", t);
        }
        *eq = '\0';
        rec->names[rec->nfields] = trim(t);
        rec->values[rec->nfields] = trim(eq + 1);
        rec->nfields++;
    }
    return rec->nfields > 0;
}

const char *tu_rec_get(const tu_rec *rec, const char *name)
{
    size_t i;

    for (i = 0; i < rec->nfields; i++) {
        if (strcmp(rec->names[i], name) == 0) {
            return rec->values[i];
        }
    }
    return NULL;
}

const char *tu_rec_need(const tu_rec *rec, const char *name)
{
    const char *v = tu_rec_get(rec, name);

    if (v == NULL) {
        fail_msg("record without field %s", name);
    }
    return v;
}

void tu_rec_close(tu_rec *rec)
{
    free(rec->buf);
    memset(rec, 0, sizeof *rec);
}

/* ---- Wycheproof JSON -------------------------------------------------- */

/*
 * Not a general JSON parser: a scanner that knows the Wycheproof layout
 * (groups hold their integer fields before "tests"; a test is the object
 * that holds "tcId"). Strings are NUL-terminated in place; escapes are
 * skipped over (they only occur in comments, which we do not return).
 */

void tu_wp_open(tu_wp *wp, const char *path)
{
    memset(wp, 0, sizeof *wp);
    wp->buf = tu_read_file(path, NULL);
    wp->pos = wp->buf;
    wp->group_key_size = -1;
    wp->group_tag_size = -1;
    wp->size = -1;
}

static char *skip_ws(char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
        p++;
    }
    return p;
}

/* p points after an opening quote: terminates the string, returns the
 * character after the closing quote. */
static char *cut_string(char *p)
{
    while (*p != '"') {
        if (*p == '\0') {
            fail_msg("unterminated JSON string");
        }
        if (*p == '\\' && p[1] != '\0') {
            p++;
        }
        p++;
    }
    *p = '\0';
    return p + 1;
}

static long parse_long(char **p)
{
    char *end;
    long v = strtol(*p, &end, 10);

    if (end == *p) {
        fail_msg("expected a JSON number");
    }
    *p = end;
    return v;
}

int tu_wp_next(tu_wp *wp)
{
    char *p = wp->pos;
    int depth = 0, in_test = 0, test_depth = 0;

    /* depth is relative to where we start: we always start between tests
     * or groups, and a test is complete when its object closes. */
    while (*p != '\0') {
        char c = *p;

        if (c == '{' || c == '[') {
            depth++;
            p++;
        } else if (c == '}' || c == ']') {
            depth--;
            p++;
            if (in_test && depth < test_depth) {
                wp->pos = p;
                if (wp->key == NULL && wp->ikm == NULL) {
                    fail_msg("Wycheproof test %ld without key/ikm", wp->tc_id);
                }
                if (wp->result == NULL) {
                    fail_msg("Wycheproof test %ld without result", wp->tc_id);
                }
                return 1;
            }
        } else if (c == '"') {
            char *name = p + 1, *q = cut_string(name);

            q = skip_ws(q);
            if (*q != ':') {
                p = q; /* a string value in an array: ignore */
                continue;
            }
            q = skip_ws(q + 1);
            if (strcmp(name, "tcId") == 0) {
                in_test = 1;
                test_depth = depth;
                wp->key = wp->msg = wp->tag = wp->result = NULL;
                wp->ikm = wp->salt = wp->info = wp->okm = NULL;
                wp->size = -1;
                wp->tc_id = parse_long(&q);
            } else if (strcmp(name, "keySize") == 0) {
                wp->group_key_size = parse_long(&q);
            } else if (strcmp(name, "tagSize") == 0) {
                wp->group_tag_size = parse_long(&q);
            } else if (in_test && strcmp(name, "size") == 0) {
                wp->size = parse_long(&q);
            } else if (in_test && *q == '"') {
                const char **slot = NULL;
                char *v = q + 1;

                q = cut_string(v);
                if (strcmp(name, "key") == 0) {
                    slot = &wp->key;
                } else if (strcmp(name, "msg") == 0) {
                    slot = &wp->msg;
                } else if (strcmp(name, "tag") == 0) {
                    slot = &wp->tag;
                } else if (strcmp(name, "result") == 0) {
                    slot = &wp->result;
                } else if (strcmp(name, "ikm") == 0) {
                    slot = &wp->ikm;
                } else if (strcmp(name, "salt") == 0) {
                    slot = &wp->salt;
                } else if (strcmp(name, "info") == 0) {
                    slot = &wp->info;
                } else if (strcmp(name, "okm") == 0) {
                    slot = &wp->okm;
                }
                if (slot != NULL) {
                    *slot = v;
                }
            }
            p = q;
        } else {
            p++;
        }
    }
    wp->pos = p;
    if (in_test) {
        fail_msg("Wycheproof file ends inside test %ld", wp->tc_id);
    }
    return 0;
}

void tu_wp_close(tu_wp *wp)
{
    free(wp->buf);
    memset(wp, 0, sizeof *wp);
}

/* ---- running a suite under every backend ----------------------------- */

int tu_run_all_backends(const char *name, const struct CMUnitTest *tests,
                        size_t count)
{
    static const unsigned masks[] = {0u, HMAC_CPU_ALL};
    static const char *const labels[] = {"portable", "all"};
    int failed = 0;
    size_t i;

    for (i = 0; i < sizeof masks / sizeof masks[0]; i++) {
        char group[256];

        hmac_cpu_force(masks[i]);
        snprintf(group, sizeof group, "%s [mask=%s: sha256=%s sha512=%s]",
                 name, labels[i], hmac_backend_sha256(),
                 hmac_backend_sha512());
        printf("# backend pass %s: sha256=%s sha512=%s\n", labels[i],
               hmac_backend_sha256(), hmac_backend_sha512());
        fflush(stdout);
        failed += _cmocka_run_group_tests(group, tests, count, NULL, NULL);
    }
    hmac_cpu_force(HMAC_CPU_ALL);
    return failed;
}
