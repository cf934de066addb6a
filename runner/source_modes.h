/* source_modes.h - profile sources other users could rewrite (source_modes.c). */
#ifndef BUCKLE_SOURCE_MODES_H
#define BUCKLE_SOURCE_MODES_H
#include "../support/arena.h"

/* Why path must not be compiled for a run (another local user could
 * rewrite it), or NULL. */
const char *runner_source_mode_problem(arena *a, const char *path);
/* 1 when gid is the caller's private group: the caller's primary group in
 * /etc/passwd that no other account has as its primary group and of which
 * /etc/group names no other member (a umask of 002 gives away nothing). */
int runner_group_is_private(unsigned long gid);
#endif
