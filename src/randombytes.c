/*
 * randombytes.c - keys from the operating system's CSPRNG.
 *
 * keygen returns void (libsodium's signature), so there is no way to report
 * failure: when no randomness can be had we abort rather than hand back a
 * predictable key.
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#  define _GNU_SOURCE /* getrandom() in older glibc headers */
#endif

#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

#if defined(_WIN32)
#  include <windows.h>
#  include <bcrypt.h>
#elif defined(__EMSCRIPTEN__)
/* getentropy() is crypto.getRandomValues (browser) or node's crypto, and
 * needs no filesystem: /dev/urandom is absent from -sFILESYSTEM=0 builds.
 * Emscripten's <sys/random.h> declares it but uses size_t unseen. */
#  include <stddef.h>
#  include <sys/random.h>
#  define HMAC_USE_GETENTROPY 1
#elif defined(HMAC_HAVE_GETRANDOM)
#  include <errno.h>
#  include <sys/random.h>
#elif defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || \
    defined(__NetBSD__) || defined(__DragonFly__)
#  define HMAC_USE_ARC4RANDOM 1
#else
#  include <errno.h>
#  include <fcntl.h>
#  include <unistd.h>
#endif

static void randombytes_fail(const char *why)
{
    fprintf(stderr, "libhmac: cannot get random bytes from the OS: %s\n", why);
    abort();
}

void hmac_randombytes(void *buf, size_t len)
{
    unsigned char *p = (unsigned char *)buf;

    /* keygen(NULL): no buffer to fill. Not a failure of the OS source, so
     * no abort with a misleading message. */
    if (buf == NULL) {
        return;
    }

#if defined(_WIN32)
    while (len > 0) {
        ULONG n = len > 0x7fffffffUL ? 0x7fffffffUL : (ULONG)len;
        if (BCryptGenRandom(NULL, p, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) {
            randombytes_fail("BCryptGenRandom failed");
        }
        p += n;
        len -= n;
    }
#elif defined(HMAC_USE_GETENTROPY)
    while (len > 0) {
        const size_t n = len > 256 ? 256 : len; /* getentropy's limit */

        if (getentropy(p, n) != 0) {
            randombytes_fail("getentropy failed");
        }
        p += n;
        len -= n;
    }
#elif defined(HMAC_HAVE_GETRANDOM)
    while (len > 0) {
        /* Short reads happen above 256 bytes and on signals: loop. */
        ssize_t n = getrandom(p, len > 256 ? 256 : len, 0);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            randombytes_fail("getrandom failed");
        }
        p += (size_t)n;
        len -= (size_t)n;
    }
#elif defined(HMAC_USE_ARC4RANDOM)
    arc4random_buf(p, len); /* cannot fail */
#else
    {
        int fd;
        do {
            fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        } while (fd < 0 && errno == EINTR);
        if (fd < 0) {
            randombytes_fail("cannot open /dev/urandom");
        }
        while (len > 0) {
            ssize_t n = read(fd, p, len);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                randombytes_fail("cannot read /dev/urandom");
            }
            p += (size_t)n;
            len -= (size_t)n;
        }
        close(fd);
    }
#endif
}
