/* home_guard.h - refusing a run whose WORKDIR or TMPDIR grant would cover the home
 * directory (home_guard.c). */
#ifndef BUCKLE_HOME_GUARD_H
#define BUCKLE_HOME_GUARD_H
#include "../compiler/decide.h"
#include "../support/arena.h"

/* Why the run must be refused: the profile lets the command write where a
 * rule naming WORKDIR (or TMPDIR) reaches, and that parameter's value is
 * one of homes (the HOME value, the password database's home), above it, or
 * inside one of the home's start-up directories.  NULL: no such problem. */
const char *runner_home_write_problem(arena *a, compilation *c, decider *d, const char *const *homes, size_t nhomes);
/* 1 when the directory v is the home directory home, above it, or inside
 * one of its start-up directories: where runner_home_write_problem refuses
 * a grant that names the parameter. */
int runner_home_guarded(arena *a, const char *v, const char *home);
#endif
