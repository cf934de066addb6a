/* shadow_rel.h - a relative or empty PATH entry looked in before buckle's
 * directory names a directory beneath whichever one buckle is started in
 * (shadow_rel.c): every directory of the project is then a place a
 * `buckle` the command makes would be found first. */
#ifndef BUCKLE_SHADOW_REL_H
#define BUCKLE_SHADOW_REL_H
#include "shadow_check.h"
#include "../support/arena.h"
#include <stddef.h>

typedef struct rel_walk rel_walk;
typedef struct shadow_rel {
    char **rels;                  /* the relative entries ("." for an empty one), malloc'd */
    size_t nrel;
    rel_walk *walk;               /* DIR/ENTRY/NAME beneath the working directory (rel_walk.h) */
} shadow_rel;

/* Before the one walk of the project, when buckle was found through PATH
 * (argv0 without a '/'): the relative and empty entries looked in before
 * the one it was found in, whose DIR/ENTRY/argv0 is looked at after the
 * run in every directory DIR beneath cwd (rel_walk.h); nothing when there
 * is no such entry. */
void runner_shadow_rel_begin(shadow_rel *r, const char *argv0, const char *cwd);
/* After every process of the command has ended: each candidate beneath the
 * working directory made or changed during the run, added
 * to w as found (runner_shadow_end first), to be remembered, moved aside
 * and named with the others; how many. */
size_t runner_shadow_rel_end(shadow_rel *r, shadow_watch *w);
void runner_shadow_rel_free(shadow_rel *r);
#endif
