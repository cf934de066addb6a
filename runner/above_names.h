/* above_names.h - the files tools take from the directories above the
 * project, in the ones the plan lets the command write (above_names.c). */
#ifndef BUCKLE_ABOVE_NAMES_H
#define BUCKLE_ABOVE_NAMES_H
#include "dir_entries.h"
#include "run.h"
#include "../backend/landlock.h"
#include <stddef.h>

/* One name in a directory above the working directory, as it was when the
 * command started. */
typedef struct above_entry {
    char *path;                   /* DIR/NAME (malloc'd) */
    int had;                      /* it existed then */
    unsigned long long dev, ino;
    long long cs, cns;            /* its change time then */
    unsigned mode;                /* its type and permissions then */
    unsigned long long nlink;     /* its number of names then */
    char *text;                   /* a small regular file's bytes then (malloc'd; NULL: not kept) */
    size_t len;
    int err;                      /* after the run: what lstat said (0: there) */
} above_entry;

typedef struct above_dir {
    char *path;                   /* the directory */
    char *skip;                   /* its entry on the way to the working directory */
    dir_entry *v;                 /* its entries when the command started, by name */
    size_t n;
} above_dir;

typedef struct above_watch {
    above_entry *v;
    size_t n, cap;
    size_t *found;                /* after runner_above_end: indices in v */
    size_t nfound;
    above_dir *d;                 /* the directories watched whole */
    size_t nd;
    unsigned long long std_dev[3], std_ino[3];   /* the files of descriptors 0-2 */
    size_t nstd;
    size_t kept;                  /* the bytes of the entries' text, together */
} above_watch;

/* Before the command starts: for each directory above cwd, each name the
 * plan keeps the command from writing beneath cwd (its mounts read-only
 * and its checks after the run, taken relative to cwd) and each name of
 * the table of workspace files (above_names.c), where the plan lets the
 * command write or make it, as it is now; and every entry of each such
 * directory where the plan lets the command make a new one, other than the
 * home directory and one every user may write. */
void runner_above_begin(above_watch *w, arena *a, const ll_plan *plan, const char *cwd, const char *home);
/* path, as it is now, to be looked at after the run (once). */
void runner_above_add(above_watch *w, const char *path);
/* The directory path, each entry of it as it is now, to be looked at after
 * the run (once): one made, another file than it was, or (not a
 * directory) written or changed. */
void runner_above_add_dir(above_watch *w, const char *path);
/* Their paths (in a), to be kept room for in the record; how many. */
size_t runner_above_list(const above_watch *w, arena *a, const char ***out);
/* After every process of the command has ended: each one that is there and
 * was not, is not the file it was or changed since (its change time) and
 * does not hold the very bytes, with the same type, modes and number of
 * names, it held
 * then (a small file's: one written again as it was, a virtual
 * environment's bin/activate made again, is as it was), or cannot be
 * looked at; and each entry of a directory watched whole that was
 * not there, is not the file it was, or (not a directory) changed, but the
 * files of the standard descriptors; how many.  Says nothing. */
size_t runner_above_end(above_watch *w);
/* Their paths into out (room for w->nfound), to be remembered (planted.h). */
size_t runner_above_paths(const above_watch *w, const char **out);
/* Names each one found as an error, with the command's exit status. */
void runner_above_say(const above_watch *w, diag_sink *sink, int exit_status);
void runner_above_free(above_watch *w);
#endif
