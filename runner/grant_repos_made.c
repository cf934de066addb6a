/* grant_repos_made.c - repositories the command makes directly in a
 * directory it may write outside the working directory
 * (grant_repos_made.h).  Before the run, a repository at the top of such
 * a directory or directly in it refuses the run (grant_repos.c); one the
 * command makes there during the run (`git init $TMPDIR/clone` and a
 * core.fsmonitor in its config) would be found by the next run only, and
 * in between git run there (the user, an editor) runs what its
 * configuration names.  So the entries of each such directory are noted
 * before the command starts, and after the run each one made or changed
 * since that holds a repository made during the run fails the run and is
 * remembered, as one made beneath the working directory does. */
#define _GNU_SOURCE
#include "grant_repos_made.h"
#include "git_dir.h"
#include "path_ident.h"
#include "run_profile.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* dir's entries, sorted; -1 when it cannot be read or holds more than the bound */
static int read_dir(const char *dir, dir_entry **out, size_t *n)
{
    return runner_dir_entries(dir, DIR_ENTRIES_NOFOLLOW, NULL, GRANT_MADE_MAX, out, n);
}

/* 1 when dirfd/name was made at or after t (its birth time; without one,
 * its change time) */
static int made_since(int dirfd, const char *name, const struct timespec *t)
{
#ifdef STATX_BTIME
    struct statx sx;
    if (statx(dirfd, name, AT_SYMLINK_NOFOLLOW, STATX_BTIME | STATX_CTIME, &sx) != 0) return 0;
    struct statx_timestamp b = (sx.stx_mask & STATX_BTIME) ? sx.stx_btime : sx.stx_ctime;
    return b.tv_sec > t->tv_sec || (b.tv_sec == t->tv_sec && b.tv_nsec >= (uint32_t)t->tv_nsec);
#else
    struct stat st;
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return 0;
    return st.st_ctim.tv_sec > t->tv_sec || (st.st_ctim.tv_sec == t->tv_sec && st.st_ctim.tv_nsec >= t->tv_nsec);
#endif
}

/* 1 when dir/name holds a repository: a .git (a directory or a file
 * naming one), or a bare repository's HEAD beside objects and refs; a
 * symbolic link is followed (cd enters it as it would a clone).  *born:
 * its .git, or HEAD or objects, was made since the start; *link: dir/name
 * is a symbolic link. */
static int holds_repo(const repos_made *r, const char *dir, const char *name, int *born, int *link)
{
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd < 0) return 0;
    int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat ls;
    *link = fd < 0 && fstatat(dfd, name, &ls, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(ls.st_mode);
    if (*link)
        fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
    close(dfd);
    if (fd < 0) return 0;
    struct stat st;
    int repo = 0;
    *born = 0;
    if (fstatat(fd, ".git", &st, AT_SYMLINK_NOFOLLOW) == 0) {
        repo = 1;
        *born = made_since(fd, ".git", &r->start);
    } else if (runner_git_dir_at(fd, ".")) {
        repo = 1;
        *born = made_since(fd, "HEAD", &r->start) || made_since(fd, "objects", &r->start);
    }
    close(fd);
    return repo;
}

void runner_repos_made_begin(repos_made *r, const ll_plan *plan, const char *cwd)
{
    memset(r, 0, sizeof *r);
#ifdef CLOCK_REALTIME_COARSE
    clock_gettime(CLOCK_REALTIME_COARSE, &r->start);      /* the clock file times are taken from */
#else
    clock_gettime(CLOCK_REALTIME, &r->start);
#endif
    r->d = plan->ng ? xcalloc(plan->ng, sizeof *r->d) : NULL;
    for (size_t i = 0; i < plan->ng; i++) {
        const ll_grant *g = &plan->g[i];
        if (!g->is_dir || !g->path || runner_at_or_above(g->path, cwd) || runner_at_or_above(cwd, g->path))
            continue;
        if (g->access & (LL_FS_WRITE_FILE | LL_FS_MAKE_REG | LL_FS_MAKE_DIR)) {
            r->wdirs = xrealloc(r->wdirs, (r->nw + 1) * sizeof *r->wdirs);
            char *phys = realpath(g->path, NULL);   /* compared with where links lead */
            r->wdirs[r->nw++] = phys ? phys : xstrdup(g->path);
        }
        if (!(g->access & LL_FS_MAKE_DIR)) continue;
        int seen = 0;
        for (size_t k = 0; k < r->nd && !seen; k++) seen = !strcmp(r->d[k].path, g->path);
        if (seen) continue;
        made_dir *md = &r->d[r->nd];
        if (read_dir(g->path, &md->v, &md->n) != 0) continue;
        md->path = xstrdup(g->path);
        md->had = md->n ? xcalloc(md->n, 1) : NULL;
        for (size_t k = 0; k < md->n; k++) {
            int born = 0, link = 0;
            md->had[k] = (unsigned char)holds_repo(r, md->path, md->v[k].name, &born, &link);
        }
        r->nd++;
    }
}

size_t runner_repos_made_end(repos_made *r)
{
    size_t cap = 0;
    for (size_t i = 0; i < r->nd; i++) {
        made_dir *md = &r->d[i];
        dir_entry *now;
        size_t n;
        errno = 0;
        if (read_dir(md->path, &now, &n) != 0) {
            /* more entries than the bound, or it cannot be read: what it
             * holds is not known, so it is named rather than passed (gone:
             * nothing is left of it to run git in) */
            int err = errno;
            if (err == ENOENT) continue;
            r->unread = xrealloc(r->unread, (r->nunread + 1) * sizeof *r->unread);
            r->errs = xrealloc(r->errs, (r->nunread + 1) * sizeof *r->errs);
            r->unread[r->nunread] = xstrdup(md->path);
            r->errs[r->nunread++] = err;
            continue;
        }
        for (size_t j = 0; j < n; j++) {
            const dir_entry *was = md->n ? bsearch(&now[j], md->v, md->n, sizeof *md->v, runner_dir_entry_cmp) : NULL;
            int is_new = !was || was->ino != now[j].ino, born = 0, link = 0;
            if (!holds_repo(r, md->path, now[j].name, &born, &link)) continue;
            /* one made since the start; a directory made or moved there
             * holding one; or an entry that holds one it did not hold at
             * the start (a .git made by an earlier run, deeper, moved
             * there; a link to such a repository) whose configuration the
             * command may write: the check before the run refused one
             * there, and git run there takes it */
            int fresh = born || (is_new && !link);
            if (!fresh && (is_new || !md->had[(size_t)(was - md->v)])) {
                size_t pl = strlen(md->path) + strlen(now[j].name) + 2;
                char *path = xmalloc(pl);
                snprintf(path, pl, "%s/%s", strcmp(md->path, "/") ? md->path : "", now[j].name);
                char *phys = realpath(path, NULL);      /* where a link leads */
                for (size_t k = 0; phys && k < r->nw && !fresh; k++) fresh = runner_at_or_above(r->wdirs[k], phys);
                free(phys);
                free(path);
            }
            if (!fresh) continue;
            if (r->nfound == cap) {
                cap = cap ? 2 * cap : 8;
                r->found = xrealloc(r->found, cap * sizeof *r->found);
            }
            size_t l = strlen(md->path) + strlen(now[j].name) + 2;
            char *p = xmalloc(l);
            snprintf(p, l, "%s/%s", strcmp(md->path, "/") ? md->path : "", now[j].name);
            r->found[r->nfound++] = p;
        }
        runner_dir_entries_free(now, n);
    }
    return r->nfound + r->nunread;
}

size_t runner_repos_made_paths(const repos_made *r, const char **out)
{
    for (size_t i = 0; i < r->nfound; i++) out[i] = r->found[i];
    return r->nfound;
}

void runner_repos_made_say(const repos_made *r, diag_sink *sink, int exit_status)
{
    for (size_t i = 0; i < r->nfound; i++)
        run_say(sink, SEV_ERROR, "%s is a repository the command made in a directory it may write outside the "
                                 "working directory: git run there (you, an editor that opens it) runs what its "
                                 "configuration names (core.fsmonitor, hooks) outside any sandbox; look at it and "
                                 "remove it before running git there (the command exited %d)",
                r->found[i], exit_status);
    for (size_t i = 0; i < r->nunread; i++) {
        if (r->errs[i])
            run_say(sink, SEV_ERROR, "%s cannot be looked through after the run (%s): a repository the command made "
                                     "in it would not be seen, and git run there (you, an editor that opens it) "
                                     "runs what its configuration names (core.fsmonitor, hooks) outside any "
                                     "sandbox; look at what it holds before running git there (the command exited %d)",
                    r->unread[i], strerror(r->errs[i]), exit_status);
        else
            run_say(sink, SEV_ERROR, "%s holds more than %d entries after the run, more than buckle looks through for "
                                     "a repository the command made in it: git run in one (you, an editor that opens "
                                     "it) runs what its configuration names (core.fsmonitor, hooks) outside any "
                                     "sandbox; look at what it holds and remove what the command made before running "
                                     "git there (the command exited %d)", r->unread[i], GRANT_MADE_MAX, exit_status);
    }
}

void runner_repos_made_free(repos_made *r)
{
    for (size_t i = 0; i < r->nd; i++) {
        free(r->d[i].path);
        runner_dir_entries_free(r->d[i].v, r->d[i].n);
        free(r->d[i].had);
    }
    for (size_t i = 0; i < r->nw; i++) free(r->wdirs[i]);
    free(r->wdirs);
    for (size_t i = 0; i < r->nunread; i++) free(r->unread[i]);
    free(r->unread);
    free(r->errs);
    free(r->d);
    for (size_t i = 0; i < r->nfound; i++) free(r->found[i]);
    free(r->found);
    memset(r, 0, sizeof *r);
}
