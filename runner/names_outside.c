/* names_outside.c - the names a file has where the command may not write
 * (docs/linux.md, "Hard links beneath a write grant").
 *
 * A file's names all lie on its filesystem, in the directories of the
 * mounts that show it.  Where a grant that writes files holds a directory
 * (and no read-only mount of the plan lies beneath it), every name is one
 * the command may write the file by anyway: those places are not looked
 * at.  The rest of each such filesystem is walked for the files' inodes:
 * nothing under `default allow` (a grant of the root), the few places its
 * denies carve out under `default allow` with denies, nearly everything
 * under a profile that confines writing (then the walk's bound stops it,
 * and every file with a name not seen in the project counts). */
#define _GNU_SOURCE
#include "names_outside.h"
#include "path_text.h"
#include "../backend/landlock_mounts.h"
#include "../support/hashmap.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { OUTSIDE_DEPTH_MAX = 64 };

typedef struct outside_ctx {
    arena *a;
    const ll_plan *plan;
    hashmap files;                   /* "dev:ino" -> outside_file, or the place in order plus one */
    const unsigned long long *devs;  /* the filesystems that hold them */
    size_t ndev;
    size_t n, found;                 /* files, and those found outside at least once */
    size_t entries, max;
    const char *cut;                 /* where the walk could not go on, or NULL */
    outside_linked *order;           /* runner_outside_linked's files */
    size_t cap;
} outside_ctx;

static int writes(const ll_grant *g) { return (g->access & (LL_FS_WRITE_FILE | LL_FS_TRUNCATE)) != 0; }

/* a directory grant that writes files holds path */
static int granted_dir(const ll_plan *p, const char *path)
{
    for (size_t i = 0; i < p->ng; i++)
        if (p->g[i].is_dir && writes(&p->g[i]) && runner_path_within(path, p->g[i].path)) return 1;
    return 0;
}

static int granted_file(const ll_plan *p, const char *path)
{
    for (size_t i = 0; i < p->ng; i++)
        if (!p->g[i].is_dir && writes(&p->g[i]) && !strcmp(path, p->g[i].path)) return 1;
    return granted_dir(p, path);
}

/* path lies at or beneath a read-only mount of the plan (above: 1), or one
 * lies strictly beneath path (above: 0) */
static int read_only_near(const ll_plan *p, const char *path, int above)
{
    for (size_t i = 0; i < p->nm; i++) {
        if (!p->m[i].ro) continue;
        if (above ? runner_path_within(path, p->m[i].path) : runner_path_within(p->m[i].path, path) && strcmp(p->m[i].path, path))
            return 1;
    }
    return 0;
}

static int grant_beneath(const ll_plan *p, const char *path)
{
    for (size_t i = 0; i < p->ng; i++)
        if (writes(&p->g[i]) && runner_path_within(p->g[i].path, path) && strcmp(p->g[i].path, path)) return 1;
    return 0;
}

int runner_writes_everywhere(const ll_plan *plan)
{
    for (size_t i = 0; i < plan->nm; i++)
        if (plan->m[i].ro) return 0;
    return granted_dir(plan, "/");
}

/* what a directory is: every name beneath it one the command may write,
 * none, or some */
enum { PLACE_GRANTED, PLACE_SOME, PLACE_OUTSIDE };
static int place(const ll_plan *p, const char *dir)
{
    if (read_only_near(p, dir, 1)) return PLACE_OUTSIDE;
    if (granted_dir(p, dir)) return read_only_near(p, dir, 0) ? PLACE_SOME : PLACE_GRANTED;
    return grant_beneath(p, dir) ? PLACE_SOME : PLACE_OUTSIDE;
}

static int on_dev(const outside_ctx *x, unsigned long long dev)
{
    for (size_t i = 0; i < x->ndev; i++)
        if (x->devs[i] == dev) return 1;
    return 0;
}

/* the walk of the grants (shared_inodes.c) and the walk of the places
 * the command may not write (collect_walk) pass over such a directory
 * alike */
int runner_dir_unreachable(int dirfd, const char *name, const struct stat *st)
{
    return S_ISDIR(st->st_mode) && st->st_uid != geteuid() && faccessat(dirfd, name, X_OK, AT_EACCESS) != 0;
}

/* one entry of a directory the walks below read */
enum { ENTRY_PASS, ENTRY_NAME, ENTRY_DIR };
typedef struct entry {
    const char *path;
    struct stat st;
    int outside;  /* ENTRY_DIR: every name beneath it is outside the grants */
    int fd;       /* ENTRY_DIR: opened, or -1 */
} entry;

/* dirent e of the directory dirfd at path (outside: every name in it is
 * outside the grants): ENTRY_NAME, a name outside the grants of a regular
 * file with more than one; ENTRY_DIR, a directory to walk (its fd -1 when
 * it could not be opened); else ENTRY_PASS, and x->cut set when the walk
 * must stop.  Only the filesystems in x->devs are looked at, all when it
 * is empty. */
static int step(outside_ctx *x, int dirfd, const struct dirent *e, const char *path, int depth, int outside, entry *en)
{
    const char *n = e->d_name;
    if (!strcmp(n, ".") || !strcmp(n, "..")) return ENTRY_PASS;
    if (++x->entries > x->max) {
        x->cut = arena_printf(x->a, "more than %zu entries where the command may not write", x->max);
        return ENTRY_PASS;
    }
    if (e->d_type != DT_REG && e->d_type != DT_DIR && e->d_type != DT_UNKNOWN) return ENTRY_PASS;
    const char *sub = arena_printf(x->a, "%s/%s", strcmp(path, "/") ? path : "", n);
    if (e->d_type == DT_REG && !outside && granted_file(x->plan, sub) && !read_only_near(x->plan, sub, 1))
        return ENTRY_PASS;
    struct stat *st = &en->st;
    if (fstatat(dirfd, n, st, AT_SYMLINK_NOFOLLOW) != 0) return ENTRY_PASS;
    if (x->ndev && !on_dev(x, (unsigned long long)st->st_dev)) return ENTRY_PASS;
    en->path = sub;
    if (S_ISREG(st->st_mode))
        return st->st_nlink > 1 && (outside || !granted_file(x->plan, sub) || read_only_near(x->plan, sub, 1))
                   ? ENTRY_NAME : ENTRY_PASS;
    if (!S_ISDIR(st->st_mode)) return ENTRY_PASS;
    int pl = outside ? PLACE_OUTSIDE : place(x->plan, sub);
    if (pl == PLACE_GRANTED) return ENTRY_PASS;
    if (depth + 1 >= OUTSIDE_DEPTH_MAX) {
        x->cut = arena_printf(x->a, "%s is more than %d directories deep", sub, OUTSIDE_DEPTH_MAX);
        return ENTRY_PASS;
    }
    en->outside = pl == PLACE_OUTSIDE;
    en->fd = openat(dirfd, n, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    return ENTRY_DIR;
}

static DIR *listing(outside_ctx *x, int dirfd, const char *path)
{
    DIR *d = fdopendir(dirfd);
    if (!d) {
        close(dirfd);
        if (!x->cut) x->cut = arena_printf(x->a, "%s cannot be read", path);
    }
    return d;
}

/* a file's key in x->files, "dev:ino"; its length */
static size_t key_of(const struct stat *st, char key[48])
{
    return (size_t)snprintf(key, 48, "%llx:%llx", (unsigned long long)st->st_dev, (unsigned long long)st->st_ino);
}

/* The walk for runner_names_outside: each name of the files in x->files
 * (outside_file) counted, until every file has one */
static void find_walk(outside_ctx *x, int dirfd, const char *path, int depth, int outside)
{
    DIR *d = listing(x, dirfd, path);
    struct dirent *e;
    while (d && !x->cut && x->found < x->n && (e = readdir(d))) {
        entry en;
        int k = step(x, dirfd, e, path, depth, outside, &en);
        if (k == ENTRY_NAME) {
            char key[48];
            size_t kl = key_of(&en.st, key);
            outside_file *f = hm_get(&x->files, key, kl);
            if (f && f->outside++ == 0) x->found++;
        } else if (k == ENTRY_DIR && en.fd < 0)
            x->cut = arena_printf(x->a, "%s cannot be read", en.path);
        else if (k == ENTRY_DIR)
            find_walk(x, en.fd, en.path, depth + 1, en.outside);
    }
    if (d) closedir(d);
}

/* The walk for runner_outside_linked: every file with more than one name
 * kept in x->order (in the order found; x->files maps it to its place
 * there, plus one), with the names seen */
static void collect_walk(outside_ctx *x, int dirfd, const char *path, int depth, int outside)
{
    DIR *d = listing(x, dirfd, path);
    struct dirent *e;
    while (d && !x->cut && (e = readdir(d))) {
        entry en;
        int k = step(x, dirfd, e, path, depth, outside, &en);
        if (k == ENTRY_NAME) {
            char key[48];
            size_t kl = key_of(&en.st, key), *at = hm_get(&x->files, key, kl);
            if (at) {
                x->order[*at - 1].outside++;
                continue;
            }
            x->order = arena_grow(x->a, x->order, x->n, x->cap, sizeof *x->order);
            x->cap = arena_grow_cap(x->n, x->cap);
            x->order[x->n] = (outside_linked){ .path = en.path, .dev = (unsigned long long)en.st.st_dev,
                                                .ino = (unsigned long long)en.st.st_ino,
                                                .nlink = (unsigned long long)en.st.st_nlink, .outside = 1 };
            at = arena_alloc(x->a, sizeof *at);
            *at = ++x->n;
            hm_put(&x->files, arena_strndup(x->a, key, kl), kl, at);
        } else if (k == ENTRY_DIR && en.fd >= 0)
            collect_walk(x, en.fd, en.path, depth + 1, en.outside);
        /* beneath another user's directory the user cannot search, the
         * command can reach no file */
        else if (k == ENTRY_DIR && !runner_dir_unreachable(dirfd, e->d_name, &en.st))
            x->cut = arena_printf(x->a, "%s cannot be read", en.path);
    }
    if (d) closedir(d);
}

const char *runner_names_outside(arena *a, const ll_plan *plan, outside_file *files, size_t n, size_t max_entries)
{
    if (!n) return NULL;
    outside_ctx x = { .a = a, .plan = plan, .n = n, .max = max_entries };
    hm_init(&x.files);
    unsigned long long *devs = arena_alloc(a, 2 * n * sizeof *devs);
    for (size_t i = 0; i < n; i++) {
        char key[48];
        int kl = snprintf(key, sizeof key, "%llx:%llx", files[i].dev, files[i].ino);
        hm_put(&x.files, arena_strndup(a, key, (size_t)kl), (size_t)kl, &files[i]);
        x.devs = devs;
        if (!on_dev(&x, files[i].dev)) devs[x.ndev++] = files[i].dev;
        if (!on_dev(&x, files[i].dir_dev)) devs[x.ndev++] = files[i].dir_dev;
    }
    /* the mounts that show those filesystems: each walked from its mount
     * point, but one beneath another such (reached from it) */
    ll_mounts mt;
    ll_mounts_read(a, &mt);
    const char **roots = arena_alloc(a, (mt.n + 1) * sizeof *roots);
    size_t nroots = 0;
    unsigned char *shown = arena_alloc(a, x.ndev);
    memset(shown, 0, x.ndev);
    for (size_t i = 0; i < mt.n; i++) {
        struct stat st;
        if (!mt.m[i].mp || stat(mt.m[i].mp, &st) != 0 || !on_dev(&x, (unsigned long long)st.st_dev)) continue;
        for (size_t k = 0; k < x.ndev; k++) shown[k] |= x.devs[k] == (unsigned long long)st.st_dev;
        roots[nroots++] = mt.m[i].mp;
    }
    for (size_t k = 0; k < n && !x.cut; k++) {
        size_t di = 0, fi = 0;
        while (x.devs[di] != files[k].dir_dev) di++;
        while (x.devs[fi] != files[k].dev) fi++;
        if (!shown[di] && !shown[fi]) x.cut = "no mount shows the filesystem that holds them";
    }
    for (size_t i = 0; i < nroots && !x.cut && x.found < x.n; i++) {
        size_t j = 0;
        while (j < nroots && !(runner_path_within(roots[i], roots[j]) && (strcmp(roots[i], roots[j]) || j < i))) j++;
        if (j < nroots) continue;
        int pl = place(plan, roots[i]);
        if (pl == PLACE_GRANTED) continue;
        int fd = open(roots[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) {
            x.cut = arena_printf(a, "%s cannot be read", roots[i]);
            break;
        }
        find_walk(&x, fd, roots[i], 0, pl == PLACE_OUTSIDE);
    }
    hm_free(&x.files);
    return x.found < x.n ? x.cut : NULL;
}

/* breadth first: a large place, /usr or /etc, reaches the bound after a
 * few reads */
int runner_outside_dirs_from(arena *a, const ll_plan *plan, const char *const *start, size_t nstart, size_t max)
{
    /* the queue: every directory counted, and whether all beneath it is outside */
    const char **q = arena_alloc(a, (max + 1) * sizeof *q);
    unsigned char *qo = arena_alloc(a, max + 1);
    size_t head = 0, n = 0;
    for (size_t i = 0; i < nstart; i++) {
        int pl = place(plan, start[i]);
        if (pl == PLACE_GRANTED) continue;
        if (n > max) return 0;
        q[n] = start[i], qo[n++] = pl == PLACE_OUTSIDE;
    }
    while (head < n) {
        const char *path = q[head];
        int outside = qo[head++];
        int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            /* gone since it was listed, or replaced by a file or a link:
             * nothing beneath it to count */
            int err = errno;
            if (err == ENOENT || err == ENOTDIR || err == ELOOP) continue;
            /* another user's that the user cannot read: counted, with
             * nothing beneath it.  The walk this count bounds passes over
             * it only when the user cannot search it either, and else
             * refuses the run there, naming it; a count given up would
             * have every grant walked instead (the whole machine under
             * default allow) */
            struct stat ps;
            if (err == EACCES && lstat(path, &ps) == 0 && ps.st_uid != geteuid()) continue;
            return 0;
        }
        DIR *d = fdopendir(fd);
        if (!d) {
            close(fd);
            return 0;
        }
        struct dirent *e;
        while ((e = readdir(d))) {
            const char *nm = e->d_name;
            struct stat st;
            if (!strcmp(nm, ".") || !strcmp(nm, "..")) continue;
            if (e->d_type != DT_DIR && e->d_type != DT_UNKNOWN) continue;
            if (e->d_type == DT_UNKNOWN && (fstatat(fd, nm, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode)))
                continue;
            const char *sub = arena_printf(a, "%s/%s", strcmp(path, "/") ? path : "", nm);
            int spl = outside ? PLACE_OUTSIDE : place(plan, sub);
            if (spl == PLACE_GRANTED) continue;
            if (n > max) {
                closedir(d);
                return 0;
            }
            q[n] = sub, qo[n++] = spl == PLACE_OUTSIDE;
        }
        closedir(d);
    }
    return 1;
}

int runner_writes_nearly_everywhere(arena *a, const ll_plan *plan, size_t max_dirs)
{
    const char *root = "/";
    return runner_writes_everywhere(plan) || runner_outside_dirs_from(a, plan, &root, 1, max_dirs);
}

const char *runner_outside_linked(arena *a, const ll_plan *plan, size_t max_entries, outside_linked **files, size_t *n)
{
    outside_ctx x = { .a = a, .plan = plan, .max = max_entries };
    hm_init(&x.files);
    *files = NULL, *n = 0;
    int pl = place(plan, "/");
    if (pl != PLACE_GRANTED) {
        /* from the root, by path: every mount the places reach is walked
         * through its mount point */
        int fd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) x.cut = "/ cannot be read";
        else collect_walk(&x, fd, "/", 0, pl == PLACE_OUTSIDE);
    }
    hm_free(&x.files);
    /* the files with a name the walk did not see: that name lies where the
     * command may write */
    size_t k = 0;
    for (size_t i = 0; i < x.n; i++)
        if (x.order[i].outside < x.order[i].nlink) x.order[k++] = x.order[i];
    *files = x.order, *n = k;
    return x.cut;
}
