/* gen_moves.c - the requests a final path deny must deny because its path
 * cannot be moved away (docs/language.md, "A final path cannot be moved
 * away"), computed from the template the generator wrote and the values,
 * without the compiler's code:
 *   - reading denied: file-write-unlink, file-link, file-clone of the path
 *     itself; file-write-unlink and file-clone of each proper ancestor;
 *   - reading or writing denied: file-mount, file-mount-update and
 *     file-issue-extension of the path; file-mount and file-mount-update of
 *     each proper ancestor;
 *   - writing denied: file-link of the path; file-write-unlink and
 *     file-write-create of each proper ancestor;
 *   - creating denied: file-write-create of the path with the letters of
 *     its written text in the other case (a final read deny: as a
 *     directory), a macOS volume being case-insensitive ("Final rules and
 *     case").
 * The ancestors are those of the implied traversal rules: of a literal or
 * subpath its proper ancestors, of a prefix or glob those of its fixed part
 * (the directory holding its last component, and up), of a glob ending in
 * `**` those of its fixed part's subpath.  Two more sets are asked about as
 * checks of their own, which docs/language.md does not promise today: the
 * path itself renamed away or into place when only another write operation
 * is denied (MQ_SELF), and the directories inside a glob's wildcards, which
 * hold its matches as the fixed part does (MQ_GLOB). */
#include "gen_moves.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is_name(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

/* "//" collapsed; with drop_slash, a trailing "/" dropped (not the root's) */
static void collapse(strbuf *b, int drop_slash)
{
    size_t w = 0;
    for (size_t i = 0; i < b->len; i++)
        if (!(b->data[i] == '/' && w && b->data[w - 1] == '/')) b->data[w++] = b->data[i];
    if (drop_slash && w > 1 && b->data[w - 1] == '/') w--;
    b->len = w;
    if (b->data) b->data[w] = 0;
}

/* /tmp, /var and /etc are /private/... to the kernel (in any case: the
 * volume finds the link whatever the case written), the link's target
 * spelled as the volume keeps it, /private/tmp: a name that exists is seen
 * in its own case (docs/language.md, "Final rules and case") */
static void unalias(strbuf *b)
{
    static const char *const al[] = { "/tmp", "/var", "/etc" };
    for (size_t i = 0; i < 3; i++)
        if (b->len >= 4 && !strncasecmp(b->data, al[i], 4) && (b->len == 4 || b->data[4] == '/')) {
            strbuf c;
            sb_init(&c);
            sb_puts(&c, "/private");
            sb_add(&c, b->data, b->len);
            for (size_t j = 9; j < 12; j++) c.data[j] = (char)(c.data[j] | 0x20);
            sb_reset(b);
            sb_add(b, c.data, c.len);
            sb_free(&c);
            return;
        }
}

/* a value as -D takes it: an absolute one canonical (no "//", no trailing
 * "/", under /private), a relative one as it is */
static const char *value_of(arena *a, const sb_param *v, size_t nv, const char *name, size_t nl)
{
    for (size_t i = 0; i < nv; i++) {
        if (strlen(v[i].name) != nl || memcmp(v[i].name, name, nl)) continue;
        if (v[i].value[0] != '/') return v[i].value;
        strbuf b;
        sb_init(&b);
        sb_puts(&b, v[i].value);
        collapse(&b, 1);
        unalias(&b);
        const char *r = arena_strdup(a, sb_cstr(&b));
        sb_free(&b);
        return r;
    }
    return "";
}

/* What each wildcard stands for in the objects made: choice k of each */
static const char *const dstar[] = { "m", "m/n", "" }, *const star[] = { "v20", "z", "v20" }, *const qmark[] = { "q", "r", "q" };

static int is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static char swap_case(char c) { return is_letter(c) ? (char)(c ^ 0x20) : c; }

/* letters beyond ASCII the generator writes (gen_profile.c, final-case), each
 * with another letter of its class under Unicode's simple case folding,
 * the one least like it (a case-insensitive volume takes either) */
static const struct { const char *from, *to; } utf8_cases[] = {
    { "\xc3\xa9", "\xc3\x89" }, { "\xc3\x89", "\xc3\xa9" },                  /* e acute */
    { "\xcf\x83", "\xcf\x82" }, { "\xcf\x82", "\xce\xa3" },                  /* sigma, final sigma */
    { "\xce\xb2", "\xcf\x90" }, { "\xcf\x90", "\xce\x92" },                  /* beta, curled beta */
    { "\xce\xb8", "\xcf\x91" }, { "\xce\xba", "\xcf\xb0" },                  /* theta, kappa */
    { "\xd0\xb6", "\xd0\x96" },                                                /* Cyrillic zhe */
};

/* the letter at t in its other case, appended; 0 for none there */
static size_t swap_utf8(strbuf *out, const char *t)
{
    for (size_t i = 0; i < sizeof utf8_cases / sizeof utf8_cases[0]; i++)
        if (!strncmp(t, utf8_cases[i].from, 2)) { sb_puts(out, utf8_cases[i].to); return 2; }
    return 0;
}

/* The bracket expression at tpl[i] ('['): its end (after the ']') and the
 * member it stands for in the objects made: of a plain one its first
 * member (choice 1: its last, a '-' there too), of a negated one a letter
 * it leaves out.  With swap, in the other case: of a plain one its first
 * letter (the name folded); of a negated one a letter it names whose other
 * case it leaves out (it matches that one, so its fold matches the letter
 * too: "[!a-]" matches "A", and making "a" makes it). */
static size_t bracket(const char *tpl, size_t end, size_t i, int k, int swap, char *as)
{
    size_t j = i + 1;
    int neg = j < end && (tpl[j] == '!' || tpl[j] == '^');
    j += neg;
    size_t first = j;
    if (j < end && tpl[j] == ']') j++;
    while (j < end && tpl[j] != ']') j++;
    size_t last = j > first ? j - 1 : first;
    unsigned char in[256] = { 0 };              /* its members; '-' first or last is one */
    for (size_t m = first; m <= last && m < end; m++) {
        unsigned char lo = (unsigned char)tpl[m], hi = lo;
        if (m + 2 <= last && tpl[m + 1] == '-') { hi = (unsigned char)tpl[m + 2]; m += 2; }
        for (unsigned c = lo; c <= hi; c++) in[c] = 1;
    }
    if (!neg) {
        *as = k == 1 ? tpl[last] : tpl[first];
        if (swap) {
            for (size_t m = first; m <= last; m++)
                if (is_letter(tpl[m])) { *as = tpl[m]; break; }
            *as = swap_case(*as);
        }
    } else {
        *as = k == 1 ? 'r' : 'q';
        if (swap) {
            *as = swap_case(*as);
            for (unsigned c = 'A'; c <= 'z'; c++)
                if (is_letter((char)c) && in[c] && !in[(unsigned char)swap_case((char)c)]) { *as = (char)c; break; }
        }
    }
    return j < end ? j + 1 : end;
}

/* The template tpl (up to end) with values and, for its wildcards, choice
 * k; with stop, only up to its first wildcard (*wild set to 1 when there
 * was one); with swap, each letter of its written text in the other case
 * (a value's letters stay, but with swap 2 those of a value inside the
 * path, after its start).  Returns the text, "//" not yet collapsed. */
static void fill(arena *a, strbuf *out, const char *tpl, size_t end, const sb_param *v, size_t nv, int stop, int k, int *wild,
                 int swap)
{
    if (wild) *wild = 0;
    size_t i = 0;
    if (tpl[0] == '~' && (end == 1 || tpl[1] == '/')) { sb_puts(out, value_of(a, v, nv, "HOME", 4)); i = 1; }
    while (i < end) {
        char c = tpl[i];
        if (c == '$' && i + 1 < end && (tpl[i + 1] == '{' || is_name(tpl[i + 1]))) {
            size_t n = i + 1 + (tpl[i + 1] == '{'), e = n;
            while (e < end && is_name(tpl[e])) e++;
            const char *val = value_of(a, v, nv, tpl + n, e - n);
            for (; *val; val++) sb_putc(out, swap == 2 && i > 0 ? swap_case(*val) : *val);
            i = e + (tpl[i + 1] == '{');
            continue;
        }
        if (c == '*' || c == '?' || c == '[') {
            if (stop) { if (wild) *wild = 1; return; }
            if (c == '[') { char as; i = bracket(tpl, end, i, k, swap, &as); sb_putc(out, as); continue; }
            const char *w = c == '*' && i + 1 < end && tpl[i + 1] == '*' ? dstar[k] : c == '*' ? star[k] : qmark[k];
            for (; *w; w++) sb_putc(out, swap ? swap_case(*w) : *w);
            i += c == '*' && i + 1 < end && tpl[i + 1] == '*' ? 2 : 1;
            continue;
        }
        size_t u = swap && i + 1 < end ? swap_utf8(out, tpl + i) : 0;
        if (u) { i += u; continue; }
        sb_putc(out, swap ? swap_case(c) : c);
        i++;
    }
}

static void add1(arena *a, move_queries *q, const char *op, const char *obj, const char *vnode, int cls, const char *what)
{
    if (q->n == q->cap) {
        q->cap = q->cap ? q->cap * 2 : 64;
        q->v = realloc(q->v, q->cap * sizeof *q->v);
        if (!q->v) abort();
    }
    q->v[q->n++] = (move_query){ op, arena_strdup(a, obj), vnode, cls, what };
}

/* a directory that holds the path is one; the path itself may be either */
static void add(arena *a, move_queries *q, const char *op, const char *obj, int dir, int cls, const char *what)
{
    add1(a, q, op, obj, "DIRECTORY", cls, what);
    if (!dir) add1(a, q, op, obj, "REGULAR-FILE", cls, what);
}

/* the operations on the path itself, by what the rule denies */
static void self_ops(arena *a, const gen_move *m, const char *obj, move_queries *q)
{
    const char *what = "the final path";
    if (m->denies & MV_READ) {
        add(a, q, "file-write-unlink", obj, 0, MQ_DOC, what);
        add(a, q, "file-link", obj, 0, MQ_DOC, what);
        add(a, q, "file-clone", obj, 0, MQ_DOC, what);
    }
    if (m->denies & MV_WRITE) {
        add(a, q, "file-link", obj, 0, MQ_DOC, what);
        add(a, q, "file-write-unlink", obj, 0, m->denies & MV_UNLINK ? MQ_DOC : MQ_SELF, what);
        add(a, q, "file-write-create", obj, 0, m->denies & MV_CREATE ? MQ_DOC : MQ_SELF, what);
    }
    add(a, q, "file-mount", obj, 0, MQ_DOC, what);
    add(a, q, "file-mount-update", obj, 0, MQ_DOC, what);
    add(a, q, "file-issue-extension", obj, 0, MQ_DOC, what);
}

/* the path in another case (its written letters swapped): making it makes
 * the final path on a case-insensitive volume (docs/language.md, "Final
 * rules and case"): a final deny of creating it holds in every case; a
 * final read deny's own denial of making it a directory or a link too */
static void case_ops(arena *a, const gen_move *m, const char *obj, move_queries *q)
{
    const char *what = "the final path in another case";
    if (m->denies & MV_CREATE) add(a, q, "file-write-create", obj, 0, MQ_DOC, what);
    else if (m->denies & MV_READ) add1(a, q, "file-write-create", obj, "DIRECTORY", MQ_DOC, what);
}

/* the template with choice k, its letters swapped when swap; a prefix's
 * text after it (x, /x, nothing); NULL where it matches nothing */
static const char *match_of(arena *a, const gen_move *m, const sb_param *v, size_t nv, int k, int swap)
{
    const char *t = m->tpl;
    size_t tl = strlen(t);
    strbuf b;
    sb_init(&b);
    fill(a, &b, t, tl, v, nv, 0, k, NULL, swap && m->fold_values ? 2 : swap);
    if (m->kind == MV_PREFIX) sb_puts(&b, k == 0 ? (swap ? "X" : "x") : k == 1 ? (swap ? "/X" : "/x") : "");
    collapse(&b, 1);
    unalias(&b);
    const char *r = arena_strdup(a, sb_cstr(&b));
    sb_free(&b);
    if (m->kind == MV_PREFIX && k == 2 && t[tl - 1] == '/') return NULL;   /* "/a/b/" does not match /a/b */
    return r;
}

/* the operations on a directory that holds the path */
static void up_ops(arena *a, const gen_move *m, const char *obj, int cls, move_queries *q)
{
    const char *what = cls == MQ_GLOB ? "a directory inside the glob's wildcards" : "a proper ancestor";
    if (m->denies & MV_READ) {
        add(a, q, "file-write-unlink", obj, 1, cls, what);
        add(a, q, "file-clone", obj, 1, cls, what);
    }
    if (m->denies & MV_WRITE) {
        add(a, q, "file-write-unlink", obj, 1, cls, what);
        add(a, q, "file-write-create", obj, 1, cls, what);
    }
    add(a, q, "file-mount", obj, 1, cls, what);
    add(a, q, "file-mount-update", obj, 1, cls, what);
}

/* d and each of its ancestors up to "/" (d itself when self) */
static void up_from(arena *a, const gen_move *m, const char *d, int self, move_queries *q)
{
    char *p = arena_strdup(a, d);
    size_t n = strlen(p);
    if (self) up_ops(a, m, p, MQ_DOC, q);
    while (n > 1) {
        while (n > 0 && p[n - 1] != '/') n--;
        n = n > 1 ? n - 1 : 1;                  /* the parent; "/" last */
        p[n] = 0;
        up_ops(a, m, p, MQ_DOC, q);
    }
}

void moves_expect(arena *a, const gen_move *m, const sb_param *v, size_t nv, move_queries *q)
{
    if (!m->tpl) return;
    const char *t = m->tpl;
    size_t tl = strlen(t);
    strbuf b;
    sb_init(&b);
    if (m->kind == MV_LITERAL || m->kind == MV_SUBPATH) {
        const char *s = match_of(a, m, v, nv, 0, 0), *sw = match_of(a, m, v, nv, 0, 1);
        self_ops(a, m, s, q);
        case_ops(a, m, sw, q);
        if (m->kind == MV_SUBPATH) {
            self_ops(a, m, arena_printf(a, "%s/x", strcmp(s, "/") ? s : ""), q);
            case_ops(a, m, arena_printf(a, "%s/X", strcmp(sw, "/") ? sw : ""), q);
        }
        up_from(a, m, s, 0, q);
        sb_free(&b);
        return;
    }
    /* a prefix or glob: its fixed part, the directory holding its last
     * component; a glob ending in its first wildcard "**" is that
     * directory's subpath */
    int wild = 0;
    fill(a, &b, t, tl, v, nv, 1, 0, &wild, 0);
    collapse(&b, 0);
    size_t fixed_at = strcspn(t, "*?[");
    int trail = m->kind == MV_GLOB && fixed_at + 2 == tl && fixed_at > 0 && t[fixed_at - 1] == '/';
    const char *fx = sb_cstr(&b), *sl = strrchr(fx, '/');
    strbuf d;
    sb_init(&d);
    sb_add(&d, fx, sl && sl > fx ? (size_t)(sl - fx) : 1);
    unalias(&d);
    const char *dir = arena_strdup(a, sb_cstr(&d));
    sb_free(&d);
    up_from(a, m, dir, !trail, q);
    if (trail) { self_ops(a, m, dir, q); self_ops(a, m, arena_printf(a, "%s/x", strcmp(dir, "/") ? dir : ""), q); }
    /* the paths it matches */
    for (int k = 0; k < 3; k++) {
        const char *s = match_of(a, m, v, nv, k, 0), *sw = match_of(a, m, v, nv, k, 1);
        if (s) self_ops(a, m, s, q);
        /* under /private, the link's target in the case it has: a name
         * that exists is seen as the volume keeps it (a glob's alternative
         * there folds what follows it) */
        if (sw && m->kind == MV_GLOB && !strncasecmp(sw, "/private/", 9) && strlen(sw) >= 12 && (!sw[12] || sw[12] == '/')) {
            char *k2 = arena_strdup(a, sw);
            for (size_t i = 9; i < 12; i++) k2[i] = (char)(k2[i] | 0x20);
            memcpy(k2, "/private", 8);
            sw = k2;
        }
        if (sw) case_ops(a, m, sw, q);
    }
    /* the directories inside its wildcards: at each "/" after the first
     * one (not the "/" of a trailing "**"), what the text before it matches;
     * not for a "**" right below a root ("/", "~", a parameter alone: every
     * directory of the disk, the home or the project) */
    int below_root = 0;
    if (m->kind == MV_GLOB && fixed_at + 1 < tl && t[fixed_at] == '*' && t[fixed_at + 1] == '*') {
        size_t n = fixed_at && t[fixed_at - 1] == '/' ? fixed_at - 1 : fixed_at, e = 1;
        if (n && t[0] == '$') {
            e = 1 + (t[1] == '{');
            while (e < n && is_name(t[e])) e++;
            e += e < n && t[1] == '{' && t[e] == '}';
        }
        below_root = n == 0 || (n == 1 && t[0] == '~') || (t[0] == '$' && e == n);
    }
    for (size_t i = fixed_at; m->kind == MV_GLOB && !below_root && i < tl; i++) {
        if (t[i] != '/' || (i + 3 == tl && t[i + 1] == '*' && t[i + 2] == '*')) continue;
        for (int k = 0; k < 3; k++) {
            sb_reset(&b);
            fill(a, &b, t, i, v, nv, 0, k, NULL, 0);
            collapse(&b, 1);
            unalias(&b);
            up_ops(a, m, sb_cstr(&b), MQ_GLOB, q);
        }
    }
    sb_free(&b);
}

void moves_free(move_queries *q)
{
    free(q->v);
    memset(q, 0, sizeof *q);
}
