/* option_file.c - the files a word of a program's options names in the
 * word itself (option_file.h). */
#include "option_file.h"
#include <string.h>
#include <strings.h>

int runner_file_url(const char *v)
{
    return !strncasecmp(v, "file:", 5);
}

static int hex(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A file: URL's path as node reads it (the WHATWG URL parser, then
 * fileURLToPath): the scheme in any case; after "//" a host, which names
 * no part of the path (localhost is this machine; node refuses any other,
 * whose path is checked all the same); one slash or none before the path
 * is as good as three; tabs and newlines dropped, '\' read as '/', a
 * query or fragment left off, "." and ".." segments (%2e too) taken out
 * as written, then each %XX decoded.  Node loads nothing for an encoded
 * '/' or NUL: %2F is read as '/' and %00 ends the path, so the path
 * checked is one node could mean.  Another word as it is */
static const char *file_url(arena *a, const char *v)
{
    if (!runner_file_url(v)) return v;
    const char *s = v + 5;
    char *raw = arena_alloc(a, strlen(s) + 2);
    size_t n = 0;
    for (; *s && *s != '?' && *s != '#'; s++)
        if (*s != '\t' && *s != '\n' && *s != '\r') raw[n++] = *s == '\\' ? '/' : *s;
    raw[n] = 0;
    const char *p = raw;
    int expanded = 0;
    if (p[0] == '/' && p[1] == '/') {
        p += 2;
        size_t h = strcspn(p, "/");
        /* a Windows drive letter there is the path's first segment */
        int drive = h == 2 && ((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z') && (p[1] == ':' || p[1] == '|');
        /* and a shell's expansion there ("file://$PWD/x",
         * "file://localhost$PWD/x", in an .envrc) starts the path once
         * expanded */
        size_t e = strcspn(p, "$`");
        expanded = e < h;
        if (!drive) p += expanded ? e : h;
    }
    expanded |= *p == '$' || *p == '`';            /* file:$PWD/x */
    /* the segments, dot ones taken out */
    char *out = arena_alloc(a, strlen(p) + 2);
    size_t o = 0;
    while (*p) {
        if (*p == '/') p++;
        size_t l = strcspn(p, "/");
        int last = !p[l];
        int dot = (l == 1 && p[0] == '.') || (l == 3 && !strncasecmp(p, "%2e", 3));
        int dots = (l == 2 && !strncmp(p, "..", 2)) || (l == 4 && (!strncasecmp(p, ".%2e", 4) || !strncasecmp(p, "%2e.", 4))) ||
                   (l == 6 && !strncasecmp(p, "%2e%2e", 6));
        if (expanded) dot = dots = 0;               /* ($PWD/../x: after the shell) */
        /* (".." keeps a Windows drive letter: file:///C:/../x is /C:/x) */
        int drive = o == 3 && ((out[1] | 0x20) >= 'a' && (out[1] | 0x20) <= 'z') && (out[2] == ':' || out[2] == '|');
        if (dots && !drive) {
            while (o && out[o - 1] != '/') o--;
            if (o) o--;
            if (last) out[o++] = '/';
        } else if (dots) {
            if (last) out[o++] = '/';
        } else if (dot) {
            if (last) out[o++] = '/';
        } else {
            out[o++] = '/';
            memcpy(out + o, p, l);
            o += l;
        }
        p += l;
    }
    if (!o) out[o++] = '/';
    out[o] = 0;
    if (o >= 3 && ((out[1] | 0x20) >= 'a' && (out[1] | 0x20) <= 'z') && out[2] == '|' && (o == 3 || out[3] == '/'))
        out[2] = ':';
    /* %XX decoded */
    size_t d = 0;
    for (size_t i = 0; i < o; i++) {
        int hi = out[i] == '%' ? hex((unsigned char)out[i + 1]) : -1, lo = hi >= 0 ? hex((unsigned char)out[i + 2]) : -1;
        if (lo < 0) { out[d++] = out[i]; continue; }
        char c = (char)(hi * 16 + lo);
        if (!c) break;
        out[d++] = c;
        i += 2;
    }
    out[d] = 0;
    return out + (expanded && out[0] == '/' && out[1]);
}

/* a reading that may name a file: a path, or a file: URL */
static int pathlike(const char *v)
{
    return v[0] == '/' || v[0] == '.' || runner_file_url(v);
}

size_t runner_option_files(arena *a, const char *w, const char *out[OPTION_FILES_MAX])
{
    if (w[0] != '-') {
        out[0] = file_url(a, w);
        return 1;
    }
    const char *name = w + strspn(w, "-");
    const char *p = name + strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
    const char *eq = strchr(p, '=');
    size_t n = 0;
    /* java's -javaagent:./a.jar=opts: the agent, and what its options
     * name (the agent may load it) */
    if (*p == ':') out[n++] = arena_strndup(a, p + 1, strcspn(p + 1, "="));
    /* (one dash: --x.y=./f is a long option whose value follows its '=') */
    else if ((*p == '.' || *p == '/') && p - name == 1 && name == w + 1) out[n++] = p;
    if (eq && (!n || pathlike(eq + 1))) out[n++] = file_url(a, eq + 1);
    if (!n) out[n++] = w;
    return n;
}
