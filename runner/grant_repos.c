/* grant_repos.c - repositories in the directories the plan lets the
 * command write outside the working directory (grant_repos.h).  A profile
 * that keeps the project's .git/config from the command but lets it write
 * $TMPDIR leaves a repository there (TMPDIR a work tree; a clone in a
 * private TMPDIR=~/tmp) writable whole: git runs its core.fsmonitor at the
 * next `git status` there, outside any sandbox.  Only the top of each such
 * directory and the directories directly in it (or a symbolic link there
 * leads to) are looked at (a walk of a
 * cache directory's depths would cost every run), at most so many entries
 * of each: past that bound the run is refused.  A plan that writes nearly
 * everywhere (default allow) is not asked (names_outside.h). */
#define _GNU_SOURCE
#include "grant_repos.h"
#include "names_outside.h"
#include "path_ident.h"
#include "../seatbelt/ops.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { GRANT_ENTRIES_MAX = 10000, GRANT_OUTSIDE_MAX = 256 };

/* 1 when the plan lets the command write or make path */
static int may_write(arena *a, const ll_plan *p, const char *path)
{
    sb_request q;
    memset(&q, 0, sizeof q);
    q.kind = OBJ_PATH;
    q.obj = path;
    q.len = strlen(path);
    const char *why;
    struct stat st;
    q.op = lstat(path, &st) == 0 && !S_ISDIR(st.st_mode) ? op_lookup("file-write-data", NULL)
                                                          : op_lookup("file-write-create", NULL);
    return ll_plan_decide(p, &q, path, a, &why) == 0;
}

/* the configuration of the repository in dir the command may write, or NULL */
static const char *repo_config(arena *a, const ll_plan *p, const char *dir)
{
    const char *d = strcmp(dir, "/") ? dir : "";
    struct stat st;
    const char *cfg = NULL;
    if (lstat(arena_printf(a, "%s/.git", d), &st) == 0 && S_ISDIR(st.st_mode))
        cfg = arena_printf(a, "%s/.git/config", d);
    else if (lstat(arena_printf(a, "%s/HEAD", d), &st) == 0 && lstat(arena_printf(a, "%s/objects", d), &st) == 0 &&
             S_ISDIR(st.st_mode) && lstat(arena_printf(a, "%s/refs", d), &st) == 0 && S_ISDIR(st.st_mode))
        cfg = arena_printf(a, "%s/config", d);
    return cfg && may_write(a, p, cfg) ? cfg : NULL;
}

const char *runner_grant_repo_problem(arena *a, const ll_plan *plan, const char *cwd)
{
    /* a plan that writes everywhere but a few places (default allow)
     * reaches the repositories of the whole machine (a ~/.pyenv clone
     * among them) by the profile's choice: this check is for plans that
     * confine writing, told by the places they leave out (names_outside.c) */
    if (runner_writes_nearly_everywhere(a, plan, GRANT_OUTSIDE_MAX)) return NULL;
    for (size_t i = 0; i < plan->ng; i++) {
        const ll_grant *g = &plan->g[i];
        if (!g->is_dir || !(g->access & (LL_FS_MAKE_REG | LL_FS_WRITE_FILE)) || runner_at_or_above(g->path, cwd) ||
            runner_at_or_above(cwd, g->path))
            continue;
        const char *cfg = repo_config(a, plan, g->path);
        const char *in = g->path;
        int fd = cfg ? -1 : open(g->path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
        if (fd >= 0 && !d) close(fd);
        struct dirent *e;
        size_t n = 0;
        while (d && !cfg && (e = readdir(d))) {
            if (++n > GRANT_ENTRIES_MAX) {
                closedir(d);
                return arena_printf(a, "buckle cannot look at every directory in %s for a repository the command "
                                       "could configure (more than %d entries), and the plan lets the command write "
                                       "it while the profile keeps the project's own repository configuration from "
                                       "the command; keep that directory small (set TMPDIR to a directory of its "
                                       "own)", g->path, GRANT_ENTRIES_MAX);
            }
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            /* a symbolic link to a directory too: cd enters it as it would
             * the directory (a repository made deeper, linked here) */
            if (e->d_type != DT_DIR && e->d_type != DT_LNK && e->d_type != DT_UNKNOWN) continue;
            struct stat st;
            if (fstatat(fd, e->d_name, &st, 0) != 0 || !S_ISDIR(st.st_mode)) continue;
            in = arena_printf(a, "%s/%s", strcmp(g->path, "/") ? g->path : "", e->d_name);
            cfg = repo_config(a, plan, in);
        }
        if (d) closedir(d);
        if (cfg)
            return arena_printf(a, "%s is a repository in %s, which the plan lets the command write: its configuration "
                                   "%s too, and git runs what it names (core.fsmonitor, hooks) at your next git command "
                                   "there, outside any sandbox, while the profile keeps the project's own from the "
                                   "command; keep repositories out of the directories the command may write (set "
                                   "TMPDIR to a directory of its own), or deny writing %s in the profile", in, g->path,
                                cfg, cfg);
    }
    return NULL;
}
