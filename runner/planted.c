/* planted.c - the denied paths a sandboxed command made where Landlock
 * could not refuse it (class new-paths: docs/linux.md, "Denies inside a
 * writable directory"), and the links out of the working directory it left
 * (link_scan.c), remembered in the file "planted" of the run cache
 * directory (which no sandbox reads or writes) until they are gone: the
 * check after the run names them, and the next run would otherwise take one
 * the user left for the user's own (mounted read-only, trusted).  One line
 * per path, "DEV INO BIRTH PATH" (a newline in PATH written \n, a backslash
 * \\); INO 0 for one that could not be looked at
 * (whatever is there when it can be).  Locked while read or written. */
#define _GNU_SOURCE
#include "made_by.h"
#include "planted.h"
#include "path_text.h"
#include "run_profile.h"
#include "runner.h"
#include "../support/strbuf.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct ident { unsigned long long dev, ino, birth; } ident;

/* what path is now: 0, or -1 when nothing is there, -2 when it cannot be looked at */
/* what dirfd/name is now (AT_FDCWD: name a path): 0, or -1 when nothing
 * is there, -2 when it cannot be looked at */
static int ident_at(int dirfd, const char *name, ident *id)
{
    memset(id, 0, sizeof *id);
#if defined(__linux__) && defined(STATX_BTIME)
    struct statx sx;
    if (statx(dirfd, name, AT_SYMLINK_NOFOLLOW, STATX_INO | STATX_BTIME, &sx) == 0) {
        id->dev = ((unsigned long long)sx.stx_dev_major << 32) | sx.stx_dev_minor;
        id->ino = sx.stx_ino;
        if (sx.stx_mask & STATX_BTIME)
            id->birth = (unsigned long long)sx.stx_btime.tv_sec * 1000000000ull + sx.stx_btime.tv_nsec;
        return 0;
    }
    if (errno != ENOSYS) return errno == ENOENT || errno == ENOTDIR ? -1 : -2;
#endif
    struct stat st;
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return errno == ENOENT || errno == ENOTDIR ? -1 : -2;
    id->dev = (unsigned long long)st.st_dev;
    id->ino = (unsigned long long)st.st_ino;
    return 0;
}

/* what path is now; one longer than the kernel takes at once (a link the
 * walk after the run named, below long directory names) one directory at
 * a time, links on its way not followed */
static int ident_of(const char *path, ident *id)
{
    if (strlen(path) < PATH_MAX || path[0] != '/') return ident_at(AT_FDCWD, path, id);
    memset(id, 0, sizeof *id);
    int fd = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
    const char *c = path;
    for (;;) {
        while (*c == '/') c++;
        size_t n = strcspn(c, "/");
        const char *rest = c + n;
        while (*rest == '/') rest++;
        if (fd < 0 || n >= NAME_MAX + 1) {
            if (fd >= 0) close(fd);
            return -2;
        }
        char name[NAME_MAX + 1];
        memcpy(name, c, n);
        name[n] = 0;
        if (!*rest) {
            int r = ident_at(fd, name, id);
            close(fd);
            return r;
        }
        int next = openat(fd, name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        int err = errno;
        close(fd);
        if (next < 0) return err == ENOENT || err == ENOTDIR ? -1 : -2;
        fd = next;
        c = rest;
    }
}

/* the file, locked; -1 when there is none (create: made), with *why when
 * it cannot be used */
static int planted_open(arena *a, const run_request *rq, int create, const char **why, int *dirfd)
{
    if (dirfd) *dirfd = -1;
    cache_where w;
    char dir[PATH_MAX];
    *why = "this user has no home directory in the password database";
    if (runner_cache_where(a, rq->cache_parent, &w) != 0) return -1;
    /* only a record makes the directory (a run with --no-cache leaves none);
     * one that cannot be looked at may hold one */
    struct stat st;
    *why = NULL;
    if (!create && lstat(arena_printf(a, "%s/%s", w.parent, w.name), &st) != 0) {
        if (errno != ENOENT && errno != ENOTDIR)
            *why = arena_printf(a, "%s/%s cannot be looked at (%s)", w.parent, w.name, strerror(errno));
        return -1;
    }
    int dfd = runner_cache_open(&w, dir, sizeof dir, why);
    if (dfd < 0) {
        *why = arena_printf(a, "%s/%s is not safe: %s", w.parent, w.name, *why);
        return -1;
    }
    int fd = openat(dfd, "planted", O_RDWR | O_NOFOLLOW | O_CLOEXEC | (create ? O_CREAT : 0), 0600);
    int err = errno;
    if (fd < 0 && err == ENOENT && !create) { close(dfd); return -1; }    /* nothing remembered */
    if (fd < 0) {
        close(dfd);
        *why = arena_printf(a, "%s/planted cannot be opened (%s): chmod 600 it, and 700 its directory", dir,
                            strerror(err));
        return -1;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() || flock(fd, LOCK_EX) != 0) {
        *why = arena_printf(a, "%s/planted is not a file of this user's", dir);
        close(fd);
        close(dfd);
        return -1;
    }
    if (dirfd) *dirfd = dfd;
    else close(dfd);
    return fd;
}

/* a line each: a newline in the path written "\n", a backslash "\\" */
static void put_line(strbuf *out, const ident *id, const char *path)
{
    sb_printf(out, "%llu %llu %llu ", id->dev, id->ino, id->birth);
    for (const char *c = path; *c; c++) {
        if (*c == '\n') sb_puts(out, "\\n");
        else if (*c == '\\') sb_puts(out, "\\\\");
        else sb_putc(out, *c);
    }
    sb_putc(out, '\n');
}

/* the path of a line, as put_line wrote it, in place */
static char *path_of_line(char *p)
{
    char *w = p;
    for (const char *r = p; *r; r++) {
        if (*r == '\\' && r[1] == 'n') { *w++ = '\n'; r++; }
        else if (*r == '\\' && r[1] == '\\') { *w++ = '\\'; r++; }
        else *w++ = *r;
    }
    *w = 0;
    return p;
}

static int write_all(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

int planted_reserve(arena *a, const run_request *rq, const char *const *paths, size_t n, planted_hold *h,
                    const char **why)
{
    *why = NULL;
    h->fd = h->dirfd = h->pfd = -1;
    if (!n) return 0;
    int fd = planted_open(a, rq, 1, why, &h->dirfd);
    if (fd < 0) return -1;
    /* a line each: three numbers of 20 digits at most, spaces, the path */
    off_t need = 0;
    for (size_t i = 0; i < n; i++) need += (off_t)strlen(paths[i]) + 64;
    struct stat st, dst;
    if (fstat(fd, &st) != 0 || fstat(h->dirfd, &dst) != 0) {
        *why = "its record cannot be examined";
        close(fd);
        close(h->dirfd);
        h->dirfd = -1;
        return -1;
    }
#if defined(__linux__) && defined(FALLOC_FL_KEEP_SIZE)
    if (fallocate(fd, FALLOC_FL_KEEP_SIZE, st.st_size, need) != 0 && errno != EOPNOTSUPP && errno != ENOSYS) {
        *why = arena_printf(a, "space for its record cannot be kept: %s", strerror(errno));
        close(fd);
        close(h->dirfd);
        h->dirfd = -1;
        return -1;
    }
#else
    (void)need;
#endif
    /* kept open through the run (closed in the command's process): the
     * command may change the modes of the file and its directory (they are
     * the user's, and modes are metadata), not what this descriptor may do */
    flock(fd, LOCK_UN);
    h->fd = fd;
    h->fmode = (unsigned)(st.st_mode & 07777);
    h->dmode = (unsigned)(dst.st_mode & 07777);
    /* and the directory it is in (~/.cache), when ours: without search
     * permission there the next run could not reach the record */
    struct stat pst;
    h->pfd = openat(h->dirfd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (h->pfd >= 0 && (fstat(h->pfd, &pst) != 0 || pst.st_uid != geteuid())) {
        close(h->pfd);
        h->pfd = -1;
    }
    if (h->pfd >= 0) h->pmode = (unsigned)(pst.st_mode & 07777);
    return 0;
}

const char *planted_restore(arena *a, planted_hold *h)
{
    if (h->fd < 0) return NULL;
    struct stat st, dst;
    strbuf b;
    sb_init(&b);
    if (fstat(h->dirfd, &dst) == 0 && (unsigned)(dst.st_mode & 07777) != h->dmode) {
        sb_printf(&b, "the run cache directory's mode (%04o, put back to %04o)", (unsigned)(dst.st_mode & 07777), h->dmode);
        (void)fchmod(h->dirfd, (mode_t)h->dmode);
    }
    if (fstat(h->fd, &st) == 0 && (unsigned)(st.st_mode & 07777) != h->fmode) {
        sb_printf(&b, "%sthe mode of its file planted (%04o, put back to %04o)", b.len ? " and " : "",
                  (unsigned)(st.st_mode & 07777), h->fmode);
        (void)fchmod(h->fd, (mode_t)h->fmode);
    }
    struct stat pst;
    if (h->pfd >= 0 && fstat(h->pfd, &pst) == 0 && (unsigned)(pst.st_mode & 07777) != h->pmode) {
        char proc[64], where[PATH_MAX];
        snprintf(proc, sizeof proc, "/proc/self/fd/%d", h->pfd);
        ssize_t wn = readlink(proc, where, sizeof where - 1);
        where[wn > 0 ? wn : 0] = 0;
        sb_printf(&b, "%sthe mode of %s, where the run cache directory is (%04o, put back to %04o)", b.len ? " and " : "",
                  wn > 0 ? where : "the directory", (unsigned)(pst.st_mode & 07777), h->pmode);
        (void)fchmod(h->pfd, (mode_t)h->pmode);
    }
    const char *r = b.len ? arena_strdup(a, sb_cstr(&b)) : NULL;
    sb_free(&b);
    return r;
}

void planted_release(planted_hold *h)
{
    if (h->fd >= 0) close(h->fd);
    if (h->dirfd >= 0) close(h->dirfd);
    if (h->pfd >= 0) close(h->pfd);
    h->fd = h->dirfd = h->pfd = -1;
}

int planted_add(arena *a, const run_request *rq, planted_hold *h, const char *const *paths, size_t n,
                const char **why)
{
    *why = NULL;
    if (!n) return 0;
    int held = h && h->fd >= 0;
    int fd = held ? h->fd : planted_open(a, rq, 1, why, NULL);
    if (fd < 0) return -1;
    if (held && flock(fd, LOCK_EX) != 0) {
        *why = "its record cannot be locked";
        return -1;
    }
    strbuf out;
    sb_init(&out);
    for (size_t i = 0; i < n; i++) {
        ident id;
        if (ident_of(paths[i], &id) != 0) memset(&id, 0, sizeof id);
        put_line(&out, &id, paths[i]);
    }
    int rc = 0;
    if (lseek(fd, 0, SEEK_END) < 0 || write_all(fd, sb_cstr(&out), out.len) != 0 || fsync(fd) != 0) {
        *why = arena_printf(a, "its record cannot be written: %s", strerror(errno));
        rc = -1;
    }
    sb_free(&out);
    if (held) flock(fd, LOCK_UN);
    else close(fd);
    return rc;
}

/* The modes on the way to the record, ours, put back when they lack what
 * buckle needs (a sandboxed command of the same user may change them:
 * they are metadata, which Landlock does not control; a record that cannot
 * be read would be forgotten), saying so: the directory the run cache is
 * in (~/.cache: the owner's read, write and search added), the run cache
 * directory (0700) and the record (0600), from the top.  A directory
 * further up is left as it is (the run is refused if the record cannot be
 * reached: planted_check). */
static void heal_modes(arena *a, const run_request *rq, diag_sink *sink)
{
    cache_where w;
    if (runner_cache_where(a, rq->cache_parent, &w) != 0) return;
    const char *dir = arena_printf(a, "%s/%s", w.parent, w.name);
    const char *paths[3] = { w.parent, dir, arena_printf(a, "%s/planted", dir) };
    const unsigned want[3] = { 0700, 0700, 0600 };
    for (int k = 0; k < 3; k++) {
        struct stat st;
        /* ~/.cache may be a link (to a disk of its own): where it leads */
        if ((k ? lstat(paths[k], &st) : stat(paths[k], &st)) != 0 || st.st_uid != geteuid() ||
            !(k == 2 ? S_ISREG(st.st_mode) : S_ISDIR(st.st_mode))) {
            if (k) return;
            continue;       /* another's ~/.cache (made by sudo): the rest may still be ours */
        }
        unsigned m = (unsigned)(st.st_mode & 07777);
        if ((m & want[k]) == want[k]) continue;
        /* ~/.cache keeps its other bits: only the owner's added */
        unsigned to = k == 0 ? m | want[k] : want[k];
        if (chmod(paths[k], (mode_t)to) == 0)
            run_say(sink, SEV_WARNING, "%s had mode %04o, which kept buckle from reading or writing what sandboxed "
                                       "commands planted; put back to %04o (a command run as you did this, or you)",
                    paths[k], m, to);
    }
}

/* The first directory of this user's on the way to the record (or the
 * record itself) whose modes keep this user from it, said ("/h/.cache/x
 * has mode 0000"), or NULL: none, the record is missing, or something
 * else keeps buckle from it. */
static const char *own_mode_in_the_way(arena *a, const run_request *rq)
{
    cache_where w;
    /* modes keep nothing from root */
    if (geteuid() == 0 || runner_cache_where(a, rq->cache_parent, &w) != 0) return NULL;
    const char *path = arena_printf(a, "%s/%s/planted", w.parent, w.name);
    size_t len = strlen(path);
    for (size_t end = 1; end <= len; end++) {
        if (end < len && path[end] != '/') continue;
        const char *p = arena_strndup(a, path, end);
        struct stat st;
        if (stat(p, &st) != 0) return NULL;
        int last = end == len, dir = S_ISDIR(st.st_mode);
        /* the file: read; its directory: read and search; the rest: search */
        unsigned need = last ? 4 : dir && path[end] == '/' && !strchr(path + end + 1, '/') ? 5 : 1;
        unsigned have = st.st_uid == geteuid() ? (st.st_mode >> 6) & 7u : 7u;
        if (st.st_uid == geteuid() && (have & need) != need)
            return arena_printf(a, "%s has mode %04o", p, (unsigned)(st.st_mode & 07777));
    }
    return NULL;
}

/* The record opened to be read only, where the run cache directory is
 * there but not safe (its modes or an ancestor's let another user write):
 * what it remembers still counts.  The descriptor, or -1 (nothing there:
 * *why NULL; else why it cannot be read). */
static int planted_open_read(arena *a, const run_request *rq, const char **why)
{
    cache_where w;
    char real[PATH_MAX];
    *why = NULL;
    if (runner_cache_where(a, rq->cache_parent, &w) != 0) return -1;
    if (!realpath(w.parent, real)) {
        if (errno != ENOENT && errno != ENOTDIR) *why = arena_printf(a, "%s does not resolve (%s)", w.parent, strerror(errno));
        return -1;
    }
    const char *dir = arena_printf(a, "%s/%s", strcmp(real, "/") ? real : "", w.name);
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    int fd = dfd < 0 ? -1 : openat(dfd, "planted", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    int err = errno;
    if (dfd >= 0) close(dfd);
    struct stat st;
    if (fd < 0) {
        if (err != ENOENT) *why = arena_printf(a, "%s%s cannot be opened (%s)", dir, dfd < 0 ? "" : "/planted", strerror(err));
        return -1;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() || flock(fd, LOCK_SH) != 0) {
        *why = arena_printf(a, "%s/planted is not a file of this user's", dir);
        close(fd);
        return -1;
    }
    return fd;
}

size_t planted_check(arena *a, const run_request *rq, diag_sink *sink, const char *const *scope, size_t nscope)
{
    const char *why = NULL;
    heal_modes(a, rq, sink);
    int fd = planted_open(a, rq, 0, &why, NULL), readonly = 0;
    if (fd < 0 && why) {
        const char *unsafe = why;
        fd = planted_open_read(a, rq, &why);
        readonly = 1;
        if (fd < 0 && why) why = arena_printf(a, "%s; %s", unsafe, why);
    }
    /* a record that is there and cannot be read because of the modes of a
     * directory of this user's on its way (a command run as the user may
     * have changed them): what an earlier run's command planted would be
     * taken for the user's own.  A record kept from buckle otherwise (the
     * sandbox of a `buckle run` this one runs inside, another user's
     * directory) is not the command's doing: warned of before the run
     * (planted_reserve) */
    const char *moded = fd < 0 && why ? own_mode_in_the_way(a, rq) : NULL;
    if (moded) why = arena_printf(a, "%s; %s", why, moded);
    if (fd < 0 && moded) {
        run_say(sink, SEV_ERROR, "buckle cannot read its record of what the sandboxed commands of earlier runs planted "
                                 "(%s): a path one of them made would be taken for your own; look at the modes of "
                                 "those directories (a command run as you may have changed them); nothing was run", why);
        return 1;
    }
    if (fd < 0) return 0;
    strbuf in, out;
    sb_init(&in);
    sb_init(&out);
    char buf[4096];
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        sb_add(&in, buf, (size_t)r);
    }
    size_t said = 0, kept = 0;
    char *s = in.len ? arena_strndup(a, sb_cstr(&in), in.len) : NULL;
    while (s && *s) {
        char *nl = strchr(s, '\n');
        if (!nl) break;
        *nl = 0;
        ident was, now;
        int used = 0;
        if (sscanf(s, "%llu %llu %llu %n", &was.dev, &was.ino, &was.birth, &used) == 3 && used > 0 && s[used] == '/') {
            const char *path = path_of_line(s + used);
            int r = ident_of(path, &now);
            /* there, and the same file (or not known yet); or not to be looked at */
            int same = r == 0 && (was.ino == 0 || (now.dev == was.dev && now.ino == was.ino && now.birth == was.birth));
            int here = 0;
            for (size_t k = 0; k < nscope && !here; k++) here = runner_path_within(path, scope[k]);
            /* or in a directory at or above the working directory (scope[0]):
             * git's repositories above the project, its hooks' files */
            const char *sl = strrchr(path, '/');
            if (!here && nscope && sl)
                here = runner_path_within(scope[0], sl == path ? "/" : arena_strndup(a, path, (size_t)(sl - path)));
            if ((same || r == -2) && !here) {
                kept++;
                put_line(&out, r == 0 && was.ino == 0 ? &now : &was, path);
            } else if (same || r == -2) {
                run_say(sink, SEV_ERROR, "%s was made by the sandboxed command of an earlier run where the profile "
                                         "denies writing it, or is a symbolic link it left leading out of the working "
                                         "directory (that run named it and failed), and it is still there%s: "
                                         "look at it and remove it; to keep it, make it again outside the sandbox%s; "
                                         "nothing was run", path, r == -2 ? " (or cannot be looked at)" : "",
                        runner_made_by(path));
                said++;
                kept++;
                put_line(&out, r == 0 ? &now : &was, path);
            }
        }
        s = nl + 1;
    }
    /* what is gone is forgotten: the lines kept written over the old ones,
     * then cut (a line whose file is now known may be longer: when that
     * cannot be written, on a full disk, the old lines are put back, which
     * takes no new space) */
    if (!readonly && lseek(fd, 0, SEEK_SET) == 0) {
        if (!kept || write_all(fd, sb_cstr(&out), out.len) == 0) (void)ftruncate(fd, (off_t)out.len);
        else if (lseek(fd, 0, SEEK_SET) == 0) (void)write_all(fd, in.data, in.len);
    }
    sb_free(&in);
    sb_free(&out);
    close(fd);
    return said;
}
