/* path_shadows.h - programs the command makes in a PATH directory it may
 * write, which PATH finds before the program of that name in a later
 * directory (path_shadows.c). */
#ifndef BUCKLE_PATH_SHADOWS_H
#define BUCKLE_PATH_SHADOWS_H
#include "dir_entries.h"
#include "shadow_check.h"
#include "../backend/landlock.h"
#include "../support/arena.h"
#include <stddef.h>

typedef struct path_dir {
    char *path;                   /* the directory, absolute (malloc'd) */
    size_t index;                 /* its place in PATH */
    int had;                      /* it existed when the command started */
    unsigned long long dev, ino;
    dir_entry *names;             /* its entries then, sorted (runner_dir_entries) */
    size_t n;
} path_dir;

typedef struct path_shadows {
    char **entries;               /* PATH's directories, absolute (malloc'd) */
    size_t nentries;
    path_dir *d;                  /* those the plan lets the command make an entry in */
    size_t nd;
} path_shadows;

/* Right before the command starts: PATH's directories (a relative or
 * empty entry taken from cwd), after front (absolute: the ones direnv puts
 * first in the project's shell, PATH_add's), and the entries now of each
 * one at or beneath cwd the plan lets the command make an entry in. */
void runner_path_shadows_begin(path_shadows *p, arena *a, const ll_plan *plan, const char *cwd,
                               const char *const *front, size_t nfront);
/* After every process of the command has ended: each entry of such a
 * directory that was not there (but `buckle`, shadow_check.c's) and whose
 * name a later PATH directory holds a program of, kept in w (to be moved
 * aside, named and remembered); how many. */
size_t runner_path_shadows_end(path_shadows *p, shadow_watch *w);
void runner_path_shadows_free(path_shadows *p);
#endif
