/* git_rev.h - a profile as it was at a git revision: `REV:PATH` is the
 * repository's whole tree at REV (git archive), unpacked in a temporary
 * directory, so that the profile's extends, imports and search directories
 * inside the repository are read as they were, wherever in the work tree
 * the command runs. */
#ifndef BUCKLE_GIT_REV_H
#define BUCKLE_GIT_REV_H
#include "../support/strbuf.h"
#include <limits.h>
#include <stddef.h>

typedef struct git_rev {
    char dir[PATH_MAX];       /* the tree unpacked here */
    char top[PATH_MAX];       /* the work tree's top directory (a real path) */
    char prefix[PATH_MAX];    /* the current directory below top: "" or "a/b/" */
    char path[PATH_MAX];      /* the profile in dir */
} git_rev;

/* 1 when spec names no existing file and has the form REV:PATH. */
int git_rev_spec(const char *spec);
/* Unpacks REV's tree into a new directory under $TMPDIR: PATH is relative
 * to the current directory (as git reads REV:./PATH) and may reach above
 * it, not out of the repository.  0, or -1 with a message on stderr. */
int git_rev_checkout(const char *spec, git_rev *rv);
/* A search directory (-I, an entry of $BUCKLE_PATH) for the profile
 * unpacked in rv: one inside the work tree is the same directory of the
 * revision; any other, or with rv NULL, is dir itself.  In a (malloc'ed,
 * kept by the caller) string when it changes. */
const char *git_rev_dir(const git_rev *rv, const char *dir, char **owned);
/* The same for each entry of a ':'-separated list (NULL stays NULL). */
const char *git_rev_dirs(const git_rev *rv, const char *list, char **owned);
/* How a path in the unpacked tree is named to the user: text with each
 * "DIR/" of rv written "REV:" and the path from the current directory
 * ("REV:../lib/base.buckle"), added to out (a strbuf). */
void git_rev_names(strbuf *out, const char *text, const git_rev *rv, const char *spec);
/* Removes the directory made by git_rev_checkout. */
void git_rev_remove(const git_rev *rv);
#endif
