/* hook_runners.h - the project files a command of a git hook runs by
 * design, though it names none of them (hook_runners.c): `npx lint-staged`
 * runs node_modules/.bin/lint-staged, `npm test` the scripts of
 * package.json, `make -C scripts lint` scripts/Makefile, `python3 -m
 * scripts.hook` scripts/hook.py. */
#ifndef BUCKLE_HOOK_RUNNERS_H
#define BUCKLE_HOOK_RUNNERS_H
#include "../support/arena.h"
#include <stddef.h>

/* A file a command runs: relative to the directory it runs in (the work
 * tree's top); there_now, it counts only when it is there now (a module
 * python looks for in more places than one). */
typedef struct hook_run {
    const char *path;
    int there_now;
} hook_run;
enum { HOOK_RUNS_MAX = 3 };
/* The command's words w[0..n) (quotes taken off; w[0] the program): the
 * files it runs in out, their count returned. */
size_t runner_hook_runs(arena *a, const char *const *w, size_t n, hook_run out[HOOK_RUNS_MAX]);
/* The program w (a path or a name) runs the script its first operand
 * names: 1, a shell (sh, bash, ., source: -e is an option like another);
 * 2, another interpreter (python3, node, perl: -e runs code); 0, none. */
int runner_hook_interpreter(const char *w);
#endif
