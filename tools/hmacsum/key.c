/*
 * key.c - loading the key: from a file, an environment variable or an
 * open descriptor, raw or hex. Never from the command line, where every
 * user of the machine could read it in the process list.
 */
#include "hmacsum.h"
#include "os.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A bound so that "-k /dev/zero" fails instead of eating memory; HMAC
 * hashes any key longer than a block anyway, so nothing real is lost. */
#define HS_KEY_MAX (1024U * 1024U)

void hs_key_free(hs_key *key)
{
    if (key->buf != NULL) {
        hmac_memzero(key->buf, key->cap);
        free(key->buf);
    }
    key->buf = NULL;
    key->len = 0;
    key->cap = 0;
}

/* Grows key to hold at least need bytes. realloc could leave a copy of
 * the key in freed memory, so copy and wipe by hand instead. */
static int key_reserve(hs_key *key, size_t need)
{
    unsigned char *fresh;
    size_t cap = key->cap != 0 ? key->cap : 256;

    if (need <= key->cap) {
        return 0;
    }
    while (cap < need) {
        cap *= 2;
    }
    fresh = (unsigned char *) malloc(cap);
    if (fresh == NULL) {
        return -1;
    }
    if (key->buf != NULL) {
        memcpy(fresh, key->buf, key->len);
        hmac_memzero(key->buf, key->cap);
        free(key->buf);
    }
    key->buf = fresh;
    key->cap = cap;
    return 0;
}

/* Reads fd to EOF into key. Returns 0 or an errno value. */
static int key_read_fd(hs_key *key, int fd)
{
    long n;

    for (;;) {
        if (key->len > HS_KEY_MAX) {
            return EFBIG;
        }
        if (key_reserve(key, key->len + 4096) != 0) {
            return ENOMEM;
        }
        n = hs_os_read(fd, key->buf + key->len, key->cap - key->len);
        if (n == 0) {
            return 0;
        }
        if (n < 0) {
            return errno != 0 ? errno : EIO;
        }
        key->len += (size_t) n;
    }
}

int hs_key_hex_decode(unsigned char *out, size_t *outlen,
                      const unsigned char *in, size_t len)
{
    size_t i, digits = 0;
    int rc;

    /* Whitespace is formatting, never a key digit, so dropping it with a
     * branch reveals the layout of the file, not the key. It may sit
     * anywhere, inside a byte's two digits too, so it is removed first
     * (in place, into out: the write position never passes the read
     * position) rather than left to hmac_hex2bin's ignore set. */
    for (i = 0; i < len; i++) {
        const unsigned char c = in[i];

        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
            c != '\v') {
            out[digits++] = c;
        }
    }
    /* CT: the digits' values never steer a branch or an index there.
     * Decoded in place, which hmac_hex2bin allows. No end pointer: any
     * character that is not a digit, or an odd count, fails. */
    rc = hmac_hex2bin(out, digits / 2, (const char *) out, digits, NULL,
                      outlen, NULL);
    if (digits % 2 != 0) {
        rc = -1;
    }
    return rc;
}

/* Parses a descriptor number: decimal digits only, no sign. */
int hs_key_parse_fd(const char *s, int *fd)
{
    long v = 0;

    if (*s == '\0') {
        return -1;
    }
    for (; *s != '\0'; s++) {
        if (*s < '0' || *s > '9' || v > (INT_MAX - 9) / 10) {
            return -1;
        }
        v = v * 10 + (*s - '0');
    }
    *fd = (int) v;
    return 0;
}

static int key_from_file(hs_key *key, const char *path)
{
    unsigned mode = 0;
    int fd, err;

    fd = hs_os_open_read(path);
    if (fd < 0) {
        hs_error("key file %s: %s", path, strerror(errno));
        return -1;
    }
    if (hs_os_key_too_open(fd, &mode)) {
        hs_error("warning: key file %s is readable by group or others "
                 "(mode %04o); run: chmod 600 %s",
                 path, mode, path);
    }
    err = key_read_fd(key, fd);
    (void) hs_os_close(fd);
    if (err != 0) {
        hs_error("key file %s: %s", path, strerror(err));
        return -1;
    }
    return 0;
}

static int key_from_fd(hs_key *key, const char *arg)
{
    int fd, err;

    if (hs_key_parse_fd(arg, &fd) != 0) {
        hs_error("--key-fd: '%s' is not a descriptor number", arg);
        return -1;
    }
    if (hs_os_fd_is_open(fd) != 0 || hs_os_refuse_dir(fd) != 0) {
        hs_error("--key-fd %d: %s", fd, strerror(errno));
        return -1;
    }
    err = key_read_fd(key, fd);
    if (err != 0) {
        hs_error("--key-fd %d: %s", fd, strerror(err));
        return -1;
    }
    return 0;
}

static int key_from_env(hs_key *key, const char *name)
{
    const char *value = getenv(name);
    size_t len;

    if (value == NULL) {
        hs_error("--key-env: environment variable %s is not set", name);
        return -1;
    }
    len = strlen(value);
    if (key_reserve(key, len + 1) != 0) {
        hs_error("--key-env: %s", strerror(ENOMEM));
        return -1;
    }
    memcpy(key->buf, value, len);
    key->len = len;
    return 0;
}

int hs_key_load(hs_key *key, hs_key_source source, const char *arg, int hex)
{
    size_t len = 0;
    int rc;

    switch (source) {
    case HS_KEY_FILE:
        rc = key_from_file(key, arg);
        break;
    case HS_KEY_FD:
        rc = key_from_fd(key, arg);
        break;
    case HS_KEY_ENV:
        rc = key_from_env(key, arg);
        break;
    default:
        rc = -1;
    }
    if (rc != 0 || !hex) {
        return rc;
    }
    /* In place: the write position never passes the read position. */
    if (hs_key_hex_decode(key->buf, &len, key->buf, key->len) != 0) {
        hs_error("the key is not valid hex (--hex-key): expected an even "
                 "number of digits 0-9, a-f, whitespace allowed");
        return -1;
    }
    hmac_memzero(key->buf + len, key->cap - len);
    key->len = len;
    return 0;
}
