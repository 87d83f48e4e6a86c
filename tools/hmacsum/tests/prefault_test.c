/*
 * prefault_test.c - hs_os_prefault (os_posix.c) is a hint that nothing
 * can turn into a crash: the helper thread is handed a window of a file
 * that is then truncated to nothing, and the range of a window already
 * unmapped. A helper that touched the pages itself (rather than asking
 * the kernel with madvise, which reports a failure) would die of SIGBUS
 * or SIGSEGV here, and the test with it. The process must also still
 * map, hash-read and unmap a file afterwards.
 */
#define _POSIX_C_SOURCE 200809L
#include "../os.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define FILE_BYTES (4U * 1024U * 1024U)

static void pause_ms(long ms)
{
    struct timespec ts;

    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    (void) nanosleep(&ts, NULL);
}

int main(void)
{
    char path[] = "/tmp/hmacsum-prefault-XXXXXX";
    static unsigned char block[FILE_BYTES];
    const unsigned char *p;
    unsigned long sum = 0;
    size_t i;
    int fd, round;

    fd = mkstemp(path);
    if (fd < 0) {
        perror("mkstemp");
        return 1;
    }
    (void) unlink(path);
    for (i = 0; i < FILE_BYTES; i++) {
        block[i] = (unsigned char) (i * 7u + 1u);
    }
    if (hs_os_write_all(fd, block, FILE_BYTES) != 0) {
        perror("write");
        return 1;
    }
    for (round = 0; round < 3; round++) {
        p = hs_os_map(fd, 0, FILE_BYTES, 1);
        if (p == NULL) {
            puts("prefault_test: no mapping here, skipped");
            return 77;
        }
        if (round == 0) {
            /* A good window, read through as the hasher would. */
            hs_os_prefault(p, FILE_BYTES);
            for (i = 0; i < FILE_BYTES; i += 4096) {
                sum += p[i];
            }
            hs_os_unmap(p, FILE_BYTES);
        } else if (round == 1) {
            /* The file shrinks to nothing under a queued window. */
            if (ftruncate(fd, 0) != 0) {
                perror("ftruncate");
                return 1;
            }
            hs_os_prefault(p, FILE_BYTES);
            pause_ms(100);
            hs_os_unmap(p, FILE_BYTES);
            if (ftruncate(fd, FILE_BYTES) != 0 ||
                hs_os_seek(fd, 0) != 0 ||
                hs_os_write_all(fd, block, FILE_BYTES) != 0) {
                perror("restore");
                return 1;
            }
        } else {
            /* A window unmapped before the helper gets to it. */
            hs_os_unmap(p, FILE_BYTES);
            hs_os_prefault(p, FILE_BYTES);
            pause_ms(100);
        }
    }
    p = hs_os_map(fd, 0, FILE_BYTES, 1);
    if (p == NULL || memcmp(p, block, FILE_BYTES) != 0) {
        fputs("prefault_test: the file does not read back\n", stderr);
        return 1;
    }
    hs_os_unmap(p, FILE_BYTES);
    (void) hs_os_close(fd);
    printf("prefault_test: ok (%lu)\n", sum);
    return 0;
}
