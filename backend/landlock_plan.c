/* landlock_plan.c - the profile as a Landlock ruleset, and a verdict for
 * every rule (docs/linux.md).
 *
 * Landlock only adds rights beneath a path.  For each access right, a path
 * is granted whole when an allow covers all of it and no deny may match at
 * or beneath it; otherwise its entries at launch are looked at one by one,
 * files decided by the profile's own semantics (decide.c).  Whatever cannot
 * be granted that way is lost (narrower), never added. */
#include "landlock.h"
#include "landlock_mounts.h"
#include "path_links.h"
#include "emit.h"
#include "../compiler/precedence.h"
#include "../grammar/sexp.h"
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#ifdef __linux__
#include <sys/vfs.h>
#endif

/* ---- the one table: access rights and the operations each one stands for */

typedef struct ll_right {
    uint64_t bit;
    int abi;
    const char *name;
    const char *ops[2];       /* every concrete operation of these must be allowed */
} ll_right;

static const ll_right rights[] = {
    { LL_FS_EXECUTE, 1, "execute", { "process-exec*", NULL } },
    { LL_FS_WRITE_FILE, 1, "write_file", { "file-write-data", NULL } },
    { LL_FS_READ_FILE, 1, "read_file", { "file-read-data", NULL } },
    { LL_FS_READ_DIR, 1, "read_dir", { "file-read-data", NULL } },
    { LL_FS_REMOVE_DIR, 1, "remove_dir", { "file-write-unlink", NULL } },
    { LL_FS_REMOVE_FILE, 1, "remove_file", { "file-write-unlink", NULL } },
    { LL_FS_MAKE_CHAR, 1, "make_char", { "file-write-create", "file-mknod" } },
    { LL_FS_MAKE_DIR, 1, "make_dir", { "file-write-create", NULL } },
    { LL_FS_MAKE_REG, 1, "make_reg", { "file-write-create", NULL } },
    { LL_FS_MAKE_SOCK, 1, "make_sock", { "file-write-create", NULL } },
    { LL_FS_MAKE_FIFO, 1, "make_fifo", { "file-write-create", NULL } },   /* a FIFO is no device */
    { LL_FS_MAKE_BLOCK, 1, "make_block", { "file-write-create", "file-mknod" } },
    { LL_FS_MAKE_SYM, 1, "make_sym", { "file-write-create", NULL } },
    { LL_FS_REFER, 2, "refer", { "file-write-create", "file-write-unlink" } },
    { LL_FS_TRUNCATE, 3, "truncate", { "file-write-data", NULL } },
    { LL_FS_IOCTL_DEV, 5, "ioctl_dev", { "file-ioctl", NULL } },
};
#define NRIGHTS (sizeof rights / sizeof rights[0])
/* rights that only read: the profile's sources may be read, not written */
#define LL_FS_READ_ONLY (LL_FS_EXECUTE | LL_FS_READ_FILE | LL_FS_READ_DIR)
/* rights a read-only mount takes: every change of an entry or its contents */
#define LL_FS_WRITING (LL_FS_WRITE_FILE | LL_FS_TRUNCATE | LL_FS_REMOVE_DIR | LL_FS_REMOVE_FILE | LL_FS_MAKE_CHAR | \
                       LL_FS_MAKE_DIR | LL_FS_MAKE_REG | LL_FS_MAKE_SOCK | LL_FS_MAKE_FIFO | LL_FS_MAKE_BLOCK | \
                       LL_FS_MAKE_SYM | LL_FS_REFER)

static const ll_class classes[LLC_COUNT] = {
    [LLC_FILES] = { "files", "file operations Landlock does not control: metadata (stat), modes, owners, times, "
                             "extended attributes, hard links, executable mappings" },
    [LLC_PORTS] = { "ports", "a network rule naming a host becomes the same TCP port on every host" },
    [LLC_NETWORK] = { "network", "network traffic Landlock does not control: UDP, inbound connections, unix "
                                 "sockets by path (abstract ones too before ABI 6), every port but some (and all "
                                 "of TCP before ABI 4)" },
    [LLC_PROCESS] = { "process", "process operations Landlock does not control: fork, process information, "
                                 "signals inside the sandbox (and all signals before ABI 6)" },
    [LLC_IPC] = { "ipc", "System V and POSIX IPC" },
    [LLC_LINKS] = { "links", "a deny written through a symbolic link: the kernel checks the link's target, which the deny "
                             "does not name, and a grant reaches it" },
    [LLC_SBPL] = { "sbpl", "raw SBPL rules, which Landlock does not enforce: a raw deny protects nothing" },
    [LLC_NEW_PATHS] = { "new-paths", "a deny of writing a path that does not exist at launch, inside a directory the "
                                     "command may write, does not stop the command creating it: buckle checks the path "
                                     "when the command ends, and the run fails when it exists" },
    [LLC_HARDLINKS] = { "hardlinks", "a file the command may write that has another name (a hard link) where the "
                                     "profile does not let it write: a write reaches the file under every name" },
    [LLC_HOOKS] = { "hooks", "a git hook the profile keeps from the command that runs a program the command may "
                             "write (a script of the project, node_modules/.bin, package.json's scripts): git runs "
                             "it at your next commit, outside any sandbox" },
};

const ll_class *ll_class_get(int cls) { return cls >= 0 && cls < LLC_COUNT ? &classes[cls] : NULL; }

int ll_class_lookup(const char *name)
{
    for (int i = 0; i < LLC_COUNT; i++) if (!strcmp(classes[i].name, name)) return i;
    return -1;
}

/* What an operation is on Linux. */
typedef enum { OC_FS, OC_FILES, OC_NET, OC_SIGNAL, OC_PROCESS, OC_IPC, OC_NONE } op_cat;

static op_cat op_category(int op, const opset *fs_ops)
{
    if (opset_has(fs_ops, op)) return OC_FS;
    const char *n = op_get(op)->name;
    if (!strncmp(n, "file", 4)) return OC_FILES;
    if (!strncmp(n, "network", 7)) return OC_NET;
    if (!strcmp(n, "signal")) return OC_SIGNAL;
    if (!strncmp(n, "process", 7)) return OC_PROCESS;
    if (!strncmp(n, "ipc", 3)) return OC_IPC;
    return OC_NONE;       /* mach, sysctl, iokit, preferences, notifications... */
}

/* ---- the builder ------------------------------------------------------- */

typedef struct rstate {
    const char *narrow;       /* the first thing lost, or NULL */
    int wcls;                 /* -1, or a widening class (the first) */
    const char *wwhy;
    const char *why_by[LLC_COUNT];   /* every widening class, with its first reason */
    const char *closed, *closed_why; /* a directory granted one by one where the rule would create entries */
    uint64_t split;           /* the rights granted one by one somewhere beneath the rule's path */
    const char *split_why, *split_tail; /* the first place and reason, when that is what narrow says */
    int lost;                 /* narrow says that grants were withdrawn (withdraw_movable) */
} rstate;

/* The class to report for s: the first the user did not accept, else the
 * first; the classes go to rep.weaker or rep.accepted. */
static int weaker_report(const rstate *s, unsigned accept, backend_report *rep, const char **why)
{
    int pick = -1;
    for (int c = 0; c < LLC_COUNT; c++) {
        if (!s->why_by[c]) continue;
        if (accept & (1u << c)) rep->accepted |= 1u << c;
        else {
            rep->weaker |= 1u << c;
            if (pick < 0) pick = c;
        }
    }
    if (pick < 0) pick = s->wcls;
    *why = s->why_by[pick];
    return pick;
}

/* How a deny of writing is held where a grant of a directory above it
 * would reach it (deny_how): by the grants one by one around it (DH_GRANTS,
 * Landlock's only way), by a read-only mount of the path in the command's
 * mount namespace (DH_MOUNT; DH_PIN for a literal directory: the directory
 * bound onto itself, which cannot be removed or renamed then), or, for a
 * path that does not exist at launch, by the check after the run
 * (DH_ABSENT, class new-paths). */
enum { DH_UNKNOWN, DH_GRANTS, DH_MOUNT, DH_PIN, DH_ABSENT };
typedef struct deny_hold {
    int how;
    const char *path;         /* DH_MOUNT, DH_PIN, DH_ABSENT: the host path mounted or checked */
    int used;                 /* a grant reaches it: mounted, or checked */
    int absent;               /* DH_GRANTS only because new-paths is not accepted */
} deny_hold;

typedef struct llb {
    arena *a;
    const backend_in *in;
    ll_plan *p;
    opset ops[NRIGHTS];
    opset fs_ops;             /* every operation a right stands for (at this ABI) */
    opset wops;               /* every operation a writing right (LL_FS_WRITING) stands for */
    rule **deny[NRIGHTS];     /* the denies that may take a right somewhere */
    size_t ndeny[NRIGHTS];
    rstate *rs;               /* by rule id */
    deny_hold *dh;            /* by rule id */
    signed char *prot_mount;  /* by index of in->protect: 1 held by a read-only mount, -1 not, 0 not looked at */
    size_t nrs;
    rstate def;               /* the default's */
    hashmap gidx;             /* host path -> grant index + 1 */
    hashmap stats;            /* host path -> struct stat (lstat), or a failed one */
    hashmap lists;            /* host path -> dir_list: the same for every right */
    hashmap dlinks;           /* "dev:ino" -> denied_link: files with several names that the
                               * profile denies a right where the plan looked at them */
    size_t budget;            /* directory entries still to look at */
    int proc_private;         /* /proc/PID of other processes is not granted */
    long own_pid;             /* the command's PID (in->run_pid), or 0 */
    ll_mounts mt;             /* the mount table, read once (mount_table) */
    int mt_read;
} llb;

/* the mount table, read at the first use */
static const ll_mounts *mount_table(llb *b)
{
    if (!b->mt_read) ll_mounts_read(b->a, &b->mt);
    b->mt_read = 1;
    return &b->mt;
}

/* 1 when name is a process's entry in /proc other than b->own_pid's */
static int other_process(const llb *b, const char *name)
{
    return ll_pid_name(name, strlen(name)) && strtol(name, NULL, 10) != b->own_pid;
}

/* procs: the directory is procfs's /proc, whose process entries come and
 * go without its times moving (they are left out of what a run cache
 * entry keeps of it, and its other entries are read again at every use) */
typedef struct dir_list { char **names; size_t n; int ok; int procs; } dir_list;
typedef struct stat_memo {
    struct stat st;
    int ok;
    int err;                  /* lstat's errno when not ok */
    int real;                 /* 0 unknown, 1 canonical, 2 not */
    int listed;               /* its entries were read */
} stat_memo;

/* lstat, once per path for the whole plan: every look at the filesystem
 * goes through here (the plan's ll_seen, which a run cache validates) */
static stat_memo *memo_get(llb *b, const char *h)
{
    size_t n = strlen(h);
    stat_memo *m = hm_get(&b->stats, h, n);
    if (!m) {
        m = arena_alloc(b->a, sizeof *m);
        memset(m, 0, sizeof *m);
        m->ok = lstat(h, &m->st) == 0;
        m->err = m->ok ? 0 : errno;
        hm_put(&b->stats, arena_strndup(b->a, h, n), n, m);
    }
    return m;
}

static int st_get(llb *b, const char *h, struct stat *st)
{
    stat_memo *m = memo_get(b, h);
    if (m->ok) *st = m->st;
    return m->ok ? 0 : -1;
}

/* 1 when h is its own realpath: absolute, no "." or ".." or empty
 * component, and every component exists and is no symbolic link (the
 * ones above it directories); each component looked at once per plan */
static int is_real(llb *b, const char *h)
{
    stat_memo *m = memo_get(b, h);
    if (m->real) return m->real == 1;
    int r = h[0] == '/';
    size_t n = strlen(h);
    if (r && n > 1 && h[n - 1] == '/') r = 0;
    char *buf = r ? arena_strndup(b->a, h, n) : NULL;
    for (char *s = buf ? buf + 1 : NULL; r && n > 1;) {
        char *e = strchr(s, '/');
        size_t cl = e ? (size_t)(e - s) : strlen(s);
        if (cl == 0 || (cl == 1 && s[0] == '.') || (cl == 2 && s[0] == '.' && s[1] == '.')) { r = 0; break; }
        if (e) *e = 0;
        struct stat st;
        if (st_get(b, buf, &st) != 0 || S_ISLNK(st.st_mode) || (e && !S_ISDIR(st.st_mode))) { r = 0; break; }
        if (!e) break;
        *e = '/';
        s = e + 1;
    }
    m->real = r ? 1 : 2;
    return r;
}

#ifdef __linux__
/* Filesystems where a directory's mtime and ctime move with every entry
 * made, removed or renamed in it (local ones; not procfs, sysfs, network
 * or FUSE filesystems, whose listings change without them) */
static int times_follow_entries(long type)
{
    static const long ok[] = { 0xEF53 /* ext2/3/4 */, 0x01021994 /* tmpfs */, 0x58465342 /* xfs */,
                               0x9123683E /* btrfs */, 0x794c7630 /* overlayfs */, 0xF2F52010 /* f2fs */,
                               0x858458f6 /* ramfs */ };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) if (type == ok[i]) return 1;
    return 0;
}
#endif

static int cmp_name(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

/* a directory's entries, sorted, once per path for the whole plan */
static const dir_list *list_get(llb *b, const char *h)
{
    size_t hl = strlen(h);
    dir_list *l = hm_get(&b->lists, h, hl);
    if (l) return l;
    l = arena_alloc(b->a, sizeof *l);
    hm_put(&b->lists, arena_strndup(b->a, h, hl), hl, l);
    memo_get(b, h)->listed = 1;         /* looked at before it is read */
    DIR *dir = opendir(h);
    if (!dir) return l;
    l->ok = 1;
#ifdef __linux__
    struct statfs sf;
    int fs_ok = fstatfs(dirfd(dir), &sf) == 0;
    l->procs = fs_ok && (long)sf.f_type == 0x9fa0 /* procfs */ && !strcmp(h, "/proc");
    if (!b->p->uncacheable && !l->procs && (!fs_ok || !times_follow_entries((long)sf.f_type)))
        b->p->uncacheable = arena_printf(b->a, "the entries of %s, on a filesystem whose times do not follow them", h);
#endif
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (l->n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            char **nv = arena_alloc(b->a, nc * sizeof *nv);
            if (l->n) memcpy(nv, l->names, l->n * sizeof *nv);
            l->names = nv;
            cap = nc;
        }
        l->names[l->n++] = arena_strdup(b->a, e->d_name);
    }
    closedir(dir);
    if (l->n) qsort(l->names, l->n, sizeof *l->names, cmp_name);
    return l;
}

#define LL_ENTRY_BUDGET 20000
#define LL_MAX_DEPTH 48

static rstate *state(llb *b, const rule *r) { return r ? &b->rs[r->id] : &b->def; }

static void narrow(llb *b, const rule *r, const char *why)
{
    rstate *s = state(b, r);
    if (!s->narrow) s->narrow = why;
}

/* The plan left paths out (too deep, too many entries): this reason is the
 * one the user must see, whatever was said before. */
static void narrow_cut(llb *b, const rule *r, const char *why)
{
    state(b, r)->narrow = why;
    if (!b->p->cut) b->p->cut = why;
}

static void weaker(llb *b, const rule *r, int cls, const char *why)
{
    rstate *s = state(b, r);
    if (s->wcls < 0) { s->wcls = cls; s->wwhy = why; }
    if (!s->why_by[cls]) s->why_by[cls] = why;
}

/* p at or beneath x */
static int under(const char *p, size_t pl, const char *x, size_t xl)
{
    if (xl == 1 && x[0] == '/') return pl >= 1 && p[0] == '/';
    return pl >= xl && !memcmp(p, x, xl) && (pl == xl || p[xl] == '/');
}

static const char *rval(llb *b, const rule *r, size_t *n) { return decider_rule_value(b->in->d, r, n); }

/* The text every path a glob or regex rule matches starts with
 * (decider_rule_fixed: escapes read, "\\." is "."), or NULL when none is
 * known. */
static const char *pattern_fixed(llb *b, const rule *r, size_t *len)
{
    return decider_rule_fixed(b->in->d, r, len);
}

/* 1 when rule d may match x or a path beneath it. */
static int may_match_beneath(llb *b, const rule *d, const char *x, size_t xl)
{
    size_t n;
    const char *v = rval(b, d, &n);
    switch (d->m.kind) {
    case MK_LITERAL: return under(v, n, x, xl);
    case MK_SUBPATH: return under(v, n, x, xl) || under(x, xl, v, n);
    case MK_ANCESTORS: return 1;
    case MK_PREFIX: case MK_GLOB: case MK_REGEX: {
        size_t l = n;
        if (d->m.kind != MK_PREFIX && !(v = pattern_fixed(b, d, &l))) return 1;
        size_t m = l < xl ? l : xl;
        if (memcmp(v, x, m)) return 0;
        if (l <= xl) return 1;
        return (xl == 1 && x[0] == '/') || v[xl] == '/';
    }
    default: return 0;
    }
}

/* 1 when allow rule a matches x and every path beneath it. */
static int covers_subtree(llb *b, const rule *a, const char *x, size_t xl)
{
    if (!a || a->m.kind == MK_NONE) return 1;
    size_t n;
    const char *v = rval(b, a, &n);
    if (a->m.kind == MK_SUBPATH) return under(x, xl, v, n);
    if (a->m.kind == MK_PREFIX) return xl >= n && !memcmp(x, v, n);
    return 0;
}

/* The directory every path rule d may match is in (its path, for a
 * literal or subpath; a pattern's fixed start up to its last '/'), or
 * NULL when that is any or the root. */
static const char *deny_base(llb *b, const rule *d, int *whole)
{
    size_t n;
    const char *v = rval(b, d, &n);
    *whole = d->m.kind == MK_LITERAL || d->m.kind == MK_SUBPATH;
    if (*whole) return arena_strndup(b->a, v, n);
    if (d->m.kind != MK_PREFIX && d->m.kind != MK_GLOB && d->m.kind != MK_REGEX) return NULL;
    size_t l = n;
    const char *fx = d->m.kind == MK_PREFIX ? v : pattern_fixed(b, d, &l);
    if (!fx || !l) return NULL;
    size_t e = l;
    while (e > 0 && fx[e - 1] != '/') e--;
    return e <= 1 ? NULL : arena_strndup(b->a, fx, e - 1);
}

/* The first other name h has through another mount (or that a directory
 * beneath it has) that is not that same file or directory as its own real
 * path, or NULL: every one can be mounted read-only as h is */
static const ll_alias *alias_unmountable(llb *b, const char *h)
{
    ll_alias *al;
    size_t na = ll_mount_aliases(b->a, mount_table(b), h, &al);
    for (size_t j = 0; j < na; j++) {
        struct stat x, y;
        if (st_get(b, al[j].alt, &x) != 0 || st_get(b, al[j].orig, &y) != 0 || x.st_dev != y.st_dev ||
            x.st_ino != y.st_ino || !is_real(b, al[j].alt))
            return &al[j];
    }
    return NULL;
}

/* How deny d of writing is held (deny_hold): apart from the grants (a
 * mount, or the check after the run) only when it takes every writing
 * right, no allow that wins over it may match beneath it (a mount would
 * take that too), and its path is a directory or a file with one name that
 * is its own real path (DH_MOUNT, DH_PIN: needs the mount namespace), or
 * does not exist at launch beneath a directory that does and is no link
 * (DH_ABSENT: needs --linux-accept=new-paths; for a pattern, the directory
 * all its matches are in). */
static void add_note(ll_plan *p, const char *s);
static int deny_hold_how(llb *b, const rule *d, deny_hold *dh)
{
    const char **path = &dh->path;
    if (d->m.kind == MK_NONE || d->m.kind == MK_ANCESTORS || d->dup_of) return DH_GRANTS;
    for (size_t ri = 0; ri < NRIGHTS; ri++) {
        if (!(rights[ri].bit & LL_FS_WRITING) || !(b->p->handled_fs & rights[ri].bit)) continue;
        int takes = 0;
        for (size_t k = 0; k < b->ndeny[ri] && !takes; k++) takes = b->deny[ri][k] == d;
        if (!takes) return DH_GRANTS;
    }
    int whole;
    const char *fixed = deny_base(b, d, &whole);
    if (!fixed) return DH_GRANTS;
    size_t fl = strlen(fixed);
    rule_vec *rv = &b->in->c->pol.rules;
    for (size_t i = 0; i < rv->n; i++) {
        const rule *r = rv->v[i];
        if (r->dup_of || r->action != ACT_ALLOW || !opset_intersects(r->covers, &b->wops)) continue;
        if (r->m.kind != MK_NONE && mk_family(r->m.kind) != FAM_PATH) continue;
        if (rule_beats(r, d) && (r->m.kind == MK_NONE || may_match_beneath(b, r, fixed, fl))) return DH_GRANTS;
    }
    const char *h = ll_host_path(b->a, fixed, b->in->host_map);
    struct stat st;
    if (st_get(b, h, &st) == 0) {
        if (!whole || !b->in->mounts || !is_real(b, h)) return DH_GRANTS;
        /* shown by another mount too (or a directory beneath it is): a
         * read-only mount holds one name, while the grant of the directory
         * above, on its inode, reaches it through the others, so each
         * other name is mounted read-only too (plan_mounts); when one is
         * not that same file or directory (a mount above it hides it, a
         * link on its way), the grants one by one hold it instead, which
         * leave no grant there (verify_mounts takes what other grants
         * reach).  A directory bound onto itself is a mount point under
         * every name. */
        const ll_alias *bad = S_ISDIR(st.st_mode) && d->m.kind == MK_LITERAL ? NULL : alias_unmountable(b, h);
        if (bad) {
            add_note(b->p, arena_printf(b->a, "%s is %s through another mount, which cannot be mounted read-only "
                                              "there: %s is not mounted read-only (the grant above it would reach "
                                              "it there), the entries around it are granted one by one",
                                        bad->orig, bad->alt, h));
            return DH_GRANTS;
        }
        *path = h;
        if (S_ISDIR(st.st_mode)) return d->m.kind == MK_LITERAL ? DH_PIN : DH_MOUNT;
        /* another name of the file would stay writable: the grants one by
         * one see the names they list (withhold_links) */
        return S_ISREG(st.st_mode) && st.st_nlink < 2 ? DH_MOUNT : DH_GRANTS;
    }
    /* a path that cannot be looked at (a directory on its way without
     * search permission, which the command may give back: chmod is
     * metadata) is not known to be absent */
    int why_not = memo_get(b, h)->err;
    if (why_not != ENOENT && why_not != ENOTDIR) return DH_GRANTS;
    /* the part that exists: no link on it (the check would look elsewhere) */
    char *anc = arena_strdup(b->a, h);
    for (size_t n = strlen(anc); n > 1;) {
        while (n > 1 && anc[n - 1] != '/') n--;
        if (n > 1) n--;
        anc[n ? n : 1] = 0;
        if (st_get(b, anc, &st) == 0) break;
    }
    /* a file there (a linked worktree's or a submodule's .git file):
     * nothing beneath it exists until the command replaces it, which the
     * check after the run sees like any other absent path */
    if (st_get(b, anc, &st) != 0 || !(S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) && why_not == ENOTDIR)) ||
        !is_real(b, anc))
        return DH_GRANTS;
    *path = h;
    if (!(b->in->accept & (1u << LLC_NEW_PATHS))) { dh->absent = 1; return DH_GRANTS; }
    return DH_ABSENT;
}

static int deny_held_apart(llb *b, const rule *d)
{
    deny_hold *h = &b->dh[d->id];
    if (h->how == DH_UNKNOWN) h->how = deny_hold_how(b, d, h);
    return h->how != DH_GRANTS;
}

static int protect_mounted(llb *b, size_t k);

/* 1 when deny d takes nothing from read_dir granted above its path: it
 * names (a literal or subpath) a regular file that exists at launch as its
 * own real path.  Listing applies to directories only, and the file cannot
 * become one: removing or renaming it, or a directory above it, is a right
 * of the directories on its way, which the same deny keeps from being
 * granted whole (blocked: an entry renamed to a name it denies) */
static int lists_nothing(llb *b, const rule *d)
{
    if (d->m.kind != MK_LITERAL && d->m.kind != MK_SUBPATH) return 0;
    size_t n;
    const char *v = rval(b, d, &n);
    const char *h = ll_host_path(b->a, arena_strndup(b->a, v, n), b->in->host_map);
    struct stat st;
    return st_get(b, h, &st) == 0 && S_ISREG(st.st_mode) && is_real(b, h);
}

/* Why nothing beneath x can have right ri as a whole, or NULL; *which:
 * the deny that may match beneath, if that is why.  root: x is the path of
 * the allow being planned, where a mount may hold buckle's own files
 * beneath it (below it the grants one by one stay: a directory granted
 * whole there could rename the directories the allow grants of their own). */
static const char *blocked(llb *b, size_t ri, const rule *cov, const char *px, const char *hx, int root,
                           const rule **which)
{
    size_t pl = strlen(px), hl = strlen(hx);
    *which = NULL;
    /* a deny the covering allow beats (decide.c's order) never wins where
     * it matches; unfiltered ones first (they stop the walk) */
    for (size_t k = 0; k < b->ndeny[ri]; k++) {
        const rule *d = b->deny[ri][k];
        if (d->m.kind == MK_NONE && !(cov && rule_beats(cov, d))) return "an unfiltered deny";
    }
    for (size_t k = 0; k < b->ndeny[ri]; k++) {
        const rule *d = b->deny[ri][k];
        if (d->m.kind == MK_NONE || (cov && rule_beats(cov, d))) continue;
        if (!may_match_beneath(b, d, px, pl)) continue;
        if ((rights[ri].bit & LL_FS_WRITING) && deny_held_apart(b, d)) continue;
        if (rights[ri].bit == LL_FS_READ_DIR && lists_nothing(b, d)) continue;
        *which = d;
        return "a deny";
    }
    /* refer (rename and link across directories) moves an entry with the
     * grants it holds: where another right is denied by a path rule beneath,
     * a directory moved there would keep that right.  Removing is the other
     * half of a rename inside one directory: granted whole there, it would
     * let an entry granted one by one (another right split around that
     * deny) take the denied name, and the grant goes with it; the grants
     * one by one would then be withdrawn (withdraw_movable), so the right
     * to remove is the one split instead */
    int moves = rights[ri].bit == LL_FS_REFER, renames = (rights[ri].bit & (LL_FS_REMOVE_FILE | LL_FS_REMOVE_DIR)) != 0;
    if (moves || renames)
        for (size_t rj = 0; rj < NRIGHTS; rj++) {
            if (rj == ri || (renames && (rights[rj].bit & (LL_FS_REFER | LL_FS_REMOVE_FILE | LL_FS_REMOVE_DIR)))) continue;
            for (size_t k = 0; k < b->ndeny[rj]; k++) {
                const rule *d = b->deny[rj][k];
                /* a read-only mount refuses a move into it or out of it;
                 * a path made by a move is caught by the check after the run */
                if ((rights[rj].bit & LL_FS_WRITING) && deny_held_apart(b, d)) continue;
                if (d->m.kind != MK_NONE && may_match_beneath(b, d, px, pl)) {
                    *which = d;
                    return moves ? "a deny of another right (an entry moved under it would keep its rights)"
                                 : "a deny of another right (an entry renamed to a name it denies would keep its "
                                   "rights)";
                }
            }
        }
    if (b->proc_private && under("/proc", 5, hx, hl)) return "process information of other processes (/proc/PID)";
    for (size_t k = 0; k < b->in->nhide; k++) {
        const char *s = b->in->hide[k];
        if (under(s, strlen(s), hx, hl)) return "buckle's run cache (other runs' plans)";
    }
    if (!(rights[ri].bit & LL_FS_READ_ONLY))
        for (size_t k = 0; k < b->in->nprotect; k++) {
            const char *s = b->in->protect[k];
            if (!under(s, strlen(s), hx, hl)) continue;
            /* one beneath the allow's path that a mount holds (plan_mounts)
             * does not close it */
            if (root && strcmp(s, hx) && protect_mounted(b, k)) continue;
            return "buckle's own files (the profile's sources, the run cache)";
        }
    return NULL;
}

static int is_hidden(llb *b, const char *hx)
{
    size_t hl = strlen(hx);
    for (size_t k = 0; k < b->in->nhide; k++) {
        const char *s = b->in->hide[k];
        if (under(hx, hl, s, strlen(s))) return 1;
    }
    return 0;
}

/* 1 when buckle's own path protect[k] is held by a read-only mount of it
 * in the command's mount namespace rather than by the grants one by one
 * around it: the namespace can be made, the path exists at launch as its
 * own real path, and it is a directory (bound read-only onto itself: no
 * write, no new entry, no removal or renaming of it) or a file with one
 * name (no write; renaming over it or removing it fails with EBUSY, a link
 * to it with EXDEV); never near the run cache, which is closed to reading
 * too.  A path that does not exist at launch stays held by the grants. */
static int protect_mounted(llb *b, size_t k)
{
    if (b->prot_mount[k]) return b->prot_mount[k] > 0;
    const char *s = b->in->protect[k];
    size_t sl = strlen(s);
    int ok = b->in->mounts && s[0] == '/' && sl > 1;
    for (size_t j = 0; ok && j < b->in->nhide; j++) {
        const char *h = b->in->hide[j];
        size_t hl = strlen(h);
        if (under(s, sl, h, hl) || under(h, hl, s, sl)) ok = 0;
    }
    struct stat st;
    if (ok) ok = st_get(b, s, &st) == 0 && is_real(b, s) && (S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) && st.st_nlink < 2));
    /* shown by another mount too: a read-only mount holds one name, the
     * grant above reaches the others; the directory stays closed instead */
    if (ok) {
        ll_alias *al;
        ok = ll_mount_aliases(b->a, mount_table(b), s, &al) == 0;
    }
    b->prot_mount[k] = ok ? 1 : -1;
    return ok;
}

static int is_protected(llb *b, size_t ri, const char *hx)
{
    if (is_hidden(b, hx)) return 1;
    if (rights[ri].bit & LL_FS_READ_ONLY) return 0;
    /* at or beneath one (a protected directory keeps its contents too) */
    size_t hl = strlen(hx);
    for (size_t k = 0; k < b->in->nprotect; k++) {
        const char *s = b->in->protect[k];
        if (under(hx, hl, s, strlen(s))) return 1;
    }
    return 0;
}

static void grant(llb *b, const char *px, const char *hx, uint64_t bit, const struct stat *st)
{
    size_t hl = strlen(hx);
    uintptr_t k = (uintptr_t)hm_get(&b->gidx, hx, hl);
    ll_plan *p = b->p;
    if (k) { p->g[k - 1].access |= bit; return; }
    if (p->ng == p->gcap) { p->gcap = p->gcap ? p->gcap * 2 : 32; p->g = xrealloc(p->g, p->gcap * sizeof *p->g); }
    ll_grant *g = &p->g[p->ng++];
    g->path = arena_strdup(b->a, hx);
    g->ppath = arena_strdup(b->a, px);
    g->access = bit;
    g->is_dir = S_ISDIR(st->st_mode);
    g->dev = (unsigned long long)st->st_dev;
    g->ino = (unsigned long long)st->st_ino;
    hm_put(&b->gidx, g->path, hl, (void *)(uintptr_t)p->ng);
}

/* The request for operation op on the path px (as the profile spells it). */
static sb_request path_request(int op, const char *px)
{
    sb_request q;
    memset(&q, 0, sizeof q);
    q.op = op;
    q.obj = px;
    q.len = strlen(px);
    q.kind = OBJ_PATH;
    q.ns = SNS_OTHER;
    return q;
}

static int allows_all(llb *b, size_t ri, const char *px)
{
    for (int op = 0; op < ops_count(); op++) {
        if (!opset_has(&b->ops[ri], op)) continue;
        sb_request q = path_request(op, px);
        if (decider_decide(b->in->d, &q).action != ACT_ALLOW) return 0;
    }
    return 1;
}

/* A file with more than one name that the profile denies a right: a grant
 * of the same inode under another name would open it (withhold_links) */
typedef struct denied_link { uint64_t bits; const char *px; } denied_link;

static const char *inode_key(arena *a, unsigned long long dev, unsigned long long ino, size_t *n)
{
    const char *k = arena_printf(a, "%llx:%llx", dev, ino);
    *n = strlen(k);
    return k;
}

static void note_denied_link(llb *b, size_t ri, const char *px, const struct stat *st)
{
    if (S_ISDIR(st->st_mode) || st->st_nlink < 2) return;
    size_t n;
    const char *k = inode_key(b->a, (unsigned long long)st->st_dev, (unsigned long long)st->st_ino, &n);
    denied_link *d = hm_get(&b->dlinks, k, n);
    if (!d) {
        d = arena_alloc(b->a, sizeof *d);
        d->bits = 0;
        d->px = arena_strdup(b->a, px);
        hm_put(&b->dlinks, k, n, d);
    }
    d->bits |= rights[ri].bit;
}

/* A file (or a directory named exactly): file rights only, decided by the profile. */
static void leaf(llb *b, size_t ri, const rule *owner, const char *px, const char *hx, const struct stat *st)
{
    uint64_t bit = rights[ri].bit;
    if (!allows_all(b, ri, px)) { note_denied_link(b, ri, px, st); return; }   /* not the profile's to grant here */
    if (is_protected(b, ri, hx)) return;
    if (S_ISDIR(st->st_mode)) {
        narrow(b, owner, arena_printf(b->a, "%s %s: Landlock grants it on a directory's whole contents", rights[ri].name, px));
        return;
    }
    if (!(bit & LL_FS_FILE_RIGHTS)) {
        /* listing or removing a directory where a file is means nothing */
        if (bit == LL_FS_REMOVE_DIR || bit == LL_FS_READ_DIR) return;
        const char *sl = strrchr(px, '/');
        const char *dir = !sl || sl == px ? "/" : arena_strndup(b->a, px, (size_t)(sl - px));
        narrow(b, owner, arena_printf(b->a, "%s %s: creating and removing an entry are rights of its directory, %s, "
                                      "which Landlock grants for all its entries", rights[ri].name, px, dir));
        return;
    }
    grant(b, px, hx, bit, st);
}

static const char *profile_path(arena *a, const char *host, int host_map);
static int deny_held_apart(llb *b, const rule *d);


static void tree(llb *b, size_t ri, const rule *cov, const rule *owner, const char *px, const char *hx, int depth)
{
    struct stat st;
    if (st_get(b, hx, &st) != 0) {
        if (depth == 0) narrow(b, owner, arena_printf(b->a, "%s does not exist at launch", hx));
        return;
    }
    if (S_ISLNK(st.st_mode)) {
        narrow(b, owner, arena_printf(b->a, "%s is a symbolic link at launch (its target is not granted)", hx));
        return;
    }
    if (depth == 0 && !is_real(b, hx)) {
        narrow(b, owner, arena_printf(b->a, "%s is reached through a symbolic link at launch", hx));
        return;
    }
    if (!S_ISDIR(st.st_mode)) { leaf(b, ri, owner, px, hx, &st); return; }
    if (is_protected(b, ri, hx)) {
        narrow(b, owner, arena_printf(b->a, "%s %s: buckle's own directory stays %s", rights[ri].name, hx,
                                      is_hidden(b, hx) ? "closed (the run cache)" : "unwritable"));
        return;
    }
    if (!covers_subtree(b, cov, px, strlen(px))) return;
    /* reached one by one (its directory is not granted whole), inside the
     * path of a deny a mount would hold: nothing here is the allow's to
     * grant, and without a grant no mount is needed */
    if (rights[ri].bit & LL_FS_WRITING)
        for (size_t k = 0; k < b->ndeny[ri]; k++) {
            const rule *d = b->deny[ri][k];
            if (d->m.kind != MK_SUBPATH || (cov && rule_beats(cov, d)) || !deny_held_apart(b, d)) continue;
            if (b->dh[d->id].how != DH_MOUNT) continue;
            size_t dn;
            const char *dv = rval(b, d, &dn);
            if (under(px, strlen(px), dv, dn)) return;
        }
    /* a deny of this right that matches the whole directory (a subpath or
     * a prefix at or above it) and that the covering allow does not beat
     * decides over it everywhere beneath: nothing there is the allow's to
     * grant (the allows that beat the deny are planned from their own
     * paths), so nothing is listed (`deny write "/"` beside `default allow`
     * would have every directory of the machine listed, one entry at a time) */
    for (size_t k = 0; k < b->ndeny[ri]; k++) {
        const rule *d = b->deny[ri][k];
        if (d->m.kind == MK_NONE || (cov && rule_beats(cov, d)) || !covers_subtree(b, d, px, strlen(px))) continue;
        if ((rights[ri].bit & LL_FS_WRITING) && deny_held_apart(b, d)) continue;
        if (!state(b, owner)->narrow)
            narrow(b, owner, arena_printf(b->a, "%s %s: the deny at %s decides over it there and beneath", rights[ri].name, hx,
                                          ll_rule_where(b->a, b->in->c, d)));
        return;
    }
    const rule *which;
    const char *why = blocked(b, ri, cov, px, hx, depth == 0 && cov, &which);
    if (!why) { grant(b, px, hx, rights[ri].bit, &st); return; }
    /* an unfiltered deny that beats the covering allow beats it everywhere:
     * nothing beneath is this allow's to grant (the allows that beat the
     * deny are planned from their own paths) */
    if (!strcmp(why, "an unfiltered deny")) {
        narrow(b, owner, arena_printf(b->a, "%s %s: an unfiltered deny decides over it", rights[ri].name, hx));
        return;
    }
    /* creating is a right of the directory: nothing new can be made
     * directly in it (said without -v: ll_plan_summary) */
    if ((rights[ri].bit & LL_FS_MAKE_REG) && !state(b, owner)->closed) {
        state(b, owner)->closed = arena_strdup(b->a, hx);
        state(b, owner)->closed_why = which ? arena_printf(b->a, "%s (%s)", why, ll_rule_where(b->a, b->in->c, which)) : why;
    }
    /* the first reason is the one kept; the rights split are named when
     * the verdict is made (verdict_why) */
    rstate *os = state(b, owner);
    os->split |= rights[ri].bit;
    if (!os->narrow) {
        os->split_why = arena_printf(b->a, "%s inside %s%s%s%s", why, hx, which ? " (" : "",
                                     which ? ll_rule_where(b->a, b->in->c, which) : "", which ? ")" : "");
        os->split_tail = which && b->dh[which->id].absent
                             ? arena_printf(b->a, "; it denies %s, which does not exist at launch: --linux-accept=new-paths "
                                                  "grants the directory whole and checks that path when the command ends",
                                            b->dh[which->id].path)
                             : "";
        narrow(b, owner, os->split_why);
    }
    if (depth >= LL_MAX_DEPTH || b->budget == 0) {
        narrow_cut(b, owner, arena_printf(b->a, "%s: too deep or too many entries to grant one by one", hx));
        return;
    }
    const dir_list *l = list_get(b, hx);
    if (!l->ok) { narrow(b, owner, arena_printf(b->a, "%s cannot be listed at launch", hx)); return; }
    int root_h = hx[0] == '/' && hx[1] == 0;
    for (size_t i = 0; i < l->n; i++) {
        if (b->budget == 0) { narrow_cut(b, owner, arena_printf(b->a, "%s: too many entries to grant one by one", hx)); break; }
        b->budget--;
        b->p->visited++;
        if (b->proc_private && !strcmp(hx, "/proc") && other_process(b, l->names[i])) continue;
        const char *ch = arena_printf(b->a, "%s/%s", root_h ? "" : hx, l->names[i]);
        tree(b, ri, cov, owner, profile_path(b->a, ch, b->in->host_map), ch, depth + 1);
    }
}

/* Paths matched by a pattern allow, as they are at launch. */
static void walk_pattern(llb *b, size_t ri, const rule *a, const char *px, const char *hx, int depth)
{
    struct stat st;
    if (st_get(b, hx, &st) != 0 || S_ISLNK(st.st_mode)) return;
    sb_request q = path_request(op_lookup("file-read-data", NULL), px);
    if (!S_ISDIR(st.st_mode)) {
        if (decider_matches(b->in->d, a, &q)) leaf(b, ri, a, px, hx, &st);
        return;
    }
    if (!may_match_beneath(b, a, px, strlen(px))) return;
    if (depth >= LL_MAX_DEPTH || b->budget == 0) {
        narrow_cut(b, a, arena_printf(b->a, "%s: too deep or too many entries to match at launch", hx));
        return;
    }
    if (decider_matches(b->in->d, a, &q) && (rights[ri].bit & ~LL_FS_FILE_RIGHTS) && allows_all(b, ri, px))
        narrow(b, a, arena_printf(b->a, "%s %s: a directory matched by a pattern is not granted", rights[ri].name, px));
    const dir_list *l = list_get(b, hx);
    int root_h = hx[0] == '/' && hx[1] == 0;
    for (size_t i = 0; i < l->n; i++) {
        if (b->budget == 0) {          /* the rest of the walk is left out: say so */
            narrow_cut(b, a, arena_printf(b->a, "%s: too many entries to match at launch", hx));
            break;
        }
        b->budget--;
        b->p->visited++;
        if (b->proc_private && !strcmp(hx, "/proc") && other_process(b, l->names[i])) continue;
        const char *ch = arena_printf(b->a, "%s/%s", root_h ? "" : hx, l->names[i]);
        walk_pattern(b, ri, a, profile_path(b->a, ch, b->in->host_map), ch, depth + 1);
    }
}

const char *ll_host_path(arena *a, const char *ppath, int host_map)
{
    static const char *const priv[] = { "/private/tmp", "/private/var", "/private/etc" };
    if (!host_map) return ppath;
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(priv[i]);
        if (!strncmp(ppath, priv[i], n) && (ppath[n] == 0 || ppath[n] == '/')) return arena_strdup(a, ppath + 8);
    }
    return ppath;
}

/* The profile's spelling of a host path: /tmp/x is /private/tmp/x. */
static const char *profile_path(arena *a, const char *host, int host_map)
{
    static const char *const pub[] = { "/tmp", "/var", "/etc" };
    if (!host_map) return host;
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(pub[i]);
        if (!strncmp(host, pub[i], n) && (host[n] == 0 || host[n] == '/')) return arena_printf(a, "/private%s", host);
    }
    return host;
}

static void allow_roots(llb *b, size_t ri, const rule *r)
{
    size_t n;
    const char *v = r->m.kind == MK_NONE ? "/" : rval(b, r, &n);
    const char *h = ll_host_path(b->a, v, b->in->host_map);
    switch (r->m.kind) {
    case MK_NONE: case MK_SUBPATH:
        tree(b, ri, r, r, v, h, 0);
        break;
    case MK_LITERAL: {
        struct stat st;
        if (st_get(b, h, &st) != 0) narrow(b, r, arena_printf(b->a, "%s does not exist at launch", h));
        else if (S_ISLNK(st.st_mode)) narrow(b, r, arena_printf(b->a, "%s is a symbolic link at launch (its target is not granted)", h));
        else if (!is_real(b, h)) narrow(b, r, arena_printf(b->a, "%s is reached through a symbolic link at launch", h));
        else leaf(b, ri, r, v, h, &st);
        break;
    }
    case MK_PREFIX: {
        /* the entries of the prefix's directory whose names start with its last part */
        const char *slash = strrchr(v, '/');
        if (!slash) break;
        const char *dp = slash == v ? "/" : arena_strndup(b->a, v, (size_t)(slash - v));
        const char *dh = ll_host_path(b->a, dp, b->in->host_map);
        const char *base = slash + 1;
        narrow(b, r, arena_printf(b->a, "prefix %s: granted on the entries that exist at launch", v));
        const dir_list *l = list_get(b, dh);
        int rh = !strcmp(dh, "/");
        for (size_t i = 0; i < l->n; i++) {
            if (strncmp(l->names[i], base, strlen(base))) continue;
            const char *ch = arena_printf(b->a, "%s/%s", rh ? "" : dh, l->names[i]);
            tree(b, ri, r, r, profile_path(b->a, ch, b->in->host_map), ch, 0);
        }
        break;
    }
    case MK_GLOB: case MK_REGEX: {
        size_t l;
        const char *lit = pattern_fixed(b, r, &l);
        narrow(b, r, arena_printf(b->a, "a pattern: granted on the paths that match at launch"));
        const char *start = "/";
        if (lit) {
            const char *s = lit + l;
            while (s > lit && s[-1] != '/') s--;
            if (s - lit > 1) start = arena_strndup(b->a, lit, (size_t)(s - lit - 1));
        }
        walk_pattern(b, ri, r, start, ll_host_path(b->a, start, b->in->host_map), 0);
        break;
    }
    default: break;
    }
}

/* A path rule by which one /proc/PID may be planned unlike another: one
 * whose path (or a pattern's fixed start) may name something beneath some
 * processes' entries and not others' (/proc/123/x, prefix "/proc/1", a
 * pattern that may reach /proc/ by other means).  A rule beneath no
 * /proc/PID, or beneath every one alike (subpath "/proc", a prefix "/pr"),
 * plans them all alike.  Returns the rule's text, or NULL. */
static const char *per_pid_rule(llb *b)
{
    static const char pp[] = "/proc/";
    rule_vec *rv = &b->in->c->pol.rules;
    for (size_t i = 0; i < rv->n; i++) {
        const rule *r = rv->v[i];
        if (r->dup_of || r->m.kind == MK_NONE || mk_family(r->m.kind) != FAM_PATH) continue;
        size_t n;
        const char *f = rval(b, r, &n);
        int pattern = r->m.kind == MK_GLOB || r->m.kind == MK_REGEX, dep = 0;
        if (pattern) {
            f = pattern_fixed(b, r, &n);
            /* anything, or a start that may still become /proc/PID */
            dep = !f || (n < 6 && !memcmp(f, pp, n));
        }
        if (!dep && n >= 6 && !memcmp(f, pp, 6)) {
            /* the first component beneath /proc: a process's name (or the
             * start of one) names some processes and not others */
            const char *c = f + 6, *sl = memchr(c, '/', n - 6);
            size_t cl = sl ? (size_t)(sl - c) : n - 6;
            dep = !cl || ll_pid_name(c, cl);
        }
        if (dep) return ll_rule_where(b->a, b->in->c, r);
    }
    return NULL;
}

/* The command's dynamic loader: the kernel maps it into every dynamic
 * program it executes, and Landlock checks that mapping as an execution.
 * Where the profile allows it to be read and mapped executable (exec-map),
 * it gets execute: executing it directly loads a program by mapping it,
 * which Landlock does not control anyway (docs/linux.md). */
static void interpreter(llb *b)
{
    const char *h = b->in->interp;
    if (!h) return;
    struct stat st;
    if (st_get(b, h, &st) != 0 || !S_ISREG(st.st_mode)) return;
    const char *pp = profile_path(b->a, h, b->in->host_map);
    static const char *const need[] = { "file-map-executable", "file-read-data" };
    for (size_t k = 0; k < 2; k++) {
        int op = op_lookup(need[k], NULL);
        if (op < 0) return;
        sb_request q = path_request(op, pp);
        if (decider_decide(b->in->d, &q).action != ACT_ALLOW) return;
    }
    grant(b, pp, h, LL_FS_EXECUTE, &st);
    add_note(b->p, arena_printf(b->a, "execute on %s, the dynamic loader, which the profile lets be mapped executable", h));
    /* executed directly, the loader runs any readable program ("ld.so
     * ./prog"): unless the profile lets the loader itself be executed,
     * exec is no longer limited to what the profile allows */
    int op = op_lookup("process-exec*", NULL);
    if (op < 0) return;
    sb_request q = path_request(op, pp);
    if (decider_decide(b->in->d, &q).action != ACT_ALLOW) {
        weaker(b, NULL, LLC_FILES, arena_printf(b->a, "exec: %s, the dynamic loader, must be executable for the command "
                                                       "to start, and executed directly it runs any readable program", h));
        return;
    }
    /* the profile lets the loader be executed: "ld.so FILE" runs any file
     * the command may read (executable mappings are not Landlock's), so a
     * deny of exec holds only where reading is denied too (a pattern: not
     * known, weaker) */
    const char *why = arena_printf(b->a, "the dynamic loader %s may be executed, and \"%s FILE\" runs any file the "
                                          "command may read", h, h);
    b->p->loader_exec = h;
    /* under a default that allows exec, every file the command may read
     * may be executed anyway: only the denies below can lose anything */
    if (b->in->c->pol.default_action != ACT_ALLOW) weaker(b, NULL, LLC_FILES, why);
    int rd = op_lookup("file-read-data", NULL), ex = op_lookup("process-exec", NULL);
    rule_vec *rv = &b->in->c->pol.rules;
    for (size_t i = 0; i < rv->n; i++) {
        const rule *r = rv->v[i];
        if (r->dup_of || r->action != ACT_DENY || ex < 0 || !opset_has(r->covers, ex)) continue;
        if (r->m.kind != MK_NONE && mk_family(r->m.kind) != FAM_PATH) continue;
        int holds = 0;
        if ((r->m.kind == MK_LITERAL || r->m.kind == MK_SUBPATH) && rd >= 0) {
            size_t n;
            const char *v = rval(b, r, &n);
            const char *px = arena_strndup(b->a, v, n);
            sb_request qr = path_request(rd, px);
            holds = decider_decide(b->in->d, &qr).action != ACT_ALLOW;
        }
        if (!holds) weaker(b, r, LLC_FILES, why);
    }
}

/* The check after the fact: a grant that reaches the path of a literal or
 * subpath deny the profile's semantics uphold there loses that right (and
 * says so).  The planning above never makes such a grant; this keeps a
 * mistake in it from becoming a wrong allow. */
static int stays_file(llb *b, const rule *d);
static int covered(llb *b, const char *path, uint64_t bit);
static void verify_grants(llb *b)
{
    ll_plan *p = b->p;
    for (size_t ri = 0; ri < NRIGHTS; ri++) {
        uint64_t bit = rights[ri].bit;
        for (size_t k = 0; k < b->ndeny[ri]; k++) {
            const rule *d = b->deny[ri][k];
            if (d->m.kind != MK_SUBPATH && d->m.kind != MK_LITERAL) continue;
            if ((bit & LL_FS_WRITING) && deny_held_apart(b, d)) continue;
            if (bit == LL_FS_READ_DIR && lists_nothing(b, d) && stays_file(b, d)) continue;
            size_t n;
            const char *v = rval(b, d, &n);
            const char *h = ll_host_path(b->a, v, b->in->host_map);
            size_t hl = strlen(h);
            int checked = 0, denied = 0;
            for (size_t i = 0; i < p->ng; i++) {
                ll_grant *g = &p->g[i];
                if (!(g->access & bit)) continue;
                if (strcmp(g->path, h) && !(g->is_dir && under(h, hl, g->path, strlen(g->path)))) continue;
                if (!checked) { denied = !allows_all(b, ri, v); checked = 1; }
                if (!denied) break;
                g->access &= ~bit;
                narrow(b, d, arena_printf(b->a, "%s on %s withdrawn: it would reach %s", rights[ri].name, g->path, h));
            }
        }
    }
}

/* 1 when no grant lets the file deny d names (lists_nothing) be removed,
 * replaced or renamed, nor a directory above it: it stays a file */
static int stays_file(llb *b, const rule *d)
{
    size_t n;
    const char *v = rval(b, d, &n);
    char *y = arena_strdup(b->a, ll_host_path(b->a, arena_strndup(b->a, v, n), b->in->host_map));
    uint64_t bit = LL_FS_REMOVE_FILE;
    for (size_t l = strlen(y); l > 1; bit = LL_FS_REMOVE_DIR) {
        while (l > 1 && y[l - 1] != '/') l--;
        if (l > 1) l--;
        y[l ? l : 1] = 0;              /* y: the directory that holds the entry */
        if (covered(b, y, bit)) return 0;
    }
    return 1;
}

/* The rule that allows right ri at px, or NULL (the default) */
static const rule *allowing_rule(llb *b, size_t ri, const char *px)
{
    for (int op = 0; op < ops_count(); op++) {
        if (!opset_has(&b->ops[ri], op)) continue;
        sb_request q = path_request(op, px);
        decision dc = decider_decide(b->in->d, &q);
        if (dc.action == ACT_ALLOW) return dc.r;
    }
    return NULL;
}

/* A grant of a file belongs to its inode, so it opens every name of the
 * file: where the plan looked at a name the profile denies a right (a
 * directory listed one by one around a deny) and granted that right to
 * another name of the same inode, the grant is withheld (narrower), and
 * the deny holds for every name the plan saw. */
static void withhold_links(llb *b)
{
    if (!b->dlinks.count) return;
    ll_plan *p = b->p;
    for (size_t i = 0; i < p->ng; i++) {
        ll_grant *g = &p->g[i];
        if (g->is_dir || !g->access) continue;
        size_t n;
        const char *k = inode_key(b->a, g->dev, g->ino, &n);
        const denied_link *d = hm_get(&b->dlinks, k, n);
        if (!d || !(g->access & d->bits)) continue;
        for (size_t ri = 0; ri < NRIGHTS; ri++) {
            if (!(g->access & d->bits & rights[ri].bit)) continue;
            g->access &= ~rights[ri].bit;
            const char *why = arena_printf(b->a, "%s %s withheld: it is a hard link of %s, which the profile denies "
                                                 "(a grant belongs to the file, not to its name)", rights[ri].name,
                                           g->ppath, d->px);
            narrow(b, allowing_rule(b, ri, g->ppath), why);
            add_note(p, why);
        }
    }
}

/* How grant g reaches alt, another name of a path: not at all, the whole
 * of it (it is alt, or a directory holding it), or part of it (it lies
 * beneath alt). */
enum { REACH_NONE, REACH_WHOLE, REACH_BENEATH };
static int grant_reaches(const ll_grant *g, const char *alt)
{
    size_t gl = strlen(g->path), alen = strlen(alt);
    if (!strcmp(g->path, alt) || (g->is_dir && under(alt, alen, g->path, gl))) return REACH_WHOLE;
    return under(g->path, gl, alt, alen) ? REACH_BENEATH : REACH_NONE;
}

/* Bind mounts: a grant belongs to a directory or file, not to a path, so a
 * grant that reaches a denied path's directory through another mount of it
 * reaches the denied path too (the kernel checks the inode, the deny names
 * one of its paths).  Every path deny's fixed part (the path; a pattern's
 * text before its first special character) is looked up in the mount table:
 * a grant that covers another name of it loses the right, and a grant
 * beneath another name loses it where the profile denies the right at the
 * corresponding path (narrower, with the reason). */
static void verify_mounts(llb *b)
{
    ll_plan *p = b->p;
    const ll_mounts *mt = mount_table(b);
    p->mounts_digest = mt->digest;
    if (!mt->aliased) return;
    for (size_t ri = 0; ri < NRIGHTS; ri++) {
        uint64_t bit = rights[ri].bit;
        for (size_t k = 0; k < b->ndeny[ri]; k++) {
            const rule *d = b->deny[ri][k];
            if (d->m.kind == MK_NONE || d->m.kind == MK_ANCESTORS) continue;
            size_t n;
            const char *v = rval(b, d, &n);
            const char *base = v;
            if (d->m.kind != MK_LITERAL && d->m.kind != MK_SUBPATH) {
                size_t l = n;
                const char *fx = d->m.kind == MK_PREFIX ? v : pattern_fixed(b, d, &l);
                if (!fx || !l) base = "/";
                else {
                    /* the directory every match is in */
                    size_t e = l;
                    while (e > 0 && fx[e - 1] != '/') e--;
                    base = e <= 1 ? "/" : arena_strndup(b->a, fx, e - 1);
                }
            }
            const char *h = ll_host_path(b->a, base, b->in->host_map);
            ll_alias *al;
            size_t na = ll_mount_aliases(b->a, mt, h, &al);
            for (size_t j = 0; j < na; j++) {
                for (size_t i = 0; i < p->ng; i++) {
                    ll_grant *g = &p->g[i];
                    if (!(g->access & bit)) continue;
                    int take, how = grant_reaches(g, al[j].alt);
                    const char *same = al[j].alt, *as = al[j].orig;
                    if (how == REACH_WHOLE)
                        take = 1;
                    else if (how == REACH_BENEATH) {
                        const char *o = arena_printf(b->a, "%s%s", al[j].orig, g->path + strlen(al[j].alt));
                        const char *po = profile_path(b->a, o, b->in->host_map);
                        take = g->is_dir ? may_match_beneath(b, d, po, strlen(po)) : !allows_all(b, ri, po);
                        same = g->path;
                        as = o;
                    } else take = 0;
                    if (!take) continue;
                    g->access &= ~bit;
                    const char *why = arena_printf(b->a, "%s on %s withdrawn: %s is %s through another mount, which the "
                                                         "deny at %s covers", rights[ri].name, g->path, same, as,
                                                   ll_rule_where(b->a, b->in->c, d));
                    narrow(b, d, why);
                    add_note(p, why);
                }
            }
        }
    }
    /* buckle's own paths (writing; the run cache: everything), at and
     * beneath them, through another mount: a grant that reaches another
     * name of them loses those rights */
    for (size_t k = 0; k < b->in->nprotect + b->in->nhide; k++) {
        int hidden = k >= b->in->nprotect;
        const char *h = hidden ? b->in->hide[k - b->in->nprotect] : b->in->protect[k];
        ll_alias *al;
        size_t na = ll_mount_aliases(b->a, mt, h, &al);
        for (size_t j = 0; j < na; j++) {
            for (size_t i = 0; i < p->ng; i++) {
                ll_grant *g = &p->g[i];
                if (grant_reaches(g, al[j].alt) == REACH_NONE) continue;
                uint64_t take = 0;
                for (size_t ri = 0; ri < NRIGHTS; ri++)
                    if (hidden || !(rights[ri].bit & LL_FS_READ_ONLY)) take |= rights[ri].bit;
                if (!(g->access & take)) continue;
                g->access &= ~take;
                add_note(p, arena_printf(b->a, "%s on %s withdrawn: through another mount it reaches %s, buckle's own %s",
                                         hidden ? "every right" : "every writing right", g->path, al[j].orig,
                                         hidden ? "run cache" : "files"));
            }
        }
    }
}

/* The same check for the run cache: no grant at or beneath it, nor on a
 * directory above it (the planning never makes one). */
static void verify_hidden(llb *b)
{
    ll_plan *p = b->p;
    for (size_t i = 0; i < p->ng; i++) {
        ll_grant *g = &p->g[i];
        size_t gl = strlen(g->path);
        for (size_t k = 0; k < b->in->nhide && g->access; k++) {
            const char *s = b->in->hide[k];
            if (!under(g->path, gl, s, strlen(s)) && !(g->is_dir && under(s, strlen(s), g->path, gl))) continue;
            g->access = 0;
            add_note(p, arena_printf(b->a, "every right on %s withdrawn: it would reach buckle's run cache %s", g->path, s));
        }
    }
}

/* 1 when a grant at path, or at a directory above it, has bit */
static int covered(llb *b, const char *path, uint64_t bit)
{
    size_t n = strlen(path);
    for (;;) {
        uintptr_t k = (uintptr_t)hm_get(&b->gidx, path, n);
        if (k && (b->p->g[k - 1].access & bit) && (b->p->g[k - 1].is_dir || n == strlen(path))) return 1;
        if (n <= 1) return 0;
        while (n > 1 && path[n - 1] != '/') n--;
        if (n > 1) n--;      /* the parent, without its trailing '/' */
    }
}

/* A grant is held by its file or directory, and goes with it when it is
 * renamed (in its directory, or across directories with refer): under a
 * name the profile denies, it would keep its rights (a "trap" directory
 * where later files arrive readable).  So a grant that the sandbox could
 * move, itself or through a directory above it, keeps only what its
 * directory grants anyway (which it then holds from there, and loses when
 * moved); the rest is withdrawn: narrower. */
static void withdraw_movable(llb *b)
{
    ll_plan *p = b->p;
    for (size_t i = 0; i < p->ng; i++) {
        ll_grant *g = &p->g[i];
        size_t n = strlen(g->path);
        if (n <= 1 || !g->access) continue;
        int movable = 0, dir = g->is_dir;
        char *y = arena_strdup(b->a, g->path);
        while (!movable && n > 1) {
            while (n > 1 && y[n - 1] != '/') n--;
            if (n > 1) n--;
            char keep = y[n];
            y[n] = 0;
            movable = covered(b, n ? y : "/", dir ? LL_FS_REMOVE_DIR : LL_FS_REMOVE_FILE);
            if (!n) { y[n] = keep; break; }
            dir = 1;
        }
        if (!movable) continue;
        const char *parent = arena_strndup(b->a, g->path, (size_t)(strrchr(g->path, '/') - g->path));
        if (!*parent) parent = "/";
        uint64_t lost = 0;
        for (size_t ri = 0; ri < NRIGHTS; ri++) {
            uint64_t bit = rights[ri].bit;
            if (!(g->access & bit)) continue;
            g->access &= ~bit;
            if (!covered(b, parent, bit)) lost |= bit;
        }
        if (!lost) continue;
        strbuf m;
        sb_init(&m);
        sb_printf(&m, "%s keeps no grant of its own (", g->ppath);
        const rule *owner = NULL;
        int first = 1;
        for (size_t ri = 0; ri < NRIGHTS; ri++) {
            if (!(lost & rights[ri].bit)) continue;
            sb_printf(&m, "%s%s", first ? "" : ", ", rights[ri].name);
            first = 0;
            /* the rule that allowed it there is the one narrowed */
            for (int op = 0; op < ops_count() && !owner; op++) {
                if (!opset_has(&b->ops[ri], op)) continue;
                sb_request q = path_request(op, g->ppath);
                decision dc = decider_decide(b->in->d, &q);
                if (dc.action == ACT_ALLOW) owner = dc.r;
            }
        }
        sb_puts(&m, "): the sandbox may rename it or a directory above it, and a grant goes with its file");
        /* grants taken away say more than how the others were made: this
         * reason replaces an earlier one (the first such one is kept) */
        rstate *os = state(b, owner);
        if (!os->lost) {
            os->lost = 1;
            os->narrow = arena_strdup(b->a, sb_cstr(&m));
        }
        sb_free(&m);
    }
}

static void add_mount(llb *b, const char *h, int ro)
{
    ll_plan *p = b->p;
    for (size_t i = 0; i < p->nm; i++)
        if (!strcmp(p->m[i].path, h)) { p->m[i].ro |= ro; return; }
    struct stat st;
    if (st_get(b, h, &st) != 0) return;
    if (p->nm == p->mcap) { p->mcap = p->mcap ? p->mcap * 2 : 8; p->m = xrealloc(p->m, p->mcap * sizeof *p->m); }
    p->m[p->nm++] = (ll_bind){ arena_strdup(b->a, h), ro, S_ISDIR(st.st_mode) != 0, (unsigned long long)st.st_dev,
                                (unsigned long long)st.st_ino };
}

/* 1 when a grant of a writing right reaches h: at it, above it, or beneath it */
static int writing_reaches(llb *b, const char *h)
{
    for (size_t ri = 0; ri < NRIGHTS; ri++)
        if ((rights[ri].bit & LL_FS_WRITING) && covered(b, h, rights[ri].bit)) return 1;
    size_t hl = strlen(h);
    for (size_t i = 0; i < b->p->ng; i++)
        if ((b->p->g[i].access & LL_FS_WRITING) && under(b->p->g[i].path, strlen(b->p->g[i].path), h, hl)) return 1;
    return 0;
}

/* Every directory above path that the sandbox could remove or rename,
 * bound onto itself (a mount point cannot be): otherwise `mv .git .gitx;
 * mkdir -p .git/hooks` would leave a mount behind. */
static void pin_above(llb *b, const char *path)
{
    char *y = arena_strdup(b->a, path);
    for (size_t n = strlen(y); n > 1;) {
        while (n > 1 && y[n - 1] != '/') n--;
        if (n > 1) n--;
        if (n <= 1) break;             /* the root cannot be renamed */
        y[n] = 0;                       /* y: a directory above the path */
        char *sl = strrchr(y, '/');
        const char *parent = sl == y ? "/" : arena_strndup(b->a, y, (size_t)(sl - y));
        if (covered(b, parent, LL_FS_REMOVE_DIR)) add_mount(b, y, 0);
    }
}

static int cmp_mount_desc(const void *x, const void *y)
{
    return strcmp(((const ll_bind *)y)->path, ((const ll_bind *)x)->path);
}

/* The denies held apart from the grants (deny_hold) where a grant reaches
 * them: a read-only mount of each existing path (a literal directory:
 * bound onto itself), and every directory above it that the sandbox could
 * remove or rename bound onto itself (a mount point cannot be: otherwise
 * `mv .git .gitx; mkdir -p .git/hooks` would leave the mount behind); a
 * check after the run for each path that does not exist (class new-paths). */
static void plan_mounts(llb *b)
{
    ll_plan *p = b->p;
    rule_vec *rv = &b->in->c->pol.rules;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < rv->n; i++) {
            const rule *d = rv->v[i];
            deny_hold *dh = &b->dh[d->id];
            if (pass == 0 && (dh->how == DH_MOUNT || dh->how == DH_PIN)) {
                if (!writing_reaches(b, dh->path)) continue;
                /* a literal directory: only its removal or renaming is
                 * held, which its own directory's grant would allow */
                if (dh->how == DH_PIN) {
                    const char *sl = strrchr(dh->path, '/');
                    const char *up = sl == dh->path ? "/" : arena_strndup(b->a, dh->path, (size_t)(sl - dh->path));
                    if (!covered(b, up, LL_FS_REMOVE_DIR)) continue;
                }
                dh->used = 1;
                /* its other names through other mounts (deny_hold_how): the
                 * directories on the way there are the ones bound below */
                ll_alias *al;
                size_t na = dh->how == DH_MOUNT ? ll_mount_aliases(b->a, mount_table(b), dh->path, &al) : 0;
                for (size_t j = 0; j < na; j++) add_mount(b, al[j].alt, 1);
                add_mount(b, dh->path, dh->how == DH_MOUNT);
                pin_above(b, dh->path);
            }
            if (pass == 1 && dh->how == DH_ABSENT) {
                /* beneath a read-only mount, nothing can be made anyway */
                int ro = 0;
                for (size_t k = 0; k < p->nm && !ro; k++)
                    ro = p->m[k].ro && under(dh->path, strlen(dh->path), p->m[k].path, strlen(p->m[k].path));
                if (ro || !writing_reaches(b, dh->path)) continue;
                dh->used = 1;
                strbuf t;
                sb_init(&t);
                ir_rule_text(&t, d);
                if (p->nchk == p->chkcap) {
                    p->chkcap = p->chkcap ? p->chkcap * 2 : 8;
                    p->chk = xrealloc(p->chk, p->chkcap * sizeof *p->chk);
                }
                p->chk[p->nchk++] = (ll_check){ dh->path, ll_rule_where(b->a, b->in->c, d), arena_strdup(b->a, sb_cstr(&t)) };
                sb_free(&t);
                int whole = d->m.kind == MK_LITERAL || d->m.kind == MK_SUBPATH;
                weaker(b, d, LLC_NEW_PATHS, arena_printf(b->a, "%s does not exist at launch and a grant of a directory above "
                                                               "it lets the command create it%s: buckle checks it when the "
                                                               "command ends, and the run fails when it exists", dh->path,
                                                         whole ? "" : " (the directory every match of the pattern is in)"));
            }
        }
    /* buckle's own paths held by a mount where a grant reaches them */
    for (size_t k = 0; k < b->in->nprotect; k++) {
        if (!protect_mounted(b, k) || !writing_reaches(b, b->in->protect[k])) continue;
        add_mount(b, b->in->protect[k], 1);
        pin_above(b, b->in->protect[k]);
    }
    if (p->nm) {
        qsort(p->m, p->nm, sizeof *p->m, cmp_mount_desc);
        p->seccomp |= LL_SC_MOUNT;
        add_note(p, "mounts: the command runs in a user and mount namespace of its own, where each deny of writing "
                    "inside a directory it may write is a read-only mount, and the directories on the way to one "
                    "are mount points (they cannot be removed or renamed); it holds no capability there, and "
                    "seccomp refuses mount, umount and the new mount API");
    }
}

static void add_note(ll_plan *p, const char *s)
{
    if (p->nnotes == p->ncap) { p->ncap = p->ncap ? p->ncap * 2 : 8; p->notes = xrealloc(p->notes, p->ncap * sizeof *p->notes); }
    p->notes[p->nnotes++] = s;
}

/* ---- network, signals, scopes ----------------------------------------- */

/* "host:port" -> port (-1: any), *any_host */
static long ip_port(const char *v, int *any_host)
{
    const char *c = strrchr(v, ':');
    *any_host = c && c - v == 1 && v[0] == '*';
    if (!c || !strcmp(c + 1, "*")) return -1;
    char *end;
    long port = strtol(c + 1, &end, 10);
    return *end || port < 0 || port > 65535 ? -2 : port;
}

static void network(llb *b, const char *opname, uint64_t bit)
{
    const backend_in *in = b->in;
    ll_plan *p = b->p;
    int op = op_lookup(opname, NULL);
    if (op < 0) return;
    const opset *cv = &op_get(op)->covers;
    rule_vec *rv = &in->c->pol.rules;
    int deny_default = in->c->pol.default_action != ACT_ALLOW;
    size_t ndeny = 0;
    int all = !deny_default, open_all = !deny_default;
    for (size_t i = 0; i < rv->n; i++) {
        const rule *r = rv->v[i];
        if (r->dup_of || !opset_intersects(r->covers, cv)) continue;
        if (r->action == ACT_DENY && (r->m.kind == MK_IP || r->m.kind == MK_NONE)) ndeny++;
        if (r->action == ACT_ALLOW && r->m.kind == MK_NONE) all = open_all = 1;
        if (r->action == ACT_ALLOW && r->m.kind == MK_IP) {
            size_t n;
            int any_host;
            if (ip_port(rval(b, r, &n), &any_host) == -1 && any_host) all = 1;
        }
    }
    /* what Landlock cannot control (UDP, other protocols, unix sockets by
     * path) is closed by the seccomp filter when the outbound default is
     * deny; unix sockets stay open only when the profile allows one, and
     * then every unix socket is reachable: weaker.  "*:*" is IP only: the
     * filter stays, and lets UDP through as well */
    if (!open_all && bit == LL_NET_CONNECT_TCP) {
        p->seccomp |= LL_SC_NET;
        if (all) p->seccomp |= LL_SC_IPANY;
        for (size_t i = 0; i < rv->n; i++) {
            const rule *r = rv->v[i];
            if (r->dup_of || r->action != ACT_ALLOW || r->m.kind == MK_IP || r->m.kind == MK_NONE) continue;
            for (int o = 0; o < ops_count(); o++)
                if (opset_has(r->covers, o) && op_get(o)->concrete && op_category(o, &b->fs_ops) == OC_NET)
                    p->seccomp |= LL_SC_UNIX;
        }
        if (p->seccomp & LL_SC_UNIX)
            weaker(b, NULL, LLC_NETWORK, "a unix socket the profile allows by path opens every unix socket: "
                                         "Landlock cannot limit connections by path");
    }
    if (p->abi < 4) {
        if (!all) weaker(b, NULL, LLC_NETWORK, arena_printf(b->a, "%s is not controlled before Landlock ABI 4", opname));
        return;
    }
    if (all && !ndeny) return;                       /* every port: not handled */
    p->handled_net |= bit;
    int every = 0;                                   /* an accepted "host:*" */
    for (size_t i = 0; i < rv->n; i++) {
        const rule *r = rv->v[i];
        if (r->dup_of || !opset_intersects(r->covers, cv)) continue;
        if (r->m.kind == MK_NONE && r->action == ACT_ALLOW) {
            narrow(b, r, arena_printf(b->a, "%s: Landlock cannot allow every port but some", opname));
            continue;
        }
        if (r->m.kind != MK_IP || r->action != ACT_ALLOW) continue;
        size_t n;
        int any_host;
        const char *v = rval(b, r, &n);
        long port = ip_port(v, &any_host);
        if (port == -2) { narrow(b, r, arena_printf(b->a, "%s is not a host:port Landlock can grant", v)); continue; }
        if (port == -1) {
            if (any_host) narrow(b, r, arena_printf(b->a, "%s: Landlock cannot allow every port but some", opname));
            else {
                weaker(b, r, LLC_PORTS, arena_printf(b->a, "\"%s\" would allow every TCP port on every host", v));
                if (in->accept & (1u << LLC_PORTS)) {
                    if (!ndeny) every = 1;
                    else narrow(b, r, arena_printf(b->a, "%s: Landlock cannot allow every port but some", opname));
                }
            }
            continue;
        }
        if (!any_host) {
            weaker(b, r, LLC_PORTS, arena_printf(b->a, "\"%s\" would allow TCP port %ld on every host", v, port));
            if (!(in->accept & (1u << LLC_PORTS))) continue;
        }
        /* a deny on the same port (any host) wins somewhere: not granted */
        int clash = 0;
        for (size_t k = 0; k < rv->n && !clash; k++) {
            const rule *d = rv->v[k];
            if (d->action != ACT_DENY || d->m.kind != MK_IP || !opset_intersects(d->covers, cv)) continue;
            int ah;
            long dp = ip_port(rval(b, d, &n), &ah);
            clash = dp == port || dp < 0;
        }
        if (clash) { narrow(b, r, arena_printf(b->a, "port %ld: a deny on the same port", port)); continue; }
        size_t k;
        for (k = 0; k < p->np; k++) if (p->p[k].port == (uint64_t)port) break;
        if (k == p->np) {
            if (p->np == p->pcap) { p->pcap = p->pcap ? p->pcap * 2 : 8; p->p = xrealloc(p->p, p->pcap * sizeof *p->p); }
            p->p[p->np++] = (ll_port){ (uint64_t)port, 0 };
        }
        p->p[k].access |= bit;
    }
    if (every) {
        p->handled_net &= ~bit;
        for (size_t k = 0; k < p->np; k++) p->p[k].access &= ~bit;
        size_t kept = 0;
        for (size_t k = 0; k < p->np; k++) if (p->p[k].access) p->p[kept++] = p->p[k];
        p->np = kept;
    }
}

/* 1 when the profile allows opname on every port of every host (the
 * default, an unfiltered allow, "*:*"): its default deny does not apply */
static int net_allows_every(llb *b, const char *opname)
{
    if (b->in->c->pol.default_action == ACT_ALLOW) return 1;
    int op = op_lookup(opname, NULL);
    if (op < 0) return 1;
    const rule_vec *rv = &b->in->c->pol.rules;
    for (size_t i = 0; i < rv->n; i++) {
        const rule *r = rv->v[i];
        if (r->dup_of || r->action != ACT_ALLOW || !opset_has(r->covers, op)) continue;
        if (r->m.kind == MK_NONE) return 1;
        size_t n;
        int any_host;
        if (r->m.kind == MK_IP && ip_port(rval(b, r, &n), &any_host) == -1 && any_host) return 1;
    }
    return 0;
}

#define LL_WHY_LISTEN "listen on a TCP socket not bound first takes a port of the kernel's choosing, which Landlock " \
                      "does not check, and takes connections there"
#define LL_WHY_UDP_BIND "a UDP socket can bind any port and take datagrams from anywhere: Landlock controls TCP only"

/* The default's deny of bind and inbound: where no port may be bound but
 * UDP sockets can be made ("*:*"), the filter refuses bind; otherwise
 * what the kernel lets through makes the default weaker (class network):
 * a UDP socket's bind, listen on a socket not bound first (once a port may
 * be bound, listen cannot be refused), any socket at all when the filter
 * does not limit them (an unfiltered outbound). */
static void default_network(llb *b)
{
    ll_plan *p = b->p;
    if (b->in->c->pol.default_action == ACT_ALLOW) return;
    unsigned sc = p->seccomp;
    if ((sc & (LL_SC_NET | LL_SC_IPANY | LL_SC_LISTEN | LL_SC_UNIX)) == (LL_SC_NET | LL_SC_IPANY | LL_SC_LISTEN)) {
        p->seccomp |= LL_SC_BIND;
        add_note(p, "seccomp: bind is refused (no port may be bound; Landlock checks TCP only, and a UDP socket could "
                    "bind any); a UDP socket that sends gets a port of the kernel's choosing, where replies come back");
        return;
    }
    if (p->abi < 4) return;                       /* network(): bind is not controlled at all */
    int bind_all = net_allows_every(b, "network-bind"), in_all = net_allows_every(b, "network-inbound");
    const char *why = NULL;
    if (!(sc & LL_SC_NET)) why = "sockets of every kind can be made (the profile's outbound is not filtered), and "
                                 LL_WHY_UDP_BIND;
    else if (sc & LL_SC_IPANY) why = LL_WHY_UDP_BIND;
    else if (!(sc & LL_SC_LISTEN)) why = LL_WHY_LISTEN;
    if (!why || (bind_all && in_all)) return;
    weaker(b, NULL, LLC_NETWORK, arena_printf(b->a, "the default's deny of %s: %s",
                                              bind_all ? "inbound" : in_all ? "bind" : "bind and inbound", why));
}

/* a default allow profile that denies outbound connections (`deny
 * outbound`) and allows none without a filter: abstract unix sockets are
 * outbound connections too, and the scope keeps them inside the sandbox */
static int outbound_denied(llb *b)
{
    int op = op_lookup("network-outbound", NULL);
    if (op < 0) return 0;
    const opset *cv = &op_get(op)->covers;
    rule_vec *rv = &b->in->c->pol.rules;
    int denied = 0;
    for (size_t i = 0; i < rv->n; i++) {
        const rule *r = rv->v[i];
        if (r->dup_of || r->m.kind != MK_NONE || !opset_intersects(r->covers, cv)) continue;
        if (r->action == ACT_ALLOW) return 0;
        if (r->action == ACT_DENY) denied = 1;
    }
    return denied;
}

static void signals(llb *b)
{
    const backend_in *in = b->in;
    ll_plan *p = b->p;
    int op = op_lookup("signal", NULL);
    if (op < 0) return;
    int others = in->c->pol.default_action == ACT_ALLOW;
    rule_vec *rv = &in->c->pol.rules;
    for (size_t i = 0; i < rv->n; i++) {
        const rule *r = rv->v[i];
        if (r->dup_of || r->action != ACT_ALLOW || !opset_has(r->covers, op)) continue;
        size_t n;
        if (r->m.kind == MK_NONE || (r->m.kind == MK_TARGET && (!strcmp(rval(b, r, &n), "others") || !strcmp(r->m.value, "others"))))
            others = 1;
    }
    for (size_t i = 0; i < rv->n; i++) {
        const rule *r = rv->v[i];
        if (r->dup_of || r->action != ACT_DENY || r->implied || !opset_has(r->covers, op)) continue;
        if (r->m.kind == MK_TARGET && !strcmp(r->m.value, "others") && !others && p->abi >= 6) continue;
        weaker(b, r, LLC_PROCESS, "Landlock can only keep signals inside the sandbox (all of them, from ABI 6)");
    }
    if (!others && p->abi >= 6) {
        p->scoped |= LL_SCOPE_SIGNAL;
        add_note(p, "signals: allowed to every process of the sandbox (the command and its descendants), "
                    "refused to every other process");
        return;
    }
    if (!others) weaker(b, NULL, LLC_PROCESS, "signals to processes outside the sandbox are not controlled before Landlock ABI 6");
    /* no scope: the seccomp filter keeps buckle, the supervisor, out of
     * reach (landlock_seccomp.c) */
    p->seccomp |= LL_SC_GUARD;
    add_note(p, "seccomp: signals to buckle, the supervisor (its pid, its process group, 0 and -1, and as the owner "
                "that a file's SIGIO goes to), are refused; pidfd_send_signal is refused as unsupported");
}

/* ---- verdicts ------------------------------------------------------------ */

static const char *op_list(llb *b, const rule *r, op_cat want)
{
    strbuf s;
    sb_init(&s);
    int k = 0;
    for (int op = 0; op < ops_count(); op++) {
        if (!opset_has(r->covers, op) || !op_get(op)->concrete || op_category(op, &b->fs_ops) != want) continue;
        if (k++ < 4) { if (k > 1) sb_puts(&s, ", "); sb_puts(&s, op_get(op)->name); }
    }
    if (k > 4) sb_printf(&s, " and %d more", k - 4);
    const char *out = arena_strdup(b->a, sb_cstr(&s));
    sb_free(&s);
    return out;
}

/* What the files operations of op_list mean for a user, in words: ", so
 * the command can still change their modes (chmod), owners (chown), ...";
 * "" when none of them is a change a user would look for.  ACLs and other
 * extended attributes are not among them: the seccomp filter refuses
 * setting them under every profile. */
static const char *files_in_words(llb *b, const rule *r)
{
    static const struct { const char *op, *words; } w[] = {
        { "file-write-mode", "modes (chmod)" }, { "file-write-owner", "owners (chown)" },
        { "file-write-times", "times" }, { "file-write-flags", "flags" }, { "file-link", "hard links to them" },
    };
    static const struct { const char *op, *words; } rd[] = {
        { "file-read-metadata", "metadata (stat)" }, { "file-read-xattr", "extended attributes" },
        { "file-map-executable", "executable mappings" },
    };
    strbuf s;
    sb_init(&s);
    int k = 0;
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
        int op = op_lookup(w[i].op, NULL);
        if (op < 0 || !opset_has(r->covers, op)) continue;
        sb_puts(&s, k++ ? ", " : ", so the command can still change their ");
        sb_puts(&s, w[i].words);
    }
    int kr = 0;
    for (size_t i = 0; i < sizeof rd / sizeof rd[0]; i++) {
        int op = op_lookup(rd[i].op, NULL);
        if (op < 0 || !opset_has(r->covers, op)) continue;
        sb_puts(&s, kr++ ? ", " : k ? "; and read their " : ", so the command can still read their ");
        sb_puts(&s, rd[i].words);
    }
    const char *out = arena_strdup(b->a, sb_cstr(&s));
    sb_free(&s);
    return out;
}

/* A grant of a right deny rule r takes that reaches path (at it, above
 * it, or beneath it), or NULL; *ri its right. */
static const ll_grant *grant_reaching(llb *b, const rule *r, const char *path, size_t *ri)
{
    size_t pl = strlen(path);
    for (*ri = 0; *ri < NRIGHTS; (*ri)++) {
        int takes = 0;
        for (size_t k = 0; k < b->ndeny[*ri] && !takes; k++) takes = b->deny[*ri][k] == r;
        if (!takes) continue;
        for (size_t i = 0; i < b->p->ng; i++) {
            const ll_grant *g = &b->p->g[i];
            if (!(g->access & rights[*ri].bit)) continue;
            size_t gl = strlen(g->path);
            if (!strcmp(g->path, path) || (g->is_dir && under(path, pl, g->path, gl)) || under(g->path, gl, path, pl))
                return g;
        }
    }
    return NULL;
}

/* A symbolic link at or beneath the denied directory h (dir) that leads
 * out of it to where a grant reaches, in words, or NULL: the kernel checks
 * the target, so writing .git/hooks/pre-commit -> ../../scripts/pre-commit
 * writes the project's script, which the deny does not name.  *seen counts
 * the entries looked at (at most LINKS_LOOKED per deny). */
enum { LINKS_LOOKED = 2048, LINKS_DEPTH = 8 };
static const char *link_out_of(llb *b, const rule *r, const char *h, const char *dir, int depth, size_t *seen)
{
    const dir_list *l = list_get(b, dir);
    for (size_t i = 0; i < l->n && *seen < LINKS_LOOKED; i++, (*seen)++) {
        const char *child = arena_printf(b->a, "%s/%s", dir, l->names[i]);
        struct stat st;
        if (st_get(b, child, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            const char *why = depth < LINKS_DEPTH ? link_out_of(b, r, h, child, depth + 1, seen) : NULL;
            if (why) return why;
            continue;
        }
        if (!S_ISLNK(st.st_mode)) continue;
        const char *res = ll_resolve_links(b->a, child, 1);
        if (!res || under(res, strlen(res), h, strlen(h))) continue;
        size_t ri;
        const ll_grant *g = grant_reaching(b, r, res, &ri);
        if (g)
            return arena_printf(b->a, "%s is a symbolic link to %s, which the kernel checks instead: %s is granted "
                                      "there (on %s)", child, res, rights[ri].name, g->path);
    }
    return NULL;
}

/* Why a deny written through a symbolic link does not hold, or NULL: the
 * kernel checks the path the links lead to, and a grant reaches it there
 * (deny read "/var/run/x" with /var/run -> /run and /run granted); for a
 * directory denied whole, the same for each link inside it that leads out
 * of it (link_out_of). */
static const char *deny_through_link(llb *b, const rule *r)
{
    size_t n;
    const char *v = rval(b, r, &n);
    int whole = r->m.kind == MK_LITERAL || r->m.kind == MK_SUBPATH;
    size_t l = n;
    if (r->m.kind == MK_GLOB || r->m.kind == MK_REGEX) {
        if (!(v = pattern_fixed(b, r, &l))) return NULL;
    } else if (!whole && r->m.kind != MK_PREFIX) return NULL;
    if (!whole) while (l > 0 && v[l - 1] != '/') l--;      /* the directories it names whole */
    if (l > 1 && v[l - 1] == '/') l--;
    if (l < 2) return NULL;
    const char *fixed = arena_strndup(b->a, v, l);
    const char *h = ll_host_path(b->a, fixed, b->in->host_map);
    if (is_real(b, h)) {                 /* its components are kept with the plan: a link made later moves it */
        struct stat st;
        size_t seen = 0;
        if (r->m.kind != MK_SUBPATH || st_get(b, h, &st) != 0 || !S_ISDIR(st.st_mode)) return NULL;
        return link_out_of(b, r, h, h, 0, &seen);
    }
    const char *res = ll_resolve_links(b->a, h, 1);
    if (!res) return NULL;
    size_t ri;
    const ll_grant *g = grant_reaching(b, r, res, &ri);
    if (!g) return NULL;
    return arena_printf(b->a, "%s leads through a symbolic link to %s, which the kernel checks instead: %s is "
                              "granted there (on %s)", fixed, res, rights[ri].name, g->path);
}

/* A network deny both Landlock and the seccomp filter enforce exactly:
 * no unix socket can be made (so none by path is reached), no UDP (only
 * TCP, which Landlock checks: connect for outbound, bind for bind, and
 * bind with listen refused for inbound, since listen would bind a port
 * of its own unchecked), or, for bind and inbound, bind refused outright
 * (LL_SC_BIND, with listen). */
static int net_deny_exact(llb *b, const rule *r)
{
    const ll_plan *p = b->p;
    if (!(p->seccomp & LL_SC_NET) || (p->seccomp & LL_SC_UNIX)) return 0;
    int ip = r->m.kind == MK_IP || r->m.kind == MK_NONE;
    for (int op = 0; op < ops_count(); op++) {
        if (!opset_has(r->covers, op) || !op_get(op)->concrete || op_category(op, &b->fs_ops) != OC_NET) continue;
        if (!ip) continue;                        /* a unix socket by path: none can be made */
        int udp = (p->seccomp & LL_SC_IPANY) != 0;   /* UDP sockets can be made */
        const char *n = op_get(op)->name;
        if (!strncmp(n, "network-outbound", 16)) { if (udp || !(p->handled_net & LL_NET_CONNECT_TCP)) return 0; }
        else if (!strncmp(n, "network-bind", 12)) {
            if (!(p->seccomp & LL_SC_BIND) && (udp || !(p->handled_net & LL_NET_BIND_TCP) || !(p->seccomp & LL_SC_LISTEN)))
                return 0;
        } else if (!strncmp(n, "network-inbound", 15)) {
            if (!(p->seccomp & LL_SC_LISTEN) || (udp && !(p->seccomp & LL_SC_BIND))) return 0;
        } else return 0;
    }
    return 1;
}

/* 1 when rule r takes file-ioctl and Landlock handles it (IOCTL_DEV) */
static int p_ioctl_dev(llb *b, const rule *r)
{
    if (!(b->p->handled_fs & LL_FS_IOCTL_DEV)) return 0;
    int op = op_lookup("file-ioctl", NULL);
    return op >= 0 && opset_has(r->covers, op);
}

/* Why a deny of ioctl holds only in part, or NULL: IOCTL_DEV covers
 * character and block devices, and ioctl on any other file (a regular
 * file, a directory, a pipe, a socket) is not controlled.  Only a literal
 * naming a device at launch is all devices. */
static const char *ioctl_beyond_devices(llb *b, const rule *r)
{
    if (r->m.kind == MK_LITERAL) {
        size_t n;
        const char *h = ll_host_path(b->a, rval(b, r, &n), b->in->host_map);
        struct stat st;
        if (st_get(b, h, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))) return NULL;
        return arena_printf(b->a, "Landlock controls ioctl on devices only (IOCTL_DEV): %s is not a character or block "
                                  "device at launch, and ioctl on it is not controlled", h);
    }
    return "Landlock controls ioctl on devices only (IOCTL_DEV): ioctl on the other files it may name (regular "
           "files, directories, pipes, sockets) is not controlled";
}

static const char *verdict_why(llb *b, const rstate *s);
static void rule_verdict(llb *b, const rule *r)
{
    rstate *s = state(b, r);
    unsigned cats = 0;
    for (int op = 0; op < ops_count(); op++)
        if (opset_has(r->covers, op) && op_get(op)->concrete) cats |= 1u << op_category(op, &b->fs_ops);
    if (r->action == ACT_DENY && mk_family(r->m.kind) == FAM_PATH) {
        const char *via = deny_through_link(b, r);
        if (via) weaker(b, r, LLC_LINKS, via);
    }
    if (r->action == ACT_DENY && p_ioctl_dev(b, r)) {
        const char *dev = ioctl_beyond_devices(b, r);
        if (dev) weaker(b, r, LLC_FILES, dev);
    }
    if (r->action == ACT_DENY) {
        static const struct { op_cat c; int cls; const char *what; } unc[] = {
            { OC_FILES, LLC_FILES, "Landlock does not control %s" },
            { OC_PROCESS, LLC_PROCESS, "Landlock does not control %s" },
            { OC_IPC, LLC_IPC, "Landlock does not control %s" },
        };
        /* a read-only mount refuses every change, metadata too */
        const deny_hold *dh = &b->dh[r->id];
        if (dh->used && dh->how == DH_MOUNT) {
            int only_writes = 1;
            for (int op = 0; op < ops_count() && only_writes; op++)
                if (opset_has(r->covers, op) && op_get(op)->concrete && op_category(op, &b->fs_ops) == OC_FILES &&
                    strncmp(op_get(op)->name, "file-write", 10) && strcmp(op_get(op)->name, "file-link"))
                    only_writes = 0;
            if (only_writes) cats &= ~(1u << OC_FILES);
        }
        for (size_t k = 0; k < sizeof unc / sizeof unc[0]; k++)
            if (cats & (1u << unc[k].c))
                weaker(b, r, unc[k].cls, arena_printf(b->a, "%s%s", arena_printf(b->a, unc[k].what, op_list(b, r, unc[k].c)),
                                                      unc[k].c == OC_FILES ? files_in_words(b, r) : ""));
        if ((cats & (1u << OC_NET)) && net_deny_exact(b, r)) {
            /* the filter and Landlock refuse every socket it names */
        } else if (cats & (1u << OC_NET)) {
            int listen_open = b->p->handled_net && !(b->p->seccomp & (LL_SC_LISTEN | LL_SC_IPANY)) &&
                              b->in->c->pol.default_action != ACT_ALLOW;
            if (r->m.kind == MK_IP && !strncmp(op_get(r->op)->name, "network-inbound", 15))
                weaker(b, r, LLC_NETWORK, listen_open ? "Landlock does not control inbound connections: " LL_WHY_LISTEN
                                                      : "Landlock does not control inbound connections");
            else if (r->m.kind == MK_IP && !strncmp(op_get(r->op)->name, "network-bind", 12) && listen_open)
                weaker(b, r, LLC_NETWORK, LL_WHY_LISTEN);
            else if (r->m.kind != MK_IP && r->m.kind != MK_NONE)
                weaker(b, r, LLC_NETWORK, "Landlock does not control unix sockets by path");
            else if (!b->p->handled_net || b->in->c->pol.default_action == ACT_ALLOW)
                weaker(b, r, LLC_NETWORK, "Landlock can only allow ports: it cannot refuse some when the rest is allowed");
            else weaker(b, r, LLC_NETWORK, "Landlock controls TCP only: UDP to the same place stays allowed");
        }
    }
    backend_verdict v;
    const char *why = NULL;
    int cls = -1;
    if (s->wcls >= 0) { v = BV_WEAKER; cls = weaker_report(s, b->in->accept, &b->p->rep, &why); }
    else if (s->narrow) { v = BV_NARROWER; why = verdict_why(b, s); }
    else if (!(cats & ~(1u << OC_NONE))) { v = BV_NO_MEANING; why = "no such operation on Linux"; }
    else v = BV_EXACT;
    backend_report_add(&b->p->rep, r, v, cls, why);
    if (v == BV_NARROWER && s->closed) {
        b->p->rep.v[b->p->rep.n - 1].closed = s->closed;
        b->p->rep.v[b->p->rep.n - 1].closed_why = s->closed_why;
    }
}

/* The narrower verdict's reason: when it is where the rule's rights were
 * first granted one by one, every right granted so is named (a read split
 * around a deny of reading, the removing rights of the same directory split
 * so that no entry granted one by one can be renamed to the denied name) */
static const char *verdict_why(llb *b, const rstate *s)
{
    if (!s->split_why || s->narrow != s->split_why) return s->narrow;
    strbuf m;
    sb_init(&m);
    int first = 1;
    for (size_t ri = 0; ri < NRIGHTS; ri++) {
        if (!(s->split & rights[ri].bit)) continue;
        sb_printf(&m, "%s%s", first ? "" : ", ", rights[ri].name);
        first = 0;
    }
    const char *r = arena_printf(b->a, "%s: its entries at launch are granted one by one (%s; new entries directly "
                                       "in it get none of these)%s", s->split_why, sb_cstr(&m), s->split_tail);
    sb_free(&m);
    return r;
}

/* Raw SBPL (an sbpl block, a misc rule's sbpl filter) is Seatbelt's
 * language: Landlock enforces none of it.  Every form gets a verdict: an
 * allow is narrower (not granted), a deny or any other form (a macro, a
 * condition that may hold denies) weaker, class sbpl; one that names only
 * operations without a Linux meaning (mach, sysctl...) has none. */
static void raw_verdicts(llb *b)
{
    compilation *c = b->in->c;
    for (size_t i = 0; i < c->pol.nraw; i++) {
        const raw_block *rb = &c->pol.raw[i];
        const source *src = rb->ast->text.at.src ? rb->ast->text.at.src : rb->u->src;
        sbpl_read_opts o = { .start = rb->ast->text.at.start, .end = rb->ast->text.at.start + (uint32_t)rb->ast->text.len };
        diag_list quiet;
        diag_list_init(&quiet, b->a);
        const sexp *top = sbpl_read(b->a, &quiet, src, &o);
        /* a misc rule's filter is read from text of its own: its line is its string's */
        int own = src != rb->u->src;
        if (quiet.errors) top = NULL;
        for (const sexp *x = top; x; x = x->next) {
            if (x->kind == SX_LIST && x->child && sexp_is_sym(x->child, "version")) continue;
            uint32_t at = own ? rb->ast->at.start : x->at.start;
            const char *where = arena_printf(b->a, "%s:%u", rb->u->display, source_position(rb->u->src, at).line);
            size_t n = x->at.end - x->at.start;
            const char *t = src->text + x->at.start;
            while (n && (t[n - 1] == '\n' || t[n - 1] == ' ')) n--;
            strbuf m;
            sb_init(&m);
            for (size_t k = 0; k < n && m.len < 120; k++) {
                char ch = t[k] == '\n' || t[k] == '\t' ? ' ' : t[k];
                if (ch == ' ' && m.len && sb_cstr(&m)[m.len - 1] == ' ') continue;
                sb_putc(&m, ch);
            }
            if (m.len >= 120) sb_puts(&m, "...");
            const char *text = arena_printf(b->a, "sbpl %s", sb_cstr(&m));
            sb_free(&m);
            int allow = -1;
            unsigned cats = 0;
            if (x->kind == SX_LIST && x->child && (sexp_is_sym(x->child, "allow") || sexp_is_sym(x->child, "deny"))) {
                allow = sexp_is_sym(x->child, "allow");
                for (const sexp *a = x->child->next; a; a = a->next) {
                    if (a->kind != SX_SYMBOL) continue;
                    int op = op_lookup(a->text, NULL);
                    if (op < 0) { cats |= 1u << OC_FILES; continue; }   /* unknown: assume the worst */
                    for (int k = 0; k < ops_count(); k++)
                        if (opset_has(&op_get(op)->covers, k) && op_get(k)->concrete) cats |= 1u << op_category(k, &b->fs_ops);
                }
                if (!cats) cats = 1u << OC_FILES;
            }
            backend_verdict v;
            int cls = -1;
            const char *why;
            if (allow >= 0 && !(cats & ~(1u << OC_NONE))) { v = BV_NO_MEANING; why = "no such operation on Linux"; }
            else if (allow == 1) { v = BV_NARROWER; why = "a raw SBPL rule: not granted on Linux (Landlock enforces no SBPL)"; }
            else {
                v = BV_WEAKER;
                cls = LLC_SBPL;
                why = allow == 0 ? "a raw SBPL deny: not enforced on Linux (Landlock enforces no SBPL)"
                                 : "raw SBPL that is not a rule buckle can read: not enforced on Linux";
                if (b->in->accept & (1u << cls)) b->p->rep.accepted |= 1u << cls;
                else b->p->rep.weaker |= 1u << cls;
            }
            backend_report_add(&b->p->rep, NULL, v, cls, why);
            b->p->rep.v[b->p->rep.n - 1].where = where;
            b->p->rep.v[b->p->rep.n - 1].text = text;
        }
    }
}

static int cmp_grant(const void *x, const void *y)
{
    return strcmp(((const ll_grant *)x)->path, ((const ll_grant *)y)->path);
}

static int cmp_seen(const void *x, const void *y)
{
    return strcmp(((const ll_seen *)x)->path, ((const ll_seen *)y)->path);
}

#ifdef __APPLE__
#define LL_MTIME(st) ((st)->st_mtimespec)
#define LL_CTIME(st) ((st)->st_ctimespec)
#else
#define LL_MTIME(st) ((st)->st_mtim)
#define LL_CTIME(st) ((st)->st_ctim)
#endif

/* every path the plan looked at, sorted */
static void keep_seen(llb *b)
{
    ll_plan *p = b->p;
    p->seen = xcalloc(b->stats.count + 1, sizeof *p->seen);
    for (size_t k = 0; k < b->stats.cap; k++) {
        hm_slot *sl = &b->stats.slots[k];
        if (!sl->hash) continue;
        const stat_memo *m = sl->val;
        ll_seen *s = &p->seen[p->nseen++];
        s->path = sl->key;
        s->ok = m->ok;
        s->listed = m->listed;
        if (!m->ok) continue;
        s->mode = (unsigned)(m->st.st_mode & S_IFMT);
        s->dev = (unsigned long long)m->st.st_dev;
        s->ino = (unsigned long long)m->st.st_ino;
        s->mtime_s = (long long)LL_MTIME(&m->st).tv_sec;
        s->mtime_ns = (long long)LL_MTIME(&m->st).tv_nsec;
        s->ctime_s = (long long)LL_CTIME(&m->st).tv_sec;
        s->ctime_ns = (long long)LL_CTIME(&m->st).tv_nsec;
        const dir_list *l = s->listed ? hm_get(&b->lists, sl->key, sl->klen) : NULL;
        if (l) {
            s->list_ok = l->ok;
            s->names = (const char *const *)l->names;
            s->nnames = l->n;
        }
        if (l && l->procs) {
            /* /proc: its entries but the processes', read again at every use */
            s->listed = LL_LISTED_NO_PIDS;
            const char **kept = arena_alloc(b->a, (l->n + 1) * sizeof *kept);
            size_t nk = 0;
            for (size_t i = 0; i < l->n; i++)
                if (!ll_pid_name(l->names[i], strlen(l->names[i]))) kept[nk++] = l->names[i];
            s->names = kept;
            s->nnames = nk;
        }
    }
    if (p->nseen) qsort(p->seen, p->nseen, sizeof *p->seen, cmp_seen);
}

void ll_plan_build(arena *a, const backend_in *in, ll_plan *p)
{
    memset(p, 0, sizeof *p);
    p->abi = in->abi;
    p->started_s = (long long)time(NULL);
    llb b;
    memset(&b, 0, sizeof b);
    b.a = a;
    b.in = in;
    b.p = p;
    b.budget = LL_ENTRY_BUDGET;
    b.def.wcls = -1;
    hm_init(&b.gidx);
    hm_init(&b.stats);
    hm_init(&b.lists);
    hm_init(&b.dlinks);
    rule_vec *rv = &in->c->pol.rules;
    size_t maxid = 0;
    for (size_t i = 0; i < rv->n; i++) if (rv->v[i]->id + 1 > maxid) maxid = rv->v[i]->id + 1;
    b.rs = xcalloc(maxid + 1, sizeof *b.rs);
    b.dh = xcalloc(maxid + 1, sizeof *b.dh);
    b.prot_mount = xcalloc(in->nprotect + 1, sizeof *b.prot_mount);
    b.nrs = maxid + 1;
    for (size_t i = 0; i <= maxid; i++) b.rs[i].wcls = -1;
    for (size_t ri = 0; ri < NRIGHTS; ri++) {
        if (rights[ri].abi > in->abi) continue;
        for (size_t k = 0; k < 2 && rights[ri].ops[k]; k++) {
            int op = op_lookup(rights[ri].ops[k], NULL);
            if (op < 0) continue;
            const opset *cv = &op_get(op)->covers;
            for (size_t w = 0; w < OPS_MAX / 64; w++) {
                b.ops[ri].w[w] |= cv->w[w];
                b.fs_ops.w[w] |= cv->w[w];
                if (rights[ri].bit & LL_FS_WRITING) b.wops.w[w] |= cv->w[w];
            }
        }
        p->handled_fs |= rights[ri].bit;
    }
    int deny_default = in->c->pol.default_action != ACT_ALLOW;
    /* process information: unless the profile allows some, /proc/PID of
     * other processes (environ, cmdline, ...) is not granted; this process
     * (the command, once executed in its place) keeps its own */
    if (deny_default) {
        int info = 0;
        for (size_t i = 0; i < rv->n && !info; i++) {
            const rule *r = rv->v[i];
            if (r->dup_of || r->action != ACT_ALLOW) continue;
            /* `target "self"` (or children, ...) is about the sandbox's own
             * processes: it opens no other process's /proc/PID */
            size_t n;
            if (r->m.kind == MK_TARGET && strcmp(rval(&b, r, &n), "others") != 0) continue;
            for (int o = 0; o < ops_count() && !info; o++)
                if (opset_has(r->covers, o) && !strncmp(op_get(o)->name, "process-info", 12)) info = 1;
        }
        b.proc_private = !info;
        b.own_pid = in->run_pid;
        p->own_pid = in->run_pid;
    }
    /* the denies that may take each right */
    for (size_t ri = 0; ri < NRIGHTS; ri++) {
        if (!(p->handled_fs & rights[ri].bit)) continue;
        for (size_t i = 0; i < rv->n; i++) {
            rule *r = rv->v[i];
            if (r->action != ACT_DENY || !opset_intersects(r->covers, &b.ops[ri])) continue;
            if (r->m.kind != MK_NONE && mk_family(r->m.kind) != FAM_PATH) continue;
            b.deny[ri] = xrealloc(b.deny[ri], (b.ndeny[ri] + 1) * sizeof *b.deny[ri]);
            b.deny[ri][b.ndeny[ri]++] = r;
        }
    }
    /* file watching (inotify, fanotify) is not checked by Landlock: where
     * some reading is denied, a watch would tell the names and activity of
     * files the sandbox cannot list */
    for (size_t ri = 0; ri < NRIGHTS; ri++)
        if ((rights[ri].bit & (LL_FS_READ_FILE | LL_FS_READ_DIR)) && (deny_default || b.ndeny[ri])) p->seccomp |= LL_SC_WATCH;
    if (p->seccomp & LL_SC_WATCH)
        add_note(p, "seccomp: file watching (inotify, fanotify) is refused: Landlock does not check the watched path");
    /* grants, right by right */
    for (size_t ri = 0; ri < NRIGHTS; ri++) {
        if (!(p->handled_fs & rights[ri].bit)) continue;
        if (!deny_default) tree(&b, ri, NULL, NULL, "/", "/", 0);
        for (size_t i = 0; i < rv->n; i++) {
            const rule *r = rv->v[i];
            if (r->action != ACT_ALLOW || r->dup_of || !opset_subset(&b.ops[ri], r->covers)) continue;
            if (r->m.kind != MK_NONE && mk_family(r->m.kind) != FAM_PATH) continue;
            if (r->m.kind == MK_ANCESTORS) continue;
            allow_roots(&b, ri, r);
        }
    }
    p->per_pid = per_pid_rule(&b);
    interpreter(&b);
    withhold_links(&b);
    verify_grants(&b);
    verify_mounts(&b);
    verify_hidden(&b);
    withdraw_movable(&b);
    plan_mounts(&b);
    size_t kept = 0;
    for (size_t i = 0; i < p->ng; i++) if (p->g[i].access) p->g[kept++] = p->g[i];
    p->ng = kept;
    network(&b, "network-outbound", LL_NET_CONNECT_TCP);
    network(&b, "network-bind", LL_NET_BIND_TCP);
    /* no port may be bound: listen, which binds one of its own without the
     * check, is refused too, and no connection can come in */
    if ((p->seccomp & LL_SC_NET) && (p->handled_net & LL_NET_BIND_TCP)) {
        int bound = 0;
        for (size_t k = 0; k < p->np; k++) bound |= (p->p[k].access & LL_NET_BIND_TCP) != 0;
        if (!bound) p->seccomp |= LL_SC_LISTEN;
    }
    default_network(&b);
    signals(&b);
    if (p->abi >= 6 && (deny_default || outbound_denied(&b))) {
        p->scoped |= LL_SCOPE_ABSTRACT_UNIX;
        add_note(p, "abstract unix sockets: only those of the sandbox can be reached");
    }
    if (p->abi >= 7) p->restrict_flags |= LL_LOG_NEW_EXEC_ON;
    /* setting or removing an extended attribute, under every profile: an
     * ACL (system.posix_acl_access, a name the filter cannot read) would
     * let another local user write a file the sandbox may not, buckle's
     * own sources among them, and set and removed again within the run it
     * leaves the next run's check nothing to see */
    p->seccomp |= LL_SC_XATTR;
    add_note(p, "seccomp: setting or removing extended attributes (ACLs among them) fails as unsupported");
    add_note(p, "seccomp: the terminal ioctls TIOCSTI, TIOCLINUX and TIOCEXCL, the filesystems' subvolume, snapshot and reflink ioctls, joining another process group (setpgid), io_uring, new namespaces, userfaultfd, perf events, BPF, personality flags, and other processes' limits and priorities are refused; capabilities Landlock does not confine are dropped");
    if (deny_default) {
        /* IPC: closed by the seccomp filter unless the profile allows some,
         * and then all of it is open: weaker */
        int ipc_allowed = 0;
        for (size_t i = 0; i < rv->n; i++) {
            const rule *r = rv->v[i];
            if (r->dup_of || r->action != ACT_ALLOW) continue;
            for (int o = 0; o < ops_count() && !ipc_allowed; o++)
                if (opset_has(r->covers, o) && op_get(o)->concrete && op_category(o, &b.fs_ops) == OC_IPC) ipc_allowed = 1;
        }
        if (ipc_allowed)
            weaker(&b, NULL, LLC_IPC, "System V IPC and POSIX message queues: Landlock does not control them, so "
                                      "allowing some opens all of them");
        else p->seccomp |= LL_SC_IPC;
        p->seccomp |= LL_SC_EXEC;
        add_note(p, "not controlled by Landlock, so allowed everywhere: file metadata (stat), modes, owners, times, "
                    "reading extended attributes, executable mappings, ioctl on files that are not devices");
        add_note(p, (p->seccomp & (LL_SC_LISTEN | LL_SC_UNIX)) == LL_SC_LISTEN &&
                            (p->seccomp & (LL_SC_IPANY | LL_SC_BIND)) != LL_SC_IPANY
                        ? "not controlled by Landlock: fork, process information"
                        : "not controlled by Landlock: inbound connections, fork, process information");
        if (p->seccomp & LL_SC_NET)
            add_note(p, (p->seccomp & LL_SC_IPANY)
                            ? ((p->seccomp & LL_SC_UNIX) ? "seccomp: sockets are IP (TCP, UDP) or unix only (no raw, packet, netlink)"
                                                         : "seccomp: sockets are IP (TCP, UDP) only (no raw, packet, netlink, unix)")
                        : (p->seccomp & LL_SC_UNIX) ? "seccomp: sockets are TCP or unix only (no UDP, raw, MPTCP, SCTP, netlink)"
                                                  : "seccomp: sockets are TCP only (no UDP, raw, MPTCP, SCTP, netlink, unix)");
        if (p->seccomp & LL_SC_NET)
            add_note(p, (p->seccomp & LL_SC_UNIX) ? "seccomp: socketpair makes unix pairs only"
                                                  : "seccomp: socketpair makes unix stream and seqpacket pairs only "
                                                    "(a datagram pair could send to any unix socket by path)");
        if (p->seccomp & LL_SC_LISTEN) add_note(p, "seccomp: listen is refused (no port may be bound, and listen would bind one)");
        if (p->seccomp & LL_SC_IPC) add_note(p, "seccomp: System V IPC and POSIX message queues are refused");
        add_note(p, "seccomp: memory files (memfd_create) only without exec (MFD_NOEXEC_SEAL)");
        if (p->abi < 5) add_note(p, "ioctl on devices is not controlled before Landlock ABI 5");
    }
    /* Before ABI 3 Landlock does not check truncate: truncate(2) by path
     * would empty any file the user may write, buckle's own sources
     * included (the next run would compile them empty).  The filter refuses
     * it; ftruncate needs a descriptor opened for writing, which Landlock
     * checks.  Narrower: a file the profile lets the command write can still
     * be emptied through open(O_TRUNC) or ftruncate. */
    if (p->abi < 3) {
        p->seccomp |= LL_SC_TRUNC;
        add_note(p, "seccomp: truncate by path, and an open for reading only with O_TRUNC, are refused (Landlock "
                    "checks truncation from ABI 3 on; open for writing with O_TRUNC and ftruncate of a file opened "
                    "for writing still work)");
    }
    /* the default first, then every rule as written */
    rstate *d = &b.def;
    if (d->wcls >= 0) {
        /* one line per class: each needs its own acceptance */
        for (int c = 0; c < LLC_COUNT; c++) {
            if (!d->why_by[c]) continue;
            backend_report_add(&p->rep, NULL, BV_WEAKER, c, d->why_by[c]);
            if (in->accept & (1u << c)) p->rep.accepted |= 1u << c;
            else p->rep.weaker |= 1u << c;
        }
    } else backend_report_add(&p->rep, NULL, d->narrow ? BV_NARROWER : BV_EXACT, -1, d->narrow ? verdict_why(&b, d) : NULL);
    for (size_t i = 0; i < rv->n; i++) {
        const rule *r = rv->v[i];
        if (r->implied || r->dup_of) continue;
        rule_verdict(&b, r);
    }
    raw_verdicts(&b);
    if (p->ng) qsort(p->g, p->ng, sizeof *p->g, cmp_grant);
    keep_seen(&b);
    for (size_t ri = 0; ri < NRIGHTS; ri++) free(b.deny[ri]);
    free(b.rs);
    free(b.dh);
    free(b.prot_mount);
    hm_free(&b.gidx);
    hm_free(&b.stats);
    hm_free(&b.lists);
    hm_free(&b.dlinks);
}

void ll_plan_detach_own(ll_plan *p, arena *a)
{
    if (p->own_pid <= 0) return;
    const char *own = arena_printf(a, "/proc/%ld", p->own_pid);
    size_t ol = strlen(own);
    int whole = -1, beneath = 0;
    for (size_t i = 0; i < p->ng; i++) {
        if (!under(p->g[i].path, strlen(p->g[i].path), own, ol)) continue;
        if (p->g[i].path[ol] == 0 && p->g[i].is_dir) whole = (int)i;
        else beneath = 1;
    }
    for (size_t i = 0; i < p->nseen && !beneath; i++)
        if (!strcmp(p->seen[i].path, own) && p->seen[i].listed) beneath = 1;
    int keep = !beneath && !p->per_pid;
    if (keep && whole >= 0) p->own_proc = p->g[whole].access;
    size_t kept = 0;
    for (size_t i = 0; i < p->ng; i++)
        if (!under(p->g[i].path, strlen(p->g[i].path), own, ol)) p->g[kept++] = p->g[i];
    if (kept != p->ng && !keep)
        add_note(p, p->per_pid ? arena_printf(a, "the command's own /proc/PID is not granted: by the rule at %s, one "
                                                 "process's /proc/PID may be planned unlike another's", p->per_pid)
                               : "the command's own /proc/PID is not granted: a deny beneath it, and its entries are "
                                 "known only once the command's process exists");
    p->ng = kept;
}

void ll_plan_free(ll_plan *p)
{
    free(p->g);
    free(p->p);
    free(p->notes);
    free(p->seen);
    free(p->m);
    free(p->chk);
    backend_report_free(&p->rep);
    memset(p, 0, sizeof *p);
}

/* ---- answering as the kernel would ------------------------------------ */

static const char *ll_right_name(uint64_t bit)
{
    for (size_t ri = 0; ri < NRIGHTS; ri++) if (rights[ri].bit == bit) return rights[ri].name;
    return "?";
}

static const ll_grant *find_grant(const ll_plan *p, const char *host, uint64_t bit)
{
    size_t hl = strlen(host);
    const ll_grant *best = NULL;
    for (size_t i = 0; i < p->ng; i++) {
        const ll_grant *g = &p->g[i];
        if (!(g->access & bit)) continue;
        size_t gl = strlen(g->path);
        if (strcmp(g->path, host) && !(g->is_dir && under(host, hl, g->path, gl))) continue;
        if (!best || gl > strlen(best->path)) best = g;
    }
    return best;
}

/* the kernel's range of ports for a socket not bound first (the sysctl
 * net.ipv4.ip_local_port_range, IPv6's too); its default where unread */
static int local_port_range(long *lo, long *hi)
{
    *lo = 32768;
    *hi = 60999;
    FILE *f = fopen("/proc/sys/net/ipv4/ip_local_port_range", "r");
    if (!f) return 1;
    long l, h;
    if (fscanf(f, "%ld %ld", &l, &h) == 2 && l > 0 && l <= h && h <= 65535) { *lo = l; *hi = h; }
    fclose(f);
    return 1;
}

int ll_plan_decide(const ll_plan *p, const sb_request *q, const char *host, arena *a, const char **why)
{
    const char *n = op_get(q->op)->name;
    uint64_t bit = 0;
    /* /proc/self: the command's own /proc/PID, or where its links lead */
    const char *self_note = "";
    long shown_pid = 0;
    if (q->kind == OBJ_PATH && !strncmp(n, "file", 4)) {
        int k = ll_proc_self(a, host, p->own_pid, &host, why);
        if (k == 2) return 2;
        if (k == 1) { self_note = " (the command's own; a process it starts is denied its /proc/self)"; shown_pid = p->own_pid; }
    }
    /* the kernel follows the links on the way (and the last one, but for
     * making and removing an entry, which act on the link itself) */
    if (q->kind == OBJ_PATH && host && (!strncmp(n, "file", 4) || !strncmp(n, "process-exec", 12))) {
        int last = strcmp(n, "file-write-create") && strcmp(n, "file-write-unlink") && strncmp(n, "file-read-metadata", 18);
        const char *rh = ll_resolve_links(a, host, last);
        if (rh) {
            if (!*self_note) self_note = arena_printf(a, " (the kernel checks %s: a symbolic link on the way)", rh);
            host = rh;
        }
    }
    const char *target = host;
    struct stat st;
    int exists = host && lstat(host, &st) == 0;
    if (!strcmp(n, "file-read-data")) bit = exists && S_ISDIR(st.st_mode) ? LL_FS_READ_DIR : LL_FS_READ_FILE;
    else if (!strcmp(n, "file-write-data")) bit = LL_FS_WRITE_FILE;
    else if (!strncmp(n, "process-exec", 12)) bit = LL_FS_EXECUTE;
    else if (!strcmp(n, "file-ioctl") && p->abi >= 5) {
        /* IOCTL_DEV: character and block devices only */
        if (!exists || !(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))) {
            *why = arena_printf(a, "not controlled by Landlock: ioctl on %s, which is not a device (IOCTL_DEV covers "
                                   "character and block devices only)%s", ll_proc_unpid(a, host, shown_pid), self_note);
            return 0;
        }
        bit = LL_FS_IOCTL_DEV;
    }
    else if (!strcmp(n, "file-write-create") || !strcmp(n, "file-write-unlink")) {
        int dir = exists && S_ISDIR(st.st_mode);
        bit = n[11] == 'c' ? (dir ? LL_FS_MAKE_DIR : LL_FS_MAKE_REG) : (dir ? LL_FS_REMOVE_DIR : LL_FS_REMOVE_FILE);
        const char *sl = strrchr(host, '/');
        target = !sl || sl == host ? "/" : arena_strndup(a, host, (size_t)(sl - host));
    }
    /* the mounts of the command's own namespace: a read-only one refuses
     * every change, metadata too */
    size_t hl = host ? strlen(host) : 0;
    if (host && ((bit & LL_FS_WRITING) || (!bit && !strncmp(n, "file-write", 10))))
        for (size_t i = 0; i < p->nm; i++) {
            const ll_bind *m = &p->m[i];
            if (m->ro && under(host, hl, m->path, strlen(m->path))) {
                *why = arena_printf(a, "%s is mounted read-only in the command's mount namespace", m->path);
                return 1;
            }
            if ((bit == LL_FS_REMOVE_DIR || bit == LL_FS_REMOVE_FILE) && !strcmp(host, m->path)) {
                *why = arena_printf(a, "%s is a mount point in the command's mount namespace: it cannot be removed or "
                                       "renamed", m->path);
                return 1;
            }
        }
    if (bit) {
        if (!(p->handled_fs & bit)) { *why = arena_printf(a, "%s is not handled: allowed", ll_right_name(bit)); return 0; }
        const ll_grant *g = find_grant(p, target, bit);
        const char *later = "";
        for (size_t i = 0; g && host && i < p->nchk; i++)
            if (under(host, hl, p->chk[i].path, strlen(p->chk[i].path)) || under(p->chk[i].path, strlen(p->chk[i].path), host, hl))
                later = arena_printf(a, "; %s is checked when the command ends, and the run fails when it exists (the deny "
                                        "at %s, class new-paths)", p->chk[i].path, p->chk[i].where);
        if (g) {
            *why = arena_printf(a, "%s granted on %s%s%s", ll_right_name(bit), ll_proc_unpid(a, g->path, shown_pid), self_note,
                                later);
            return 0;
        }
        *why = arena_printf(a, "no grant of %s covers %s", ll_right_name(bit), ll_proc_unpid(a, target, shown_pid));
        if (p->cut)
            *why = arena_printf(a, "%s (the plan left paths out, and this may be one of them: %s)", *why, p->cut);
        if (bit == LL_FS_EXECUTE && p->loader_exec && exists && S_ISREG(st.st_mode) && find_grant(p, target, LL_FS_READ_FILE))
            *why = arena_printf(a, "%s; but %s, the dynamic loader, may be executed, and \"%s %s\" runs it: "
                                   "read_file is granted (weaker, class files)", *why, p->loader_exec, p->loader_exec,
                                ll_proc_unpid(a, target, shown_pid));
        return 1;
    }
    if (!strcmp(n, "network-outbound") || !strcmp(n, "network-bind")) {
        uint64_t nb = n[8] == 'o' ? LL_NET_CONNECT_TCP : LL_NET_BIND_TCP;
        const char *what = nb == LL_NET_CONNECT_TCP ? "connect_tcp" : "bind_tcp";
        if (q->kind != OBJ_IP && (p->seccomp & LL_SC_NET) && !(p->seccomp & LL_SC_UNIX)) {
            *why = "unix sockets cannot be created (seccomp)";
            return 1;
        }
        if (q->kind != OBJ_IP) { *why = "unix sockets by path are not controlled by Landlock: allowed"; return 0; }
        if (nb == LL_NET_BIND_TCP && (p->seccomp & LL_SC_BIND)) {
            *why = "bind is refused (seccomp): no port may be bound, and a UDP socket would bind any";
            return 1;
        }
        if (!(p->handled_net & nb)) { *why = arena_printf(a, "%s is not handled: allowed", what); return 0; }
        int any;
        long port = ip_port(q->obj, &any);
        for (size_t i = 0; i < p->np; i++)
            if ((long)p->p[i].port == port && (p->p[i].access & nb)) { *why = arena_printf(a, "%s granted on port %ld", what, port); return 0; }
        /* what Landlock does not check reaches the port all the same */
        if (!(p->seccomp & LL_SC_NET) || (p->seccomp & LL_SC_IPANY)) {
            *why = arena_printf(a, "no grant of %s on port %ld, but a UDP socket %s port %ld: Landlock controls TCP only",
                                what, port, nb == LL_NET_BIND_TCP ? "can bind" : "can send to", port);
            return 0;
        }
        long lo, hi;
        if (nb == LL_NET_BIND_TCP && !(p->seccomp & LL_SC_LISTEN) && local_port_range(&lo, &hi) && port >= lo && port <= hi) {
            *why = arena_printf(a, "no grant of %s on port %ld, but listen on a TCP socket not bound first takes a port of the "
                                   "kernel's choosing, which Landlock does not check: %ld is in the kernel's range "
                                   "(%ld-%ld)", what, port, port, lo, hi);
            return 0;
        }
        *why = arena_printf(a, "no grant of %s on port %ld (TCP)", what, port);
        return 1;
    }
    if (!strcmp(n, "network-inbound")) {
        if (q->kind != OBJ_IP && (p->seccomp & LL_SC_NET) && !(p->seccomp & LL_SC_UNIX)) {
            *why = "unix sockets cannot be created (seccomp)";
            return 1;
        }
        if (q->kind == OBJ_IP && (p->seccomp & LL_SC_LISTEN) && !(p->seccomp & (LL_SC_IPANY | LL_SC_UNIX))) {
            *why = "no port may be bound, and listen is refused (seccomp); UDP sockets cannot be created";
            return 1;
        }
        if (q->kind == OBJ_IP && (p->seccomp & LL_SC_BIND)) {
            *why = "no port may be bound: bind and listen are refused (seccomp); a UDP socket that sends gets a port of "
                   "the kernel's choosing, where replies come back";
            return 1;
        }
        *why = "inbound connections are not controlled by Landlock: allowed";
        return 0;
    }
    if (!strcmp(n, "signal")) {
        int inside = q->obj && (!strcmp(q->obj, "self") || !strcmp(q->obj, "children") || !strcmp(q->obj, "same-sandbox"));
        if (!(p->scoped & LL_SCOPE_SIGNAL) || inside) { *why = "signals are not scoped to this target"; return 0; }
        *why = "signals are scoped to the sandbox";
        return 1;
    }
    if (!strncmp(n, "ipc-sysv", 8) && (p->seccomp & LL_SC_IPC)) {
        *why = "System V IPC is refused (seccomp)";
        return 1;
    }
    if (!strncmp(n, "file", 4) || !strncmp(n, "network", 7) || !strncmp(n, "process", 7) || !strncmp(n, "ipc", 3)) {
        *why = "not controlled by Landlock";
        return 0;
    }
    *why = "no such operation on Linux";
    return 2;
}
