/* link_scan.c - symbolic links the command made in the working directory
 * that lead out of it (docs/linux.md, "Links out of the working
 * directory").  A directory of the project replaced by a link into a
 * directory the command may write elsewhere ($TMPDIR) is what git and the
 * user's shell enter after `cd sub`: git looks for the repository from the
 * physical directory upwards, and takes one the command made there (its
 * core.fsmonitor, its hooks) for the project's.  Landlock cannot refuse
 * making a link, so the working directory is walked after the run (without
 * following links) for links whose change time is the run's, and relative
 * links that climb past a directory changed during the run (a rename moves
 * where they lead), and each that leads out of it is named: the run fails.  A
 * directory the walk cannot look into (its modes, its depth) is named too,
 * never left out.  So is a repository (.git, a bare one's HEAD) the command
 * made in a directory of the project that was there before: git run there
 * would take it for the project's. */
#define _GNU_SOURCE
#include "link_scan.h"
#include "git_dir.h"
#include "nested_repos.h"
#include "run_profile.h"
#include "tool_configs.h"
#include "../support/arena.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { SAID_MAX = 20 };

/* 1 when a is b or above it, by name */
static int at_or_above(const char *a, const char *b)
{
    size_t n = strlen(a);
    return (n == 1 && a[0] == '/') || (!strncmp(a, b, n) && (b[n] == '/' || !b[n]));
}

static void add_root(link_scan *s, const char *path)
{
    for (size_t i = 0; i < s->nroots; i++)
        if (at_or_above(s->roots[i], path)) return;
    /* a root beneath the new one gives way to it */
    size_t k = 0;
    for (size_t i = 0; i < s->nroots; i++) {
        if (at_or_above(path, s->roots[i])) free(s->roots[i]);
        else s->roots[k++] = s->roots[i];
    }
    s->nroots = k;
    s->roots[s->nroots++] = strdup(path);
    if (!s->roots[s->nroots - 1]) s->nroots--;
}

/* the rights that change a name beneath a directory, or write a file */
#define LINK_ALTER (LL_FS_WRITE_FILE | LL_FS_TRUNCATE | LL_FS_REMOVE_DIR | LL_FS_REMOVE_FILE | LL_FS_MAKE_CHAR | \
                    LL_FS_MAKE_DIR | LL_FS_MAKE_REG | LL_FS_MAKE_SOCK | LL_FS_MAKE_FIFO | LL_FS_MAKE_BLOCK |   \
                    LL_FS_MAKE_SYM | LL_FS_REFER)

void runner_link_scan_begin(link_scan *s, const ll_grant *g, size_t ng, const char *cwd, int repos,
                            const hashmap *before)
{
    memset(s, 0, sizeof *s);
    s->repos = repos;
    for (size_t i = 0; i < LINK_SCAN_ROOTS_MAX; i++) s->fds[i] = -1;
    /* the clock file times are taken from: a link made in this tick is
     * the run's */
    clock_gettime(CLOCK_REALTIME_COARSE, &s->start);
    /* only where the command may make a link (or move or link one in): a
     * grant of make_sym at or above the working directory is all of it,
     * one beneath it that directory */
    int whole = 0;
    for (size_t i = 0; i < ng && !whole; i++) {
        if (!g[i].is_dir || !(g[i].access & LL_FS_MAKE_SYM) || !g[i].path) continue;
        if (at_or_above(g[i].path, cwd)) whole = 1;
        else if (at_or_above(cwd, g[i].path)) {
            if (s->nroots == LINK_SCAN_ROOTS_MAX) whole = 1;
            else add_root(s, g[i].path);
        }
    }
    if (whole) {
        runner_link_scan_free(s);
        add_root(s, cwd);
    }
    arena_init(&s->mem);
    /* the grants that change names or write files, by what they are now
     * (a bind mount's other name is the same directory) */
    s->alter = ng ? arena_alloc(&s->mem, ng * sizeof *s->alter) : NULL;
    for (size_t i = 0; i < ng; i++) {
        struct stat st;
        if (!g[i].path || !(g[i].access & LINK_ALTER) || stat(g[i].path, &st) != 0) continue;
        s->alter[s->nalter++] = (link_grant){ st.st_dev, st.st_ino, S_ISDIR(st.st_mode),
                                              arena_strdup(&s->mem, g[i].path) };
    }
    /* each held from now: the command may rename it (and make another
     * of its name) */
    s->cwd0 = xstrdup(cwd);
    for (size_t i = 0; i < s->nroots; i++)
        s->fds[i] = open(s->roots[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    /* the project as it was, by path (the caller's, kept until the end) */
    s->before = repos ? before : NULL;
    s->configs = before;
}

void runner_link_scan_free(link_scan *s)
{
    for (size_t i = 0; i < s->nroots; i++) {
        free(s->roots[i]);
        if (s->fds[i] >= 0) close(s->fds[i]);
        s->fds[i] = -1;
    }
    s->nroots = 0;
    free(s->cwd0);
    s->cwd0 = NULL;
    for (size_t i = 0; i < s->nfound; i++) { free(s->found[i].path); free(s->found[i].to); }
    free(s->found);
    s->found = NULL;
    s->nfound = s->capfound = 0;
    s->before = NULL;
    s->configs = NULL;
    arena_free(&s->mem);
    s->alter = NULL;
    s->nalter = 0;
}

/* 1 when no grant lets the command change the names beneath the
 * directory dir (physical): none at it or above it */
static int names_fixed(const link_scan *s, const char *dir)
{
    char *p = xstrdup(dir);
    int fixed = 1;
    for (;;) {
        struct stat st;
        if (stat(p, &st) != 0) { fixed = 0; break; }
        for (size_t i = 0; i < s->nalter && fixed; i++)
            if (s->alter[i].is_dir && s->alter[i].dev == (unsigned long long)st.st_dev &&
                s->alter[i].ino == (unsigned long long)st.st_ino)
                fixed = 0;
        if (!fixed || !strcmp(p, "/")) break;
        char *slash = strrchr(p, '/');
        if (slash == p) p[1] = 0;
        else *slash = 0;
    }
    free(p);
    return fixed;
}

/* 1 when every name on the way of the link dirfd/name (dir: its
 * directory, physical) outside the walk's root is one the command may not
 * change: where it leads (cur, physical, PATH_MAX) stays where it is,
 * whatever a command under this plan does later (a name on the way in the
 * project is looked at by the walk of the run that changes it) */
static int fixed_way(const link_scan *s, int dirfd, const char *dir, const char *name, char *cur)
{
    char text[PATH_MAX];
    ssize_t tl = readlinkat(dirfd, name, text, sizeof text - 1);
    if (tl <= 0) return 0;
    text[tl] = 0;
    /* cur: the physical directory reached; rest: what is left to follow */
    char rest[PATH_MAX];
    if (snprintf(cur, PATH_MAX, "%s", text[0] == '/' ? "/" : dir) >= PATH_MAX) return 0;
    if (snprintf(rest, sizeof rest, "%s", text) >= (int)sizeof rest) return 0;
    size_t rl = strlen(s->root);
    int hops = 0;
    char *r = rest;
    for (;;) {
        while (*r == '/') r++;
        if (!*r) break;
        size_t n = strcspn(r, "/");
        if ((n == 1 && r[0] == '.') || (n == 2 && r[0] == '.' && r[1] == '.')) {
            if (n == 2) {
                char *slash = strrchr(cur, '/');
                if (slash == cur) cur[1] = 0;
                else if (slash) *slash = 0;
            }
            r += n;
            continue;
        }
        char next[PATH_MAX];
        if (snprintf(next, sizeof next, "%s/%.*s", strcmp(cur, "/") ? cur : "", (int)n, r) >= (int)sizeof next) return 0;
        r += n;
        int inside = rl == 1 || (!strncmp(next, s->root, rl) && (next[rl] == '/' || !next[rl]));
        if (!inside && !names_fixed(s, cur)) return 0;
        struct stat st;
        if (lstat(next, &st) != 0) return 0;
        if (!S_ISLNK(st.st_mode)) {
            memcpy(cur, next, strlen(next) + 1);
            continue;
        }
        /* a link on the way: its text, then what was left */
        if (++hops > 40) return 0;
        char t2[PATH_MAX];
        ssize_t l2 = readlink(next, t2, sizeof t2 - 1);
        if (l2 <= 0) return 0;
        t2[l2] = 0;
        char joined[PATH_MAX];
        if (snprintf(joined, sizeof joined, "%s/%s", t2, r) >= (int)sizeof joined) return 0;
        memcpy(rest, joined, strlen(joined) + 1);
        r = rest;
        if (t2[0] == '/') { cur[0] = '/'; cur[1] = 0; }
    }
    return 1;
}

/* 1 when the link dirfd/name leads, by a fixed way, to a regular file the
 * command may not write */
static int leads_to_fixed_file(const link_scan *s, int dirfd, const char *dir, const char *name)
{
    char cur[PATH_MAX];
    struct stat st;
    if (!fixed_way(s, dirfd, dir, name, cur) || lstat(cur, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    for (size_t i = 0; i < s->nalter; i++)
        if (!s->alter[i].is_dir && s->alter[i].dev == (unsigned long long)st.st_dev &&
            s->alter[i].ino == (unsigned long long)st.st_ino)
            return 0;
    return 1;
}

static char *join3(const char *a, const char *b, const char *c);

/* the directory at or above dir (physical) that git takes for a
 * repository's top from there: one holding .git, or a bare repository;
 * NULL for none.  bare: it is one with no .git directory of its own */
static char *repo_top(const char *dir, int *gitdir)
{
    char *p = xstrdup(dir);
    for (;;) {
        struct stat st;
        const char *sep = strcmp(p, "/") ? "/" : "";
        char *g = join3(p, sep, ".git"), *h = join3(p, sep, "HEAD"), *o = join3(p, sep, "objects");
        int dotgit = lstat(g, &st) == 0, isdir = dotgit && S_ISDIR(st.st_mode);
        int bare = !dotgit && lstat(h, &st) == 0 && S_ISREG(st.st_mode) && lstat(o, &st) == 0 && S_ISDIR(st.st_mode);
        free(g), free(h), free(o);
        if (dotgit || bare) {
            *gitdir = isdir;
            return p;
        }
        if (!strcmp(p, "/")) break;
        char *slash = strrchr(p, '/');
        if (slash == p) p[1] = 0;
        else *slash = 0;
    }
    free(p);
    return NULL;
}

/* 1 when a grant that changes names or writes files lies at or beneath dir */
static int altered_beneath(const link_scan *s, const char *dir)
{
    for (size_t i = 0; i < s->nalter; i++)
        if (s->alter[i].path && at_or_above(dir, s->alter[i].path)) return 1;
    return 0;
}

/* 1 when the link dirfd/name leads, by a fixed way, to a directory the
 * command may change nothing in, at or above (a local package: npm's
 * file:../dep), and git run there or beneath takes the repository it takes
 * in the working directory, none, or one the command may change nothing
 * of (a .git directory): the user's own, as git in that directory takes
 * without the link */
static int leads_to_fixed_dir(const link_scan *s, int dirfd, const char *dir, const char *name)
{
    char cur[PATH_MAX];
    struct stat st;
    if (!fixed_way(s, dirfd, dir, name, cur) || stat(cur, &st) != 0 || !S_ISDIR(st.st_mode)) return 0;
    if (!names_fixed(s, cur) || altered_beneath(s, cur)) return 0;
    int gitdir = 0, owngit = 0;
    char *top = repo_top(cur, &gitdir);
    if (!top) return 1;
    char *own = repo_top(s->root, &owngit);
    int ok = (own && !strcmp(own, top)) || (gitdir && !altered_beneath(s, top));
    free(own);
    free(top);
    return ok;
}

/* 1 when the link at dirfd/name leads out of root: where it leads now, or
 * where its text would lead when that is missing */
static int leads_out(int dirfd, const char *name, const char *root, char *to, size_t tolen)
{
    int fd = openat(dirfd, name, O_PATH | O_CLOEXEC);
    if (fd >= 0) {
        char proc[64];
        snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
        ssize_t n = readlink(proc, to, tolen - 1);
        close(fd);
        if (n > 0) {
            to[n] = 0;
            size_t rl = strlen(root);
            return !(rl == 1 || (!strncmp(to, root, rl) && (to[rl] == '/' || !to[rl])));
        }
    }
    /* dangling: where the directory its last name would be in leads, when
     * that exists (a file of the project removed); else out when absolute
     * or climbing */
    ssize_t n = readlinkat(dirfd, name, to, tolen - 1);
    if (n <= 0) return 0;
    to[n] = 0;
    const char *last = strrchr(to, '/');
    if (last && last != to && strcmp(last + 1, "..") && strcmp(last + 1, ".") && last[1]) {
        char *dirpart = strndup(to, (size_t)(last - to));
        int dfd = dirpart ? openat(dirfd, dirpart, O_PATH | O_DIRECTORY | O_CLOEXEC) : -1;
        free(dirpart);
        if (dfd >= 0) {
            char proc[64], where[PATH_MAX];
            snprintf(proc, sizeof proc, "/proc/self/fd/%d", dfd);
            ssize_t wn = readlink(proc, where, sizeof where - 1);
            close(dfd);
            if (wn > 0) {
                where[wn] = 0;
                size_t rl = strlen(root);
                int in = rl == 1 || (!strncmp(where, root, rl) && (where[rl] == '/' || !where[rl]));
                if (in) return 0;
                snprintf(to, tolen, "%s%s", where, last);
                return 1;
            }
        }
    }
    return to[0] == '/' || strstr(to, "..") != NULL;
}

static int changed_since(const struct stat *st, const struct timespec *t)
{
    return st->st_ctim.tv_sec > t->tv_sec || (st->st_ctim.tv_sec == t->tv_sec && st->st_ctim.tv_nsec >= t->tv_nsec);
}

/* 1 when dirfd/name (name "": dirfd itself) was made at or after t;
 * where the filesystem keeps no birth time, when it changed since t */
static int born_since(int dirfd, const char *name, const struct timespec *t)
{
#ifdef STATX_BTIME
    struct statx sx;
    if (statx(dirfd, name, AT_SYMLINK_NOFOLLOW | (*name ? 0 : AT_EMPTY_PATH), STATX_BTIME | STATX_CTIME, &sx) != 0)
        return 1;
    struct statx_timestamp b = (sx.stx_mask & STATX_BTIME) ? sx.stx_btime : sx.stx_ctime;
    return b.tv_sec > t->tv_sec || (b.tv_sec == t->tv_sec && b.tv_nsec >= (uint32_t)t->tv_nsec);
#else
    struct stat st;
    if (*name ? fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 : fstat(dirfd, &st) != 0) return 1;
    return changed_since(&st, t);
#endif
}

/* A repository the command made in the directory dirfd (dir; not the
 * working directory's own .git): LS_REPO in a directory that was there
 * before the run, LS_REPO_NEW in one it made, LS_GITFILE for a .git file
 * there before that it changed; 0 for none.  git run in
 * it takes that repository for the project's.  .git in any form (a file
 * naming a git directory counts); HEAD outside a directory named .git
 * (with objects and refs beside it, the directory is a bare repository) */
static int planted_repo(const link_scan *s, int dirfd, const char *dir, const char *name)
{
    if (!s->repos) return 0;
    int git = !strcmp(name, ".git"), head = !strcmp(name, "HEAD");
    if (!git && !head) return 0;
    /* the project's own: its denies hold it (the walk may start beneath
     * the working directory, at a grant there) */
    if (git && !strcmp(dir, s->root)) return 0;
    if (head) {
        /* a git directory's own HEAD (the project's .git, a submodule's
         * beneath .git/modules), which git rewrites by renaming a new one
         * in: not a bare repository made in a directory of the project */
        const char *g = strstr(dir, "/.git");
        if (g && (g[5] == '/' || !g[5])) return 0;
    }
    int was, made;
    if (s->before && s->before->count) {
        /* by path: a directory of the user's (removed and made again by
         * the command, it is still where the user runs git), an entry
         * that was not there */
        size_t dl = strlen(dir);
        char *path = xmalloc(dl + strlen(name) + 2);
        snprintf(path, dl + strlen(name) + 2, "%s/%s", strcmp(dir, "/") ? dir : "", name);
        was = hm_get(s->before, dir, dl) != NULL;
        made = hm_get(s->before, path, strlen(path)) == NULL;
        free(path);
    } else {
        made = born_since(dirfd, name, &s->start);
        was = !born_since(dirfd, "", &s->start);
    }
    /* a .git file beneath (a submodule's, a linked worktree's) that the
     * command rewrote or replaced: it names the directory git takes the
     * configuration and hooks from, there and from the repository above
     * (git status goes into submodules) */
    if (!made && git) {
        struct stat st;
        if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode) && changed_since(&st, &s->start))
            return LS_GITFILE;
    }
    if (!made) return 0;
    /* one whose files name no program (a plain git init or clone): git
     * runs nothing of it; a later run's search for repositories refuses
     * while the command may write its configuration */
    {
        arena t;
        arena_init(&t);
        const char *why = runner_repo_inert(&t, git ? arena_printf(&t, "%s/.git", dir) : dir);
        arena_free(&t);
        if (!why && (!head || !was)) return 0;
    }
    if (was) return LS_REPO;
    /* in a directory the command made: named too (git run there, an
     * editor that looks for the repositories in the folders it opens, runs
     * what its configuration names, and the next run is refused while it
     * is there); a HEAD only with a bare repository's objects and refs */
    if (head && !runner_git_dir_at(dirfd, ".")) return 0;
    return LS_REPO_NEW;
}

static char *join3(const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    char *r = xmalloc(la + lb + lc + 1);
    memcpy(r, a, la);
    memcpy(r + la, b, lb);
    memcpy(r + la + lb, c, lc + 1);
    return r;
}

static void keep(link_scan *s, link_found_kind kind, const char *dir, const char *name, const char *to, int err)
{
    if (s->nfound == s->capfound) {
        s->capfound = s->capfound ? 2 * s->capfound : 16;
        s->found = xrealloc(s->found, s->capfound * sizeof *s->found);
    }
    link_found *f = &s->found[s->nfound++];
    f->kind = kind;
    f->path = join3(dir, *name && strcmp(dir, "/") ? "/" : "", name);
    f->to = to ? xstrdup(to) : NULL;
    f->err = err;
    f->root = s->walking;
}

/* 1 when the command could have made something in the directory
 * dirfd/name that buckle cannot open: it is ours (its modes are ours to
 * change, and the command's: modes are metadata), or it lets us write */
static int could_be_the_commands(int dirfd, const char *name, const struct stat *st)
{
    return st->st_uid == geteuid() || faccessat(dirfd, name, W_OK, AT_EACCESS) == 0;
}

/* How many directories up a relative link's text climbs before it goes
 * down: its leading ".." components ("." and empty ones aside); a ".."
 * after a name (a/../..) climbs from wherever that name leads, which may
 * be a link: as far as there are directories (INT_MAX).  0 for an absolute
 * text, or one that only goes down. */
static int climb(const char *text)
{
    if (text[0] == '/') return 0;
    int up = 0, named = 0;
    for (const char *c = text; *c;) {
        size_t n = strcspn(c, "/");
        if (n == 2 && c[0] == '.' && c[1] == '.') {
            if (named) return INT_MAX;
            up++;
        } else if (n && !(n == 1 && c[0] == '.'))
            named = 1;
        c += n;
        while (*c == '/') c++;
    }
    return up;
}

/* 1 when dirfd/name is a `buckle` in a node_modules/.bin (dir) that the
 * command made, replaced or wrote (its change time), or brought there by
 * renaming a directory on its way (whose files keep their change times):
 * that directory's path was not one of the project's when the command
 * started, or, without those, node_modules or .bin changed during the run.
 * npm run, npx, yarn run and pnpm exec put the package's node_modules/.bin
 * first in PATH, whatever PATH buckle was started with. */
static int npm_buckle(const link_scan *s, int dirfd, const char *dir, const char *name, int depth,
                      const unsigned char *moved)
{
    static const char tail[] = "/node_modules/.bin";
    size_t dl = strlen(dir), tl = sizeof tail - 1;
    if (strcmp(name, "buckle") || depth < 2 || dl < tl || strcmp(dir + dl - tl, tail)) return 0;
    struct stat st;
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return 0;
    if (changed_since(&st, &s->start)) return 1;
    if (s->before && s->before->count) return hm_get(s->before, dir, dl) == NULL;
    return moved[depth] || moved[depth - 1];
}

/* 1 when dirfd/name (st), in dir at depth, is a tool's configuration
 * the command made, changed or brought there: its change time is the
 * run's, or it is at a path where it was not when the command started
 * (runner_tool_config_key: a directory renamed into its way, mv stash/cargo
 * stash/.cargo, mv node_modules/pkg src, changes no change time of the
 * files in it); without the project's map, a directory on its way changed
 * during the run */
static int config_new(const link_scan *s, const char *dir, const char *name, const struct stat *st, int depth,
                      const unsigned char *moved)
{
    if (changed_since(st, &s->start)) return 1;
    if (!runner_tool_config_place(dir, name)) return 0;
    if (s->configs && s->configs->count) {
        arena t;
        arena_init(&t);
        size_t kl;
        const char *k = runner_tool_config_key(&t, dir, name, st, &kl);
        int was = hm_get(s->configs, k, kl) != NULL;
        arena_free(&t);
        return !was;
    }
    for (int k = 0; k <= depth; k++)
        if (moved[k]) return 1;
    return 0;
}

/* the tools' configurations beneath the directory dirfd, dir at depth,
 * reached through a link to a directory at one of their places (crate/.cargo
 * -> ../tools/cargo): the walk does not follow links, and the files are at
 * no configuration's path where they are.  Each counts when it changed
 * during the run or a link or directory on the way from the link down did
 * (from: the link's depth): the link made or renamed, its directory
 * renamed into its way or changed */
static void walk_configs(link_scan *s, int dirfd, const char *dir, int depth, int from, unsigned char *moved)
{
    DIR *d = fdopendir(dirfd);
    if (!d) {
        keep(s, LS_UNREAD, dir, "", NULL, errno);
        close(dirfd);
        return;
    }
    struct dirent *e;
    for (;;) {
        errno = 0;
        if (!(e = readdir(d))) break;
        const char *n = e->d_name;
        if (!strcmp(n, ".") || !strcmp(n, "..")) continue;
        struct stat st, to;
        if (fstatat(dirfd, n, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        if (!S_ISDIR(st.st_mode) && runner_tool_config_place(dir, n)) {
            int made = changed_since(&st, &s->start);
            for (int k = from; k <= depth && !made; k++) made = moved[k];
            if (made && runner_tool_config_made(dir, n, s->tools)) keep(s, LS_TOOLFILE, dir, n, NULL, 0);
        }
        if (!(S_ISDIR(st.st_mode) || S_ISLNK(st.st_mode)) || !runner_tool_config_dir_place(dir, n) ||
            fstatat(dirfd, n, &to, 0) != 0 || !S_ISDIR(to.st_mode))
            continue;
        if (depth + 1 >= LINK_SCAN_DEPTH_MAX) {
            /* a loop of links (.config -> .) the command made; one of
             * yours leads to nothing the walk has not read */
            if (changed_since(&st, &s->start)) keep(s, LS_DEEP, dir, n, NULL, 0);
            continue;
        }
        int sub = openat(dirfd, n, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (sub < 0) continue;
        char *next = join3(dir, strcmp(dir, "/") ? "/" : "", n);
        moved[depth + 1] = (unsigned char)(changed_since(&st, &s->start) || changed_since(&to, &s->start));
        walk_configs(s, sub, next, depth + 1, from, moved);
        free(next);
    }
    if (errno) keep(s, LS_UNREAD, dir, "", NULL, errno);
    closedir(d);
}

/* 1 when dir (absolute) has a `.git` among its names: a repository's git
 * directory, or one beneath it (a submodule's, a linked work tree's) */
static int in_git_dir(const char *dir)
{
    for (const char *c = strstr(dir, "/.git"); c; c = strstr(c + 1, "/.git"))
        if (c[5] == '/' || !c[5]) return 1;
    return 0;
}

/* dir: the directory's absolute path, at depth (the walk's start 0);
 * moved[d], d <= depth: the directory at depth d on the way changed during
 * the run (renamed, an entry made or removed, its modes changed): a
 * relative link climbing past one that was renamed leads elsewhere now,
 * though neither it nor its change time changed; git: dir is in a git
 * directory known by what it holds (runner_git_dir_at), at or above */
static void walk(link_scan *s, int dirfd, const char *dir, int depth, unsigned char *moved, int git)
{
    DIR *d = fdopendir(dirfd);
    if (!d) {
        keep(s, LS_UNREAD, dir, "", NULL, errno);
        close(dirfd);
        return;
    }
    struct dirent *e;
    for (;;) {
        errno = 0;
        if (!(e = readdir(d))) break;
        const char *n = e->d_name;
        if (!strcmp(n, ".") || !strcmp(n, "..")) continue;
        int repo = planted_repo(s, dirfd, dir, n);
        if (repo) keep(s, (link_found_kind)repo, dir, n, NULL, 0);
        if (npm_buckle(s, dirfd, dir, n, depth, moved)) keep(s, LS_BUCKLE, dir, n, NULL, 0);
        struct stat st;
        /* a tool's configuration (tool_configs.c) that runs what it names
         * at your next command there */
        if (s->tools && e->d_type != DT_DIR && fstatat(dirfd, n, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
            !S_ISDIR(st.st_mode) && config_new(s, dir, n, &st, depth, moved) && runner_tool_config_made(dir, n, s->tools))
            keep(s, LS_TOOLFILE, dir, n, NULL, 0);
        if (e->d_type != DT_DIR && e->d_type != DT_LNK && e->d_type != DT_UNKNOWN) continue;
        if (fstatat(dirfd, n, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            /* gone since readdir saw it (nothing of the command runs now):
             * anything else is a name buckle cannot look at */
            if (errno != ENOENT) keep(s, LS_UNREAD, dir, n, NULL, errno);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (depth + 1 >= LINK_SCAN_DEPTH_MAX) {
                keep(s, LS_DEEP, dir, n, NULL, 0);
                continue;
            }
            int sub = openat(dirfd, n, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub < 0) {
                if (could_be_the_commands(dirfd, n, &st)) keep(s, LS_UNREAD, dir, n, NULL, errno);
                continue;
            }
            char *next = join3(dir, strcmp(dir, "/") ? "/" : "", n);
            moved[depth + 1] = (unsigned char)changed_since(&st, &s->start);
            walk(s, sub, next, depth + 1, moved, git || runner_git_dir_at(sub, "."));
            free(next);
            continue;
        }
        if (!S_ISLNK(st.st_mode)) continue;
        /* a link to a directory where a tool looks for its configuration */
        struct stat to_st;
        if (s->tools && runner_tool_config_dir_place(dir, n) && fstatat(dirfd, n, &to_st, 0) == 0 &&
            S_ISDIR(to_st.st_mode)) {
            if (depth + 1 >= LINK_SCAN_DEPTH_MAX) {
                if (changed_since(&st, &s->start)) keep(s, LS_DEEP, dir, n, NULL, 0);
            } else {
                int sub = openat(dirfd, n, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
                if (sub >= 0) {
                    char *next = join3(dir, strcmp(dir, "/") ? "/" : "", n);
                    moved[depth + 1] =
                        (unsigned char)(changed_since(&st, &s->start) || changed_since(&to_st, &s->start));
                    walk_configs(s, sub, next, depth + 1, depth + 1, moved);
                    free(next);
                }
            }
        }
        int made = changed_since(&st, &s->start);
        if (made && (git || in_git_dir(dir))) {
            /* git never makes one there, and writes through what it finds
             * (the reflog, COMMIT_EDITMSG, FETCH_HEAD): a link to a file the
             * command may not write is one your next git writes */
            char to[PATH_MAX] = "";
            (void)leads_out(dirfd, n, s->root, to, sizeof to);
            if (!to[0]) {
                ssize_t tl = readlinkat(dirfd, n, to, sizeof to - 1);
                to[tl > 0 ? tl : 0] = 0;
            }
            keep(s, LS_GITLINK, dir, n, to, 0);
            continue;
        }
        if (!made) {
            /* made before: judged where it leads now when a directory it
             * climbs past (its own, and up) changed */
            int near = 0;
            for (int k = 0; k <= depth && !near; k++) near = moved[k];
            if (!near) continue;
            char text[PATH_MAX];
            ssize_t tl = readlinkat(dirfd, n, text, sizeof text - 1);
            if (tl <= 0) continue;
            text[tl] = 0;
            int up = climb(text), any = 0;
            for (int k = depth; k >= 0 && depth - k < up && !any; k--) any = moved[k];
            if (!any) continue;
        }
        char to[PATH_MAX];
        if (!leads_out(dirfd, n, s->root, to, sizeof to) || leads_to_fixed_file(s, dirfd, dir, n) ||
            leads_to_fixed_dir(s, dirfd, dir, n))
            continue;
        keep(s, made ? LS_MADE : LS_MOVED, dir, n, to, 0);
    }
    if (errno) keep(s, LS_UNREAD, dir, "", NULL, errno);
    closedir(d);
}

size_t runner_link_scan_end(link_scan *s)
{
    if (!s->nroots) return 0;
    /* buckle's working directory is the command's (the same directory,
     * whatever the command renamed) */
    char *cwd = getcwd(NULL, 0);
    if (!cwd) {
        keep(s, LS_UNREAD, s->cwd0 ? s->cwd0 : ".", "", NULL, errno);
        return s->nfound;
    }
    s->root = cwd;
    for (size_t i = 0; i < s->nroots; i++) {
        /* the directory held since the start, by its name now */
        int fd = s->fds[i] >= 0 ? dup(s->fds[i]) : open(s->roots[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        char now[PATH_MAX], proc[64];
        snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
        ssize_t nl = fd >= 0 ? readlink(proc, now, sizeof now - 1) : -1;
        if (nl > 0) now[nl] = 0;
        const char *dir = nl > 0 && now[0] == '/' ? now : s->roots[i];
        if (fd < 0) {
            if (errno != ENOENT) keep(s, LS_UNREAD, dir, "", NULL, errno);
            continue;
        }
        /* the walk's start moved only with the working directory
         * (renamed, its path another now): a link climbing out of it and
         * back by name leads elsewhere */
        s->walking = i;
        unsigned char moved[LINK_SCAN_DEPTH_MAX + 1] = { 0 };
        moved[0] = (unsigned char)(s->cwd0 && strcmp(s->cwd0, cwd) != 0);
        walk(s, fd, dir, 0, moved, runner_git_dir_at(fd, "."));
    }
    s->root = NULL;
    free(cwd);
    return s->nfound;
}

int runner_link_scan_root_id(const link_scan *s, size_t root, unsigned long long *dev, unsigned long long *ino)
{
    struct stat st;
    if (root >= s->nroots || s->fds[root] < 0 || fstat(s->fds[root], &st) != 0) return -1;
    *dev = (unsigned long long)st.st_dev;
    *ino = (unsigned long long)st.st_ino;
    return 0;
}

size_t runner_link_scan_paths(const link_scan *s, const char **out)
{
    size_t k = 0;
    for (size_t i = 0; i < s->nfound; i++)
        if (s->found[i].kind != LS_BUCKLE && s->found[i].kind != LS_TOOLFILE) out[k++] = s->found[i].path;
    return k;
}

void runner_link_scan_say(const link_scan *s, diag_sink *sink, int exit_status)
{
    size_t said = 0;
    for (size_t i = 0; i < s->nfound && said < SAID_MAX; i++, said++) {
        const link_found *f = &s->found[i];
        switch (f->kind) {
        case LS_MADE:
        case LS_MOVED:
            run_say(sink, SEV_ERROR, "%s is a symbolic link %s, to %s, outside the working directory: git run there, "
                                     "or from a directory entered through it, takes a repository above %s for the "
                                     "project's and runs what its configuration names (core.fsmonitor, hooks) outside "
                                     "any sandbox; look at it and remove it before running anything there (the command "
                                     "exited %d)", f->path,
                    f->kind == LS_MADE ? "the command made"
                                       : "in a directory the command moved or changed (where a relative link leads "
                                         "depends on where it is)",
                    f->to, f->to, exit_status);
            break;
        case LS_GITLINK:
            run_say(sink, SEV_ERROR, "%s is a symbolic link the command made in a git directory, to %s: git never "
                                     "makes one there, and writes through what it finds there (the reflog, "
                                     "COMMIT_EDITMSG, FETCH_HEAD), so your next git command, outside any sandbox, "
                                     "would write %s; remove it (put back the file it replaced) before running git "
                                     "there (the command exited %d)", f->path, f->to, f->to, exit_status);
            break;
        case LS_TOOLFILE: {
            const char *title, *when;
            runner_tool_config_said(f->path, &title, &when);
            run_say(sink, SEV_ERROR, "%s is a %s configuration the command made or changed: %s, or one beneath it, "
                                     "outside any sandbox, while the profile keeps the project's own from the "
                                     "command; look at it and remove it before running anything there (the command "
                                     "exited %d)", f->path, title, when, exit_status);
            break;
        }
        case LS_UNREAD:
            run_say(sink, SEV_ERROR, "%s cannot be looked at after the run (%s): a symbolic link the command made in it, "
                                     "leading out of the working directory, would not be seen (the command may have "
                                     "changed its modes: chmod is metadata, which Landlock does not control); look at "
                                     "its modes and at what it holds before running anything there (the command "
                                     "exited %d)", f->path, strerror(f->err), exit_status);
            break;
        case LS_REPO:
            run_say(sink, SEV_ERROR, "%s is a repository the command made in a directory that was there before the run: "
                                     "git run in that directory, or beneath it, takes it for the project's and runs "
                                     "what its configuration names (core.fsmonitor, hooks) outside any sandbox; look at "
                                     "it and remove it before running git there (the command exited %d)",
                    f->path, exit_status);
            break;
        case LS_REPO_NEW:
            run_say(sink, SEV_ERROR, "%s is a repository the command made beneath the working directory: git run in "
                                     "its directory, or beneath it (an editor that looks for the repositories in the "
                                     "folders it opens does), runs what its configuration names (core.fsmonitor, "
                                     "hooks) outside any sandbox, and the profile keeps the project's own from the "
                                     "command; look at it and remove it before running git there (the command exited %d)",
                    f->path, exit_status);
            break;
        case LS_BUCKLE:
            said--;                             /* said with the other `buckle`s (shadow_check.c) */
            break;
        case LS_GITFILE:
            run_say(sink, SEV_ERROR, "%s is a .git file the command changed during the run: it names the directory git "
                                     "takes the repository's configuration and hooks from, and git run there, or in "
                                     "the repository above it (git status goes into submodules), runs what that "
                                     "configuration names (core.fsmonitor, hooks) outside any sandbox; look at it and "
                                     "put back what it named before running git there (the command exited %d)",
                    f->path, exit_status);
            break;
        case LS_DEEP:
            run_say(sink, SEV_ERROR, "%s is deeper than %d directories, where buckle stops looking for symbolic links "
                                     "the command made leading out of the working directory: one in it would not be "
                                     "seen; look at what it holds before running anything there (the command exited %d)",
                    f->path, LINK_SCAN_DEPTH_MAX, exit_status);
            break;
        }
    }
    if (s->nfound > SAID_MAX)
        run_say(sink, SEV_ERROR, "%zu more such paths in the working directory", s->nfound - SAID_MAX);
}
