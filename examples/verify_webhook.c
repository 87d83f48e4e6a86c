/*
 * verify_webhook.c - checking webhook signatures the way GitHub and Stripe
 * send them.
 *
 * GitHub: the header X-Hub-Signature-256 is "sha256=" followed by the hex
 * of HMAC-SHA-256(secret, raw body). Checked here against GitHub's own
 * published example (docs.github.com, "Validating webhook deliveries":
 * secret "It's a Secret to Everybody", payload "Hello, World!").
 *
 * Stripe: the header Stripe-Signature is "t=TIMESTAMP,v1=HEX[,v1=HEX...]"
 * where each v1 is HMAC-SHA-256(secret, TIMESTAMP "." raw body). While a
 * secret is being rolled, Stripe sends one v1 per active secret, so any
 * v1 may match; other schemes (v0) are ignored. The timestamp is signed,
 * and a delivery older (or newer) than a tolerance window is refused, so
 * a captured one cannot be replayed later. The Stripe-style vectors below
 * were computed with Python's hmac module (the command is in main).
 *
 * What the example shows:
 *  - the secret is any length, so the tag is computed with _init/_update
 *    and compared by hmac_auth_hmacsha256_final_verify, in constant time;
 *  - the received hex is decoded with hmac_hex2bin (exactly 64 digits,
 *    either case) and compared as bytes: never compare the hex strings
 *    with strcmp or ==, which stops at the first differing character and
 *    so tells an attacker, by timing, how much of a forged tag is right;
 *  - the signature is checked before anything else in the request is
 *    trusted, the timestamp included.
 *
 * Exit status: 0 if every delivery got the expected verdict.
 */
#include <hmac.h>
#include <stdio.h>
#include <string.h>

#define TOLERANCE_SECONDS 300
#define SIG_BYTES crypto_auth_hmacsha256_BYTES
#define MAX_SIGNATURES 8

enum verdict { ACCEPTED, MALFORMED, BAD_SIGNATURE, STALE };

static const char *verdict_name(enum verdict v)
{
    switch (v) {
    case ACCEPTED:
        return "accepted";
    case MALFORMED:
        return "rejected: malformed header";
    case BAD_SIGNATURE:
        return "rejected: bad signature";
    default:
        return "rejected: stale timestamp";
    }
}

/* Decodes text[0..len), which must be exactly 64 hex digits, into tag.
 * Returns 0, or -1 (short, long, or a character that is not hex): with no
 * end pointer hmac_hex2bin fails on a stray character, and a tag longer
 * than tag[] fails with ERANGE. */
static int parse_hex_tag(unsigned char tag[SIG_BYTES], const char *text,
                         size_t len)
{
    size_t n;

    if (hmac_hex2bin(tag, SIG_BYTES, text, len, NULL, &n, NULL) != 0 ||
        n != SIG_BYTES) {
        return -1;
    }
    return 0;
}

/* ---- GitHub: X-Hub-Signature-256: sha256=<hex> -------------------------- */

static enum verdict verify_github(const char *header, const char *body,
                                  const char *secret)
{
    static const char prefix[] = "sha256=";
    const size_t plen = sizeof prefix - 1;
    unsigned char tag[SIG_BYTES];
    crypto_auth_hmacsha256_state st;

    if (strncmp(header, prefix, plen) != 0 ||
        parse_hex_tag(tag, header + plen, strlen(header + plen)) != 0) {
        return MALFORMED;
    }
    crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret,
                                strlen(secret));
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)body,
                                  strlen(body));
    /* Finishes, compares in constant time, wipes st. */
    return hmac_auth_hmacsha256_final_verify(&st, tag, sizeof tag) == 0
               ? ACCEPTED
               : BAD_SIGNATURE;
}

/* ---- Stripe: Stripe-Signature: t=<ts>,v1=<hex>[,v1=<hex>...] ------------- */

struct stripe_header {
    const char *t;   /* the timestamp's digits as sent (they are signed) */
    size_t t_len;
    long long t_value;
    size_t n_sigs;
    unsigned char sigs[MAX_SIGNATURES][SIG_BYTES];
    int sig_ok[MAX_SIGNATURES]; /* 0: not 64 hex digits, matches nothing */
};

/* Parses "t=...,v1=...,...". Returns 0, or -1 when malformed: an item
 * without '=', no t or two of them, a t that is not 1 to 18 digits, no v1,
 * or more v1 than we keep. */
static int parse_stripe(const char *h, struct stripe_header *out)
{
    const char *p = h;
    int have_t = 0;

    out->n_sigs = 0;
    for (;;) {
        const char *comma = strchr(p, ',');
        const size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
        const char *eq = memchr(p, '=', len);
        size_t klen, vlen, i;
        const char *value;

        if (eq == NULL || eq == p) {
            return -1;
        }
        klen = (size_t)(eq - p);
        value = eq + 1;
        vlen = len - klen - 1;
        if (klen == 1 && p[0] == 't') {
            if (have_t || vlen == 0 || vlen > 18) {
                return -1;
            }
            out->t_value = 0;
            for (i = 0; i < vlen; i++) {
                if (value[i] < '0' || value[i] > '9') {
                    return -1;
                }
                out->t_value = out->t_value * 10 + (value[i] - '0');
            }
            out->t = value;
            out->t_len = vlen;
            have_t = 1;
        } else if (klen == 2 && memcmp(p, "v1", 2) == 0) {
            if (out->n_sigs == MAX_SIGNATURES) {
                return -1;
            }
            out->sig_ok[out->n_sigs] =
                parse_hex_tag(out->sigs[out->n_sigs], value, vlen) == 0;
            out->n_sigs++;
        } /* other schemes (v0, ...) are not ours to check */
        if (comma == NULL) {
            break;
        }
        p = comma + 1;
    }
    return have_t && out->n_sigs > 0 ? 0 : -1;
}

/* Accepts when some v1 is the signature under one of the secrets (old and
 * new while rolling) and the timestamp is within the tolerance of now. */
static enum verdict verify_stripe(const char *header, const char *body,
                                  const char *const *secrets,
                                  size_t n_secrets, long long now)
{
    struct stripe_header h;
    crypto_auth_hmacsha256_state keyed, st;
    long long age;
    size_t s, i;
    int matched = 0;

    if (parse_stripe(header, &h) != 0) {
        return MALFORMED;
    }
    for (s = 0; s < n_secrets; s++) {
        crypto_auth_hmacsha256_init(&keyed, (const unsigned char *)secrets[s],
                                    strlen(secrets[s]));
        crypto_auth_hmacsha256_update(&keyed, (const unsigned char *)h.t,
                                      h.t_len);
        crypto_auth_hmacsha256_update(&keyed, (const unsigned char *)".", 1);
        crypto_auth_hmacsha256_update(&keyed, (const unsigned char *)body,
                                      strlen(body));
        /* One copy of the absorbed state per candidate: final_verify
         * consumes (and wipes) the copy, never the original. */
        for (i = 0; i < h.n_sigs; i++) {
            st = keyed;
            matched |= h.sig_ok[i] &&
                       hmac_auth_hmacsha256_final_verify(&st, h.sigs[i],
                                                         SIG_BYTES) == 0;
        }
        hmac_memzero(&keyed, sizeof keyed);
    }
    if (!matched) {
        return BAD_SIGNATURE;
    }
    /* Only now is the timestamp known to be the sender's. */
    age = now - h.t_value;
    return age > TOLERANCE_SECONDS || age < -TOLERANCE_SECONDS ? STALE
                                                                : ACCEPTED;
}

/* ---- the deliveries -------------------------------------------------------- */

#define GH_SECRET "It's a Secret to Everybody"
#define GH_SIG "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"

/* python3 -c 'import hmac, hashlib; print(hmac.new(SECRET,
 *     b"1700000000." + BODY, hashlib.sha256).hexdigest())' */
#define ST_OLD "whsec_old_2b8e6f"
#define ST_NEW "whsec_new_9c41d0"
#define ST_T "1700000000"
#define ST_BODY "{\"id\":\"evt_1\",\"type\":\"invoice.paid\"}"
#define ST_SIG_OLD "1bb444f13b782af21d398c0558d15bf1a29bb951f5e869d8f3aca2331a684e6c"
#define ST_SIG_NEW "7b5a0c2a8af3dbd308f6770a026bfad5ed5b08e82766eba6284836c7af38ff60"
#define ST_NOW 1700000100LL

struct github_case {
    const char *what, *header, *body, *secret;
    enum verdict want;
};

struct stripe_case {
    const char *what, *header, *body;
    const char *secrets[2];
    long long now;
    enum verdict want;
};

static const struct github_case github_cases[] = {
    {"GitHub's published example", "sha256=" GH_SIG, "Hello, World!",
     GH_SECRET, ACCEPTED},
    {"upper-case hex (the same bytes)",
     "sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17",
     "Hello, World!", GH_SECRET, ACCEPTED},
    {"changed body", "sha256=" GH_SIG, "Hello, World?", GH_SECRET,
     BAD_SIGNATURE},
    {"wrong secret", "sha256=" GH_SIG, "Hello, World!",
     "It's a secret to everybody", BAD_SIGNATURE},
    {"one bit of the tag flipped",
     "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e16",
     "Hello, World!", GH_SECRET, BAD_SIGNATURE},
    {"truncated to 63 digits",
     "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1",
     "Hello, World!", GH_SECRET, MALFORMED},
    {"truncated to 31 bytes",
     "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e",
     "Hello, World!", GH_SECRET, MALFORMED},
    {"not hex",
     "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1g",
     "Hello, World!", GH_SECRET, MALFORMED},
    {"trailing space", "sha256=" GH_SIG " ", "Hello, World!", GH_SECRET,
     MALFORMED},
    {"another scheme", "sha1=" GH_SIG, "Hello, World!", GH_SECRET, MALFORMED},
};

static const struct stripe_case stripe_cases[] = {
    {"one v1", "t=" ST_T ",v1=" ST_SIG_NEW, ST_BODY, {ST_NEW, NULL}, ST_NOW,
     ACCEPTED},
    {"rolling: old and new v1, new secret",
     "t=" ST_T ",v1=" ST_SIG_OLD ",v1=" ST_SIG_NEW, ST_BODY, {ST_NEW, NULL},
     ST_NOW, ACCEPTED},
    {"rolling: old and new v1, old secret",
     "t=" ST_T ",v1=" ST_SIG_OLD ",v1=" ST_SIG_NEW, ST_BODY, {ST_OLD, NULL},
     ST_NOW, ACCEPTED},
    {"verifier holding both secrets, new v1 only", "t=" ST_T ",v1=" ST_SIG_NEW,
     ST_BODY, {ST_OLD, ST_NEW}, ST_NOW, ACCEPTED},
    {"v0 and v1 (v0 ignored)", "t=" ST_T ",v1=" ST_SIG_NEW ",v0=00", ST_BODY,
     {ST_NEW, NULL}, ST_NOW, ACCEPTED},
    {"wrong secret", "t=" ST_T ",v1=" ST_SIG_OLD ",v1=" ST_SIG_NEW, ST_BODY,
     {"whsec_other_000000", NULL}, ST_NOW, BAD_SIGNATURE},
    {"changed body", "t=" ST_T ",v1=" ST_SIG_NEW,
     "{\"id\":\"evt_1\",\"type\":\"invoice.void\"}", {ST_NEW, NULL}, ST_NOW,
     BAD_SIGNATURE},
    {"timestamp changed (it is signed)", "t=1700000001,v1=" ST_SIG_NEW,
     ST_BODY, {ST_NEW, NULL}, ST_NOW, BAD_SIGNATURE},
    {"stale: 301 s old", "t=" ST_T ",v1=" ST_SIG_NEW, ST_BODY, {ST_NEW, NULL},
     1700000301LL, STALE},
    {"300 s old is still inside the window", "t=" ST_T ",v1=" ST_SIG_NEW,
     ST_BODY, {ST_NEW, NULL}, 1700000300LL, ACCEPTED},
    {"from the future: 301 s ahead", "t=" ST_T ",v1=" ST_SIG_NEW, ST_BODY,
     {ST_NEW, NULL}, 1699999699LL, STALE},
    {"truncated v1",
     "t=" ST_T ",v1=7b5a0c2a8af3dbd308f6770a026bfad5ed5b08e82766eba6284836c7af38ff6",
     ST_BODY, {ST_NEW, NULL}, ST_NOW, BAD_SIGNATURE},
    {"non-hex v1",
     "t=" ST_T ",v1=7b5a0c2a8af3dbd308f6770a026bfad5ed5b08e82766eba6284836c7af38ff6z",
     ST_BODY, {ST_NEW, NULL}, ST_NOW, BAD_SIGNATURE},
    {"only v0", "t=" ST_T ",v0=" ST_SIG_NEW, ST_BODY, {ST_NEW, NULL}, ST_NOW,
     MALFORMED},
    {"no timestamp", "v1=" ST_SIG_NEW, ST_BODY, {ST_NEW, NULL}, ST_NOW,
     MALFORMED},
    {"two timestamps", "t=" ST_T ",t=" ST_T ",v1=" ST_SIG_NEW, ST_BODY,
     {ST_NEW, NULL}, ST_NOW, MALFORMED},
    {"timestamp not a number", "t=17e8,v1=" ST_SIG_NEW, ST_BODY,
     {ST_NEW, NULL}, ST_NOW, MALFORMED},
    {"';' instead of ','", "t=" ST_T ";v1=" ST_SIG_NEW, ST_BODY,
     {ST_NEW, NULL}, ST_NOW, MALFORMED},
    {"empty header", "", ST_BODY, {ST_NEW, NULL}, ST_NOW, MALFORMED},
    {"empty values", "t=,v1=", ST_BODY, {ST_NEW, NULL}, ST_NOW, MALFORMED},
};

int main(void)
{
    size_t i, failed = 0, total = 0;

    for (i = 0; i < sizeof github_cases / sizeof github_cases[0]; i++) {
        const struct github_case *c = &github_cases[i];
        const enum verdict got = verify_github(c->header, c->body, c->secret);

        total++;
        failed += got != c->want;
        printf("%s github: %-44s %s\n", got == c->want ? "ok  " : "FAIL",
               c->what, verdict_name(got));
    }
    for (i = 0; i < sizeof stripe_cases / sizeof stripe_cases[0]; i++) {
        const struct stripe_case *c = &stripe_cases[i];
        const size_t n = c->secrets[1] != NULL ? 2 : 1;
        const enum verdict got =
            verify_stripe(c->header, c->body, c->secrets, n, c->now);

        total++;
        failed += got != c->want;
        printf("%s stripe: %-44s %s\n", got == c->want ? "ok  " : "FAIL",
               c->what, verdict_name(got));
    }
    printf("%lu of %lu deliveries got the expected verdict\n",
           (unsigned long)(total - failed), (unsigned long)total);
    return failed == 0 ? 0 : 1;
}
