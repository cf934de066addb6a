/* stdio_guard.h - refusing a run whose standard descriptors reach a path a
 * read-only mount of the plan holds (stdio_guard.c). */
#ifndef BUCKLE_STDIO_GUARD_H
#define BUCKLE_STDIO_GUARD_H
#include "../backend/landlock.h"
#include "../support/arena.h"

/* Why the run must be refused: descriptor 0, 1 or 2 is a file opened for
 * reading at or beneath one of the read-only mounts m (the command could
 * open it again for writing through /proc/self/fd/N, on the mount below),
 * or a directory at, above or beneath one (paths relative to it reach the
 * mount below).  NULL: no such descriptor. */
const char *runner_stdio_mount_problem(arena *a, const ll_bind *m, size_t nm);
#endif
