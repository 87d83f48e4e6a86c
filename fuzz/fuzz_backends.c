/*
 * fuzz_backends.c - the portable cores against the hardware backends:
 * every HMAC (HMAC-SHA-224/256/384/512/512-256; streamed with the
 * fuzzer's key and chunking, and one-shot) and every hash (SHA-224/256/
 * 384/512, streamed) is computed with hmac_cpu_force(0) and again with
 * hmac_cpu_force(HMAC_CPU_ALL) (and, on an AVX-512 CPU, once more with
 * the AVX-512 SHA-512 variant masked off, for the AVX2 one); the results
 * must be identical. With SHA-NI the one-shot HMAC-SHA-224/256 run the
 * fused sha256_hmac_shani, so that path is held to the portable one here.
 * On a CPU (or build) without hardware backends both passes run the
 * portable code and the target says so once at start-up. Input layout:
 * fuzz_common.h.
 */
#include <string.h>

#include "fuzz_common.h"
#include "internal.h" /* hmac_cpu_force: test hook of the static library */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every output for one input, in a fixed order. */
#define OUT_BYTES (FZ_NHMACS * 2 * FZ_MAX_TAG + FZ_NHASHES * 64)

static void compute_all(const fz_input *in, uint8_t out[OUT_BYTES])
{
    uint8_t key32[32];
    fz_state st;
    int a, h;

    memset(out, 0, OUT_BYTES);
    fz_key32(in, key32);
    for (a = 0; a < FZ_NHMACS; a++) {
        fz_hmac_stream((fz_hmac)a, in, out);
        out += FZ_MAX_TAG;
        FZ_CHECK(fz_hmac_oneshot((fz_hmac)a, out, in->msg, in->msglen, key32) == 0);
        out += FZ_MAX_TAG;
    }
    for (h = 0; h < FZ_NHASHES; h++) {
        FZ_CHECK(fz_hash_init((fz_hash)h, &st) == 0);
        fz_hash_feed((fz_hash)h, &st, in);
        FZ_CHECK(fz_hash_final((fz_hash)h, &st, out) == 0);
        out += 64;
    }
}

/* Points fz_current at the output where the two passes first differ, so
 * that the failed check names the algorithm (and one-shot or streamed). */
static void name_first_difference(const uint8_t *x, const uint8_t *y)
{
    static char what[64];
    size_t i = 0, slot;

    while (i < OUT_BYTES && x[i] == y[i]) {
        i++;
    }
    if (i == OUT_BYTES) {
        return;
    }
    if (i < (size_t)FZ_NHMACS * 2 * FZ_MAX_TAG) {
        slot = i / FZ_MAX_TAG;
        snprintf(what, sizeof what, "%s %s", fz_hmac_names[slot / 2],
                 slot % 2 ? "one-shot" : "streamed");
    } else {
        slot = (i - (size_t)FZ_NHMACS * 2 * FZ_MAX_TAG) / 64;
        snprintf(what, sizeof what, "%s streamed", fz_hash_names[slot]);
    }
    fz_current = what;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    unsigned hw = hmac_cpu_force(HMAC_CPU_ALL);

    (void)argc;
    (void)argv;
    fprintf(stderr, "fuzz_backends: hardware sha256=%s sha512=%s%s\n",
            hmac_backend_sha256(), hmac_backend_sha512(),
            hw == 0 ? " (no hardware backend: portable against itself)" : "");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t portable[OUT_BYTES], hardware[OUT_BYTES];
    fz_input in;

    fz_parse(&in, data, size);
    hmac_cpu_force(0);
    compute_all(&in, portable);
    hmac_cpu_force(HMAC_CPU_ALL);
    compute_all(&in, hardware);
    name_first_difference(portable, hardware);
    FZ_CHECK(memcmp(portable, hardware, OUT_BYTES) == 0);
    /* On an AVX-512 CPU the line above ran the AVX-512 SHA-512 variant;
     * the AVX2 one is checked too. */
    if (hmac_cpu_force(HMAC_CPU_ALL) & HMAC_CPU_SHA512_AVX512) {
        hmac_cpu_force(HMAC_CPU_ALL & ~HMAC_CPU_SHA512_AVX512);
        compute_all(&in, hardware);
        name_first_difference(portable, hardware);
        FZ_CHECK(memcmp(portable, hardware, OUT_BYTES) == 0);
        hmac_cpu_force(HMAC_CPU_ALL);
    }
    return 0;
}
