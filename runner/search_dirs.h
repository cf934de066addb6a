/* search_dirs.h - refusing relative search directories for `buckle run`
 * (search_dirs.c). */
#ifndef BUCKLE_SEARCH_DIRS_H
#define BUCKLE_SEARCH_DIRS_H
#include "../support/arena.h"
#include <stddef.h>

/* Why the run must be refused: one of incs (-I) or of the entries of
 * buckle_path ($BUCKLE_PATH, may be NULL) is not absolute.  NULL: none. */
const char *runner_search_dirs_problem(arena *a, const char *const *incs, size_t ninc, const char *buckle_path);
#endif
