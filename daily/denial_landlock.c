/* denial_landlock.c - reading Landlock's audit records (denial_landlock.h). */
#include "denial_landlock.h"
#include "../support/suggest.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Each Landlock access right as the kernel names it in `blockers=`, and the
 * operation buckle decides it as (NULL: no rule of a profile controls it). */
static const struct { const char *blocker, *op; } blockers[] = {
    { "fs.execute", "process-exec" },
    { "fs.write_file", "file-write-data" },
    { "fs.read_file", "file-read-data" },
    { "fs.read_dir", "file-read-data" },
    { "fs.remove_dir", "file-write-unlink" },
    { "fs.remove_file", "file-write-unlink" },
    { "fs.make_char", "file-write-create" },
    { "fs.make_dir", "file-write-create" },
    { "fs.make_reg", "file-write-create" },
    { "fs.make_sock", "file-write-create" },
    { "fs.make_fifo", "file-write-create" },
    { "fs.make_block", "file-write-create" },
    { "fs.make_sym", "file-write-create" },
    { "fs.refer", "file-write-create" },
    { "fs.truncate", "file-write-data" },
    { "fs.ioctl_dev", "file-ioctl" },
    { "net.bind_tcp", "network-bind" },
    { "net.bind_udp", "network-bind" },
    { "net.connect_tcp", "network-outbound" },
    { "net.connect_send_udp", "network-outbound" },
    { "scope.abstract_unix_socket", NULL },
    { "scope.signal", NULL },
};
enum { NBLOCKERS = sizeof blockers / sizeof blockers[0] };

static const char *find_n(const char *s, const char *e, const char *needle)
{
    size_t k = strlen(needle);
    for (const char *p = s; p && (size_t)(e - p) >= k; p++) {
        p = memchr(p, needle[0], (size_t)(e - p) - k + 1);
        if (!p) return NULL;
        if (!memcmp(p, needle, k)) return p;
    }
    return NULL;
}

/* The value of field NAME (after a blank or at the start): its first byte,
 * its length, whether it was quoted; NULL when the line has none. */
static const char *field(const char *s, const char *e, const char *name, size_t *len, int *quoted)
{
    size_t k = strlen(name);
    for (const char *p = s; (p = find_n(p, e, name)) != NULL; p++) {
        if ((p > s && p[-1] != ' ' && p[-1] != ':') || p + k >= e || p[k] != '=') continue;
        const char *v = p + k + 1;
        if (v < e && *v == '"') {
            const char *q = memchr(v + 1, '"', (size_t)(e - v - 1));
            if (!q) return NULL;
            *quoted = 1;
            *len = (size_t)(q - v - 1);
            return v + 1;
        }
        const char *q = v;
        while (q < e && *q != ' ' && *q != '\t') q++;
        *quoted = 0;
        *len = (size_t)(q - v);
        return v;
    }
    return NULL;
}

static int hexval(int c) { return isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1; }

/* An unquoted value the audit subsystem wrote in hex (it does so for text
 * with blanks, quotes or control characters): decoded into out. */
static int unhex(const char *v, size_t n, char *out, size_t size)
{
    if (n < 2 || n % 2 || n / 2 >= size) return 0;
    for (size_t i = 0; i < n; i++) if (hexval((unsigned char)v[i]) < 0) return 0;
    for (size_t i = 0; i < n; i += 2) out[i / 2] = (char)(hexval((unsigned char)v[i]) * 16 + hexval((unsigned char)v[i + 1]));
    out[n / 2] = 0;
    return 1;
}

/* The event id inside "audit(...)" */
static void event_of(const char *s, const char *e, ll_record *r)
{
    r->event = "";
    r->event_len = 0;
    const char *p = find_n(s, e, "audit(");
    if (!p) return;
    p += 6;
    const char *q = memchr(p, ')', (size_t)(e - p));
    if (!q) return;
    r->event = p;
    r->event_len = (size_t)(q - p);
}

static int fail(const char **why, char *buf, size_t size, const char *fmt, const char *a, size_t alen, const char *b)
{
    snprintf(buf, size, fmt, (int)alen, a, b ? b : "");
    *why = buf;
    return -1;
}

static int address(const char *s, const char *e, const char *addr_name, const char *port_name, ll_record *r)
{
    size_t al = 0, pl;
    int q;
    const char *a = field(s, e, addr_name, &al, &q);
    const char *p = field(s, e, port_name, &pl, &q);
    if (!p || !pl || pl > 5) return 0;
    for (size_t i = 0; i < pl; i++) if (!isdigit((unsigned char)p[i])) return 0;
    if (a && al && al < 64 && memchr(a, ':', al))
        snprintf(r->obj, sizeof r->obj, "[%.*s]:%.*s", (int)al, a, (int)pl, p);
    else if (a && al && al < 64)
        snprintf(r->obj, sizeof r->obj, "%.*s:%.*s", (int)al, a, (int)pl, p);
    else
        snprintf(r->obj, sizeof r->obj, "*:%.*s", (int)pl, p);
    return 1;
}

int landlock_record_parse(const char *s, size_t n, ll_record *r, const char **why, char *whybuf, size_t whysize)
{
    const char *e = s + n;
    size_t bl, vl;
    int quoted;
    *why = NULL;
    const char *b = field(s, e, "blockers", &bl, &quoted);
    if (!b) {
        /* the event's SYSCALL record: the process */
        const char *c = field(s, e, "comm", &vl, &quoted);
        if (!c || !field(s, e, "syscall", &bl, &quoted)) return 0;
        memset(r, 0, sizeof *r);
        r->kind = 2;
        event_of(s, e, r);
        r->comm = c;
        r->comm_len = vl;
        if (!quoted && unhex(c, vl, r->obj, sizeof r->obj)) { r->comm = r->obj; r->comm_len = strlen(r->obj); }
        const char *pid = field(s, e, "pid", &vl, &quoted);
        r->pid = -1;
        if (pid && vl && vl < 10) {
            long v = 0;
            size_t i = 0;
            while (i < vl && isdigit((unsigned char)pid[i])) v = v * 10 + (pid[i++] - '0');
            if (i == vl) r->pid = v;
        }
        return 1;
    }
    if (!field(s, e, "domain", &vl, &quoted)) return 0;
    memset(r, 0, sizeof *r);
    r->kind = 1;
    event_of(s, e, r);
    /* the blockers: each one an operation, each operation once */
    const char *p = b, *be = b + bl;
    int fs = 0, net = 0, scope = 0;
    while (p < be) {
        const char *c = memchr(p, ',', (size_t)(be - p));
        if (!c) c = be;
        size_t k = (size_t)(c - p);
        size_t i;
        for (i = 0; i < NBLOCKERS; i++)
            if (strlen(blockers[i].blocker) == k && !memcmp(blockers[i].blocker, p, k)) break;
        if (i == NBLOCKERS) {
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)(k < 63 ? k : 63), p);
            const char *cands[NBLOCKERS];
            for (size_t j = 0; j < NBLOCKERS; j++) cands[j] = blockers[j].blocker;
            const char *near = suggest_closest(name, cands, NBLOCKERS, 1);
            char hint[96] = "";
            if (near) snprintf(hint, sizeof hint, " (did you mean %s?)", near);
            return fail(why, whybuf, whysize, "a Landlock blocker buckle does not know: %.*s%s", p, k, hint);
        }
        if (!strncmp(p, "fs.", 3)) fs = 1;
        else if (!strncmp(p, "net.", 4)) net = 1;
        else scope = 1;
        const char *op = blockers[i].op;
        int dup = 0;
        for (size_t j = 0; j < r->nops; j++) if (op && !strcmp(r->ops[j], op)) dup = 1;
        if (op && !dup && r->nops < LL_RECORD_MAX_OPS) r->ops[r->nops++] = op;
        p = c + 1;
    }
    if (!r->nops) {
        if (scope) { *why = "a Landlock scope denial (a signal or an abstract unix socket): no rule of a profile controls it"; return -1; }
        *why = "no blocker in \"blockers=\"";
        return -1;
    }
    if (fs && net) { *why = "file and network blockers in one record"; return -1; }
    if (net) {
        int bind = !strcmp(r->ops[0], "network-bind");
        if (!address(s, e, bind ? "saddr" : "daddr", bind ? "src" : "dest", r)) {
            *why = bind ? "a network record without the port (src=)" : "a network record without the port (dest=)";
            return -1;
        }
        return 1;
    }
    const char *v = field(s, e, "path", &vl, &quoted);
    if (!v || !vl) { *why = "a file record without path="; return -1; }
    if (!quoted && *v != '/' && unhex(v, vl, r->obj, sizeof r->obj)) return 1;
    if (!quoted) {
        /* `ausearch -i` writes the path as it is, blanks included: up to the next field */
        const char *d = find_n(v, e, " dev=");
        if (!d) d = find_n(v, e, " ino=");
        if (d) vl = (size_t)(d - v);
    }
    if (vl >= sizeof r->obj) { *why = "a path longer than 4096 bytes"; return -1; }
    memcpy(r->obj, v, vl);
    r->obj[vl] = 0;
    for (size_t i = 0; i < vl; i++)
        if ((unsigned char)r->obj[i] < 0x20) { *why = "a control character in the path"; return -1; }
    if (r->obj[0] != '/') return fail(why, whybuf, whysize, "a path that is not absolute: %.*s%s", v, vl > 200 ? 200 : vl, NULL);
    return 1;
}
