/*
 * utils.c - hmac_memzero and the version string.
 */
#include <string.h>

#include "hmac/utils.h"

#if defined(_WIN32)
#  include <windows.h>
#endif

void hmac_memzero(void *pnt, size_t len)
{
    if (pnt == NULL || len == 0) { /* nothing to wipe: no crash either */
        return;
    }
#if defined(_WIN32)
    SecureZeroMemory(pnt, len);
#elif defined(__GNUC__) || defined(__clang__)
    memset(pnt, 0, len);
    /* The empty asm "uses" the memory, so the memset is not a dead store
     * the optimiser may drop, even with LTO. */
    __asm__ __volatile__("" : : "r"(pnt) : "memory");
#else
    {
        volatile unsigned char *v = (volatile unsigned char *)pnt;
        while (len-- > 0) {
            *v++ = 0;
        }
    }
#endif
}

const char *hmac_version_string(void)
{
    return HMAC_VERSION_STRING;
}
