/* config.c - rule selection and .buckle-lint.conf (format in docs/lint.md):
 *
 *   # comment
 *   select = BK3, BK4001          rules reported (default: all)
 *   ignore = shadowed-rule        rules not reported
 *   severity = info               hide findings below this level
 *   fail-on = warning             exit 1 at or above this level
 *   include = bases               an extends search directory (-I), may repeat
 *   per-file-ignores = GLOB: RULES     may repeat (GLOB as tests/x*.buckle)
 *
 * Paths and globs are relative to the file's directory; in a glob `*`
 * matches any characters, `/` included. */
#include "config.h"
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int known_item(const char *s)
{
    if (lint_rule_find(s)) return 1;
    size_t n = strlen(s);
    for (size_t i = 0; i < lint_rule_count(); i++)
        if (n >= 2 && !strncmp(lint_rule_at(i)->id, s, n)) return 1;
    return 0;
}

const char *lint_sel_add(arena *a, lint_sel *sel, const char *s)
{
    const char *p = s;
    while (*p) {
        while (*p == ',' || *p == ' ' || *p == '\t') p++;
        const char *b = p;
        while (*p && *p != ',' && *p != ' ' && *p != '\t') p++;
        if (p == b) continue;
        char *item = arena_strndup(a, b, (size_t)(p - b));
        if (!known_item(item)) return item;
        if (sel->n == sel->cap) {
            size_t cap = sel->cap ? sel->cap * 2 : 8;
            const char **v = arena_alloc(a, cap * sizeof *v);
            if (sel->n) memcpy(v, sel->items, sel->n * sizeof *v);
            sel->items = v;
            sel->cap = cap;
        }
        sel->items[sel->n++] = item;
    }
    return NULL;
}

int lint_sel_has(const lint_sel *sel, const char *code)
{
    const lint_rule *r = lint_rule_find(code);
    for (size_t i = 0; i < sel->n; i++) {
        const char *it = sel->items[i];
        if (!strncmp(code, it, strlen(it))) return 1;           /* code or prefix */
        if (r && !strcmp(r->info.slug, it)) return 1;
    }
    return 0;
}

static void cfg_error(diag_list *dl, source *src, uint32_t at, uint32_t end, int *bad, const char *msg, const char *what)
{
    diag_add(dl, SEV_ERROR, NULL, (span){ src, at, end }, "%s%s", msg, what ? what : "");
    *bad = 1;
}

static char *trim(char *s, char *e)
{
    while (s < e && (*s == ' ' || *s == '\t')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    *e = 0;
    return s;
}

static void parse(arena *a, lint_config *c, source *src, diag_list *dl, int *bad)
{
    char *text = arena_strndup(a, src->text, src->len);
    size_t off = 0;
    while (off < src->len) {
        char *line = text + off;
        char *nl = memchr(line, '\n', src->len - off);
        size_t len = nl ? (size_t)(nl - line) : src->len - off;
        uint32_t lstart = (uint32_t)off;
        off += len + 1;
        line[len] = 0;
        char *hash = strchr(line, '#');
        char *end = hash ? hash : line + len;
        char *eq = memchr(line, '=', (size_t)(end - line));
        char *l = line;
        while (l < end && (*l == ' ' || *l == '\t' || *l == '\r')) l++;
        if (l == end) continue;
        uint32_t at = lstart + (uint32_t)(l - line);
        if (!eq) { cfg_error(dl, src, at, lstart + (uint32_t)(end - line), bad, "expected KEY = VALUE", NULL); continue; }
        char *key = trim(l, eq), *val = trim(eq + 1, end);
        uint32_t vat = lstart + (uint32_t)(val - line), vend = vat + (uint32_t)strlen(val);
        if (!strcmp(key, "select") || !strcmp(key, "ignore")) {
            const char *badi = lint_sel_add(a, key[0] == 's' ? &c->select : &c->ignore, val);
            if (key[0] == 's') c->has_select = 1;
            if (badi) cfg_error(dl, src, vat, vend, bad, "no rule has this code, slug or code prefix: ", badi);
        } else if (!strcmp(key, "severity") || !strcmp(key, "fail-on")) {
            static const char *const names[] = { "error", "warning", "info", "style" };
            int k = 0;
            while (k < 4 && strcmp(val, names[k])) k++;
            if (k == 4) { cfg_error(dl, src, vat, vend, bad, "expected error, warning, info or style", NULL); continue; }
            if (key[0] == 's') { c->show = (severity)k; c->show_set = 1; }
            else { c->fail_on = (severity)k; c->fail_set = 1; }
        } else if (!strcmp(key, "include")) {
            if (!*val) { cfg_error(dl, src, at, vend, bad, "include needs a directory", NULL); continue; }
            if (c->ninclude == c->cap_inc) {
                size_t cap = c->cap_inc ? c->cap_inc * 2 : 4;
                const char **v = arena_alloc(a, cap * sizeof *v);
                if (c->ninclude) memcpy(v, c->includes, c->ninclude * sizeof *v);
                c->includes = v;
                c->cap_inc = cap;
            }
            c->includes[c->ninclude++] = val[0] == '/' ? arena_strdup(a, val) : arena_printf(a, "%s/%s", c->dir, val);
        } else if (!strcmp(key, "per-file-ignores")) {
            char *colon = strchr(val, ':');
            if (!colon) { cfg_error(dl, src, vat, vend, bad, "expected GLOB: RULE, ...", NULL); continue; }
            if (c->npfi == c->cap_pfi) {
                size_t cap = c->cap_pfi ? c->cap_pfi * 2 : 4;
                lint_pfi *v = arena_alloc(a, cap * sizeof *v);
                if (c->npfi) memcpy(v, c->pfi, c->npfi * sizeof *v);
                c->pfi = v;
                c->cap_pfi = cap;
            }
            lint_pfi *p = &c->pfi[c->npfi];
            memset(p, 0, sizeof *p);
            p->glob = trim(val, colon);
            const char *badi = lint_sel_add(a, &p->rules, colon + 1);
            if (badi) { cfg_error(dl, src, vat, vend, bad, "no rule has this code, slug or code prefix: ", badi); continue; }
            c->npfi++;
        } else {
            cfg_error(dl, src, at, at + (uint32_t)strlen(key), bad, "unknown key: ", key);
        }
    }
}

const lint_config *lint_config_for(arena *a, lint_config **cache, const char *path, diag_list *dl,
                                   source **keep, int *bad)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    const char *d = slash ? (slash == path ? "/" : arena_strndup(a, path, (size_t)(slash - path))) : ".";
    if (!realpath(d, dir)) return NULL;
    for (;;) {
        const char *cand = arena_printf(a, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", LINT_CONFIG_NAME);
        struct stat st;
        /* a link (or another kind of file) is not read: its lines would be
         * quoted in the errors, whatever it leads to (a key of the user's
         * named .buckle-lint.conf in a pull request's tree) */
        if (lstat(cand, &st) == 0 && !S_ISREG(st.st_mode) && (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode))) {
            for (lint_config *c = *cache; c; c = c->next) if (!strcmp(c->path, cand)) return c;
            lint_config *c = arena_alloc(a, sizeof *c);
            memset(c, 0, sizeof *c);
            c->path = cand;
            c->dir = arena_strdup(a, dir);
            diag_add(dl, SEV_ERROR, NULL, (span){ 0 }, "%s is %s, not a file: buckle reads a lint configuration only "
                                                       "from a file of that name (what a link leads to would be quoted "
                                                       "in its errors); make it a file, or remove it", cand,
                     S_ISLNK(st.st_mode) ? "a symbolic link" : "not a regular file");
            *bad = 1;
            c->next = *cache;
            *cache = c;
            return c;
        }
        if (lstat(cand, &st) == 0 && S_ISREG(st.st_mode)) {
            for (lint_config *c = *cache; c; c = c->next) if (!strcmp(c->path, cand)) return c;
            lint_config *c = arena_alloc(a, sizeof *c);
            memset(c, 0, sizeof *c);
            c->path = cand;
            c->dir = arena_strdup(a, dir);
            const char *err = NULL;
            char cwd[PATH_MAX];
            const char *shown = cand;
            if (getcwd(cwd, sizeof cwd)) {
                size_t n = strlen(cwd);
                if (!strncmp(cand, cwd, n) && cand[n] == '/') shown = cand + n + 1;
            }
            source *src = source_read(shown, cand, &err);
            if (!src) { diag_add(dl, SEV_ERROR, NULL, (span){ 0 }, "cannot read %s: %s", cand, err); *bad = 1; }
            else {
                src->next = *keep;
                *keep = src;
                parse(a, c, src, dl, bad);
            }
            c->next = *cache;
            *cache = c;
            return c;
        }
        char *s = strrchr(dir, '/');
        if (!s || !strcmp(dir, "/")) return NULL;
        if (s == dir) s[1] = 0; else *s = 0;
    }
}

int lint_config_selects(const lint_config *c, const char *path, const char *code)
{
    if (!c || !code) return 1;
    const lint_rule *r = lint_rule_find(code);
    if (r && r->unsuppressible && r->info.default_sev == SEV_ERROR) return 1;
    if (c->has_select && !lint_sel_has(&c->select, code)) return 0;
    if (lint_sel_has(&c->ignore, code)) return 0;
    if (c->npfi) {
        char real[PATH_MAX];
        const char *rel = path;
        if (realpath(path, real)) {
            size_t n = strlen(c->dir);
            rel = !strncmp(real, c->dir, n) && real[n] == '/' ? real + n + 1 : real;
        }
        for (size_t i = 0; i < c->npfi; i++)
            if (fnmatch(c->pfi[i].glob, rel, 0) == 0 && lint_sel_has(&c->pfi[i].rules, code)) return 0;
    }
    return 1;
}
