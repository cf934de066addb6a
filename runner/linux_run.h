/* linux_run.h - `buckle run` on Linux: the Landlock ruleset, then the command
 * in buckle's place (linux_run.c). */
#ifndef BUCKLE_LINUX_RUN_H
#define BUCKLE_LINUX_RUN_H
#include "../backend/landlock.h"

/* Applies the plan's Landlock ruleset to this process (no_new_privs first)
 * and executes path in its place; returns only on failure: 125 (the
 * ruleset), 126 or 127 (the exec), with *why. */
int runner_landlock_exec(const ll_plan *p, int kernel_abi, const char *path, char *const argv[], arena *a,
                         const char **why);
#endif
