/*
 * server.c - receives HMAC-authenticated messages over TCP and rejects
 * forged, replayed and stale ones. The message format is in wire.h; the
 * matching sender is client.c.
 *
 * Usage: server [PORT] [--max N] [--timeout SECONDS] -k KEYFILE
 *   Listens on 127.0.0.1:PORT (0, the default, lets the OS choose) and
 *   prints "listening on 127.0.0.1:PORT". Answers every message with one
 *   line: "accepted" or "rejected: <reason>". Exits 0 after N messages
 *   (--max, 0 = never), and ends itself after --timeout seconds (default
 *   60, 0 = never) so that it cannot outlive a test.
 *
 * The checks, in order, and why in that order:
 *   1. tag: until it verifies, every field is attacker-chosen;
 *   2. freshness: |now - timestamp| <= 60 s bounds how long a nonce must
 *      be remembered;
 *   3. replay: the nonce must not have been accepted before.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wire.h" /* and sock.h: the socket calls, POSIX or Winsock */

/* Nonces remembered. At most this many messages can be accepted within one
 * freshness window before the guard starts refusing old-but-fresh ones
 * (see replay_guard): size it for the expected message rate. */
#define NONCE_TABLE_SIZE 1024

/* Recently accepted nonces in a ring: bounded memory whatever the traffic. */
struct replay_guard {
    unsigned char nonce[NONCE_TABLE_SIZE][WIRE_NONCE_BYTES];
    uint64_t timestamp[NONCE_TABLE_SIZE];
    size_t next, used;
    /* Highest timestamp among nonces pushed out of the ring. A message
     * dated at or before it might be a replay we can no longer detect, so
     * it is refused: the table may wrongly reject, never wrongly accept. */
    uint64_t forgotten_until;
};

enum verdict { ACCEPTED, BAD_TAG, REPLAY, STALE, TOO_LARGE, DISCONNECTED };

static const char *const verdict_line[] = {
    "accepted\n", "rejected: bad tag\n", "rejected: replay\n",
    "rejected: stale\n", "rejected: too large\n", ""
};

static int guard_is_replay(const struct replay_guard *g,
                           const unsigned char *nonce, uint64_t timestamp)
{
    size_t i;

    if (timestamp <= g->forgotten_until) {
        return 1;
    }
    /* Nonces are public: a plain comparison leaks nothing. */
    for (i = 0; i < g->used; i++) {
        if (memcmp(g->nonce[i], nonce, WIRE_NONCE_BYTES) == 0) {
            return 1;
        }
    }
    return 0;
}

static void guard_remember(struct replay_guard *g, const unsigned char *nonce,
                           uint64_t timestamp)
{
    if (g->used == NONCE_TABLE_SIZE &&
        g->timestamp[g->next] > g->forgotten_until) {
        g->forgotten_until = g->timestamp[g->next];
    }
    memcpy(g->nonce[g->next], nonce, WIRE_NONCE_BYTES);
    g->timestamp[g->next] = timestamp;
    g->next = (g->next + 1) % NONCE_TABLE_SIZE;
    if (g->used < NONCE_TABLE_SIZE) {
        g->used++;
    }
}

/* Reads one message from fd and judges it. */
static enum verdict receive_message(sock_t fd, const unsigned char *key,
                                    struct replay_guard *g)
{
    /* Header and payload contiguous, as the tag covers them together;
     * static because 64 KiB is a lot of stack for an example to assume. */
    static unsigned char msg[WIRE_HEADER_BYTES + WIRE_MAX_PAYLOAD];
    unsigned char tag[WIRE_TAG_BYTES];
    uint64_t timestamp, now;
    size_t len;

    if (wire_read_full(fd, msg, WIRE_HEADER_BYTES) != 0) {
        return DISCONNECTED;
    }
    len = (size_t)wire_load_be(msg + 8 + WIRE_NONCE_BYTES, 4);
    if (len > WIRE_MAX_PAYLOAD) {
        return TOO_LARGE; /* checked before reading a byte of it */
    }
    if (wire_read_full(fd, msg + WIRE_HEADER_BYTES, len) != 0 ||
        wire_read_full(fd, tag, sizeof tag) != 0) {
        return DISCONNECTED;
    }
    /* Recomputes the tag and compares it in constant time. */
    if (crypto_auth_hmacsha256_verify(tag, msg, WIRE_HEADER_BYTES + len,
                                      key) != 0) {
        return BAD_TAG;
    }
    timestamp = wire_load_be(msg, 8);
    now = (uint64_t)time(NULL);
    if ((timestamp > now ? timestamp - now : now - timestamp) >
        WIRE_FRESHNESS_SECONDS) {
        return STALE;
    }
    if (guard_is_replay(g, msg + 8, timestamp)) {
        return REPLAY;
    }
    guard_remember(g, msg + 8, timestamp);
    return ACCEPTED;
}

/* Parses a decimal number in [0, max]. Returns 0, or -1. */
static int parse_number(const char *s, unsigned long max, unsigned long *out)
{
    char *end;

    if (*s < '0' || *s > '9') {
        return -1;
    }
    *out = strtoul(s, &end, 10);
    return (*end != '\0' || *out > max) ? -1 : 0;
}

/* Binds a listening socket to 127.0.0.1:port and returns it, or
 * SOCK_INVALID. */
static sock_t listen_loopback(unsigned short port, unsigned short *actual)
{
    struct sockaddr_in addr;
    socklen_t addrlen = sizeof addr;
    int one = 1;
    sock_t fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd == SOCK_INVALID) {
        sock_perror("socket");
        return SOCK_INVALID;
    }
    /* Lets a restarted server bind while old connections sit in TIME_WAIT.
     * (Winsock wants a char pointer here; POSIX takes any.) */
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, (const char *)&one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* never the network */
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 ||
        listen(fd, 8) != 0 ||
        getsockname(fd, (struct sockaddr *)&addr, &addrlen) != 0) {
        sock_perror("bind/listen");
        sock_close(fd);
        return SOCK_INVALID;
    }
    *actual = ntohs(addr.sin_port);
    return fd;
}

int main(int argc, char **argv)
{
    static struct replay_guard guard; /* 20 KiB: static, zeroed */
    unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
    const char *key_path = NULL;
    unsigned long port = 0, max = 0, timeout = 60, handled = 0;
    unsigned short actual_port;
    sock_t listener;
    int i;

    for (i = 1; i < argc; i++) {
        int bad;

        if (strcmp(argv[i], "-k") == 0 && i + 1 < argc) {
            key_path = argv[++i];
            bad = 0;
        } else if (strcmp(argv[i], "--max") == 0 && i + 1 < argc) {
            bad = parse_number(argv[++i], 1000000UL, &max);
        } else if (strcmp(argv[i], "--timeout") == 0 && i + 1 < argc) {
            bad = parse_number(argv[++i], 86400UL, &timeout);
        } else {
            bad = parse_number(argv[i], 65535UL, &port);
        }
        if (bad) {
            fprintf(stderr, "usage: %s [PORT] [--max N] [--timeout SECONDS] "
                            "-k KEYFILE\n", argv[0]);
            return 2;
        }
    }
    if (key_path == NULL) {
        fprintf(stderr, "%s: a key file is required (-k KEYFILE)\n", argv[0]);
        return 2;
    }
    if (wire_load_key(key_path, key) != 0) {
        return 1;
    }

    /* A peer that hangs up must not kill the server through SIGPIPE: the
     * failed write is reported and the connection dropped instead. */
    if (sock_startup() != 0) {
        sock_perror("socket startup");
        hmac_memzero(key, sizeof key);
        return 1;
    }
    /* A hard upper bound on its life, whatever a peer does. */
    if (timeout != 0) {
        sock_lifetime((unsigned)timeout);
    }

    listener = listen_loopback((unsigned short)port, &actual_port);
    if (listener == SOCK_INVALID) {
        hmac_memzero(key, sizeof key);
        return 1;
    }
    /* Whoever started us (a test script) reads the port from this line. */
    printf("listening on 127.0.0.1:%u\n", (unsigned)actual_port);
    fflush(stdout);

    while (max == 0 || handled < max) {
        const sock_t conn = accept(listener, NULL, NULL);

        if (conn == SOCK_INVALID) {
            if (sock_retry()) {
                continue;
            }
            sock_perror("accept");
            break;
        }
        /* One connection at a time keeps the example short; a real server
         * would use threads or poll(), sharing key and guard. */
        while (max == 0 || handled < max) {
            const enum verdict v = receive_message(conn, key, &guard);

            if (v == DISCONNECTED) {
                break;
            }
            handled++;
            printf("message %lu: %s", handled, verdict_line[v]);
            fflush(stdout);
            if (wire_write_full(conn, verdict_line[v],
                                strlen(verdict_line[v])) != 0 ||
                v == TOO_LARGE) {
                /* After an oversized header the rest of the stream cannot
                 * be trusted to be framed: drop the connection. */
                break;
            }
        }
        sock_close(conn);
    }
    sock_close(listener);
    hmac_memzero(key, sizeof key);
    return (max != 0 && handled == max) ? 0 : 1;
}
