/* rel_walk.h - a relative name (a PATH entry, a profile argument) taken
 * from whichever directory a later buckle is started in: what it names in
 * every directory beneath the working directory, before the command starts
 * and after it has ended (rel_walk.c). */
#ifndef BUCKLE_REL_WALK_H
#define BUCKLE_REL_WALK_H
#include <stddef.h>

enum { REL_WALK_DEPTH_MAX = 64, REL_WALK_ENTRIES_MAX = 1000000 };
/* One DIR/NAME as it was when the command started. */
typedef struct rel_seen { char *path; unsigned long long dev, ino; unsigned mode; } rel_seen;
/* One that is there after the run and was not, or is another file. */
typedef struct rel_new { char *path, *dir; int had; unsigned long long ddev, dino; } rel_new;
typedef struct rel_walk {
    char **names;                 /* relative to each directory (malloc'd) */
    size_t nnames;
    char *cwd;                    /* malloc'd */
    rel_seen *seen;
    size_t nseen, capseen;
    rel_new *found;               /* after rel_walk_end */
    size_t nfound, capfound;
} rel_walk;

/* Right before the command starts: names (copied; "." as a name's first
 * component left out of the paths said) looked at in every directory
 * strictly beneath cwd (links not followed, REL_WALK_DEPTH_MAX deep, at
 * most REL_WALK_ENTRIES_MAX entries).  Nothing when n is 0. */
void rel_walk_begin(rel_walk *r, const char *const *names, size_t n, const char *cwd);
/* After every process of the command has ended: each one there that was
 * not, or is another file, in r->found; how many. */
size_t rel_walk_end(rel_walk *r);
void rel_walk_free(rel_walk *r);
#endif
