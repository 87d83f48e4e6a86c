/*
 * test_threads.c - many threads hashing at once from a cold start.
 *
 * The library's only global mutable state is the cached CPU probe in
 * cpu.c, filled by whichever call comes first. This test makes that first
 * call race: the process calls nothing in libhmac before NTHREADS threads,
 * released together by a barrier, start hashing. Each thread records its
 * results; only after they have all been joined does the main thread
 * recompute every result alone and compare (computing the expected values
 * first would fill the cache and take the race away).
 *
 * The many-message API runs in every thread as well (its lane kernels
 * are chosen from the same cache).
 *
 * Built with pthreads; .ci/sanitizers.sh also runs it under
 * ThreadSanitizer, which must stay silent.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "algos.h"
#include "testutil.h"

#define NTHREADS 8
#define ROUNDS 3
#define MAX_MSG 4103 /* a few blocks plus a partial one */

static const size_t msg_lens[] = {0, 1, 55, 64, 111, 128, 129, 1000, MAX_MSG};
#define NLENS (sizeof msg_lens / sizeof msg_lens[0])

/* Every output one thread produces, per round. Sized for the largest
 * table (rows may be added to algos.c). */
#define MAX_ROWS 8
typedef struct {
    uint8_t hash[MAX_ROWS][NLENS][TU_MAX_DIGEST];
    uint8_t oneshot[MAX_ROWS][NLENS][TU_MAX_DIGEST];
    uint8_t stream[MAX_ROWS][NLENS][TU_MAX_DIGEST];
    int verify_ok[MAX_ROWS][NLENS];
    /* The same messages through the many-message API, all at once. */
    uint8_t hash_many[MAX_ROWS][NLENS * TU_MAX_DIGEST];
    uint8_t oneshot_many[MAX_ROWS][NLENS * TU_MAX_DIGEST];
    int verify_many_ok[MAX_ROWS];
} results;

/* The many-message functions, by row name (algos.h has no column for
 * them); the lane kernels they reach share the cached probe too. */
static const struct {
    const char *name;
    int (*fn)(unsigned char *, const unsigned char *const[], const size_t[],
              size_t);
} hash_many_fns[] = {
    {"SHA-256", hmac_hash_sha256_many}, {"SHA-512", hmac_hash_sha512_many},
    {"SHA-224", hmac_hash_sha224_many}, {"SHA-384", hmac_hash_sha384_many},
};
static const struct {
    const char *name;
    int (*fn)(unsigned char *, const unsigned char *const[], const size_t[],
              size_t, const unsigned char *);
    int (*verify)(int[], const unsigned char *, const unsigned char *const[],
                  const size_t[], size_t, const unsigned char *);
} hmac_many_fns[] = {
    {"HMAC-SHA-256", hmac_auth_hmacsha256_many,
     hmac_auth_hmacsha256_verify_many},
    {"HMAC-SHA-512", hmac_auth_hmacsha512_many,
     hmac_auth_hmacsha512_verify_many},
    {"HMAC-SHA-512-256", hmac_auth_hmacsha512256_many,
     hmac_auth_hmacsha512256_verify_many},
    {"HMAC-SHA-224", hmac_auth_hmacsha224_many,
     hmac_auth_hmacsha224_verify_many},
    {"HMAC-SHA-384", hmac_auth_hmacsha384_many,
     hmac_auth_hmacsha384_verify_many},
};
#define NELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* A reusable-once barrier from a mutex and a condition variable
 * (pthread_barrier_t is optional in POSIX and missing on macOS). */
typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    unsigned waiting;
} start_gate;

static start_gate gate = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                          0};

static void gate_wait(start_gate *g)
{
    pthread_mutex_lock(&g->lock);
    if (++g->waiting == NTHREADS) {
        pthread_cond_broadcast(&g->cond);
    } else {
        while (g->waiting < NTHREADS) {
            pthread_cond_wait(&g->cond, &g->lock);
        }
    }
    pthread_mutex_unlock(&g->lock);
}

static uint8_t message[MAX_MSG];
static uint8_t keys[NTHREADS][200];

typedef struct {
    unsigned id;
    results res[ROUNDS];
    const char *backend256, *backend512;
} worker;

/* Each thread keys its HMACs with its own key length, so short, block-
 * sized and hashed keys all run concurrently. */
static size_t thread_keylen(unsigned id)
{
    static const size_t lens[NTHREADS] = {0, 1, 32, 64, 65, 128, 129, 200};
    return lens[id];
}

/* Computes everything one thread computes. Called by the workers (in
 * parallel) and by the main thread (alone, afterwards). Returns -1 if a
 * call failed, which no correct call here should. */
static int compute(unsigned id, results *r)
{
    const uint8_t *key = keys[id];
    size_t keylen = thread_keylen(id);
    size_t i, l;
    int rc = 0;

    memset(r, 0, sizeof *r);
    for (l = 0; l < NLENS; l++) {
        size_t len = msg_lens[l];

        for (i = 0; i < tu_nhashes; i++) {
            rc |= tu_hashes[i].oneshot(r->hash[i][l], message, len);
        }
        for (i = 0; i < tu_nhmacs; i++) {
            const tu_hmac_algo *a = &tu_hmacs[i];
            tu_state st;
            size_t half = len / 2;

            /* The one-shot API takes a key_bytes key: the thread's key
             * bytes, whatever its streaming key length. */
            rc |= a->oneshot(r->oneshot[i][l], message, len, key);
            r->verify_ok[i][l] = a->verify(r->oneshot[i][l], message, len, key);
            rc |= a->init(&st, key, keylen);
            rc |= a->update(&st, message, half);
            rc |= a->update(&st, message + half, len - half);
            rc |= a->final(&st, r->stream[i][l]);
        }
    }
    {
        const uint8_t *in[NLENS];
        size_t j;

        for (l = 0; l < NLENS; l++) {
            in[l] = message;
        }
        for (i = 0; i < tu_nhashes; i++) {
            for (j = 0; j < NELEMS(hash_many_fns); j++) {
                if (strcmp(hash_many_fns[j].name, tu_hashes[i].name) == 0) {
                    rc |= hash_many_fns[j].fn(r->hash_many[i], in, msg_lens,
                                              NLENS);
                }
            }
        }
        for (i = 0; i < tu_nhmacs; i++) {
            for (j = 0; j < NELEMS(hmac_many_fns); j++) {
                if (strcmp(hmac_many_fns[j].name, tu_hmacs[i].name) == 0) {
                    rc |= hmac_many_fns[j].fn(r->oneshot_many[i], in,
                                              msg_lens, NLENS, key);
                    r->verify_many_ok[i] = hmac_many_fns[j].verify(
                        NULL, r->oneshot_many[i], in, msg_lens, NLENS, key);
                }
            }
        }
    }
    return rc;
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    unsigned round;

    gate_wait(&gate);
    for (round = 0; round < ROUNDS; round++) {
        if (compute(w->id, &w->res[round]) != 0) {
            return w; /* non-NULL: a call failed */
        }
    }
    w->backend256 = hmac_backend_sha256();
    w->backend512 = hmac_backend_sha512();
    return NULL;
}

static void test_cold_start_race(void **unused)
{
    static worker workers[NTHREADS];
    static results expected;
    pthread_t tid[NTHREADS];
    unsigned t, round;
    uint64_t seed = 2026;

    (void)unused;
    assert_true(tu_nhashes <= MAX_ROWS && tu_nhmacs <= MAX_ROWS);
    tu_fill_random(message, sizeof message, &seed);
    tu_fill_random(&keys[0][0], sizeof keys, &seed);

    for (t = 0; t < NTHREADS; t++) {
        workers[t].id = t;
        assert_int_equal(pthread_create(&tid[t], NULL, worker_main, &workers[t]),
                         0);
    }
    for (t = 0; t < NTHREADS; t++) {
        void *ret = &ret;

        assert_int_equal(pthread_join(tid[t], &ret), 0);
        assert_null(ret);
    }

    /* Only now, single-threaded: the expected values. */
    for (t = 0; t < NTHREADS; t++) {
        size_t i, l;

        assert_int_equal(compute(t, &expected), 0);
        for (round = 0; round < ROUNDS; round++) {
            assert_memory_equal(&workers[t].res[round], &expected,
                                sizeof expected);
        }
        for (i = 0; i < tu_nhmacs; i++) {
            for (l = 0; l < NLENS; l++) {
                assert_int_equal(expected.verify_ok[i][l], 0);
                assert_memory_equal(
                    expected.oneshot_many[i] + l * tu_hmacs[i].tag_bytes,
                    expected.oneshot[i][l], tu_hmacs[i].tag_bytes);
            }
            assert_int_equal(expected.verify_many_ok[i], 0);
        }
        for (i = 0; i < tu_nhashes; i++) {
            for (l = 0; l < NLENS; l++) {
                assert_memory_equal(
                    expected.hash_many[i] + l * tu_hashes[i].digest_bytes,
                    expected.hash[i][l], tu_hashes[i].digest_bytes);
            }
        }
        assert_string_equal(workers[t].backend256, hmac_backend_sha256());
        assert_string_equal(workers[t].backend512, hmac_backend_sha512());
    }
    print_message("backends after the race: sha256=%s sha512=%s\n",
                  hmac_backend_sha256(), hmac_backend_sha512());
}

int main(void)
{
    /* No TU_RUN_ALL_BACKENDS here: hmac_cpu_force() would fill the probe
     * cache before the threads start. The default backends are exercised;
     * HMAC_BACKEND=portable in the environment runs the portable ones. */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cold_start_race),
    };

    return cmocka_run_group_tests_name("threads", tests, NULL, NULL);
}
