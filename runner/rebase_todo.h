/* rebase_todo.h - the commands a stopped interactive rebase has still to
 * run (rebase_todo.c): git runs the todo's exec lines at the next `git
 * rebase --continue`, outside any sandbox, and the command may write the
 * todo. */
#ifndef BUCKLE_REBASE_TODO_H
#define BUCKLE_REBASE_TODO_H
#include "../support/arena.h"

/* The exec lines (exec, x) of the todo of a rebase stopped in the
 * repository of the work tree wt (its .git a directory, or a file
 * "gitdir: DIR"), one a line, in a; NULL when there are none. */
const char *runner_rebase_execs(arena *a, const char *wt);
#endif
