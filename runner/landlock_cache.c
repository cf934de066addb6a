/* landlock_cache.c - the Linux run cache: a Landlock plan kept with what it
 * depended on (landlock_cache.h, docs/runner.md).
 *
 * An entry is a run cache entry of profile_cache.c (the files read and the
 * extends candidates, validated there: "vs-" marks, digests) whose body is
 * the plan, as text:
 *
 *   buckle-landlock-plan 4\n
 *   V VALUES PROTECTED MOUNTS\n           digests of the parameter values, of
 *                                         the protected paths and of the mount
 *                                         table (/proc/self/mountinfo)
 *   D NAMELEN DEFLEN\nNAME DEF\n          a default that names other values
 *                                         (worked out again by every run)
 *   H ABI FS NET SCOPED FLAGS SECCOMP\n   the ruleset's header
 *   G ACCESS ISDIR DEV INO LEN\nPATH\n    a grant
 *   N PORT ACCESS\n                       a port
 *   M RO ISDIR DEV INO LEN\nPATH\n        a mount of the command's namespace
 *   C LEN\nPATH\nLEN\nWHERE\nLEN\nRULE\n   a path checked after the run
 *   P ACCESS\n                           the command's own /proc/PID (granted
 *                                         ACCESS whole once its process exists)
 *   O OK LISTED MODE DEV INO MS MNS CS CNS RECENT LEN\nPATH\n   a path the plan looked at,
 *   L OK COUNT\n then COUNT times LEN\nNAME\n   and for a directory it read, its entries
 *   T LEN\nTEXT\n                        the summary line
 *   E\n
 *
 * The summary with -v (every rule's verdict: most of the text) is an entry
 * of its own, under another key, read only by a run with -v: its body is
 * the plan's body digest, then the text.
 *
 * The key (cache_key) holds everything else the plan and the verdicts depend
 * on: this buckle, the working directory, the profile, the search path, -I,
 * the -D values, the built-in parameters (or why each cannot be used), the
 * ABI, the accepted classes, whether a user namespace can hold mounts, the
 * command and its loader.  Numbers are hex. */
#define _POSIX_C_SOURCE 200809L
#include "landlock_cache.h"
#include "run_profile.h"
#include "runner.h"
#include "profile_siblings.h"
#include "search_dirs.h"
#include "../support/digest.h"
#include "../backend/landlock_mounts.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

#define PLAN_MAGIC "buckle-landlock-plan 4\n"
/* a directory read by the plan that changed less than this many seconds
 * before the planning is read again by every run that uses the plan (a
 * change within its timestamps' granularity could keep them); the others
 * only when their times moved */
#define STABLE_SECONDS 2
/* the key of an entry's -v text */
#define VERBOSE_KEY 0x766572626f7365ull

size_t ll_cache_dirs(arena *a, const run_request *rq, const char **dirs, int *fd, const char **why_not)
{
    size_t n = 0;
    *fd = -1;
    if (why_not) *why_not = NULL;
    cache_where w[2];
    int have[2] = { runner_cache_where(a, rq->cache_parent, &w[0]) == 0,
                    rq->cache_parent && runner_cache_where(a, NULL, &w[1]) == 0 };
    for (int k = 0; k < 2; k++)
        if (have[k]) dirs[n++] = arena_printf(a, "%s/%s", w[k].parent, w[k].name);
    /* stdin cannot be checked for changes */
    if (have[0] && !rq->no_cache && strcmp(rq->profile, "-") != 0) {
        char dir[PATH_MAX];
        const char *why;
        *fd = runner_cache_open(&w[0], dir, sizeof dir, &why);
        if (*fd < 0 && why_not) *why_not = arena_printf(a, "%s/%s is not safe: %s", w[0].parent, w[0].name, why);
    } else if (!have[0] && why_not) {
        *why_not = "this user has no home directory in the password database";
    }
    return n;
}

static void walk_once(protect_list *pl, hashmap *walked, const char *path)
{
    if (hm_put(walked, path, strlen(path), (void *)path)) return;
    protect_path(pl, path);
}

/* 1 when p has a ".." component: the path as written ("/p/w/../x", the
 * profile named ../x from /p/w), which the kernel resolves; the walk
 * protects what it resolves to, and the written one would put /p/w on the
 * way to a file that is not in it (its entries granted one by one) */
static int dotdot(const char *p)
{
    for (const char *c = p; (c = strchr(c, '/')) != NULL; c++)
        if (c[1] == '.' && c[2] == '.' && (c[3] == '/' || !c[3])) return 1;
    return 0;
}

const char **ll_protected_paths(arena *a, const run_request *rq, const char *const *files, size_t nfiles,
                                const file_probe *probes, size_t nprobes, const char *const *cache_dirs,
                                size_t ncache, int close_shadows, size_t *n)
{
    /* what the next compilation reads or looks for, resolved one component
     * at a time: a link re-pointed, a candidate planted (a relative -I
     * included) or a file rewritten would choose the next run's profile;
     * and the run cache every later run reads, existing or not (a link on
     * its way re-pointed would hand the next run another cache) */
    char *cwd = getcwd(NULL, 0);
    protect_list pl;
    protect_init(&pl, cwd ? arena_strdup(a, cwd) : "/", a);
    free(cwd);
    /* each path walked once (the profile is among the files it was read
     * from, and a file is often among the candidates looked for too): a
     * walk adds the same paths every time */
    hashmap walked;
    hm_init(&walked);
    if (strcmp(rq->profile, "-") != 0) walk_once(&pl, &walked, rq->profile);
    for (size_t k = 0; k < nfiles; k++) walk_once(&pl, &walked, files[k]);
    for (size_t k = 0; k < nprobes; k++) walk_once(&pl, &walked, probes[k].path);
    for (size_t k = 0; k < rq->ninc; k++) walk_once(&pl, &walked, rq->incs[k]);
    char *bp = rq->buckle_path ? arena_strdup(a, rq->buckle_path) : NULL;
    for (char *tok = bp ? strtok(bp, ":") : NULL; tok; tok = strtok(NULL, ":"))
        if (*tok) walk_once(&pl, &walked, tok);
    /* buckle itself and its standard library directories, existing or
     * not: every later run executes the one and looks in the others,
     * whichever profile it runs (a base this profile does not extend, a
     * program renamed over buckle) */
    if (rq->exe_path && rq->exe_path[0] == '/') walk_once(&pl, &walked, rq->exe_path);
    /* and the name it was started by (a link in the project, a wrapper):
     * the next run starts what that name leads to */
    const char *launch = runner_launch_path(a, rq->argv0);
    if (launch) walk_once(&pl, &walked, launch);
    /* and, found through PATH, that name in each directory PATH looks in
     * first: a program the command made there would be the next `buckle`.
     * Looked at after the run (shadow_check.c), unless the command could
     * end buckle before that */
    if (close_shadows) {
        const char **shadows;
        size_t nshadows = runner_launch_shadows(a, rq->argv0, &shadows);
        for (size_t k = 0; k < nshadows; k++) walk_once(&pl, &walked, shadows[k]);
    }
    for (size_t k = 0; rq->std_dirs && rq->std_dirs[k] && k + 1 < STD_DIRS_MAX; k++) {
        walk_once(&pl, &walked, rq->std_dirs[k]);
        char *real = realpath(rq->std_dirs[k], NULL);
        if (real) protect_whole(&pl, arena_strdup(a, real));
        free(real);
    }
    /* the directories the profile and its bases are in: where the project
     * keeps its other profiles, which later runs compile */
    {
        const char **srcs = arena_alloc(a, (nfiles + 2) * sizeof *srcs);
        size_t ns = 0;
        srcs[ns++] = rq->profile;
        for (size_t k = 0; k < nfiles; k++) srcs[ns++] = files[k];
        const char *homes[2] = { getenv("HOME"), NULL };
        run_user_entry(a, &homes[1], NULL);
        /* and the search directories (-I, $BUCKLE_PATH): the bases the
         * user's other profiles extend from them */
        const char **all;
        size_t nall = runner_search_dir_sources(a, srcs, ns, rq->incs, rq->ninc, rq->buckle_path, &all);
        profile_siblings sib;
        runner_profile_siblings(a, all, nall, pl.cwd, homes, 2, getenv("TMPDIR"), &sib);
        for (size_t k = 0; k < sib.ndirs; k++) {
            walk_once(&pl, &walked, sib.dirs[k]);     /* the links on its way */
            protect_whole(&pl, sib.dirs[k]);          /* itself, at and beneath */
        }
        for (size_t k = 0; k < sib.nfiles; k++) walk_once(&pl, &walked, sib.files[k]);
    }
    hm_free(&walked);
    for (size_t k = 0; k < ncache; k++) {
        /* the links on its way, or its missing part; then the directory
         * itself, at and beneath, where it is now */
        protect_path(&pl, cache_dirs[k]);
        protect_whole(&pl, cache_dirs[k]);
        char *real = realpath(cache_dirs[k], NULL);
        if (real) protect_whole(&pl, arena_strdup(a, real));
        free(real);
    }
    const char **prot = arena_alloc(a, (pl.nwhole + 1) * sizeof *prot);
    size_t np = 0;
    for (size_t k = 0; k < pl.nwhole; k++)
        if (!dotdot(pl.whole_paths[k])) prot[np++] = pl.whole_paths[k];
    protect_free(&pl);
    *n = np;
    return prot;
}

const char **ll_hidden_paths(arena *a, const char *const *cache_dirs, size_t ncache, size_t *n)
{
    const char **h = arena_alloc(a, (2 * ncache + 1) * sizeof *h);
    size_t nh = 0;
    for (size_t k = 0; k < ncache; k++) {
        h[nh++] = cache_dirs[k];
        char *real = realpath(cache_dirs[k], NULL);
        if (real && strcmp(real, cache_dirs[k]) != 0) h[nh++] = arena_strdup(a, real);
        free(real);
    }
    *n = nh;
    return h;
}

const char *ll_expand_default(arena *a, const char *def, const sb_param *vals, size_t n, const char **why)
{
    run_param_list l = { vals, n };
    int failed;
    *why = NULL;
    const char *v = run_expand_default(a, def, run_param_in, &l, &failed);
    if (!v) return NULL;
    /* checked as a value given with -D: canonical, no link on the way */
    *why = runner_path_value_problem(a, v);
    return v;
}

static void put_str(strbuf *b, const char *s)
{
    sb_puts(b, s ? s : "\x01-");
    sb_putc(b, '\n');
}

uint64_t ll_cache_key(const ll_cache_in *in)
{
    const run_request *rq = in->rq;
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "landlock %d %d %x %d %d\n", in->abi, in->kernel_abi, rq->linux_accept, in->userns, in->close_shadows);
    put_str(&b, in->cwd);
    put_str(&b, in->interp);
    put_str(&b, rq->buckle_path);
    put_str(&b, rq->cache_parent);
    for (size_t i = 0; rq->std_dirs && rq->std_dirs[i] && i + 1 < STD_DIRS_MAX; i++) put_str(&b, rq->std_dirs[i]);
    sb_puts(&b, "\x01-I\n");
    for (size_t i = 0; i < rq->ninc; i++) put_str(&b, rq->incs[i]);
    sb_puts(&b, "\x01-D\n");
    for (size_t i = 0; i < in->ndef; i++) { put_str(&b, in->defs[i].name); put_str(&b, in->defs[i].value); }
    sb_puts(&b, "\x01" "builtin\n");
    for (int k = 0; k < 4; k++) { put_str(&b, in->bname[k]); put_str(&b, in->braw[k]); put_str(&b, in->bwhy[k]); }
    const char *parts[3] = { in->identity, rq->profile, sb_cstr(&b) };
    uint64_t key = cache_key(parts, 3);
    sb_free(&b);
    return key;
}

static uint64_t values_digest(const sb_param *all, size_t n)
{
    uint64_t v = 0x6c6c76;
    for (size_t k = 0; k < n; k++) {
        v = digest64(all[k].name, strlen(all[k].name) + 1, v);
        v = digest64(all[k].value, strlen(all[k].value) + 1, v);
    }
    return v;
}

static uint64_t paths_digest(const char *const *p, size_t n)
{
    uint64_t v = 0x6c6c70;
    for (size_t k = 0; k < n; k++) v = digest64(p[k], strlen(p[k]) + 1, v);
    return v;
}

/* ---- the body ------------------------------------------------------------ */

static void put_bytes(strbuf *b, const char *s)
{
    sb_printf(b, "%zx\n", strlen(s));
    sb_puts(b, s);
    sb_putc(b, '\n');
}

int ll_cache_store(int dirfd, uint64_t key, arena *a, compilation *c, const ll_plan *p, const sb_param *all, size_t nall,
                   const char *const *prot, size_t nprot, const char **why)
{
    *why = NULL;
    if (p->uncacheable) { *why = p->uncacheable; return -1; }
    /* a path under /proc/PID names a process: the next run is another one.
     * The command's own (ll_plan_detach_own: the plan's grant on it is
     * own_proc), looked at as a directory and planned whole, is kept as
     * "the running command's" (P below) when every process's would be
     * planned alike; anything else there is not kept */
    const char *own = p->own_pid > 0 ? arena_printf(a, "/proc/%ld", p->own_pid) : NULL;
    const ll_seen *own_seen = NULL;
    for (size_t i = 0; i < p->nseen + p->ng; i++) {
        const char *path = i < p->nseen ? p->seen[i].path : p->g[i - p->nseen].path;
        if (strncmp(path, "/proc/", 6) != 0 || path[6] < '0' || path[6] > '9') continue;
        if (own && !strcmp(path, own)) {
            if (p->per_pid) {
                *why = arena_printf(a, "by the rule at %s, one process's /proc/PID may be planned unlike another's", p->per_pid);
                return -1;
            }
            const ll_seen *s = i < p->nseen ? &p->seen[i] : NULL;
            if (s && s->ok && S_ISDIR(s->mode) && !s->listed) { own_seen = s; continue; }
        }
        *why = arena_printf(a, "it names %s, a process's own", path);
        return -1;
    }
    strbuf b;
    sb_init(&b);
    sb_puts(&b, PLAN_MAGIC);
    sb_printf(&b, "V %016" PRIx64 " %016" PRIx64 " %016" PRIx64 "\n", values_digest(all, nall), paths_digest(prot, nprot),
              p->mounts_digest);
    for (size_t k = 0; k < c->params.cap; k++) {
        hm_slot *sl = &c->params.slots[k];
        if (!sl->hash) continue;
        const param_decl *pd = sl->val;
        if (!pd->def || !strchr(pd->def, PARAM_OPEN)) continue;
        sb_printf(&b, "D %zx %zx\n%s %s\n", strlen(pd->name), strlen(pd->def), pd->name, pd->def);
    }
    sb_printf(&b, "H %x %" PRIx64 " %" PRIx64 " %" PRIx64 " %x %x\n", p->abi, p->handled_fs, p->handled_net, p->scoped,
              p->restrict_flags, p->seccomp);
    for (size_t i = 0; i < p->ng; i++) {
        const ll_grant *g = &p->g[i];
        sb_printf(&b, "G %" PRIx64 " %x %llx %llx ", g->access, g->is_dir ? 1 : 0, g->dev, g->ino);
        put_bytes(&b, g->path);
    }
    for (size_t i = 0; i < p->np; i++) sb_printf(&b, "N %" PRIx64 " %" PRIx64 "\n", p->p[i].port, p->p[i].access);
    for (size_t i = 0; i < p->nm; i++) {
        sb_printf(&b, "M %x %x %llx %llx ", p->m[i].ro ? 1 : 0, p->m[i].is_dir ? 1 : 0, p->m[i].dev, p->m[i].ino);
        put_bytes(&b, p->m[i].path);
    }
    for (size_t i = 0; i < p->nchk; i++) {
        sb_puts(&b, "C ");
        put_bytes(&b, p->chk[i].path);
        put_bytes(&b, p->chk[i].where);
        put_bytes(&b, p->chk[i].rule);
    }
    if (own_seen) sb_printf(&b, "P %" PRIx64 "\n", p->own_proc);
    for (size_t i = 0; i < p->nseen; i++) {
        const ll_seen *s = &p->seen[i];
        if (s == own_seen) continue;
        long long last = s->mtime_s > s->ctime_s ? s->mtime_s : s->ctime_s;
        int recent = s->listed == 1 && s->ok && last + STABLE_SECONDS > p->started_s;
        sb_printf(&b, "O %x %x %x %llx %llx %llx %llx %llx %llx %x ", s->ok, s->listed, s->mode, s->dev, s->ino,
                  (unsigned long long)s->mtime_s, (unsigned long long)s->mtime_ns, (unsigned long long)s->ctime_s,
                  (unsigned long long)s->ctime_ns, recent);
        put_bytes(&b, s->path);
        if (!s->listed) continue;
        sb_printf(&b, "L %x %zx\n", s->list_ok ? 1 : 0, s->nnames);
        for (size_t k = 0; k < s->nnames; k++) put_bytes(&b, s->names[k]);
    }
    strbuf t;
    sb_init(&t);
    ll_plan_summary(p, c, 0, &t);
    sb_puts(&b, "T ");
    put_bytes(&b, sb_cstr(&t));
    sb_puts(&b, "E\n");
    /* the list for -v, bound to this very plan */
    sb_reset(&t);
    sb_printf(&t, "%016" PRIx64 "\n", digest_wide(b.data, b.len));
    ll_plan_summary(p, c, 1, &t);
    cache_entry ve;
    memset(&ve, 0, sizeof ve);
    ve.profile = t.data;
    ve.len = t.len;
    int vrc = cache_store(dirfd, key ^ VERBOSE_KEY, &ve);
    sb_free(&t);

    cache_entry e;
    memset(&e, 0, sizeof e);
    e.profile = b.data;
    e.len = b.len;
    e.files = c->deps;
    e.nfiles = c->ndeps;
    e.digests = arena_alloc(a, (c->ndeps + 1) * sizeof *e.digests);
    e.sizes = arena_alloc(a, (c->ndeps + 1) * sizeof *e.sizes);
    for (size_t i = 0; i < c->ndeps; i++) {
        e.digests[i] = digest64(c->dep_src[i]->text, c->dep_src[i]->len, 0);
        e.sizes[i] = c->dep_src[i]->len;
    }
    e.probes = c->probes;
    e.nprobes = c->nprobes;
    int rc = vrc == 0 ? cache_store(dirfd, key, &e) : -1;
    if (rc == 0) profile_dir_sweep(dirfd, RUNNER_STALE_SECONDS, CACHE_MAX_AGE_SECONDS);
    sb_free(&b);
    return rc;
}

typedef struct rd { char *p, *end; } rd;

static int rd_num(rd *r, unsigned long long *v, char stop)
{
    if (r->p >= r->end || !strchr("0123456789abcdef", *r->p)) return -1;
    char *e;
    errno = 0;
    *v = strtoull(r->p, &e, 16);
    if (errno || e >= r->end || *e != stop) return -1;
    r->p = e + 1;
    return 0;
}

/* LEN\nBYTES\n: the bytes, terminated in place */
static const char *rd_bytes(rd *r)
{
    unsigned long long n;
    if (rd_num(r, &n, '\n') || n >= (unsigned long long)(r->end - r->p) || r->p[n] != '\n') return NULL;
    char *s = r->p;
    s[n] = 0;
    r->p += n + 1;
    return s;
}

static int rd_tag(rd *r, char tag)
{
    if (r->end - r->p < 2 || r->p[0] != tag || r->p[1] != (tag == 'E' ? '\n' : ' ')) return 0;
    r->p += 2;
    return 1;
}

static int cmp_str(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

#ifdef __linux__
/* /proc's entries but the processes': procfs lists its own entries first,
 * then one per process (hundreds), so the reading stops at the first
 * process.  Were a name of its own ever listed after one, it would be
 * missed, and the plan not used (a miss, never a wrong grant). */
static int same_proc_entries(const ll_seen *s)
{
    int fd = open(s->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return !s->list_ok;
    _Alignas(8) char buf[2048];
    size_t n = 0;
    int ok = s->list_ok, done = 0;
    while (ok && !done) {
        long got = syscall(SYS_getdents64, fd, buf, sizeof buf);
        if (got <= 0) break;
        for (long off = 0; off < got && ok && !done;) {
            /* the kernel's struct linux_dirent64 */
            const struct { uint64_t ino; int64_t off; unsigned short reclen; unsigned char type; char name[]; } *e =
                (const void *)(buf + off);
            off += e->reclen;
            const char *name = e->name;
            if (!strcmp(name, ".") || !strcmp(name, "..")) continue;
            if (ll_pid_name(name, strlen(name))) { done = 1; break; }
            /* in the order listed: found among the sorted names kept */
            if (n == s->nnames || !bsearch(&name, s->names, s->nnames, sizeof *s->names, cmp_str)) ok = 0;
            else n++;
        }
    }
    close(fd);
    return ok && n == s->nnames;
}
#endif

/* 1 when directory s holds the entries it held for the plan (read again;
 * /proc's but the processes') */
static int same_entries(const ll_seen *s, arena *a)
{
#ifdef __linux__
    if (s->listed == LL_LISTED_NO_PIDS) return same_proc_entries(s);
#endif
    DIR *dir = opendir(s->path);
    if (!dir) return !s->list_ok;
    const char **names = arena_alloc(a, (s->nnames + 1) * sizeof *names);
    size_t n = 0;
    int ok = s->list_ok, no_pids = s->listed == LL_LISTED_NO_PIDS;
    struct dirent *e;
    while (ok && (e = readdir(dir))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (no_pids && ll_pid_name(e->d_name, strlen(e->d_name))) continue;
        if (n == s->nnames) { ok = 0; break; }
        names[n++] = arena_strdup(a, e->d_name);
    }
    closedir(dir);
    if (!ok || n != s->nnames) return 0;
    if (n) qsort(names, n, sizeof *names, cmp_str);
    for (size_t k = 0; k < n; k++)
        if (strcmp(names[k], s->names[k]) != 0) return 0;
    return 1;
}

/* 1 when the path is as the plan saw it: a directory it read holds the same
 * entries (read again when its times moved, or when they had moved just
 * before the planning) */
static int seen_holds(const ll_seen *s, int recent, arena *a)
{
    struct stat st;
    int ok = lstat(s->path, &st) == 0;
    if (ok != s->ok) return 0;
    if (!ok) return 1;
    if ((unsigned)(st.st_mode & S_IFMT) != s->mode || (unsigned long long)st.st_dev != s->dev ||
        (unsigned long long)st.st_ino != s->ino)
        return 0;
    if (!s->listed) return 1;
    if (s->listed == LL_LISTED_NO_PIDS) return same_entries(s, a);
#ifdef __APPLE__
    struct timespec m = st.st_mtimespec, c = st.st_ctimespec;
#else
    struct timespec m = st.st_mtim, c = st.st_ctim;
#endif
    int same_times = (long long)m.tv_sec == s->mtime_s && (long long)m.tv_nsec == s->mtime_ns &&
                     (long long)c.tv_sec == s->ctime_s && (long long)c.tv_nsec == s->ctime_ns;
    return (same_times && !recent) || same_entries(s, a);
}

/* Reads the plan of an entry; -1 when it cannot be used, with *why saying
 * so (NULL: damaged or of another version). */
static int parse_plan(rd *r, const ll_cache_in *in, const cache_entry *e, arena *a, ll_plan *p, const char **summary,
                      const char **why)
{
    size_t ml = strlen(PLAN_MAGIC);
    if ((size_t)(r->end - r->p) < ml || memcmp(r->p, PLAN_MAGIC, ml) != 0) return -1;
    r->p += ml;
    unsigned long long vd, pd, md, x[10];
    if (!rd_tag(r, 'V') || rd_num(r, &vd, ' ') || rd_num(r, &pd, ' ') || rd_num(r, &md, '\n')) return -1;
    /* the mount table the plan saw: a bind mount made since gives a denied
     * directory a name the plan did not withdraw grants from */
    if (ll_mounts_digest(a) != md) { *why = "the mount table changed"; return -1; }
    /* the protected paths, as a cold run would work them out now */
    size_t nprot;
    const char **prot = ll_protected_paths(a, in->rq, e->files, e->nfiles, e->probes, e->nprobes, in->cache_dirs,
                                           in->ncache, in->close_shadows, &nprot);
    if (paths_digest(prot, nprot) != pd) { *why = "buckle's own files (the paths it keeps unwritable) changed"; return -1; }
    /* the values: the run's, then the defaults that name them */
    sb_param *all = arena_alloc(a, (in->nvals + 1) * sizeof *all);
    memcpy(all, in->vals, in->nvals * sizeof *all);
    size_t nall = in->nvals, cap = in->nvals + 1;
    while (rd_tag(r, 'D')) {
        unsigned long long left = (unsigned long long)(r->end - r->p);
        if (rd_num(r, &x[0], ' ') || rd_num(r, &x[1], '\n') || x[0] >= left || x[1] >= left ||
            x[0] + x[1] + 2 > (unsigned long long)(r->end - r->p) ||
            r->p[x[0]] != ' ' || r->p[x[0] + 1 + x[1]] != '\n')
            return -1;
        char *name = r->p, *def = r->p + x[0] + 1;
        name[x[0]] = 0;
        def[x[1]] = 0;
        r->p += x[0] + x[1] + 2;
        int given = 0;
        for (size_t j = 0; j < in->nvals; j++) given |= !strcmp(in->vals[j].name, name);
        if (given) continue;
        const char *dwhy;
        const char *v = ll_expand_default(a, def, in->vals, in->nvals, &dwhy);
        if (dwhy) return -1;                 /* a cold run says why */
        if (!v) continue;
        all = arena_grow(a, all, nall, cap, sizeof *all);
        cap = arena_grow_cap(nall, cap);
        all[nall++] = (sb_param){ name, v };
    }
    if (values_digest(all, nall) != vd) { *why = "a parameter's value changed"; return -1; }
    if (!rd_tag(r, 'H')) return -1;
    for (int k = 0; k < 6; k++)
        if (rd_num(r, &x[k], k == 5 ? '\n' : ' ')) return -1;
    if (x[0] < 1 || x[0] > LL_ABI_MAX) return -1;
    p->abi = (int)x[0];
    p->handled_fs = x[1];
    p->handled_net = x[2];
    p->scoped = x[3];
    p->restrict_flags = (unsigned)x[4];
    p->seccomp = (unsigned)x[5];
    while (rd_tag(r, 'G')) {
        for (int k = 0; k < 4; k++)
            if (rd_num(r, &x[k], ' ')) return -1;
        const char *path = rd_bytes(r);
        if (!path) return -1;
        if (p->ng == p->gcap) { p->gcap = p->gcap ? p->gcap * 2 : 32; p->g = xrealloc(p->g, p->gcap * sizeof *p->g); }
        p->g[p->ng++] = (ll_grant){ path, path, x[0], x[1] != 0, x[2], x[3] };
    }
    while (rd_tag(r, 'N')) {
        if (rd_num(r, &x[0], ' ') || rd_num(r, &x[1], '\n')) return -1;
        if (p->np == p->pcap) { p->pcap = p->pcap ? p->pcap * 2 : 8; p->p = xrealloc(p->p, p->pcap * sizeof *p->p); }
        p->p[p->np++] = (ll_port){ x[0], x[1] };
    }
    while (rd_tag(r, 'M')) {
        for (int k = 0; k < 4; k++)
            if (rd_num(r, &x[k], ' ')) return -1;
        const char *path = rd_bytes(r);
        if (!path) return -1;
        if (p->nm == p->mcap) { p->mcap = p->mcap ? p->mcap * 2 : 8; p->m = xrealloc(p->m, p->mcap * sizeof *p->m); }
        p->m[p->nm++] = (ll_bind){ path, x[0] != 0, x[1] != 0, x[2], x[3] };
    }
    while (rd_tag(r, 'C')) {
        const char *path = rd_bytes(r), *where = path ? rd_bytes(r) : NULL, *text = where ? rd_bytes(r) : NULL;
        if (!text) return -1;
        if (p->nchk == p->chkcap) {
            p->chkcap = p->chkcap ? p->chkcap * 2 : 8;
            p->chk = xrealloc(p->chk, p->chkcap * sizeof *p->chk);
        }
        p->chk[p->nchk++] = (ll_check){ path, where, text };
    }
    /* the command's own /proc/PID, granted these rights once it exists */
    if (rd_tag(r, 'P')) {
        if (rd_num(r, &x[0], '\n')) return -1;
        p->own_proc = x[0];
        p->nseen++;
    }
    /* every path the plan looked at, as it was (the directories read: not
     * one entry made, removed or renamed since).  The entries of /proc
     * (read again, the same names) are the kernel's own, not looked at one
     * by one: a grant among them is checked when the ruleset is made
     * (landlock_sys.c: the object planned, or nothing) */
    const char *procs = NULL;
    hashmap granted;                  /* the grants' paths */
    hm_init(&granted);
    for (size_t i = 0; i < p->ng; i++) hm_put(&granted, p->g[i].path, strlen(p->g[i].path), &p->g[i]);
    int bad = 0;
    while (!bad && rd_tag(r, 'O')) {
        for (int k = 0; k < 10 && !bad; k++)
            if (rd_num(r, &x[k], ' ')) bad = 1;
        const char *path = bad ? NULL : rd_bytes(r);
        if (!path) { bad = 1; break; }
        ll_seen s = { path, (int)x[0], (int)x[1], (unsigned)x[2], x[3], x[4],
                      (long long)x[5], (long long)x[6], (long long)x[7], (long long)x[8], 0, NULL, 0 };
        int recent = x[9] != 0;
        if (s.listed) {
            unsigned long long lok, cnt;
            if (!rd_tag(r, 'L') || rd_num(r, &lok, ' ') || rd_num(r, &cnt, '\n') || cnt > (unsigned long long)(r->end - r->p)) {
                bad = 1;
                break;
            }
            const char **names = arena_alloc(a, ((size_t)cnt + 1) * sizeof *names);
            for (size_t k = 0; k < cnt && !bad; k++)
                if (!(names[k] = rd_bytes(r))) bad = 1;
            if (bad) break;
            s.list_ok = lok != 0;
            s.names = names;
            s.nnames = (size_t)cnt;
        }
        int in_procs = procs && !strncmp(path, procs, strlen(procs)) && path[strlen(procs)] == '/' &&
                       !strchr(path + strlen(procs) + 1, '/');
        /* a grant's own path is checked when the ruleset is built: the
         * object planned, or the caller plans again */
        const ll_grant *g = s.listed ? NULL : hm_get(&granted, path, strlen(path));
        int at_grant = g && s.ok && (S_ISDIR(s.mode) != 0) == (g->is_dir != 0);
        if (!in_procs && !at_grant && !seen_holds(&s, recent, a)) {
            bad = 1;
            *why = s.listed ? arena_printf(a, "an entry was made, removed or renamed in %s, which it read", path)
                            : arena_printf(a, "%s is not as it was (made, removed or replaced)", path);
        }
        if (s.listed == LL_LISTED_NO_PIDS) procs = path;
        p->nseen++;
    }
    hm_free(&granted);
    if (bad) return -1;
    if (!rd_tag(r, 'T') || !(*summary = rd_bytes(r))) return -1;
    if (!rd_tag(r, 'E') || r->p != r->end) return -1;
    return 0;
}

/* The body of the entry for key, read whole and matching its digest
 * (NUL-terminated), or NULL. */
static char *read_body(int dirfd, uint64_t key, arena *a, cache_entry *e)
{
    if (cache_load(dirfd, key, a, e) != 0) return NULL;
    char *body = arena_alloc(a, e->len + 1);
    size_t got = 0;
    while (got < e->len) {
        ssize_t n = pread(e->fd, body + got, e->len - got, (off_t)(e->body_off + got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += (size_t)n;
    }
    close(e->fd);
    if (got != e->len || digest_wide(body, e->len) != e->body_digest) return NULL;
    body[e->len] = 0;
    return body;
}

int ll_cache_lookup(int dirfd, uint64_t key, const ll_cache_in *in, arena *a, ll_plan *p, const char **summary,
                    const char **vsummary, const char **why)
{
    memset(p, 0, sizeof *p);
    *why = NULL;
    cache_entry e;
    char *body = read_body(dirfd, key, a, &e);
    if (!body) return -1;
    rd r = { body, body + e.len };
    if (parse_plan(&r, in, &e, a, p, summary, why) != 0) {
        ll_plan_free(p);
        return -1;
    }
    *vsummary = NULL;
    if (in->rq->verbose) {
        cache_entry ve;
        char *vb = read_body(dirfd, key ^ VERBOSE_KEY, a, &ve);
        char want[20];
        snprintf(want, sizeof want, "%016" PRIx64 "\n", e.body_digest);
        if (!vb || ve.len < 17 || memcmp(vb, want, 17) != 0) {
            ll_plan_free(p);
            return -1;
        }
        *vsummary = vb + 17;
    }
    return 0;
}
