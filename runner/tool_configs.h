/* tool_configs.h - programs the project's tool configurations name, which
 * the tools run by themselves outside any sandbox (tool_configs.c). */
#ifndef BUCKLE_TOOL_CONFIGS_H
#define BUCKLE_TOOL_CONFIGS_H
#include "../backend/landlock.h"
#include "../support/arena.h"

/* Why the run is refused: a configuration file of the project the plan
 * keeps from the command names a program or directory the plan lets the
 * command write (yarnPath, rustc-wrapper, bun's preload); NULL when none
 * does.  vars ("NAME=VALUE", NULL-terminated): the environment the tools'
 * ${NAME} references are taken from.  In a. */
const char *runner_tool_config_problem(arena *a, const ll_plan *plan, const char *cwd, const char *const *vars);
#endif
