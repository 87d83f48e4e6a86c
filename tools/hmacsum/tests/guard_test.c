/*
 * guard_test.c - hs_os_guard (os_posix.c) after a fault: returns -1 and
 * leaves no trace of the abandoned frames on the stack. The guarded
 * function fills a stack array with a marker and faults (raise(SIGBUS),
 * as a truncated mapping would); afterwards that array's bytes, now
 * below the stack pointer, must hold no marker byte.
 *
 * Reading a dead frame is outside what C promises, which is the point:
 * it is what an attacker reading memory would see. It exits 77 (skipped)
 * under valgrind, which reports reads below the stack pointer, and under
 * AddressSanitizer, whose use-after-return mode moves frames' arrays to
 * a "fake stack" on the heap (the CI's sanitizer runs enable it), where
 * no stack wipe reaches: there the marker stays, with or without the
 * wipe.
 */
#include "../os.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#  define UNDER_ASAN 1
#elif defined(__has_feature)
#  if __has_feature(address_sanitizer)
#    define UNDER_ASAN 1
#  endif
#endif

#define SECRET_BYTES 8192
#define MARKER 0xa5

static volatile unsigned char *volatile seen;

#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void fill_and_fault(void *arg)
{
    volatile unsigned char secret[SECRET_BYTES];
    size_t i;

    (void) arg;
    for (i = 0; i < SECRET_BYTES; i++) {
        secret[i] = MARKER;
    }
    seen = secret;
    (void) raise(SIGBUS);
    /* Not reached while the guard works. */
    seen = NULL;
}

int main(void)
{
    const char *preload = getenv("LD_PRELOAD");
    size_t i, left = 0;

    if (preload != NULL && strstr(preload, "vgpreload") != NULL) {
        puts("guard_test: under valgrind, skipped");
        return 77;
    }
#if defined(UNDER_ASAN)
    puts("guard_test: under AddressSanitizer (frames on its fake stack), "
         "skipped");
    return 77;
#endif
    if (hs_os_guard(fill_and_fault, NULL) != -1) {
        puts("guard_test: FAIL: the fault did not make hs_os_guard return -1");
        return 1;
    }
    if (seen == NULL) {
        puts("guard_test: FAIL: the guarded function ran on after the fault");
        return 1;
    }
    for (i = 0; i < SECRET_BYTES; i++) {
        left += seen[i] == MARKER;
    }
    if (left > 0) {
        printf("guard_test: FAIL: %zu of %d marker bytes left on the stack\n",
               left, SECRET_BYTES);
        return 1;
    }
    puts("guard_test: a fault leaves no marker byte on the stack");
    return 0;
}
