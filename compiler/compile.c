/* compile.c - the pipeline of one compilation. */
#include "compile.h"
#include "overlap.h"
#include <string.h>


compilation *compilation_new(const compile_opts *o)
{
    compilation *c = xcalloc(1, sizeof *c);
    arena_init(&c->a);
    arena_init(&c->nodes);
    diag_list_init(&c->diags, &c->a);
    c->opts = *o;
    c->canon = compile_platform(c);
    hm_init(&c->units_by_key);
    hm_init(&c->params);
    hm_init(&c->defines);
    rs_init(&c->pol.rule_index);
    if (o->pool) arena_adopt(&c->a, o->pool);
    return c;
}

platform_t compile_platform(const compilation *c)
{
    return c->opts.platform == PLAT_LINUX ? PLAT_LINUX : PLAT_MACOS;
}

void compilation_free(compilation *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->nunits; i++) {
        free(c->units[i]->rules.v);
        free(c->units[i]->removes.v);
    }
    free(c->pol.rules.v);
    rs_free(&c->pol.rule_index);
    hm_free(&c->units_by_key);
    hm_free(&c->params);
    hm_free(&c->defines);
    source *s = c->sources;
    while (s) {
        source *n = s->next;
        source_free(s);
        s = n;
    }
    if (c->opts.pool) {
        arena_adopt(c->opts.pool, &c->nodes);
        arena_adopt(c->opts.pool, &c->a);
    } else {
        arena_free(&c->nodes);
        arena_free(&c->a);
    }
    free(c);
}

int compile_profile(compilation *c, const char *path)
{
    load_chain(c, path);
    if (c->io_error) return 2;
    lower_units(c);
    /* the rule nodes of the parse trees are read by nothing after lowering:
     * their memory serves what follows (fewer fresh pages for a large file) */
    for (size_t i = 0; i < c->nunits; i++) {
        c->units[i]->ast->rules = NULL;
        c->units[i]->ast->rules_tail = NULL;
    }
    arena_adopt(&c->a, &c->nodes);
    merge_chain(c);
    check_sbpl_blocks(c);
    add_final_moves(c);
    hashmap reported;                 /* BK2005 once per (rule, final rule) pair */
    hm_init(&reported);
    rule **finals = xmalloc((c->pol.rules.n + 1) * sizeof *finals);
    size_t nfinals = 0;
    for (size_t i = 0; i < c->pol.rules.n; i++)
        if (c->pol.rules.v[i]->final) finals[nfinals++] = c->pol.rules.v[i];
    if (nfinals > 16) {               /* many: through an index of every rule */
        ovl_index *ix = ovl_build(&c->a, c->pol.rules.v, c->pol.rules.n);
        check_finals(c, ix, finals, nfinals, &reported);
        ovl_free(ix);
    } else if (nfinals) {             /* a few: each rule against them is cheaper */
        check_finals(c, NULL, finals, nfinals, &reported);
    }
    free(finals);
    size_t unfolded = c->pol.rules.n;
    add_final_cases(c);
    check_final_cases(c, unfolded, &reported);
    hm_free(&reported);
    if (!c->opts.no_implied) add_implied(c);
    check_raw_finals(c);
    if (c->other_pass) return 1;
    check_other_platform(c, path);
    if (!c->diags.errors) add_default_denies(c);
    if (c->bad_define) return 2;
    return c->diags.errors ? 1 : 0;
}

int compile_profile_text(compilation *c, const char *name, const char *text, size_t len)
{
    char *copy = xmalloc(len + 1);
    memcpy(copy, text, len);
    copy[len] = 0;
    c->preloaded = source_new(name, name, copy, len);
    int rc = compile_profile(c, name);
    source_free(c->preloaded);   /* only if it was not taken */
    c->preloaded = NULL;
    return rc;
}
