/* rel_walk.h - a relative name (a PATH entry, a profile argument) taken
 * from whichever directory a later buckle is started in: what it names in
 * every directory beneath the working directory, made or changed during the
 * run (rel_walk.c). */
#ifndef BUCKLE_REL_WALK_H
#define BUCKLE_REL_WALK_H
#include <stddef.h>
#include <time.h>

enum { REL_WALK_DEPTH_MAX = 64, REL_WALK_ENTRIES_MAX = 1000000 };
/* One that changed during the run (had: it was there before, by its birth
 * time where the filesystem keeps one; name: the index of the name it was
 * found by). */
typedef struct rel_new { char *path, *dir; int had; unsigned long long ddev, dino; size_t name; } rel_new;
/* One there when the command started: its path and file. */
typedef struct rel_had { char *path; unsigned long long dev, ino; } rel_had;
typedef struct rel_walk {
    char **names;                 /* relative to each directory (malloc'd) */
    size_t nnames;
    int entries;                  /* the names are directories, whose entries are looked at */
    char **only;                  /* ... those of these names (sorted, malloc'd) */
    size_t nonly;
    char *cwd;                    /* malloc'd */
    struct timespec start;        /* the file clock when the command started */
    rel_had *before;              /* those there when the command started */
    size_t nbefore;
    rel_new *found;               /* after rel_walk_end */
    size_t nfound, capfound;
} rel_walk;

/* Before the run: names (copied; "." as a name's first component left
 * out of the paths said) to be looked at after the run in every directory
 * strictly beneath cwd (links not followed, REL_WALK_DEPTH_MAX deep, at
 * most REL_WALK_ENTRIES_MAX entries).  Nothing when n is 0. */
void rel_walk_begin(rel_walk *r, const char *const *names, size_t n, const char *cwd);
/* After rel_walk_begin: each name is a directory (found as a lookup
 * finds it, through links), and what is looked at is each entry there
 * named as one of only (copied). */
void rel_walk_entries(rel_walk *r, const char *const *only, size_t n);
/* Before the run, for each directory strictly beneath cwd (open as dirfd;
 * the one walk of the project, shared_inodes.c, makes the calls): each
 * name there now. */
void rel_walk_note(rel_walk *r, int dirfd, const char *dir);
/* Right before the command starts: the time. */
void rel_walk_start(rel_walk *r);
/* After every process of the command has ended: each one there whose
 * change time is at or after the start, or that was none of them when the
 * command started (brought in by a directory renamed into its way), in
 * r->found; how many. */
size_t rel_walk_end(rel_walk *r);
void rel_walk_free(rel_walk *r);
#endif
