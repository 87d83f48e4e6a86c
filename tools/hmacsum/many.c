/*
 * many.c - hashing many files side by side: one HMAC stream per file, up
 * to HS_MANY_LANES at once, each advanced by one 64 KiB chunk per round
 * through libhmac's _update_many/_final_many (so the SIMD lanes see
 * HS_MANY_LANES messages at a time); a file that ends frees its lane for
 * the next one in line.
 *
 * What a user sees is the one-file-at-a-time loop's: results are
 * reported strictly in the order the files were queued (a finished file
 * waits in a window of HS_MANY_WINDOW entries for the ones before it),
 * with the same messages, and standard input ("-") is read alone: every
 * file queued before it is finished first and nothing after it is opened
 * (or, in check mode, read from the sum file) until it is done. So a
 * "-" reads standard input at the same moment as before, a file that
 * landed on descriptor 0 is closed before "-" looks at it, and a sum
 * file read from standard input is never read ahead of a "-" line.
 *
 * Memory is fixed: HS_MANY_LANES 64 KiB buffers, the lanes' states and
 * the window, whatever the number or size of the files.
 */
#include "hmacsum.h"
#include "os.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* One chunk buffer per lane, for the whole run (the engine is used by one
 * sum file or one list of operands at a time). */
static unsigned char lane_buf[HS_MANY_LANES][HS_IO_BUF_BYTES];

static int is_stdin(const char *path)
{
    return strcmp(path, "-") == 0;
}

/* The window entry k places after the oldest unreported one. */
static hs_many_file *entry(hs_many *m, size_t k)
{
    return &m->window[(m->head + k) % HS_MANY_WINDOW];
}

void hs_many_init(hs_many *m, const hs_key *key, hs_many_done done,
                  void *ctx)
{
    size_t i;

    memset(m, 0, sizeof *m);
    m->key = key;
    m->done = done;
    m->ctx = ctx;
    for (i = 0; i < HS_MANY_LANES; i++) {
        m->lane[i] = NULL;
    }
}

/* Opens queued files into free lanes, in order. Stops at a "-" while any
 * lane is busy, while a "-" is in a lane, and at a lack of descriptors
 * while some lane will free one. */
static void admit(hs_many *m)
{
    hs_many_file *f;
    size_t l;
    int fd;

    while (m->admitted < m->count && m->active < HS_MANY_LANES &&
           !m->stdin_busy) {
        f = entry(m, m->admitted);
        if (is_stdin(f->path) && m->active > 0) {
            return;
        }
        fd = hs_open_input(f->path);
        if (fd < 0) {
            if ((errno == EMFILE || errno == ENFILE) && m->active > 0) {
                return; /* retried once a lane closes its file */
            }
            f->err = errno;
            f->finished = 1;
            m->admitted++;
            continue;
        }
        for (l = 0; m->lane[l] != NULL; l++) {
        }
        if (f->alg->init(&m->st[l], m->key->buf, m->key->len) != 0) {
            hmac_memzero(&m->st[l], sizeof m->st[l]);
            hs_close_input(f->path, fd);
            f->err = EINVAL;
            f->finished = 1;
            m->admitted++;
            continue;
        }
        f->fd = fd;
        m->lane[l] = f;
        m->active++;
        m->stdin_busy = is_stdin(f->path);
        m->admitted++;
    }
}

/* Closes lane l's file and frees the lane. */
static void release(hs_many *m, size_t l)
{
    hs_many_file *f = m->lane[l];

    hs_close_input(f->path, f->fd);
    f->finished = 1;
    m->lane[l] = NULL;
    m->active--;
    if (is_stdin(f->path)) {
        m->stdin_busy = 0;
    }
}

/* One chunk for every busy lane: read, then one _update_many (files with
 * data) and one _final_many (files that ended) per algorithm in use. */
static void round_of_chunks(hs_many *m)
{
    enum { IDLE, FEED, END, DONE };
    int what[HS_MANY_LANES];
    hs_state *st[HS_MANY_LANES];
    const unsigned char *in[HS_MANY_LANES];
    size_t len[HS_MANY_LANES], feed_len[HS_MANY_LANES], ended[HS_MANY_LANES];
    unsigned char tags[HS_MANY_LANES * HS_MAX_TAG_BYTES];
    const hs_alg *alg;
    size_t l, k, n;
    long got;

    for (l = 0; l < HS_MANY_LANES; l++) {
        what[l] = IDLE;
        if (m->lane[l] == NULL) {
            continue;
        }
        got = hs_os_read(m->lane[l]->fd, lane_buf[l], HS_IO_BUF_BYTES);
        if (got > 0) {
            what[l] = FEED;
            len[l] = (size_t) got;
        } else if (got == 0) {
            what[l] = END;
        } else {
            /* The keyed state is key material: do not leave it behind. */
            m->lane[l]->err = errno != 0 ? errno : EIO;
            hmac_memzero(&m->st[l], sizeof m->st[l]);
            release(m, l);
        }
    }
    for (l = 0; l < HS_MANY_LANES; l++) {
        if (what[l] != FEED && what[l] != END) {
            continue;
        }
        /* Every lane of this lane's algorithm, in one call each way. */
        alg = m->lane[l]->alg;
        for (n = 0, k = l; k < HS_MANY_LANES; k++) {
            if (what[k] == FEED && m->lane[k]->alg == alg) {
                st[n] = &m->st[k];
                in[n] = lane_buf[k];
                feed_len[n++] = len[k];
                what[k] = DONE;
            }
        }
        if (n > 0) {
            (void) alg->update_many(st, in, feed_len, n);
        }
        for (n = 0, k = l; k < HS_MANY_LANES; k++) {
            if (what[k] == END && m->lane[k]->alg == alg) {
                st[n] = &m->st[k];
                ended[n++] = k;
                what[k] = DONE;
            }
        }
        if (n > 0) {
            (void) alg->final_many(st, tags, n); /* wipes the states */
            for (k = 0; k < n; k++) {
                memcpy(m->lane[ended[k]]->tag, tags + k * alg->bytes,
                       alg->bytes);
                release(m, ended[k]);
            }
        }
    }
}

/* Reports the finished files at the head of the window, in order. */
static void report(hs_many *m)
{
    hs_many_file *f;

    while (m->count > 0 && (f = entry(m, 0))->finished) {
        m->done(m->ctx, f);
        free(f->owned);
        memset(f, 0, sizeof *f);
        m->head = (m->head + 1) % HS_MANY_WINDOW;
        m->count--;
        m->admitted--;
    }
}

static void step(hs_many *m)
{
    admit(m);
    round_of_chunks(m);
    report(m);
}

void hs_many_finish(hs_many *m)
{
    while (m->count > 0) {
        step(m);
    }
}

void hs_many_add(hs_many *m, const hs_alg *alg, const char *path,
                 size_t path_len, int copy, const unsigned char *expect)
{
    hs_many_file *f;
    char *owned = NULL;
    int now = is_stdin(path);

    if (copy) {
        owned = (char *) malloc(path_len + 1);
        if (owned == NULL) {
            /* No room to keep the name: hash this file before the
             * caller's buffer changes, as the one-file loop did. */
            copy = 0;
            now = 1;
        } else {
            memcpy(owned, path, path_len);
            owned[path_len] = '\0';
        }
    }
    while (m->count == HS_MANY_WINDOW) {
        step(m);
    }
    f = entry(m, m->count++);
    f->alg = alg;
    f->path = copy ? owned : path;
    f->path_len = path_len;
    f->owned = owned;
    if (expect != NULL) {
        memcpy(f->expect, expect, alg->bytes);
    }
    if (now) {
        /* Standard input (read alone, before anything queued after it),
         * or a name not copied, only good until this returns. */
        hs_many_finish(m);
    }
}
