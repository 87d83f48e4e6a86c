/*
 * client.c - sends HMAC-authenticated messages to server.c (format in
 * wire.h), then plays attacker: a tampered message, a replay, and a
 * message too old to be fresh, each of which the server must refuse.
 *
 * Usage: client HOST PORT -k KEYFILE
 *   HOST is an IPv4 address (the test uses 127.0.0.1). Prints the
 *   server's verdict on each message and exits 0 only if they are exactly:
 *   accepted, rejected: bad tag, rejected: replay, rejected: stale.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wire.h" /* and sock.h: the socket calls, POSIX or Winsock */

/* Builds a signed message into out (WIRE_MAX_MESSAGE bytes) and returns
 * its length. Every call draws a fresh random nonce. */
static size_t build_message(unsigned char *out, const unsigned char *key,
                            uint64_t timestamp, const char *payload)
{
    unsigned char fresh[crypto_auth_hmacsha256_KEYBYTES];
    const size_t len = strlen(payload);

    /* The public API's CSPRNG is keygen; 16 of its 32 bytes make a nonce
     * that will never repeat in practice. */
    crypto_auth_hmacsha256_keygen(fresh);
    wire_store_be(out, timestamp, 8);
    memcpy(out + 8, fresh, WIRE_NONCE_BYTES);
    wire_store_be(out + 8 + WIRE_NONCE_BYTES, len, 4);
    memcpy(out + WIRE_HEADER_BYTES, payload, len);
    /* The tag covers header and payload, and goes last. */
    crypto_auth_hmacsha256(out + WIRE_HEADER_BYTES + len, out,
                           WIRE_HEADER_BYTES + len, key);
    return WIRE_HEADER_BYTES + len + WIRE_TAG_BYTES;
}

/* Sends msg[0..len) and reads the one-line verdict into line (without the
 * newline). Returns 0, or -1 if the connection failed. */
static int exchange(sock_t fd, const unsigned char *msg, size_t len, char *line,
                    size_t cap)
{
    size_t n = 0;

    if (wire_write_full(fd, msg, len) != 0) {
        return -1;
    }
    /* Byte by byte: the verdict is short, and this never reads past it. */
    for (;;) {
        char c;

        if (wire_read_full(fd, &c, 1) != 0) {
            return -1;
        }
        if (c == '\n') {
            break;
        }
        if (n + 1 < cap) {
            line[n++] = c;
        }
    }
    line[n] = '\0';
    return 0;
}

static sock_t connect_to(const char *host, const char *port_str)
{
    struct sockaddr_in addr;
    char *end;
    long port = strtol(port_str, &end, 10);
    sock_t fd;

    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    if (*end != '\0' || port <= 0 || port > 65535 ||
        inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
        fprintf(stderr, "bad address %s:%s (IPv4 address and port expected)\n",
                host, port_str);
        return SOCK_INVALID;
    }
    addr.sin_port = htons((unsigned short)port);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd == SOCK_INVALID ||
        connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        sock_perror("connect");
        if (fd != SOCK_INVALID) {
            sock_close(fd);
        }
        return SOCK_INVALID;
    }
    return fd;
}

int main(int argc, char **argv)
{
    static unsigned char good[WIRE_MAX_MESSAGE], other[WIRE_MAX_MESSAGE];
    static const char *const expected[4] = {
        "accepted", "rejected: bad tag", "rejected: replay", "rejected: stale"
    };
    static const char *const what[4] = {
        "genuine message", "payload changed after signing",
        "genuine message sent again", "message signed an hour ago"
    };
    unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
    const uint64_t now = (uint64_t)time(NULL);
    size_t good_len, i;
    sock_t fd;
    int mismatches = 0;

    if (argc != 5 || strcmp(argv[3], "-k") != 0) {
        fprintf(stderr, "usage: %s HOST PORT -k KEYFILE\n", argv[0]);
        return 2;
    }
    if (wire_load_key(argv[4], key) != 0) {
        return 1;
    }
    /* (On POSIX this also makes a closed server a write error, not SIGPIPE.) */
    if (sock_startup() != 0) {
        sock_perror("socket startup");
        hmac_memzero(key, sizeof key);
        return 1;
    }
    fd = connect_to(argv[1], argv[2]);
    if (fd == SOCK_INVALID) {
        hmac_memzero(key, sizeof key);
        return 1;
    }

    good_len = build_message(good, key, now, "meter 7: 1234.5 kWh");
    for (i = 0; i < 4; i++) {
        const unsigned char *msg = good;
        size_t len = good_len;
        char verdict[64];

        if (i == 1) {
            /* Signed correctly, then altered in transit. */
            len = build_message(other, key, now, "meter 7: 1234.5 kWh");
            other[WIRE_HEADER_BYTES + 9] = '9';
            msg = other;
        } else if (i == 3) {
            /* Correctly signed and never seen, but outside the window. */
            len = build_message(other, key, now - 3600, "meter 7: 1200.0 kWh");
            msg = other;
        } /* i == 2 resends `good` byte for byte: a replay. */

        if (exchange(fd, msg, len, verdict, sizeof verdict) != 0) {
            fprintf(stderr, "connection lost at message %zu\n", i + 1);
            sock_close(fd);
            hmac_memzero(key, sizeof key);
            return 1;
        }
        printf("%-30s -> %-18s %s\n", what[i], verdict,
               strcmp(verdict, expected[i]) == 0 ? "(as expected)"
                                                 : "UNEXPECTED");
        mismatches += strcmp(verdict, expected[i]) != 0;
    }
    sock_close(fd);
    hmac_memzero(key, sizeof key);
    return mismatches == 0 ? 0 : 1;
}
