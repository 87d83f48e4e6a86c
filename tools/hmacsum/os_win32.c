/*
 * os_win32.c - hmacsum's operating-system layer for Windows (MinGW-w64
 * and MSVC), chosen by tools/hmacsum/CMakeLists.txt instead of os_posix.c.
 *
 * Descriptors are the C runtime's (_open, _read): --key-fd N names one of
 * them, in practice 0 (stdin, redirected from a key file) since a Windows
 * parent passes no other descriptor to a child by default.
 *
 * What Windows cannot do like POSIX, and what hmacsum does instead:
 * - Key-file permission warning: access is governed by ACLs, not mode
 *   bits, so hs_os_key_too_open never warns (documented in hmacsum.1).
 * - --keygen output: created exclusively (_O_EXCL) and owner-writable;
 *   the file takes the ACL its directory passes on (a user's profile is
 *   private by default), not 0600.
 * Wiping is the library's hmac_memzero (SecureZeroMemory here).
 */
#include "os.h"

#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>

/* MinGW and MSVC spell the CRT's stat flags with one underscore. */
#ifndef S_ISDIR
#define S_ISDIR(m) (((m) & _S_IFMT) == _S_IFDIR)
#endif
#ifndef EISDIR
#define EISDIR 21
#endif

/* _read and _write take an unsigned int count. */
#define HS_IO_MAX ((size_t) INT_MAX)

/* The CRT's default answer to a bad descriptor (e.g. --key-fd 9) is to
 * end the program; hmacsum wants the documented EBADF instead. */
static void hs_ignore_invalid_parameter(const wchar_t *expr,
                                        const wchar_t *func,
                                        const wchar_t *file,
                                        unsigned int line, uintptr_t reserved)
{
    (void) expr;
    (void) func;
    (void) file;
    (void) line;
    (void) reserved;
}

void hs_os_init(void)
{
    (void) _set_invalid_parameter_handler(hs_ignore_invalid_parameter);
    /* Text mode would turn CR LF into LF in the data being signed (and
     * LF into CR LF in the output and messages): bytes as they are, so
     * output and messages are the same on every platform. */
    (void) _setmode(0, _O_BINARY);
    (void) _setmode(1, _O_BINARY);
    (void) _setmode(2, _O_BINARY);
}

/* A descriptor with no OS handle behind it: -1, or -2 for a standard
 * stream the process was started without (e.g. stdin closed). The CRT
 * reports these as EINVAL or EBADF depending on the call: say EBADF. */
static int hs_fd_bad(int fd)
{
    const intptr_t h = _get_osfhandle(fd);

    if (h == -1 || h == -2) {
        errno = EBADF;
        return 1;
    }
    return 0;
}

int hs_os_refuse_dir(int fd)
{
    struct _stat64 st;

    if (hs_fd_bad(fd) || _fstat64(fd, &st) != 0) {
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return -1;
    }
    return 0;
}

int hs_os_open_read(const char *path)
{
    struct _stat64 st;
    int fd = _open(path, _O_RDONLY | _O_BINARY | _O_NOINHERIT);

    /* Windows refuses to open a directory (EACCES): say why, as on POSIX. */
    if (fd < 0) {
        if (errno == EACCES && _stat64(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            errno = EISDIR;
        }
        return -1;
    }
    return fd;
}

long hs_os_read(int fd, void *buf, size_t len)
{
    if (hs_fd_bad(fd)) {
        return -1;
    }
    return (long) _read(fd, buf, (unsigned) (len > HS_IO_MAX ? HS_IO_MAX : len));
}

int hs_os_write_all(int fd, const void *buf, size_t len)
{
    const unsigned char *p = (const unsigned char *) buf;

    while (len > 0) {
        const int n = _write(fd, p, (unsigned) (len > HS_IO_MAX ? HS_IO_MAX : len));

        if (n <= 0) {
            return -1;
        }
        p += n;
        len -= (size_t) n;
    }
    return 0;
}

int hs_os_close(int fd)
{
    return _close(fd);
}

int hs_os_key_too_open(int fd, unsigned *mode)
{
    /* ACLs, not mode bits: nothing to tell from here (see the top). */
    (void) fd;
    (void) mode;
    return 0;
}

int hs_os_fd_is_open(int fd)
{
    return hs_fd_bad(fd) ? -1 : 0;
}

int hs_os_create_secret(const char *path)
{
    /* _O_EXCL: never overwrite an existing file. */
    return _open(path, _O_WRONLY | _O_CREAT | _O_EXCL | _O_BINARY | _O_NOINHERIT,
                 _S_IREAD | _S_IWRITE);
}

int hs_os_sync(int fd)
{
    return _commit(fd);
}

int hs_os_remove(const char *path)
{
    return remove(path);
}

/* No mapping here: many.c read()s every file. Truncation under a view
 * would raise an in-page exception, and read() costs little next to
 * the hashing where this port runs (under Wine, in CI). */
long long hs_os_map_size(int fd)
{
    (void) fd;
    return -1;
}

const unsigned char *hs_os_map(int fd, unsigned long long off, size_t len,
                               int ahead)
{
    (void) fd;
    (void) off;
    (void) len;
    (void) ahead;
    return NULL;
}

void hs_os_prefault(const unsigned char *p, size_t len)
{
    (void) p;
    (void) len;
}

void hs_os_unmap(const unsigned char *p, size_t len)
{
    (void) p;
    (void) len;
}

int hs_os_seek(int fd, unsigned long long off)
{
    return _lseeki64(fd, (__int64) off, SEEK_SET) < 0 ? -1 : 0;
}

int hs_os_guard(void (*fn)(void *arg), void *arg)
{
    fn(arg);
    return 0;
}
