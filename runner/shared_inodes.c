/* shared_inodes.c - files the command may write that have another name
 * outside what it may write (docs/linux.md, "Hard links beneath a write
 * grant").
 *
 * A Landlock grant reaches a file by one of its names, but a write lands
 * on the file, which every name shows: a hard link made before the run
 * (git's clone of a local path links .git/objects to the origin's, uv
 * links a .venv to its cache, cp -al, pnpm) lets the command change a
 * file the profile keeps it from writing under its other name, and a store
 * a profile lets the command write (pnpm's, uv's cache) is linked into
 * every other project installed from it.  So before the command starts
 * every regular file beneath a write grant is looked at, the working
 * directory's first, then those outside it (every run: the links are the
 * user's files, not the profile's); one with more names than the grants
 * hold is named, and the run is refused unless the user accepts the class
 * hardlinks.  The same walk keeps the paths of the
 * project's directories (and of its entries named .git or HEAD), with
 * which the check after the run tells a repository the command made in a
 * directory of the user's (link_scan.c), and it is the one walk of the
 * working directory before the run: the search for repositories beneath
 * it (nested_repos.c) goes with it, through all of the working directory
 * but its repositories' own directories, and so do the names watched in
 * every directory of the project (rel_walk.c: what was there before). */
#define _GNU_SOURCE
#include "shared_inodes.h"
#include "path_text.h"
#include "names_outside.h"
#include "rel_walk.h"
#include "tool_configs.h"
#include "path_ident.h"
#include "../support/hashmap.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/vfs.h>
#endif

enum { WALK_DEPTH_MAX = 64, WALK_ENTRIES_MAX = 1000000, OUTSIDE_ENTRIES_MAX = 20000, NEARLY_EVERYWHERE_DIRS = 256 };

/* a file with more than one name, as first seen */
typedef struct linked {
    unsigned long long dev, ino, dir_dev;
    nlink_t nlink, seen;
    const char *path;
} linked;

typedef struct walk_ctx {
    arena *a;
    arena *keep;                /* where before's paths are */
    const ll_plan *plan;
    int links;                  /* look at each file's names (else directories only) */
    hashmap *before;            /* the paths of the directories, and of the entries named
                                 * .git or HEAD, walked beneath the grants, and the tools'
                                 * configurations in the project by path and file
                                 * (runner_tool_config_key) (NULL: not kept) */
    nest_search *nest;          /* the search for repositories, or NULL */
    rel_walk *const *rels;      /* names watched in every directory beneath cwd (rel_walk.h) */
    size_t nrels;
    int from_cwd;               /* the walk starts at the working directory */
    int project;                /* walking the working directory (not a grant outside it) */
    const char **roots;         /* the directories granted writing walked for links */
    size_t nroots;
    const char **away;          /* those outside the working directory, walked after it */
    size_t naway;
    hashmap files;              /* "dev:ino" -> linked */
    linked **order;             /* in the order first seen */
    size_t n, cap;
    size_t entries;
    const char *cut;            /* where the walk could not go on, or NULL */
} walk_ctx;

/* a path the plan mounts read-only: nothing beneath it can be written */
static int read_only(const ll_plan *p, const char *path)
{
    for (size_t i = 0; i < p->nm; i++)
        if (p->m[i].ro && !strcmp(p->m[i].path, path)) return 1;
    return 0;
}

static void note_file(walk_ctx *x, const struct stat *st, const char *path, unsigned long long dir_dev)
{
    char key[48];
    int kl = snprintf(key, sizeof key, "%llx:%llx", (unsigned long long)st->st_dev, (unsigned long long)st->st_ino);
    linked *l = hm_get(&x->files, key, (size_t)kl);
    if (l) { l->seen++; return; }
    l = arena_alloc(x->a, sizeof *l);
    *l = (linked){ st->st_dev, st->st_ino, dir_dev, st->st_nlink, 1, arena_strdup(x->a, path) };
    hm_put(&x->files, arena_strndup(x->a, key, (size_t)kl), (size_t)kl, l);
    if (x->n == x->cap) {
        x->cap = x->cap ? 2 * x->cap : 16;
        linked **o = arena_alloc(x->a, x->cap * sizeof *o);
        if (x->n) memcpy(o, x->order, x->n * sizeof *o);
        x->order = o;
    }
    x->order[x->n++] = l;
}

/* an entry whose path the check after the run compares with this one's */
static void keep_path(walk_ctx *x, const char *path)
{
    if (x->before && x->project) {
        const char *k = arena_strdup(x->keep, path);
        hm_put(x->before, k, strlen(k), (void *)k);
    }
}

static int is_root(const walk_ctx *x, const char *path)
{
    for (size_t i = 0; i < x->nroots; i++)
        if (!strcmp(x->roots[i], path)) return 1;
    return 0;
}

static int root_beneath(const walk_ctx *x, const char *path)
{
    for (size_t i = 0; i < x->nroots; i++)
        if (runner_path_within(x->roots[i], path) && strcmp(x->roots[i], path)) return 1;
    return 0;
}

/* path (open as dirfd), depth directories below the walk's start;
 * granted: beneath a grant the command may write files through (its
 * files looked at, its paths kept), ldepth directories below that grant;
 * search: the search for repositories goes on in it */
static void walk(walk_ctx *x, int dirfd, const char *path, int depth, int ldepth, int granted, int search)
{
    if (x->from_cwd && x->project && depth > 0)
        for (size_t i = 0; i < x->nrels; i++) rel_walk_note(x->rels[i], dirfd, path);
    DIR *d = fdopendir(dirfd);
    if (!d) {
        close(dirfd);
        if (granted && !x->cut) x->cut = arena_printf(x->a, "%s cannot be read", path);
        return;
    }
    struct stat ds;
    unsigned long long dir_dev = fstat(dirfd, &ds) == 0 ? (unsigned long long)ds.st_dev : 0;
    struct dirent *e;
    while ((e = readdir(d)) && !runner_nested_found(x->nest)) {
        const char *n = e->d_name;
        if (!strcmp(n, ".") || !strcmp(n, "..")) continue;
        /* past a cut, only the search and the grants not reached yet */
        int look = granted && !x->cut;
        if (look && ++x->entries > WALK_ENTRIES_MAX) {
            x->cut = arena_printf(x->a, "more than %d entries beneath the write grants", WALK_ENTRIES_MAX);
            look = 0;
        }
        /* every directory for the watched names, as deep as rel_walk.c's walk after the run */
        int all = x->from_cwd && x->project && x->nrels && depth + 1 < REL_WALK_DEPTH_MAX;
        if (!look && !search && !all && !root_beneath(x, path)) break;
        int repo_name = !strcmp(n, ".git") || !strcmp(n, "HEAD");
        if (repo_name && look && x->before) keep_path(x, arena_printf(x->a, "%s/%s", strcmp(path, "/") ? path : "", n));
        /* a tool's configuration, wherever it is in the project: one at a
         * path where it was not after the run (link_scan.c) is new there */
        if (x->before && x->project && e->d_type != DT_DIR && runner_tool_config_place(path, n)) {
            struct stat cs;
            size_t kl;
            if (fstatat(dirfd, n, &cs, AT_SYMLINK_NOFOLLOW) == 0) {
                const char *k = runner_tool_config_key(x->keep, path, n, &cs, &kl);
                hm_put(x->before, k, kl, (void *)k);
            }
        }
        if (e->d_type != DT_REG && e->d_type != DT_DIR && e->d_type != DT_UNKNOWN) continue;
        if (e->d_type == DT_REG && !(look && x->links)) continue;
        struct stat st;
        if (fstatat(dirfd, n, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        /* most entries are files with one name: no path made for them */
        if (S_ISREG(st.st_mode) && !(look && x->links && st.st_nlink > 1)) continue;
        const char *sub = arena_printf(x->a, "%s/%s", strcmp(path, "/") ? path : "", n);
        if (S_ISREG(st.st_mode)) {
            /* a file the plan mounts read-only is not written by this name */
            if (!read_only(x->plan, sub)) note_file(x, &st, sub, dir_dev);
            continue;
        }
        if (!S_ISDIR(st.st_mode)) continue;
        /* a repository's own directory: not searched beneath */
        int s2 = search && !runner_nested_entry(x->nest, n, sub, depth) && depth + 1 < NEST_DEPTH_MAX;
        if (runner_nested_found(x->nest)) break;
        /* beneath the grants, but for what the plan mounts read-only; a
         * grant reached from the working directory starts there */
        int g2 = look && !read_only(x->plan, sub), l2 = ldepth + 1;
        if (!g2 && !x->cut && is_root(x, sub)) g2 = 1, l2 = 0;
        if (g2 && l2 >= WALK_DEPTH_MAX) {
            x->cut = arena_printf(x->a, "%s is more than %d directories deep", sub, WALK_DEPTH_MAX);
            g2 = 0;
        }
        if (!g2 && !s2 && !all && !root_beneath(x, sub)) continue;
        int fd = openat(dirfd, n, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            if (g2 && !runner_dir_unreachable(dirfd, n, &st)) x->cut = arena_printf(x->a, "%s cannot be read", sub);
            continue;
        }
        if (s2 && runner_nested_bare(x->nest, fd, sub)) s2 = 0;
        if (g2) keep_path(x, sub);
        walk(x, fd, sub, depth + 1, l2, g2, s2);
    }
    closedir(d);
}


/* 1 when the directory dirfd is on a filesystem of the kernel's (/proc,
 * /sys, /dev/pts): no file there has a second name */
static int no_files_linked(int dirfd)
{
#ifdef __linux__
    static const long kernel_fs[] = { 0x9fa0 /* proc */, 0x62656572 /* sysfs */, 0x1cd1 /* devpts */,
                                      0x27e0eb /* cgroup */, 0x63677270 /* cgroup2 */, 0x64626720 /* debugfs */,
                                      0x74726163 /* tracefs */, 0x73636673 /* securityfs */, 0xcafe4a11 /* bpf */ };
    struct statfs sf;
    if (fstatfs(dirfd, &sf) != 0) return 0;
    for (size_t i = 0; i < sizeof kernel_fs / sizeof kernel_fs[0]; i++)
        if ((long)sf.f_type == kernel_fs[i]) return 1;
#else
    (void)dirfd;
#endif
    return 0;
}

/* a grant the command may write files through */
static int writes(const ll_grant *g) { return (g->access & (LL_FS_WRITE_FILE | LL_FS_TRUNCATE)) != 0; }

const char *runner_shared_inode_problem(arena *a, const ll_plan *plan, const char *cwd, int links, nest_search *nest,
                                        rel_walk *const *rels, size_t nrels, arena *keep, hashmap *before,
                                        size_t max_named, strbuf *named)
{
    /* every name of every file is one the command may write it by */
    if (links && runner_writes_everywhere(plan)) links = 0;
    walk_ctx x = { .a = a, .keep = keep, .plan = plan, .links = links, .before = before, .nest = nest,
                   .rels = rels, .nrels = nrels, .from_cwd = nest || nrels };
    hm_init(&x.files);
    x.roots = plan->ng ? arena_alloc(a, plan->ng * sizeof *x.roots) : NULL;
    x.away = plan->ng ? arena_alloc(a, plan->ng * sizeof *x.away) : NULL;
    x.project = 1;
    for (size_t i = 0; i < plan->ng; i++) {
        const ll_grant *g = &plan->g[i];
        if (!writes(g) || read_only(plan, g->path)) continue;
        /* a grant above the working directory (`~`) holds the project
         * whole: walked from the working directory, like one of it */
        if (g->is_dir && runner_path_within(cwd, g->path) && strcmp(cwd, g->path)) {
            if (!is_root(&x, cwd) && !read_only(plan, cwd)) x.roots[x.nroots++] = cwd;
            continue;
        }
        /* a grant outside the project ($TMPDIR, a package store, a
         * cache): a file there with another name elsewhere is written
         * through that name as well (other projects' node_modules linked
         * to pnpm's store, venvs to uv's cache) */
        int away = !runner_path_within(g->path, cwd);
        if (away && !links) continue;
        /* once: a grant beneath another directory granted writing is walked with it */
        if (runner_grant_covered(plan, i, LL_FS_WRITE_FILE | LL_FS_TRUNCATE)) continue;
        struct stat st;
        if (lstat(g->path, &st) != 0) continue;
        if (S_ISREG(st.st_mode)) {
            if (links && st.st_nlink > 1) note_file(&x, &st, g->path, (unsigned long long)st.st_dev);
            continue;
        }
        if (!S_ISDIR(st.st_mode)) continue;
        if (away) x.away[x.naway++] = g->path;
        else x.roots[x.nroots++] = g->path;
    }
    if (x.from_cwd) {
        /* the working directory whole, for the search and the watched
         * names; the grants in it as the walk reaches them */
        int fd = open(cwd, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        int granted = is_root(&x, cwd);
        if (fd < 0) {
            if (granted) x.cut = arena_printf(a, "%s cannot be read", cwd);
        } else {
            if (granted) keep_path(&x, cwd);
            walk(&x, fd, cwd, 0, 0, granted, nest != NULL);
        }
    } else
        for (size_t i = 0; i < x.nroots && !x.cut; i++) {
            int fd = open(x.roots[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (fd < 0) { x.cut = arena_printf(a, "%s cannot be read", x.roots[i]); break; }
            keep_path(&x, x.roots[i]);
            walk(&x, fd, x.roots[i], 0, 0, 1, 0);
        }
    /* then the grants outside the project, their files only; not those
     * of a plan that writes everywhere but a few places (default allow
     * with denies): its grants are the machine */
    x.project = 0;
    int broad = 0;
    for (size_t i = 0; i < x.naway && !broad; i++) broad = !strchr(x.away[i] + 1, '/');
    int nearly = broad && runner_writes_nearly_everywhere(a, plan, NEARLY_EVERYWHERE_DIRS);
    if (nearly) x.naway = 0;
    for (size_t i = 0; i < x.naway && !x.cut && !runner_nested_found(nest); i++) {
        int fd = open(x.away[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        struct stat ast;
        if (fd < 0 && lstat(x.away[i], &ast) == 0 && runner_dir_unreachable(AT_FDCWD, x.away[i], &ast)) continue;
        if (fd < 0) { x.cut = arena_printf(a, "%s cannot be read", x.away[i]); break; }
        if (no_files_linked(fd)) { close(fd); continue; }
        walk(&x, fd, x.away[i], 0, 0, 1, 0);
    }
    if (runner_nested_found(nest)) {
        hm_free(&x.files);
        return NULL;
    }
    /* the files with a name the walk did not see: where their other names
     * lie (names_outside.c) */
    outside_file *of = x.n ? arena_alloc(a, x.n * sizeof *of) : NULL;
    const linked **ol = x.n ? arena_alloc(a, x.n * sizeof *ol) : NULL;
    size_t nof = 0;
    for (size_t i = 0; i < x.n; i++) {
        const linked *l = x.order[i];
        if (l->seen >= l->nlink) continue;      /* every name is one the command may write anyway */
        of[nof] = (outside_file){ .dev = l->dev, .ino = l->ino, .dir_dev = l->dir_dev };
        ol[nof++] = l;
    }
    const char *unsure = runner_names_outside(a, plan, of, nof, OUTSIDE_ENTRIES_MAX);
    const char *why = NULL, *first = NULL;
    size_t outside = 0;
    for (size_t i = 0; i < nof; i++) {
        const linked *l = ol[i];
        /* every place the command may not write looked at: only a name
         * found there counts */
        if (!unsure && !of[i].outside) continue;
        if (!first) first = l->path;
        unsigned long long may = l->seen;
        if (!unsure && l->nlink - of[i].outside > may) may = l->nlink - of[i].outside;
        if (outside < max_named)
            sb_printf(named, "  %s: %llu names, %llu of them where the command may write\n", l->path,
                      (unsigned long long)l->nlink, may);
        outside++;
    }
    if (outside && unsure)
        sb_printf(named, "  (not every place the profile keeps the command from writing was looked at for the other "
                         "names: %s)\n", unsure);
    /* the other way round, under a plan whose grants are the machine: the
     * few places it keeps the command from writing, for a file there with
     * a name elsewhere (a dotfiles directory's link to a denied ~/.bashrc) */
    const char *denied_cut = NULL, *denied_first = NULL;
    size_t denied = 0;
    if (nearly && links && !runner_nested_found(nest)) {
        outside_linked *dl;
        size_t ndl;
        denied_cut = runner_outside_linked(a, plan, OUTSIDE_ENTRIES_MAX, &dl, &ndl);
        for (size_t i = 0; i < ndl; i++) {
            /* one the walk of the grants named already */
            size_t k = 0;
            while (k < nof && !((unsure || of[k].outside) && of[k].dev == dl[i].dev && of[k].ino == dl[i].ino)) k++;
            if (k < nof) continue;
            if (!denied_first) denied_first = dl[i].path;
            if (outside + denied < max_named)
                sb_printf(named, "  %s: %llu names, %llu of them where the command may not write\n", dl[i].path,
                          dl[i].nlink, dl[i].outside);
            denied++;
        }
    }
    if (outside + denied > max_named) sb_printf(named, "  ... and %zu more\n", outside + denied - max_named);
    if (denied)
        why = arena_printf(a, "%zu file%s the profile keeps the command from writing %s another name (a hard link) "
                              "where it may write, such as %s: a write through that name reaches the file (find / "
                              "-xdev -samefile FILE lists them; remove the other name, or deny writing it too)",
                           denied, denied == 1 ? "" : "s", denied == 1 ? "has" : "have", denied_first);
    else if (outside)
        why = arena_printf(a, "%zu file%s the command may write %s another name (a hard link) where the profile does "
                              "not let it write, such as %s: a write reaches the file under every name",
                           outside, outside == 1 ? "" : "s", outside == 1 ? "has" : "have", first);
    else if (x.cut && links)
        why = arena_printf(a, "buckle cannot look at every file the command may write for hard links: %s", x.cut);
    else if (denied_cut)
        why = arena_printf(a, "buckle cannot look at every file the profile keeps the command from writing for "
                              "hard links: %s", denied_cut);
    if (x.cut && before) {
        hm_free(before);          /* not the whole project: the check after the run goes by birth times */
        hm_init(before);
    }
    hm_free(&x.files);
    return why;
}
