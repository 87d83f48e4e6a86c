/* Compiled against libsodium's OWN headers (<sodium.h>) but linked with
 * libhmac instead of libsodium: the ABI (names, signatures, state sizes)
 * must match for the functions libhmac provides. The expected tag is RFC
 * 4231 test case 2 (key "Jefe"). */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    static const unsigned char expect[32] = {
        0x5b, 0xdc, 0xc1, 0x46, 0xbf, 0x60, 0x75, 0x4e, 0x6a, 0x04, 0x24,
        0x26, 0x08, 0x95, 0x75, 0xc7, 0x5a, 0x00, 0x3f, 0x08, 0x9d, 0x27,
        0x39, 0x83, 0x9d, 0xec, 0x58, 0xb9, 0x64, 0xec, 0x38, 0x43};
    const char *msg = "what do ya want for nothing?";
    crypto_auth_hmacsha256_state st, copy;
    unsigned char tag[32];

    if (crypto_auth_hmacsha256_statebytes() != sizeof st ||
        crypto_hash_sha512_statebytes() != sizeof(crypto_hash_sha512_state)) {
        fprintf(stderr, "dropin: state sizes differ from libsodium's\n");
        return 1;
    }
    crypto_auth_hmacsha256_init(&st, (const unsigned char *)"Jefe", 4);
    copy = st;
    crypto_auth_hmacsha256_update(&copy, (const unsigned char *)msg, strlen(msg));
    crypto_auth_hmacsha256_final(&copy, tag);
    if (crypto_verify_32(tag, expect) != 0) {
        fprintf(stderr, "dropin: wrong tag\n");
        return 1;
    }
    printf("dropin OK: a <sodium.h> program runs on libhmac\n");
    return 0;
}
