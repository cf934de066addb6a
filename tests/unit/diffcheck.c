/* diffcheck.c - the differential check: for every profile given, generate
 * objects from the profile itself and check that the profile semantics
 * and the SBPL evaluator on the compiled output agree for every concrete
 * operation, and that no object is matched by both an allow and a deny of
 * the same concrete operation in the output.
 *   diff-check [-I DIR]... [--min N] [--seed S] [--objects K] [--break-order] FILE... */
#include "../../sbpl/path_index.h"
#include "diff_objects.h"
#include "gen_check.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--generate") || !strcmp(argv[i], "--list-shapes")) return gen_check_main(argc, argv);
    const char *incs[64];
    size_t ninc = 0;
    long min = 0;
    int nrandom = 4, break_order = 0, nfiles = 0, index_all = 0, readable = 0;
    const char *files[512];
    gen_rng rng = { 42 };
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-I") && i + 1 < argc) { if (ninc < 64) incs[ninc++] = argv[++i]; }
        else if (!strcmp(argv[i], "--min") && i + 1 < argc) min = atol(argv[++i]);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc) rng.s = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--random") && i + 1 < argc) nrandom = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--break-order")) break_order = 1;
        else if (!strcmp(argv[i], "--index")) index_all = 1;
        else if (!strcmp(argv[i], "--readable")) readable = 1;   /* the one-rule-per-line form */
        else if (nfiles < 512) files[nfiles++] = argv[i];
    }
    long total = 0, disagree = 0, conflicts = 0, undecided = 0;
    int errors = 0;
    for (int fi = 0; fi < nfiles; fi++) {
        compile_opts o = { 0 };
        o.include_dirs = incs;
        o.ninclude = ninc;
        compilation *c = compilation_new(&o);
        if (compile_profile(c, files[fi]) != 0) {
            fprintf(stderr, "diff-check: %s does not compile (%u errors)\n", files[fi], c->diags.errors);
            compilation_free(c);
            errors++;
            continue;
        }
        /* the output must be right for every value: try several, including
         * values with regex metacharacters and parameters inside others */
        static const sb_param sets[][4] = {
            { { "HOME", "/Users/test" } },
            { { "WORKDIR", "/Users/test" } },
            { { "HOME", "/Users/j.doe+x" }, { "WORKDIR", "/Users/j.doe+x/p(1)" }, { "TMPDIR", "/Users/j.doe+x/p(1)/tmp" } },
            { { "WORKDIR", "/usr" }, { "TMPDIR", "/" } },
        };
        static const size_t nset[] = { 1, 1, 3, 2 };
        for (size_t vs = 0; vs < sizeof nset / sizeof nset[0]; vs++) {
        crosscheck *x = crosscheck_new(c, sets[vs], nset[vs], (break_order ? CC_BREAK_ORDER : 0) | (readable ? 0 : CC_COMPACT));
        if (decider_missing(x->d)) { crosscheck_free(x); break; }
        arena a;
        arena_init(&a);
        /* --index: the evaluator answers through the path index whatever
         * the policy's size (it takes it from SBPL_INDEX_MIN_RULES rules) */
        int own_index = index_all && !x->pol->index;
        if (own_index) x->pol->index = path_index_build(&a, x->pol);
        objset s;
        memset(&s, 0, sizeof s);
        s.a = &a;
        hm_init(&s.seen);
        objects_for(x, &s, nrandom, &rng);
        opset ops = { { 0 } };
        for (size_t i = 0; i < c->pol.rules.n; i++)
            for (size_t w = 0; w < OPS_MAX / 64; w++) ops.w[w] |= c->pol.rules.v[i]->covers->w[w];
        const char *extra[] = { "file-read-data", "file-write-data", "mach-lookup", "network-outbound", "sysctl-read" };
        for (size_t i = 0; i < 5; i++) opset_add(&ops, op_lookup(extra[i], NULL));
        long q0 = total, d0 = disagree, c0 = conflicts;
        for (int op = 0; op < ops_count(); op++) {
            if (!opset_has(&ops, op) || !op_get(op)->concrete) continue;
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
                cc_answer an = crosscheck_ask(x, &q);
                total++;
                if (an.sbpl.decision < 0) undecided++;
                if (!an.agree) {
                    if (disagree - d0 < 5)
                        fprintf(stderr, "diff-check: %s: %s %s: profile says %s, compiled SBPL says %s\n", files[fi],
                                op_get(op)->name, s.v[k], action_name(an.prof.action),
                                an.sbpl.decision == 0 ? "allow" : an.sbpl.decision == 1 ? "deny" : "undecidable");
                    disagree++;
                }
                if (sbpl_conflict(x->pol, &q, &a)) {
                    if (conflicts - c0 < 5)
                        fprintf(stderr, "diff-check: %s: %s %s: an allow and a deny both match\n", files[fi],
                                op_get(op)->name, s.v[k]);
                    conflicts++;
                }
            }
        }
        printf("diff-check: %s (values %zu): %ld queries, %ld disagreements, %ld conflicts\n", files[fi], vs,
               total - q0, disagree - d0, conflicts - c0);
        hm_free(&s.seen);
        free(s.v);
        free(s.k);
        free(s.ns);
        if (own_index) x->pol->index = NULL;      /* it lives in a */
        arena_free(&a);
        crosscheck_free(x);
        }
        compilation_free(c);
    }
    printf("diff-check: %ld queries in all, %ld disagreements, %ld conflicts, %ld undecidable\n",
           total, disagree, conflicts, undecided);
    if (total < min) { fprintf(stderr, "diff-check: fewer than %ld queries\n", min); return 1; }
    return disagree || conflicts || errors || undecided ? 1 : 0;
}
