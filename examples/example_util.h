/*
 * example_util.h - the chore every example needs that has nothing to do
 * with HMAC: reading a small file (a key, a test vector). Header-only so
 * each example stays one file plus this one. (Hex and base64 come from the
 * library: hmac_bin2hex and friends, <hmac/codecs.h>.)
 */
#ifndef HMAC_EXAMPLE_UTIL_H
#define HMAC_EXAMPLE_UTIL_H

#include <stddef.h>
#include <stdio.h>

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
