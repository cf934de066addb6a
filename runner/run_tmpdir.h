/* run_tmpdir.h - the temporary directory of a Linux run that uses
 * buckle's own (run_tmpdir.c). */
#ifndef BUCKLE_RUN_TMPDIR_H
#define BUCKLE_RUN_TMPDIR_H
#include "run.h"
#include "../support/arena.h"

/* Beneath buckle's own temporary directory base (runner_own_tmpdir, made
 * already): a directory of its own for the runs of this profile (its path
 * as named and its bytes), with these options (-D, -I, --linux-accept,
 * the ABI), this HOME and this buckle, in the working directory cwd, made
 * 0700 and checked (runner_dir_open).  What one run leaves there only a
 * run under the same sandbox finds: a run under a tighter profile, or in
 * another project, cannot plant what a later, less confined one runs.
 * The path in a, or NULL with *why. */
const char *runner_run_tmpdir(arena *a, const char *base, const run_request *rq, const char *cwd, const char **why);
#endif
