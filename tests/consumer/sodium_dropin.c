/* Compiled against libsodium's OWN headers (<sodium.h>) but linked with
 * libhmac instead of libsodium: the ABI (names, signatures, state sizes)
 * must match for the functions libhmac provides. The expected tag is RFC
 * 4231 test case 2 (key "Jefe"); the generic crypto_hash is SHA-512, whose
 * digest of "abc" is FIPS 180-2's example. */
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
    unsigned char tag[32], digest[crypto_hash_BYTES];
    static const unsigned char abc_sha512[64] = {
        0xdd, 0xaf, 0x35, 0xa1, 0x93, 0x61, 0x7a, 0xba, 0xcc, 0x41, 0x73,
        0x49, 0xae, 0x20, 0x41, 0x31, 0x12, 0xe6, 0xfa, 0x4e, 0x89, 0xa9,
        0x7e, 0xa2, 0x0a, 0x9e, 0xee, 0xe6, 0x4b, 0x55, 0xd3, 0x9a, 0x21,
        0x92, 0x99, 0x2a, 0x27, 0x4f, 0xc1, 0xa8, 0x36, 0xba, 0x3c, 0x23,
        0xa3, 0xfe, 0xeb, 0xbd, 0x45, 0x4d, 0x44, 0x23, 0x64, 0x3c, 0xe8,
        0x0e, 0x2a, 0x9a, 0xc9, 0x4f, 0xa5, 0x4c, 0xa4, 0x9f};

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
    if (crypto_hash_bytes() != crypto_hash_BYTES ||
        strcmp(crypto_hash_primitive(), crypto_hash_PRIMITIVE) != 0 ||
        crypto_hash(digest, (const unsigned char *)"abc", 3) != 0 ||
        crypto_verify_64(digest, abc_sha512) != 0) {
        fprintf(stderr, "dropin: crypto_hash is not libsodium's SHA-512\n");
        return 1;
    }
    printf("dropin OK: a <sodium.h> program runs on libhmac\n");
    return 0;
}
