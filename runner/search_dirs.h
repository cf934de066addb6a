/* search_dirs.h - refusing relative search directories for `buckle run`
 * (search_dirs.c). */
#ifndef BUCKLE_SEARCH_DIRS_H
#define BUCKLE_SEARCH_DIRS_H
#include "../support/arena.h"
#include <stddef.h>

/* Why the run must be refused: one of incs (-I) or of the entries of
 * buckle_path ($BUCKLE_PATH, may be NULL) is not absolute.  NULL: none. */
const char *runner_search_dirs_problem(arena *a, const char *const *incs, size_t ninc, const char *buckle_path);
/* The -I directories, then the non-empty entries of buckle_path, each as
 * "DIR/." (a name whose directory is DIR: runner_profile_siblings takes
 * files), appended to srcs (nsrcs of them) in a; how many in all. */
size_t runner_search_dir_sources(arena *a, const char *const *srcs, size_t nsrcs, const char *const *incs, size_t ninc,
                                 const char *buckle_path, const char ***out);
#endif
