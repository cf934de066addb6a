/* home_guard.h - refusing a run whose WORKDIR grant would cover the home
 * directory (home_guard.c). */
#ifndef BUCKLE_HOME_GUARD_H
#define BUCKLE_HOME_GUARD_H
#include "../compiler/decide.h"
#include "../support/arena.h"

/* Why the run must be refused: the profile lets the command write where a
 * rule naming WORKDIR reaches, and workdir is one of homes (the HOME value,
 * the password database's home) or above it.  NULL: no such problem. */
const char *runner_workdir_home_problem(arena *a, compilation *c, decider *d, const char *workdir,
                                        const char *const *homes, size_t nhomes);
#endif
