/* names_outside.h - the names files have where the plan does not let the
 * command write (names_outside.c). */
#ifndef BUCKLE_NAMES_OUTSIDE_H
#define BUCKLE_NAMES_OUTSIDE_H
#include "../backend/landlock.h"
#include "../support/arena.h"
#include <sys/stat.h>

/* a file with more than one name, and how many of its names were found
 * outside the write grants */
typedef struct outside_file {
    unsigned long long dev, ino;
    unsigned long long dir_dev;   /* the device of a directory that holds a name of it */
    size_t outside;
} outside_file;

/* 1 when the directory name in dirfd (st: its lstat) is another user's
 * that this one cannot search: no file beneath it can be reached by a
 * path, so the command, run as this user, can neither write one there nor
 * make a link from one (the user's own directory it may chmod). */
int runner_dir_unreachable(int dirfd, const char *name, const struct stat *st);

/* 1 when the plan lets the command write files everywhere (a grant of the
 * root that writes files, and no read-only mount): no name is outside. */
int runner_writes_everywhere(const ll_plan *plan);

/* 1 when the places the plan does not let the command write files hold
 * at most max_dirs directories in all (walked from the root without
 * following links, over every filesystem): `default allow`, with or
 * without denies, which lets the command write everywhere but a few
 * places.  0 when the plan confines writing (the walk reached its bound,
 * or a place could not be read). */
int runner_writes_nearly_everywhere(arena *a, const ll_plan *plan, size_t max_dirs);
/* The count beneath it: 1 when the places the plan does not let the
 * command write files, at and beneath the directories start (nstart of
 * them; "/" alone for runner_writes_nearly_everywhere), hold at most max
 * directories.  Read breadth first, without following links; a directory
 * gone by the time it is read (or replaced by a file or a link) counts
 * with nothing beneath it, as does another user's the user cannot read
 * (runner_outside_linked then refuses at one the user can search). */
int runner_outside_dirs_from(arena *a, const ll_plan *plan, const char *const *start, size_t nstart, size_t max);

/* Counts in each file's outside the names it has where the plan does not
 * let the command write files: beneath no grant that writes files, or
 * beneath a path the plan mounts read-only, on the filesystems that hold
 * the files.  Those places are walked (without following links, at most
 * max_entries entries), the granted ones are not.  NULL when every such
 * place was looked at (a file whose count is 0 has no name outside), else
 * why not (the counts are then a floor). */
const char *runner_names_outside(arena *a, const ll_plan *plan, outside_file *files, size_t n, size_t max_entries);
/* a file where the plan does not let the command write that has a name
 * elsewhere */
typedef struct outside_linked {
    const char *path;             /* its first name found outside */
    unsigned long long dev, ino, nlink, outside;
} outside_linked;

/* Under a plan that lets the command write everywhere but a few places
 * (runner_writes_nearly_everywhere), the other way round: those places
 * (beneath no grant that writes files, or beneath a path the plan mounts
 * read-only) are walked from the root (at most max_entries entries), and
 * every regular file there with more names than the walk found there is
 * put in files (n of them, in a's memory): its other names lie where the
 * command may write, and a write through one of them reaches the file.
 * NULL when every such place was looked at, else why not. */
const char *runner_outside_linked(arena *a, const ll_plan *plan, size_t max_entries, outside_linked **files, size_t *n);
#endif
