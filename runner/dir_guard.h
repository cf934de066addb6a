/* dir_guard.h - refusing a run whose WORKDIR or TMPDIR grant would reach a
 * git directory, a system directory or a directory on PATH (dir_guard.c). */
#ifndef BUCKLE_DIR_GUARD_H
#define BUCKLE_DIR_GUARD_H
#include "../compiler/decide.h"
#include "../support/arena.h"

/* Why the run must be refused: the profile lets the command write a new
 * file in the value of the parameter name (WORKDIR, TMPDIR) through a rule
 * that names it, and that value is a git directory or inside one, a
 * directory every user may write, is at, above or inside a system
 * directory, or at or inside a directory of PATH.
 * called and instead word the message.  NULL: no such problem. */
const char *runner_dir_write_problem(arena *a, compilation *c, decider *d, const char *name, const char *called,
                                     const char *instead);
/* 1 when the directory v is one that runner_dir_write_problem refuses a
 * grant of whatever the profile: a git directory or inside one, at, above
 * or inside a system directory, at, inside or above a directory of PATH. */
int runner_dir_guarded(arena *a, const char *v);
#endif
