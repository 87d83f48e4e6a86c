/* A program written against libsodium's API, built against an installed
 * (or embedded) libhmac: signs, verifies, rejects a tampered message. */
#include <hmac.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
    unsigned char tag[crypto_auth_hmacsha256_BYTES];
    unsigned char msg[] = "consumer message";

    crypto_auth_hmacsha256_keygen(key);
    if (crypto_auth_hmacsha256(tag, msg, sizeof msg - 1, key) != 0 ||
        crypto_auth_hmacsha256_verify(tag, msg, sizeof msg - 1, key) != 0) {
        fprintf(stderr, "consumer: valid tag rejected\n");
        return 1;
    }
    msg[0] ^= 1;
    if (crypto_auth_hmacsha256_verify(tag, msg, sizeof msg - 1, key) == 0) {
        fprintf(stderr, "consumer: tampered message accepted\n");
        return 1;
    }
    printf("consumer OK: libhmac %s, sha256 backend %s\n",
           hmac_version_string(), hmac_backend_sha256());
    return 0;
}
