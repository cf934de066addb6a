/* grant_repos.h - repositories at the top of the directories the plan lets
 * the command write outside the working directory ($TMPDIR): their
 * configuration is as writable as the rest (grant_repos.c). */
#ifndef BUCKLE_GRANT_REPOS_H
#define BUCKLE_GRANT_REPOS_H
#include "../backend/landlock.h"
#include "../support/arena.h"

/* Before the command starts, when the plan keeps the project's own git
 * configuration from the command: why the run must not start (a
 * repository in such a directory, or in one of the directories directly in
 * it, whose configuration the plan lets the command write), or NULL. */
const char *runner_grant_repo_problem(arena *a, const ll_plan *plan, const char *cwd);
#endif
