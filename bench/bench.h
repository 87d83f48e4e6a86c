/*
 * bench.h - the timing harness shared by every benchmark binary.
 *
 * The harness knows nothing about cryptography, so the same code times
 * libhmac, libsodium and OpenSSL. A benchmark is a callback that processes
 * `iters` messages of `size` bytes; the harness picks `iters` so that one
 * round lasts about --target-ms (2), keeps the best of --rounds (40)
 * rounds and prints one CSV line:
 * library,algo,mode,size,ns_per_msg,mb_per_s.
 */
#ifndef HMAC_BENCH_H
#define HMAC_BENCH_H

#include <stddef.h>

/* Chunk size of the streaming mode (update calls of 4 KiB). */
#define BENCH_CHUNK 4096u

/* Largest message size the harness hands to a callback. */
#define BENCH_MAX_SIZE ((size_t)1 << 20)

/* PBKDF2 parameters, the same for every library that has PBKDF2. */
#define BENCH_PBKDF2_ITERATIONS 100000u
#define BENCH_PBKDF2_PASSWORD "correct horse battery staple"
#define BENCH_PBKDF2_SALT "libhmac-bench-salt"

/* Every callback folds one byte of each tag into this, so the compiler
 * cannot drop the work as dead. */
extern volatile unsigned char bench_sink;

/* Processes iters messages of size bytes (input: bench_msg()). */
typedef void (*bench_fn)(void *ctx, size_t size, unsigned long iters);

/* Parses the common options (--rounds, --target-ms, --quick, --sizes,
 * --name, --list-sizes) and fills the message buffer; exits with a usage
 * message on a bad option. default_name is the library column unless
 * --name overrides it. */
void bench_init(int argc, char **argv, const char *default_name);

/* The message buffer: BENCH_MAX_SIZE bytes of a fixed pattern. */
const unsigned char *bench_msg(void);

/* The fixed 32-byte key every library is benchmarked with. */
const unsigned char *bench_key(void);

/* The library column of the CSV. */
const char *bench_library(void);

/* Prints "# name,value" (machine information for run.sh). */
void bench_info(const char *name, const char *value);

/* Length of the message the self-checks hash: spans several 4 KiB
 * chunks and ends mid-block. */
#define BENCH_CHECK_SIZE 10001u

/* Prints "# check,algo,<hex>" so run.sh can check that every library
 * computes the same function (tag of the first BENCH_CHECK_SIZE bytes of
 * the message under bench_key()). */
void bench_check(const char *algo, const unsigned char *tag, size_t len);

/* Aborts the run when two modes of one library disagree on a tag: a
 * benchmark of wrong code is worthless. */
void bench_expect_equal(const char *what, const unsigned char *a,
                        const unsigned char *b, size_t len);

/* Times fn at every selected size and prints one CSV line per size. */
void bench_run(const char *algo, const char *mode, bench_fn fn, void *ctx);

/* Times one call of fn with size fixed (for slow operations such as
 * PBKDF2, where "size" is the output length and mb_per_s is 0). */
void bench_run_one(const char *algo, const char *mode, size_t size,
                   bench_fn fn, void *ctx);

/* ---- many messages per call (issue 10) ----------------------------------
 * A many-message row times batches of n distinct messages of one size
 * (n from --batches, sizes from --many-sizes) and prints mode "<mode>-x<n>"
 * with the time per message (a batch's time / n), so that a loop of
 * single calls and one _many call over the same n messages share a row
 * key but for the mode. */

/* Most messages in one batch. */
#define BENCH_MAX_BATCH 32u

/* Processes iters batches of the n messages bench_many_msgs(size, n). */
typedef void (*bench_many_fn)(void *ctx, size_t size, size_t n,
                              unsigned long iters);

/* n distinct messages of size bytes each (size <= BENCH_MAX_SIZE, n <=
 * BENCH_MAX_BATCH), one after another in one pool of varied bytes, and
 * their lengths. Valid until the process ends. */
const unsigned char *const *bench_many_msgs(size_t size, size_t n);
const size_t *bench_many_lens(size_t size, size_t n);

/* Times fn for every selected batch count and many-message size (none
 * with --no-many) and prints one CSV line per pair. */
void bench_run_many(const char *algo, const char *mode, bench_many_fn fn,
                    void *ctx);

#endif
