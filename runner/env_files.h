/* env_files.h - files the user's environment has programs run at their
 * start (BASH_ENV, NODE_OPTIONS's --require), which the plan must not let
 * the command write (env_files.c). */
#ifndef BUCKLE_ENV_FILES_H
#define BUCKLE_ENV_FILES_H
#include "../backend/landlock.h"
#include "../support/arena.h"

/* Why the run is refused: a variable of vars ("NAME=VALUE",
 * NULL-terminated; relative paths from cwd) names a file that a program
 * runs or loads whenever it starts, and the plan lets the command write
 * it; NULL when none does.  In a. */
const char *runner_env_file_problem(arena *a, const ll_plan *plan, const char *cwd, const char *const *vars);
/* Why the run is refused by the rule for every variable: one the table
 * does not describe (or whose options it reads, NODE_OPTIONS, RUBYOPT)
 * names, as an absolute path, in a ':' list or in an option word, a place
 * the plan lets the command write, and is not one of the few that name
 * only data or the project's own programs (PWD, TMPDIR, PATH,
 * VIRTUAL_ENV), nor one the .envrc direnv loaded assigns; NULL when none
 * does.  Asked after the precise checks, whose messages say more. */
const char *runner_env_any_problem(arena *a, const ll_plan *plan, const char *cwd, const char *const *vars);
/* Whether a program runs or loads what the environment variable name
 * names (BASH_ENV, NODE_OPTIONS, PAGER, PYTHONPATH, CC), by env_files.c's
 * table, which direnv_files.c asks about an .envrc's assignments. */
int runner_env_var_runs(const char *name);
/* The k-th file a program runs at its start from a directory the
 * variable names (ZDOTDIR's .zshenv and .zshrc, each PYTHONPATH
 * directory's sitecustomize.py and usercustomize.py), or NULL past the
 * last. */
const char *runner_env_var_probe(const char *name, size_t k);
#endif
