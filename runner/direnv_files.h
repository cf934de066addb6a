/* direnv_files.h - the files a project's .envrc loads, which direnv runs
 * in the user's shell outside any sandbox (direnv_files.c). */
#ifndef BUCKLE_DIRENV_FILES_H
#define BUCKLE_DIRENV_FILES_H
#include "above_names.h"
#include "run.h"
#include "../backend/landlock.h"
#include "../support/arena.h"

/* Before the command starts: each file cwd/.envrc loads (dotenv's .env,
 * source_env's and source's files, use flake's and use nix's, a script it
 * runs by path, and the same in the files it sources) that the plan lets
 * the command write or make, as it is now (above_names.h's watch). */
void runner_direnv_begin(above_watch *w, arena *a, const ll_plan *plan, const char *cwd);
/* Names each one found (runner_above_end) as an error, with the command's
 * exit status. */
void runner_direnv_say(const above_watch *w, diag_sink *sink, int exit_status);
#endif
