/* direnv_files.h - the files a project's .envrc loads, which direnv runs
 * in the user's shell outside any sandbox (direnv_files.c). */
#ifndef BUCKLE_DIRENV_FILES_H
#define BUCKLE_DIRENV_FILES_H
#include "above_names.h"
#include "run.h"
#include "../backend/landlock.h"
#include "../support/arena.h"

/* What the scan found besides the files it watches (its strings in the
 * arena given: for before the command starts). */
typedef struct direnv_scan {
    const char *unread;           /* "FILE:LINE: CMD WORD": the first word in a loading place the shell builds */
    const char **path_dirs;       /* the directories direnv puts first in PATH (PATH_add bin, layout python3) */
    size_t npath, cappath;
    size_t *dotenvs;              /* the files oh-my-zsh's dotenv plugin loads: indices in the watch (malloc'd) */
    size_t ndotenvs;
} direnv_scan;

/* Before the command starts: each file an .envrc direnv would load names
 * (the working directory's, each one above it, nested: each one the walk
 * of the project met beneath it, and each one direnv's allow records or
 * its configuration's whitelist exact name; and the .env of each directory
 * oh-my-zsh's dotenv plugin allows):
 * dotenv's .env, source_env's and source's files, use flake's and use
 * nix's, a script it runs, and every word that names a file there or in a
 * directory that is there, and the same in the shell code it sources, that
 * the plan lets the command write or make, as it is now (above_names.h's
 * watch).  In a; home: the user's, for direnv's files. */
void runner_direnv_begin(above_watch *w, direnv_scan *out, arena *a, const ll_plan *plan, const char *cwd,
                         const char *home, const char *const *nested, size_t nnested);
/* Names each one found (runner_above_end) as an error, with the command's
 * exit status. */
void runner_direnv_say(const above_watch *w, const direnv_scan *scan, diag_sink *sink, int exit_status);
void runner_direnv_free(direnv_scan *scan);
#endif
