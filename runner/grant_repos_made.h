/* grant_repos_made.h - repositories the command makes directly in a
 * directory it may write outside the working directory (grant_repos_made.c). */
#ifndef BUCKLE_GRANT_REPOS_MADE_H
#define BUCKLE_GRANT_REPOS_MADE_H
#include "dir_entries.h"
#include "run.h"
#include "../backend/landlock.h"
#include "../support/arena.h"
#include <stddef.h>
#include <time.h>

typedef struct made_dir {
    char *path;                   /* a granted directory (malloc'd) */
    dir_entry *v;                 /* its entries when the command started, by name */
    unsigned char *had;           /* v[i] held a repository then (malloc'd) */
    size_t n;
} made_dir;

typedef struct repos_made {
    struct timespec start;
    char **wdirs;                 /* the directories the plan lets the command write in, outside
                                   * the working directory and not above it (malloc'd) */
    size_t nw;
    made_dir *d;
    size_t nd;
    char **found;                 /* after runner_repos_made_end: the repositories (malloc'd) */
    size_t nfound;
    char **unread;                /* and the directories that could not be looked through (malloc'd) */
    int *errs;                    /* why: an errno, 0 for more than GRANT_MADE_MAX entries */
    size_t nunread;
} repos_made;

/* Right before the command starts: the entries of each directory the plan
 * lets the command make entries in, outside the working directory and not
 * above it (at most GRANT_MADE_MAX entries each; a larger one is left out). */
enum { GRANT_MADE_MAX = 10000 };
void runner_repos_made_begin(repos_made *r, const ll_plan *plan, const char *cwd);
/* After every process of the command has ended: each entry of those
 * directories that holds a repository (a .git, or a bare repository's
 * HEAD) it did not hold when the command started (made, moved or linked
 * there), or one made since the start; and each of those directories that
 * cannot be looked through now (more than GRANT_MADE_MAX entries: the
 * command could hide a repository among them); how many.  Says nothing. */
size_t runner_repos_made_end(repos_made *r);
/* The repositories' paths into out (room for r->nfound), to be remembered. */
size_t runner_repos_made_paths(const repos_made *r, const char **out);
void runner_repos_made_say(const repos_made *r, diag_sink *sink, int exit_status);
void runner_repos_made_free(repos_made *r);
#endif
