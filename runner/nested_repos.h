/* nested_repos.h - repositories beneath the working directory, and files a
 * repository's configuration includes, that the plan lets the command
 * write while it keeps the project's own repository configuration from it
 * (nested_repos.c). */
#ifndef BUCKLE_NESTED_REPOS_H
#define BUCKLE_NESTED_REPOS_H
#include "../backend/landlock.h"
#include "../support/arena.h"

/* Before the command starts, with the plan and buckle's working directory
 * (physical): why the run must not start (a repository beneath the
 * working directory whose hooks or configuration the plan lets the
 * command write, or a file a protected git configuration includes that
 * it may write), or NULL.  home: the HOME value (for include paths that
 * start with ~/), or NULL; xdg_config: the XDG_CONFIG_HOME value (where
 * git reads the user's configuration from), or NULL. */
const char *runner_nested_repo_problem(arena *a, const ll_plan *plan, const char *cwd, const char *home,
                                       const char *xdg_config);
#endif
