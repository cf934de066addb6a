/* git_rev.h - a profile as it was at a git revision: `REV:PATH` is the
 * working directory's subtree at REV (git archive), unpacked in a temporary
 * directory, so that the profile's relative extends find their bases as
 * they were. */
#ifndef BUCKLE_GIT_REV_H
#define BUCKLE_GIT_REV_H
#include <stddef.h>

/* 1 when spec names no existing file and has the form REV:PATH. */
int git_rev_spec(const char *spec);
/* Unpacks REV's tree into a new directory under $TMPDIR and writes its
 * name to dir (size n) and the profile's path in it to path (size n).
 * 0, or -1 with a message on stderr. */
int git_rev_checkout(const char *spec, char *dir, char *path, size_t n);
/* A search directory (-I, an entry of $BUCKLE_PATH) for the profile
 * unpacked in revdir: one at or below the current directory is the same
 * directory of the revision (revdir and the rest); any other, or with
 * revdir NULL, is dir itself.  In a (malloc'ed, kept by the caller) string
 * when it changes. */
const char *git_rev_dir(const char *revdir, const char *dir, char **owned);
/* The same for each entry of a ':'-separated list (NULL stays NULL). */
const char *git_rev_dirs(const char *revdir, const char *list, char **owned);
/* Removes the directory made by git_rev_checkout. */
void git_rev_remove(const char *dir);
#endif
