/*
 * os.h - the operating-system bits of hmacsum, in one place so that a
 * port (e.g. Windows) replaces one file: os_posix.c.
 *
 * Descriptors are plain ints (POSIX fds; _open's on Windows). Functions
 * returning -1 leave the reason in errno.
 */
#ifndef HMACSUM_OS_H
#define HMACSUM_OS_H

#include <stddef.h>

/* One-time setup (e.g. binary mode for the standard streams). */
void hs_os_init(void);
/* Opens path read-only. A directory is refused with errno = EISDIR, so
 * "hmacsum: DIR: Is a directory" is reported before any read. */
int hs_os_open_read(const char *path);
/* Fails with EISDIR when fd is a directory, 0 otherwise. */
int hs_os_refuse_dir(int fd);
/* read() that retries on EINTR. Returns bytes read, 0 at EOF, -1. */
long hs_os_read(int fd, void *buf, size_t len);
/* write()s all of buf, retrying on EINTR and short writes. 0 or -1. */
int hs_os_write_all(int fd, const void *buf, size_t len);
/* Closes fd; 0 or -1. */
int hs_os_close(int fd);
/* 1 if fd is a regular file readable by group or others, storing its
 * permission bits in *mode; 0 otherwise. */
int hs_os_key_too_open(int fd, unsigned *mode);
/* 0 if fd is an open descriptor, -1 (EBADF) if not. */
int hs_os_fd_is_open(int fd);
/* Creates path for writing, failing if it exists (EEXIST), with
 * permissions 0600 from the start so a key is never readable by others. */
int hs_os_create_secret(const char *path);
/* Flushes fd's data to stable storage; 0 or -1. */
int hs_os_sync(int fd);
/* Removes path (after a failed --keygen); 0 or -1. */
int hs_os_remove(const char *path);

/* Mapping regular files, so many.c can hash them without read()'s copy.
 * Where the platform does not map (Windows here), hs_os_map_size says
 * -1 and the caller read()s. */
/* fd's size if it is a regular file that may be mapped, else -1. */
long long hs_os_map_size(int fd);
/* Maps len bytes of fd from off (a multiple of HS_MAP_BYTES) read-only,
 * or returns NULL (the caller then read()s from off). The pages are
 * filled in now, unless ahead is set and a prefault helper runs: the
 * caller then hs_os_prefault()s the window ahead of its reads. */
const unsigned char *hs_os_map(int fd, unsigned long long off, size_t len,
                               int ahead);
/* Asks for p..p+len, inside a mapping from hs_os_map, to be paged in on
 * the helper thread while the caller hashes what it has: a hint, never
 * needed for a right answer (a no-op where no helper runs). */
void hs_os_prefault(const unsigned char *p, size_t len);
/* Unmaps what hs_os_map returned. */
void hs_os_unmap(const unsigned char *p, size_t len);
/* Moves fd's read position to off; 0 or -1. */
int hs_os_seek(int fd, unsigned long long off);
/* Runs fn(arg), catching the fault of touching a mapping past the end of
 * a file that shrank meanwhile (SIGBUS): 0 if fn returned, -1 if a fault
 * cut it short (whatever fn was writing is then half done) or if the
 * fault cannot be caught (fn is then not run). */
int hs_os_guard(void (*fn)(void *arg), void *arg);

#endif
