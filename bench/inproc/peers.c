/*
 * peers.c - issue 11's single-stream rows in one process: libhmac (old
 * commit and working tree, prefixed o_ and n_) against OpenSSL's HMAC()
 * over one message, and the portable compression functions against
 * libsodium's SHA-2 (portable C too), alternating call by call, best
 * time of the rounds. Separate processes on a shared machine drift by
 * 5-15%; alternation in one process cancels most of that.
 *
 * Rows: HMAC-SHA-256 and HMAC-SHA-512 of `bytes` bytes (32-byte key),
 * OpenSSL's time over libhmac's (above 1: libhmac faster); then the
 * portable SHA-256 and SHA-512 blocks (sha*_compress_portable over 64
 * KiB in cache) against crypto_hash_sha* of 64 KiB, per block.
 * bench/inproc/ab.sh --peers builds it.
 */
#if !defined(__x86_64__) && !defined(__i386__)
#  error "peers.c counts TSC ticks (x86)"
#endif
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <x86intrin.h>

typedef int auth_fn(unsigned char *, const unsigned char *,
                    unsigned long long, const unsigned char *);
auth_fn o_crypto_auth_hmacsha256, n_crypto_auth_hmacsha256;
auth_fn o_crypto_auth_hmacsha512, n_crypto_auth_hmacsha512;
void o_sha256_compress_portable(uint32_t *, const uint8_t *, size_t);
void n_sha256_compress_portable(uint32_t *, const uint8_t *, size_t);
void o_sha512_compress_portable(uint64_t *, const uint8_t *, size_t);
void n_sha512_compress_portable(uint64_t *, const uint8_t *, size_t);

#define NV 3 /* old, new, peer */
#define PBYTES 65536 /* the portable rows' message */

static unsigned char key[32], out[64];
static uint32_t s256[8];
static uint64_t s512[8];

/* One call of variant w (0 old, 1 new, 2 peer) of row (portable, a:
 * SHA-256 or SHA-512) on buf; its time in ticks per call or block. */
static double one(int portable, int a, int w, const uint8_t *buf,
                  size_t bytes)
{
    size_t nb = PBYTES / (a ? 128 : 64);
    unsigned int olen;
    uint64_t t0 = __rdtsc();

    if (!portable) {
        if (w == 2) {
            (void)HMAC(a ? EVP_sha512() : EVP_sha256(), key, (int)sizeof key,
                       buf, bytes, out, &olen);
        } else if (a) {
            (void)(w ? n_crypto_auth_hmacsha512
                     : o_crypto_auth_hmacsha512)(out, buf, bytes, key);
        } else {
            (void)(w ? n_crypto_auth_hmacsha256
                     : o_crypto_auth_hmacsha256)(out, buf, bytes, key);
        }
        return (double)(__rdtsc() - t0);
    }
    if (w == 2) {
        /* the same blocks plus one of padding */
        (void)(a ? crypto_hash_sha512 : crypto_hash_sha256)(out, buf, PBYTES);
        return (double)(__rdtsc() - t0) / (double)(nb + 1);
    }
    if (a) {
        (w ? n_sha512_compress_portable : o_sha512_compress_portable)(s512, buf,
                                                                     nb);
    } else {
        (w ? n_sha256_compress_portable : o_sha256_compress_portable)(s256, buf,
                                                                     nb);
    }
    return (double)(__rdtsc() - t0) / (double)nb;
}

static void row(const char *name, size_t bytes, const double best[NV])
{
    printf("%-24s %8zu %12.1f %12.1f %12.1f %8.3f %8.3fx %8.3fx\n", name,
           bytes, best[0], best[1], best[2], best[1] / best[0],
           best[2] / best[0], best[2] / best[1]);
}

int main(int argc, char **argv)
{
    static const char *const names[2][2] = {
        {"HMAC-SHA-256 vs OpenSSL", "HMAC-SHA-512 vs OpenSSL"},
        {"portable SHA-256 block", "portable SHA-512 block"}};
    int rounds = argc > 1 ? atoi(argv[1]) : 100;
    size_t bytes = argc > 2 ? (size_t)strtoull(argv[2], NULL, 10) : 1 << 20;
    size_t len, i;
    uint8_t *buf;
    int p, a, r, v;

    len = bytes > PBYTES ? bytes : PBYTES;
    if (rounds < 1 || bytes < 1 || sodium_init() < 0 ||
        (buf = malloc(len)) == NULL) {
        fprintf(stderr, "usage: peers [ROUNDS] [BYTES]\n");
        return 2;
    }
    for (i = 0; i < len; i++) {
        buf[i] = (uint8_t)(i * 131 + (i >> 9));
    }
    for (i = 0; i < sizeof key; i++) {
        key[i] = (uint8_t)i;
    }
    printf("# best of %d rounds, old, new and peer alternating; ticks per "
           "call (HMAC) or per block (portable)\n", rounds);
    printf("%-24s %8s %12s %12s %12s %8s %9s %9s\n", "row", "bytes", "old",
           "new", "peer", "new/old", "peer/old", "peer/new");
    for (p = 0; p < 2; p++) {
        for (a = 0; a < 2; a++) {
            double best[NV] = {1e300, 1e300, 1e300};

            for (r = 0; r < rounds; r++) {
                for (v = 0; v < NV; v++) {
                    int w = (v + r) % NV; /* each variant first in turn */
                    double t = one(p, a, w, buf, bytes);

                    if (t < best[w]) {
                        best[w] = t;
                    }
                }
            }
            row(names[p][a], p ? (a ? 128u : 64u) : bytes, best);
        }
    }
    /* Keeps the results live. */
    printf("# sink %u\n", (unsigned)(out[0] ^ s256[0] ^ (uint32_t)s512[0]));
    free(buf);
    return 0;
}
