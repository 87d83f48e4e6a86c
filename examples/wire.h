/*
 * wire.h - the message format shared by server.c and client.c, and the
 * socket chores both need (full reads and writes despite EINTR and short
 * transfers), over sock.h's portable socket calls.
 *
 * A message on the wire:
 *
 *     offset  size  field
 *          0     8  timestamp, seconds since the epoch, big-endian
 *          8    16  nonce, random, never reused by the sender
 *         24     4  payload length, big-endian, at most WIRE_MAX_PAYLOAD
 *         28     n  payload
 *       28+n    32  tag = HMAC-SHA-256(key, bytes 0 .. 28+n)
 *
 * The tag covers the header as well as the payload: otherwise an attacker
 * could re-date a message or give it a fresh nonce to replay it.
 * The server answers each message with one line: "accepted", or
 * "rejected: <reason>".
 */
#ifndef HMAC_EXAMPLE_WIRE_H
#define HMAC_EXAMPLE_WIRE_H

#include <hmac.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "example_util.h"
#include "sock.h"

#define WIRE_NONCE_BYTES 16
#define WIRE_HEADER_BYTES (8 + WIRE_NONCE_BYTES + 4)
#define WIRE_TAG_BYTES crypto_auth_hmacsha256_BYTES
/* A cap on the payload lets the server use a fixed buffer: a peer cannot
 * make it allocate what it announces. */
#define WIRE_MAX_PAYLOAD (64U * 1024U)
#define WIRE_MAX_MESSAGE (WIRE_HEADER_BYTES + WIRE_MAX_PAYLOAD + WIRE_TAG_BYTES)
#define WIRE_FRESHNESS_SECONDS 60

static inline void wire_store_be(unsigned char *p, uint64_t v, size_t bytes)
{
    while (bytes-- > 0) {
        p[bytes] = (unsigned char)(v & 0xff);
        v >>= 8;
    }
}

static inline uint64_t wire_load_be(const unsigned char *p, size_t bytes)
{
    uint64_t v = 0;
    size_t i;

    for (i = 0; i < bytes; i++) {
        v = (v << 8) | p[i];
    }
    return v;
}

/* Moves exactly len bytes between socket s and a buffer: reads into `in`, or
 * writes from `out` (the other one is NULL). A read or write may move fewer
 * bytes than asked for, or be interrupted by a signal before moving any:
 * both are normal, so loop. Returns 0, or -1 on error or end of stream. */
static inline int wire_transfer_full(sock_t s, unsigned char *in,
                                     const unsigned char *out, size_t len)
{
    size_t done = 0;

    while (done < len) {
        const long n = in != NULL ? sock_recv(s, in + done, len - done)
                                  : sock_send(s, out + done, len - done);

        if (n < 0 && sock_retry()) {
            continue;
        }
        if (n <= 0) {
            return -1;
        }
        done += (size_t)n;
    }
    return 0;
}

static inline int wire_read_full(sock_t s, void *buf, size_t len)
{
    return wire_transfer_full(s, (unsigned char *)buf, NULL, len);
}

static inline int wire_write_full(sock_t s, const void *buf, size_t len)
{
    return wire_transfer_full(s, NULL, (const unsigned char *)buf, len);
}

/* Loads the shared key: a file of exactly 32 raw bytes (for instance from
 * `head -c 32 /dev/urandom`). Returns 0, or -1 with a message on stderr. */
static inline int wire_load_key(const char *path,
                                unsigned char key[crypto_auth_hmacsha256_KEYBYTES])
{
    unsigned char buf[crypto_auth_hmacsha256_KEYBYTES + 1];
    size_t len = 0;
    int ok = 0;

    /* One byte of room more than a key, to tell "too long" from "right". */
    if (example_read_file(path, buf, sizeof buf, &len) == 0) {
        ok = len == crypto_auth_hmacsha256_KEYBYTES;
        if (!ok) {
            fprintf(stderr, "%s: a key file must hold exactly %u bytes\n",
                    path, (unsigned)crypto_auth_hmacsha256_KEYBYTES);
        }
    }
    if (ok) {
        memcpy(key, buf, crypto_auth_hmacsha256_KEYBYTES);
    }
    hmac_memzero(buf, sizeof buf);
    return ok ? 0 : -1;
}

#endif
