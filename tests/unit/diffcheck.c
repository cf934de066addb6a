/* diffcheck.c - the differential check: for every profile given, generate
 * objects from the profile itself and check that the profile semantics
 * and the SBPL evaluator on the compiled output agree for every concrete
 * operation, and that no object is matched by both an allow and a deny of
 * the same concrete operation in the output.
 *   diff-check [-I DIR]... [--min N] [--seed S] [--objects K] [--break-order] FILE... */
#include "../../compiler/crosscheck.h"
#include "../../compiler/path_index.h"
#include "../../compiler/patterns.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct objset { char **v; obj_kind *k; int *ns; size_t n, cap; hashmap seen; arena *a; } objset;

static void add(objset *s, const char *o, size_t n, obj_kind k, int ns)
{
    if (n == 0 || n > 4096) return;
    char *key = arena_alloc(s->a, n + 3);
    key[0] = (char)('0' + k);
    key[1] = (char)('A' + ns);
    memcpy(key + 2, o, n);
    if (hm_put(&s->seen, key, n + 2, key)) return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->v = xrealloc(s->v, s->cap * sizeof *s->v);
        s->k = xrealloc(s->k, s->cap * sizeof *s->k);
        s->ns = xrealloc(s->ns, s->cap * sizeof *s->ns);
    }
    s->v[s->n] = arena_strndup(s->a, o, n);
    s->k[s->n] = k;
    s->ns[s->n] = ns;
    s->n++;
}

static void adds(objset *s, const char *o, obj_kind k, int ns) { add(s, o, strlen(o), k, ns); }

static unsigned long long rng;
static unsigned rnd(void) { rng = rng * 6364136223846793005ull + 1442695040888963407ull; return (unsigned)(rng >> 33); }

static void path_objects(objset *s, const char *v, size_t n, int nrandom)
{
    char buf[8192];
    if (n == 0 || n > 4000) return;
    static const char *const kids[] = { "/child", "/a/b.txt", "/.env", "/x.pem", "/.git/hooks/pre-commit",
        "/.git/config", "/x.y", "/xAy", "/x(y)", "/a+b", "/q?", "/[z]", "/$x", "/sub/dir/.env", "/k.key" };
    add(s, v, n, OBJ_PATH, 0);
    snprintf(buf, sizeof buf, "%.*sc", (int)n, v);              /* string-prefix neighbour /a/bc */
    adds(s, buf, OBJ_PATH, 0);
    snprintf(buf, sizeof buf, "%.*s.", (int)n, v);
    adds(s, buf, OBJ_PATH, 0);
    for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++) {
        snprintf(buf, sizeof buf, "%.*s%s", (int)(n > 1 || v[0] != '/' ? n : 0), v, kids[i]);
        adds(s, buf, OBJ_PATH, 0);
    }
    const char *slash = NULL;
    for (size_t i = 0; i < n; i++) if (v[i] == '/') slash = v + i;
    if (slash) {
        size_t pl = (size_t)(slash - v);
        add(s, v, pl ? pl : 1, OBJ_PATH, 0);                       /* parent */
        snprintf(buf, sizeof buf, "%.*s/zz-sibling", (int)pl, v);
        adds(s, buf, OBJ_PATH, 0);
        if (n > pl + 1) {                                          /* last char changed */
            snprintf(buf, sizeof buf, "%.*s", (int)n, v);
            buf[n - 1] = buf[n - 1] == 'X' ? 'Y' : 'X';
            adds(s, buf, OBJ_PATH, 0);
        }
    }
    for (int r = 0; r < nrandom; r++) {
        char name[16];
        int len = 1 + (int)(rnd() % 10);
        for (int i = 0; i < len; i++) name[i] = "abcxyz.-_+()[]{}^$|*?ABC019/"[rnd() % 28];
        name[len] = 0;
        snprintf(buf, sizeof buf, "%.*s/%s", (int)n, v, name);
        adds(s, buf, OBJ_PATH, 0);
    }
}

static void name_objects(objset *s, const char *v, size_t n, int ns)
{
    char buf[4200];
    if (n > 4000) return;
    add(s, v, n, OBJ_NAME, ns);
    snprintf(buf, sizeof buf, "%.*sx", (int)n, v); adds(s, buf, OBJ_NAME, ns);
    snprintf(buf, sizeof buf, "%.*s.sub", (int)n, v); adds(s, buf, OBJ_NAME, ns);
    if (n > 1) add(s, v, n - 1, OBJ_NAME, ns);
    snprintf(buf, sizeof buf, "x%.*s", (int)n, v); adds(s, buf, OBJ_NAME, ns);
}

static const sf_ns ns_map[] = { [NS_NONE] = SNS_OTHER, [NS_GLOBAL] = SNS_GLOBAL, [NS_LOCAL] = SNS_LOCAL,
    [NS_SYSCTL] = SNS_SYSCTL, [NS_IPC] = SNS_IPC, [NS_IOKIT] = SNS_IOKIT, [NS_IOKIT_REG] = SNS_IOKIT };

static void objects_for(crosscheck *x, objset *s, int nrandom)
{
    static const char *const fixed[] = { "/", "/Users", "/Users/test", "/Users/test/.ssh/id_ed25519",
        "/Users/test/.zshrc", "/Users/test/project/src/main.c", "/private/tmp/x", "/usr/bin/env", "/System" };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) adds(s, fixed[i], OBJ_PATH, 0);
    static const char *const targets[] = { "self", "same-sandbox", "children", "others", "pgrp" };
    for (size_t i = 0; i < 5; i++) adds(s, targets[i], OBJ_TARGET, 0);
    adds(s, "localhost:1", OBJ_IP, 0);
    adds(s, "*:1", OBJ_IP, 0);
    adds(s, "*:443", OBJ_IP, 0);
    adds(s, "com.example.random", OBJ_NAME, SNS_GLOBAL);
    compilation *c = x->c;
    for (size_t i = 0; i < c->pol.rules.n; i++) {
        const rule *r = c->pol.rules.v[i];
        if (r->m.kind == MK_NONE) continue;
        strbuf b;
        sb_init(&b);
        const char *t = r->m.kind == MK_GLOB || r->m.kind == MK_REGEX || r->m.kind == MK_NAME_REGEX ? r->m.fixed : r->m.value;
        size_t tl = t == r->m.fixed ? r->m.fixed_len : r->m.len;
        if (r->m.kind == MK_ANCESTORS) {
            const char *v = decider_value(x->d, r->m.value);
            if (v) sb_puts(&b, v);
        }
        for (size_t k = 0; k < tl && r->m.kind != MK_ANCESTORS; k++) {
            if (t[k] != PARAM_OPEN) { sb_putc(&b, t[k]); continue; }
            size_t e = k + 1;
            while (e < tl && t[e] != PARAM_CLOSE) e++;
            char name[256];
            snprintf(name, sizeof name, "%.*s", (int)(e - k - 1), t + k + 1);
            const char *v = decider_value(x->d, name);
            if (v) sb_puts(&b, v);
            k = e;
        }
        const char *v = sb_cstr(&b);
        switch (mk_family(r->m.kind)) {
        case FAM_PATH:
            path_objects(s, v, b.len, nrandom);
            if (r->m.kind == MK_ANCESTORS) {                  /* every ancestor and a non-ancestor */
                for (size_t k = 1; k < b.len; k++) if (v[k] == '/') add(s, v, k, OBJ_PATH, 0);
            }
            break;
        case FAM_NAME: name_objects(s, v, b.len, ns_map[r->m.ns]); break;
        case FAM_IP: {
            char buf[64];
            const char *colon = strrchr(v, ':');
            const char *port = colon && strcmp(colon + 1, "*") ? colon + 1 : "8080";
            snprintf(buf, sizeof buf, "localhost:%s", port); adds(s, buf, OBJ_IP, 0);
            snprintf(buf, sizeof buf, "*:%s", port); adds(s, buf, OBJ_IP, 0);
            break;
        }
        default: break;
        }
        sb_free(&b);
    }
}

static int kind_fits(obj_kind ok, int ons, const sb_request *proto)
{
    if (proto->kind == OBJ_IP) return ok == OBJ_IP || ok == OBJ_PATH;   /* network: sockets too */
    if (ok != proto->kind) return 0;
    if (ok == OBJ_NAME) return ons == (int)proto->ns || (proto->ns == SNS_GLOBAL && ons == (int)SNS_LOCAL);
    return 1;
}

int main(int argc, char **argv)
{
    const char *incs[64];
    size_t ninc = 0;
    long min = 0;
    int nrandom = 4, break_order = 0, nfiles = 0, index_all = 0;
    const char *files[512];
    rng = 42;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-I") && i + 1 < argc) { if (ninc < 64) incs[ninc++] = argv[++i]; }
        else if (!strcmp(argv[i], "--min") && i + 1 < argc) min = atol(argv[++i]);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc) rng = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--random") && i + 1 < argc) nrandom = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--break-order")) break_order = 1;
        else if (!strcmp(argv[i], "--index")) index_all = 1;
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
        crosscheck *x = crosscheck_new(c, sets[vs], nset[vs], break_order);
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
        objects_for(x, &s, nrandom);
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
                                op_get(op)->name, s.v[k], an.prof.action ? "deny" : "allow",
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
