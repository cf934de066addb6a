/* nested_repos.h - repositories beneath the working directory, and files a
 * repository's configuration includes, that the plan lets the command
 * write while it keeps the project's own repository configuration from it
 * (nested_repos.c). */
#ifndef BUCKLE_NESTED_REPOS_H
#define BUCKLE_NESTED_REPOS_H
#include "../backend/landlock.h"
#include "../support/arena.h"

/* The search for repositories beneath the working directory, made by the
 * walk of the project before the command starts (shared_inodes.h). */
typedef struct nest_search nest_search;
/* How the plan lets the command change path (write the file that is
 * there, or make it), or NULL when it does not. */
const char *runner_plan_write_why(arena *a, const ll_plan *p, const char *path);
/* 1 when the plan checks path when the command ends (a deny of a path
 * that did not exist: the run fails when the command made it). */
int runner_plan_checked_after(const ll_plan *p, const char *path);
/* path with its "." and ".." components taken by name (as git and the
 * tools that name programs in their configuration do: no link resolved) */
const char *runner_path_by_name(arena *a, const char *path);
/* path as the kernel reaches it: the links on the way (and a last one)
 * followed, as far as it exists */
const char *runner_path_kernel(arena *a, const char *path);
/* what tells git where the user's configuration is: HOME, XDG_CONFIG_HOME,
 * GIT_CONFIG_GLOBAL, GIT_CONFIG_SYSTEM (each NULL when unset) */
typedef struct git_env {
    const char *home, *xdg_config, *config_global, *config_system;
    const char *const *vars;     /* the environment ("NAME=VALUE", NULL-terminated): GIT_CONFIG_* and the like */
} git_env;
enum { NEST_DEPTH_MAX = 64 };
/* With the plan and buckle's working directory (physical): the search, or
 * NULL when the plan keeps none of the project's own repository
 * configuration from the command (nothing to search for) or when *why is
 * set: why the run must not start (a file a protected git configuration
 * includes, or a program or hooks directory it names, that the plan lets
 * the command write).  The configuration files looked at: the project's,
 * the repository's it lies in (the shared one of a linked worktree, and
 * config.worktree), and the user's and the system's as any git the user
 * runs later may read them (env, and the password database's home), and
 * the settings env->vars gives git; HOME is also what include paths that
 * start with ~/ are taken from.  accept_hooks: a hook the profile keeps
 * that runs a program the command may write does not stop the run
 * (--linux-accept=hooks). */
nest_search *runner_nested_begin(arena *a, const ll_plan *plan, const char *cwd, const git_env *env,
                                 int accept_hooks, const char **why);
/* A directory named name (path sub) in a directory depth levels below the
 * working directory: 1 when it is a repository's entry (.git, .hg, .jj),
 * not searched beneath; one the plan lets the command write what runs
 * code in is found (depth 0: the project's own, whose denies hold it). */
int runner_nested_entry(nest_search *x, const char *name, const char *sub, int depth);
/* A directory the walk opened (fd): 1 when it is a bare repository, not
 * searched beneath (found like runner_nested_entry's). */
int runner_nested_bare(nest_search *x, int fd, const char *sub);
/* Why the run must not start, or NULL: a hook of the project's own
 * repository (cwd's) runs a program by name that the plan lets the command
 * write or make in one of the directories front (absolute: those the
 * project's .envrc puts first in PATH, PATH_add's), looked in before
 * env's PATH, as the project's shell does (runner_nested_begin reads the
 * hooks with env's PATH alone). */
const char *runner_hooks_front_path(arena *a, const ll_plan *plan, const char *cwd, const git_env *env,
                                    int accept_hooks, const char *const *front, size_t nfront);
/* Why the run must not start (the first repository found), or NULL. */
const char *runner_nested_found(const nest_search *x);
/* Why git run in a repository whose git directory is gitdir may run a
 * program its files name, or NULL when it runs none: a directory of its
 * own (no commondir, config.worktree, worktrees or modules), no hook but
 * git's samples, and a config that sets only what git init and git clone
 * write (core's formats, remotes, branches) and user.name and user.email. */
const char *runner_repo_inert(arena *a, const char *gitdir);
/* 1 when the plan keeps the project's own git configuration
 * (cwd/.git/config) from the command. */
int runner_own_repo_kept(arena *a, const ll_plan *plan, const char *cwd);
#endif
