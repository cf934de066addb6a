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

/* What a stopped rebase, cherry-pick or revert of that repository runs as
 * its merge strategy at the next --continue: git runs a strategy that is
 * none of its own (ort, recursive, resolve, octopus, ours, subtree) as the
 * program git-merge-NAME, one of the work tree when NAME has a '/'.  The
 * text of rebase-merge's and rebase-apply's strategy (and strategy_opts)
 * files when they name another, and the whole of sequencer/opts when it
 * sets any strategy; NULL when none. */
const char *runner_rebase_strategy(arena *a, const char *wt);
#endif
