/*
 * sign_request.c - authenticating HTTP API requests with HMAC-SHA-256.
 *
 * The client signs a canonical string built from the parts of the request
 * an attacker would like to change:
 *
 *     METHOD \n PATH \n TIMESTAMP \n hex(SHA-256(body))
 *
 * and sends hex(HMAC-SHA-256(key, canonical)) in an X-Signature header,
 * with the timestamp in X-Timestamp. The server rebuilds the same string
 * from what it received, recomputes the tag, and also refuses requests
 * whose timestamp is outside a window, so a captured request cannot be
 * replayed next week (a nonce table, as in server.c, closes the window).
 *
 * Two ways to verify are shown: the one-shot crypto_auth_hmacsha256_verify
 * (32-byte key), and the "key once, copy the state per request" pattern a
 * busy server uses to skip re-keying on every request.
 *
 * Exit status: 0 if every request got the expected accept/reject verdict.
 */
#include <hmac.h>
#include <stdio.h>
#include <string.h>


#define WINDOW_SECONDS 300
#define CANONICAL_MAX 1024
#define TAG_HEX_LEN (2 * crypto_auth_hmacsha256_BYTES)

/* What reaches the server: the request line, two headers and the body. */
struct request {
    const char *method;
    const char *path;
    long long timestamp; /* X-Timestamp, seconds since the epoch */
    const char *body;
    char signature[TAG_HEX_LEN + 1]; /* X-Signature */
};

/* Builds the canonical string into out[0..CANONICAL_MAX) and returns its
 * length, or 0 if it does not fit or a field holds a newline (which would
 * let "GET\n/a" and "GET" + "\n/a" sign the same string). */
static size_t canonical_string(char *out, const struct request *r)
{
    unsigned char body_hash[crypto_hash_sha256_BYTES];
    char body_hex[2 * crypto_hash_sha256_BYTES + 1];
    int n;

    if (strchr(r->method, '\n') != NULL || strchr(r->path, '\n') != NULL) {
        return 0;
    }
    /* Hashing the body keeps the signed string short whatever its size. */
    crypto_hash_sha256(body_hash, (const unsigned char *)r->body,
                       strlen(r->body));
    hmac_bin2hex(body_hex, sizeof body_hex, body_hash, sizeof body_hash);
    n = snprintf(out, CANONICAL_MAX, "%s\n%s\n%lld\n%s", r->method, r->path,
                 r->timestamp, body_hex);
    if (n < 0 || n >= CANONICAL_MAX) {
        return 0;
    }
    return (size_t)n;
}

/* Client side: fills r->signature. Returns 0, or -1 on a bad request. */
static int sign_request(struct request *r, const unsigned char *key)
{
    char canonical[CANONICAL_MAX];
    unsigned char tag[crypto_auth_hmacsha256_BYTES];
    size_t len = canonical_string(canonical, r);

    if (len == 0) {
        return -1;
    }
    crypto_auth_hmacsha256(tag, (const unsigned char *)canonical, len, key);
    hmac_bin2hex(r->signature, sizeof r->signature, tag, sizeof tag);
    return 0;
}

/* Decodes the X-Signature header into tag. Returns 0, or -1 unless it is
 * exactly 64 hex digits (either case): with no end pointer, hmac_hex2bin
 * fails on any stray character, and the length check refuses a short tag. */
static int parse_signature(unsigned char *tag, const char *hex)
{
    size_t len;

    if (hmac_hex2bin(tag, crypto_auth_hmacsha256_BYTES, hex, strlen(hex),
                     NULL, &len, NULL) != 0 ||
        len != crypto_auth_hmacsha256_BYTES) {
        return -1;
    }
    return 0;
}

enum verdict { ACCEPTED, BAD_SIGNATURE, STALE };

static const char *verdict_name(enum verdict v)
{
    return v == ACCEPTED ? "accepted"
           : v == STALE  ? "rejected: stale timestamp"
                         : "rejected: bad signature";
}

/* The tag is checked before the timestamp: until the tag verifies, the
 * timestamp is just a number the attacker chose. */
static enum verdict check_freshness(const struct request *r, long long now)
{
    const long long age = now - r->timestamp;

    /* Both directions: a clock far in the future is as suspect as an old
     * one (and would otherwise stay "fresh" for a long time). */
    return (age > WINDOW_SECONDS || age < -WINDOW_SECONDS) ? STALE : ACCEPTED;
}

/* Server, simple form: one-shot verify with the 32-byte key. */
static enum verdict verify_oneshot(const struct request *r,
                                   const unsigned char *key, long long now)
{
    char canonical[CANONICAL_MAX];
    unsigned char tag[crypto_auth_hmacsha256_BYTES];
    size_t len = canonical_string(canonical, r);

    if (len == 0 || parse_signature(tag, r->signature) != 0 ||
        crypto_auth_hmacsha256_verify(tag, (const unsigned char *)canonical,
                                      len, key) != 0) {
        return BAD_SIGNATURE;
    }
    return check_freshness(r, now);
}

/* Server, many-requests form: `keyed` was keyed once at start-up; each
 * request works on a copy (a plain struct assignment), so the key is never
 * processed again. hmac_auth_hmacsha256_final_verify finishes the copy,
 * compares in constant time and wipes only the copy. */
static enum verdict verify_with_keyed_state(
    const struct request *r, const crypto_auth_hmacsha256_state *keyed,
    long long now)
{
    char canonical[CANONICAL_MAX];
    unsigned char tag[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state s;
    size_t len = canonical_string(canonical, r);
    int tag_ok;

    if (len == 0 || parse_signature(tag, r->signature) != 0) {
        return BAD_SIGNATURE;
    }
    s = *keyed;
    crypto_auth_hmacsha256_update(&s, (const unsigned char *)canonical, len);
    /* Never memcmp: the constant-time comparison _verify did above. */
    tag_ok = hmac_auth_hmacsha256_final_verify(&s, tag, sizeof tag) == 0;
    return tag_ok ? check_freshness(r, now) : BAD_SIGNATURE;
}

int main(void)
{
    /* A fixed clock so the example (and its test) is deterministic; a real
     * server would use time(NULL). */
    const long long now = 1700000000LL;
    unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
    crypto_auth_hmacsha256_state keyed;
    struct request good = { "POST", "/v1/orders", 0, "{\"item\":42,\"qty\":1}",
                            "" };
    struct request cases[5];
    static const char *const labels[5] = {
        "as sent", "body changed in transit", "path changed in transit",
        "signed 301 s ago", "signature header mangled"
    };
    static const enum verdict expected[5] = {
        ACCEPTED, BAD_SIGNATURE, BAD_SIGNATURE, STALE, BAD_SIGNATURE
    };
    size_t i;
    int failures = 0;

    crypto_auth_hmacsha256_keygen(key);
    crypto_auth_hmacsha256_init(&keyed, key, sizeof key); /* once */

    good.timestamp = now - 10;
    if (sign_request(&good, key) != 0) {
        fprintf(stderr, "cannot sign the request\n");
        return 1;
    }
    printf("%s %s\nX-Timestamp: %lld\nX-Signature: %s\n\n%s\n\n", good.method,
           good.path, good.timestamp, good.signature, good.body);

    for (i = 0; i < 5; i++) {
        cases[i] = good;
    }
    cases[1].body = "{\"item\":42,\"qty\":100}";
    cases[2].path = "/v1/admin/orders";
    cases[3].timestamp = now - (WINDOW_SECONDS + 1);
    if (sign_request(&cases[3], key) != 0) { /* validly signed, but old */
        return 1;
    }
    cases[4].signature[0] = cases[4].signature[0] == '0' ? '1' : '0';

    for (i = 0; i < 5; i++) {
        const enum verdict a = verify_oneshot(&cases[i], key, now);
        const enum verdict b = verify_with_keyed_state(&cases[i], &keyed, now);
        const int ok = a == expected[i] && b == expected[i];

        printf("%-26s -> %-26s %s\n", labels[i], verdict_name(a),
               ok ? "(as expected)" : "UNEXPECTED");
        if (a != b) {
            printf("    but the keyed-state path said: %s\n", verdict_name(b));
        }
        failures += !ok;
    }

    hmac_memzero(key, sizeof key);
    hmac_memzero(&keyed, sizeof keyed);
    printf("%d unexpected verdict(s)\n", failures);
    return failures == 0 ? 0 : 1;
}
