/*
 * testutil.h - helpers shared by the cmocka suites: hex, files, and
 * readers for the vector formats in tests/vectors.
 */
#ifndef HMAC_TESTUTIL_H
#define HMAC_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

/* Path of a file under tests/vectors (static buffer, valid until the next
 * call). */
const char *tu_vector_path(const char *relative);

/* Reads a whole file into a malloc'd, NUL-terminated buffer; *len gets the
 * length without the NUL. Fails the current test if it cannot. */
char *tu_read_file(const char *path, size_t *len);

/* Decodes hex (any case, even length) into a malloc'd buffer; *len gets
 * the byte count. Fails the current test on bad hex. */
uint8_t *tu_unhex(const char *hex, size_t *len);

/* Decodes exactly n bytes of hex into out; fails the test otherwise. */
void tu_unhex_into(const char *hex, uint8_t *out, size_t n);

/* Fills buf with deterministic pseudo-random bytes from *seed (a simple
 * xorshift: for test inputs only, never for keys). */
void tu_fill_random(uint8_t *buf, size_t len, uint64_t *seed);

/* A deterministic pseudo-random number in [0, bound) from *seed (0 when
 * bound is 0); the same generator as tu_fill_random. */
uint64_t tu_rand_below(uint64_t *seed, uint64_t bound);

/* Record reader for "Name = value" files (NIST CAVP .rsp, the RFC data
 * files): tu_rec_next() fills rec with the fields of the next record
 * (a run of non-blank "Name = value" lines); '[...]' section headers are
 * remembered in rec->section (spaces removed: "[L = 32]" gives "L=32");
 * '#' comment lines are skipped, also inside a record; CRLF is accepted. Returns 1 while there is a record, 0 at the
 * end. Values point into the file buffer and stay valid until
 * tu_rec_close(). */
#define TU_REC_MAX_FIELDS 16
typedef struct {
    char *buf;              /* the file, modified in place */
    char *pos;
    const char *section;    /* e.g. "L=32" from "[L=32]", or "" */
    size_t nfields;
    const char *names[TU_REC_MAX_FIELDS];
    const char *values[TU_REC_MAX_FIELDS];
} tu_rec;

void tu_rec_open(tu_rec *rec, const char *path);
int tu_rec_next(tu_rec *rec);
/* Value of field name in the current record, or NULL. */
const char *tu_rec_get(const tu_rec *rec, const char *name);
/* Like tu_rec_get, but fails the current test when the field is missing. */
const char *tu_rec_need(const tu_rec *rec, const char *name);
void tu_rec_close(tu_rec *rec);

/* Wycheproof JSON reader (MAC and HKDF files): walks tests in order,
 * giving each test's string fields and its group's integer fields.
 * Returns 1 while there is a test, 0 at the end. */
typedef struct {
    char *buf;
    char *pos;
    long group_key_size;    /* "keySize" of the current group, bits */
    long group_tag_size;    /* "tagSize" of the current group, bits (MAC) */
    long tc_id;
    long size;              /* "size" (HKDF output bytes), or -1 */
    const char *key, *msg, *tag, *result;           /* MAC tests */
    const char *ikm, *salt, *info, *okm;            /* HKDF tests */
} tu_wp;

void tu_wp_open(tu_wp *wp, const char *path);
int tu_wp_next(tu_wp *wp);
void tu_wp_close(tu_wp *wp);

/* Runs the cmocka group once per backend set: with hmac_cpu_force(0)
 * (portable cores only) and with hmac_cpu_force(HMAC_CPU_ALL) (whatever
 * the CPU has), printing the backend names each pass exercised. Returns
 * the number of failed tests over both passes (0 when all pass). */
int tu_run_all_backends(const char *name, const struct CMUnitTest *tests,
                        size_t count);
#define TU_RUN_ALL_BACKENDS(name, tests) \
    tu_run_all_backends((name), (tests), sizeof(tests) / sizeof((tests)[0]))

#endif
