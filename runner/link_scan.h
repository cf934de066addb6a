/* link_scan.h - links out of the working directory made by the command
 * (link_scan.c). */
#ifndef BUCKLE_LINK_SCAN_H
#define BUCKLE_LINK_SCAN_H
#include "run.h"
#include "../backend/landlock.h"
#include "../support/arena.h"
#include "../support/hashmap.h"
#include <stddef.h>
#include <time.h>

enum { LINK_SCAN_ROOTS_MAX = 32 };
/* What the walk after the run names: a link that leads out of the working
 * directory, made or changed during the run, or a relative one that
 * climbs past a directory changed during the run (moving a directory
 * changes where its relative links lead, not the links); a directory it
 * could not look into (its modes, its depth). */
/* LS_BUCKLE: a `buckle` the command made, or brought there, in a
 * node_modules/.bin of the project, which npm run puts first in PATH */
/* LS_GITLINK: a link the command made in a git directory, wherever it
 * leads: git writes through the links there (logs/HEAD, COMMIT_EDITMSG).
 * LS_TOOLFILE: a mise or asdf configuration the command made or changed
 * (a subdirectory's, a MISE_ENV's the profile does not keep) */
typedef enum { LS_MADE = 1, LS_MOVED, LS_UNREAD, LS_DEEP, LS_REPO, LS_REPO_NEW, LS_GITFILE, LS_BUCKLE, LS_GITLINK,
               LS_TOOLFILE } link_found_kind;
typedef struct link_found {
    link_found_kind kind;
    char *path;                   /* absolute (malloc'd) */
    char *to;                     /* LS_MADE, LS_MOVED, LS_GITLINK: where it leads (malloc'd) */
    int err;                      /* LS_UNREAD: errno */
    size_t root;                  /* the walk's start it was found from (roots) */
} link_found;
/* a grant, as the file or directory it was at begin */
typedef struct link_grant {
    unsigned long long dev, ino;
    int is_dir;
    const char *path;             /* as planned (in mem) */
} link_grant;

typedef struct link_scan {
    struct timespec start;        /* the file clock when the command started */
    const char *root;             /* while walking: the working directory's physical path */
    char *roots[LINK_SCAN_ROOTS_MAX];   /* the directories walked (malloc'd): the working directory,
                                         * or the grants of make_sym beneath it */
    size_t nroots;
    int fds[LINK_SCAN_ROOTS_MAX]; /* each of roots, held from begin (-1: none) */
    char *cwd0;                   /* the working directory at begin (malloc'd) */
    int repos;                    /* also name a repository made in a directory that was there before */
    unsigned long long tools;     /* also name a tool's configuration made or changed (LS_TOOLFILE) of
                                   * these kinds (runner_tool_configs_walked: where the plan keeps the
                                   * project's own; set by the caller after begin) */
    const hashmap *before;        /* the project's directories and .git and HEAD entries at the start
                                   * (the caller's); NULL or empty: judged by birth times */
    const hashmap *configs;       /* the same map, for the tools' configurations there at the start
                                   * (runner_tool_config_key), whatever repos is; empty: judged by the
                                   * change times of the directories on the way */
    size_t walking;               /* while walking: the start, in roots */
    link_found *found;            /* after runner_link_scan_end (malloc'd) */
    size_t nfound, capfound;
    arena mem;                    /* what begin keeps until the walk after the run */
    link_grant *alter;            /* the grants through which the command may change a name
                                   * or write a file (in mem) */
    size_t nalter;
} link_scan;

/* Before the command starts, with the plan's grants and the working
 * directory: the time, and where the command may make a link in the
 * working directory: all of it (a grant at or above it), or the granted
 * directories beneath it (the working directory when there are more than
 * LINK_SCAN_ROOTS_MAX).  repos: the plan keeps the project's own
 * repository configuration from the command, so a repository the command
 * makes beneath the working directory, in a directory that was there
 * before the run (a .git, or a bare repository's HEAD), is named too: git
 * run in that directory would take it for the project's (LS_REPO).
 * before (or NULL): the paths of the project's directories and of its
 * .git and HEAD entries when the command starts (shared_inodes.h), kept by
 * the caller until runner_link_scan_end: a directory is the user's when
 * its path was there, whatever the command did to it; without them, when
 * it was made before the run. */
void runner_link_scan_begin(link_scan *s, const ll_grant *g, size_t ng, const char *cwd, int repos,
                            const hashmap *before);
/* After every process of the command has ended: walks those directories
 * (links not followed, up to LINK_SCAN_DEPTH_MAX directories deep) and
 * keeps in s->found what is to be named; how many.  Says nothing.  A link
 * made or changed in a git directory (a `.git` on its path) is named
 * wherever it leads.  Elsewhere, a link that leads out to a regular file, through names none of the grants lets
 * the command change, and that no grant lets it write (a venv's
 * bin/python3 -> /usr/bin/python3), is not named. */
enum { LINK_SCAN_DEPTH_MAX = 64 };
size_t runner_link_scan_end(link_scan *s);
/* The device and inode of roots[root], held since begin: 0, or -1. */
int runner_link_scan_root_id(const link_scan *s, size_t root, unsigned long long *dev, unsigned long long *ino);
/* The paths of s->found but LS_BUCKLE (moved aside and remembered as a
 * `buckle` PATH finds: shadow_check.h) and LS_TOOLFILE (a file to look
 * at, which the user may keep) into out (room for s->nfound), to be remembered
 * (planted.h): a later run refuses while one is still there (a directory
 * this run could not look into too: a later command could move what it
 * holds up, where its old links are not looked at); how many. */
size_t runner_link_scan_paths(const link_scan *s, const char **out);
/* Names each of s->found but LS_BUCKLE as an error, with the command's exit status. */
void runner_link_scan_say(const link_scan *s, diag_sink *sink, int exit_status);
/* What begin and end kept, released (every path; s may be all zeros). */
void runner_link_scan_free(link_scan *s);
#endif
