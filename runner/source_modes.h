/* source_modes.h - profile sources other users could rewrite (source_modes.c). */
#ifndef BUCKLE_SOURCE_MODES_H
#define BUCKLE_SOURCE_MODES_H
#include "../support/arena.h"

/* Why path must not be compiled for a run (another local user could
 * rewrite it), or NULL. */
const char *runner_source_mode_problem(arena *a, const char *path);
#endif
