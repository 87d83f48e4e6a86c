/*
 * example_util.h - the two chores every example needs and that have
 * nothing to do with HMAC: printing bytes as hex and reading a small file
 * (a key, a test vector). Header-only so each example stays one file plus
 * this one.
 */
#ifndef HMAC_EXAMPLE_UTIL_H
#define HMAC_EXAMPLE_UTIL_H

#include <stddef.h>
#include <stdio.h>

/* One hex digit for a nibble, by arithmetic rather than a table lookup:
 * (9 - n) >> 8 is all ones exactly when n > 9, adding the 39 that moves
 * '0' + 10 to 'a'. The bytes printed may be secret (a key), so no index or
 * branch depends on them. */
static inline char example_hex_digit(unsigned int n)
{
    return (char)(n + '0' + (((9U - n) >> 8) & 39U));
}

/* Writes in[0..len) as lowercase hex to out, which must hold 2 * len + 1
 * characters (the result is NUL-terminated). */
static inline void example_to_hex(char *out, const unsigned char *in,
                                  size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        out[2 * i] = example_hex_digit(in[i] >> 4);
        out[2 * i + 1] = example_hex_digit(in[i] & 15U);
    }
    out[2 * len] = '\0';
}

/* Reads the whole file at path into buf[0..cap) and stores its size in
 * *len. Returns 0, or -1 (with a message on stderr) if the file cannot be
 * read or holds more than cap bytes: a bounded buffer, never a surprise
 * allocation. The caller wipes buf if it held a key. */
static inline int example_read_file(const char *path, unsigned char *buf,
                                    size_t cap, size_t *len)
{
    FILE *f = fopen(path, "rb");
    size_t n;
    int extra;

    if (f == NULL) {
        perror(path);
        return -1;
    }
    n = fread(buf, 1, cap, f);
    extra = getc(f); /* anything left means the file is larger than cap */
    if (ferror(f) || extra != EOF) {
        fprintf(stderr, "%s: %s\n", path,
                ferror(f) ? "read error" : "file too large");
        fclose(f);
        return -1;
    }
    fclose(f);
    *len = n;
    return 0;
}

#endif
