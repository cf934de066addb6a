/* path_rel.h - programs the command makes beneath a relative or empty
 * PATH entry in a directory beneath the working directory, which PATH
 * finds before the program of that name in a later directory when the
 * user is in that directory (path_rel.c). */
#ifndef BUCKLE_PATH_REL_H
#define BUCKLE_PATH_REL_H
#include "shadow_check.h"
#include <stddef.h>

typedef struct rel_walk rel_walk;
typedef struct path_rel {
    char **entries;               /* PATH's entries in order ("." for an empty one; NULL for a ~ one), malloc'd */
    size_t nentries;
    size_t *at;                   /* for each name the walk watches, its entry's index */
    rel_walk *walk;               /* each DIR/ENTRY/NAME beneath the working directory (rel_walk.h) */
} path_rel;

/* Before the one walk of the project: when PATH has a relative or empty
 * entry before an absolute one, each program name of the absolute ones
 * after it, in that entry taken from every directory strictly beneath
 * cwd, is watched (rel_walk.h; the entry taken from cwd itself is
 * path_shadows.c's); nothing otherwise. */
void runner_path_rel_begin(path_rel *p, const char *cwd);
/* After every process of the command has ended: each one made during the
 * run that a lookup could run (an executable file, a link not to a
 * directory), which a later absolute PATH directory holds
 * another program of, added to w as found (to be moved aside, named and
 * remembered); how many. */
size_t runner_path_rel_end(path_rel *p, shadow_watch *w);
void runner_path_rel_free(path_rel *p);
#endif
