/*
 * aws_sigv4.c - AWS Signature Version 4 signing with libhmac, checked
 * against AWS's own test suite.
 *
 * SigV4 needs HMAC with keys that are not 32 bytes ("AWS4" + secret), so
 * it uses the streaming crypto_auth_hmacsha256_init/update/final, which
 * accept keys of any length. The signing key is derived once per day,
 * region and service:
 *
 *     kSecret  = "AWS4" + secret
 *     kDate    = HMAC(kSecret,  "20150830")
 *     kRegion  = HMAC(kDate,    "us-east-1")
 *     kService = HMAC(kRegion,  "service")
 *     kSigning = HMAC(kService, "aws4_request")
 *     signature = hex(HMAC(kSigning, string-to-sign))
 *
 * Usage: aws_sigv4 SUITE_DIR
 *   Walks SUITE_DIR (a copy of the AWS SigV4 test suite, see
 *   aws-sigv4-suite/SOURCES.md), signs every NAME.sts and compares with the
 *   Signature= of NAME.authz, checks SHA-256(NAME.creq) against the last
 *   line of NAME.sts, and checks AWS's published key-derivation examples.
 *   Exits 0 only if every check passed and all 31 tests were found.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "example_util.h"

#define KEY_BYTES crypto_auth_hmacsha256_BYTES
#define HEX_LEN (2 * KEY_BYTES)
#define SUITE_TESTS 31        /* test folders in the AWS suite */
#define SUITE_FILE_MAX 65536  /* the largest suite file is under 1 KiB */
#define PATH_MAX_LEN 4096

/* The AWS suite's parameters (from AWS's suite page). */
static const char suite_secret[] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

/* Tests whose .creq does not hash to the value in .sts in AWS's published
 * files (their .sts, the authority, still signs to .authz). */
static const char *const creq_known_inconsistent[] = {
    "post-x-www-form-urlencoded", "post-x-www-form-urlencoded-parameters"
};

struct sigv4_keys {
    unsigned char date[KEY_BYTES];
    unsigned char region[KEY_BYTES];
    unsigned char service[KEY_BYTES];
    unsigned char signing[KEY_BYTES];
};

struct tally {
    int passed, failed;
    int signatures;    /* .sts -> .authz checks that passed */
    int creq_matches;  /* .creq -> .sts hash checks that passed */
    int creq_known;    /* known upstream inconsistencies seen */
};

/* out = HMAC-SHA-256(key[0..keylen), msg[0..msglen)) for keys of any
 * length, the one primitive SigV4 is built from. */
static void hmac_sha256(unsigned char out[KEY_BYTES], const unsigned char *key,
                        size_t keylen, const void *msg, size_t msglen)
{
    crypto_auth_hmacsha256_state s;

    crypto_auth_hmacsha256_init(&s, key, keylen);
    crypto_auth_hmacsha256_update(&s, (const unsigned char *)msg, msglen);
    crypto_auth_hmacsha256_final(&s, out); /* also wipes s */
}

/* Derives the chain of keys for one day, region and service. Returns 0, or
 * -1 if the secret is unreasonably long. */
static int sigv4_derive(struct sigv4_keys *k, const char *secret,
                        const char *date, const char *region,
                        const char *service)
{
    unsigned char ksecret[4 + 256];
    const size_t secret_len = strlen(secret);

    if (secret_len > sizeof ksecret - 4) {
        return -1;
    }
    memcpy(ksecret, "AWS4", 4);
    memcpy(ksecret + 4, secret, secret_len);
    hmac_sha256(k->date, ksecret, 4 + secret_len, date, strlen(date));
    hmac_sha256(k->region, k->date, KEY_BYTES, region, strlen(region));
    hmac_sha256(k->service, k->region, KEY_BYTES, service, strlen(service));
    hmac_sha256(k->signing, k->service, KEY_BYTES, "aws4_request", 12);
    hmac_memzero(ksecret, sizeof ksecret);
    return 0;
}

/* Writes the lowercase hex signature of sts[0..len) to hex. */
static void sigv4_sign(char hex[HEX_LEN + 1],
                       const unsigned char signing_key[KEY_BYTES],
                       const void *sts, size_t len)
{
    unsigned char sig[KEY_BYTES];

    hmac_sha256(sig, signing_key, KEY_BYTES, sts, len);
    hmac_bin2hex(hex, HEX_LEN + 1, sig, sizeof sig);
}

/* Checks, as a server would, that the hex signature at sig_hex (64 digits,
 * then the end of the header or a separator) is the signature of
 * sts[0..len): decoded with hmac_hex2bin and compared as bytes in constant
 * time, never as strings. Returns 1 if it is. */
static int sigv4_check(const unsigned char signing_key[KEY_BYTES],
                       const void *sts, size_t len, const char *sig_hex)
{
    unsigned char sig[KEY_BYTES], want[KEY_BYTES];
    const char *end;
    size_t n;
    int ok;

    if (hmac_hex2bin(sig, sizeof sig, sig_hex, strlen(sig_hex), NULL, &n,
                     &end) != 0 ||
        n != sizeof sig || strchr(", \r\n", *end) == NULL) {
        return 0; /* short, long, or not hex (strchr finds the final NUL) */
    }
    hmac_sha256(want, signing_key, KEY_BYTES, sts, len);
    ok = crypto_verify_32(want, sig) == 0;
    hmac_memzero(want, sizeof want);
    return ok;
}

/* Counts one check, and prints it when it failed. */
static void record(struct tally *t, int ok, const char *what,
                   const char *name)
{
    if (ok) {
        t->passed++;
    } else {
        t->failed++;
        printf("FAIL %s: %s\n", name, what);
    }
}

/* Checks a computed hex string against a published one. */
static void check_hex_string(struct tally *t, const char *what,
                             const char *hex, const char *expected_hex)
{
    const int ok = strcmp(hex, expected_hex) == 0;

    record(t, ok, "value differs from the published one", what);
    if (ok) {
        printf("ok   %s %s\n", what, hex);
    }
}

/* Checks bytes[0..len) (len <= 64) against published hex. */
static void check_hex(struct tally *t, const char *what,
                      const unsigned char *bytes, size_t len,
                      const char *expected_hex)
{
    char hex[2 * 64 + 1];

    hmac_bin2hex(hex, sizeof hex, bytes, len);
    check_hex_string(t, what, hex, expected_hex);
}

/* AWS's published derivation examples (values in aws-sigv4-suite/
 * SOURCES.md and the project's vectors/SOURCES.md, section 4). */
static void check_published_examples(struct tally *t)
{
    static const char sts_2015[] =
        "AWS4-HMAC-SHA256\n20150830T123600Z\n"
        "20150830/us-east-1/iam/aws4_request\n"
        "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59";
    struct sigv4_keys k;
    char hex[HEX_LEN + 1];
    unsigned char ksecret[4 + sizeof suite_secret - 1];

    /* kSecret is only a concatenation, but checking it catches a wrong
     * secret before the chain hides it. */
    memcpy(ksecret, "AWS4", 4);
    memcpy(ksecret + 4, suite_secret, sizeof suite_secret - 1);
    check_hex(t, "20120215/us-east-1/iam kSecret", ksecret, sizeof ksecret,
              "41575334774a616c725855746e46454d492f4b374d44454e472b6250785266"
              "6943594558414d504c454b4559");

    sigv4_derive(&k, suite_secret, "20120215", "us-east-1", "iam");
    check_hex(t, "20120215/us-east-1/iam kDate", k.date, KEY_BYTES,
              "969fbb94feb542b71ede6f87fe4d5fa29c789342b0f407474670f0c2489e0a0d");
    check_hex(t, "20120215/us-east-1/iam kRegion", k.region, KEY_BYTES,
              "69daa0209cd9c5ff5c8ced464a696fd4252e981430b10e3d3fd8e2f197d7a70c");
    check_hex(t, "20120215/us-east-1/iam kService", k.service, KEY_BYTES,
              "f72cfd46f26bc4643f06a11eabb6c0ba18780c19a8da0c31ace671265e3c87fa");
    check_hex(t, "20120215/us-east-1/iam kSigning", k.signing, KEY_BYTES,
              "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");

    /* "Task 3: Calculate the signature", 2015 version of the page. */
    sigv4_derive(&k, suite_secret, "20150830", "us-east-1", "iam");
    check_hex(t, "20150830/us-east-1/iam kSigning", k.signing, KEY_BYTES,
              "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
    sigv4_sign(hex, k.signing, sts_2015, sizeof sts_2015 - 1);
    check_hex_string(t, "20150830/us-east-1/iam Task 3 signature", hex,
                     "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b"
                     "5924a6f2b5d7");
    hmac_memzero(&k, sizeof k);
}

/* Reads dir/name.ext into buf (NUL-terminated). Returns the length, or -1. */
static long read_suite_file(char *buf, const char *dir, const char *name,
                            const char *ext)
{
    char path[PATH_MAX_LEN];
    size_t len;
    int n = snprintf(path, sizeof path, "%s/%s.%s", dir, name, ext);

    if (n < 0 || (size_t)n >= sizeof path ||
        example_read_file(path, (unsigned char *)buf, SUITE_FILE_MAX - 1,
                          &len) != 0) {
        return -1;
    }
    buf[len] = '\0';
    return (long)len;
}

static int is_known_inconsistent(const char *name)
{
    size_t i;

    for (i = 0; i < sizeof creq_known_inconsistent /
                        sizeof creq_known_inconsistent[0]; i++) {
        if (strcmp(name, creq_known_inconsistent[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Checks one suite test folder dir whose files are called name.*. */
static void check_suite_test(struct tally *t, const unsigned char *signing_key,
                             const char *dir, const char *name)
{
    static char sts[SUITE_FILE_MAX], authz[SUITE_FILE_MAX],
        creq[SUITE_FILE_MAX];
    unsigned char creq_hash[crypto_hash_sha256_BYTES];
    char hex[HEX_LEN + 1];
    const char *expected, *last_line;
    long sts_len, creq_len;
    int sig_ok, creq_ok;

    sts_len = read_suite_file(sts, dir, name, "sts");
    if (sts_len < 0 || read_suite_file(authz, dir, name, "authz") < 0) {
        record(t, 0, "cannot read .sts/.authz", name);
        return;
    }
    /* The signature is over the exact bytes of the string to sign. */
    expected = strstr(authz, "Signature=");
    sig_ok = expected != NULL &&
             sigv4_check(signing_key, sts, (size_t)sts_len, expected + 10);
    record(t, sig_ok, ".sts does not sign to the Signature= of .authz", name);
    t->signatures += sig_ok;

    /* The last line of the string to sign is hex(SHA-256(canonical
     * request)); check that link of the chain too. */
    creq_len = read_suite_file(creq, dir, name, "creq");
    last_line = strrchr(sts, '\n');
    if (creq_len < 0 || last_line == NULL) {
        record(t, 0, "cannot read .creq or parse .sts", name);
        return;
    }
    crypto_hash_sha256(creq_hash, (const unsigned char *)creq,
                       (unsigned long long)creq_len);
    hmac_bin2hex(hex, sizeof hex, creq_hash, sizeof creq_hash);
    creq_ok = strcmp(last_line + 1, hex) == 0;
    if (!creq_ok && is_known_inconsistent(name)) {
        if (sig_ok) {
            printf("ok   %-45s signature; .creq hash differs from .sts "
                   "(known upstream inconsistency)\n", name);
        }
        t->creq_known++;
        return;
    }
    record(t, creq_ok, "SHA-256(.creq) is not the last line of .sts", name);
    t->creq_matches += creq_ok;
    if (sig_ok && creq_ok) {
        printf("ok   %-45s signature, .creq hash\n", name);
    }
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Visits dir and its subdirectories in sorted order; a folder holding
 * NAME.sts, NAME being the folder's own name, is a test (its NAME.authz
 * and NAME.creq must then exist too). */
static void walk_suite(struct tally *t, const unsigned char *signing_key,
                       const char *dir, int depth)
{
    char *names[256];
    size_t count = 0, i;
    DIR *d;
    struct dirent *e;
    const char *base = strrchr(dir, '/');
    char path[PATH_MAX_LEN];
    struct stat st;

    base = base != NULL ? base + 1 : dir;
    if (snprintf(path, sizeof path, "%s/%s.sts", dir, base) < (int)sizeof path &&
        stat(path, &st) == 0) {
        check_suite_test(t, signing_key, dir, base);
    }
    if (depth > 8 || (d = opendir(dir)) == NULL) {
        if (depth == 0) {
            perror(dir); /* the count check below turns this into a failure */
        }
        return;
    }
    while ((e = readdir(d)) != NULL && count < sizeof names / sizeof names[0]) {
        if (e->d_name[0] == '.') {
            continue;
        }
        names[count] = malloc(strlen(e->d_name) + 1);
        if (names[count] == NULL) {
            break;
        }
        strcpy(names[count++], e->d_name);
    }
    closedir(d);
    qsort(names, count, sizeof names[0], compare_names);
    for (i = 0; i < count; i++) {
        int n = snprintf(path, sizeof path, "%s/%s", dir, names[i]);

        if (n > 0 && (size_t)n < sizeof path && stat(path, &st) == 0 &&
            S_ISDIR(st.st_mode)) {
            walk_suite(t, signing_key, path, depth + 1);
        }
        free(names[i]);
    }
}

int main(int argc, char **argv)
{
    struct tally t = { 0, 0, 0, 0, 0 };
    struct sigv4_keys k;
    int complete;

    if (argc != 2) {
        fprintf(stderr, "usage: %s SUITE_DIR\n", argv[0]);
        return 2;
    }

    check_published_examples(&t);

    sigv4_derive(&k, suite_secret, "20150830", "us-east-1", "service");
    check_hex(&t, "suite signing key 20150830/us-east-1/service", k.signing,
              KEY_BYTES,
              "938127b5336810ddb6a5d6af445fcac9e371f9ed418ed386b022aed82901be75");
    walk_suite(&t, k.signing, argv[1], 0);
    hmac_memzero(&k, sizeof k);

    /* A suite that silently lost folders must not pass. */
    complete = t.signatures == SUITE_TESTS &&
               t.creq_matches + t.creq_known == SUITE_TESTS;
    record(&t, complete, "expected 31 suite tests", "suite");
    printf("suite: %d/%d signatures, %d/%d .creq hashes "
           "(%d known upstream inconsistencies)\n",
           t.signatures, SUITE_TESTS, t.creq_matches,
           SUITE_TESTS - t.creq_known, t.creq_known);
    printf("%d passed, %d failed\n", t.passed, t.failed);
    return t.failed == 0 ? 0 : 1;
}
