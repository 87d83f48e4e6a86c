/*
 * selftest.c - --selftest: known-answer tests through the same table
 * and streaming code paths that signing uses.
 *
 * Expected values: RFC 4231 section 4.3 (test case 2) and 4.7 (test case
 * 6), cross-checked with Python's hmac module:
 *   python3 -c "import hmac,hashlib; print(hmac.new(b'Jefe',
 *     b'what do ya want for nothing?', hashlib.sha512).hexdigest())"
 * SHA-384 and SHA-224 answers are the RFC's, as in
 * tests/vectors/rfc/rfc-4231-sha{384,224}.txt.
 * HMAC-SHA-512-256 is HMAC-SHA-512 truncated to 32 bytes (libsodium's
 * definition), so its answers are the first 64 hex digits of SHA-512's.
 */
#include "hmacsum.h"

#include <string.h>

typedef struct kat {
    const char *alg;  /* -a name */
    int rfc_case;     /* RFC 4231 test case number */
    const char *hex;  /* expected tag */
} kat;

static const char case2_key[] = "Jefe";
static const char case2_msg[] = "what do ya want for nothing?";
static const char case6_msg[] =
    "Test Using Larger Than Block-Size Key - Hash Key First";

static const kat kats[] = {
    {"sha256", 2,
     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
    {"sha512", 2,
     "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
     "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
    {"sha512256", 2,
     "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"},
    {"sha384", 2,
     "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47"
     "e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649"},
    {"sha224", 2,
     "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44"},
    {"sha256", 6,
     "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
    {"sha512", 6,
     "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
     "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"},
    {"sha512256", 6,
     "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"},
    {"sha384", 6,
     "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f"
     "3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952"},
    {"sha224", 6,
     "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e"},
};

/* Tag of msg under key, fed whole (step 0) or step bytes at a time, so a
 * buffering bug between update calls shows up too. */
static void compute(const hs_alg *alg, const unsigned char *key,
                    size_t keylen, const char *msg, size_t step,
                    unsigned char *tag)
{
    hs_state st;
    size_t len = strlen(msg), off, n;

    (void) alg->init(&st, key, keylen);
    if (step == 0) {
        step = len;
    }
    for (off = 0; off < len; off += n) {
        n = len - off < step ? len - off : step;
        (void) alg->update(&st, (const unsigned char *) msg + off, n);
    }
    (void) alg->final(&st, tag);
}

static int run_kat(const kat *k, FILE *out)
{
    static const size_t steps[] = {0, 1, 7};
    unsigned char key[131];
    unsigned char tag[HS_MAX_TAG_BYTES];
    char hex[HS_MAX_TAG_TEXT];
    const hs_alg *alg = hs_alg_by_name(k->alg);
    const char *msg;
    size_t keylen, i;
    int ok = 1;

    if (alg == NULL) {
        return -1;
    }
    if (k->rfc_case == 2) {
        keylen = strlen(case2_key);
        memcpy(key, case2_key, keylen);
        msg = case2_msg;
    } else {
        keylen = sizeof key; /* 131 bytes of 0xaa: longer than any block */
        memset(key, 0xaa, keylen);
        msg = case6_msg;
    }
    for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        compute(alg, key, keylen, msg, steps[i], tag);
        hs_tag_to_text(hex, tag, alg->bytes, 0);
        if (strcmp(hex, k->hex) != 0) {
            ok = 0;
        }
    }
    fprintf(out, "%s RFC 4231 case %d: %s\n", alg->tag, k->rfc_case,
            ok ? "ok" : "FAILED");
    return ok ? 0 : -1;
}

int hs_selftest(FILE *out)
{
    size_t i, j;
    int failed = 0, covered;

    for (i = 0; i < sizeof kats / sizeof kats[0]; i++) {
        if (run_kat(&kats[i], out) != 0) {
            failed = 1;
        }
    }
    /* Every algorithm in the table must have a known answer. */
    for (i = 0; i < hs_nalgs; i++) {
        covered = 0;
        for (j = 0; j < sizeof kats / sizeof kats[0]; j++) {
            covered |= strcmp(kats[j].alg, hs_algs[i].name) == 0;
        }
        if (!covered) {
            fprintf(out, "%s: no known-answer test\n", hs_algs[i].tag);
            failed = 1;
        }
    }
    fprintf(out, "selftest %s (backends: sha256=%s, sha512=%s)\n",
            failed ? "FAILED" : "passed", hmac_backend_sha256(),
            hmac_backend_sha512());
    return failed ? -1 : 0;
}
