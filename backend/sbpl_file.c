/* sbpl_file.c - an .sb profile read and evaluated with parameter values. */
#include "sbpl_file.h"
#include "../grammar/sexp.h"
#include <string.h>

sb_policy *sbpl_file_eval(arena *a, diag_list *dl, const source *src, const char *path,
                          const sb_param *given, size_t ngiven, const char *const *dirs, size_t ndirs,
                          sbpl_form_filter drop, void *ud, source **imported)
{
    size_t ntest;
    const sb_param *tv = test_param_values(&ntest);
    sb_param *all = arena_alloc(a, (ngiven + ntest + 1) * sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < ngiven; i++) all[n++] = given[i];
    for (size_t i = 0; i < ntest; i++) all[n++] = tv[i];
    const char **d = arena_alloc(a, (ndirs + 2) * sizeof *d);
    size_t nd = 0;
    for (size_t i = 0; i < ndirs; i++) d[nd++] = dirs[i];
    const char *slash = strrchr(path, '/');
    d[nd++] = slash ? arena_strndup(a, path, (size_t)(slash - path)) : ".";
    size_t np;
    sb_param *pd = derive_sbpl_params(a, all, n, &np);
    sbpl_eval_opts eo = { .params = pd, .nparams = np, .import_dirs = d, .nimport = nd, .sources = imported };
    sbpl_read_opts ro = { .whole = 1 };
    uint32_t rs, re;
    if (sbpl_cxx_raw_string(src, &rs, &re)) ro = (sbpl_read_opts){ .start = rs, .end = re };   /* docs/lint.md */
    unsigned errors = dl->errors;
    sexp *top = sbpl_read(a, dl, src, &ro);
    for (sexp **t = &top; drop && *t;) {
        if (drop(ud, src, *t, dl)) *t = (*t)->next;
        else t = &(*t)->next;
    }
    if (dl->errors != errors) return NULL;
    sb_policy *p = sbpl_eval(a, dl, src, top, &eo);
    return dl->errors != errors ? NULL : p;
}

int sbpl_file_open(sbpl_file *f, const char *path, const sb_param *given, size_t ngiven,
                   const char *const *dirs, size_t ndirs, sbpl_form_filter drop, void *ud, const char **err)
{
    memset(f, 0, sizeof *f);
    arena_init(&f->a);
    diag_list_init(&f->dl, &f->a);
    f->src = source_read(path, path, err);
    if (!f->src) return -1;
    f->pol = sbpl_file_eval(&f->a, &f->dl, f->src, path, given, ngiven, dirs, ndirs, drop, ud, &f->imported);
    return 0;
}

void sbpl_file_close(sbpl_file *f)
{
    while (f->imported) { source *n = f->imported->next; source_free(f->imported); f->imported = n; }
    if (f->src) source_free(f->src);
    f->src = NULL;
    arena_free(&f->a);
}
