/* profile_cache.c - the run cache's file format, validation and atomic store.
 *
 *   buckle-run-cache 1 KEY SUM HEADERLEN\n SUM: digest of the rest of the header,
 *                                        HEADERLEN: bytes up to the profile
 *   F DIGEST SIZE PATHLEN\nPATH\n        a file read
 *   P FOUND PATHLEN\nPATH\n              an extends candidate
 *   A NAMELEN DEFLEN HASDEF\nNAME DEF\n   a parameter the profile uses
 *   S LEN DIGEST\nPROFILE\nE\n            the compiled profile (without the runner's
 *                                        protection, which every run appends
 *                                        itself), its digest, the end mark
 *
 * The profile's digest is checked as it is copied to the run's own file; a
 * mismatch is a miss (the copy is removed and the profile compiled again).
 * Besides entries the directory holds "ok-DIGEST" marks: this exact profile
 * text, with these parameters and this command, was checked by the evaluator
 * (protection holds, exec allowed), so the next identical run need not
 * evaluate it again.
 *
 * "vs-STATE" marks: the files an entry depends on, in the state STATE
 * digests (each one's path, digest, device, inode, size, mtime and ctime),
 * were read whole and matched; a lookup that finds the mark stats them
 * instead of reading them.
 *
 * And "vb-STATE" marks: the entry file, in the state STATE digests (key,
 * body digest, device, inode, size, mtime and ctime to the nanosecond), was
 * read whole and its profile matched the digest; a run that finds the mark
 * copies the profile without digesting it.  Writing to the file, renaming
 * another file over it or setting its times all move its ctime, which only
 * the kernel sets, so a changed entry has another state and no mark.  Only
 * a process outside every sandbox buckle writes can write this directory at
 * all, and such a process could as well write an entry whose digest
 * matches: the mark removes no check that held against anyone.
 *
 * Every string is length-prefixed, so paths may hold any byte.  A lookup
 * reads the header only; the profile is copied from the open entry to the
 * run's own profile file in chunks. */
#define _POSIX_C_SOURCE 200809L
#include "profile_cache.h"
#include "../support/digest.h"
#include "../support/strbuf.h"
#include "../support/fd_io.h"
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif
#define MAGIC "buckle-run-cache 2 "
#define MAX_ENTRY (256u << 20)

uint64_t cache_key(const char *const *parts, size_t n)
{
    uint64_t h = 0x6275636b6c65ull;
    for (size_t i = 0; i < n; i++) {
        const char *s = parts[i] ? parts[i] : "";
        h = digest64(s, strlen(s), h + i);
    }
    return h;
}

static void entry_name(char *out, size_t n, uint64_t key)
{
    snprintf(out, n, "cache-%016" PRIx64 ".bc", key);
}

int cache_name_matches(const char *name)
{
    if (!strncmp(name, "ok-", 3) || !strncmp(name, "vb-", 3) || !strncmp(name, "vs-", 3)) return strspn(name + 3, "0123456789abcdef") == 16 && !name[19];
    if (strncmp(name, "cache-", 6) != 0) return 0;
    const char *p = name + 6;
    if (strspn(p, "0123456789abcdef") != 16 || strncmp(p + 16, ".bc", 3) != 0) return 0;
    p += 19;
    if (!*p) return 1;
    return strncmp(p, ".tmp-", 5) == 0 && strspn(p + 5, "0123456789abcdef") == 16 && !p[21];
}

#ifdef __APPLE__
#define MTIME(st) ((st)->st_mtimespec)
#define CTIME(st) ((st)->st_ctimespec)
#else
#define MTIME(st) ((st)->st_mtim)
#define CTIME(st) ((st)->st_ctim)
#endif

/* A file read by the compilation: same size and same bytes?  Read through
 * a small buffer: a cached run should not touch a source's worth of fresh
 * memory to digest it. */
static int file_unchanged(const char *path, size_t size, uint64_t digest)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    struct stat st;
    int ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size == size;
    unsigned char buf[16384];
    size_t have = 0;                 /* bytes in buf not digested yet (< 8 between reads) */
    uint64_t total = 0;
    digest_ctx d;
    digest_begin(&d, size, 0);
    while (ok) {
        ssize_t r = read(fd, buf + have, sizeof buf - have);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) { ok = r == 0 && total == size; break; }
        have += (size_t)r;
        total += (uint64_t)r;
        if (total > size) { ok = 0; break; }     /* it grew */
        size_t whole = have & ~(size_t)7;
        digest_words(&d, buf, whole);
        memmove(buf, buf + whole, have - whole);
        have -= whole;
    }
    close(fd);
    return ok && digest_end(&d, buf, have) == digest;
}

typedef struct cursor { const char *p, *end; } cursor;

static int take_u64(cursor *c, uint64_t *v, int base, char stop)
{
    char *e;
    if (c->p >= c->end || (!(*c->p >= '0' && *c->p <= '9') && !(base == 16 && *c->p >= 'a' && *c->p <= 'f'))) return -1;
    errno = 0;
    unsigned long long x = strtoull(c->p, &e, base);
    if (errno || e >= c->end || *e != stop) return -1;
    *v = x;
    c->p = e + 1;
    return 0;
}

static const char *take_bytes(cursor *c, uint64_t n, arena *a, char stop)
{
    if (n >= (uint64_t)(c->end - c->p) || c->p[n] != stop) return NULL;
    const char *s = arena_strndup(a, c->p, (size_t)n);
    c->p += n + 1;
    return s;
}

/* The header after its first line, up to and including "S LEN\n". */
static int parse(cursor *c, arena *a, cache_entry *e)
{
    uint64_t n1, n2, n3;
    size_t cap_f = 0, cap_p = 0, cap_a = 0;
    for (;;) {
        if (c->end - c->p < 2 || c->p[1] != ' ') return -1;
        char tag = *c->p;
        c->p += 2;
        if (tag == 'F') {
            if (take_u64(c, &n1, 16, ' ') || take_u64(c, &n2, 10, ' ') || take_u64(c, &n3, 10, '\n')) return -1;
            const char *path = take_bytes(c, n3, a, '\n');
            if (!path) return -1;
            e->files = arena_grow(a, e->files, e->nfiles, cap_f, sizeof *e->files);
            e->digests = arena_grow(a, e->digests, e->nfiles, cap_f, sizeof *e->digests);
            e->sizes = arena_grow(a, e->sizes, e->nfiles, cap_f, sizeof *e->sizes);
            cap_f = arena_grow_cap(e->nfiles, cap_f);
            e->files[e->nfiles] = path;
            e->digests[e->nfiles] = n1;
            e->sizes[e->nfiles++] = (size_t)n2;
        } else if (tag == 'P') {
            if (take_u64(c, &n1, 10, ' ') || n1 > 1 || take_u64(c, &n2, 10, '\n')) return -1;
            const char *path = take_bytes(c, n2, a, '\n');
            if (!path) return -1;
            e->probes = arena_grow(a, e->probes, e->nprobes, cap_p, sizeof *e->probes);
            cap_p = arena_grow_cap(e->nprobes, cap_p);
            e->probes[e->nprobes++] = (file_probe){ path, (int)n1 };
        } else if (tag == 'A') {
            if (take_u64(c, &n1, 10, ' ') || take_u64(c, &n2, 10, ' ') || take_u64(c, &n3, 10, '\n') || n3 > 1) return -1;
            const char *name = take_bytes(c, n1, a, ' ');
            const char *def = name ? take_bytes(c, n2, a, '\n') : NULL;
            if (!def) return -1;
            e->params = arena_grow(a, e->params, e->nparams, cap_a, sizeof *e->params);
            cap_a = arena_grow_cap(e->nparams, cap_a);
            e->params[e->nparams++] = (cache_param){ name, n3 ? def : NULL };
        } else if (tag == 'S') {
            if (take_u64(c, &n1, 10, ' ') || take_u64(c, &n2, 16, '\n') || c->p != c->end) return -1;
            e->len = (size_t)n1;
            e->body_digest = n2;
            return 0;
        } else {
            return -1;
        }
    }
}

static int pread_all(int fd, char *buf, size_t n, uint64_t off)
{
    while (n) {
        ssize_t r = pread(fd, buf, n, (off_t)off);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        buf += r;
        n -= (size_t)r;
        off += (uint64_t)r;
    }
    return 0;
}

static int files_unchanged(int dirfd, uint64_t key, const cache_entry *e);

static uint64_t entry_state(uint64_t key, uint64_t body_digest, const struct stat *st)
{
    uint64_t v[9] = { key, body_digest, (uint64_t)st->st_dev, (uint64_t)st->st_ino, (uint64_t)st->st_size,
                      (uint64_t)MTIME(st).tv_sec, (uint64_t)MTIME(st).tv_nsec,
                      (uint64_t)CTIME(st).tv_sec, (uint64_t)CTIME(st).tv_nsec };
    return digest64(v, sizeof v, 0x7662);
}

int cache_load(int dirfd, uint64_t key, arena *a, cache_entry *out)
{
    char path[64], first[128];
    memset(out, 0, sizeof *out);
    out->fd = -1;
    entry_name(path, sizeof path, key);
    int fd = openat(dirfd, path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st;
    uint64_t k, sum, hlen;
    ssize_t got;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 077) ||
        (got = pread(fd, first, sizeof first - 1, 0)) <= 0)
        goto miss;
    first[got] = 0;
    size_t ml = strlen(MAGIC);
    cursor c = { first, first + got };
    if ((size_t)got < ml || memcmp(first, MAGIC, ml) != 0) goto miss;
    c.p += ml;
    if (take_u64(&c, &k, 16, ' ') || k != key || take_u64(&c, &sum, 16, ' ') || take_u64(&c, &hlen, 10, '\n'))
        goto miss;
    uint64_t line = (uint64_t)(c.p - first);
    if (hlen < line || hlen > (uint64_t)st.st_size || hlen > MAX_ENTRY) goto miss;
    char *hdr = arena_alloc(a, (size_t)(hlen - line) + 1);
    if (pread_all(fd, hdr, (size_t)(hlen - line), line)) goto miss;
    hdr[hlen - line] = 0;
    if (digest64(hdr, (size_t)(hlen - line), 0) != sum) goto miss;
    c = (cursor){ hdr, hdr + (hlen - line) };
    if (parse(&c, a, out) != 0) goto miss;
    /* the body and the end mark are all there */
    char tail[3];
    if ((uint64_t)out->len > (uint64_t)st.st_size || (uint64_t)st.st_size != hlen + out->len + 3 ||
        pread_all(fd, tail, 3, hlen + out->len) ||
        memcmp(tail, "\nE\n", 3) != 0)
        goto miss;
    int ok = 1;
    for (size_t i = 0; ok && i < out->nprobes; i++) {
        struct stat ps;
        int found = stat(out->probes[i].path, &ps) == 0 && S_ISREG(ps.st_mode);
        ok = found == out->probes[i].found;
    }
    if (ok) ok = files_unchanged(dirfd, key, out);
    if (!ok) goto miss;
    out->fd = fd;
    out->body_off = hlen;
    out->state = entry_state(key, out->body_digest, &st);
    return 0;
miss:
    close(fd);
    memset(out, 0, sizeof *out);
    out->fd = -1;
    return -1;
}

int cache_store(int dirfd, uint64_t key, const cache_entry *e)
{
    char final[64], tmp[128];
    entry_name(final, sizeof final, key);
    uint64_t r = digest64(&e, sizeof e, (uint64_t)getpid() ^ (uint64_t)time(NULL) << 20 ^ key);
    snprintf(tmp, sizeof tmp, "%s.tmp-%016" PRIx64, final, r);
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < e->nfiles; i++) {
        sb_printf(&b, "F %016" PRIx64 " %zu %zu\n", e->digests[i], e->sizes[i], strlen(e->files[i]));
        sb_puts(&b, e->files[i]);
        sb_putc(&b, '\n');
    }
    for (size_t i = 0; i < e->nprobes; i++) {
        sb_printf(&b, "P %d %zu\n", e->probes[i].found ? 1 : 0, strlen(e->probes[i].path));
        sb_puts(&b, e->probes[i].path);
        sb_putc(&b, '\n');
    }
    for (size_t i = 0; i < e->nparams; i++) {
        const char *d = e->params[i].def;
        sb_printf(&b, "A %zu %zu %d\n%s %s\n", strlen(e->params[i].name), d ? strlen(d) : 0, d != NULL,
                  e->params[i].name, d ? d : "");
    }
    sb_printf(&b, "S %zu %016" PRIx64 "\n", e->len, digest_wide(e->profile, e->len));
    char first[128];
    int fl = snprintf(first, sizeof first, MAGIC "%016" PRIx64 " %016" PRIx64 " ", key, digest64(b.data, b.len, 0));
    /* HEADERLEN counts its own digits */
    size_t hlen = (size_t)fl + b.len + 2;
    char num[32];
    for (;;) {
        int nl = snprintf(num, sizeof num, "%zu\n", hlen);
        if ((size_t)fl + (size_t)nl + b.len == hlen) break;
        hlen = (size_t)fl + (size_t)nl + b.len;
    }
    int rc = -1;
    int fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) {
        int ok = fd_write_all(fd, first, (size_t)fl) == 0 && fd_write_all(fd, num, strlen(num)) == 0 &&
                 fd_write_all(fd, b.data, b.len) == 0 && fd_write_all(fd, e->profile, e->len) == 0 &&
                 fd_write_all(fd, "\nE\n", 3) == 0;
        ok = close(fd) == 0 && ok;
        if (ok && renameat(dirfd, tmp, dirfd, final) == 0) rc = 0;
        else unlinkat(dirfd, tmp, 0);
    }
    sb_free(&b);
    return rc;
}

static int cache_mark_has(int dirfd, const char *kind, uint64_t v);
static void cache_mark_put(int dirfd, const char *kind, uint64_t v);

/* Every file the compilation read, unchanged: the files as they stand now
 * (device, inode, size, mtime, ctime) were read whole and matched their
 * digests before (their "vs-" mark), or they are read and digested now.
 * A file with more than one name is a miss.
 * The mark is left only when every file's times are at least
 * STABLE_SECONDS old: a file changed again within its timestamps'
 * granularity could otherwise keep them (as git's "racy clean" files). */
#define STABLE_SECONDS 2
static int files_unchanged(int dirfd, uint64_t key, const cache_entry *e)
{
    uint64_t v = digest64(&key, sizeof key, 0x7673);
    int stable = 1;
    time_t now = time(NULL);
    for (size_t i = 0; i < e->nfiles; i++) {
        struct stat st;
        /* a file given a second name since (a hard link) is judged by a
         * cold run: a Linux run refuses it (source_modes.c) */
        if (stat(e->files[i], &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size != e->sizes[i] ||
            st.st_nlink != 1)
            return 0;
        uint64_t f[8] = { e->digests[i], (uint64_t)st.st_dev, (uint64_t)st.st_ino, (uint64_t)st.st_size,
                          (uint64_t)MTIME(&st).tv_sec, (uint64_t)MTIME(&st).tv_nsec,
                          (uint64_t)CTIME(&st).tv_sec, (uint64_t)CTIME(&st).tv_nsec };
        v = digest64(f, sizeof f, digest64(e->files[i], strlen(e->files[i]) + 1, v));
        if (now - MTIME(&st).tv_sec < STABLE_SECONDS || now - CTIME(&st).tv_sec < STABLE_SECONDS) stable = 0;
    }
    if (stable && cache_mark_has(dirfd, "vs", v)) return 1;
    for (size_t i = 0; i < e->nfiles; i++)
        if (!file_unchanged(e->files[i], e->sizes[i], e->digests[i])) return 0;
    if (stable) cache_mark_put(dirfd, "vs", v);
    return 1;
}

static int cache_mark_has(int dirfd, const char *kind, uint64_t v)
{
    char name[32];
    snprintf(name, sizeof name, "%s-%016" PRIx64, kind, v);
    struct stat st;
    return fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
           !(st.st_mode & 077);
}

static void cache_mark_put(int dirfd, const char *kind, uint64_t v)
{
    char name[32];
    snprintf(name, sizeof name, "%s-%016" PRIx64, kind, v);
    int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) close(fd);
}

int cache_verdict_has(int dirfd, uint64_t v)
{
    return cache_mark_has(dirfd, "ok", v);
}

void cache_verdict_put(int dirfd, uint64_t v)
{
    cache_mark_put(dirfd, "ok", v);
}

int cache_body_checked(int dirfd, const cache_entry *e)
{
    return cache_mark_has(dirfd, "vb", e->state);
}

void cache_body_checked_put(int dirfd, const cache_entry *e)
{
    cache_mark_put(dirfd, "vb", e->state);
}
