/* run_profile.c - the cache lookup, the lint gate and the compilation for
 * `buckle run` (docs/runner.md, "The run cache"). */
#define _POSIX_C_SOURCE 200809L
#include "run_profile.h"
#include "../compiler/emit.h"
#include "../compiler/patterns.h"
#include "../lint/lint.h"
#include "../support/digest.h"
#include "../runner/runner.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int mentions_import(const char *s, size_t n)
{
    for (size_t i = 0; i + 6 <= n; i++)
        if (s[i] == 'i' && !memcmp(s + i, "import", 6)) return 1;
    return 0;
}

/* Everything besides the input files that decides the lint verdict and the
 * output: this executable (its identity on disk), the directory relative
 * paths start from, the profile, the search path and the -D values. */
static uint64_t request_key(const run_request *rq, arena *a)
{
    const char *parts[8];
    size_t n = 0;
    struct stat st;
    char cwd[PATH_MAX];
    compile_opts co = { 0 };
    cli_compile_opts(rq->env, &co);
    parts[n++] = "buckle " BUCKLE_VERSION;
    parts[n++] = rq->env->exe_path;
    parts[n++] = stat(rq->env->exe_path, &st) == 0
        ? arena_printf(a, "%llu:%llu:%lld:%lld", (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
                       (long long)st.st_size, (long long)st.st_mtime)
        : "?";
    parts[n++] = getcwd(cwd, sizeof cwd) ? cwd : "?";
    parts[n++] = rq->profile;
    parts[n++] = co.buckle_path ? co.buckle_path : "-";
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < 5 && co.std_dirs[i]; i++) { sb_puts(&b, co.std_dirs[i]); sb_putc(&b, '\n'); }
    sb_puts(&b, "\x01-I");
    for (size_t i = 0; i < rq->ninc; i++) { sb_puts(&b, rq->incs[i]); sb_putc(&b, '\n'); }
    sb_puts(&b, "\x01-D");
    for (size_t i = 0; i < rq->ndef; i++) {
        sb_puts(&b, rq->defs[i].name);
        sb_putc(&b, '=');
        sb_puts(&b, rq->defs[i].value);
        sb_putc(&b, '\n');
    }
    parts[n++] = arena_strdup(a, sb_cstr(&b));
    sb_free(&b);
    return cache_key(parts, n);
}

/* The lint verdict on dl: 0 clean, 1 errors but --force, 125 refused (after
 * printing why).  BK3001 does not count: the runner's protection fixes it. */
static int judge(const run_request *rq, diag_list *dl)
{
    int errors = 0;
    for (diag *d = dl->head; d; d = d->next) {
        if (d->suppressed || d->sev != SEV_ERROR || (d->code && !strcmp(d->code, "BK3001"))) d->suppressed = 1;
        else errors++;
    }
    if (errors) cli_print_diags(dl, stderr);
    if (errors && !rq->force) {
        fprintf(stderr, "buckle run: error: %s has lint errors; not running it (use --force to run anyway)\n", rq->profile);
        return 125;
    }
    return errors ? 1 : 0;
}

/* Lints an .sb profile held in memory (a .buckle one is linted on its
 * compilation). */
static int lint_sb(const run_request *rq, arena *a, const source *s)
{
    lint_opts lo = { 0 };
    cli_lint_opts(rq->env, &lo);
    lo.include_dirs = rq->incs;
    lo.ninclude = rq->ninc;
    lo.params = rq->defs;
    lo.nparams = rq->ndef;
    lo.text = s->text;
    lo.text_len = s->len;
    diag_list dl;
    diag_list_init(&dl, a);
    source *keep = NULL;
    lint_file(&lo, rq->profile, a, &dl, &keep);
    int g = judge(rq, &dl);
    while (keep) { source *n = keep->next; source_free(keep); keep = n; }
    return g;
}

/* Appends the protection rules for the profile directory and for the files
 * the profile was compiled from (realpath: the kernel sees physical paths). */
static void protect(const run_request *rq, strbuf *prof, const char *const *files, size_t n)
{
    if (!rq->protect_dir) return;
    const char **real = xcalloc(n + 1, sizeof *real);
    size_t nr = 0;
    char buf[PATH_MAX];
    for (size_t i = 0; i < n; i++)
        if (realpath(files[i], buf)) real[nr++] = xstrdup(buf);
    runner_protection(prof, rq->protect_dir, real, nr);
    for (size_t i = 0; i < nr; i++) free((void *)real[i]);
    free(real);
}

/* Lints and compiles a .buckle (one compilation for both), or lints and
 * reads an .sb, into e.  Returns the lint verdict (0 clean, 1 errors but
 * --force), or 125 after printing why not. */
static int build_entry(const run_request *rq, arena *a, cache_entry *e)
{
    if (is_sb_path(rq->profile)) {
        const char *err;
        source *s = source_read(rq->profile, rq->profile, &err);
        if (!s) { fprintf(stderr, "buckle: error: cannot read %s: %s\n", rq->profile, err); return 125; }
        int g = lint_sb(rq, a, s);
        if (g == 125) { source_free(s); return 125; }
        strbuf prof;
        sb_init(&prof);
        sb_add(&prof, s->text, s->len);
        protect(rq, &prof, &rq->profile, 1);
        e->profile = arena_strndup(a, prof.data, prof.len);
        e->len = prof.len;
        sb_free(&prof);
        e->files = arena_alloc(a, sizeof *e->files);
        e->digests = arena_alloc(a, sizeof *e->digests);
        e->sizes = arena_alloc(a, sizeof *e->sizes);
        e->files[0] = arena_strdup(a, rq->profile);
        e->digests[0] = digest64(s->text, s->len, 0);
        e->sizes[0] = s->len;
        e->nfiles = 1;
        source_free(s);
        return g;
    }
    compile_opts co = { 0 };
    co.include_dirs = rq->incs;
    co.ninclude = rq->ninc;
    cli_compile_opts(rq->env, &co);
    compilation *c = compilation_new(&co);
    int crc = compile_profile(c, rq->profile);
    if (c->io_error) {                            /* unreadable */
        cli_print_diags(&c->diags, stderr);
        compilation_free(c);
        return 125;
    }
    diag_list dl;
    diag_list_init(&dl, a);
    lint_compilation(c, crc, a, &dl);
    int g = judge(rq, &dl);
    if (g == 125 || crc != 0) {
        compilation_free(c);
        return 125;
    }
    strbuf prof;
    sb_init(&prof);
    emit_sbpl(c, NULL, &prof);
    protect(rq, &prof, c->deps, c->ndeps);
    e->profile = arena_strndup(a, prof.data, prof.len);
    e->len = prof.len;
    sb_free(&prof);
    e->params = arena_alloc(a, (c->params.count + 1) * sizeof *e->params);
    for (size_t k = 0; k < c->params.cap; k++) {
        hm_slot *sl = &c->params.slots[k];
        if (!sl->hash || !((param_decl *)sl->val)->used) continue;
        param_decl *p = sl->val;
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

/* A built-in parameter's value.  USER comes from the password database only
 * when the environment lacks it and the profile needs it: the lookup can
 * cost more than the rest of a cached run. */
static const char *builtin(const run_request *rq, arena *a, const char *name, size_t len)
{
    const char *v = lookup(rq->builtin, rq->nbuiltin, name, len);
    if (!v && len == 4 && !strncmp(name, "USER", 4) && cli_user_entry(a, NULL, &v) != 0) v = "unknown";
    return v;
}

/* Every parameter the output names: -D, then the environment, then the
 * declared default (which may name built-in parameters and -D values). */
static int resolve_params(const run_request *rq, const cache_entry *e, arena *a, run_profile *out)
{
    out->params = arena_alloc(a, (e->nparams + rq->nbuiltin + rq->ndef + 1) * sizeof *out->params);
    if (is_sb_path(rq->profile)) {
        for (size_t k = 0; k < rq->nbuiltin; k++) {
            const char *n = rq->builtin[k].name;
            out->params[out->nparams++] = (sb_param){ n, builtin(rq, a, n, strlen(n)) };
        }
        for (size_t k = 0; k < rq->ndef; k++) out->params[out->nparams++] = rq->defs[k];
        return 0;
    }
    for (size_t k = 0; k < e->nparams; k++) {
        const char *name = e->params[k].name, *def = e->params[k].def;
        const char *v = lookup(rq->defs, rq->ndef, name, strlen(name));
        if (!v) v = builtin(rq, a, name, strlen(name));
        if (!v && def) {
            strbuf b;
            sb_init(&b);
            for (const char *q = def; *q; q++) {
                const char *end = *q == PARAM_OPEN ? strchr(q, PARAM_CLOSE) : NULL;
                if (!end) { sb_putc(&b, *q); continue; }
                size_t len = (size_t)(end - q - 1);
                const char *pv = lookup(rq->defs, rq->ndef, q + 1, len);
                if (!pv) pv = builtin(rq, a, q + 1, len);
                sb_puts(&b, pv ? pv : "");
                q = end;
            }
            v = cli_canonical(a, sb_cstr(&b));
            sb_free(&b);
        }
        if (!v) {
            fprintf(stderr, "buckle run: error: parameter %s has no value: pass -D %s=VALUE\n", name, name);
            return 125;
        }
        out->params[out->nparams++] = (sb_param){ name, v };
    }
    return 0;
}

int run_profile_obtain(const run_request *rq, arena *a, run_profile *out)
{
    memset(out, 0, sizeof *out);
    out->fd = -1;
    cache_entry e;
    memset(&e, 0, sizeof e);
    /* stdin cannot be checked for changes; an .sb import reads files the
     * cache does not track */
    int cacheable = rq->cache_dir && strcmp(rq->profile, "-") != 0;
    uint64_t key = cacheable ? request_key(rq, a) : 0;
    if (cacheable && cache_load(rq->cache_dir, key, a, &e) == 0) {
        out->cached = 1;
        out->fd = e.fd;
        out->off = e.body_off;
    } else {
        memset(&e, 0, sizeof e);
        int g = build_entry(rq, a, &e);
        if (g == 125) return 125;
        int imports = is_sb_path(rq->profile) && mentions_import(e.profile, e.len);
        /* only a lint-clean profile is stored: a hit skips the lint */
        if (cacheable && g == 0 && !imports) cache_store(rq->cache_dir, key, &e);
    }
    out->text = e.profile;
    out->len = e.len;
    int rc = resolve_params(rq, &e, a, out);
    if (rc && out->fd >= 0) { close(out->fd); out->fd = -1; }
    return rc;
}
