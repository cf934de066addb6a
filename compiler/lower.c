/* lower.c - from one file's AST to IR rules (docs/reference.md). */
#include "compile.h"
#include "../seatbelt/request.h"
#include "param_defaults.h"
#include "expand.h"
#include "patterns.h"
#include "verbs.h"
#include "../grammar/builtin_params.h"
#include "../grammar/sexp.h"
#include <ctype.h>
#include <string.h>


static int check_ip(compilation *c, const ast_str *s, const char *v)
{
    const char *colon = strrchr(v, ':');
    if (!colon || colon == v) {
        diag *d = diag_add(&c->diags, SEV_ERROR, BK2007, s->at,
                           "network address \"%s\" must be \"host:port\"", s->s);
        diag_help(&c->diags, d, "write \"localhost:PORT\" or \"*:PORT\"; PORT may be *");
        return 0;
    }
    size_t hl = (size_t)(colon - v);
    if (!((hl == 9 && strncmp(v, "localhost", 9) == 0) || (hl == 1 && v[0] == '*'))) {
        /* the host as written (a parameter as $NAME, not its internal marks) */
        const char *wc = strrchr(s->s, ':');
        int whl = wc ? (int)(wc - s->s) : (int)strlen(s->s);
        diag *d = diag_add(&c->diags, SEV_ERROR, BK2011, s->at,
                           "Seatbelt cannot filter network access by host \"%.*s\"", whl, s->s);
        diag_help(&c->diags, d, "only \"localhost\" and \"*\" can be expressed; to allow specific hosts, "
                  "allow \"localhost:PORT\" for a filtering proxy (as srt and codex do)");
        return 0;
    }
    const char *p = colon + 1;
    if (strcmp(p, "*") == 0) return 1;
    /* a parameter as the whole port: its value (-D, else its default)
     * must be a port number, never "*": "localhost:$PORT" ranks as a
     * numeric port and would beat a "localhost:*" deny */
    if (p[0] == PARAM_OPEN && strchr(p, PARAM_CLOSE) && strchr(p, PARAM_CLOSE)[1] == 0) {
        size_t nl = (size_t)(strchr(p, PARAM_CLOSE) - p - 1);
        const char *pv = hm_get(&c->defines, p + 1, nl);
        const param_decl *pd = hm_get(&c->params, p + 1, nl);
        if (!pv && pd && pd->def) pv = param_default_value(&c->a, c, pd, &c->defines, TPL_LINUX);   /* through the defaults it names */
        if (!pv) return 1;
        long pn = 0;
        size_t k = 0;
        for (; pv[k] >= '0' && pv[k] <= '9' && k < 6; k++) pn = pn * 10 + (pv[k] - '0');
        if (pv[k] || k == 0 || pv[0] == '0' || pn < 1 || pn > 65535) {
            diag *d = diag_add(&c->diags, SEV_ERROR, BK2007, s->at,
                               "the value \"%s\" of %.*s is not a port: a parameter used as a port holds 1-65535",
                               pv, (int)nl, p + 1);
            diag_help(&c->diags, d, "write \"%.*s:*\" for any port", (int)hl, v);
            return 0;
        }
        return 1;
    }
    long port = 0;
    size_t nd = 0;
    for (; *p; p++, nd++) {
        if (*p < '0' || *p > '9' || nd > 5) { port = -1; break; }
        port = port * 10 + (*p - '0');
    }
    if (nd == 0 || port < 1 || port > 65535) {
        diag_add(&c->diags, SEV_ERROR, BK2007, s->at, "invalid port in \"%s\": use 1-65535 or *", s->s);
        return 0;
    }
    if (colon[1] == '0') {
        /* Seatbelt reads "080" as port 80; one spelling per port keeps
         * comparisons (overlap, carve-outs, queries) exact */
        diag *d = diag_add(&c->diags, SEV_ERROR, BK2011, s->at,
                           "port \"%s\" has a leading zero", colon + 1);
        diag_help(&c->diags, d, "did you mean \"%.*s:%ld\"?", (int)hl, v, port);
        return 0;
    }
    return 1;
}

/* A message is a template (it may name parameters), and templates mark
 * parameters with the bytes PARAM_OPEN and PARAM_CLOSE; a message may hold
 * those bytes as text ("\x01"), so each one becomes the marker
 * MSG_BYTE_NAME followed by the byte's digit, a name no parameter can have,
 * which the SBPL back end writes back as the byte. */
static const char *message_template(compilation *c, const ast_str *s)
{
    size_t n;
    if (!memchr(s->s, PARAM_OPEN, s->len) && !memchr(s->s, PARAM_CLOSE, s->len))
        return expand_value(c, s, EXP_TEXT, &n);
    strbuf b;
    sb_init(&b);
    for (size_t i = 0, start = 0; i <= s->len; i++) {
        if (i < s->len && s->s[i] != PARAM_OPEN && s->s[i] != PARAM_CLOSE) continue;
        if (i > start) {
            ast_str piece = *s;
            piece.s = arena_strndup(&c->a, s->s + start, i - start);
            piece.len = i - start;
            const char *t = expand_value(c, &piece, EXP_TEXT, &n);
            if (!t) { sb_free(&b); return NULL; }
            sb_add(&b, t, n);
        }
        if (i < s->len) {
            sb_putc(&b, PARAM_OPEN);
            sb_puts(&b, MSG_BYTE_NAME);
            sb_putc(&b, (char)('0' + s->s[i]));
            sb_putc(&b, PARAM_CLOSE);
        }
        start = i + 1;
    }
    const char *r = arena_strndup(&c->a, b.data ? b.data : "", b.len);
    sb_free(&b);
    return r;
}

static rule *new_rule(compilation *c, unit *u, const ast_rule *ar, const verb_info *v, int op)
{
    rule *r = arena_alloc(&c->a, sizeof *r);
    r->action = ar->action;
    r->final = ar->final;
    r->section = ar->section;
    r->verb = ar->verb;
    r->op = op;
    r->covers = &op_get(op)->covers;
    r->verb_at = ar->verb_at;
    r->m.outbound = v->outbound;
    for (const ast_modifier *m = ar->mods; m; m = m->next) {
        if (m->kind == MOD_REPORT) r->mods |= MODF_REPORT;
        else if (m->kind == MOD_NO_REPORT) r->mods |= MODF_NO_REPORT;
        else {
            if (r->message) diag_add(&c->diags, SEV_ERROR, BK1001, m->at, "a rule can carry one message");
            r->message = message_template(c, &m->text);
        }
    }
    if ((r->mods & MODF_REPORT) && (r->mods & MODF_NO_REPORT))
        diag_add(&c->diags, SEV_ERROR, BK1001, ar->action_at, "report and no-report contradict each other");
    origin *o = arena_alloc(&c->a, sizeof *o);
    o->u = u;
    o->at = ar->action_at;
    o->value = ar->verb_at;
    r->origins = o;
    return r;
}

static void push_rule(rule_vec *dst, rule *r, source_cursor *cur)
{
    origin *o = r->origins;
    if (o->at.src) o->line = source_line_no(o->at.src, o->at.start, cur);
    rule_vec_push(dst, r);
}

/* What lowering carries from one rule to the next: the line counter, and
 * the last verb resolved (rules of a list mostly repeat it). */
typedef struct lower_state {
    source_cursor cur;
    section_t sec;
    const char *verb;      /* NULL: nothing remembered */
    verb_info v;
    int op;
} lower_state;

static void lower_matchers(compilation *c, unit *u, const ast_rule *ar, const verb_info *v, int op, source_cursor *cur);

static void lower_rule(compilation *c, unit *u, const ast_rule *ar, lower_state *ls)
{
    source_cursor *cur = &ls->cur;
    verb_info v;
    if (ls->verb && ls->sec == ar->section && strcmp(ls->verb, ar->verb) == 0) {
        lower_matchers(c, u, ar, &ls->v, ls->op, cur);
        return;
    }
    if (!verb_resolve(ar->section, ar->verb, &v)) {
        int noop = 0;
        if ((ar->section == SEC_FILES || ar->section == SEC_MISC) && op_lookup(ar->verb, &noop) < 0 && noop) {
            diag_add(&c->diags, SEV_WARNING, BK2006, ar->verb_at,
                     "operation %s is a no-op since macOS 10.15; the rule is dropped", ar->verb);
            return;
        }
        diag *d = diag_add(&c->diags, SEV_ERROR, BK2006, ar->verb_at,
                           "unknown verb \"%s\" in section %s", ar->verb, section_name(ar->section));
        /* a verb of another section: point there (misc takes no matcher,
         * or a raw filter) */
        int home = SEC_NONE;
        verb_info hv;
        for (int s = 0; s < SEC_COUNT && home == SEC_NONE; s++)
            if (s != (int)ar->section && verb_resolve((section_t)s, ar->verb, &hv)) home = s;
        if (home == SEC_MISC && ar->matchers)
            diag_help(&c->diags, d, "%s is an operation of section misc, where it takes no matcher or a raw "
                      "filter: misc { %s %s sbpl \"(literal \\\"/path\\\")\"; }", ar->verb,
                      action_name(ar->action), ar->verb);
        else if (home == SEC_MISC)
            diag_help(&c->diags, d, "%s is an operation of section misc: misc { %s %s; }", ar->verb,
                      action_name(ar->action), ar->verb);
        else if (home != SEC_NONE)
            diag_help(&c->diags, d, "%s is a verb of section %s: %s { %s %s ...; }", ar->verb,
                      section_name((section_t)home), section_name((section_t)home),
                      action_name(ar->action), ar->verb);
        else {
            const char *sug = verb_suggest(ar->section, ar->verb);
            if (sug && strcmp(sug, ar->verb)) diag_help(&c->diags, d, "did you mean \"%s\"?", sug);
            else {
                strbuf b;
                sb_init(&b);
                verb_names(ar->section, &b);
                diag_help(&c->diags, d, "the verbs of %s are %s", section_name(ar->section), sb_cstr(&b));
                sb_free(&b);
            }
        }
        return;
    }
    int noop = 0;
    int op = op_lookup(v.op, &noop);
    if (op < 0) {
        diag_add(&c->diags, SEV_WARNING, BK2006, ar->verb_at,
                 "operation %s is a no-op since macOS 10.15; the rule is dropped", v.op);
        return;
    }
    ls->sec = ar->section;
    ls->verb = ar->verb;
    ls->v = v;
    ls->op = op;
    lower_matchers(c, u, ar, &v, op, cur);
}

/* `allow OP sbpl "(filter ...)"` in misc (docs/language.md): the filter is
 * read and checked by the SBPL reader, and the rule becomes a raw SBPL rule
 * "(allow OP (filter ...))", emitted with the sbpl blocks.  Errors in the
 * filter are reported at its string. */
static void lower_raw_filter(compilation *c, unit *u, const ast_rule *ar, const verb_info *v, const ast_matcher *am)
{
    if (ar->section != SEC_MISC) {
        diag *d = diag_add(&c->diags, SEV_ERROR, BK1001, am->kind_at, "a raw sbpl filter is only for misc rules");
        diag_help(&c->diags, d, "%s %s accepts %s", section_name(ar->section), ar->verb, kinds_describe(v->kinds));
        return;
    }
    if (ar->final || ar->remove) {
        diag *d = diag_add(&c->diags, SEV_ERROR, BK1001, am->kind_at, "a raw sbpl filter cannot be %s",
                           ar->final ? "final" : "removed");
        diag_help(&c->diags, d, "raw SBPL rules decide by Seatbelt's precedence, outside buckle's rule merging");
        return;
    }
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "(%s %s %.*s", action_name(ar->action), v->op, (int)am->value.len, am->value.s);
    for (const ast_modifier *m = ar->mods; m; m = m->next) {
        if (m->kind == MOD_REPORT) sb_puts(&b, " (with report)");
        else if (m->kind == MOD_NO_REPORT) sb_puts(&b, " (with no-report)");
        else {
            sb_puts(&b, " (with message \"");
            for (size_t i = 0; i < m->text.len; i++) {
                unsigned char ch = (unsigned char)m->text.s[i];
                if (ch == '"' || ch == '\\') sb_printf(&b, "\\%c", ch);
                else if (ch < 0x20 || ch == 0x7f) sb_printf(&b, "\\x%02x", ch);
                else sb_putc(&b, (char)ch);
            }
            sb_puts(&b, "\")");
        }
    }
    sb_puts(&b, ")\n");
    size_t len = b.len;
    source *fs = source_new(u->display, u->display, sb_detach(&b), len);
    fs->next = c->sources;
    c->sources = fs;
    /* read the filter alone first: exactly one list */
    diag *last = c->diags.tail;
    unsigned before = c->diags.errors;
    size_t head = strlen(action_name(ar->action)) + strlen(v->op) + 3;   /* "(allow OP " */
    sbpl_read_opts o = { .start = (uint32_t)head, .end = (uint32_t)(head + am->value.len) };
    sexp *f = sbpl_read(&c->a, &c->diags, fs, &o);
    if (c->diags.errors == before) {
        if (!f || f->next || f->kind != SX_LIST)
            diag_add(&c->diags, SEV_ERROR, BK1001, am->value.at, "a raw sbpl filter is one parenthesized filter");
        else
            check_sbpl_filter(c, f, 0);
        if (c->diags.errors == before) sbpl_guard(&c->diags, f, 0);
    }
    /* what the reader and the checks said, at the filter's string */
    for (diag *d = last ? last->next : c->diags.head; d; d = d->next) {
        if (d->at.src != fs) continue;
        d->msg = arena_printf(&c->a, "in the sbpl filter: %s", d->msg);
        d->at = am->value.at;
    }
    if (c->diags.errors != before) return;
    if (c->canon != compile_platform(c)) return;    /* another platform's block: checked only */
    ast_sbpl *blk = arena_alloc(&c->a, sizeof *blk);
    blk->text.s = fs->text;
    blk->text.len = fs->len;
    blk->text.at = (span){ fs, 0, (uint32_t)fs->len };
    blk->at = am->value.at;
    ast_file *af = (ast_file *)u->ast;
    if (af->sbpl_tail) af->sbpl_tail->next = blk; else af->sbpl = blk;
    af->sbpl_tail = blk;
}

/* A plain prefix *val (after the /private rewrite) whose written string
 * ends inside the first component /tmp, /var or /etc: sets *val to the
 * string as written (without /private) and returns the alias's path under
 * /private; otherwise NULL. */
static const char *prefix_alias_split(const char **val, size_t *len, const char *written)
{
    static const char *const under[] = { "/private/tmp", "/private/var", "/private/etc" };
    const char *v = *val;
    size_t n = *len;
    if (written[0] != '/' || !strncmp(written, "/private", 8)) return NULL;
    for (size_t k = 0; k < 3; k++) {
        if (n == 12 && !memcmp(v, under[k], 12)) { *val = v + 8; *len = 4; return under[k]; }
        if (n >= 2 && n <= 3 && v[0] == '/' && (alias_component(v + 1, n - 1, ALIAS_BEGIN) >> k & 1)) return under[k];
    }
    return NULL;
}

static void lower_matchers(compilation *c, unit *u, const ast_rule *ar, const verb_info *v, int op, source_cursor *cur)
{
    rule_vec *dst = ar->remove ? &u->removes : &u->rules;
    if (!ar->matchers) {
        rule *r = new_rule(c, u, ar, v, op);
        r->m.kind = MK_NONE;
        matcher_finish(&c->a, &r->m);
        push_rule(dst, r, cur);
        return;
    }
    for (const ast_matcher *am = ar->matchers; am; am = am->next) {
        if (am->kind && !strcmp(am->kind, "sbpl")) { lower_raw_filter(c, u, ar, v, am); continue; }
        int ok;
        matcher_kind k = kind_for(v, am->kind, &ok);
        if (!ok) {
            span at = am->kind ? am->kind_at : am->value.at;
            diag *d;
            if (v->kinds == KS_NONE)
                d = diag_add(&c->diags, SEV_ERROR, BK1001, at, "%s %s takes no matcher",
                             section_name(ar->section), ar->verb);
            else
                d = diag_add(&c->diags, SEV_ERROR, BK1001, at, "\"%s\" is not a matcher kind of %s %s",
                             am->kind ? am->kind : "(string)", section_name(ar->section), ar->verb);
            diag_help(&c->diags, d, "%s %s accepts %s", section_name(ar->section), ar->verb, kinds_describe(v->kinds));
            continue;
        }
        expand_mode mode;
        switch (k) {
        case MK_SUBPATH: case MK_LITERAL: mode = EXP_PATH; break;
        case MK_PREFIX: mode = EXP_PREFIX; break;
        case MK_GLOB: mode = EXP_GLOB; break;
        case MK_REGEX: mode = EXP_REGEX; break;
        case MK_NAME_REGEX: mode = EXP_NAME_REGEX; break;
        default: mode = EXP_NAME;
        }
        size_t len;
        value_info vi;
        const char *val = expand_value_info(c, &am->value, mode, &len, &vi);
        if (!val) continue;
        if (k == MK_IP && !check_ip(c, &am->value, val)) continue;
        if (k == MK_TARGET) {
            int found = 0;
            for (size_t i = 0; sb_target_at(i); i++)
                if (strcmp(val, sb_target_at(i)) == 0) found = 1;
            if (!found) {
                diag *d = diag_add(&c->diags, SEV_ERROR, BK2007, am->value.at, "unknown target \"%s\"", val);
                diag_help(&c->diags, d, "targets are self, same-sandbox, children, others and pgrp");
                continue;
            }
        }
        /* a regex with top-level alternatives is one rule per alternative,
         * each ranked on its own fixed part (docs/language.md) */
        size_t alt = mode == EXP_REGEX || mode == EXP_NAME_REGEX ? regex_alt_end(val, len) : len;
        int split = alt < len;
        /* a prefix string that ends inside /tmp, /var or /etc ("/tmp",
         * "/t"): the paths under the alias are /private/tmp to the kernel,
         * the others ("/tmpfoo") stay: the prefix as written, and the
         * subpath under /private, which ranks as written there */
        const char *under = NULL;
        if (k == MK_PREFIX && !memchr(am->value.s, '$', am->value.len) && c->canon == PLAT_MACOS) {
            under = prefix_alias_split(&val, &len, am->value.s);
            alt = len;
        }
        for (;;) {
            rule *r = new_rule(c, u, ar, v, op);
            r->m.kind = k;
            r->m.ns = v->ns;
            if (am->kind && strcmp(am->kind, "local") == 0) r->m.ns = NS_LOCAL;
            if (am->kind && strcmp(am->kind, "registry-class") == 0) r->m.ns = NS_IOKIT_REG;
            r->m.value = split ? arena_strndup(&c->a, val, alt) : val;
            r->m.len = alt;
            /* one matcher: point at the rule's action (as the README shows); several:
             * at the matcher that made this rule */
            if (am != ar->matchers || am->next) r->origins->at = am->value.at;
            r->origins->value = am->value.at;
            r->m.plain = vi.plain;
            matcher_finish_depth(&c->a, &r->m, mode == EXP_PATH || mode == EXP_PREFIX ? vi.depth : -1);
            push_rule(dst, r, cur);
            if (under) {
                rule *u2 = new_rule(c, u, ar, v, op);
                u2->m = r->m;
                u2->m.kind = MK_SUBPATH;
                u2->m.value = under;
                u2->m.len = strlen(under);
                *u2->origins = *r->origins;
                matcher_finish_depth(&c->a, &u2->m, -1);
                push_rule(dst, u2, cur);
            }
            if (alt >= len) break;
            val += alt + 1;
            len -= alt + 1;
            alt = regex_alt_end(val, len);
        }
    }
}

/* 1 when the rule's matchers name parameter `name` ($NAME or ${NAME}). */
static int rule_names_param(const ast_rule *r, const char *name)
{
    size_t nl = strlen(name);
    for (const ast_matcher *m = r->matchers; m; m = m->next)
        for (const char *q = m->value.s; q && (q = strchr(q, '$')); q++) {
            const char *n = q + 1 + (q[1] == '{');
            if (strncmp(n, name, nl) == 0 && !(isalnum((unsigned char)n[nl]) || n[nl] == '_' || n[nl] == '-'))
                return 1;
        }
    return 0;
}

/* Does text s name parameter `name` ($name or ${name})? */
static int text_names_param(const char *s, const char *name)
{
    size_t nl = strlen(name);
    for (const char *q = s; q && (q = strchr(q, '$')); q++) {
        const char *n = q + 1 + (q[1] == '{');
        if (strncmp(n, name, nl) == 0 && !(isalnum((unsigned char)n[nl]) || n[nl] == '_' || n[nl] == '-')) return 1;
    }
    return 0;
}

/* The first unit (index) with a final rule that names the parameter, or -1:
 * a later file may not change the default such a rule was written with.
 * A parameter named in the default of one that a final rule names (in any
 * file: `param ROOT = "$A/x"`) reaches the rule through it. */
static int final_user_depth(compilation *c, const char *name, int depth)
{
    int best = -1;
    for (size_t i = 0; i < c->nunits && best < 0; i++)
        for (const ast_rule *r = c->units[i]->ast->rules; r; r = r->next)
            if (r->final && !r->remove && rule_names_param(r, name)) { best = (int)i; break; }
    if (depth >= 8) return best;
    for (size_t i = 0; i < c->nunits; i++)
        for (const ast_param *ap = c->units[i]->ast->params; ap; ap = ap->next) {
            if (!ap->has_default || !ap->def.s || !strcmp(ap->name, name) || !text_names_param(ap->def.s, name)) continue;
            int f = final_user_depth(c, ap->name, depth + 1);
            if (f >= 0 && (best < 0 || f < best)) best = f;
        }
    return best;
}

static int final_user(compilation *c, const char *name) { return final_user_depth(c, name, 0); }

static void declare_params(compilation *c)
{
    for (size_t i = 0; i < NBUILTIN_PARAMS; i++) {
        param_decl *p = arena_alloc(&c->a, sizeof *p);
        p->name = builtin_params[i].name;
        p->builtin = 1;
        hm_put(&c->params, p->name, strlen(p->name), p);
    }
    for (size_t i = 0; i < c->nunits; i++) {
        unit *u = c->units[i];
        for (const ast_param *ap = u->ast->params; ap; ap = ap->next) {
            param_decl *p = hm_gets(&c->params, ap->name);
            if (!p) {
                p = arena_alloc(&c->a, sizeof *p);
                p->name = ap->name;
                hm_put(&c->params, p->name, strlen(p->name), p);
            }
            if (!p->builtin) { p->u = u; p->at = ap->at; }
        }
    }
    /* defaults: the last file that sets one wins; expanded after every name is known */
    for (size_t i = 0; i < c->nunits; i++) {
        for (const ast_param *ap = c->units[i]->ast->params; ap; ap = ap->next) {
            if (!ap->has_default) continue;
            param_decl *p = hm_gets(&c->params, ap->name);
            /* a built-in's value is the environment's in buckle run, the
             * test value in query and test: a default would be seen by
             * the one and not the other */
            if (p->builtin) {
                diag *d = diag_add(&c->diags, SEV_ERROR, BK2008, ap->def.at,
                                   "%s is a built-in parameter: a profile cannot give it a default", ap->name);
                diag_help(&c->diags, d, "buckle run takes %s from the environment; declare it without a value "
                          "(`param %s;`) and pass -D %s=VALUE to fix it", ap->name, ap->name, ap->name);
                continue;
            }
            /* a final rule keeps the default it was given, by its own file
             * or by a file between (a file extending it may give the first
             * one, as -D would): a later file that sets another would move
             * the final rule */
            int fu = p->def_at.src ? final_user(c, ap->name) : -1;
            if (fu >= 0 && (size_t)fu < i) {
                diag *d = diag_add(&c->diags, SEV_ERROR, BK2005, ap->def.at,
                                   "this default of %s would move a final rule of %s", ap->name,
                                   c->units[fu]->display);
                diag_note_add(&c->diags, d, p->def_at, "the default the final rule takes");
                diag_help(&c->diags, d, "final rules cannot be changed by a file that extends them; pass -D %s=VALUE "
                          "at run time instead, or use another parameter", ap->name);
                continue;
            }
            p->def_unit = i;
            if (ap->def.len == 0) {
                diag *d = diag_add(&c->diags, SEV_ERROR, BK2008, ap->def.at,
                                   "parameter %s has an empty default", ap->name);
                diag_help(&c->diags, d, "give it a value, or declare it without one (`param %s;`) and pass -D %s=VALUE",
                          ap->name, ap->name);
                continue;
            }
            p->def_at = ap->def.at;
            size_t n;
            int path = ap->def.s[0] == '/' || ap->def.s[0] == '~' || ap->def.s[0] == '$';
            /* a parameter that starts the default starts a path only if this
             * one does (check_roots passes it on): "param PORT = "$A";" for
             * a port makes no path of A */
            param_decl *first = NULL, keep;
            memset(&keep, 0, sizeof keep);
            if (ap->def.s[0] == '$') {
                size_t b = ap->def.len > 1 && ap->def.s[1] == '{' ? 2 : 1, e = b;
                while (e < ap->def.len && (isalnum((unsigned char)ap->def.s[e]) || ap->def.s[e] == '_')) e++;
                first = hm_get(&c->params, ap->def.s + b, e - b);
                if (first) keep = *first;
            }
            const char *v = expand_value(c, &ap->def, path ? EXP_PATH : EXP_NAME, &n);
            if (first && first != p) {
                first->path_root = keep.path_root;
                first->root_at = keep.root_at;
                first->root_glued = keep.root_glued;
                first->glued_at = keep.glued_at;
            }
            if (v) p->def = v;
        }
    }
    for (size_t i = 0; i < c->opts.ndefines; i++) {
        const define *d = &c->opts.defines[i];
        const char *dv = platform_path(&c->a, compile_platform(c), define_value_for(d, compile_platform(c)));
        hm_set(&c->defines, d->name, strlen(d->name), (void *)dv);
        if (!hm_gets(&c->params, d->name))
            diag_add(&c->diags, SEV_WARNING, BK2001, (span){ 0 },
                     "-D %s: no such parameter in this profile", d->name);
    }
}

/* A default used inside a path, resolved through the defaults it names
 * ("$P/c" is absolute): 1 when it fits there or has no value yet. */
static int param_inner_ok_default(compilation *c, const param_decl *p)
{
    const char *v = param_default_value(&c->a, c, p, &c->defines, TPL_LINUX);
    return !v || param_inner_ok(v);
}

/* A parameter that starts a path needs an absolute value: a -D value is
 * checked here (the command line cannot know how the profile uses it), a
 * default where it is written; a default that is another parameter makes
 * that one a root too. */
static void check_roots(compilation *c)
{
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < c->params.cap; i++) {
            hm_slot *sl = &c->params.slots[i];
            if (!sl->hash) continue;
            param_decl *p = sl->val;
            if (!p->path_root || !p->def || p->def[0] != PARAM_OPEN || hm_gets(&c->defines, p->name)) continue;
            const char *end = strchr(p->def, PARAM_CLOSE);
            param_decl *q = end ? hm_get(&c->params, p->def + 1, (size_t)(end - p->def - 1)) : NULL;
            if (q && !q->path_root) { q->path_root = 1; q->root_at = p->root_at; changed = 1; }
        }
    }
    for (size_t i = 0; i < c->params.cap; i++) {
        hm_slot *sl = &c->params.slots[i];
        if (!sl->hash) continue;
        param_decl *p = sl->val;
        const char *dv = hm_gets(&c->defines, p->name);
        /* inside a path, an absolute value would make "//" */
        if (p->path_inner && dv && !param_inner_ok(dv)) {
            diag *d = diag_add(&c->diags, SEV_ERROR, BK2008, p->inner_at,
                               "-D %s=%s: %s is used inside a path here, so its value must be relative, "
                               "without an empty, \".\" or \"..\" component", p->name, dv, p->name);
            diag_help(&c->diags, d, "pass one or more path components, such as -D %s=name", p->name);
            c->bad_define = 1;
        } else if (p->path_inner && !dv && p->def && !param_inner_ok_default(c, p)) {
            diag *d = diag_add(&c->diags, SEV_ERROR, BK2008, p->def_at,
                               "the default of %s cannot stand inside a path (it must be relative, without an "
                               "empty, \".\" or \"..\" component), but %s is used inside one", p->name, p->name);
            diag_note_add(&c->diags, d, p->inner_at, "%s is used here", p->name);
        }
        if (!p->path_root) continue;
        /* a default, resolved through the defaults it names, is held to
         * the same as a -D value: "${P}b" cannot take "/" */
        const char *rdv = !dv && p->root_glued ? param_default_value(&c->a, c, p, &c->defines, TPL_LINUX) : NULL;
        if (rdv && strcmp(rdv, "/") == 0) {
            diag *d = diag_add(&c->diags, SEV_ERROR, BK2008, p->def_at,
                               "the default of %s is /, but %s starts a path with text glued to it", p->name, p->name);
            diag_note_add(&c->diags, d, p->glued_at, "%s is glued to text here", p->name);
            diag_help(&c->diags, d, "write \"$%s/...\" with a \"/\" after the parameter, or give it a longer path", p->name);
            continue;
        }
        if (dv && p->root_glued && strcmp(dv, "/") == 0) {
            /* "${P}b" with P=/ is "/b", but "$P/b" joins through P.dir:
             * the two spellings would not compare as the same place */
            diag *d = diag_add(&c->diags, SEV_ERROR, BK2008, p->glued_at,
                               "-D %s=/: %s starts a path here with text glued to it, so its value cannot be /",
                               p->name, p->name);
            diag_help(&c->diags, d, "write \"$%s/...\" with a \"/\" after the parameter, or pass a longer path", p->name);
            c->bad_define = 1;
            continue;
        }
        if (dv) {
            if (dv[0] == '/') continue;
            diag *d = diag_add(&c->diags, SEV_ERROR, BK2008, p->root_at,
                               "-D %s=%s: %s starts a path here, so its value must be an absolute path",
                               p->name, dv, p->name);
            diag_help(&c->diags, d, "pass an absolute path, such as -D %s=/%s", p->name, dv);
            c->bad_define = 1;
        } else if (p->def && p->def[0] != '/' && p->def[0] != PARAM_OPEN) {
            diag *d = diag_add(&c->diags, SEV_ERROR, BK2008, p->def_at,
                               "the default of %s is not an absolute path, but %s starts a path", p->name, p->name);
            diag_note_add(&c->diags, d, p->root_at, "%s starts this path", p->name);
            diag_help(&c->diags, d, "write an absolute default (start it with /, ~ or a parameter such as $HOME)");
        }
    }
}

/* A rule of another platform's block (docs/language.md): lowered all the
 * same, spelled that platform's way, so that its errors are reported and
 * the parameters it names count as used; then dropped, before merging, so
 * that it takes part in no precedence, final check or output. */
static void lower_foreign(compilation *c, unit *u, const ast_rule *ar, lower_state *ls)
{
    unit scratch = *u;
    memset(&scratch.rules, 0, sizeof scratch.rules);
    memset(&scratch.removes, 0, sizeof scratch.removes);
    c->canon = ar->platform;
    lower_rule(c, &scratch, ar, ls);
    c->canon = compile_platform(c);
    for (size_t i = 0; i < scratch.rules.n; i++) c->dropped_final |= scratch.rules.v[i]->final;
    c->dropped_remove |= scratch.removes.n > 0;
    free(scratch.rules.v);
    free(scratch.removes.v);
    ls->verb = NULL;
}

void lower_units(compilation *c)
{
    declare_params(c);
    lower_state ls;
    memset(&ls, 0, sizeof ls);
    platform_t target = compile_platform(c);
    for (size_t i = 0; i < c->nunits; i++) {
        unit *u = c->units[i];
        size_t nr = 0;
        for (const ast_rule *ar = u->ast->rules; ar; ar = ar->next) nr += ar->platform != PLAT_ANY && ar->platform != target;
        if (nr) {
            u->other_start = arena_alloc(&c->a, nr * sizeof *u->other_start);
            u->other_end = arena_alloc(&c->a, nr * sizeof *u->other_end);
        }
        for (const ast_rule *ar = u->ast->rules; ar; ar = ar->next) {
            if (ar->platform != PLAT_ANY && ar->platform != target) {
                u->other_start[u->nother] = ar->at.start;
                u->other_end[u->nother++] = ar->at.end;
                lower_foreign(c, u, ar, &ls);
            } else lower_rule(c, u, ar, &ls);
        }
    }
    check_param_defaults(c);
    check_roots(c);
}
