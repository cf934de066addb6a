/* planted.h - the denied paths a sandboxed command made (the check after
 * the run, class new-paths), remembered until they are gone (planted.c). */
#ifndef BUCKLE_PLANTED_H
#define BUCKLE_PLANTED_H
#include "../support/arena.h"
#include "run.h"
#include <stddef.h>

/* The record kept open through the run (planted_reserve), with the modes
 * of the file, its directory and the directory that one is in (~/.cache)
 * then. */
typedef struct planted_hold { int fd, dirfd, pfd; unsigned fmode, dmode, pmode; } planted_hold;
/* Before the command starts: makes the file, keeps the space the records
 * of paths (the checks after the run) would take, so that a command that
 * fills the disk cannot keep them from being written, and keeps the file
 * and its directory open in h (close-on-exec; planted_release), so that a
 * command that changes their modes cannot either.  0 (h->fd -1 when n is
 * 0), or -1 with *why (the run cache directory cannot be used, no space). */
int planted_reserve(arena *a, const run_request *rq, const char *const *paths, size_t n, planted_hold *h,
                    const char **why);
/* After the command: the modes of the file and the directories above it
 * put back when the command changed them; what was put back, or NULL. */
const char *planted_restore(arena *a, planted_hold *h);
void planted_release(planted_hold *h);
/* Remembers each of paths (the ones the check after the run named) as the
 * file it is now, or as whatever will be there when it cannot be looked
 * at: through h when it holds the file, else opened by path.  0, or -1
 * with *why. */
int planted_add(arena *a, const run_request *rq, planted_hold *h, const char *const *paths, size_t n,
                const char **why);
/* Says (an error) each remembered path at or beneath one of scope, or in a
 * directory at or above scope[0] (the working directory), that is
 * still the file the command made, and forgets the ones that are gone;
 * returns how many were said (1 too, after saying so, when the record is
 * there and cannot be read). */
size_t planted_check(arena *a, const run_request *rq, diag_sink *sink, const char *const *scope, size_t nscope);
#endif
