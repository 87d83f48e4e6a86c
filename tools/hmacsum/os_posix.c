/*
 * os_posix.c - hmacsum's operating-system layer for POSIX systems
 * (Linux, macOS, the BSDs). A Windows port replaces this file only.
 */
#define _POSIX_C_SOURCE 200809L
/* glibc shows MAP_POPULATE (Linux) only with this; elsewhere harmless. */
#define _DEFAULT_SOURCE

#include "os.h"

#include <hmac.h>

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* The prefault helper thread (below): Linux 5.14's MADV_POPULATE_READ. */
#if defined(MADV_POPULATE_READ) && defined(HS_HAVE_THREADS)
#include <pthread.h>
#define HS_PREFAULT 1
#else
#define HS_PREFAULT 0
#endif

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

long long hs_os_map_size(int fd)
{
    struct stat st;

    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0) {
        return -1;
    }
    return (long long) st.st_size;
}

#if HS_PREFAULT
/* The prefault helper: one thread that pages in (MADV_POPULATE_READ) the
 * ranges hs_os_prefault queues, while the main thread hashes. It only
 * calls madvise, which reports a failure (a range unmapped meanwhile, a
 * file truncated under it) instead of faulting, so nothing it is handed
 * can hurt it or the process: each range is a hint. */
#define PF_QUEUE 64
static pthread_mutex_t pf_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pf_cv = PTHREAD_COND_INITIALIZER;
static struct { const unsigned char *p; size_t len; } pf_q[PF_QUEUE];
static size_t pf_head, pf_count;
static int pf_state; /* 0 not tried, 1 running, -1 could not start */

static void *pf_main(void *arg)
{
    const unsigned char *p;
    size_t len;

    (void) arg;
    for (;;) {
        (void) pthread_mutex_lock(&pf_mu);
        while (pf_count == 0) {
            (void) pthread_cond_wait(&pf_cv, &pf_mu);
        }
        p = pf_q[pf_head].p;
        len = pf_q[pf_head].len;
        pf_head = (pf_head + 1) % PF_QUEUE;
        pf_count--;
        (void) pthread_mutex_unlock(&pf_mu);
        (void) madvise((void *) (uintptr_t) p, len, MADV_POPULATE_READ);
    }
    return NULL;
}

static int pf_running(void)
{
    pthread_t t;
    pthread_attr_t a;
    sigset_t all, old;
    long page;

    if (pf_state == 0) {
        pf_state = -1;
        /* A kernel without MADV_POPULATE_READ (before Linux 5.14) says
         * EINVAL to it even for an empty range; then mmap populates. */
        page = sysconf(_SC_PAGESIZE);
        if (page <= 0 || madvise((void *) (uintptr_t) page, 0,
                                 MADV_POPULATE_READ) != 0) {
            return 0;
        }
        /* The helper takes no signals: they stay the main thread's. */
        (void) sigfillset(&all);
        if (pthread_sigmask(SIG_SETMASK, &all, &old) == 0) {
            if (pthread_attr_init(&a) == 0) {
                (void) pthread_attr_setdetachstate(&a,
                                                   PTHREAD_CREATE_DETACHED);
                if (pthread_create(&t, &a, pf_main, NULL) == 0) {
                    pf_state = 1;
                }
                (void) pthread_attr_destroy(&a);
            }
            (void) pthread_sigmask(SIG_SETMASK, &old, NULL);
        }
    }
    return pf_state == 1;
}

void hs_os_prefault(const unsigned char *p, size_t len)
{
    if (pf_state != 1 || len == 0) {
        return;
    }
    (void) pthread_mutex_lock(&pf_mu);
    if (pf_count < PF_QUEUE) { /* full: dropped, the hasher faults it */
        pf_q[(pf_head + pf_count) % PF_QUEUE].p = p;
        pf_q[(pf_head + pf_count) % PF_QUEUE].len = len;
        /* Only an idle helper waits: a busy one finds this on its own. */
        if (pf_count++ == 0) {
            (void) pthread_cond_signal(&pf_cv);
        }
    }
    (void) pthread_mutex_unlock(&pf_mu);
}
#else
static int pf_running(void)
{
    return 0;
}

void hs_os_prefault(const unsigned char *p, size_t len)
{
    (void) p;
    (void) len;
}
#endif

const unsigned char *hs_os_map(int fd, unsigned long long off, size_t len,
                               int ahead)
{
    void *p;
    int flags = MAP_SHARED;

    if (len == 0 || off != (unsigned long long) (off_t) off) {
        return NULL;
    }
    if (!ahead || !pf_running()) {
#ifdef MAP_POPULATE
        /* One call fills the page table for the whole window instead of
         * a page fault every few pages (measured faster on Linux); the
         * helper, where it runs, does that beside the hashing instead. */
        flags |= MAP_POPULATE;
#endif
    }
    p = mmap(NULL, len, PROT_READ, flags, fd, (off_t) off);
    return p == MAP_FAILED ? NULL : (const unsigned char *) p;
}

void hs_os_unmap(const unsigned char *p, size_t len)
{
    (void) munmap((void *) (uintptr_t) p, len);
}

int hs_os_seek(int fd, unsigned long long off)
{
    if (off != (unsigned long long) (off_t) off) {
        errno = EOVERFLOW;
        return -1;
    }
    return lseek(fd, (off_t) off, SEEK_SET) < 0 ? -1 : 0;
}

/* A file truncated while mapped faults (SIGBUS) on the pages it lost;
 * inside hs_os_guard the handler jumps back out instead of letting the
 * process die. One jump buffer does: the fault is raised in the thread
 * that touched the mapping, the main one (the prefault helper only calls
 * madvise, and blocks every signal). */
static sigjmp_buf guard_jump;
static volatile sig_atomic_t guard_armed;
static int guard_installed;

static void on_sigbus(int sig)
{
    if (guard_armed) {
        guard_armed = 0;
        siglongjmp(guard_jump, 1);
    }
    /* Not ours: the default action, as if no handler were there. */
    (void) signal(sig, SIG_DFL);
    (void) raise(sig);
}

/* After a fault, fn's frames (and the library's below them: its lane
 * kernels keep message words and keyed chaining values in stack arrays,
 * about 28 KiB deep, which they wipe on return) are abandoned unwiped.
 * Called from hs_os_guard's frame, this frame lies where theirs were:
 * zeroing 64 KiB of it wipes them. Not inlined, or the array would sit
 * in hs_os_guard's own frame, above theirs. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void wipe_stack_below(void)
{
    unsigned char below[64 * 1024];

    hmac_memzero(below, sizeof below);
}

int hs_os_guard(void (*fn)(void *arg), void *arg)
{
    struct sigaction sa;

    if (!guard_installed) {
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_sigbus;
        (void) sigemptyset(&sa.sa_mask);
        if (sigaction(SIGBUS, &sa, NULL) != 0) {
            return -1; /* cannot catch: the caller must not touch maps */
        }
        guard_installed = 1;
    }
    if (sigsetjmp(guard_jump, 1) != 0) {
        wipe_stack_below();
        return -1;
    }
    guard_armed = 1;
    fn(arg);
    guard_armed = 0;
    return 0;
}
