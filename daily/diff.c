/* diff.c - the decisions that change between two profiles. */
#include "diff.h"
#include "../backend/emit.h"
#include "../support/hashmap.h"
#include <jansson.h>
#include <string.h>

typedef struct objset { hashmap seen; const char **v; size_t n, cap; arena *a; } objset;

static void add_obj(objset *s, const char *p, size_t n)
{
    if (!n || hm_get(&s->seen, p, n)) return;
    char *k = arena_strndup(s->a, p, n);
    hm_put(&s->seen, k, n, k);
    s->v = arena_grow(s->a, s->v, s->n, s->cap, sizeof *s->v);
    s->cap = arena_grow_cap(s->n, s->cap);
    s->v[s->n++] = k;
}

/* a path, its ancestors, a child, and siblings with a common prefix */
static void add_path(objset *s, const char *p, size_t n)
{
    if (!n || p[0] != '/') return;
    while (n > 1 && p[n - 1] == '/') n--;
    add_obj(s, p, n);
    for (size_t i = n; i-- > 1;) if (p[i] == '/') add_obj(s, p, i);
    add_obj(s, "/", 1);
    char *t = arena_alloc(s->a, n + 4);
    memcpy(t, p, n);
    memcpy(t + n, "/x", 2); add_obj(s, t, n + 2);
    memcpy(t + n, "x", 1); add_obj(s, t, n + 1);
    memcpy(t + n, "-x", 2); add_obj(s, t, n + 2);
    if (n > 2) add_obj(s, p, n - 1);   /* a shorter sibling: "/a/b" -> "/a/" + "b" minus a byte */
}

static void add_name(objset *s, const char *p, size_t n)
{
    if (!n) return;
    add_obj(s, p, n);
    char *t = arena_alloc(s->a, n + 2);
    memcpy(t, p, n);
    t[n] = 'x';
    add_obj(s, t, n + 1);
    if (n > 1) add_obj(s, p, n - 1);
}

static void add_ip(objset *s, const char *p, size_t n)
{
    add_obj(s, p, n);
    const char *c = memchr(p, ':', n);
    if (!c) return;
    add_obj(s, arena_printf(s->a, "*%.*s", (int)(p + n - c), c), n - (size_t)(c - p) + 1);
    add_obj(s, arena_printf(s->a, "localhost%.*s", (int)(p + n - c), c), n - (size_t)(c - p) + 9);
}

/* the literal start of a pattern ("^/Users/x/.*\\.env" -> "/Users/x/") */
static size_t literal_start(const char *p, size_t n, char *out)
{
    size_t i = 0, k = 0;
    if (i < n && p[i] == '^') i++;
    for (; i < n; i++) {
        char c = p[i];
        if (strchr(".[]()*+?{}|$^", c)) break;
        if (c == '\\') { if (i + 1 < n && !strchr("dDsSwWbB", p[i + 1])) { out[k++] = p[++i]; continue; } break; }
        out[k++] = c;
    }
    /* a quantifier applies to the last byte: it is not literal */
    if (i < n && strchr("*+?{", p[i]) && k) k--;
    return k;
}

/* objects a regex matches (two samples of each alternative), with their
 * boundaries: a pattern's own objects, not only its literal start, so that
 * a rule by regex that changes is seen */
static void add_samples(objset *s, const sfilter *f, void (*add)(objset *, const char *, size_t))
{
    enum { CAP = 1024 };
    char buf[CAP];
    for (int i = 0; i < f->nres; i++)
        for (int v = 0; v < 2; v++) {
            if (!f->res[i]) continue;
            long n = sb_regex_sample(f->res[i], v, buf, CAP);
            if (n > 0) add(s, buf, (size_t)n);
        }
}

static void collect(objset *s, const sfilter *f)
{
    if (!f) return;
    switch (f->kind) {
    case F_LITERAL: case F_SUBPATH: case F_PREFIX: add_path(s, f->str, f->len); break;
    case F_REGEX: {
        char *t = arena_alloc(s->a, f->len + 1);
        size_t k = literal_start(f->str, f->len, t);
        if (k && t[0] == '/') add_path(s, t, k);
        add_samples(s, f, add_path);
        break;
    }
    case F_NAME: case F_NAME_PREFIX: add_name(s, f->str, f->len); break;
    case F_NAME_REGEX: {
        char *t = arena_alloc(s->a, f->len + 1);
        size_t k = literal_start(f->str, f->len, t);
        if (k) add_name(s, t, k);
        add_samples(s, f, add_name);
        break;
    }
    case F_IP: add_ip(s, f->str, f->len); break;
    case F_TARGET: add_obj(s, f->str, f->len); break;
    default: break;
    }
    for (int i = 0; i < f->nkids; i++) collect(s, f->kids[i]);
}

typedef struct verdict { int action; const void *rule; int vb; } verdict;   /* vb: rule is an sb_rule of d->vb */

static int vb_live(const diff_side *d) { return d->vb && d->vb->nblocks && !d->vb->why_not; }

static verdict ask(diff_side *d, const sb_request *q)
{
    if (vb_live(d)) {
        /* with the verbatim blocks: a rule of theirs decides, or the rules
         * buckle sees (by buckle's answer, which names the .buckle rule) */
        sb_answer v = vb_ask(d->vb, q);
        if (vb_from_block(d->vb, v.rule)) return (verdict){ v.decision, v.rule, 1 };
        cc_answer an = crosscheck_ask(d->x, q);
        action_t act = an.raw ? an.sbpl.decision : an.prof.action;
        if (act == v.decision) return an.raw ? (verdict){ an.sbpl.decision, an.sbpl.rule, 0 } : (verdict){ an.prof.action, an.prof.r, 0 };
        return (verdict){ v.decision, v.rule, 1 };
    }
    if (!d->is_sb) {
        cc_answer an = crosscheck_ask(d->x, q);
        if (an.raw) return (verdict){ an.sbpl.decision, an.sbpl.rule, 0 };
        return (verdict){ an.prof.action, an.prof.r, 0 };
    }
    sb_answer an = sbpl_decide(d->pol, q, d->a);
    return (verdict){ an.decision, an.rule, 0 };
}

static const char *describe(arena *a, diff_side *d, const void *who, int from_vb)
{
    if (who && from_vb && vb_from_block(d->vb, who)) return vb_describe(a, d->vb, who);
    if (who && from_vb) {
        const sb_rule *r = who;
        source_pos p = source_position(r->at.src, r->at.start);
        size_t len;
        const char *line = source_line(r->at.src, r->at.start, &len);
        return arena_printf(a, "<compiled>:%u:%u: %.*s", p.line, p.col, (int)(len > 200 ? 200 : len), line);
    }
    if (!who) {
        if (d->is_sb) return "the default";
        return arena_printf(a, "the default (%s)", action_name(d->c->pol.default_action));
    }
    if (d->is_sb || (d->x && ((const sb_rule *)who)->at.src == d->x->sbpl_src)) {
        const sb_rule *r = who;
        source_pos p = source_position(r->at.src, r->at.start);
        size_t len;
        const char *line = source_line(r->at.src, r->at.start, &len);
        while (len && (line[len - 1] == ' ' || line[len - 1] == '\r')) len--;
        return arena_printf(a, "%s:%u:%u: %.*s", r->at.src->name, p.line, p.col, (int)(len > 200 ? 200 : len), line);
    }
    const rule *r = who;
    strbuf b;
    sb_init(&b);
    ir_rule_text(&b, r);
    source_pos p = source_position(r->origins->u->src, r->origins->at.start);
    const char *s = arena_printf(a, "%s:%u:%u: %s%s", r->origins->u->display, p.line, p.col, sb_cstr(&b),
                                 unit_provenance(d->c, r->origins->u));
    sb_free(&b);
    return s;
}

void diff_run(diff_result *r, diff_side *old, diff_side *nw)
{
    memset(r, 0, sizeof *r);
    arena_init(&r->a);
    objset s;
    memset(&s, 0, sizeof s);
    s.a = &r->a;
    hm_init(&s.seen);
    diff_side *sides[2] = { old, nw };
    for (int k = 0; k < 2; k++)
    {
        for (size_t i = 0; i < sides[k]->pol->n; i++) collect(&s, sides[k]->pol->rules[i]->filter);
        if (vb_live(sides[k]))
            for (size_t i = 0; i < sides[k]->vb->pol->n; i++)
                if (vb_from_block(sides[k]->vb, sides[k]->vb->pol->rules[i])) collect(&s, sides[k]->vb->pol->rules[i]->filter);
    }
    add_path(&s, "/", 1);
    r->objects = s.n;
    hashmap groups;
    hm_init(&groups);
    for (size_t i = 0; i < s.n; i++) {
        const char *o = s.v[i];
        for (int op = 0; op < ops_count(); op++) {
            if (!op_get(op)->concrete) continue;
            sb_request q = { op, o, strlen(o), OBJ_PATH, SNS_OTHER, NULL };
            request_kind_for_op(op, o, &q);
            int is_path = o[0] == '/';
            int is_ip = !is_path && strchr(o, ':') != NULL;
            if ((q.kind == OBJ_PATH) != is_path || (q.kind == OBJ_IP) != is_ip) continue;
            r->requests++;
            verdict a = ask(old, &q), b = ask(nw, &q);
            if (a.action == b.action) continue;
            const void *key[3] = { a.rule, b.rule, (const void *)(size_t)(b.action == ACT_ALLOW) };
            diff_group *g = hm_get(&groups, (const char *)key, sizeof key);
            if (!g) {
                g = arena_alloc(&r->a, sizeof *g);
                g->widening = a.action != ACT_ALLOW && b.action == ACT_ALLOW;
                g->old_rule = a.rule;
                g->new_rule = b.rule;
                g->old_text = describe(&r->a, old, a.rule, a.vb);
                g->new_text = describe(&r->a, nw, b.rule, b.vb);
                char *k = arena_alloc(&r->a, sizeof key);
                memcpy(k, key, sizeof key);
                hm_put(&groups, k, sizeof key, g);
                r->groups = arena_grow(&r->a, r->groups, r->n, r->cap, sizeof *r->groups);
                r->cap = arena_grow_cap(r->n, r->cap);
                r->groups[r->n++] = g;
            }
            g->count++;
            if (g->nex < DIFF_EXAMPLES) g->examples[g->nex++] = arena_printf(&r->a, "%s %s", op_get(op)->name, o);
        }
    }
    hm_free(&groups);
    hm_free(&s.seen);
    /* widenings first; then as found (the objects' order is the rules') */
    for (size_t i = 1; i < r->n; i++) {
        diff_group *g = r->groups[i];
        size_t j = i;
        while (j > 0 && g->widening && !r->groups[j - 1]->widening) { r->groups[j] = r->groups[j - 1]; j--; }
        r->groups[j] = g;
    }
}

void diff_result_free(diff_result *r) { arena_free(&r->a); }

void diff_render_text(strbuf *b, const diff_result *r, const char *old_name, const char *new_name)
{
    unsigned long w = 0, n = 0;
    for (size_t i = 0; i < r->n; i++) { if (r->groups[i]->widening) w += r->groups[i]->count; else n += r->groups[i]->count; }
    if (!r->n) {
        sb_printf(b, "%s -> %s: the same decisions (%lu requests over %lu objects)\n", old_name, new_name, r->requests, r->objects);
        return;
    }
    sb_printf(b, "%s -> %s: %lu request%s widened (deny -> allow), %lu narrowed (allow -> deny), of %lu over %lu objects\n",
              old_name, new_name, w, w == 1 ? "" : "s", n, r->requests, r->objects);
    for (size_t i = 0; i < r->n; i++) {
        const diff_group *g = r->groups[i];
        sb_printf(b, "\n%s %lu request%s\n", g->widening ? "WIDENING deny -> allow:" : "narrowing allow -> deny:", g->count,
                  g->count == 1 ? "" : "s");
        sb_printf(b, "  old: decided by %s\n  new: decided by %s\n", g->old_text, g->new_text);
        for (int k = 0; k < g->nex; k++) sb_printf(b, "    %s\n", g->examples[k]);
        if (g->count > (unsigned long)g->nex) sb_printf(b, "    ... %lu more\n", g->count - (unsigned long)g->nex);
    }
}

char *diff_render_json(const diff_result *r, const char *old_name, const char *new_name)
{
    json_t *root = json_object();
    json_object_set_new(root, "old", json_string(old_name));
    json_object_set_new(root, "new", json_string(new_name));
    json_object_set_new(root, "objects", json_integer((json_int_t)r->objects));
    json_object_set_new(root, "requests", json_integer((json_int_t)r->requests));
    json_object_set_new(root, "same", json_boolean(r->n == 0));
    json_t *arr = json_array();
    for (size_t i = 0; i < r->n; i++) {
        const diff_group *g = r->groups[i];
        json_t *o = json_object();
        json_object_set_new(o, "change", json_string(g->widening ? "widening" : "narrowing"));
        json_object_set_new(o, "count", json_integer((json_int_t)g->count));
        json_object_set_new(o, "old", json_string(g->old_text));
        json_object_set_new(o, "new", json_string(g->new_text));
        json_t *ex = json_array();
        for (int k = 0; k < g->nex; k++) json_array_append_new(ex, json_string(g->examples[k]));
        json_object_set_new(o, "examples", ex);
        json_array_append_new(arr, o);
    }
    json_object_set_new(root, "changes", arr);
    char *s = json_dumps(root, JSON_PRESERVE_ORDER | JSON_INDENT(2));
    json_decref(root);
    return s;
}
