/*
 * lanes.c - the lane scheduler: runs many messages' blocks through a lane
 * kernel that advances several chaining values per call (the lane-parallel
 * sibling of the compression seam).
 *
 * Up to LANES_MAX jobs are in flight. Each step asks cpu.c which kernel
 * fits the number in flight, advances every lane by the smallest number
 * of blocks any of them has left in its current segment, and refills the
 * lanes whose job ended from the queue. So messages of different lengths
 * keep the lanes busy while the queue lasts, and a long message left
 * alone at the end runs on the single-stream kernel in one call. Jobs of
 * one shape (messages of one length) skip the bookkeeping: one kernel
 * run per segment.
 *
 * CT: every decision depends on block counts and pointers (lengths,
 * public), never on the data.
 */
#include "internal.h"

typedef struct lane {
    lane_job *job;
    size_t seg;          /* current segment */
    const uint8_t *p;    /* next block */
    size_t left;         /* blocks left in the segment */
} lane;

/* Moves l to its next segment with blocks; 0 when the job is done. */
static int lane_seek(lane *l)
{
    while (l->seg < l->job->nseg) {
        if (l->job->nblk[l->seg] > 0) {
            l->p = l->job->seg[l->seg];
            l->left = l->job->nblk[l->seg];
            return 1;
        }
        l->seg++;
    }
    return 0;
}

/* How many of `left` lanes the kernel k (picked for left) takes before
 * the rest is picked again: all of them in groups of its width when the
 * width divides left, else one group. So 9 SHA-512 lanes take one x8
 * call and one single stream (not two x8 calls), 7 SHA-NI lanes one x3
 * group and two pairs (not two x3 groups and a single stream). */
static size_t lanes_span(size_t left, lanes_kernel k)
{
    if (left % k.width == 0) {
        return left;
    }
    return left < k.width ? left : k.width;
}

size_t lanes_plan(size_t n, lanes_kernel (*pick)(size_t active),
                  lanes_group plan[LANES_MAX])
{
    size_t i = 0, end, ng = 0;

    while (i < n) {
        lanes_kernel k = pick(n - i);

        for (end = i + lanes_span(n - i, k); i < end; i += plan[ng++].lanes) {
            plan[ng].k = k;
            plan[ng].lanes = end - i < k.width ? end - i : k.width;
        }
    }
    return ng;
}

/* Runs chain[0..n) over data[0..n) for nblocks blocks, n <= LANES_MAX,
 * in lanes_plan's groups. */
static void run_groups(void *chain[], const uint8_t *data[], size_t n,
                       size_t nblocks, lanes_kernel (*pick)(size_t active))
{
    lanes_group plan[LANES_MAX];
    size_t ng = lanes_plan(n, pick, plan), g, i = 0;

    for (g = 0; g < ng; i += plan[g++].lanes) {
        plan[g].k.fn(chain + i, data + i, plan[g].lanes, nblocks);
    }
}

/* Jobs that all have the same segments' block counts (messages of one
 * length, the common batch) finish together: they need none of the
 * lane bookkeeping below, just one kernel run per segment. */
static int uniform(const lane_job *jobs, size_t njobs)
{
    size_t i, s;

    for (i = 1; i < njobs; i++) {
        if (jobs[i].nseg != jobs[0].nseg) {
            return 0;
        }
        for (s = 0; s < jobs[0].nseg; s++) {
            if (jobs[i].nblk[s] != jobs[0].nblk[s]) {
                return 0;
            }
        }
    }
    return 1;
}

static void run_uniform(lane_job *jobs, size_t njobs,
                        lanes_kernel (*pick)(size_t active))
{
    void *chain[LANES_MAX];
    const uint8_t *data[LANES_MAX];
    size_t b, i, s;

    for (; njobs > 0; jobs += b, njobs -= b) {
        b = njobs < LANES_MAX ? njobs : LANES_MAX;
        for (i = 0; i < b; i++) {
            chain[i] = jobs[i].chain;
        }
        for (s = 0; s < jobs[0].nseg; s++) {
            if (jobs[0].nblk[s] == 0) {
                continue;
            }
            for (i = 0; i < b; i++) {
                data[i] = jobs[i].seg[s];
            }
            run_groups(chain, data, b, jobs[0].nblk[s], pick);
        }
    }
}

void lanes_run(lane_job *jobs, size_t njobs, size_t block_size,
               lanes_kernel (*pick)(size_t active))
{
    lane lanes[LANES_MAX];
    void *chain[LANES_MAX];
    const uint8_t *data[LANES_MAX];
    size_t active = 0, next = 0, i, run;

    if (uniform(jobs, njobs)) {
        run_uniform(jobs, njobs, pick);
        return;
    }
    for (;;) {
        while (active < LANES_MAX && next < njobs) {
            lanes[active].job = &jobs[next++];
            lanes[active].seg = 0;
            if (lane_seek(&lanes[active])) {
                active++;
            }
        }
        if (active == 0) {
            return;
        }
        run = lanes[0].left;
        for (i = 0; i < active; i++) {
            chain[i] = lanes[i].job->chain;
            data[i] = lanes[i].p;
            if (lanes[i].left < run) {
                run = lanes[i].left;
            }
        }
        run_groups(chain, data, active, run, pick);
        /* Advance; a finished lane takes the last lane's place. */
        for (i = 0; i < active;) {
            lane *l = &lanes[i];
            l->p += run * block_size;
            l->left -= run;
            if (l->left == 0) {
                l->seg++;
                if (!lane_seek(l)) {
                    *l = lanes[--active];
                    continue;
                }
            }
            i++;
        }
    }
}
