/* rebase_todo.c - the exec lines of a stopped interactive rebase
 * (rebase_todo.h): .git/rebase-merge/git-rebase-todo, whose "exec CMD"
 * and "x CMD" lines git runs with the shell as it reaches them. */
#include "rebase_todo.h"
#include "text_file.h"
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

enum { TODO_BYTES_MAX = 1 << 16 };

/* the git directory of the work tree wt: its .git, or the directory a
 * .git file names ("gitdir: DIR", a linked worktree's or a submodule's);
 * NULL when its .git is a file of another kind */
static const char *git_dir_of(arena *a, const char *wt)
{
    const char *dot = arena_printf(a, "%s/.git", strcmp(wt, "/") ? wt : "");
    char *link = runner_read_text(a, dot, 4096);
    if (!link) return dot;
    if (strncmp(link, "gitdir:", 7)) return NULL;
    char *d = link + 7;
    d += strspn(d, " \t");
    d[strcspn(d, "\r\n")] = 0;
    return d[0] == '/' ? d : arena_printf(a, "%s/%s", strcmp(wt, "/") ? wt : "", d);
}

/* 1 when the strategy file's text s names one of git's own merge
 * strategies (git's read drops one final newline) */
static int builtin_strategy(const char *s)
{
    static const char *const own[] = { "ort", "recursive", "resolve", "octopus", "ours", "subtree", NULL };
    size_t n = strlen(s);
    if (n && s[n - 1] == '\n') n--;
    if (n && s[n - 1] == '\r') n--;
    for (size_t i = 0; own[i]; i++)
        if (strlen(own[i]) == n && !strncmp(own[i], s, n)) return 1;
    return 0;
}

const char *runner_rebase_strategy(arena *a, const char *wt)
{
    const char *gitdir = git_dir_of(a, wt);
    if (!gitdir) return NULL;
    const char *out = "";
    static const char *const states[] = { "rebase-merge", "rebase-apply", NULL };
    for (size_t i = 0; states[i]; i++) {
        const char *f = arena_printf(a, "%s/%s/strategy", gitdir, states[i]);
        char *st = runner_read_text(a, f, TODO_BYTES_MAX);
        if (!st || builtin_strategy(st)) continue;
        char *opts = runner_read_text(a, arena_printf(a, "%s/%s/strategy_opts", gitdir, states[i]), TODO_BYTES_MAX);
        st[strcspn(st, "\r\n")] = 0;          /* said on one line; compared whole before */
        if (opts) opts[strcspn(opts, "\r\n")] = 0;
        out = arena_printf(a, "%s%s%s/strategy: %s%s%s", out, *out ? "; " : "", states[i], st,
                           opts ? ", strategy_opts: " : "", opts ? opts : "");
    }
    /* a cherry-pick's or revert's options, in git's configuration syntax:
     * any that says strategy (options.strategy, options.strategy-option),
     * whatever case it is written in */
    const char *of = arena_printf(a, "%s/sequencer/opts", gitdir);
    char *opts = runner_read_text(a, of, TODO_BYTES_MAX);
    struct stat st;
    if (opts) {
        /* one read in part (a NUL in it, longer than read) is named whole */
        int says = stat(of, &st) != 0 || (size_t)st.st_size != strlen(opts);
        for (const char *p = opts; *p && !says; p++) says = !strncasecmp(p, "strategy", 8);
        if (says) out = arena_printf(a, "%s%ssequencer/opts: %s", out, *out ? "; " : "", opts);
    }
    return *out ? out : NULL;
}

const char *runner_rebase_execs(arena *a, const char *wt)
{
    const char *gitdir = git_dir_of(a, wt);
    if (!gitdir) return NULL;
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
