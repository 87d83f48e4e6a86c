/*
 * input.c - opening the files to hash: "-" is standard input, unless the
 * key was read from there.
 */
#include "hmacsum.h"
#include "os.h"

#include <errno.h>
#include <string.h>

/* Set when the key was read from standard input (--key-fd 0): data can
 * then no longer come from there. */
static int stdin_holds_key;

/* Set when descriptor 0 was closed when hmacsum started: whatever is on
 * it later is a file hmacsum opened itself (a FILE operand, the sum
 * file), never standard input. */
static int stdin_was_closed;

void hs_input_init(void)
{
    stdin_was_closed = hs_os_fd_is_open(0) != 0;
}

int hs_open_input(const char *path)
{
    if (strcmp(path, "-") != 0) {
        return hs_os_open_read(path);
    }
    if (stdin_holds_key || stdin_was_closed) {
        errno = EBADF;
        return -1;
    }
    return hs_os_refuse_dir(0) == 0 ? 0 : -1;
}

void hs_close_input(const char *path, int fd)
{
    if (strcmp(path, "-") != 0) {
        (void) hs_os_close(fd);
    }
}

void hs_input_stdin_holds_key(int holds)
{
    stdin_holds_key = holds;
}

int hs_input_stdin_is_key(void)
{
    return stdin_holds_key;
}
