/* rebase_todo.c - the exec lines of a stopped interactive rebase
 * (rebase_todo.h): .git/rebase-merge/git-rebase-todo, whose "exec CMD"
 * and "x CMD" lines git runs with the shell as it reaches them. */
#include "rebase_todo.h"
#include "text_file.h"
#include <string.h>

enum { TODO_BYTES_MAX = 1 << 16 };

const char *runner_rebase_execs(arena *a, const char *wt)
{
    const char *dot = arena_printf(a, "%s/.git", strcmp(wt, "/") ? wt : "");
    const char *gitdir = dot;
    char *link = runner_read_text(a, dot, 4096);
    if (link) {
        /* a linked worktree's or a submodule's: "gitdir: DIR" */
        if (strncmp(link, "gitdir:", 7)) return NULL;
        char *d = link + 7;
        d += strspn(d, " \t");
        d[strcspn(d, "\r\n")] = 0;
        gitdir = d[0] == '/' ? d : arena_printf(a, "%s/%s", strcmp(wt, "/") ? wt : "", d);
    }
    char *todo = runner_read_text(a, arena_printf(a, "%s/rebase-merge/git-rebase-todo", gitdir), TODO_BYTES_MAX);
    if (!todo) return NULL;
    char *out = arena_alloc(a, strlen(todo) + 1);
    size_t n = 0;
    for (char *line = todo, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = 0;
        const char *s = line + strspn(line, " \t");
        size_t w = strcspn(s, " \t");
        if (!((w == 4 && !strncmp(s, "exec", 4)) || (w == 1 && s[0] == 'x'))) continue;
        size_t l = strlen(s);
        memcpy(out + n, s, l);
        n += l;
        out[n++] = '\n';
    }
    if (!n) return NULL;
    out[n - 1] = 0;
    return out;
}
