/* profile_siblings.h - the other profiles a project keeps beside the one a
 * run compiles (profile_siblings.c). */
#ifndef BUCKLE_PROFILE_SIBLINGS_H
#define BUCKLE_PROFILE_SIBLINGS_H
#include "../support/arena.h"
#include <stddef.h>

typedef struct profile_siblings {
    const char **dirs;     /* protected whole: every file in them, at and beneath */
    size_t ndirs;
    const char **files;    /* protected one by one: the profiles in a directory that cannot be */
    size_t nfiles;
} profile_siblings;

/* The directories of srcs (the profile and every file its compilation read;
 * relative to cwd), where a project keeps the profiles of its other runs:
 * each protected whole, unless it is the working directory or above it, a
 * home directory (homes, NULL entries skipped) or above it, the temporary
 * directory (tmpdir) or above it, or writable by every user; there only its
 * *.buckle and *.sb files and .buckle-lint.conf, as they are now. */
void runner_profile_siblings(arena *a, const char *const *srcs, size_t nsrcs, const char *cwd,
                             const char *const *homes, size_t nhomes, const char *tmpdir, profile_siblings *out);
#endif
