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
 * alone at the end runs on the single-stream kernel in one call.
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

void lanes_run(lane_job *jobs, size_t njobs, size_t block_size,
               lanes_kernel (*pick)(size_t active))
{
    lane lanes[LANES_MAX];
    void *chain[LANES_MAX];
    const uint8_t *data[LANES_MAX];
    size_t active = 0, next = 0, i, run, g;
    lanes_kernel k;

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
        k = pick(active);
        run = lanes[0].left;
        for (i = 0; i < active; i++) {
            chain[i] = lanes[i].job->chain;
            data[i] = lanes[i].p;
            if (lanes[i].left < run) {
                run = lanes[i].left;
            }
        }
        /* Whole groups of the kernel's width; a last, partial group
         * gets the kernel picked for its own size (9 SHA-512 lanes: one
         * x8 call and one single stream, not two x8 calls). */
        for (i = 0; i < active; i += g) {
            lanes_kernel kg = active - i < k.width ? pick(active - i) : k;

            g = active - i < kg.width ? active - i : kg.width;
            kg.fn(chain + i, data + i, g, run);
        }
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
