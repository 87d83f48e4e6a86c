/* libhmac (built with HMAC_SYMBOL_PREFIX) and libsodium linked into one
 * program: both must answer, and agree. */
#include <stdio.h>
#include <string.h>

#include "both.h"

int main(void)
{
    unsigned char key[32], a[32], b[32];
    const unsigned char msg[] = "one program, two libraries";
    int i;

    for (i = 0; i < 32; i++) {
        key[i] = (unsigned char)(i * 3 + 1);
    }
    memset(a, 0, sizeof a);
    memset(b, 0xff, sizeof b);
    if (tag_with_libhmac(a, msg, sizeof msg - 1, key) != 0 ||
        tag_with_libsodium(b, msg, sizeof msg - 1, key) != 0) {
        fprintf(stderr, "prefix: a library returned an error\n");
        return 1;
    }
    if (memcmp(a, b, sizeof a) != 0) {
        fprintf(stderr, "prefix: libhmac and libsodium disagree\n");
        return 1;
    }
    printf("prefix OK: libhmac (prefixed) and libsodium agree\n");
    return 0;
}
