/* linked_git.h - a working directory whose repository lies outside what
 * the plan lets the command write (linked_git.c). */
#ifndef BUCKLE_LINKED_GIT_H
#define BUCKLE_LINKED_GIT_H
#include "../backend/landlock.h"
#include "../support/arena.h"

/* When the working directory cwd is in a work tree whose .git is a file
 * (a linked worktree's, a submodule's: "gitdir: DIR"), and the plan does
 * not let the command make DIR/index.lock (git add, git commit, git
 * checkout do) while it lets it make files in cwd: what to say before the
 * command starts, naming the fix; NULL otherwise.  In a. */
const char *runner_linked_git_note(arena *a, const ll_plan *plan, const char *cwd);
#endif
