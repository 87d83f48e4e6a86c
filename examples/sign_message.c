/*
 * sign_message.c - the basic job: make a key, sign a message, verify it,
 * and see a tampered copy rejected.
 *
 * Build: cc sign_message.c -lhmac   (or link hmac::hmac from CMake)
 * Exit status: 0 if the genuine message verified and every forgery was
 * rejected, 1 otherwise.
 */
#include <hmac.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    static const char message[] = "transfer 100 EUR to account 42";
    unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
    unsigned char tag[crypto_auth_hmacsha256_BYTES];
    unsigned char forged_tag[crypto_auth_hmacsha256_BYTES];
    unsigned char tampered[sizeof message];
    char tag_hex[2 * crypto_auth_hmacsha256_BYTES + 1];
    const unsigned long long len = sizeof message - 1; /* not the NUL */
    int genuine_ok, tampered_ok, forged_ok;

    /* A key straight from the OS CSPRNG: never derive one from a password
     * or a clock. Both parties must hold the same 32 bytes. */
    crypto_auth_hmacsha256_keygen(key);

    crypto_auth_hmacsha256(tag, (const unsigned char *)message, len, key);
    hmac_bin2hex(tag_hex, sizeof tag_hex, tag, sizeof tag);
    printf("message:  \"%s\"\n", message);
    printf("tag:      %s\n", tag_hex);

    /* The receiver recomputes the tag and compares in constant time:
     * _verify does both, so a timing side channel cannot reveal how many
     * leading bytes of a forged tag were right. Never memcmp a tag. */
    genuine_ok = crypto_auth_hmacsha256_verify(
                     tag, (const unsigned char *)message, len, key) == 0;
    printf("verify original:         %s\n",
           genuine_ok ? "accepted" : "REJECTED");

    /* An attacker changes the amount but cannot recompute the tag. */
    memcpy(tampered, message, sizeof message);
    tampered[9] = '9'; /* "transfer 900 EUR ..." */
    tampered_ok = crypto_auth_hmacsha256_verify(tag, tampered, len, key) == 0;
    printf("verify \"%s\": %s\n", (const char *)tampered,
           tampered_ok ? "ACCEPTED" : "rejected");

    /* Changing a single bit of the tag must be caught as well. */
    memcpy(forged_tag, tag, sizeof tag);
    forged_tag[0] ^= 1;
    forged_ok = crypto_auth_hmacsha256_verify(
                    forged_tag, (const unsigned char *)message, len, key) == 0;
    printf("verify with a flipped tag bit:   %s\n",
           forged_ok ? "ACCEPTED" : "rejected");

    /* Keys outlive nothing they do not need to. */
    hmac_memzero(key, sizeof key);

    if (genuine_ok && !tampered_ok && !forged_ok) {
        printf("ok: genuine message accepted, forgeries rejected\n");
        return 0;
    }
    fprintf(stderr, "FAILED: verification did not behave as expected\n");
    return 1;
}
