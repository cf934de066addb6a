/* run_linux.h - `buckle run` on Linux, under Landlock (run_linux.c). */
#ifndef BUCKLE_RUN_LINUX_H
#define BUCKLE_RUN_LINUX_H
#include "cli.h"

/* 1 when buckle run should enforce with Landlock: on Linux, unless the
 * tests' sandbox-exec stand-in is set or --dry-run asks what would run on
 * macOS. */
int run_linux_wanted(int argc, char **argv);
int cmd_run_linux(cli_env *env, int argc, char **argv);
#endif
