/*
 * os_posix.c - hmacsum's operating-system layer for POSIX systems
 * (Linux, macOS, the BSDs). A Windows port replaces this file only.
 */
#define _POSIX_C_SOURCE 200809L

#include "os.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif
#ifndef O_NOCTTY
#define O_NOCTTY 0
#endif
#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif

void hs_os_init(void)
{
    /* POSIX streams have no text mode: nothing to do. */
}

int hs_os_refuse_dir(int fd)
{
    struct stat st;

    if (fstat(fd, &st) != 0) {
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
    int fd;
    int saved;

    do {
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        return -1;
    }
    /* Linux opens directories and fails only at read(); say it up front. */
    if (hs_os_refuse_dir(fd) != 0) {
        saved = errno;
        (void) close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

long hs_os_read(int fd, void *buf, size_t len)
{
    ssize_t n;

    do {
        n = read(fd, buf, len);
    } while (n < 0 && errno == EINTR);
    return (long) n;
}

int hs_os_write_all(int fd, const void *buf, size_t len)
{
    const unsigned char *p = (const unsigned char *) buf;
    ssize_t n;

    while (len > 0) {
        n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        p += n;
        len -= (size_t) n;
    }
    return 0;
}

int hs_os_close(int fd)
{
    return close(fd);
}

int hs_os_key_too_open(int fd, unsigned *mode)
{
    struct stat st;

    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        return 0;
    }
    *mode = (unsigned) (st.st_mode & 07777);
    return (st.st_mode & (S_IRGRP | S_IROTH)) != 0;
}

int hs_os_fd_is_open(int fd)
{
    return fcntl(fd, F_GETFD) == -1 ? -1 : 0;
}

int hs_os_create_secret(const char *path)
{
    int fd;

    /* O_EXCL: never overwrite (nor follow a planted symlink); 0600 from
     * the start leaves no window in which the key is readable by others. */
    do {
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
                            O_CLOEXEC | O_NOCTTY,
                  (mode_t) 0600);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

int hs_os_sync(int fd)
{
    return fsync(fd);
}

int hs_os_remove(const char *path)
{
    return unlink(path);
}
