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
 * Profiles the compiler rejects (BK2005 and the like) are counted, not
 * failures.  A failing case is printed as a profile (--shrink: the smallest
 * subset of its rules that still fails) with its values.
 *   diff-check --generate N [--seed S] [--only A,B] [--without A,B] [--shrink]
 *              [--max-fail K] [--min-queries Q] [--list-shapes] [--quiet]
 *              [--show-rejects] */
#include "gen_check.h"
#include "diff_objects.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct gstats {
    long queries, pairs, rejected, failing_pairs;
    const char *codes[16];          /* the codes of the rejections, and how many of each */
    long ncode[16];
} gstats;

typedef struct gcase {
    const char *text;
    const gen_values *vs;
    int verbose;                    /* print the failures found */
    gstats *st;
    gen_rng *rng;
    int rejected;                   /* out: the symbolic compilation has errors */
    const char *reject_code;
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
            }
            sb_free(&b);
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
    compilation *c1 = compilation_new(&o), *c2 = NULL;
    crosscheck *x1 = NULL, *x2 = NULL;
    size_t len = strlen(g->text);
    if (compile_profile_text(c1, "gen.buckle", g->text, len) != 0) {
        g->rejected = 1;
        g->reject_code = first_error(c1);
        if (g->verbose) fprintf(stderr, "diff-check: rejected: %s %s\n%s", g->reject_code, first_error_msg(c1), g->text);
        goto done;
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
    if (compile_profile_text(c2, "gen.buckle", g->text, len) != 0) {
        report(g, &nfail, "rejected only with the values inlined: %s %s%s%s", first_error(c2), first_error_msg(c2), "", "");
        goto done;
    }
    x1 = crosscheck_new(c1, vals, GEN_NVALUES, 0);
    x2 = crosscheck_new(c2, vals, GEN_NVALUES, 0);
    if (x1->dl.errors || x2->dl.errors || !x1->pol || !x2->pol) {
        report(g, &nfail, "the compiled output does not read back (%s)%s%s%s", x1->dl.errors ? "symbolic" : "inlined", "", "", "");
        goto done;
    }
    objset s;
    memset(&s, 0, sizeof s);
    s.a = &a;
    hm_init(&s.seen);
    objects_for(x1, &s, 1, g->rng);
    seed_objects(&s, p, keep, vals, g->rng);
    opset ops = { { 0 } };
    for (size_t i = 0; i < c1->pol.rules.n; i++)
        for (size_t w = 0; w < OPS_MAX / 64; w++) ops.w[w] |= c1->pol.rules.v[i]->covers->w[w];
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
            cc_answer a1 = crosscheck_ask(x1, &q), a2 = crosscheck_ask(x2, &q);
            g->st->queries++;
            const char *o1 = q.obj;
            if (!a1.agree)
                report(g, &nfail, "symbolic: %s %s: the profile says %s, the compiled SBPL says %s", opn, o1,
                       dname(a1.prof.action), dname(a1.sbpl.decision));
            if (!a2.agree)
                report(g, &nfail, "inlined: %s %s: the profile says %s, the compiled SBPL says %s", opn, o1,
                       dname(a2.prof.action), dname(a2.sbpl.decision));
            if (a1.prof.action != a2.prof.action)
                report(g, &nfail, "%s %s: symbolic decides %s, inlined decides %s", opn, o1,
                       dname(a1.prof.action), dname(a2.prof.action));
            if (sbpl_conflict(x1->pol, &q, &a))
                report(g, &nfail, "symbolic: %s %s: an allow and a deny both match%s%s", opn, o1, "", "");
            if (sbpl_conflict(x2->pol, &q, &a))
                report(g, &nfail, "inlined: %s %s: an allow and a deny both match%s%s", opn, o1, "", "");
            /* final: an object inside a final rule gets its decision */
            int fin = -1, mixed = 0;
            const rule *fr = NULL;
            for (size_t i = 0; i < c1->pol.rules.n; i++) {
                const rule *r = c1->pol.rules.v[i];
                if (!r->final || !opset_has(r->covers, op) || !decider_matches(x1->d, r, &q)) continue;
                if (fin >= 0 && fin != (int)r->action) mixed = 1;
                fin = (int)r->action;
                fr = r;
            }
            if (fin >= 0 && !mixed && (a1.prof.action != fin || a1.sbpl.decision != fin)) {
                const char *where = crosscheck_where(x1, origin_primary(fr));
                report(g, &nfail, "%s %s: inside the final rule at %s, but decided %s", opn, o1, where,
                       dname(a1.prof.action != fin ? a1.prof.action : a1.sbpl.decision));
            }
        }
    }
    hm_free(&s.seen);
    free(s.v);
    free(s.k);
    free(s.ns);
done:
    crosscheck_free(x1);
    crosscheck_free(x2);
    compilation_free(c1);
    if (c2) compilation_free(c2);
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
    uint64_t only = 0, without = 0, all = (1ull << GS_COUNT) - 1;
    int shrink = 0, quiet = 0, show_rejects = 0;
    gen_rng rng = { 1 };
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--generate") && i + 1 < argc) n = atol(argv[++i]);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc) rng.s = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--only") && i + 1 < argc) { if (parse_list(argv[++i], &only)) return 2; }
        else if (!strcmp(argv[i], "--without") && i + 1 < argc) { if (parse_list(argv[++i], &without)) return 2; }
        else if (!strcmp(argv[i], "--max-fail") && i + 1 < argc) max_fail = atol(argv[++i]);
        else if (!strcmp(argv[i], "--min-queries") && i + 1 < argc) min_queries = atol(argv[++i]);
        else if (!strcmp(argv[i], "--shrink")) shrink = 1;
        else if (!strcmp(argv[i], "--quiet")) quiet = 1;
        else if (!strcmp(argv[i], "--show-rejects")) show_rejects = 1;
        else if (!strcmp(argv[i], "--list-shapes")) {
            printf("| class | what | example |\n|---|---|---|\n");
            for (int s = 0; s < GS_COUNT; s++) {
                const gen_shape_info *si = gen_shape_get((gen_shape)s);
                printf("| `%s` | %s | `%s` |\n", si->name, si->what, si->example);
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
        strbuf text;
        sb_init(&text);
        gen_profile_text(&p, NULL, &text);
        profiles++;
        int profile_failed = 0;
        for (size_t vi = 0; vi < nsets; vi++) {
            const gen_values *vs = &sets[vi];
            if (vs->shape >= 0 && !((en >> vs->shape) & 1)) continue;
            gcase g = { sb_cstr(&text), vs, show_rejects, &st, &rng, 0, NULL };
            long nf = check_case(&g, &p, NULL);
            if (g.rejected) {
                size_t ci = 0;
                while (ci < 15 && st.codes[ci] && strcmp(st.codes[ci], g.reject_code)) ci++;
                st.codes[ci] = g.reject_code;
                st.ncode[ci]++;
                st.rejected++;
                break;                          /* symbolic rejection does not depend on values */
            }
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
                    gcase h = { sb_cstr(&t2), vs, 0, &st, &rng, 0, NULL };
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
                gcase h = { sb_cstr(&t2), vs, 1, &st, &rng, 0, NULL };
                check_case(&h, &p, keep);
                st.queries = q0;
            }
            sb_free(&t2);
        }
        sb_free(&text);
        arena_free(&pa);
    }
    printf("diff-check: generated %ld profiles, %ld rejected by the compiler (", profiles, st.rejected);
    for (size_t ci = 0; ci < 16 && st.codes[ci]; ci++) printf("%s%s %ld", ci ? ", " : "", st.codes[ci], st.ncode[ci]);
    printf("); %ld profiles x value sets checked, %ld queries, %ld failing profiles (%ld with their values)\n",
           st.pairs, st.queries, failing, st.failing_pairs);
    if (failing) {
        fprintf(stderr, "diff-check: shapes in the failing cases:");
        print_shapes(fail_shapes);
        fputc('\n', stderr);
    }
    if (st.queries < min_queries) { fprintf(stderr, "diff-check: fewer than %ld queries\n", min_queries); return 1; }
    return failing ? 1 : 0;
}
