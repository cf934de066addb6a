/* gen_check.c - diff-check --generate N: random profiles x value sets x
 * query objects.  For each profile and value set the profile is compiled
 * twice, with symbolic parameters and with the values inlined (as -D does),
 * and for every concrete operation and object:
 *   - the decision procedure on the IR (the decider) and the SBPL evaluator
 *     on the compiled output agree, for both compilations;
 *   - the symbolic and the inlined compilation decide alike;
 *   - no allow and deny of the operation both match the object in the output;
 *   - an object inside a final rule gets the final rule's decision;
 *   - the inlined compilation is not rejected when the symbolic one is not
 *     (final checks are conservative symbolically).
 * A profile the compiler rejects is repaired (the rule that contradicts a
 * final rule, or a port with a leading zero, goes) until it is accepted,
 * but for one in KEEP_REJECTED_IN, whose rejection is checked instead
 * (confirm_rejection).  A failing case is printed as a profile (--shrink:
 * the smallest subset of its rules that still fails) with its values.
 *   diff-check --generate N [--seed S] [--only A,B] [--without A,B] [--shrink]
 *              [--max-fail K] [--min-queries Q] [--list-shapes] [--quiet]
 *              [--skip agree,values,conflict,final,depth,glob,traversal,overlap,prefix,implied,target,defaults,
 *                      moves,moves-self,moves-glob,refused]
 *              [--show-rejects] [--shape-counts] [--count-only] */
#include "gen_check.h"
#include "diff_objects.h"
#include "gen_moves.h"
#include "gen_oracle.h"
#include "../../compiler/final_match.h"
#include "../../compiler/overlap.h"
#include "../../compiler/precedence.h"
#include "../../backend/emit.h"
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

/* one generated profile in KEEP_REJECTED_IN is not repaired when the
 * compiler rejects it: its rejection is checked instead */
#define KEEP_REJECTED_IN 10

typedef struct gstats {
    long queries, pairs, rejected, failing_pairs;
    long repaired;                  /* profiles the generator changed until the compiler accepted them */
    long kept, confirmed;           /* deliberately kept rejections, and those the oracle confirmed */
    long conservative;              /* BK2005 errors that are conservative by design (raw rules, two patterns) */
    long refused_witness;           /* BK2005 errors whose note names values -D refuses */
    long checked_profiles;          /* profiles checked with at least one value set */
    long shape_profiles[64];        /* checked profiles that hold each shape */
    long shape_kept[64];            /* kept rejections that hold each shape */
    /* raw sbpl: profiles generated with a raw rule, checked with one (after
     * repair), kept rejections; and each kept raw BK2005 by its outcome */
    long raw_profiles, raw_checked, raw_pairs, raw_kept, raw_queries, raw_decided;
    long raw_witness, raw_conservative, raw_unconfirmed;
    long move_queries;              /* requests asked of the final-moves oracle (gen_moves.c) */
    long refused_sets, refused_checked;   /* value sets docs/language.md refuses, and those -D had to refuse */
    const char *codes[16];          /* the codes of the rejections, and how many of each */
    long ncode[16];
} gstats;

/* the checks, each of which can be skipped (--skip NAME) */
enum { CK_AGREE, CK_VALUES, CK_CONFLICT, CK_FINAL, CK_DEPTH, CK_GLOB, CK_TRAVERSAL, CK_OVERLAP, CK_PREFIX, CK_IMPLIED,
       CK_TARGET, CK_DEFAULTS, CK_MOVES, CK_MOVES_SELF, CK_MOVES_GLOB, CK_REFUSED, CK_N };
static const char *const check_names[CK_N] = { "agree", "values", "conflict", "final", "depth", "glob", "traversal",
                                                "overlap", "prefix", "implied", "target", "defaults", "moves",
                                                "moves-self", "moves-glob", "refused" };

typedef struct gcase {
    unsigned skip;                  /* bit i: check i is skipped */
    const char *text;
    const gen_values *vs;
    int verbose;                    /* print the failures found */
    gstats *st;
    gen_rng *rng;
    int rejected;                   /* out: the symbolic compilation has errors */
    const char *reject_code;
    int break_order;                /* emit without carve-outs (the checks must notice) */
    int readable;                   /* check the one-rule-per-line form, not the compact one */
    int count_only;                 /* compile symbolically and count, check nothing */
    int shrinking;                  /* a pass of shrinking or printing a failure: counts nothing */
} gcase;

static void report(gcase *g, long *nfail, const char *fmt, const char *a, const char *b, const char *c, const char *d)
{
    if (g->verbose && *nfail < 6) {
        fprintf(stderr, "  - ");
        fprintf(stderr, fmt, a, b, c, d);
        fputc('\n', stderr);
    }
    (*nfail)++;
}

static const char *first_error(const compilation *c)
{
    for (const diag *d = c->diags.head; d; d = d->next)
        if (d->sev == SEV_ERROR) return d->code ? d->code : "(no code)";
    return "?";
}

static const char *first_error_msg(const compilation *c)
{
    for (const diag *d = c->diags.head; d; d = d->next)
        if (d->sev == SEV_ERROR) return d->msg;
    return "?";
}

static const char *dname(int d) { return d == 0 ? "allow" : d == 1 ? "deny" : "undecidable"; }

/* The whole compiled output, sbpl verbatim blocks included, evaluated with
 * the parameter values of decider d: what Seatbelt decides, raw rules and
 * all (crosscheck leaves the verbatim blocks out: buckle's answers are
 * about the rest) */
typedef struct fullpol { arena a; diag_list dl; source *src; sb_policy *pol; } fullpol;

static void full_policy(fullpol *fp, compilation *c, const decider *d, int flags)
{
    arena_init(&fp->a);
    diag_list_init(&fp->dl, &fp->a);
    strbuf b;
    sb_init(&b);
    emit_opts eo = { .break_order = (flags & CC_BREAK_ORDER) != 0, .compact = (flags & CC_COMPACT) != 0, .no_verbatim = 0 };
    emit_sbpl(c, &eo, &b);
    size_t len = b.len;
    fp->src = source_new("<full>", "<full>", sb_detach(&b), len);
    sexp *top = sbpl_read(&fp->a, &fp->dl, fp->src, NULL);
    size_t np;
    const sb_param *params = decider_sbpl_params(d, &np);
    sbpl_eval_opts o = { .params = params, .nparams = np };
    fp->pol = sbpl_eval(&fp->a, &fp->dl, fp->src, top, &o);
}

static void full_free(fullpol *fp)
{
    if (!fp->src) return;
    source_free(fp->src);
    arena_free(&fp->a);
    memset(fp, 0, sizeof *fp);
}

/* 1 when the rule at offset at of fp's text comes from a raw sbpl or an
 * sbpl verbatim block */
static int full_is_raw(const fullpol *fp, uint32_t at)
{
    const char *t = fp->src->text, *raw = strstr(t, "\n;; raw sbpl from ");
    if (raw && at > (uint32_t)(raw - t)) return 1;
    for (const char *v = strstr(t, ";; sbpl verbatim from "); v; v = strstr(v + 1, ";; sbpl verbatim from ")) {
        const char *e = strstr(v, ";; end of sbpl verbatim");
        if (at > (uint32_t)(v - t) && (!e || at < (uint32_t)(e - t))) return 1;
    }
    return 0;
}

/* 1 when a kept item of p is raw sbpl; 2 when one is in an sbpl verbatim block */
static int has_raw(const gen_profile *p, const unsigned char *keep)
{
    int r = 0;
    for (size_t i = 0; i < p->n; i++)
        if ((!keep || keep[i]) && p->items[i].raw) r |= p->items[i].raw & RAW_VERBATIM ? 3 : 1;
    return r;
}

/* The final rules of c that match q for its operation: their action, -1
 * when none, 2 when both actions do */
/* the fold of a final rule's own operation in every case of its letters
 * is not compared with raw rules (docs/language.md, "Final rules and
 * case"): where a raw rule meets it only in another case, the raw rule
 * decides there; the fold of making the path (file-write-create,
 * file-link) is */
static int raw_passes_fold(const rule *r, int op)
{
    return r->implied == IMPL_CASE && op != op_lookup("file-write-create", NULL) && op != op_lookup("file-link", NULL);
}

static int final_action(const compilation *c, crosscheck *x, const sb_request *q, const rule **fr)
{
    int fin = -1, fold = -1;
    for (size_t i = 0; i < c->pol.rules.n; i++) {
        const rule *r = c->pol.rules.v[i];
        if (!r->final || !opset_has(r->covers, q->op) || !decider_matches(x->d, r, q)) continue;
        if (raw_passes_fold(r, q->op)) { fold = (int)r->action; continue; }
        if (fin >= 0 && fin != (int)r->action) return 2;
        fin = (int)r->action;
        if (fr) *fr = r;
    }
    /* a written final rule and a fold of the other action: ranked */
    return fin >= 0 && fold >= 0 && fold != fin ? 2 : fin;
}

static void seed_objects(objset *s, const gen_profile *p, const unsigned char *keep, const sb_param *v, gen_rng *r)
{
    for (size_t i = 0; i < p->n; i++) {
        if (keep && !keep[i]) continue;
        const gen_item *it = &p->items[i];
        for (size_t k = 0; k < it->nseeds; k++) {
            strbuf b;
            sb_init(&b);
            gen_expand(&b, it->seeds[k], v, GEN_NVALUES);
            const char *o = sb_cstr(&b);
            if (it->seed_kind[k] == 0 && o[0] == '/') {
                path_objects(s, o, b.len, 1, r);
                sb_putc(&b, '/');
                objset_add(s, b.data, b.len, OBJ_PATH, 0);
            } else if (it->seed_kind[k] == 1) {
                static const int nss[] = { SNS_GLOBAL, SNS_LOCAL, SNS_SYSCTL, SNS_IPC };
                for (size_t n = 0; n < 4; n++) name_objects(s, o, b.len, nss[n]);
            } else if (it->seed_kind[k] == 2) {
                const char *colon = strrchr(o, ':');
                long port = strcmp(colon + 1, "*") ? strtol(colon + 1, NULL, 10) : 8080;
                char buf[64];
                snprintf(buf, sizeof buf, "localhost:%ld", port); objset_adds(s, buf, OBJ_IP, 0);
                snprintf(buf, sizeof buf, "*:%ld", port); objset_adds(s, buf, OBJ_IP, 0);
                snprintf(buf, sizeof buf, "localhost:0%ld", port); objset_adds(s, buf, OBJ_IP, 0);
                /* loopback in other spellings: localhost to the kernel */
                snprintf(buf, sizeof buf, "127.1:%ld", port); objset_adds(s, buf, OBJ_IP, 0);
                snprintf(buf, sizeof buf, "[0:0:0:0:0:0:0:1]:%ld", port); objset_adds(s, buf, OBJ_IP, 0);
                snprintf(buf, sizeof buf, "10.0.0.1:%ld", port); objset_adds(s, buf, OBJ_IP, 0);
            }
            sb_free(&b);
        }
    }
}

static const char *show(arena *a, const char *t, size_t n)
{
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (t[i] == PARAM_OPEN) sb_puts(&b, "${");
        else if (t[i] == PARAM_CLOSE) sb_putc(&b, '}');
        else sb_putc(&b, t[i]);
    }
    const char *r = arena_strdup(a, sb_cstr(&b));
    sb_free(&b);
    return r;
}

/* A prefix rule's strings, read from its text as written in the profile
 * (not from the compiled rule): the string with the values put in, a value
 * "/" followed by "/" giving one "/", a trailing "/" kept.  0 when the text
 * is not there.  Text with a parameter (not one alone, which is the value)
 * means what the same text written means: when it is "/tmp" or starts it
 * ("/t", "/tm"), *under is "/private/tmp" (its paths are covered too,
 * not "/private/tmpx"); written, the rule is the string itself.
 * *alone: the rule is its string and no more: one parameter alone (its
 * canonical value), or a written "/tmp", "/t" (another rule of the same
 * line covers /private/tmp). */
static int written_prefix(const rule *r, const gen_values *vs, const decider *d, strbuf *out, const char **under, int *alone_out)
{
    *under = NULL;
    *alone_out = 0;
    const span *at = &r->origins->value;
    if (!at->src || at->end <= at->start || at->end > at->src->len) return 0;
    const char *t = at->src->text + at->start, *e = at->src->text + at->end;
    if (*t == '"') t++;
    if (e > t && e[-1] == '"') e--;
    strbuf raw;
    sb_init(&raw);
    for (; t < e; t++) {                        /* the generator escapes only \ and " */
        if (*t == '\\' && t + 1 < e) t++;
        sb_putc(&raw, *t);
    }
    sb_param canon[GEN_NVALUES + 2];           /* absolute values as -D canonicalizes them (/private) */
    strbuf cv[GEN_NVALUES + 2];
    for (size_t i = 0; i < GEN_NVALUES + 2; i++) {
        sb_init(&cv[i]);
        /* and the built-ins the value sets leave at their test values */
        canon[i] = i < GEN_NVALUES ? vs->v[i] : (sb_param){ i == GEN_NVALUES ? "WORKDIR" : "TMPDIR", "" };
        if (i >= GEN_NVALUES && decider_value(d, canon[i].name)) canon[i].value = decider_value(d, canon[i].name);
        if (canon[i].value[0] != '/') continue;
        /* "//" collapsed and a trailing "/" dropped (docs/language.md) */
        int alias = oracle_alias_text(canon[i].value, strlen(canon[i].value), 0);
        if (alias) sb_puts(&cv[i], "/private");
        for (const char *c = canon[i].value; *c; c++)
            if (!(*c == '/' && (c[1] == '/' || (!c[1] && c > canon[i].value))))
                sb_putc(&cv[i], alias && c - canon[i].value <= 3 && *c >= 'A' && *c <= 'Z' ? (char)(*c + 32) : *c);
        if (!cv[i].len) sb_putc(&cv[i], '/');
        canon[i].value = sb_cstr(&cv[i]);
    }
    gen_expand(out, sb_cstr(&raw), canon, GEN_NVALUES + 2);
    for (size_t i = 0; i < GEN_NVALUES + 2; i++) sb_free(&cv[i]);
    int param = strchr(sb_cstr(&raw), '$') != NULL, alone = 0;
    if (param) {                                           /* "$P" or "${P}" and nothing else */
        const char *x = sb_cstr(&raw) + 1;
        if (*x == '{') alone = strchr(x, '}') && !strchr(x, '}')[1];
        else { while (*x == '_' || (*x >= 'A' && *x <= 'Z') || (*x >= 'a' && *x <= 'z') || (*x >= '0' && *x <= '9')) x++; alone = !*x; }
    }
    *alone_out = alone;
    sb_free(&raw);
    static const char *const roots[] = { "/tmp", "/var", "/etc" }, *const privs[] = { "/private/tmp", "/private/var", "/private/etc" };
    for (size_t k = 0; !alone && k < 3; k++)
        if (out->len >= 2 && out->len <= 4 && !strncasecmp(out->data, roots[k], out->len)) {
            /* written, the rule is that string; a rule of its own (a
             * subpath of the /private path) covers the rest */
            if (param) *under = privs[k];
            else {
                /* written, in any case: read as the alias's name ("/TMP" is
                 * "/tmp", the /tmp link and the text /tmp...) */
                for (size_t j = 1; j < out->len; j++)
                    if (out->data[j] >= 'A' && out->data[j] <= 'Z') out->data[j] = (char)(out->data[j] + 32);
                *alone_out = 1;
            }
            return 1;
        }
    if (oracle_alias_text(out->data, out->len, 0)) {      /* /tmp: /private/tmp to the kernel */
        strbuf c;
        sb_init(&c);
        oracle_private(&c, out->data, out->len);
        sb_reset(out);
        sb_add(out, c.data, c.len);
        sb_free(&c);
    }
    return 1;
}

/* the second reading of docs/language.md (gen_oracle.c): depth of every written path
 * matcher (each top-level regex alternative on its own), and what each glob
 * covers, on every path object */
static void oracle_checks(gcase *g, compilation *c, crosscheck *x, const objset *s, long *nfail)
{
    arena *a = &x->a;
    for (size_t i = 0; i < c->pol.rules.n; i++) {
        const rule *r = c->pol.rules.v[i];
        if (r->m.kind == MK_TARGET && !((g->skip >> CK_TARGET) & 1))
            for (size_t k = 0; k < s->n; k++) {
                if (s->k[k] != OBJ_TARGET) continue;
                sb_request q;
                memset(&q, 0, sizeof q);
                q.op = r->op;
                request_kind_for_op(r->op, s->v[k], &q);
                q.kind = OBJ_TARGET;
                q.obj = s->v[k];
                q.len = strlen(s->v[k]);
                int want = oracle_target_holds(r->m.value, s->v[k]);
                if (want != (decider_matches(x->d, r, &q) == 1))
                    report(g, nfail, "target \"%s\" %s the request %s, but the decider says it does%s", r->m.value,
                           want ? "holds" : "does not hold", s->v[k], want ? " not" : "");
            }
        if (r->implied || mk_family(r->m.kind) != FAM_PATH || r->m.kind == MK_ANCESTORS) continue;
        const char *kind = r->m.kind == MK_GLOB ? "glob" : r->m.kind == MK_REGEX ? "regex" : "path";
        int depth_on = !((g->skip >> CK_DEPTH) & 1), glob_on = !((g->skip >> CK_GLOB) & 1);
        if (depth_on && r->m.kind == MK_REGEX && oracle_regex_has_top_alt(r->m.value, r->m.len)) {
            /* one matcher per alternative: each must rank as the rule does */
            const char *v = r->m.value;
            size_t st = 0, dep = 0, cls = 0;
            for (size_t k = 0; k <= r->m.len; k++) {
                if (k < r->m.len && v[k] == '\\') { k++; continue; }
                if (k < r->m.len && cls) { if (v[k] == ']') cls = 0; continue; }
                if (k < r->m.len && v[k] == '[') { cls = 1; continue; }
                if (k < r->m.len && v[k] == '(') dep++;
                if (k < r->m.len && v[k] == ')') dep--;
                if (k < r->m.len && !(v[k] == '|' && dep == 0)) continue;
                matcher alt = r->m;
                alt.value = v + st;
                alt.len = k - st;
                int d = oracle_depth(&alt);
                if (d >= 0 && d != r->m.spec_a)
                    report(g, nfail, "regex alternative %s of %s: depth %s, the compiler ranks the rule at %s",
                           show(a, alt.value, alt.len), crosscheck_where(x, origin_primary(r)),
                           arena_printf(a, "%d", d), arena_printf(a, "%d", r->m.spec_a));
                st = k + 1;
            }
            continue;
        }
        int d = oracle_depth(&r->m);
        if (depth_on && d >= 0 && d != r->m.spec_a)
            report(g, nfail, "%s %s: depth %s, the compiler ranks it at %s", kind, show(a, r->m.value, r->m.len),
                   arena_printf(a, "%d", d), arena_printf(a, "%d", r->m.spec_a));
        strbuf wp;
        sb_init(&wp);
        const char *under = NULL;
        int alone = 0;
        if (r->m.kind == MK_PREFIX && !((g->skip >> CK_PREFIX) & 1) && written_prefix(r, g->vs, x->d, &wp, &under, &alone)) {
            for (size_t k = 0; k < s->n; k++) {
                if (s->k[k] != OBJ_PATH) continue;
                sb_request q;
                memset(&q, 0, sizeof q);
                q.op = r->op;
                q.kind = OBJ_PATH;
                q.obj = s->v[k];
                q.len = strlen(s->v[k]);
                if (oracle_alias_text(q.obj, q.len, 0)) continue;    /* never a path the kernel presents */
                int want = q.len >= wp.len && !memcmp(q.obj, wp.data, wp.len);
                size_t ul = under ? strlen(under) : 0;
                if (under && q.len >= ul && !memcmp(q.obj, under, ul) && (q.len == ul || q.obj[ul] == '/')) want = 1;
                /* /private/tmp/x is the path /tmp/x a prefix "/tm" was written
                 * for; not a parameter alone, its canonical value ("$P" with
                 * P=/tm is the string /tm) */
                if (!want && !alone && q.len > 9 && !memcmp(q.obj, "/private/", 9) && oracle_alias_text(q.obj + 8, q.len - 8, 0))
                    want = q.len - 8 >= wp.len && !memcmp(q.obj + 8, wp.data, wp.len);
                if (want != (decider_matches(x->d, r, &q) == 1))
                    report(g, nfail, "prefix \"%s\" as written %s %s, but the decider says it does%s", sb_cstr(&wp),
                           want ? "covers" : "does not cover", q.obj, want ? " not" : "");
            }
        }
        sb_free(&wp);
        if (r->m.kind != MK_GLOB || !glob_on) continue;
        for (size_t k = 0; k < s->n; k++) {
            if (s->k[k] != OBJ_PATH) continue;
            sb_request q;
            memset(&q, 0, sizeof q);
            q.op = r->op;
            q.kind = OBJ_PATH;
            q.obj = s->v[k];
            q.len = strlen(s->v[k]);
            if (oracle_alias_text(q.obj, q.len, 0)) continue;        /* never a path the kernel presents */
            int want = oracle_glob_covers(x->d, r->m.value, r->m.len, q.obj, q.len);
            int got = decider_matches(x->d, r, &q);
            if (want != got)
                report(g, nfail, "glob %s %s %s, but the decider says it does%s", show(a, r->m.value, r->m.len),
                       want ? "covers" : "does not cover", q.obj, want ? " not" : "");
        }
    }
}

/* implied rules (docs/language.md): every proper ancestor of a path that read, write or exec
 * allows may be traversed (metadata allowed), unless a final rule or a deny
 * at least as specific as a literal at the ancestor's own depth says no */
static void traversal_check(gcase *g, crosscheck *x, const sb_request *q, const cc_answer *an, long *nfail)
{
    const rule *r = an->prof.r;
    if (q->kind != OBJ_PATH || an->prof.action != ACT_ALLOW || !r || r->implied || q->len < 2) return;
    if (strcmp(r->verb, "read") && strcmp(r->verb, "write") && strcmp(r->verb, "exec")) return;
    if (r->m.kind == MK_REGEX || q->obj[q->len - 1] == '/' || strstr(q->obj, "//")) return;   /* no ancestors defined */
    /* a glob whose first component a value helps make ("/${USER}*",
     * "$P/t*") is not traversed under /private (docs/language.md) */
    if (r->m.kind == MK_GLOB && q->len > 9 && !memcmp(q->obj, "/private/", 9) && oracle_alias_text(q->obj + 8, q->len - 8, 0)) {
        const char *v = r->m.value, *sl = memchr(v + 1, '/', r->m.len - 1);
        size_t first = sl ? (size_t)(sl - v) : r->m.len;
        if (memchr(v, PARAM_OPEN, first)) return;
    }
    /* nor is a path whose first component a value glued to text makes
     * ("/t$X", "${P}p", "$P/t$X" with P=/) */
    int glued = q->len > 9 && !memcmp(q->obj, "/private/", 9) && oracle_glued_first(r->m.value, r->m.len);
    static const char *const first_op[] = { "file-read-data", "file-write-data", "process-exec" };
    int mine = 0;
    for (size_t i = 0; i < 3; i++) if (q->op == op_lookup(first_op[i], NULL) && opset_has(r->covers, q->op)) mine = 1;
    if (!mine) return;
    int meta = op_lookup("file-read-metadata", NULL);
    size_t end = q->len;                            /* walk up, parent by parent */
    while (end > 0) {
        size_t k = end - 1;
        while (k > 0 && q->obj[k] != '/') k--;
        size_t al = k ? k : 1;                      /* the parent; "/" last */
        if (al >= end) break;
        if (glued && al == 8) break;                /* /private */
        sb_request m = *q;
        m.op = meta;
        m.len = al;
        m.obj = arena_strndup(&x->a, q->obj, al);
        int depth = 0;                              /* "/" 0, "/a" 1, "/a/b" 2 */
        for (size_t i = 0; al > 1 && i < al; i++) if (m.obj[i] == '/') depth++;
        decision d = decider_decide(x->d, &m);
        const rule *rr = d.r;
        /* inside the allowing rule's own scope (a subpath, prefix or glob
         * covers the directories below it) the allow's metadata ranks as
         * the allow does: a more specific deny there is a deliberate
         * carve-out, and nothing below it is allowed through this rule */
        int carved = rr && !rr->implied && decider_matches(x->d, r, &m) &&
                     (rr->m.spec_a > r->m.spec_a || (rr->m.spec_a == r->m.spec_a && rr->m.spec_b >= r->m.spec_b));
        if (d.action == ACT_DENY && !carved && !(rr && (rr->final || rr->m.spec_a > depth || (rr->m.spec_a == depth && rr->m.spec_b >= 3))))
            report(g, nfail, "%s %s is allowed but traversal of %s is denied%s", op_get(q->op)->name, q->obj, m.obj,
                   rr ? arena_printf(&x->a, " (by the rule at %s)", crosscheck_where(x, origin_primary(rr))) : " (default)");
        if (al == 1) break;
        end = al;
    }
}

/* the other way round: metadata that a traversal rule allows is the
 * traversal of some allow, as docs/language.md reads (gen_oracle.c); a
 * directory an allow matches with all below it (a glob that ends in a globstar,
 * a prefix "/") has the allow's own metadata, ranked as the allow */
static void implied_check(gcase *g, crosscheck *x, const compilation *c, const sb_request *q, const cc_answer *an,
                          const char *which, long *nfail)
{
    const rule *t = an->prof.r;
    if (q->kind != OBJ_PATH || an->prof.action != ACT_ALLOW || !t || t->implied != 1) return;
    if (q->op != op_lookup("file-read-metadata", NULL)) return;
    for (size_t i = 0; i < c->pol.rules.n; i++) {
        const rule *r = c->pol.rules.v[i];
        if (r->implied || r->action != ACT_ALLOW) continue;
        if (r->m.kind != MK_LITERAL && r->m.kind != MK_SUBPATH && r->m.kind != MK_PREFIX && r->m.kind != MK_GLOB &&
            r->m.kind != MK_REGEX) continue;
        if (oracle_traversal(x->d, r, q->obj, q->len)) return;
    }
    report(g, nfail, "%s: file-read-metadata %s is allowed by the traversal rule at %s, which no allow implies", which,
           q->obj, crosscheck_where(x, origin_primary(t)), "");
}

/* the overlap analysis: two path rules that it calls disjoint never match
 * one object (the objects include both rules' boundary objects) */
static void overlap_check(gcase *g, compilation *c, crosscheck *x, const objset *s, const char *which, long *nfail)
{
    size_t nr = 0, np = 0;
    const rule **rv = xcalloc(c->pol.rules.n + 1, sizeof *rv);
    const char **pv = xcalloc(s->n + 1, sizeof *pv);
    for (size_t i = 0; i < c->pol.rules.n; i++)
        if (mk_family(c->pol.rules.v[i]->m.kind) == FAM_PATH) rv[nr++] = c->pol.rules.v[i];
    for (size_t k = 0; k < s->n; k++) if (s->k[k] == OBJ_PATH) pv[np++] = s->v[k];
    unsigned char *hit = xcalloc(nr * np + 1, 1);
    for (size_t i = 0; i < nr; i++)
        for (size_t k = 0; k < np; k++) {
            sb_request q;
            memset(&q, 0, sizeof q);
            q.op = rv[i]->op;
            q.kind = OBJ_PATH;
            q.obj = pv[k];
            q.len = strlen(pv[k]);
            hit[i * np + k] = (unsigned char)(decider_matches(x->d, rv[i], &q) == 1);
        }
    for (size_t i = 0; i < nr; i++)
        for (size_t j = i + 1; j < nr; j++) {
            if (matcher_relation(&rv[i]->m, &rv[j]->m) != REL_DISJOINT) continue;
            for (size_t k = 0; k < np; k++)
                if (hit[i * np + k] && hit[j * np + k]) {
                    report(g, nfail, "%s: the overlap analysis calls the rules at %s and %s disjoint, but both match %s",
                           which, crosscheck_where(x, origin_primary(rv[i])), crosscheck_where(x, origin_primary(rv[j])), pv[k]);
                    break;
                }
        }
    free(hit);
    free(pv);
    free(rv);
}

/* One or more relative components: no empty, "." or ".." one. */
static int inner_value(const char *v)
{
    if (!*v || *v == '/') return 0;
    for (const char *c = v; *c;) {
        const char *e = strchr(c, '/');
        size_t n = e ? (size_t)(e - c) : strlen(c);
        if (!n || (n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.')) return 0;
        if (!e) break;
        c = e + 1;
    }
    return 1;
}

/* Read from the profile's text alone (the path sections, before mach,
 * sysctl, ipc and sbpl): does every parameter of the value set stand where
 * its value fits?  A parameter at the start of a string, after "~", or
 * after the "^" that starts a regex or one of its top-level alternatives
 * starts a path and needs an absolute value; anywhere else it is inside a
 * path and needs one or more relative components.  When they all fit, -D
 * must accept the values (BK2008 would be the compiler misreading where a
 * parameter stands).  Returns the name of a parameter that does not fit,
 * or NULL. */
static const char *values_misfit(const char *text, const gen_values *vs)
{
    int in_str = 0, regex = 0;
    for (const char *t = text; *t; t++) {
        if (!in_str && (t == text || t[-1] == '\n') &&
            (!strncmp(t, "mach ", 5) || !strncmp(t, "sysctl ", 7) || !strncmp(t, "ipc ", 4) || !strncmp(t, "sbpl ", 5)))
            break;
        if (*t == '"') {
            in_str = !in_str;
            regex = in_str && t - text >= 6 && !strncmp(t - 6, "regex ", 6);
            continue;
        }
        if (!in_str) continue;
        if (*t == '\\' && t[1]) { t++; continue; }
        if (*t != '$') continue;
        if (t[1] == '$') { t++; continue; }
        const char *nb = t + 1 + (t[1] == '{'), *ne = nb;
        while ((*ne >= 'A' && *ne <= 'Z') || (*ne >= 'a' && *ne <= 'z') || (*ne >= '0' && *ne <= '9') || *ne == '_') ne++;
        /* an unanchored regex: what it starts with may be inside a path */
        int root = (t[-1] == '"' && !regex) || (t[-1] == '^' && (t[-2] == '"' || t[-2] == '|'));
        const char *after = ne + (t[1] == '{');
        int glued = *after != '/' && *after != '"' && !(regex && *after == '$' && (after[1] == '"' || after[1] == '|'));
        for (size_t i = 0; i < GEN_NVALUES; i++) {
            const char *n = vs->v[i].name, *v = vs->v[i].value;
            if (strlen(n) != (size_t)(ne - nb) || strncmp(n, nb, (size_t)(ne - nb))) continue;
            /* "${P}b" with P=/ would be "/b" or "//b": refused (docs/language.md) */
            int fits = root ? v[0] == '/' && !(glued && !strcmp(v, "/")) : inner_value(v);
            if (!fits) return n;
        }
    }
    return NULL;
}

/* The profile with P and Q declared with the value set's values as their
 * defaults (Q through P where it lies under P: "$P/c"), the built-ins
 * left to -D; NULL when the text does not declare them as generated. */
static const char *defaults_text(arena *a, const char *text, const gen_values *vs)
{
    static const char head[] = "param P;\nparam Q;\n";
    if (strncmp(text, head, sizeof head - 1)) return NULL;
    const char *pv = NULL, *qv = NULL;
    for (size_t i = 0; i < GEN_NVALUES; i++) {
        if (!strcmp(vs->v[i].name, "P")) pv = vs->v[i].value;
        if (!strcmp(vs->v[i].name, "Q")) qv = vs->v[i].value;
    }
    if (!pv || !qv) return NULL;
    strbuf b;
    sb_init(&b);
    for (int k = 0; k < 2; k++) {
        const char *v = k ? qv : pv;
        size_t pl = strlen(pv);
        sb_printf(&b, "param %s = \"", k ? "Q" : "P");
        if (k && pv[0] == '/' && ((pl == 1 && qv[0] == '/' && qv[1]) || (pl > 1 && !strncmp(qv, pv, pl) && qv[pl] == '/'))) {
            sb_puts(&b, "$P");
            v = pl == 1 ? qv : qv + pl;
        }
        for (; *v; v++) {
            if (*v == '"' || *v == '\\') sb_putc(&b, '\\');
            if (*v == '$') sb_putc(&b, '$');
            sb_putc(&b, *v);
        }
        sb_puts(&b, "\";\n");
    }
    sb_puts(&b, text + sizeof head - 1);
    const char *r = arena_strdup(a, sb_cstr(&b));
    sb_free(&b);
    return r;
}

/* "a final path cannot be moved away", read from the profile's text
 * (gen_moves.c): every request that the final path denies as written imply
 * is denied by the compiled outputs, symbolic and inlined (raw rules
 * included), and by the decider on the IR */
static void moves_check(gcase *g, const gen_profile *p, const unsigned char *keep, crosscheck *x1, crosscheck *x2,
                        const sb_policy *full1, const sb_policy *full2, long *nfail)
{
    static const int check_of[] = { [MQ_DOC] = CK_MOVES, [MQ_SELF] = CK_MOVES_SELF, [MQ_GLOB] = CK_MOVES_GLOB };
    sb_param v[GEN_NVALUES + 2];
    for (size_t i = 0; i < GEN_NVALUES; i++) v[i] = g->vs->v[i];
    v[GEN_NVALUES] = (sb_param){ "WORKDIR", decider_value(x1->d, "WORKDIR") };
    v[GEN_NVALUES + 1] = (sb_param){ "TMPDIR", decider_value(x1->d, "TMPDIR") };
    arena a;
    arena_init(&a);
    for (size_t i = 0; i < p->n; i++) {
        const gen_item *it = &p->items[i];
        if ((keep && !keep[i]) || !it->move.tpl) continue;
        move_queries mq = { 0 };
        moves_expect(&a, &it->move, v, GEN_NVALUES + 2, &mq);
        for (size_t k = 0; k < mq.n; k++) {
            const move_query *m = &mq.v[k];
            if ((g->skip >> check_of[m->cls]) & 1) continue;
            sb_request q;
            memset(&q, 0, sizeof q);
            q.op = op_lookup(m->op, NULL);
            q.kind = OBJ_PATH;
            q.obj = m->obj;
            q.len = strlen(m->obj);
            q.vnode = m->vnode;
            const char *got[3] = { NULL, NULL, NULL };
            int dec[3] = { sbpl_decide(full1 ? full1 : x1->pol, &q, &a).decision,
                           x2 ? (int)sbpl_decide(full2 ? full2 : x2->pol, &q, &a).decision : ACT_DENY,
                           (int)decider_decide(x1->d, &q).action };
            if (dec[0] != ACT_DENY) got[0] = "the symbolic output";
            if (dec[1] != ACT_DENY) got[1] = "the inlined output";
            if (dec[2] != ACT_DENY) got[2] = "the profile's decision";
            g->st->queries++;
            for (int w = 0; w < 3; w++)
                if (got[w])
                    report(g, nfail, "%s: %s, of %s%s", arena_printf(&a, "%s decides %s", got[w], dname(dec[w])),
                           arena_printf(&a, "%s %s (%s)", m->op, m->obj, m->vnode),
                           arena_printf(&a, "%s of `%s`", m->what, it->text),
                           m->cls == MQ_DOC ? " (docs/language.md denies it)"
                           : m->cls == MQ_SELF ? " [moves-self: the path itself renamed away or into place]"
                                               : " [moves-glob: inside the glob's wildcards]");
        }
        if (!g->shrinking) g->st->move_queries += (long)mq.n;
        moves_free(&mq);
    }
    arena_free(&a);
}

/* Values docs/language.md refuses (gen_values.refused): an empty value, or
 * an absolute one with a "." or ".." component, is a usage error of -D
 * whatever the profile; a relative value with one (or with "/" at either
 * end) is an error (BK2008) where its parameter stands inside a path.
 * Nothing is compiled with them, so there is nothing else to ask. */
static long refused_check(gcase *g)
{
    long nfail = 0;
    arena a;
    arena_init(&a);
    define defs[GEN_NVALUES];
    const char *bad = NULL;
    for (size_t i = 0; i < GEN_NVALUES; i++) {
        const char *arg = arena_printf(&a, "%s=%s", g->vs->v[i].name, g->vs->v[i].value);
        if (define_parse(&a, arg, &defs[i])) bad = arg;
    }
    if (g->vs->refused == 1 && !bad)
        report(g, &nfail, "-D accepts the values '%s' (%s%s%s), which docs/language.md refuses", g->vs->name,
               g->vs->v[2].value, ", ", g->vs->v[3].value);
    if (g->vs->refused == 2 && bad)
        report(g, &nfail, "-D %s is a usage error, but a relative value is one only where it stands inside a path%s%s%s",
               bad, "", "", "");
    const char *mis = g->vs->refused == 2 && !bad ? values_misfit(g->text, g->vs) : NULL;
    if (mis) {
        compile_opts o = { 0 };
        o.defines = defs;
        o.ndefines = GEN_NVALUES;
        compilation *c = compilation_new(&o);
        if (compile_profile_text(c, "gen.buckle", g->text, strlen(g->text)) == 0)
            report(g, &nfail, "-D accepts %s=%s, which stands inside a path here (docs/language.md refuses it)%s%s", mis,
                   g->vs->v[1].value, "", "");
        else if (strcmp(first_error(c), "BK2008"))
            report(g, &nfail, "-D refuses %s=%s with %s, not BK2008%s", mis, g->vs->v[1].value, first_error(c), "");
        compilation_free(c);
    }
    if (!g->shrinking) { g->st->refused_sets++; g->st->refused_checked += bad || mis; }
    arena_free(&a);
    return nfail;
}

/* ---- rejections: repaired, or kept and confirmed --------------------------- */

static unsigned line_at(const diag *d, span at)
{
    (void)d;
    if (!at.src || at.start > at.src->len) return 0;
    unsigned line = 1;
    for (uint32_t i = 0; i < at.start; i++) line += at.src->text[i] == '\n';
    return line;
}

/* The line of the last note of d that lies on another line than d: for
 * BK2005 the final rule ("final deny is here"). */
static unsigned other_line(const diag *d)
{
    unsigned at = line_at(d, d->at), o = 0;
    for (const diag_note *n = d->notes; n; n = n->next) {
        unsigned l = line_at(d, n->at);
        if (l && l != at) o = l;
    }
    return o;
}

static const diag *first_error_diag(const compilation *c)
{
    for (const diag *d = c->diags.head; d; d = d->next)
        if (d->sev == SEV_ERROR) return d;
    return NULL;
}

/* Repairs a rejected profile until the compiler accepts it: a port with a
 * leading zero (BK2011) goes; of a rule and the final rule it contradicts
 * (BK2005) the rule goes, or the other loses its `final` (three times in
 * ten).  0 when accepted (after *changes changes), -1 when a rejection has
 * no item to change. */
static int repair(gen_profile *p, gen_rng *r, int *changes)
{
    *changes = 0;
    for (int round = 0; round < GEN_MAX_ITEMS; round++) {
        strbuf t;
        sb_init(&t);
        gen_profile_text(p, NULL, &t);
        compile_opts o = { 0 };
        compilation *c = compilation_new(&o);
        int rc = compile_profile_text(c, "gen.buckle", t.data, t.len);
        sb_free(&t);
        const diag *d = rc ? first_error_diag(c) : NULL;
        int vi = d ? gen_profile_item_at(p, NULL, line_at(d, d->at)) : -1;
        int fi = d && other_line(d) ? gen_profile_item_at(p, NULL, other_line(d)) : -1;
        const char *code = d && d->code ? d->code : "";
        compilation_free(c);
        if (!rc) return 0;
        if (!strcmp(code, "BK2011") && vi >= 0) gen_profile_drop(p, (size_t)vi);
        else if (!strcmp(code, "BK2005") && fi >= 0 && (vi < 0 || gen_rnd(r) % 10 < 3) && gen_profile_unfinal(p, (size_t)fi)) ;
        else if (!strcmp(code, "BK2005") && vi >= 0) gen_profile_drop(p, (size_t)vi);
        else return -1;
        (*changes)++;
    }
    return -1;
}

/* The values a BK2005 note names ("... with HOME=/Users/test P=/a"), over
 * the test values; n of them into v (names and values in a). */
static size_t note_values(arena *a, const diag *d, sb_param *v, size_t cap)
{
    size_t n = 0;
    for (const diag_note *nt = d->notes; nt; nt = nt->next) {
        const char *w = strstr(nt->msg, " rule with ");
        if (!w) continue;
        char *copy = arena_strdup(a, w + 11);
        for (char *tok = strtok(copy, " "); tok && n < cap; tok = strtok(NULL, " ")) {
            char *eq = strchr(tok, '=');
            if (!eq) continue;
            *eq = 0;
            v[n++] = (sb_param){ tok, eq + 1 };
        }
    }
    return n;
}

/* objects from a rule: its string or fixed part with the decider's values */
static void rule_objects(objset *s, decider *d, const rule *r, gen_rng *rg)
{
    size_t n = 0;
    const char *v = r->m.kind == MK_GLOB || r->m.kind == MK_REGEX || r->m.kind == MK_NAME_REGEX ? decider_rule_fixed(d, r, &n)
                  : r->m.kind == MK_NONE || r->m.kind == MK_ANCESTORS ? NULL : decider_rule_value(d, r, &n);
    if (r->m.kind == MK_REGEX || r->m.kind == MK_GLOB) {
        /* and the shortest paths it matches (a glob's values escaped) */
        const char *err = NULL;
        strbuf gb, gt;
        sb_init(&gb);
        sb_init(&gt);
        for (size_t i = 0; r->m.kind == MK_GLOB && i < r->m.len; i++) {
            if (r->m.value[i] != PARAM_OPEN) { sb_putc(&gt, r->m.value[i]); continue; }
            size_t e = i + 1;
            while (e < r->m.len && r->m.value[e] != PARAM_CLOSE) e++;
            const char *pv = decider_value(d, arena_strndup(s->a, r->m.value + i + 1, e - i - 1));
            for (; pv && *pv; pv++) {
                if (strchr("*?[]\\", *pv)) sb_putc(&gt, '\\');
                sb_putc(&gt, *pv);
            }
            i = e;
        }
        if (r->m.kind == MK_GLOB) glob_to_regex(&gb, gt.data ? gt.data : "", gt.len, NULL, NULL);
        sb_free(&gt);
        const char *re = r->m.kind == MK_GLOB ? gb.data : decider_rule_value(d, r, &n);
        if (r->m.kind == MK_GLOB) n = gb.len;
        sb_regex *rx = re ? sb_regex_compile(s->a, re, n, &err) : NULL;
        sb_free(&gb);
        char buf[512];
        for (int k = 0; rx && k < 2; k++)
            if (sb_regex_sample(rx, k | SB_SAMPLE_PATH, buf, sizeof buf) > 0 && buf[0] == '/') path_objects(s, buf, strlen(buf), 1, rg);
        n = 0;
        v = decider_rule_fixed(d, r, &n);
    }
    if (!v) return;
    if (mk_family(r->m.kind) == FAM_PATH && n && v[0] == '/') {
        char *c = arena_strndup(s->a, v, n);     /* a value "/" before "/x": one "/" */
        size_t w = 0;
        for (size_t i = 0; i < n; i++) if (!(c[i] == '/' && w && c[w - 1] == '/')) c[w++] = c[i];
        path_objects(s, c, w, 2, rg);
    }
    else if (mk_family(r->m.kind) == FAM_NAME) name_objects(s, v, n, ns_map[r->m.ns]);
    else objset_add(s, v, n, r->m.kind == MK_TARGET ? OBJ_TARGET : OBJ_IP, 0);
}

static int is_glob_or_regex(const rule *r)
{
    return r->m.kind == MK_GLOB || r->m.kind == MK_REGEX || r->m.kind == MK_NAME_REGEX;
}

/* The literal text a rule's value (with the decider's values) ends with,
 * after its last wildcard, and its last component: what another rule's
 * fixed part is completed with (final.c does the same to find a meeting) */
static void tails_of(arena *a, decider *d, const rule *r, const char **t, size_t *nt)
{
    size_t n;
    const char *v = r->m.kind == MK_NONE || r->m.kind == MK_ANCESTORS ? NULL : decider_rule_value(d, r, &n);
    if (!v) return;
    size_t e = n;
    if (r->m.kind == MK_REGEX && e && v[e - 1] == '$') e--;
    /* an optional "/" or subtree after it: what comes before is a tail too */
    if (r->m.kind == MK_REGEX && e >= 2 && !memcmp(v + e - 2, "/?", 2)) e -= 2;
    else if (r->m.kind == MK_REGEX && e >= 6 && !memcmp(v + e - 6, "(/.*)?", 6)) e -= 6;
    const char *meta = r->m.kind == MK_GLOB ? "*?[]\\" : r->m.kind == MK_REGEX ? ".[]()*+?{}|^$\\" : "";
    size_t i = e;
    while (i > 0 && !strchr(meta, v[i - 1])) i--;
    if (e > i) t[(*nt)++] = arena_strndup(a, v + i, e - i);
    size_t k = e;
    while (k > 0 && v[k - 1] != '/') k--;
    if (e > k && k >= i) t[(*nt)++] = arena_strndup(a, v + k, e - k);
}

/* objects where a fixed part meets the tails of the other rule */
static void completed_objects(objset *s, arena *a, decider *d, const rule *x, const char *const *t, size_t nt, gen_rng *rg)
{
    size_t n = 0;
    const char *v = x->m.kind == MK_GLOB || x->m.kind == MK_REGEX || x->m.kind == MK_NAME_REGEX ? decider_rule_fixed(d, x, &n)
                  : x->m.kind == MK_NONE || x->m.kind == MK_ANCESTORS ? NULL : decider_rule_value(d, x, &n);
    if (!v) return;
    int path = mk_family(x->m.kind) == FAM_PATH;
    for (size_t i = 0; i < nt; i++) {
        size_t tl = strlen(t[i]);
        const char *forms[4] = { arena_printf(a, "%.*s%s", (int)n, v, t[i]), arena_printf(a, "%.*s/%s", (int)n, v, t[i]),
                                 arena_printf(a, "%.*s/x/%s", (int)n, v, t[i]), NULL };
        for (size_t k = tl < n ? tl : n; k > 0; k--)
            if (!memcmp(v + n - k, t[i], k)) { forms[3] = arena_printf(a, "%.*s%s", (int)n, v, t[i] + k); break; }
        for (int f = 0; f < 4; f++) {
            if (!forms[f]) continue;
            if (path && forms[f][0] == '/') path_objects(s, forms[f], strlen(forms[f]), 1, rg);
            else if (!path) name_objects(s, forms[f], strlen(forms[f]), ns_map[x->m.ns]);
        }
    }
}

/* A kept BK2005 rejection is right when, with the values its note names,
 * some object for an operation both cover is matched by the rule and by
 * the final rule it names, and the rule is as specific as the final one or
 * more (or both are final).  1 confirmed, 0 not (a finding), -1 conservative by design
 * (docs/language.md): a raw rule, a pair of two patterns (globs, regexes)
 * or of rules on parameters compared as written, which the final checks
 * count as meeting unanalysed; -2 the note names values -D refuses. */
static int confirm_final(const compilation *c, const diag *d, const gen_profile *p, gen_rng *rg, const char **why)
{
    /* a final rule's line holds its implied denies of moving too (a
     * dozen operations, on its path and ancestors), and a final path
     * deny's fold in every case of its letters (final_case.c): a macOS
     * volume is case-insensitive, so "/q/tax" and "/q/Tax" are one file
     * and the fold is what meets the other rule */
    enum { MAXR = 64 };
    const rule *rv[MAXR], *fv[MAXR];
    size_t nr = 0, nf = 0;
    unsigned fl = other_line(d);
    for (size_t i = 0; i < c->pol.rules.n; i++) {
        const rule *x = c->pol.rules.v[i];
        if (x->implied && !implied_move(x) && x->implied != IMPL_CASE) continue;
        span at = origin_primary(x);
        if (at.src == d->at.src && at.start == d->at.start && nr < MAXR) rv[nr++] = x;
        if (x->final && fl && line_at(d, at) == fl && nf < MAXR) fv[nf++] = x;
    }
    *why = "the rule or the final rule is not among the compiled rules (a raw rule)";
    if (!nr || !nf) return -1;
    arena a;
    arena_init(&a);
    /* P and Q have no test value: the plain set's, unless the note names one */
    sb_param v[10] = { { "P", "/a/b" }, { "Q", "/a/b/c" } };
    size_t nv = 2 + note_values(&a, d, v + 2, 8);
    decider *dd = decider_new((compilation *)c, v, nv);
    objset s;
    memset(&s, 0, sizeof s);
    s.a = &a;
    hm_init(&s.seen);
    const char *tr[2 * MAXR], *tf[2 * MAXR];
    size_t ntr = 0, ntf = 0;
    for (size_t i = 0; i < nr; i++) { rule_objects(&s, dd, rv[i], rg); tails_of(&a, dd, rv[i], tr, &ntr); }
    for (size_t i = 0; i < nf; i++) { rule_objects(&s, dd, fv[i], rg); tails_of(&a, dd, fv[i], tf, &ntf); }
    for (size_t i = 0; i < nr; i++) completed_objects(&s, &a, dd, rv[i], tf, ntf, rg);
    for (size_t i = 0; i < nf; i++) completed_objects(&s, &a, dd, fv[i], tr, ntr, rg);
    /* the generator's seeds of every item, with the same values */
    sb_param all[4];
    static const char *const names[] = { "HOME", "USER", "P", "Q" };
    for (size_t k = 0; k < 4; k++) {
        const char *val = decider_value(dd, names[k]);
        all[k] = (sb_param){ names[k], val ? val : "" };
    }
    seed_objects(&s, p, NULL, all, rg);
    int found = 0, ranks = 0, patterns = 0, params = 0, ancestors = 0;
    for (size_t i = 0; i < nr && !found; i++)
        for (size_t j = 0; j < nf && !found; j++) {
            const rule *r = rv[i], *f = fv[j];
            /* as specific or more (docs/reference.md): a tie is BK2005
             * too, though the deny would win it */
            if (!((r->final && f->final) || spec_cmp(&r->m, &f->m) >= 0)) continue;
            ranks = 1;
            patterns |= is_glob_or_regex(r) && is_glob_or_regex(f);
            params |= (r->m.value && memchr(r->m.value, PARAM_OPEN, r->m.len)) || (f->m.value && memchr(f->m.value, PARAM_OPEN, f->m.len));
            /* the ancestors of a parameter's value: the note cannot name
             * the value that puts one there */
            ancestors |= r->m.kind == MK_ANCESTORS || f->m.kind == MK_ANCESTORS;
            /* a final deny of reading or writing reaches mounting over its
             * objects and issuing extensions for them too */
            opset reach;
            final_reach(f, &reach);
            for (int op = 0; op < ops_count() && !found; op++) {
                if (!op_get(op)->concrete || !opset_has(r->covers, op) || !opset_has(&reach, op)) continue;
                for (size_t k = 0; k < s.n && !found; k++) {
                    sb_request q;
                    memset(&q, 0, sizeof q);
                    q.op = op;
                    request_kind_for_op(op, s.v[k], &q);
                    if (!kind_fits(s.k[k], s.ns[k], &q)) continue;
                    if (s.k[k] == OBJ_PATH) q.kind = OBJ_PATH;
                    if (s.k[k] == OBJ_NAME) q.ns = (sf_ns)s.ns[k];
                    q.obj = s.v[k];
                    q.len = strlen(s.v[k]);
                    /* a rule of directories and symbolic links only: ask as a directory */
                    if (q.kind == OBJ_PATH && (r->m.holder || f->m.holder)) q.vnode = "DIRECTORY";
                    found = decider_matches(dd, r, &q) == 1 && decider_matches(dd, f, &q) == 1;
                }
            }
        }
    *why = !ranks ? "the rule is less specific than the final rule" : "no object is matched by both rules";
    /* two patterns, or rules on parameters compared as written (no values
     * named), are taken to meet unanalysed */
    if (!found && ranks && (patterns || ancestors || (params && nv == 2))) found = -1;
    /* a final deny implied by moving (final_ancestors: an ancestor or the
     * path itself, ranked as a literal at each depth or as the written
     * rule): this check makes no objects for ancestors, and ranks the
     * written rule's matcher; taken as conservative, counted */
    int moved = 0;
    for (size_t j = 0; j < nf; j++) moved |= implied_move(fv[j]) != 0;
    if (!found && moved) { found = -1; *why = "a final deny implied by moving (no witness objects are made for it)"; }
    /* the note names values -D refuses (a parameter glued inside a path
     * given "/"): no values of the profile, a weaker finding, counted */
    if (!found && nv > 2) {
        define defs[8];
        size_t nd = 0;
        for (size_t i = 2; i < nv; i++)
            if (!define_parse(&a, arena_printf(&a, "%s=%s", v[i].name, v[i].value), &defs[nd])) nd++;
        compile_opts o = { 0 };
        o.defines = defs;
        o.ndefines = nd;
        compilation *cd = compilation_new(&o);
        if (compile_profile_text(cd, "gen.buckle", d->at.src->text, d->at.src->len) != 0 && !strcmp(first_error(cd), "BK2008")) {
            found = -2;
            *why = "the values the note names are refused by -D (BK2008)";
        }
        compilation_free(cd);
    }
    hm_free(&s.seen);
    free(s.v);
    free(s.k);
    free(s.ns);
    decider_free(dd);
    arena_free(&a);
    return found;
}

/* The values a raw BK2005's note names ("they meet with P=/a HOME=/a"),
 * over v (n of cap in use); returns the new n. */
static size_t raw_note_values(arena *a, const diag *d, sb_param *v, size_t n, size_t cap)
{
    for (const diag_note *nt = d->notes; nt; nt = nt->next) {
        const char *w = strstr(nt->msg, "they meet with ");
        if (!w) continue;
        char *copy = arena_strdup(a, w + 15);
        for (char *tok = strtok(copy, " "); tok; tok = strtok(NULL, " ")) {
            char *eq = strchr(tok, '=');
            if (!eq) continue;
            *eq = 0;
            size_t k = 0;
            while (k < n && strcmp(v[k].name, tok)) k++;
            if (k == n && n < cap) n++;
            if (k < n) v[k] = (sb_param){ tok, eq + 1 };
        }
    }
    return n;
}

/* A witness for a kept BK2005 on a raw rule: with the values the note
 * names (the plain set's for the others), an object and an operation of
 * the final rule that the final rule matches and that the raw rule alone
 * (its item in a profile of its own, the default the other action) decides
 * with its own action, evaluated as Seatbelt would.  The item is tried as
 * written and, where the generator spelled its path another way, as the
 * canonical spelling (the final check reads both).  1 found; -1 not found
 * where docs/language.md makes the check conservative (a "may override", a
 * string the note's values make other than canonical,
 * a rule that may never run, an operation bound to a name, a filter the
 * check cannot read); -2 the note names values -D refuses (BK2008), counted
 * as confirm_final counts them; 0 not found (a finding). */
static int confirm_raw(const compilation *c, const diag *d, const gen_profile *p, int item, gen_rng *rg, const char **why)
{
    const gen_item *it = &p->items[item];
    const rule *fv[64];
    size_t nf = 0;
    unsigned fl = other_line(d);
    for (size_t i = 0; i < c->pol.rules.n && nf < 64; i++) {
        const rule *x = c->pol.rules.v[i];
        if (x->final && fl && line_at(d, origin_primary(x)) == fl) fv[nf++] = x;
    }
    *why = "no final rule on the line the note names";
    if (!nf) return 0;
    /* (with no-sandbox) or (with no-profile): the program runs outside the
     * profile either way */
    if (strstr(d->msg, "no-sandbox") || strstr(d->msg, "no-profile")) {
        /* a program run outside the sandbox: beside any final deny; the
         * modifier outside a rule beside any final rule (docs/language.md) */
        int deny = strstr(d->msg, "outside a rule") != NULL;
        for (size_t i = 0; i < c->pol.rules.n; i++) deny |= c->pol.rules.v[i]->final && c->pol.rules.v[i]->action == ACT_DENY;
        *why = "a rejection of a rule without (with no-sandbox) or (with no-profile), or in a rule beside no final deny";
        return (it->raw & RAW_NOSANDBOX) && deny ? 1 : 0;
    }
    int want = it->raw & RAW_DENY ? ACT_DENY : ACT_ALLOW;
    arena a;
    arena_init(&a);
    /* the raw item alone, as written and canonically spelled */
    compilation *cr[2] = { NULL, NULL };
    size_t from[2] = { 0, 0 }, to[2] = { 0, 0 };
    for (int sp = 0; sp < 2; sp++) {
        if (sp && !it->canon) break;
        gen_profile one = *p;
        one.items[item].text = sp ? it->canon : it->text;
        one.default_allow = want == ACT_DENY;
        unsigned char keep[GEN_MAX_ITEMS] = { 0 };
        keep[item] = 1;
        strbuf t;
        sb_init(&t);
        gen_profile_text(&one, keep, &t);
        compile_opts o = { 0 };
        cr[sp] = compilation_new(&o);
        if (compile_profile_text(cr[sp], "raw.buckle", t.data, t.len) != 0) {
            compilation_free(cr[sp]);
            cr[sp] = NULL;
        }
        sb_free(&t);
    }
    *why = "the raw rule alone does not compile";
    int found = 0;
    size_t nsets;
    const gen_values *sets = gen_value_sets(&nsets);
    sb_param v[12];
    size_t nv = 0;
    /* the values the note names over the plain set, then over each set */
    /* and, last, P and Q both the root: a note may leave out a value the
     * check took for a parameter of the final rule */
    static const sb_param roots[GEN_NVALUES] = { { "HOME", "/Users/test" }, { "USER", "test" }, { "P", "/" }, { "Q", "/" } };
    int noncanon = 0;
    for (size_t vs = 0; cr[0] && vs <= nsets && !found; vs++) {
        for (size_t i = 0; i < GEN_NVALUES; i++) v[i] = vs < nsets ? sets[vs].v[i] : roots[i];
        nv = raw_note_values(&a, d, v, GEN_NVALUES, 12);
        decider *dd = decider_new((compilation *)c, v, nv);
        objset s;
        memset(&s, 0, sizeof s);
        s.a = &a;
        hm_init(&s.seen);
        for (size_t i = 0; i < nf; i++) rule_objects(&s, dd, fv[i], rg);
        seed_objects(&s, p, NULL, v, rg);
        /* the raw item's strings as written ("//", a trailing "/"): its
         * final check reads them canonically, Seatbelt as written */
        for (size_t k = 0; k < it->nseeds; k++) {
            strbuf w;
            sb_init(&w);
            gen_expand_written(&w, it->seeds[k], v, GEN_NVALUES);
            /* with the note's values a string of the rule is not a path as
             * the kernel presents one ("//", a trailing "/"): the check reads
             * it canonically, as the path the author meant (docs/language.md) */
            if (vs == 0 && it->seed_kind[k] == 0 && (strstr(w.data ? w.data : "", "//") || (w.len > 1 && w.data[w.len - 1] == '/')))
                noncanon = 1;
            if (it->seed_kind[k] == 0 && w.len && w.data[0] == '/') {
                objset_add(&s, w.data, w.len, OBJ_PATH, 0);
                sb_putc(&w, '/');
                objset_add(&s, w.data, w.len, OBJ_PATH, 0);
            }
            sb_free(&w);
        }
        for (int sp = 0; sp < 2 && cr[sp] && !found; sp++) {
            decider *dr = decider_new(cr[sp], v, nv);
            fullpol fp;
            full_policy(&fp, cr[sp], dr, CC_COMPACT);
            /* the item's text in the output: the deciding rule must lie in it */
            const char *txt = sp ? it->canon : it->text, *at = strstr(fp.src->text, txt);
            from[sp] = at ? (size_t)(at - fp.src->text) : 0;
            to[sp] = at ? from[sp] + strlen(txt) : 0;
            for (size_t j = 0; fp.pol && j < nf && !found; j++)
                for (int op = 0; op < ops_count() && !found; op++) {
                    if (!op_get(op)->concrete || !opset_has(fv[j]->covers, op)) continue;
                    for (size_t k = 0; k < s.n && !found; k++) {
                        sb_request q;
                        memset(&q, 0, sizeof q);
                        q.op = op;
                        request_kind_for_op(op, s.v[k], &q);
                        if (!kind_fits(s.k[k], s.ns[k], &q)) continue;
                        if (s.k[k] == OBJ_PATH) q.kind = OBJ_PATH;
                        if (s.k[k] == OBJ_NAME) q.ns = (sf_ns)s.ns[k];
                        q.obj = s.v[k];
                        q.len = strlen(s.v[k]);
                        /* the final rule on the object canonically spelled */
                        sb_request qc = q;
                        strbuf cb;
                        sb_init(&cb);
                        if (q.kind == OBJ_PATH) {
                            sb_add(&cb, q.obj, q.len);
                            path_object_canonical(&cb, 1);
                            qc.obj = cb.data;
                            qc.len = cb.len;
                        }
                        int in = decider_matches(dd, fv[j], &q) == 1 || (cb.len && decider_matches(dd, fv[j], &qc) == 1);
                        sb_free(&cb);
                        if (!in) continue;
                        sb_answer an = sbpl_decide(fp.pol, &q, &a);
                        found = an.decision == (action_t)want && an.rule && an.rule->at.start >= from[sp] &&
                                an.rule->at.start < to[sp];
                    }
                }
            full_free(&fp);
            decider_free(dr);
        }
        hm_free(&s.seen);
        free(s.v);
        free(s.k);
        free(s.ns);
        decider_free(dd);
    }
    for (int sp = 0; sp < 2; sp++) if (cr[sp]) compilation_free(cr[sp]);
    /* the note names values -D refuses ("$P$Q" with P=/): a weaker
     * finding, counted as confirm_final does */
    if (!found && nv && strstr(d->msg, "overrides") && !(it->raw & (RAW_DEAD | RAW_OPAQUE | RAW_UNREAD))) {
        for (size_t i = 0; i < GEN_NVALUES; i++) v[i] = sets[0].v[i];
        nv = raw_note_values(&a, d, v, GEN_NVALUES, 12);
        define defs[12];
        size_t nd = 0;
        for (size_t i = 0; i < nv; i++)
            if (!define_parse(&a, arena_printf(&a, "%s=%s", v[i].name, v[i].value), &defs[nd])) nd++;
        compile_opts o = { 0 };
        o.defines = defs;
        o.ndefines = nd;
        compilation *cd = compilation_new(&o);
        if (compile_profile_text(cd, "gen.buckle", d->at.src->text, d->at.src->len) != 0 && !strcmp(first_error(cd), "BK2008"))
            found = -2;
        compilation_free(cd);
    }
    if (found == -2) *why = "the values the note names are refused by -D (BK2008)";
    else if (!found && nv) {
        strbuf vb;
        sb_init(&vb);
        for (size_t i = 0; i < nv; i++) sb_printf(&vb, " %s=%s", v[i].name, v[i].value);
        *why = arena_printf(&((compilation *)c)->a, "no object inside the final rule is decided by the raw rule, "
                            "with the note's values over each value set (last:%s)", sb_cstr(&vb));
        sb_free(&vb);
    }
    arena_free(&a);
    if (found) return found;
    /* a raw regex against a final glob or regex: two patterns, taken to
     * meet unanalysed (as confirm_final takes them) */
    int patterns = 0;
    for (size_t i = 0; i < nf; i++) patterns |= is_glob_or_regex(fv[i]) && strstr(it->text, "regex") != NULL;
    if (strstr(d->msg, "may override") || noncanon || patterns || (it->raw & (RAW_DEAD | RAW_OPAQUE | RAW_UNREAD)))
        return -1;
    return 0;
}

/* A kept rejection (the generator did not repair it): each error is right.
 * BK2011 is on a port with a leading zero, and each such port has one;
 * BK2005 is confirmed by confirm_final.  Returns the failures. */
static long confirm_rejection(gcase *g, const gen_profile *p, long *confirmed, long *conservative)
{
    long nfail = 0;
    compile_opts o = { 0 };
    compilation *c = compilation_new(&o);
    compile_profile_text(c, "gen.buckle", g->text, strlen(g->text));
    unsigned char zero_seen[GEN_MAX_ITEMS] = { 0 };
    int all = 1;
    for (const diag *d = c->diags.head; d; d = d->next) {
        if (d->sev != SEV_ERROR) continue;
        int it = gen_profile_item_at(p, NULL, line_at(d, d->at));
        const char *code = d->code ? d->code : "";
        if (!strcmp(code, "BK2011")) {
            if (it < 0 || !((p->items[it].shapes >> GS_PORT_ZERO) & 1))
                report(g, &nfail, "BK2011 on a rule without a leading zero: %s%s%s%s", d->msg, "", "", "");
            else zero_seen[it] = 1;
        } else if (!strcmp(code, "BK2005") && it >= 0 && p->items[it].raw) {
            const char *why = "";
            int ok = confirm_raw(c, d, p, it, g->rng, &why);
            if (ok == 0)
                report(g, &nfail, "raw BK2005 not confirmed (%s): %s, %s%s", why, d->msg,
                       arena_printf(&c->a, "line %u against line %u", line_at(d, d->at), other_line(d)), "");
            if (ok != 1) all = 0;
            if (ok == -1) (*conservative)++;
            if (ok == -2 && !g->verbose) g->st->refused_witness++;
            if (g->verbose) ;                           /* the second pass over a failure */
            else if (ok == 1) g->st->raw_witness++;
            else if (ok == -1) g->st->raw_conservative++;
            else if (ok == 0) g->st->raw_unconfirmed++;
        } else if (!strcmp(code, "BK2005")) {
            const char *why = "";
            int ok = confirm_final(c, d, p, g->rng, &why);
            if (ok == 0)
                report(g, &nfail, "BK2005 not confirmed (%s): %s, %s%s", why, d->msg,
                       arena_printf(&c->a, "line %u against line %u", line_at(d, d->at), other_line(d)), "");
            if (ok != 1) all = 0;
            if (ok == -1) (*conservative)++;
            if (ok == -2) g->st->refused_witness++;
        } else {
            report(g, &nfail, "rejected with %s: %s%s%s", code, d->msg, "", "");
        }
    }
    for (size_t i = 0; i < p->n; i++)
        if (((p->items[i].shapes >> GS_PORT_ZERO) & 1) && !zero_seen[i])
            report(g, &nfail, "a port with a leading zero is not BK2011: %s%s%s%s", p->items[i].text, "", "", "");
    if (!nfail && all) (*confirmed)++;
    compilation_free(c);
    return nfail;
}

/* The other way round: a profile the compiler accepts with every value
 * given (-D) has no rule that outranks a final rule of the other action
 * (or is final too) and lies inside it, for an operation both cover: a
 * literal path or an exact name that the final rule matches is BK2005
 * (docs/reference.md), which the values decide. */
static void missed_final(gcase *g, const compilation *c, crosscheck *x, long *nfail)
{
    for (size_t i = 0; i < c->pol.rules.n; i++) {
        const rule *f = c->pol.rules.v[i];
        if (!f->final || f->implied) continue;
        for (size_t j = 0; j < c->pol.rules.n; j++) {
            const rule *r = c->pol.rules.v[j];
            if (r->implied || r->action == f->action || !opset_intersects(r->covers, f->covers)) continue;
            if (r->m.kind != MK_LITERAL && r->m.kind != MK_NAME) continue;
            if (!(r->final && f->final) && !rule_outranks(r, f)) continue;
            size_t n;
            const char *v = decider_rule_value(x->d, r, &n);
            for (int op = 0; v && op < ops_count(); op++) {
                if (!op_get(op)->concrete || !opset_has(r->covers, op) || !opset_has(f->covers, op)) continue;
                sb_request q;
                memset(&q, 0, sizeof q);
                q.op = op;
                request_kind_for_op(op, v, &q);
                if (r->m.kind == MK_LITERAL) q.kind = OBJ_PATH;
                else q.ns = ns_map[r->m.ns];
                q.obj = v;
                q.len = n;
                if (decider_matches(x->d, r, &q) != 1 || decider_matches(x->d, f, &q) != 1) continue;
                report(g, nfail, "-D accepts the rule at %s, which lies inside the final rule at %s (%s): BK2005 missed%s",
                       crosscheck_where(x, origin_primary(r)), crosscheck_where(x, origin_primary(f)), v, "");
                break;
            }
        }
    }
}

/* Checks one profile text with one value set.  Returns the number of failures. */
static long check_case(gcase *g, const gen_profile *p, const unsigned char *keep)
{
    long nfail = 0;
    g->rejected = 0;
    arena a;
    arena_init(&a);
    compile_opts o = { 0 };
    compilation *c1 = compilation_new(&o), *c2 = NULL, *c3 = NULL;
    crosscheck *x1 = NULL, *x2 = NULL, *x3 = NULL;
    fullpol f1, f2, f3;                       /* with verbatim blocks: raw rules decide as in Seatbelt */
    memset(&f1, 0, sizeof f1);
    memset(&f2, 0, sizeof f2);
    memset(&f3, 0, sizeof f3);
    int rawp = has_raw(p, keep);
    size_t len = strlen(g->text);
    if (compile_profile_text(c1, "gen.buckle", g->text, len) != 0) {
        g->rejected = 1;
        g->reject_code = first_error(c1);
        if (g->verbose) fprintf(stderr, "diff-check: rejected: %s %s\n%s", g->reject_code, first_error_msg(c1), g->text);
        goto done;
    }
    if (g->count_only) goto done;
    if (!((g->skip >> CK_FINAL) & 1)) {
        /* a raw rule spelled other than canonically is checked against the
         * final rules as the canonical spelling is: both are refused */
        strbuf ct;
        sb_init(&ct);
        if (gen_profile_text_canon(p, keep, &ct)) {
            compilation *cc = compilation_new(&o);
            if (compile_profile_text(cc, "gen.buckle", ct.data, ct.len) != 0 && !strcmp(first_error(cc), "BK2005"))
                report(g, &nfail, "a raw rule is accepted as spelled, BK2005 spelled canonically: %s%s%s%s",
                       first_error_msg(cc), "", "", "");
            compilation_free(cc);
        }
        sb_free(&ct);
    }
    define defs[GEN_NVALUES];
    sb_param vals[GEN_NVALUES];
    for (size_t i = 0; i < GEN_NVALUES; i++) {
        const char *arg = arena_printf(&a, "%s=%s", g->vs->v[i].name, g->vs->v[i].value);
        const char *err = define_parse(&a, arg, &defs[i]);
        if (err) {
            report(g, &nfail, "-D %s: %s%s%s", arg, err, "", "");
            goto done;
        }
        vals[i] = (sb_param){ defs[i].name, defs[i].value };
    }
    compile_opts o2 = { 0 };
    o2.defines = defs;
    o2.ndefines = GEN_NVALUES;
    c2 = compilation_new(&o2);
    /* the same values as declared defaults: -D and a default are one value
     * (docs/language.md), checked and decided alike */
    define bdefs[GEN_NVALUES];
    sb_param bvals[GEN_NVALUES];
    size_t nb = 0;
    for (size_t i = 0; i < GEN_NVALUES; i++)
        if (strcmp(defs[i].name, "P") && strcmp(defs[i].name, "Q")) { bdefs[nb] = defs[i]; bvals[nb++] = vals[i]; }
    compile_opts o3 = { 0 };
    o3.defines = bdefs;
    o3.ndefines = nb;
    const char *dtext = (g->skip >> CK_DEFAULTS) & 1 ? NULL : defaults_text(&a, g->text, g->vs);
    int r3 = -1;
    if (dtext) {
        c3 = compilation_new(&o3);
        r3 = compile_profile_text(c3, "gen.buckle", dtext, strlen(dtext));
    }
    int r2 = compile_profile_text(c2, "gen.buckle", g->text, len);
    /* BK2005 on the values: declared defaults are checked as symbolically
     * (the output carves, the final rule decides) */
    if (dtext && r2 == 0 && r3 != 0 && strcmp(first_error(c3), "BK2005"))
        report(g, &nfail, "rejected only with the values as declared defaults: %s %s%s%s", first_error(c3), first_error_msg(c3), "", "");
    if (dtext && r2 != 0 && r3 == 0 && !strcmp(first_error(c2), "BK2008") && !values_misfit(g->text, g->vs))
        ;   /* -D refuses a value only a name rule misplaces: checked below */
    else if (dtext && r2 != 0 && r3 == 0 && !strcmp(first_error(c2), "BK2008"))
        report(g, &nfail, "-D refuses the values (%s %s), as declared defaults they are accepted%s%s", first_error(c2),
               first_error_msg(c2), "", "");
    if (r3 != 0 && c3) { compilation_free(c3); c3 = NULL; }
    if (r2 != 0) {
        /* BK2005 on the values alone: a rule that is not final falls inside
         * a final rule for these values.  Symbolically that is no error (the
         * final rule decides there, docs/language.md); the symbolic output
         * is checked alone below, the final check included. */
        if (!strcmp(first_error(c2), "BK2008")) {
            /* a value this profile refuses (-D says so): nothing to compare,
             * unless only its name rules refuse it (a parameter that starts
             * a name is no path root) */
            unsigned char kp[GEN_MAX_ITEMS];
            int names = 0;
            for (size_t i = 0; i < p->n; i++) {
                kp[i] = (unsigned char)(!keep || keep[i]);
                if (kp[i] && (p->items[i].shapes >> GS_NAME_PARAM) & 1) { kp[i] = 0; names = 1; }
            }
            const char *mis = values_misfit(g->text, g->vs);
            if (!names && !mis && !((g->skip >> CK_VALUES) & 1))
                report(g, &nfail, "the values are refused, but each parameter stands where its value fits: %s %s%s%s",
                       first_error(c2), first_error_msg(c2), "", "");
            if (names) {
                strbuf t;
                sb_init(&t);
                gen_profile_text(p, kp, &t);
                compilation *cn = compilation_new(&o2);
                if (compile_profile_text(cn, "gen.buckle", t.data, t.len) == 0)
                    report(g, &nfail, "a name rule makes the values refused: %s %s%s%s", first_error(c2), first_error_msg(c2), "", "");
                compilation_free(cn);
                sb_free(&t);
            }
            goto done;
        }
        if (strcmp(first_error(c2), "BK2005") != 0) {
            report(g, &nfail, "rejected only with the values inlined: %s %s%s%s", first_error(c2), first_error_msg(c2), "", "");
            goto done;
        }
        compilation_free(c2);
        c2 = NULL;
    }
    int ccf = (g->break_order ? CC_BREAK_ORDER : 0) | (g->readable ? 0 : CC_COMPACT);
    x1 = crosscheck_new(c1, vals, GEN_NVALUES, ccf);
    x2 = c2 ? crosscheck_new(c2, vals, GEN_NVALUES, ccf) : NULL;
    x3 = c3 ? crosscheck_new(c3, bvals, nb, ccf) : NULL;
    if (x3 && (x3->dl.errors || !x3->pol)) {
        report(g, &nfail, "the compiled output with declared defaults does not read back%s%s%s%s", "", "", "", "");
        goto done;
    }
    if (x1->dl.errors || (x2 && x2->dl.errors) || !x1->pol || (x2 && !x2->pol)) {
        report(g, &nfail, "the compiled output does not read back (%s)%s%s%s", x1->dl.errors ? "symbolic" : "inlined", "", "", "");
        goto done;
    }
    if (rawp) {
        full_policy(&f1, c1, x1->d, ccf);
        if (x2) full_policy(&f2, c2, x2->d, ccf);
        if (x3) full_policy(&f3, c3, x3->d, ccf);
        if (f1.dl.errors || !f1.pol || (x2 && (f2.dl.errors || !f2.pol)) || (x3 && (f3.dl.errors || !f3.pol))) {
            report(g, &nfail, "the whole output (sbpl verbatim included) does not evaluate%s%s%s%s", "", "", "", "");
            goto done;
        }
    }
    objset s;
    memset(&s, 0, sizeof s);
    s.a = &a;
    hm_init(&s.seen);
    objects_for(x1, &s, 1, g->rng);
    seed_objects(&s, p, keep, vals, g->rng);
    oracle_checks(g, c1, x1, &s, &nfail);
    if (x2 && !((g->skip >> CK_FINAL) & 1)) missed_final(g, c2, x2, &nfail);
    if (!((g->skip >> CK_OVERLAP) & 1)) {
        overlap_check(g, c1, x1, &s, "symbolic", &nfail);
        if (x2) overlap_check(g, c2, x2, &s, "inlined", &nfail);
    }
#undef ON
    opset ops = { { 0 } };
    int alias_wild = 0;                       /* a glob whose first component holds a wildcard */
    int alias_glued = 0;                      /* a prefix or glob whose first component glues a value to text */
    for (size_t i = 0; i < c1->pol.rules.n; i++) {
        for (size_t w = 0; w < OPS_MAX / 64; w++) ops.w[w] |= c1->pol.rules.v[i]->covers->w[w];
        const matcher *m = &c1->pol.rules.v[i]->m;
        if ((m->kind == MK_PREFIX || m->kind == MK_GLOB) && oracle_glued_first(m->value, m->len)) alias_glued = 1;
        if (m->kind != MK_GLOB) continue;
        size_t j = 0;
        if (m->len && m->value[0] == PARAM_OPEN) {
            while (j < m->len && m->value[j] != PARAM_CLOSE) j++;
            if (j + 1 < m->len && m->value[j + 1] == '/') j++;
        }
        for (j++; j < m->len && m->value[j] != '/'; j++) {
            if (m->value[j] == PARAM_OPEN) { while (j < m->len && m->value[j] != PARAM_CLOSE) j++; continue; }
            if (m->value[j] == '\\') { j++; continue; }
            if (strchr("*?[", m->value[j])) alias_wild = 1;
        }
    }
    for (int op = 0; op < ops_count(); op++) {
        if (!opset_has(&ops, op) || !op_get(op)->concrete) continue;
        const char *opn = op_get(op)->name;
        for (size_t k = 0; k < s.n; k++) {
            sb_request q;
            memset(&q, 0, sizeof q);
            q.op = op;
            request_kind_for_op(op, s.v[k], &q);
            if (!kind_fits(s.k[k], s.ns[k], &q)) continue;
            if (s.k[k] == OBJ_PATH) q.kind = OBJ_PATH;
            if (s.k[k] == OBJ_NAME) q.ns = (sf_ns)s.ns[k];
            q.obj = s.v[k];
            q.len = strlen(s.v[k]);
            /* beside rules of directories and symbolic links only, every
             * other path is asked about as a directory, the rest as a
             * regular file (the raw checks below ask the output alike) */
            if (x1->holders && q.kind == OBJ_PATH) q.vnode = k & 1 ? "DIRECTORY" : "REGULAR-FILE";
            /* /tmp/x as written: no path the kernel presents (query reads
             * it as /private/tmp/x); a glob whose first component holds a
             * wildcard may match it as written or not, by its values */
            if (q.kind == OBJ_PATH && alias_wild && oracle_alias_text(q.obj, q.len, 0)) continue;
            /* such a prefix or glob that goes on in the first component
             * ("/t$X" with X=mp) reads the kernel's path component by
             * component symbolically, which differs from -D on a path like
             * /tmpc (docs/language.md) */
            if (q.kind == OBJ_PATH && alias_glued && q.len > 4 && q.obj[4] != '/' &&
                (!strncmp(q.obj, "/tmp", 4) || !strncmp(q.obj, "/var", 4) || !strncmp(q.obj, "/etc", 4))) continue;
            cc_answer a1 = crosscheck_ask(x1, &q), a2 = x2 ? crosscheck_ask(x2, &q) : a1;
            g->st->queries++;
            const char *o1 = q.obj;
#define ON(c) (!((g->skip >> (c)) & 1))
            if (ON(CK_AGREE) && !a1.agree)
                report(g, &nfail, "symbolic: %s %s: the profile says %s, the compiled SBPL says %s", opn, o1,
                       dname(a1.prof.action), dname(a1.sbpl.decision));
            if (ON(CK_AGREE) && !a2.agree)
                report(g, &nfail, "inlined: %s %s: the profile says %s, the compiled SBPL says %s", opn, o1,
                       dname(a2.prof.action), dname(a2.sbpl.decision));
            if (ON(CK_VALUES) && a1.prof.action != a2.prof.action)
                report(g, &nfail, "%s %s: symbolic decides %s, inlined decides %s", opn, o1,
                       dname(a1.prof.action), dname(a2.prof.action));
            if (x3) {
                /* the built-ins inlined, P and Q symbolic with defaults */
                cc_answer a3 = crosscheck_ask(x3, &q);
                if (ON(CK_AGREE) && !a3.agree)
                    report(g, &nfail, "declared defaults: %s %s: the profile says %s, the compiled SBPL says %s", opn, o1,
                           dname(a3.prof.action), dname(a3.sbpl.decision));
                if (a3.prof.action != a2.prof.action)
                    report(g, &nfail, "%s %s: the values with -D decide %s, as declared defaults %s", opn, o1,
                           dname(a2.prof.action), dname(a3.prof.action));
            }
            /* raw sbpl rules, which neither side's decision procedure
             * models: the whole output (verbatim blocks included) decides
             * alike symbolically, with -D and with declared defaults, and an
             * object inside a final rule gets its decision in each */
            if (rawp) {
                sb_answer s1 = sbpl_decide(f1.pol, &q, &a);
                sb_answer s2 = x2 ? sbpl_decide(f2.pol, &q, &a) : s1;
                if (!g->shrinking) g->st->raw_queries++;
                if (!g->shrinking && s1.rule && full_is_raw(&f1, s1.rule->at.start)) g->st->raw_decided++;
                if (ON(CK_VALUES) && x2 && s1.decision != s2.decision)
                    report(g, &nfail, "raw: %s %s: the symbolic output decides %s, the inlined one %s", opn, o1,
                           dname(s1.decision), dname(s2.decision));
                if (x3) {
                    sb_answer s3 = sbpl_decide(f3.pol, &q, &a);
                    if (ON(CK_VALUES) && s3.decision != s2.decision)
                        report(g, &nfail, "raw: %s %s: the output with the values as declared defaults decides %s, with -D %s",
                               opn, o1, dname(s3.decision), dname(s2.decision));
                    const rule *f3r = NULL;
                    int fin3 = final_action(c3, x3, &q, &f3r);
                    if (ON(CK_FINAL) && (fin3 == 0 || fin3 == 1) && s3.decision != fin3)
                        report(g, &nfail, "raw, declared defaults: %s %s: inside the final rule at %s, but the output decides %s",
                               opn, o1, crosscheck_where(x3, origin_primary(f3r)), dname(s3.decision));
                }
                const rule *f1r = NULL, *f2r = NULL;
                int fin1 = rawp & 2 ? final_action(c1, x1, &q, &f1r) : -1;   /* (else the check above) */
                if (ON(CK_FINAL) && (fin1 == 0 || fin1 == 1) && s1.decision != fin1)
                    report(g, &nfail, "raw, symbolic: %s %s: inside the final rule at %s, but the whole output decides %s",
                           opn, o1, crosscheck_where(x1, origin_primary(f1r)), dname(s1.decision));
                int fin2 = x2 ? final_action(c2, x2, &q, &f2r) : -1;
                if (ON(CK_FINAL) && (fin2 == 0 || fin2 == 1) && s2.decision != fin2)
                    report(g, &nfail, "raw, inlined: %s %s: inside the final rule at %s, but the output decides %s",
                           opn, o1, crosscheck_where(x2, origin_primary(f2r)), dname(s2.decision));
            }
            /* raw sbpl rules are decided by Seatbelt's precedence: they may
             * meet generated rules (lint says so, BK4005), not final ones */
            int raw = strstr(g->text, "sbpl \"\"\"") != NULL;
            if (ON(CK_CONFLICT) && !raw && sbpl_conflict(x1->pol, &q, &a))
                report(g, &nfail, "symbolic: %s %s: an allow and a deny both match%s%s", opn, o1, "", "");
            if (ON(CK_CONFLICT) && !raw && x2 && sbpl_conflict(x2->pol, &q, &a))
                report(g, &nfail, "inlined: %s %s: an allow and a deny both match%s%s", opn, o1, "", "");
            if (ON(CK_TRAVERSAL)) traversal_check(g, x1, &q, &a1, &nfail);
            if (ON(CK_IMPLIED)) implied_check(g, x1, c1, &q, &a1, "symbolic", &nfail);
            if (ON(CK_IMPLIED) && x2) implied_check(g, x2, c2, &q, &a2, "inlined", &nfail);
            /* final: an object inside a final rule gets its decision */
            int fin = -1, mixed = 0, fold = -1;
            const rule *fr = NULL;
            for (size_t i = 0; i < c1->pol.rules.n; i++) {
                const rule *r = c1->pol.rules.v[i];
                if (!r->final || !opset_has(r->covers, op) || !decider_matches(x1->d, r, &q)) continue;
                if (raw && raw_passes_fold(r, op)) { fold = (int)r->action; continue; }
                if (fin >= 0 && fin != (int)r->action) mixed = 1;
                fin = (int)r->action;
                fr = r;
            }
            if (fin >= 0 && fold >= 0 && fold != fin) mixed = 1;
            /* two written final rules of opposite action that both match
             * an object: one outranks the other there, which is BK2005
             * (docs/reference.md), so the inlined compilation, decided on
             * the values, must have refused the profile */
            if (ON(CK_FINAL) && mixed && x2) {
                int wa = -1, wmixed = 0;
                for (size_t i = 0; i < c2->pol.rules.n; i++) {
                    const rule *r = c2->pol.rules.v[i];
                    if (!r->final || r->implied || !opset_has(r->covers, op) || !decider_matches(x2->d, r, &q)) continue;
                    if (wa >= 0 && wa != (int)r->action) wmixed = 1;
                    wa = (int)r->action;
                }
                if (wmixed)
                    report(g, &nfail, "%s %s: an allow final and a deny final both match it, but -D accepts the profile%s%s",
                           opn, o1, "", "");
            }
            if (ON(CK_FINAL) && fin >= 0 && !mixed && (a1.prof.action != fin || a1.sbpl.decision != fin)) {
                const char *where = crosscheck_where(x1, origin_primary(fr));
                report(g, &nfail, "%s %s: inside the final rule at %s, but decided %s", opn, o1, where,
                       dname(a1.prof.action != fin ? a1.prof.action : a1.sbpl.decision));
            }
        }
    }
    if (ON(CK_MOVES) || ON(CK_MOVES_SELF) || ON(CK_MOVES_GLOB))
        moves_check(g, p, keep, x1, x2, rawp ? f1.pol : NULL, rawp && x2 ? f2.pol : NULL, &nfail);
    hm_free(&s.seen);
    free(s.v);
    free(s.k);
    free(s.ns);
done:
    full_free(&f1);
    full_free(&f2);
    full_free(&f3);
    crosscheck_free(x1);
    if (x2) crosscheck_free(x2);
    if (x3) crosscheck_free(x3);
    compilation_free(c1);
    if (c2) compilation_free(c2);
    if (c3) compilation_free(c3);
    arena_free(&a);
    return nfail;
}

static int parse_list(const char *arg, uint64_t *mask)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", arg);
    for (char *t = strtok(buf, ","); t; t = strtok(NULL, ",")) {
        int s = gen_shape_lookup(t);
        if (s < 0) { fprintf(stderr, "diff-check: unknown shape class '%s' (see --list-shapes)\n", t); return -1; }
        *mask |= 1ull << s;
    }
    return 0;
}

static void print_shapes(uint64_t m)
{
    for (int s = 0; s < GS_COUNT; s++) if ((m >> s) & 1) fprintf(stderr, " %s", gen_shape_get((gen_shape)s)->name);
}

int gen_check_main(int argc, char **argv)
{
    long n = 0, max_fail = 3, min_queries = 0;
    uint64_t only = 0, without = 0, all = GS_COUNT >= 64 ? ~0ull : (1ull << (GS_COUNT & 63)) - 1;
    int shrink = 0, quiet = 0, show_rejects = 0, break_order = 0, readable = 0, shape_counts = 0, count_only = 0;
    unsigned skip = 0;
    gen_rng rng = { 1 };
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--generate") && i + 1 < argc) n = atol(argv[++i]);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc) rng.s = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--only") && i + 1 < argc) { if (parse_list(argv[++i], &only)) return 2; }
        else if (!strcmp(argv[i], "--without") && i + 1 < argc) { if (parse_list(argv[++i], &without)) return 2; }
        else if (!strcmp(argv[i], "--max-fail") && i + 1 < argc) max_fail = atol(argv[++i]);
        else if (!strcmp(argv[i], "--min-queries") && i + 1 < argc) min_queries = atol(argv[++i]);
        else if (!strcmp(argv[i], "--shrink")) shrink = 1;
        else if (!strcmp(argv[i], "--break-order")) break_order = 1;
        else if (!strcmp(argv[i], "--readable")) readable = 1;
        else if (!strcmp(argv[i], "--skip") && i + 1 < argc) {
            char buf[256];
            snprintf(buf, sizeof buf, "%s", argv[++i]);
            for (char *t = strtok(buf, ","); t; t = strtok(NULL, ",")) {
                int c = 0;
                while (c < CK_N && strcmp(check_names[c], t)) c++;
                if (c == CK_N) { fprintf(stderr, "diff-check: unknown check '%s'\n", t); return 2; }
                skip |= 1u << c;
            }
        }
        else if (!strcmp(argv[i], "--quiet")) quiet = 1;
        else if (!strcmp(argv[i], "--show-rejects")) show_rejects = 1;
        else if (!strcmp(argv[i], "--shape-counts")) shape_counts = 1;
        else if (!strcmp(argv[i], "--count-only")) count_only = 1;
        else if (!strcmp(argv[i], "--list-shapes")) {
            printf("| class | what | example |\n|---|---|---|\n");
            for (int s = 0; s < GS_COUNT; s++) {          /* a | in a cell is written \| */
                const gen_shape_info *si = gen_shape_get((gen_shape)s);
                printf("| `%s` | ", si->name);
                for (const char *t = si->what; *t; t++) printf(*t == '|' ? "\\|" : "%c", *t);
                printf(" | `");
                for (const char *t = si->example; *t; t++) printf(*t == '|' ? "\\|" : "%c", *t);
                printf("` |\n");
            }
            return 0;
        } else { fprintf(stderr, "diff-check: unknown argument '%s'\n", argv[i]); return 2; }
    }
    /* the plain shapes are always on: --only adds to them */
    uint64_t base = (1ull << GS_LITERAL) | (1ull << GS_SUBPATH);
    uint64_t en = (only ? (only | base) : all) & ~without;
    size_t nsets;
    const gen_values *sets = gen_value_sets(&nsets);
    gstats st;
    memset(&st, 0, sizeof st);
    long profiles = 0, failing = 0;
    uint64_t fail_shapes = 0;
    for (long pi = 0; pi < n; pi++) {
        arena pa;
        arena_init(&pa);
        gen_profile p;
        gen_profile_make(&p, &pa, &rng, en);
        /* a rejected profile is repaired until the compiler accepts it,
         * but for one in KEEP_REJECTED_IN, whose rejection is checked */
        int keep_rejected = gen_rnd(&rng) % KEEP_REJECTED_IN == 0, changes = 0;
        int raw_made = has_raw(&p, NULL) != 0;
        st.raw_profiles += raw_made;
        if (!keep_rejected && repair(&p, &rng, &changes) == 0 && changes) st.repaired++;
        int raw_kept = has_raw(&p, NULL) != 0;
        strbuf text;
        sb_init(&text);
        gen_profile_text(&p, NULL, &text);
        profiles++;
        int profile_failed = 0, profile_checked = 0;
        uint64_t checked_shapes = 0;            /* the profile's shapes and those of the value sets checked */
        for (size_t vi = 0; vi < nsets; vi++) {
            const gen_values *vs = &sets[vi];
            if (vs->shape >= 0 && !((en >> vs->shape) & 1)) continue;
            gcase g = { skip, sb_cstr(&text), vs, show_rejects, &st, &rng, 0, NULL, break_order, readable, count_only, 0 };
            if (vs->refused) {
                /* nothing compiled with them: only -D's refusal is checked */
                if (count_only || profile_checked == 0 || ((skip >> CK_REFUSED) & 1) || !refused_check(&g)) continue;
                failing++;
                if (!quiet) {
                    fprintf(stderr, "diff-check: FAIL: profile %ld, values '%s':\n%s", pi, vs->name, sb_cstr(&text));
                    g.verbose = 1;
                    g.shrinking = 1;
                    refused_check(&g);
                }
                continue;
            }
            long nf = check_case(&g, &p, NULL);
            if (g.rejected) {
                size_t ci = 0;
                while (ci < 15 && st.codes[ci] && strcmp(st.codes[ci], g.reject_code)) ci++;
                st.codes[ci] = g.reject_code;
                st.ncode[ci]++;
                st.rejected++;
                if (keep_rejected) {
                    st.kept++;
                    st.raw_kept += raw_kept;
                    for (int sh = 0; sh < GS_COUNT; sh++) st.shape_kept[sh] += (p.shapes >> sh) & 1;
                }
                /* a kept rejection must be right; a repaired profile that
                 * is still rejected is counted only */
                if (keep_rejected && !((skip >> CK_FINAL) & 1)) {
                    /* its own random objects: the profiles after it stay as they are */
                    gen_rng own = { rng.s ^ 0x9e3779b97f4a7c15ull };
                    gcase h = { skip, sb_cstr(&text), vs, 0, &st, &own, 0, NULL, break_order, readable, 0, 1 };
                    if (confirm_rejection(&h, &p, &st.confirmed, &st.conservative)) {
                        failing++;
                        if (!quiet) {
                            fprintf(stderr, "diff-check: FAIL: profile %ld, rejected wrongly:\n%s", pi, sb_cstr(&text));
                            h.verbose = 1;
                            long dummy = 0, dummy2 = 0;
                            confirm_rejection(&h, &p, &dummy, &dummy2);
                        }
                    }
                }
                break;                          /* symbolic rejection does not depend on values */
            }
            if (!profile_checked++) { st.checked_profiles++; st.raw_checked += raw_kept; }
            if (raw_kept && !count_only) st.raw_pairs++;
            checked_shapes |= p.shapes | (vs->shape >= 0 ? 1ull << vs->shape : 0);
            if (count_only) break;
            st.pairs++;
            if (!nf) continue;
            st.failing_pairs++;
            if (profile_failed++) continue;       /* print a profile once */
            if (failing++ >= max_fail) continue;
            /* print it, shrunk to the fewest rules that still fail */
            unsigned char keep[GEN_MAX_ITEMS];
            memset(keep, 1, sizeof keep);
            strbuf t2;
            sb_init(&t2);
            for (int changed = shrink; changed;) {
                changed = 0;
                for (size_t i = 0; i < p.n; i++) {
                    if (!keep[i]) continue;
                    keep[i] = 0;
                    sb_reset(&t2);
                    gen_profile_text(&p, keep, &t2);
                    gcase h = { skip, sb_cstr(&t2), vs, 0, &st, &rng, 0, NULL, break_order, readable, 0, 1 };
                    long q0 = st.queries;
                    if (check_case(&h, &p, keep) && !h.rejected) changed = 1;
                    else keep[i] = 1;
                    st.queries = q0;
                }
            }
            sb_reset(&t2);
            gen_profile_text(&p, keep, &t2);
            uint64_t sh = 0;
            for (size_t i = 0; i < p.n; i++) if (keep[i]) sh |= p.items[i].shapes;
            if (p.default_allow) sh |= 1ull << GS_DEFAULT_ALLOW;
            if (vs->shape >= 0) sh |= 1ull << vs->shape;
            fail_shapes |= sh;
            if (!quiet) {
                fprintf(stderr, "diff-check: FAIL: profile %ld, values '%s':", pi, vs->name);
                for (size_t i = 0; i < GEN_NVALUES; i++) fprintf(stderr, " %s=%s", vs->v[i].name, vs->v[i].value);
                fprintf(stderr, "\n  shapes:");
                print_shapes(sh);
                fprintf(stderr, "\n%s", sb_cstr(&t2));
                long q0 = st.queries;
                gcase h = { skip, sb_cstr(&t2), vs, 1, &st, &rng, 0, NULL, break_order, readable, 0, 1 };
                check_case(&h, &p, keep);
                st.queries = q0;
            }
            sb_free(&t2);
        }
        for (int sh = 0; sh < GS_COUNT; sh++) st.shape_profiles[sh] += (checked_shapes >> sh) & 1;
        sb_free(&text);
        arena_free(&pa);
    }
    if (shape_counts)
        for (int sh = 0; sh < GS_COUNT; sh++)
            printf("diff-check: shape %s: %ld checked profiles, %ld kept rejections\n", gen_shape_get((gen_shape)sh)->name,
                   st.shape_profiles[sh], st.shape_kept[sh]);
    /* raw sbpl: how many profiles with a raw rule were checked (accepted),
     * and how each kept raw BK2005 was confirmed */
    printf("diff-check: raw sbpl: %ld of %ld profiles with raw rules checked (%ld x value sets, %ld queries, %ld decided "
           "by a raw rule); "
           "%ld kept rejections, raw BK2005: %ld with a witness, %ld conservative by design, %ld unconfirmed\n",
           st.raw_checked, st.raw_profiles, st.raw_pairs, st.raw_queries, st.raw_decided,
           st.raw_kept, st.raw_witness, st.raw_conservative, st.raw_unconfirmed);
    printf("diff-check: final moves: %ld requests that a final path deny implies (docs/language.md) asked of both outputs "
           "and the profile; %ld value sets docs/language.md refuses, %ld of them refused where the profile uses them\n",
           st.move_queries, st.refused_sets, st.refused_checked);
    printf("diff-check: generated %ld profiles (%ld repaired), %ld rejected by the compiler", profiles, st.repaired, st.rejected);
    for (size_t ci = 0; ci < 16 && st.codes[ci]; ci++) printf("%s%s %ld", ci ? ", " : " (", st.codes[ci], st.ncode[ci]);
    printf("%s, %ld of them kept on purpose, %ld confirmed (%ld BK2005 conservative by design, %ld naming values -D refuses); "
           "%ld profiles checked, %ld profiles x value sets, %ld queries, %ld failing profiles (%ld with their values)\n",
           st.codes[0] ? ")" : "", st.kept, st.confirmed, st.conservative, st.refused_witness, st.checked_profiles, st.pairs,
           st.queries, failing, st.failing_pairs);
    if (failing) {
        fprintf(stderr, "diff-check: shapes in the failing cases:");
        print_shapes(fail_shapes);
        fputc('\n', stderr);
    }
    if (st.queries < min_queries) { fprintf(stderr, "diff-check: fewer than %ld queries\n", min_queries); return 1; }
    return failing ? 1 : 0;
}
