/*
 * stream_file.c - HMAC-SHA-256 of a file of any size in constant memory:
 * read it in 64 KiB chunks and feed each to crypto_auth_hmacsha256_update.
 *
 * Usage: stream_file KEYFILE FILE
 *   KEYFILE holds the raw key, of any length up to 4 KiB (HMAC hashes keys
 *   longer than 64 bytes first; the streaming API accepts them all).
 *   Prints the tag in hex. The result equals that of
 *   openssl dgst -sha256 -mac HMAC \
 *       -macopt hexkey:"$(od -An -tx1 -v KEYFILE | tr -d ' \n')" FILE
 */
#include <hmac.h>
#include <stdio.h>

#include "example_util.h"

#define CHUNK_BYTES (64 * 1024)
#define KEY_MAX 4096

int main(int argc, char **argv)
{
    /* Static: 64 KiB is more stack than an example should assume. */
    static unsigned char chunk[CHUNK_BYTES];
    static unsigned char key[KEY_MAX];
    unsigned char tag[crypto_auth_hmacsha256_BYTES];
    char hex[2 * crypto_auth_hmacsha256_BYTES + 1];
    crypto_auth_hmacsha256_state state;
    size_t key_len, n;
    FILE *f;
    int read_error;

    if (argc != 3) {
        fprintf(stderr, "usage: %s KEYFILE FILE\n", argv[0]);
        return 2;
    }
    if (example_read_file(argv[1], key, sizeof key, &key_len) != 0) {
        return 1;
    }
    f = fopen(argv[2], "rb");
    if (f == NULL) {
        perror(argv[2]);
        hmac_memzero(key, sizeof key);
        return 1;
    }

    /* The state holds the key, pre-processed: the raw key can go now. */
    crypto_auth_hmacsha256_init(&state, key, key_len);
    hmac_memzero(key, sizeof key);

    /* fread may return less than asked before the end (pipes, signals);
     * only feof/ferror say the file is done. */
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        crypto_auth_hmacsha256_update(&state, chunk, n);
    }
    read_error = ferror(f);
    fclose(f);
    if (read_error) {
        fprintf(stderr, "%s: read error\n", argv[2]);
        hmac_memzero(&state, sizeof state); /* _final would have wiped it */
        return 1;
    }

    crypto_auth_hmacsha256_final(&state, tag); /* wipes the state */
    hmac_bin2hex(hex, sizeof hex, tag, sizeof tag);
    printf("%s\n", hex);
    return 0;
}
