/* shadow_check.c - a `buckle` the command made in a PATH directory looked
 * in before the one buckle was found in (shadow_check.h).  Landlock
 * grants a directory's entries, not names: refusing the one name would
 * close the whole directory to new entries (node_modules/.bin, which
 * `npm install` fills).  So each candidate is looked at once every process
 * of the sandbox has ended: one there that was not when the command
 * started is named, remembered and moved aside in its own directory, so
 * that the next lookup of the name finds buckle again. */
#define _GNU_SOURCE
#include "shadow_check.h"
#include "path_text.h"
#include "run_profile.h"
#include "../support/arena.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

void runner_shadow_begin(shadow_watch *w, const char *const *paths, size_t n, const char *found_in)
{
    memset(w, 0, sizeof *w);
    w->found_in = found_in ? xstrdup(found_in) : NULL;
    w->v = n ? xcalloc(n, sizeof *w->v) : NULL;
    for (size_t i = 0; i < n; i++) {
        shadow_entry *e = &w->v[w->n++];
        e->path = xstrdup(paths[i]);
        struct stat st;
        if (lstat(e->path, &st) == 0) {
            e->had = 1;
            e->dev = (unsigned long long)st.st_dev;
            e->ino = (unsigned long long)st.st_ino;
            e->mode = (unsigned)st.st_mode;
            /* a link: what it leads to too (one that led nowhere, or to a
             * file that was not a program, counts when that changes) */
            if (S_ISLNK(st.st_mode) && stat(e->path, &st) == 0) {
                e->led = 1;
                e->tdev = (unsigned long long)st.st_dev;
                e->tino = (unsigned long long)st.st_ino;
                e->tmode = (unsigned)st.st_mode;
            }
        }
        /* the directory it is in, or the longest start of it there: what
         * it is reached through (links followed, as the lookup does) */
        e->base = xstrdup(e->path);
        char *sl = strrchr(e->base, '/');
        for (;;) {
            if (!sl) break;
            if (sl == e->base) sl[1] = 0;
            else *sl = 0;
            if (stat(e->base, &st) == 0) {
                e->based = 1;
                e->bdev = (unsigned long long)st.st_dev;
                e->bino = (unsigned long long)st.st_ino;
                break;
            }
            if ((errno != ENOENT && errno != ENOTDIR) || sl == e->base) break;
            sl = strrchr(e->base, '/');
        }
    }
}

size_t runner_shadow_end(shadow_watch *w)
{
    w->found = w->n ? xcalloc(w->n, sizeof *w->found) : NULL;
    for (size_t i = 0; i < w->n; i++) {
        const shadow_entry *e = &w->v[i];
        struct stat st;
        shadow_found f = { i, SH_KEPT, 0, NULL, NULL };
        if (lstat(e->path, &st) != 0) {
            if (errno == ENOENT || errno == ENOTDIR) continue;    /* nothing there: the lookup goes on */
            f.kind = SH_UNREAD;
            f.err = errno;
        } else if (e->had && (unsigned long long)st.st_dev == e->dev && (unsigned long long)st.st_ino == e->ino &&
                   (unsigned)st.st_mode == e->mode) {
            /* the one that was there, as it was; a link, leading where it did */
            if (!S_ISLNK(st.st_mode)) continue;
            int led = stat(e->path, &st) == 0;
            if (led == e->led && (!led || ((unsigned long long)st.st_dev == e->tdev &&
                                           (unsigned long long)st.st_ino == e->tino && (unsigned)st.st_mode == e->tmode)))
                continue;
        }
        w->found[w->nfound++] = f;
    }
    return w->nfound;
}

static shadow_entry *add_one(shadow_watch *w, const char *path, const char *base, int based, unsigned long long bdev,
                             unsigned long long bino)
{
    for (size_t j = 0; j < w->nfound; j++)
        if (!strcmp(w->v[w->found[j].which].path, path)) return NULL;     /* found already */
    w->v = xrealloc(w->v, (w->n + 1) * sizeof *w->v);
    w->found = xrealloc(w->found, (w->nfound + 1) * sizeof *w->found);
    shadow_entry *e = &w->v[w->n];
    memset(e, 0, sizeof *e);
    e->path = xstrdup(path);
    e->base = xstrdup(base);
    e->based = based;
    e->bdev = bdev;
    e->bino = bino;
    w->found[w->nfound++] = (shadow_found){ w->n, SH_KEPT, 0, NULL, NULL };
    w->n++;
    return e;
}

void runner_shadow_add_found(shadow_watch *w, const char *path, const char *base, int based, unsigned long long bdev,
                             unsigned long long bino, const char *shadows)
{
    shadow_entry *e = add_one(w, path, base, based, bdev, bino);
    if (!e) return;
    e->npm = !shadows;
    e->shadows = shadows ? xstrdup(shadows) : NULL;
}

void runner_shadow_add_module(shadow_watch *w, const char *path, const char *base, int based, unsigned long long bdev,
                              unsigned long long bino, const char *module)
{
    shadow_entry *e = add_one(w, path, base, based, bdev, bino);
    if (e) e->module = xstrdup(module);
}

size_t runner_shadow_paths(const shadow_watch *w, const char **out)
{
    for (size_t j = 0; j < w->nfound; j++) out[j] = w->v[w->found[j].which].path;
    return w->nfound;
}

/* renames name to aside in dirfd, never over an existing entry: 0 or errno */
static int rename_aside(int dirfd, const char *name, const char *aside)
{
#if defined(__linux__) && defined(SYS_renameat2)
    if (syscall(SYS_renameat2, dirfd, name, dirfd, aside, 1u /* RENAME_NOREPLACE */) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return errno;
#endif
    /* no sandboxed process is left to race with */
    struct stat st;
    if (fstatat(dirfd, aside, &st, AT_SYMLINK_NOFOLLOW) == 0) return EEXIST;
    return renameat(dirfd, name, dirfd, aside) == 0 ? 0 : errno;
}

/* Moves one aside, reached from its base as it was at the start: the base
 * the same directory, then each directory made since without following a
 * link (one made during the run could lead to a file of the user's that
 * happens to have the name) */
static void move_one(const shadow_entry *e, shadow_found *f)
{
    if (!e->based) { f->why = "the directory it is in could not be looked at when the command started"; return; }
    int fd = open(e->base, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    struct stat st;
    if (fd < 0) { f->err = errno; return; }
    if (fstat(fd, &st) != 0 || (unsigned long long)st.st_dev != e->bdev || (unsigned long long)st.st_ino != e->bino) {
        close(fd);
        f->why = "its directory is not the one that was there when the command started (a link re-pointed, or a "
                 "directory moved, on its way)";
        return;
    }
    const char *name = strrchr(e->path, '/') + 1;
    size_t blen = strlen(e->base);
    const char *rest = e->path + (blen == 1 ? 1 : blen);
    while (*rest == '/') rest++;
    while (rest < name) {
        size_t n = strcspn(rest, "/");
        char comp[256];
        if (n >= sizeof comp || (n == 1 && rest[0] == '.') || (n == 2 && rest[0] == '.' && rest[1] == '.')) {
            close(fd);
            f->why = "its PATH entry has a \".\" or \"..\" component, or one too long";
            return;
        }
        memcpy(comp, rest, n);
        comp[n] = 0;
        int next = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        int err = errno;
        close(fd);
        if (next < 0) {
            if (err == ELOOP || err == ENOTDIR)
                f->why = "its directory is reached through a symbolic link that did not lead to a directory when "
                         "the command started";
            else
                f->err = err;
            return;
        }
        fd = next;
        rest += n;
        while (*rest == '/') rest++;
    }
    char aside[300];
    int err = EEXIST;
    for (int k = 0; k < 100 && err == EEXIST; k++) {
        if (k) snprintf(aside, sizeof aside, "%.200s.planted-%ld-%d", name, (long)getpid(), k);
        else snprintf(aside, sizeof aside, "%.200s.planted-%ld", name, (long)getpid());
        err = rename_aside(fd, name, aside);
    }
    close(fd);
    if (err) { f->err = err; return; }
    size_t plen = (size_t)(name - e->path);
    f->aside = xcalloc(plen + strlen(aside) + 1, 1);
    memcpy(f->aside, e->path, plen);
    strcpy(f->aside + plen, aside);
    f->kind = SH_MOVED;
}

void runner_shadow_move(shadow_watch *w)
{
    for (size_t j = 0; j < w->nfound; j++)
        if (w->found[j].kind == SH_KEPT) move_one(&w->v[w->found[j].which], &w->found[j]);
}

void runner_shadow_say(const shadow_watch *w, diag_sink *sink, int exit_status)
{
    const char *in = w->found_in ? w->found_in : "buckle";
    for (size_t j = 0; j < w->nfound; j++) {
        const shadow_found *f = &w->found[j];
        const shadow_entry *e = &w->v[f->which];
        const char *what = e->had ? "is not as it was when the command started (another file, other modes, or a link leading elsewhere)"
                                  : "exists after the run: it did not exist when the command started";
        if (e->module) {
            if (f->kind == SH_MOVED)
                run_say(sink, SEV_ERROR, "%s exists after the run and makes a Python module %s importable from "
                                         "there, where none was when the command started: python -m and python -c "
                                         "import it there before the standard library and the installed packages, "
                                         "so your next `python3 -m %s` (or one that imports %s) there would run the "
                                         "command's code, outside any sandbox; moved aside to %s: look at it and "
                                         "remove it (the command exited %d)",
                        e->path, e->module, e->module, e->module, f->aside, exit_status);
            else
                run_say(sink, SEV_ERROR, "%s exists after the run and makes a Python module %s importable from "
                                         "there, where none was when the command started: python -m and python -c "
                                         "import it there before the standard library and the installed packages, "
                                         "so your next `python3 -m %s` (or one that imports %s) there would run the "
                                         "command's code, outside any sandbox; it could not be moved aside (%s): "
                                         "look at it and remove it before running python there (the command exited "
                                         "%d)", e->path, e->module, e->module, e->module,
                        f->err ? strerror(f->err) : f->why, exit_status);
            continue;
        }
        if (e->shadows) {
            const char *name = strrchr(e->path, '/') + 1;
            if (f->kind == SH_MOVED)
                run_say(sink, SEV_ERROR, "%s exists after the run: it did not exist when the command started, and PATH "
                                         "finds it before %s: your next `%s` would be the command's, outside any "
                                         "sandbox; moved aside to %s: look at it and remove it, or, when it is a "
                                         "package's own (an install's node_modules/.bin/%s), move it back or run the "
                                         "install again outside the sandbox (the command exited %d)",
                        e->path, e->shadows, name, f->aside, name, exit_status);
            else
                run_say(sink, SEV_ERROR, "%s exists after the run: it did not exist when the command started, and PATH "
                                         "finds it before %s: your next `%s` would be the command's, outside any "
                                         "sandbox; it could not be moved aside (%s): look at it and remove it before "
                                         "running %s (the command exited %d)", e->path, e->shadows, name,
                        f->err ? strerror(f->err) : f->why, name, exit_status);
            continue;
        }
        if (e->npm) {
            what = "was made, written or moved there during the run";
            if (f->kind == SH_MOVED)
                run_say(sink, SEV_ERROR, "%s %s, and npm run, npx, yarn run and pnpm exec put its directory first in "
                                         "PATH: the next `buckle` a package script starts would be the command's, "
                                         "outside any sandbox; moved aside to %s: look at it and remove it (the "
                                         "command exited %d)", e->path, what, f->aside, exit_status);
            else
                run_say(sink, SEV_ERROR, "%s %s, and npm run, npx, yarn run and pnpm exec put its directory first in "
                                         "PATH: the next `buckle` a package script starts would be the command's, "
                                         "outside any sandbox; it could not be moved aside (%s): look at it and "
                                         "remove it before running a package script (the command exited %d)",
                        e->path, what, f->err ? strerror(f->err) : f->why, exit_status);
            continue;
        }
        if (f->kind == SH_UNREAD)
            run_say(sink, SEV_ERROR, "%s cannot be looked at after the run (%s), and PATH looks there before %s: the "
                                     "command may have changed the modes of a directory on its way to hide a program "
                                     "it made, which the next `buckle` started through PATH would be, outside any "
                                     "sandbox; look at those modes and at it before running buckle (the command "
                                     "exited %d)", e->path, strerror(f->err), in, exit_status);
        else if (f->kind == SH_MOVED)
            run_say(sink, SEV_ERROR, "%s %s, and PATH finds it before %s: the next `buckle` started through PATH "
                                     "would be the command's, outside any sandbox; moved aside to %s: look at it and "
                                     "remove it (the command exited %d)", e->path, what, in, f->aside, exit_status);
        else
            run_say(sink, SEV_ERROR, "%s %s, and PATH finds it before %s: the next `buckle` started through PATH "
                                     "would be the command's, outside any sandbox; it could not be moved aside (%s): "
                                     "look at it and remove it before running buckle (the command exited %d)",
                    e->path, what, in, f->err ? strerror(f->err) : f->why, exit_status);
    }
}

void runner_shadow_free(shadow_watch *w)
{
    for (size_t i = 0; i < w->n; i++) { free(w->v[i].path); free(w->v[i].base); free(w->v[i].shadows); free(w->v[i].module); }
    for (size_t j = 0; j < w->nfound; j++) free(w->found[j].aside);
    free(w->v);
    free(w->found);
    free(w->found_in);
    memset(w, 0, sizeof *w);
}

const char *runner_shadow_unchecked(const ll_plan *p)
{
    static const char *const where[] = { "/sys/fs/cgroup", "/proc" };
    size_t nw = geteuid() == 0 ? 2 : 1;     /* buckle's /proc/PID is root's while it supervises */
    for (size_t i = 0; i < p->ng; i++) {
        const ll_grant *g = &p->g[i];
        if (!(g->access & LL_FS_WRITE_FILE)) continue;
        for (size_t k = 0; k < nw; k++)
            if (runner_path_within(g->path, where[k]) || (g->is_dir && runner_path_within(where[k], g->path))) return g->path;
    }
    return NULL;
}
