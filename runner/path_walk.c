/* path_walk.c - every path the next compilation will look at, resolved the way
 * the kernel resolves it, one component at a time (docs/runner.md, "What is
 * protected").  Each component met is recorded:
 *   - an existing directory on the way: a "frame" (it must not be removed,
 *     renamed, mounted over, or have its mode, owner, flags or ACL changed);
 *   - a symbolic link, the final file, and a component that does not exist
 *     (with the rest of the path below it): "whole" (no write of any kind,
 *     in particular no creation).
 * So nothing the sandbox can do changes what the path resolves to, or what
 * the file at its end holds.  Directory prefixes already examined are
 * remembered, so paths that share a directory cost one lstat each. */
#define _POSIX_C_SOURCE 200809L
#include "runner.h"
#include "path_text.h"
#include "../backend/emit.h"
#include "../compiler/patterns.h"
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif
#define MAX_LINKS 40

void protect_init(protect_list *pl, const char *cwd, arena *a)
{
    memset(pl, 0, sizeof *pl);
    pl->a = a;
    hm_init(&pl->seen_whole);
    hm_init(&pl->seen_frame);
    hm_init(&pl->dirs);
    hm_init(&pl->seen_nolink);
    pl->cwd = arena_strdup(pl->a, cwd);
    sb_init(&pl->whole);
    sb_init(&pl->frame);
}

void protect_free(protect_list *pl)
{
    hm_free(&pl->seen_whole);
    hm_free(&pl->seen_frame);
    hm_free(&pl->dirs);
    hm_free(&pl->seen_nolink);
    sb_free(&pl->whole);
    sb_free(&pl->frame);
}

static void add(protect_list *pl, int whole, const char *p, size_t n)
{
    hashmap *seen = whole ? &pl->seen_whole : &pl->seen_frame;
    if (!n || hm_get(seen, p, n)) return;
    const char *k = arena_strndup(pl->a, p, n);
    hm_put(seen, k, n, (void *)k);
    const char ***paths = whole ? &pl->whole_paths : &pl->frame_paths;
    size_t *cap = whole ? &pl->wcap : &pl->fcap, *count = whole ? &pl->nwhole : &pl->nframe;
    strbuf *list = whole ? &pl->whole : &pl->frame;
    *paths = arena_grow(pl->a, *paths, *count, *cap, sizeof **paths);
    *cap = arena_grow_cap(*count, *cap);
    (*paths)[*count] = k;
    sb_puts(list, " (literal ");
    sbpl_string(list, p, n);
    sb_putc(list, ')');
    (*count)++;
}

void protect_whole(protect_list *pl, const char *path)
{
    add(pl, 1, path, strlen(path));
}

static void frame(protect_list *pl, const char *p, size_t n)
{
    add(pl, 0, p, n);
}

void protect_fold_regex(strbuf *out, const char *p)
{
    strbuf re;
    sb_init(&re);
    sb_putc(&re, '^');
    for (const char *c = p; *c; c++) regex_fold_byte(&re, *c);
    sb_putc(&re, '$');
    sb_puts(out, "(regex ");
    sbpl_string(out, re.data, re.len);
    sb_putc(out, ')');
    sb_free(&re);
}

static int fold_eq(char a, char b)
{
    if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
    if (b >= 'A' && b <= 'Z') b = (char)(b + 32);
    return a == b;
}

/* the paths v[0..n) (sorted case-blind, the same first `at` bytes) from
 * byte at on, as alternatives sharing their common starts */
static void fold_trie(strbuf *re, const char *const *v, size_t n, size_t at)
{
    size_t i = 0, nalt = 0, ends = 0;
    for (size_t k = 0; k < n; k++) if (!v[k][at]) ends = 1;
    size_t groups = 0;
    for (size_t k = 0; k < n; k++)
        if (v[k][at] && (k == 0 || !v[k - 1][at] || !fold_eq(v[k - 1][at], v[k][at]))) groups++;
    int paren = groups > 1 || (groups && ends);
    if (paren) sb_putc(re, '(');
    while (i < n) {
        if (!v[i][at]) { i++; continue; }
        size_t j = i + 1;
        while (j < n && v[j][at] && fold_eq(v[j][at], v[i][at])) j++;
        if (nalt++) sb_putc(re, '|');
        /* the bytes all of v[i..j) share from at */
        size_t l = at;
        for (;;) {
            char c = v[i][l];
            if (!c) break;
            size_t k = i + 1;
            while (k < j && fold_eq(v[k][l], c)) k++;
            if (k < j) break;
            regex_fold_byte(re, c);
            l++;
            /* stop where one of them ends: the rest branches there */
            int one_ends = 0;
            for (k = i; k < j; k++) if (!v[k][l]) one_ends = 1;
            if (one_ends) break;
        }
        if (l == at) { regex_fold_byte(re, v[i][at]); l++; }
        fold_trie(re, v + i, j - i, l);
        i = j;
    }
    if (paren) sb_puts(re, ends ? ")?" : ")");
}

static int fold_cmp(const void *x, const void *y)
{
    const char *a = *(const char *const *)x, *b = *(const char *const *)y;
    for (;; a++, b++) {
        char ca = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a, cb = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
        if (ca != cb || !ca) return (unsigned char)ca - (unsigned char)cb;
    }
}

void protect_fold_set_regex(strbuf *out, const char *const *paths, size_t n)
{
    if (!n) return;
    const char **v = xmalloc(n * sizeof *v);
    memcpy(v, paths, n * sizeof *v);
    qsort(v, n, sizeof *v, fold_cmp);
    strbuf re;
    sb_init(&re);
    sb_putc(&re, '^');
    fold_trie(&re, v, n, 0);
    sb_putc(&re, '$');
    sb_puts(out, "(regex ");
    sbpl_string(out, re.data, re.len);
    sb_putc(out, ')');
    sb_free(&re);
    free(v);
}

/* a missing path, whole: also in every case (a case-insensitive volume
 * would find LIB.buckle for lib.buckle); its upper-case spelling is among
 * the paths the check asks about */
static void missing_whole(protect_list *pl, const char *p)
{
    protect_whole(pl, p);
    size_t n = strlen(p);
    char *up = arena_strndup(pl->a, p, n);
    for (char *c = up; *c; c++) if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 32);
    if (!n || hm_get(&pl->seen_whole, up, n)) return;
    hm_put(&pl->seen_whole, up, n, up);
    pl->whole_paths = arena_grow(pl->a, pl->whole_paths, pl->nwhole, pl->wcap, sizeof *pl->whole_paths);
    pl->wcap = arena_grow_cap(pl->nwhole, pl->wcap);
    pl->whole_paths[pl->nwhole++] = up;
    sb_putc(&pl->whole, ' ');
    protect_fold_regex(&pl->whole, p);
}

static void nolink(protect_list *pl, const char *p)
{
    size_t n = strlen(p);
    if (!n || hm_get(&pl->seen_nolink, p, n)) return;
    const char *k = arena_strndup(pl->a, p, n);
    hm_put(&pl->seen_nolink, k, n, (void *)k);
    pl->nolink_paths = arena_grow(pl->a, pl->nolink_paths, pl->nnolink, pl->ncap, sizeof *pl->nolink_paths);
    pl->ncap = arena_grow_cap(pl->nnolink, pl->ncap);
    pl->nolink_paths[pl->nnolink++] = k;
}

/* a missing component: protected whole, or for a parameter's value kept
 * from becoming a link */
static void missing(protect_list *pl, int value, const char *p)
{
    if (value) nolink(pl, p);
    else missing_whole(pl, p);
}

/* Appends "/" and the component to cur (length *n); 0, or -1 if too long. */
static int append(char *cur, size_t *n, const char *comp, size_t len)
{
    if (*n + 1 + len >= PATH_MAX) return -1;
    cur[(*n)++] = '/';
    memcpy(cur + *n, comp, len);
    *n += len;
    cur[*n] = 0;
    return 0;
}

/* value: a parameter's value, whose last component, when it exists, is a
 * frame even if it is a file (the profile may let the sandbox write it, not
 * remove, rename or replace it) */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static char *link_target(arena *a, const char *path)
{
    char t[PATH_MAX];
    ssize_t k = readlink(path, t, sizeof t - 1);
    return k > 0 ? arena_strndup(a, t, (size_t)k) : NULL;
}

/* path without its "." components and repeated slashes, which name
 * nothing whatever the links are (./agent.buckle is agent.buckle, and a
 * read-only mount holds it by the one name); ".." stays */
static const char *without_dots(arena *a, const char *path)
{
    char *out = arena_alloc(a, strlen(path) + 1);
    size_t n = 0;
    for (const char *s = path; *s;) {
        if (*s == '/') {
            if (!n || out[n - 1] != '/') out[n++] = '/';
            s++;
            continue;
        }
        size_t l = strcspn(s, "/");
        if (l == 1 && s[0] == '.') { s += l; continue; }
        memcpy(out + n, s, l);
        n += l;
        s += l;
    }
    while (n > 1 && out[n - 1] == '/') n--;
    out[n] = 0;
    return out;
}

/* (One PATH_MAX buffer in this frame, the other strings in the arena: a
 * large frame would put every call below on stack pages of its own.) */
static void walk(protect_list *pl, const char *path, int value)
{
    if (!path || !*path) return;
    char cur[PATH_MAX];            /* the physical path resolved so far ("" is /) */
    size_t n = 0;
    if (path[0] != '/') {
        n = strlen(pl->cwd);
        if (n >= sizeof cur) return;
        memcpy(cur, pl->cwd, n + 1);
        if (n == 1) n = 0;         /* "/" */
    }
    cur[n] = 0;
    if (strlen(path) >= 2 * PATH_MAX) return;
    /* the path as written, made absolute: protected as it is too, unless
     * it names a directory (whose own writes, such as its times, the
     * sandbox may need) */
    const char *lex = without_dots(pl->a, path[0] == '/' ? path : arena_printf(pl->a, "%s/%s", n ? cur : "", path));
    if (strlen(lex) >= 2 * PATH_MAX) lex = "";
    int links = 0;
    const char *r = path;          /* what is left to resolve */
    for (;;) {
        size_t len = runner_path_step(&r, cur, &n);
        if (!len) break;
        const char *end = r[len] ? r + len : NULL;
        int last = !end || !end[strspn(end, "/")];
        size_t before = n;
        if (append(cur, &n, r, len)) return;
        r += len;
        if (hm_get(&pl->dirs, cur, n)) continue;      /* a directory seen before */
        struct stat st;
        if (lstat(cur, &st) != 0) {
            /* missing: it and everything below it, as written */
            if (lex[0]) missing(pl, value, lex);
            missing(pl, value, cur);
            while (*r) {
                while (*r == '/') r++;
                if (!*r) break;
                end = strchr(r, '/');
                len = end ? (size_t)(end - r) : strlen(r);
                if (!(len == 1 && r[0] == '.') && !(len == 2 && r[0] == '.' && r[1] == '.')) {
                    if (append(cur, &n, r, len)) return;
                    missing(pl, value, cur);
                }
                r += len;
            }
            return;
        }
        if (S_ISLNK(st.st_mode)) {
            protect_whole(pl, cur);
            if (lex[0] && last) protect_whole(pl, lex);
            if (++links > MAX_LINKS) return;
            const char *target = link_target(pl->a, cur);
            if (!target) return;
            /* resolve the target in place of the link, then what follows */
            const char *tail = arena_printf(pl->a, "%s/%s", target, r);
            if (strlen(tail) >= 2 * PATH_MAX) return;
            r = tail;
            n = target[0] == '/' ? 0 : before;
            cur[n] = 0;
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            frame(pl, cur, n);
            hm_put(&pl->dirs, arena_strndup(pl->a, cur, n), n, pl);
            if (last) return;
            continue;
        }
        /* a file (or a device, a socket...): the end of the walk */
        if (value && last) { frame(pl, cur, n); return; }
        if (lex[0]) protect_whole(pl, lex);
        protect_whole(pl, cur);
        return;
    }
}

void protect_path(protect_list *pl, const char *path)
{
    walk(pl, path, 0);
}

void protect_value(protect_list *pl, const char *path)
{
    walk(pl, path, 1);
}
