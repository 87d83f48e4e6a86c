/*
 * test_long.c - messages past 4 GiB (slow): the 32-bit boundaries of
 * lengths and counters. The input is a 1 MiB pattern repeated 4096 times,
 * then its first 3 bytes (2^32 + 3 bytes in all), fed 1 MiB at a time, and
 * also as one buffer in a single update call (the one-shot functions are
 * that same call between init and final; a pass costs minutes unoptimised,
 * so it is not repeated).
 *
 * Expected digests from Python, streaming the same bytes:
 *   python3 -c "
 *   import hashlib
 *   p = bytes((((i * 167 + 13) ^ (i >> 8)) & 0xff) for i in range(1 << 20))
 *   for name in ('sha256', 'sha512'):
 *       h = hashlib.new(name)
 *       for _ in range(4096): h.update(p)
 *       h.update(p[:3])
 *       print(name, h.hexdigest())"
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "algos.h"
#include "testutil.h"

#define PATTERN_LEN ((size_t)1 << 20)
#define REPEATS 4096u
#define TAIL 3u

static const struct {
    const char *hash, *digest;
} expect[] = {
    {"SHA-256", "5b151438eedcbb924e97bc2cd3e18656b9d831dd33b8868efeb2763c5868a174"},
    {"SHA-512", "d43e109dc6866dbbfc2f589b7de62877c1a93ce693c1586f82c932e0d7bd8b10"
                "c78208e86d5efd6cbd1bd00b45d66a8bcb964ccaf14788879b16aa9bb820a250"},
};

static uint8_t *make_pattern(void)
{
    uint8_t *p = malloc(PATTERN_LEN);
    size_t i;

    assert_non_null(p);
    for (i = 0; i < PATTERN_LEN; i++) {
        p[i] = (uint8_t)((i * 167u + 13u) ^ (i >> 8));
    }
    return p;
}

static void test_stream_4gib(void **unused)
{
    uint8_t *p = make_pattern();
    size_t i;

    (void)unused;
    for (i = 0; i < sizeof expect / sizeof expect[0]; i++) {
        const tu_hash_algo *a = tu_hash_by_name(expect[i].hash);
        uint8_t want[TU_MAX_DIGEST], got[TU_MAX_DIGEST];
        tu_state st;
        unsigned r;

        tu_unhex_into(expect[i].digest, want, a->digest_bytes);
        assert_int_equal(a->init(&st), 0);
        for (r = 0; r < REPEATS; r++) {
            assert_int_equal(a->update(&st, p, PATTERN_LEN), 0);
        }
        assert_int_equal(a->update(&st, p, TAIL), 0);
        assert_int_equal(a->final(&st, got), 0);
        assert_memory_equal(got, want, a->digest_bytes);
    }
    free(p);
}

static void test_single_call_4gib(void **unused)
{
    const unsigned long long total =
        (unsigned long long)PATTERN_LEN * REPEATS + TAIL;
    uint8_t *p, *big;
    size_t i;

    (void)unused;
    if ((unsigned long long)SIZE_MAX < total) {
        print_message("size_t cannot hold %llu bytes: skipped\n", total);
        skip();
    }
    p = make_pattern();
    big = malloc((size_t)total);
    if (big == NULL) {
        free(p);
        fail_msg("cannot allocate %llu bytes", total);
    }
    for (i = 0; i < REPEATS; i++) {
        memcpy(big + i * PATTERN_LEN, p, PATTERN_LEN);
    }
    memcpy(big + (size_t)REPEATS * PATTERN_LEN, p, TAIL);
    free(p);

    for (i = 0; i < sizeof expect / sizeof expect[0]; i++) {
        const tu_hash_algo *a = tu_hash_by_name(expect[i].hash);
        uint8_t want[TU_MAX_DIGEST], got[TU_MAX_DIGEST];
        tu_state st;

        tu_unhex_into(expect[i].digest, want, a->digest_bytes);
        /* One update call with more than 2^32 bytes. */
        memset(got, 0, sizeof got);
        assert_int_equal(a->init(&st), 0);
        assert_int_equal(a->update(&st, big, total), 0);
        assert_int_equal(a->final(&st, got), 0);
        assert_memory_equal(got, want, a->digest_bytes);
    }
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stream_4gib),
        cmocka_unit_test(test_single_call_4gib),
    };

    printf("# backends: sha256=%s sha512=%s\n", hmac_backend_sha256(),
           hmac_backend_sha512());
    return cmocka_run_group_tests_name("long", tests, NULL, NULL);
}
