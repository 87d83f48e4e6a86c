/*
 * hmacsum.h - declarations shared by the hmacsum command's files.
 *
 * hmacsum is a user of libhmac's public API only (<hmac.h>). The split
 * follows xxHash's cli/: algorithm table (alg.c), output and escaping
 * (output.c), key loading (key.c), check mode (check.c), built-in
 * known-answer tests (selftest.c), and everything that touches the
 * operating system (os_posix.c, behind os.h).
 */
#ifndef HMACSUM_H
#define HMACSUM_H

#include <stddef.h>
#include <stdio.h>

#include <hmac.h>

/* Exit statuses (documented in hmacsum.1). */
#define HS_EXIT_OK 0
#define HS_EXIT_FAIL 1  /* mismatch, unreadable file, malformed (--strict) */
#define HS_EXIT_USAGE 2 /* bad usage, or no usable key */

/* Largest tag of any algorithm in the table (HMAC-SHA-512). */
#define HS_MAX_TAG_BYTES 64U
/* Room for the text of the largest tag: hex is the longer encoding. */
#define HS_MAX_TAG_TEXT (2U * HS_MAX_TAG_BYTES + 1U)
/* Largest key --keygen writes. */
#define HS_MAX_KEYGEN_BYTES 64U
/* Longest sum-file line -c reads (without its newline): a longer one is
 * improperly formatted, so an endless line costs constant memory. Far
 * above any real line: a 4096-byte path, all escaped, plus a tag. */
#define HS_MAX_LINE 65536U
#define HS_MAX_LINE_TEXT "65536"
/* Size of the streaming buffer: constant memory whatever the input size. */
#define HS_IO_BUF_BYTES (64U * 1024U)
/* Window of a regular file that many.c maps at a time instead of
 * read()ing it (a multiple of every page size). */
#define HS_MAP_BYTES (2U * 1024U * 1024U)
/* Windows at least this long are paged in by the prefault helper beside
 * the hashing (os_posix.c); shorter ones are paged in when mapped. With
 * the helper, 100 files took 0.96x the time at 512 KiB and 0.91x just
 * under 1 MiB, but 200 files of 256 KiB 1.09x (AMD Zen 4). */
#define HS_PREFAULT_MIN_BYTES (512U * 1024U)
/* Files hashed side by side (many.c): one HS_IO_BUF_BYTES buffer each. */
#define HS_MANY_LANES 16U
/* Files queued ahead of the oldest one not yet reported (many.c). */
#define HS_MANY_WINDOW 64U

/* One keyed HMAC state big enough for every algorithm in the table. */
typedef union hs_state {
    crypto_auth_hmacsha256_state s256; /* also HMAC-SHA-224's */
    crypto_auth_hmacsha512_state s512; /* also HMAC-SHA-512-256's, -384's */
} hs_state;

/* One HMAC algorithm as the command sees it. */
typedef struct hs_alg {
    const char *name;      /* -a value, e.g. "sha256" */
    const char *tag;       /* --tag / BSD form name, e.g. "HMAC-SHA256" */
    size_t bytes;          /* tag length in bytes */
    size_t keygen_bytes;   /* key length --keygen writes */
    int (*init)(hs_state *st, const unsigned char *key, size_t keylen);
    int (*update)(hs_state *st, const unsigned char *in, size_t len);
    int (*final)(hs_state *st, unsigned char *out);
    void (*keygen)(unsigned char *key);
    /* update and final of n <= HS_MANY_LANES states in one call
     * (libhmac's _update_many/_final_many; out gets n tags back to back) */
    int (*update_many)(hs_state *const st[], const unsigned char *const in[],
                       const size_t len[], size_t n);
    int (*final_many)(hs_state *const st[], unsigned char *out, size_t n);
} hs_alg;

/* A key held in memory; always released with hs_key_free (which wipes). */
typedef struct hs_key {
    unsigned char *buf;
    size_t len;
    size_t cap;
} hs_key;

/* ---- alg.c ---- */
/* The algorithm table and its length. The first entry is the default. */
extern const hs_alg hs_algs[];
extern const size_t hs_nalgs;
/* The entry whose -a name is name, or NULL. */
const hs_alg *hs_alg_by_name(const char *name);
/* 1 if a[0..n) equals b[0..n), else 0, in time independent of the bytes. */
int hs_ct_equal(const unsigned char *a, const unsigned char *b, size_t n);

/* ---- many.c ---- */
/* One file queued for hashing, and its result once finished. */
typedef struct hs_many_file {
    const hs_alg *alg;
    const char *path; /* the name opened (hs_open_input), NUL-terminated */
    size_t path_len;
    char *owned;      /* path's copy, freed once reported, or NULL */
    unsigned char expect[HS_MAX_TAG_BYTES]; /* check mode: the listed tag */
    unsigned char tag[HS_MAX_TAG_BYTES];    /* the computed tag (err == 0) */
    int err;          /* 0, or the errno of the failed open or read */
    int fd;
    int finished;
} hs_many_file;
/* Called once per queued file, in queue order, when it is finished. */
typedef void (*hs_many_done)(void *ctx, const hs_many_file *f);
/* Many files hashed side by side (see many.c); one at a time per process,
 * as the chunk buffers are shared. */
typedef struct hs_many {
    const hs_key *key;
    hs_many_done done;
    void *ctx;
    hs_many_file window[HS_MANY_WINDOW]; /* a ring, oldest at head */
    size_t head, count, admitted;        /* admitted: opened or failed */
    hs_many_file *lane[HS_MANY_LANES];   /* the file in each lane, or NULL */
    hs_state st[HS_MANY_LANES];
    size_t active;
    int stdin_busy;
} hs_many;
/* Starts an empty queue hashing with key and reporting through done. */
void hs_many_init(hs_many *m, const hs_key *key, hs_many_done done,
                  void *ctx);
/* Queues path[0..path_len) for HMAC-alg (expect: the tag to hand back
 * to done, or NULL). copy: the name is copied (the caller reuses its
 * buffer); otherwise it must stay valid until hs_many_finish. May hash
 * and report earlier files first; "-" is finished before this returns. */
void hs_many_add(hs_many *m, const hs_alg *alg, const char *path,
                 size_t path_len, int copy, const unsigned char *expect);
/* Hashes and reports every queued file. */
void hs_many_finish(hs_many *m);

/* ---- output.c ---- */
/* The command name used as the prefix of every message. */
extern const char *hs_progname;
/* Prints "hmacsum: <formatted message>\n" on stderr. */
void hs_error(const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* Writes tag[0..len) (len <= HS_MAX_TAG_BYTES) as lowercase hex, or as
 * padded base64 if base64, and a NUL to text (HS_MAX_TAG_TEXT bytes). */
void hs_tag_to_text(char *text, const unsigned char *tag, size_t len,
                    int base64);
/* Decodes a len-byte tag from text[0..text_len): hex (either case) when
 * text_len is 2*len, padded base64 when it is base64's length. Returns 0,
 * or -1 for any other length or a character out of place. */
int hs_tag_from_text(unsigned char *tag, size_t len, const char *text,
                     size_t text_len);
/* Flushes stdout at exit. Returns 0, or -1 after printing "write error"
 * with the errno of the first failed flush of stdout (not a stale one). */
int hs_stdout_failed(void);
/* 1 if name holds a character that must be escaped ('\\', '\n', '\r'). */
int hs_name_needs_escape(const char *name, size_t len);
/* Writes name[0..len) to out, escaping '\\', '\n' and '\r' if escape. */
void hs_print_name(FILE *out, const char *name, size_t len, int escape);
/* Writes name[0..len), which came from a sum file, so that it can neither
 * forge a line nor drive the terminal. A name without control characters
 * is written as is (GNU sha256sum -c does the same). Otherwise a backslash
 * comes first, then the name with backslash, newline and carriage return
 * written as backslash + '\\', 'n', 'r' (GNU's escapes) and every other
 * byte below 0x20, and 0x7f, as backslash + 'x' + two hex digits. */
void hs_print_name_safe(FILE *out, const char *name, size_t len);
/* Prints "hmacsum: NAME: why" on stderr, NAME shown by hs_print_name_safe:
 * for every message about a file named by a user or a sum file. */
void hs_name_error(const char *name, size_t len, const char *why);
/* Prints one signing line, GNU ("<tag>  name") or BSD (--tag) form, the
 * tag in hex or (base64) in base64. */
void hs_print_sum(const hs_alg *alg, const unsigned char *tag,
                  const char *name, int bsd, int base64);

/* ---- key.c ---- */
/* Where a key comes from. */
typedef enum hs_key_source {
    HS_KEY_NONE = 0,
    HS_KEY_FILE,
    HS_KEY_ENV,
    HS_KEY_FD
} hs_key_source;
/* Loads the key from source (path, variable name or fd number in arg),
 * decoding hex if hex. Prints its own error. Returns 0 or -1. */
int hs_key_load(hs_key *key, hs_key_source source, const char *arg, int hex);
/* Wipes and frees the key. */
void hs_key_free(hs_key *key);
/* Parses --key-fd's argument (decimal digits, no sign) into *fd: 0, or -1
 * if it is not a descriptor number. "00" is descriptor 0 as "0" is. */
int hs_key_parse_fd(const char *s, int *fd);
/* Decodes hex text in[0..len) (whitespace anywhere ignored) into out,
 * which has room for len/2 bytes; *outlen gets the decoded length.
 * Returns 0, or -1 on a non-hex character or an odd digit count. */
int hs_key_hex_decode(unsigned char *out, size_t *outlen,
                      const unsigned char *in, size_t len);

/* ---- check.c ---- */
/* Options of -c/--check. */
typedef struct hs_check_opts {
    const hs_alg *alg; /* for GNU lines, which do not name the algorithm */
    int quiet;
    int status;
    int strict;
    int warn;
    int ignore_missing;
} hs_check_opts;
/* Verifies every line of the sum file path ("-": standard input).
 * Returns HS_EXIT_OK or HS_EXIT_FAIL. */
int hs_check_file(const char *path, const hs_key *key,
                  const hs_check_opts *opts);

/* ---- selftest.c ---- */
/* Runs the built-in known-answer tests; returns 0 when all pass. */
int hs_selftest(FILE *out);

/* One parsed line of a sum file. name points into the line buffer and
 * is NUL-terminated (escapes undone). */
typedef struct hs_sum_line {
    const hs_alg *alg;
    unsigned char tag[HS_MAX_TAG_BYTES];
    char *name;
    size_t name_len;
} hs_sum_line;

enum { HS_LINE_OK, HS_LINE_SKIP, HS_LINE_BAD };

/* Parses line[0..len) (no '\n'; modified in place) in the GNU or BSD
 * form; alg is the algorithm for GNU lines. Returns HS_LINE_OK (out
 * filled), HS_LINE_SKIP (blank or comment) or HS_LINE_BAD. */
int hs_parse_sum_line(char *line, size_t len, const hs_alg *alg,
                      hs_sum_line *out);

/* ---- input.c ---- */
/* Opens a data file for hashing: "-" is standard input. Returns an fd,
 * or -1 with errno set. Refuses standard input when the key came from
 * it (fd 0). */
int hs_open_input(const char *path);
/* Closes what hs_open_input(path) returned. Standard input ("-") is left
 * open; a file is closed even when it landed on descriptor 0 (standard
 * input closed at start), so that a later "-" cannot read that file. */
void hs_close_input(const char *path, int fd);
/* Notes whether standard input was open at start; call before opening
 * anything. If it was closed, "-" is refused with EBADF (as GNU does),
 * whatever file later lands on descriptor 0. */
void hs_input_init(void);
/* Records whether the key was read from standard input (--key-fd 0). */
void hs_input_stdin_holds_key(int holds);
/* 1 if the key was read from standard input (so "-" is refused). */
int hs_input_stdin_is_key(void);

#endif
