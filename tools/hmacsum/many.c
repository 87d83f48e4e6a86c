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
 *
 * A named regular file larger than one chunk is mapped HS_MAP_BYTES at a
 * time where the OS layer can (hs_os_map) and hashed in place: read()'s
 * copy out of the page cache was about a third of a SHA-256 run over 16
 * cached files. Filling the windows' page tables was then about a fifth
 * of that run; where the OS layer has a prefault helper (a thread, on
 * Linux), windows of HS_PREFAULT_MIN_BYTES or more are paged in by it a
 * little ahead of the hashing (prefault_ahead), on the other core.
 * Past the size the file had when its last window was
 * mapped, read() takes over, so it finds the end or what was appended,
 * as before. A file truncated under a mapping faults; the update that
 * touched it runs under hs_os_guard, its states are put back as they
 * were and its mapped lanes re-read that chunk with read(), which sees
 * the shorter file as the plain loop would have.
 */
#include "hmacsum.h"
#include "os.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* One chunk buffer per lane, for the whole run (the engine is used by one
 * sum file or one list of operands at a time). */
static unsigned char lane_buf[HS_MANY_LANES][HS_IO_BUF_BYTES];

/* Where each lane's chunks come from: a mapped window or lane_buf. */
typedef struct lane_io {
    const unsigned char *map;   /* the mapped window, or NULL */
    size_t map_len;
    unsigned long long map_off; /* the window's offset in the file */
    unsigned long long pos;     /* bytes of the file taken so far */
    unsigned long long chunk;   /* offset of this round's chunk */
    unsigned long long hinted;  /* prefault asked for up to here */
    int ahead;                  /* the window is prefaulted as it goes */
    int may_map;                /* 0: read() to the end */
} lane_io;
static lane_io lane_src[HS_MANY_LANES];

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
        memset(&lane_src[l], 0, sizeof lane_src[l]);
        /* Never "-": its position and the shared description are the
         * caller's. A file of one chunk gains nothing from a mapping. */
        lane_src[l].may_map = !is_stdin(f->path) &&
                              hs_os_map_size(fd) > (long long) HS_IO_BUF_BYTES;
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

    if (lane_src[l].map != NULL) {
        hs_os_unmap(lane_src[l].map, lane_src[l].map_len);
        lane_src[l].map = NULL;
    }
    hs_close_input(f->path, f->fd);
    f->finished = 1;
    m->lane[l] = NULL;
    m->active--;
    if (is_stdin(f->path)) {
        m->stdin_busy = 0;
    }
}

/* Keeps the pages of the lane's window paged in (by the OS layer's
 * helper) some way ahead of pos: at least HS_MANY_LANES chunks of all the
 * lanes' work, so the helper has that long before the hashing gets there;
 * asked for in runs of that many chunks, so an idle helper is woken once
 * a run, not once a chunk. */
static void prefault_ahead(lane_io *io, size_t active)
{
    unsigned long long ahead, len, end = io->map_off + io->map_len;

    ahead = (unsigned long long) HS_IO_BUF_BYTES *
            (HS_MANY_LANES / (active > 0 ? active : 1));
    if (io->hinted < io->pos) {
        io->hinted = io->pos;
    }
    if (io->hinted >= end || io->hinted >= io->pos + ahead) {
        return;
    }
    len = io->pos + 2 * ahead < end ? io->pos + 2 * ahead - io->hinted
                                    : end - io->hinted;
    hs_os_prefault(io->map + (size_t) (io->hinted - io->map_off),
                   (size_t) len);
    io->hinted += len;
}

/* Lane l's next chunk at *p (in its window or, read, in lane_buf):
 * returns its length, 0 at the end of the file, -1 on a failed read. */
static long next_chunk(hs_many *m, size_t l, const unsigned char **p)
{
    lane_io *io = &lane_src[l];
    int fd = m->lane[l]->fd;
    long long size;
    size_t len;
    long got;

    io->chunk = io->pos;
    if (io->map != NULL && io->pos == io->map_off + io->map_len) {
        hs_os_unmap(io->map, io->map_len);
        io->map = NULL;
    }
    if (io->map == NULL && io->may_map) {
        /* The next window, within the file's size now; windows start on
         * HS_MAP_BYTES boundaries (after a short one, read() goes on). */
        size = hs_os_map_size(fd);
        if (io->pos % HS_MAP_BYTES == 0 && size > (long long) io->pos) {
            len = (unsigned long long) size - io->pos < HS_MAP_BYTES
                      ? (size_t) ((unsigned long long) size - io->pos)
                      : HS_MAP_BYTES;
            io->ahead = len >= HS_PREFAULT_MIN_BYTES;
            io->map = hs_os_map(fd, io->pos, len, io->ahead);
            io->map_off = io->pos;
            io->map_len = len;
        }
        if (io->map == NULL) {
            io->may_map = 0;
            /* The descriptor has not moved while the file was mapped. */
            if (io->pos > 0 && hs_os_seek(fd, io->pos) != 0) {
                return -1;
            }
        }
    }
    if (io->map != NULL) {
        len = io->map_off + io->map_len - io->pos < HS_IO_BUF_BYTES
                  ? (size_t) (io->map_off + io->map_len - io->pos)
                  : HS_IO_BUF_BYTES;
        *p = io->map + (size_t) (io->pos - io->map_off);
        io->pos += len;
        if (io->ahead) {
            prefault_ahead(io, m->active);
        }
        return (long) len;
    }
    *p = lane_buf[l];
    got = hs_os_read(fd, lane_buf[l], HS_IO_BUF_BYTES);
    if (got > 0) {
        io->pos += (unsigned long long) got;
    }
    return got;
}

/* One _update_many call, as hs_os_guard runs it. */
typedef struct feed_call {
    const hs_alg *alg;
    hs_state *const *st;
    const unsigned char *const *in;
    const size_t *len;
    size_t n;
} feed_call;

static void run_feed(void *arg)
{
    const feed_call *c = (const feed_call *) arg;

    (void) c->alg->update_many(c->st, c->in, c->len, c->n);
}

/* Feeds in[k] to st[k], k < n, lane[k] being each one's lane. Where any
 * of them is mapped, under the fault guard: after a fault, the states
 * are put back, the mapped lanes fall back to read() from their chunk
 * (a lane whose seek or read fails gets err and nothing fed), and the
 * call is made again on what was read. */
static void feed(hs_many *m, const hs_alg *alg, hs_state *st[],
                 const unsigned char *in[], size_t len[],
                 const size_t lane[], size_t n, int err[])
{
    hs_state saved[HS_MANY_LANES];
    feed_call c;
    size_t k, l;
    long got;
    int mapped = 0;

    for (k = 0; k < n; k++) {
        mapped |= in[k] != lane_buf[lane[k]];
    }
    c.alg = alg;
    c.st = st;
    c.in = in;
    c.len = len;
    c.n = n;
    if (!mapped) {
        run_feed(&c);
        return;
    }
    for (k = 0; k < n; k++) {
        saved[k] = *st[k];
    }
    if (hs_os_guard(run_feed, &c) != 0) {
        for (k = 0; k < n; k++) {
            *st[k] = saved[k];
            l = lane[k];
            if (in[k] == lane_buf[l]) {
                continue;
            }
            hs_os_unmap(lane_src[l].map, lane_src[l].map_len);
            lane_src[l].map = NULL;
            lane_src[l].may_map = 0;
            lane_src[l].pos = lane_src[l].chunk;
            in[k] = lane_buf[l];
            len[k] = 0;
            got = -1;
            if (hs_os_seek(m->lane[l]->fd, lane_src[l].pos) == 0) {
                got = hs_os_read(m->lane[l]->fd, lane_buf[l], HS_IO_BUF_BYTES);
            }
            if (got < 0) {
                err[l] = errno != 0 ? errno : EIO;
            } else {
                len[k] = (size_t) got;
                lane_src[l].pos += (unsigned long long) got;
            }
        }
        run_feed(&c);
    }
    /* The copies are keyed states: do not leave them behind. */
    hmac_memzero(saved, n * sizeof saved[0]);
}

/* One chunk for every busy lane: read, then one _update_many (files with
 * data) and one _final_many (files that ended) per algorithm in use. */
static void round_of_chunks(hs_many *m)
{
    enum { IDLE, FEED, END, DONE };
    int what[HS_MANY_LANES];
    hs_state *st[HS_MANY_LANES];
    const unsigned char *in[HS_MANY_LANES], *chunk[HS_MANY_LANES];
    size_t len[HS_MANY_LANES], feed_len[HS_MANY_LANES], ended[HS_MANY_LANES];
    size_t fed[HS_MANY_LANES]; /* the lane of each state fed */
    unsigned char tags[HS_MANY_LANES * HS_MAX_TAG_BYTES];
    int err[HS_MANY_LANES];
    const hs_alg *alg;
    size_t l, k, n;
    long got;

    for (l = 0; l < HS_MANY_LANES; l++) {
        what[l] = IDLE;
        err[l] = 0;
        if (m->lane[l] == NULL) {
            continue;
        }
        got = next_chunk(m, l, &chunk[l]);
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
                in[n] = chunk[k];
                feed_len[n] = len[k];
                fed[n++] = k;
                what[k] = DONE;
            }
        }
        if (n > 0) {
            feed(m, alg, st, in, feed_len, fed, n, err);
        }
        for (k = 0; k < n; k++) {
            if (err[fed[k]] != 0) {
                m->lane[fed[k]]->err = err[fed[k]];
                hmac_memzero(st[k], sizeof *st[k]);
                release(m, fed[k]);
            }
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
