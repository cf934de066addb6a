/* tool_configs.h - programs the tools' configurations name, which the
 * tools run by themselves outside any sandbox (tool_configs.c). */
#ifndef BUCKLE_TOOL_CONFIGS_H
#define BUCKLE_TOOL_CONFIGS_H
#include "../backend/landlock.h"
#include "../support/arena.h"

/* Why the run is refused: a configuration file the plan keeps from the
 * command, in the working directory, one above it, the home directory or
 * where the environment puts it, names a program or directory the plan
 * lets the command write (yarnPath, rustc-wrapper, bun's preload); NULL
 * when none does.  vars ("NAME=VALUE", NULL-terminated): the environment
 * the tools' ${NAME} references and the files' places are taken from.
 * In a. */
const char *runner_tool_config_problem(arena *a, const ll_plan *plan, const char *cwd, const char *const *vars);

/* The configurations whose copies beneath cwd count when the command
 * makes or changes one (runner_tool_config_made): a bit for each kind the
 * tool reads in the directory it runs in and each one above, set where
 * the plan keeps the project's own at cwd. */
unsigned long long runner_tool_configs_walked(arena *a, const ll_plan *plan, const char *cwd);

/* Whether dir/name (dir absolute), made or changed by the command, is a
 * configuration of a kind in kinds (runner_tool_configs_walked) that
 * runs something at your next command there: one of mise's or Cargo's
 * whatever it says, another one when it names a program (a .tool-versions
 * with a path: version, a rust-toolchain.toml with a path, a .npmrc with
 * a script-shell) or is no file that can be read whole. */
int runner_tool_config_made(const char *dir, const char *name, unsigned long long kinds);

/* Whether dir/name (dir absolute) is where a tool of the table looks for
 * its configuration from a directory of the project (a .npmrc, a
 * .cargo/config.toml, mise's conf.d/x.toml), by the names alone; none in
 * a package manager's tree (node_modules, site-packages). */
int runner_tool_config_place(const char *dir, const char *name);

/* Whether dir/name (dir absolute) is where a directory on the way to
 * such a place is (a .cargo, mise's .config/mise, .mise or mise), by the
 * names alone; none in a package manager's tree. */
int runner_tool_config_dir_place(const char *dir, const char *name);

/* The key of such a file dir/name, st, in the map of the project's paths
 * at the start (shared_inodes.c keeps it, link_scan.c looks it up): its
 * path and its file, so one at a path where it was not (a directory
 * renamed into its way changes no change time of the files in it), or
 * another file there, is no key of the map; in a, its length in *n. */
struct stat;
const char *runner_tool_config_key(arena *a, const char *dir, const char *name, const struct stat *st, size_t *n);

/* The tool's configuration path is (runner_tool_config_made): the name
 * said of it ("Cargo") in *title, when what it names runs in *when. */
void runner_tool_config_said(const char *path, const char **title, const char **when);
#endif
