/* landlock_mounts.c - the mount table (/proc/self/mountinfo), for the names
 * a directory has through other mounts of the same filesystem (bind mounts):
 * a Landlock grant belongs to a directory, not to a path, so a grant that
 * reaches a directory through one mount reaches it through every other
 * (docs/linux.md, "Bind mounts"). */
#include "landlock_mounts.h"
#include "../support/digest.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* p at or beneath x */
static int at_or_under(const char *p, size_t pl, const char *x, size_t xl)
{
    if (xl == 1 && x[0] == '/') return pl >= 1 && p[0] == '/';
    return pl >= xl && !memcmp(p, x, xl) && (pl == xl || p[xl] == '/');
}

/* the text of mountinfo: NULL when it cannot be read */
static char *read_all(arena *a, size_t *len)
{
    int fd = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) break;
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0) { free(buf); buf = NULL; break; }
        if (r == 0) break;
        n += (size_t)r;
    }
    close(fd);
    if (!buf) return NULL;
    char *out = arena_strndup(a, buf, n);
    free(buf);
    *len = n;
    return out;
}

/* a field of mountinfo, its octal escapes (\040 for a space) undone */
static const char *unescape(arena *a, const char *s, size_t n)
{
    char *o = arena_alloc(a, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 3 < n && s[i + 1] >= '0' && s[i + 1] <= '3' && s[i + 2] >= '0' && s[i + 2] <= '7' &&
            s[i + 3] >= '0' && s[i + 3] <= '7') {
            o[k++] = (char)((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0'));
            i += 3;
        } else o[k++] = s[i];
    }
    o[k] = 0;
    return o;
}

uint64_t ll_mounts_digest(arena *a)
{
    size_t n = 0;
    char *t = read_all(a, &n);
    return t ? digest64(t, n, 0x6d6e74) : 0;
}

void ll_mounts_read(arena *a, ll_mounts *m)
{
    memset(m, 0, sizeof *m);
    size_t len = 0;
    char *t = read_all(a, &len);
    if (!t) return;
    m->digest = digest64(t, len, 0x6d6e74);
    size_t lines = 1;
    for (size_t i = 0; i < len; i++) lines += t[i] == '\n';
    m->m = arena_alloc(a, lines * sizeof *m->m);
    for (char *line = t; line < t + len;) {
        char *nl = memchr(line, '\n', (size_t)(t + len - line));
        char *end = nl ? nl : t + len;
        /* ID PARENT MAJOR:MINOR ROOT MOUNTPOINT ... */
        const char *f[5];
        size_t fl[5];
        int nf = 0;
        for (char *p = line; p < end && nf < 5;) {
            while (p < end && *p == ' ') p++;
            char *s = p;
            while (p < end && *p != ' ') p++;
            if (p > s) { f[nf] = s; fl[nf] = (size_t)(p - s); nf++; }
        }
        if (nf == 5) {
            unsigned long maj = 0, min = 0;
            if (sscanf(arena_strndup(a, f[2], fl[2]), "%lu:%lu", &maj, &min) == 2) {
                ll_mount *x = &m->m[m->n++];
                x->dev = ((uint64_t)maj << 32) | min;
                x->root = unescape(a, f[3], fl[3]);
                x->mp = unescape(a, f[4], fl[4]);
            }
        }
        line = end + 1;
    }
    /* any two mounts of one filesystem where one's root holds the other's */
    for (size_t i = 0; i < m->n && !m->aliased; i++)
        for (size_t j = 0; j < m->n && !m->aliased; j++)
            if (i != j && m->m[i].dev == m->m[j].dev && m->m[i].root[0] == '/' && m->m[j].root[0] == '/' &&
                at_or_under(m->m[j].root, strlen(m->m[j].root), m->m[i].root, strlen(m->m[i].root)))
                m->aliased = 1;
}

/* what p has beneath from ("" or "/..."), p at or beneath from */
static const char *suffix(const char *p, const char *from)
{
    if (from[0] == '/' && from[1] == 0) return p[1] ? p : "";
    return p + strlen(from);
}

static const char *join(arena *a, const char *base, const char *suf)
{
    if (!*suf) return base;
    if (base[0] == '/' && base[1] == 0) return suf;
    return arena_printf(a, "%s%s", base, suf);
}

size_t ll_mount_aliases(arena *a, const ll_mounts *m, const char *path, ll_alias **out)
{
    *out = NULL;
    if (!m->aliased || path[0] != '/') return 0;
    size_t pl = strlen(path);
    /* the mount path is in: the longest mount point above it, the last
     * mounted of those (it hides the ones before) */
    const ll_mount *in = NULL;
    size_t best = 0;
    for (size_t i = 0; i < m->n; i++) {
        size_t l = strlen(m->m[i].mp);
        if (m->m[i].mp[0] != '/' || !at_or_under(path, pl, m->m[i].mp, l)) continue;
        if (!in || l >= best) { in = &m->m[i]; best = l; }
    }
    if (!in || in->root[0] != '/') return 0;
    /* where path is in its filesystem */
    const char *rel = join(a, in->root, suffix(path, in->mp));
    size_t rl = strlen(rel), n = 0;
    ll_alias *v = arena_alloc(a, (m->n + 1) * sizeof *v);
    for (size_t i = 0; i < m->n; i++) {
        const ll_mount *o = &m->m[i];
        if (o == in || o->dev != in->dev || o->root[0] != '/' || o->mp[0] != '/') continue;
        size_t ol = strlen(o->root);
        if (at_or_under(rel, rl, o->root, ol)) {
            /* path is inside the other mount too: its name there */
            const char *alt = join(a, o->mp, suffix(rel, o->root));
            if (strcmp(alt, path) != 0) v[n++] = (ll_alias){ alt, path };
        } else if (at_or_under(o->root, ol, rel, rl)) {
            /* the other mount shows a directory beneath path: all of it */
            const char *orig = join(a, path, suffix(o->root, rel));
            if (strcmp(o->mp, orig) != 0) v[n++] = (ll_alias){ o->mp, orig };
        }
    }
    *out = v;
    return n;
}
