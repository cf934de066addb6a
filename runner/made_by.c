/* made_by.c - the everyday commands that make a path std/agent denies, and
 * how to keep what they made: the check after the run names such a path
 * (class new-paths) and a later run refuses while it is there; both say
 * this too, so that `git worktree add` in the sandbox is not a puzzle. */
#include "made_by.h"
#include <string.h>

typedef struct made_by {
    const char *suffix;       /* the path ends with it */
    const char *hint;
} made_by;

static const made_by makers[] = {
    { .suffix = "/.git/worktrees",
      .hint = "; git worktree add makes it, and git in a linked worktree reads the commondir (which names the "
              "directory git takes config and hooks from) and the config.worktree of its directory there: look at "
              "them, then remove the worktree (git worktree remove) and add it again outside the sandbox, where a "
              "later run finds it the user's own and keeps it read only" },
    { .suffix = "/.git/modules",
      .hint = "; git submodule add or update makes it, and git in a submodule runs the hooks and reads the config and "
              "commondir of its repository there: look at them, then remove it and run git submodule update outside "
              "the sandbox, where a later run finds it the user's own and keeps it read only" },
};

const char *runner_made_by(const char *path)
{
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof makers / sizeof makers[0]; i++) {
        size_t k = strlen(makers[i].suffix);
        if (n >= k && !strcmp(path + n - k, makers[i].suffix)) return makers[i].hint;
    }
    return "";
}
