/* run_profile.c - the cache lookup, the lint gate and the compilation for
 * `buckle run` (docs/runner.md, "The run cache"). */
#define _POSIX_C_SOURCE 200809L
#include "run_profile.h"
#include "runner.h"
#include "../compiler/decide.h"
#include "../backend/emit.h"
#include "../compiler/patterns.h"
#include "../lint/lint.h"
#include "../seatbelt/import_dirs.h"
#include "../support/digest.h"
#include <limits.h>
/* the cache entry's pseudo-parameter that records the values inlined */
#define VALUES_MARK "\x01values"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int mentions_import(const char *s, size_t n)
{
    return sbpl_text_mentions(s, n, "import");     /* IMPORT imports too */
}

const char *run_binary_identity(const run_request *rq, arena *a)
{
    struct stat st;
    return stat(rq->exe_path, &st) == 0
        ? arena_printf(a, "buckle %s\n%s\n%llu:%llu:%lld:%lld:%lu", BUCKLE_VERSION, rq->exe_path, (unsigned long long)st.st_dev,
                       (unsigned long long)st.st_ino, (long long)st.st_size, (long long)st.st_mtime,
                       (unsigned long)st.st_nlink)
        : arena_printf(a, "buckle %s\n%s\n?", BUCKLE_VERSION, rq->exe_path);
}

/* The standard library and $BUCKLE_PATH, as the command line gave them */
static void base_opts(const run_request *rq, compile_opts *co)
{
    size_t n = 0;
    for (; rq->std_dirs && rq->std_dirs[n] && n + 1 < sizeof co->std_dirs / sizeof co->std_dirs[0]; n++)
        co->std_dirs[n] = rq->std_dirs[n];
    co->std_dirs[n] = NULL;
    co->buckle_path = rq->buckle_path;
}

uint64_t run_files_digest(const char *const *paths, size_t n, uint64_t seed)
{
    uint64_t h = seed;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        h = digest64(paths[i], strlen(paths[i]) + 1, h);
        if (stat(paths[i], &st) != 0) { h = digest64("-", 1, h); continue; }
        if (!S_ISREG(st.st_mode)) { h = digest64("d", 1, h); continue; }
        const char *err;
        source *s = source_read(paths[i], paths[i], &err);
        if (!s) { h = digest64("?", 1, h); continue; }
        h = digest64(s->text, s->len, digest64("f", 1, h));
        source_free(s);
    }
    return h;
}

/* Everything besides the input files that decides the lint verdict and the
 * output: this executable (its identity on disk), the directory relative
 * paths start from, the profile, the search path and the -D values. */
static uint64_t request_key(const profile_request *pr, arena *a)
{
    const run_request *rq = pr->rq;
    const char *parts[8];
    size_t n = 0;
    compile_opts co = { 0 };
    base_opts(rq, &co);
    parts[n++] = pr->identity;
    parts[n++] = pr->cwd;
    parts[n++] = rq->profile;
    parts[n++] = co.buckle_path ? co.buckle_path : "-";
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < STD_DIRS_MAX && co.std_dirs[i]; i++) { sb_puts(&b, co.std_dirs[i]); sb_putc(&b, '\n'); }
    sb_puts(&b, "\x01-I");
    for (size_t i = 0; i < rq->ninc; i++) { sb_puts(&b, rq->incs[i]); sb_putc(&b, '\n'); }
    sb_puts(&b, "\x01-D");
    for (size_t i = 0; i < pr->ndef; i++) {
        sb_puts(&b, pr->defs[i].name);
        sb_putc(&b, '=');
        sb_puts(&b, pr->defs[i].value);
        sb_putc(&b, '\n');
    }
    parts[n++] = arena_strdup(a, sb_cstr(&b));
    sb_free(&b);
    return cache_key(parts, n);
}

/* The lint verdict on dl: 0 clean, 1 errors but --force, -1 refused (after
 * saying why).  BK3001 does not count: the runner's protection fixes it. */
static int judge(const profile_request *pr, diag_list *dl)
{
    const run_request *rq = pr->rq;
    int errors = 0;
    for (diag *d = dl->head; d; d = d->next) {
        if (d->suppressed || d->sev != SEV_ERROR || (d->code && !strcmp(d->code, BK3001))) d->suppressed = 1;
        else errors++;
    }
    if (errors) run_put(pr->sink, dl);
    if (errors && !rq->force) {
        run_say(pr->sink, SEV_ERROR, "%s has lint errors; not running it (use --force to run anyway)", rq->profile);
        return -1;
    }
    return errors ? 1 : 0;
}

/* Where an .sb profile's imports are looked for: -I, then the profile's own
 * directory (as buckle lint does). */
static void sb_import_dirs(const run_request *rq, arena *a, run_profile *out)
{
    out->import_dirs = arena_alloc(a, (rq->ninc + 2) * sizeof *out->import_dirs);
    for (size_t i = 0; i < rq->ninc; i++) out->import_dirs[out->nimport++] = rq->incs[i];
    const char *slash = strrchr(rq->profile, '/');
    out->import_dirs[out->nimport++] = slash ? arena_strndup(a, rq->profile, (size_t)(slash - rq->profile)) : ".";
}

/* Lints an .sb profile held in memory (a .buckle one is linted on its
 * compilation). */
static int lint_sb(const profile_request *pr, arena *a, const source *s)
{
    const run_request *rq = pr->rq;
    lint_opts lo = { 0 };
    compile_opts co = { 0 };
    base_opts(rq, &co);
    memcpy(lo.std_dirs, co.std_dirs, sizeof lo.std_dirs);
    lo.buckle_path = co.buckle_path;
    lo.include_dirs = rq->incs;
    lo.ninclude = rq->ninc;
    lo.params = pr->defs;
    lo.nparams = pr->ndef;
    lo.text = s->text;
    lo.text_len = s->len;
    diag_list dl;
    diag_list_init(&dl, a);
    source *keep = NULL;
    lint_file(&lo, rq->profile, a, &dl, &keep);
    int g = judge(pr, &dl);
    while (keep) { source *n = keep->next; source_free(keep); keep = n; }
    return g;
}

typedef struct probe_rec { arena *a; file_probe *v; size_t n, cap; } probe_rec;

static void record_import(void *ctx, const char *path, int found)
{
    probe_rec *r = ctx;
    r->v = arena_grow(r->a, r->v, r->n, r->cap, sizeof *r->v);
    r->cap = arena_grow_cap(r->n, r->cap);
    r->v[r->n++] = (file_probe){ arena_strdup(r->a, path), found };
}

/* Every file an .sb's imports look at, read or not: the profile is evaluated
 * once with the import dirs to see them.  Besides the places buckle looks,
 * a relative import is protected where sandbox-exec may look too: the working
 * directory and the system profile directories. */
static void sb_imports(arena *a, const source *s, const run_profile *rp, cache_entry *e)
{
    probe_rec r = { a, NULL, 0, 0 };
    diag_list dl;
    diag_list_init(&dl, a);
    sbpl_read_opts ro = { .whole = 1 };
    sexp *top = sbpl_read(a, &dl, s, &ro);
    /* the values sandbox-exec will get (resolved before the entry for an .sb) */
    size_t nd;
    sb_param *pd = run_sbpl_params(a, rp->params, rp->nparams, &nd);
    source *imported = NULL;
    sbpl_eval_opts eo = { .params = pd, .nparams = nd, .import_dirs = rp->import_dirs, .nimport = rp->nimport, .sources = &imported };
    if (!dl.errors) sbpl_eval_probed(a, &dl, s, top, &eo, record_import, &r);
    while (imported) { source *n = imported->next; source_free(imported); imported = n; }
    size_t nsys;
    const char *const *sys = seatbelt_import_dirs(&nsys);
    size_t nrec = r.n;
    for (size_t i = 0; i < nrec; i++) {
        const char *p = r.v[i].path;
        const char *base = strrchr(p, '/');
        base = base ? base + 1 : p;
        record_import(&r, base, 0);
        for (size_t k = 0; k < nsys; k++) record_import(&r, arena_printf(a, "%s/%s", sys[k], base), 0);
    }
    e->probes = r.v;
    e->nprobes = r.n;
}

/* Lints and compiles a .buckle (one compilation for both), or lints and
 * reads an .sb, into e.  Returns the lint verdict (0 clean, 1 errors but
 * --force), or -1 after saying why not. */
static int build_entry(const profile_request *pr, arena *a, cache_entry *e, run_profile *rp)
{
    const run_request *rq = pr->rq;
    if (run_is_sb(rq->profile)) {
        const char *err;
        source *s = source_read(rq->profile, rq->profile, &err);
        if (!s) { run_say(pr->sink, SEV_ERROR, "cannot read %s: %s", rq->profile, err); return -1; }
        int g = lint_sb(pr, a, s);
        if (g < 0) { source_free(s); return -1; }
        e->profile = arena_strndup(a, s->text, s->len);
        e->len = s->len;
        e->files = arena_alloc(a, sizeof *e->files);
        e->digests = arena_alloc(a, sizeof *e->digests);
        e->sizes = arena_alloc(a, sizeof *e->sizes);
        e->files[0] = arena_strdup(a, rq->profile);
        e->digests[0] = digest64(s->text, s->len, 0);
        e->sizes[0] = s->len;
        e->nfiles = 1;
        if (mentions_import(s->text, s->len)) sb_imports(a, s, rp, e);
        source_free(s);
        return g;
    }
    compile_opts co = { 0 };
    co.include_dirs = rq->incs;
    co.ninclude = rq->ninc;
    base_opts(rq, &co);
    compilation *c = compilation_new(&co);
    int crc = compile_profile(c, rq->profile);
    if (c->io_error) {                            /* unreadable */
        run_put(pr->sink, &c->diags);
        compilation_free(c);
        return -1;
    }
    diag_list dl;
    diag_list_init(&dl, a);
    lint_compilation(c, crc, a, &dl);
    int g = judge(pr, &dl);
    if (g < 0 || crc != 0) {
        compilation_free(c);
        return -1;
    }
    strbuf prof;
    sb_init(&prof);
    emit_opts eo = { .compact = 1 };                   /* the compact form */
    emit_sbpl(c, &eo, &prof);
    e->profile = arena_strndup(a, prof.data, prof.len);
    e->len = prof.len;
    sb_free(&prof);
    e->params = arena_alloc(a, (c->params.count + 1) * sizeof *e->params);
    for (size_t k = 0; k < c->params.cap; k++) {
        hm_slot *sl = &c->params.slots[k];
        param_decl *p = sl->val;
        if (!sl->hash || !(p->used || p->raw_read)) continue;
        e->params[e->nparams++] = (cache_param){ arena_strdup(a, p->name), p->def ? arena_strdup(a, p->def) : NULL };
    }
    e->files = arena_alloc(a, (c->ndeps + 1) * sizeof *e->files);
    e->digests = arena_alloc(a, (c->ndeps + 1) * sizeof *e->digests);
    e->sizes = arena_alloc(a, (c->ndeps + 1) * sizeof *e->sizes);
    for (size_t i = 0; i < c->ndeps; i++) {
        e->files[i] = arena_strdup(a, c->deps[i]);
        e->digests[i] = digest64(c->dep_src[i]->text, c->dep_src[i]->len, 0);
        e->sizes[i] = c->dep_src[i]->len;
    }
    e->nfiles = c->ndeps;
    e->probes = arena_alloc(a, (c->nprobes + 1) * sizeof *e->probes);
    for (size_t i = 0; i < c->nprobes; i++)
        e->probes[i] = (file_probe){ arena_strdup(a, c->probes[i].path), c->probes[i].found };
    e->nprobes = c->nprobes;
    compilation_free(c);
    return g;
}

static const char *lookup(const sb_param *v, size_t n, const char *name, size_t len)
{
    for (size_t i = n; i > 0; i--)
        if (!strncmp(v[i - 1].name, name, len) && !v[i - 1].name[len]) return v[i - 1].value;
    return NULL;
}

const char *run_expand_default(arena *a, const char *def, run_param_lookup look, void *ctx, int *failed)
{
    strbuf b;
    sb_init(&b);
    *failed = 0;
    for (const char *q = def; *q; q++) {
        const char *end = *q == PARAM_OPEN ? strchr(q, PARAM_CLOSE) : NULL;
        if (!end) { sb_putc(&b, *q); continue; }
        const char *v = look(ctx, q + 1, (size_t)(end - q - 1), failed);
        if (!v) { sb_free(&b); return NULL; }
        sb_puts(&b, v);
        q = end;
    }
    const char *out = arena_strdup(a, sb_cstr(&b));
    sb_free(&b);
    return out;
}

const char *run_param_in(void *ctx, const char *name, size_t len, int *failed)
{
    const run_param_list *l = ctx;
    (void)failed;
    return lookup(l->v, l->n, name, len);
}

/* A built-in parameter's value, or NULL after saying why it cannot be used.
 * USER comes from the password database only when the environment lacks it
 * and the profile needs it: the lookup can cost more than the rest of a
 * cached run. */
static const char *builtin(const profile_request *pr, arena *a, const char *name, size_t len, int *known)
{
    *known = 0;
    size_t k;
    for (k = 0; k < pr->nbuiltin; k++)
        if (!strncmp(pr->builtin[k].name, name, len) && !pr->builtin[k].name[len]) break;
    if (k == pr->nbuiltin) return NULL;
    *known = 1;
    const char *v = pr->builtin[k].value;
    if (!v && len == 4 && !strncmp(name, "USER", 4) && run_user_entry(a, NULL, &v) != 0) v = NULL;
    const char *why = runner_builtin_problem(pr->builtin[k].name, v);
    if (why) {
        run_say(pr->sink, SEV_ERROR, "the built-in parameter %s cannot be used: %s%s%s%s", pr->builtin[k].name,
                why, v ? " (\"" : "", v ? v : "", v ? "\")" : "");
        return NULL;
    }
    return v;
}

/* A name in a declared default: -D, then the built-in (NULL after saying
 * why it cannot be used), then that parameter's own declared default,
 * resolved the same way to any depth (as param_default_value does for
 * query and test; the compiler refuses a cycle), else nothing (""). */
typedef struct default_ctx { const profile_request *pr; arena *a; const cache_entry *e; int depth; } default_ctx;

static const char *default_value(void *ctx, const char *name, size_t len, int *failed)
{
    default_ctx *dc = ctx;
    const char *v = lookup(dc->pr->defs, dc->pr->ndef, name, len);
    int known;
    if (!v) v = builtin(dc->pr, dc->a, name, len, &known);
    if (!v && known) { *failed = 1; return NULL; }
    for (size_t k = 0; !v && dc->e && k < dc->e->nparams && dc->depth < 64; k++) {
        const cache_param *cp = &dc->e->params[k];
        if (!cp->def || strncmp(cp->name, name, len) || cp->name[len]) continue;
        dc->depth++;
        v = run_expand_default(dc->a, cp->def, default_value, dc, failed);
        dc->depth--;
        if (!v) return NULL;
    }
    return v ? v : "";
}

/* Every parameter the output names: -D, then the environment, then the
 * declared default (which may name built-in parameters and -D values). */
static int resolve_params(const profile_request *pr, const cache_entry *e, arena *a, run_profile *out)
{
    out->params = arena_alloc(a, (e->nparams + pr->nbuiltin + pr->ndef + 1) * sizeof *out->params);
    int known;
    if (run_is_sb(pr->rq->profile)) {
        for (size_t k = 0; k < pr->nbuiltin; k++) {
            const char *n = pr->builtin[k].name;
            if (lookup(pr->defs, pr->ndef, n, strlen(n))) continue;      /* -D wins */
            const char *v = builtin(pr, a, n, strlen(n), &known);
            if (!v) return -1;
            out->params[out->nparams++] = (sb_param){ n, v };
        }
        for (size_t k = 0; k < pr->ndef; k++) out->params[out->nparams++] = pr->defs[k];
        return 0;
    }
    for (size_t k = 0; k < e->nparams; k++) {
        const char *name = e->params[k].name, *def = e->params[k].def;
        if (name[0] == VALUES_MARK[0]) continue;        /* the values inlined (inline_values) */
        const char *v = lookup(pr->defs, pr->ndef, name, strlen(name));
        if (!v) {
            v = builtin(pr, a, name, strlen(name), &known);
            if (!v && known) return -1;
        }
        if (!v && def) {
            default_ctx dc = { pr, a, e, 0 };
            int failed;
            const char *x = run_expand_default(a, def, default_value, &dc, &failed);
            if (!x) return -1;              /* a built-in it names said why */
            v = run_canonical(a, x);
        }
        if (!v) {
            run_say(pr->sink, SEV_ERROR, "parameter %s has no value: pass -D %s=VALUE", name, name);
            return -1;
        }
        out->params[out->nparams++] = (sb_param){ name, v };
    }
    return 0;
}

sb_param *run_sbpl_params(arena *a, const sb_param *params, size_t n, size_t *out_n)
{
    sb_param *all = arena_alloc(a, (DERIVED_PER_PARAM * n + 1) * sizeof *all);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t nd;
        sb_param *d = derive_sbpl_params(a, &params[i], 1, &nd);
        /* NAME.re may appear in any pattern and NAME.dir wherever NAME is
         * followed by "/"; NAME.ancestors means something only for an
         * absolute path, as do NAME.pdir, NAME.pre, NAME.ifroot and
         * NAME.ifnotroot;
         * NAME.root, NAME.rootre, NAME.up, NAME.uproot and NAME.ifalias a
         * relative one (inside a path) */
        all[k++] = d[0];
        all[k++] = d[1];
        if (params[i].value[0] == '/') all[k++] = d[2];
        all[k++] = d[3];
        if (params[i].value[0] == '/') { all[k++] = d[4]; all[k++] = d[5]; all[k++] = d[10]; all[k++] = d[12]; }
        else { all[k++] = d[6]; all[k++] = d[7]; all[k++] = d[8]; all[k++] = d[9]; all[k++] = d[11]; }
    }
    *out_n = k;
    return all;
}

/* The paths the run protects: the profile, every file read, every candidate
 * looked at, the search directories. */
static void collect_walk(const run_request *rq, arena *a, const cache_entry *e, run_profile *out)
{
    compile_opts co = { 0 };
    base_opts(rq, &co);
    size_t cap = e->nfiles + e->nprobes + rq->ninc + 2;
    char *bp = co.buckle_path ? arena_strdup(a, co.buckle_path) : NULL;
    for (const char *p = bp; p && *p; p++) cap += *p == ':';
    out->walk = arena_alloc(a, (cap + 1) * sizeof *out->walk);
    if (strcmp(rq->profile, "-") != 0) out->walk[out->nwalk++] = rq->profile;
    for (size_t i = 0; i < e->nfiles; i++) out->walk[out->nwalk++] = e->files[i];
    out->nsources = out->nwalk;
    for (size_t i = 0; i < e->nprobes; i++) out->walk[out->nwalk++] = e->probes[i].path;
    for (size_t i = 0; i < rq->ninc; i++) out->walk[out->nwalk++] = rq->incs[i];
    for (char *tok = bp ? strtok(bp, ":") : NULL; tok; tok = strtok(NULL, ":"))
        if (*tok && out->nwalk < cap) out->walk[out->nwalk++] = tok;
}

/* The values a profile was compiled with: "NAME=VALUE\n" each, in the
 * order resolve_params gives them. */
static const char *values_text(arena *a, const run_profile *rp)
{
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < rp->nparams; i++) {
        sb_puts(&b, rp->params[i].name);
        sb_putc(&b, '=');
        sb_puts(&b, rp->params[i].value);
        sb_putc(&b, '\n');
    }
    const char *t = arena_strdup(a, sb_cstr(&b));
    sb_free(&b);
    return t;
}

/* The values an entry's profile holds (its VALUES_MARK parameter), or "". */
static const char *entry_values(const cache_entry *e)
{
    for (size_t k = 0; k < e->nparams; k++)
        if (e->params[k].name[0] == VALUES_MARK[0]) return e->params[k].def ? e->params[k].def : "";
    return "";
}

/* The profile compiled again with the run's values inlined (what compile
 * --compact -D gives): sandbox-exec parses and compiles the profile at every
 * launch, and concrete values let the compact form fold paths and decide
 * carve-outs on the values.  Values compile -D refuses, or a profile that
 * does not compile with them (a raw rule that meets a final rule for these
 * values, a value glued to text that it changes), are refused: the
 * symbolic profile would run with a meaning the checks never saw.  -1 after
 * saying why. */
static int inline_values(const profile_request *pr, arena *a, cache_entry *e, const run_profile *rp)
{
    if (rp->nparams == 0) return 0;               /* nothing to inline, nothing to record */
    define *defs = arena_alloc(a, (rp->nparams + 1) * sizeof *defs);
    for (size_t i = 0; i < rp->nparams; i++) {
        const char *arg = arena_printf(a, "%s=%s", rp->params[i].name, rp->params[i].value);
        const char *why = define_parse(a, arg, &defs[i]);
        if (why) {
            run_say(pr->sink, SEV_ERROR, "the value of %s cannot be used: %s (\"%s\")", rp->params[i].name, why,
                    rp->params[i].value);
            return -1;
        }
    }
    const run_request *rq = pr->rq;
    compile_opts co = { 0 };
    co.include_dirs = rq->incs;
    co.ninclude = rq->ninc;
    base_opts(rq, &co);
    co.defines = defs;
    co.ndefines = rp->nparams;
    compilation *c = compilation_new(&co);
    if (compile_profile(c, rq->profile) != 0) {
        run_put(pr->sink, &c->diags);
        run_say(pr->sink, SEV_ERROR, "%s does not compile with this run's parameter values (above); not running it",
                rq->profile);
        compilation_free(c);
        return -1;
    }
    strbuf prof;
    sb_init(&prof);
    emit_opts eo = { .compact = 1 };
    emit_sbpl(c, &eo, &prof);
    e->profile = arena_strndup(a, prof.data, prof.len);
    e->len = prof.len;
    sb_free(&prof);
    compilation_free(c);
    /* recorded with the entry: a hit with other values compiles again */
    e->params[e->nparams++] = (cache_param){ VALUES_MARK, values_text(a, rp) };
    return 0;
}

int run_profile_obtain(const profile_request *pr, arena *a, run_profile *out)
{
    const run_request *rq = pr->rq;
    memset(out, 0, sizeof *out);
    out->fd = -1;
    cache_entry e;
    memset(&e, 0, sizeof e);
    int resolved = 0;
    if (run_is_sb(rq->profile)) {
        sb_import_dirs(rq, a, out);
        if (resolve_params(pr, &e, a, out) != 0) return -1;
    }
    /* stdin cannot be checked for changes; an .sb import reads files the
     * cache does not track */
    int cacheable = pr->cache_fd >= 0 && strcmp(rq->profile, "-") != 0;
    uint64_t key = cacheable ? request_key(pr, a) : 0;
    int hit = cacheable && !pr->skip_load && cache_load(pr->cache_fd, key, a, &e) == 0;
    if (hit && !run_is_sb(rq->profile)) {
        /* the entry's profile holds the values it was compiled with */
        if (resolve_params(pr, &e, a, out) != 0) { close(e.fd); return -1; }
        resolved = 1;
        if (strcmp(entry_values(&e), values_text(a, out)) != 0) {
            close(e.fd);
            hit = 0;
            resolved = 0;
            out->nparams = 0;
        }
    }
    if (hit) {
        out->cached = 1;
        out->fd = e.fd;
        out->off = e.body_off;
        out->digest = e.body_digest;
        out->state = e.state;
    } else {
        memset(&e, 0, sizeof e);
        int g = build_entry(pr, a, &e, out);
        if (g < 0) return -1;
        if (!run_is_sb(rq->profile)) {
            out->nparams = 0;
            if (resolve_params(pr, &e, a, out) != 0) return -1;
            if (inline_values(pr, a, &e, out) != 0) return -1;
            resolved = 1;
        }
        int imports = run_is_sb(rq->profile) && mentions_import(e.profile, e.len);
        /* only a lint-clean profile is stored: a hit skips the lint */
        if (cacheable && g == 0 && !imports) {
            cache_store(pr->cache_fd, key, &e);
            profile_dir_sweep(pr->cache_fd, RUNNER_STALE_SECONDS, CACHE_MAX_AGE_SECONDS);
        }
        out->digest = digest_wide(e.profile, e.len);
    }
    out->text = e.profile;
    out->len = e.len;
    collect_walk(rq, a, &e, out);
    int rc = run_is_sb(rq->profile) || resolved ? 0 : resolve_params(pr, &e, a, out);
    if (rc && out->fd >= 0) { close(out->fd); out->fd = -1; }
    return rc;
}
