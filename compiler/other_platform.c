/* other_platform.c - final and remove checks of the other platform's blocks.
 *
 * A compilation drops the rules of the other platform's blocks before its
 * rules merge (docs/language.md "Platform blocks"), so its own final checks
 * never see them.  When such rules exist and the chain has something those
 * checks look at (a final rule, or a remove in such a block), the profile
 * is compiled once more for the other platform, as far as its final
 * checks, and each of that compilation's remove and final diagnostics that
 * involves a rule of a block this compilation dropped is reported here,
 * "on linux: ..." (or macos): a profile does not break the day it first
 * compiles for the other platform. */
#include "compile.h"
#include <string.h>

/* The unit of c that is the file the other compilation read as u. */
static const unit *same_unit(const compilation *c, const compilation *o, const source *src)
{
    for (size_t i = 0; i < o->nunits; i++) {
        const unit *u = o->units[i];
        if (u->src != src) continue;
        return hm_get((hashmap *)&c->units_by_key, u->key, strlen(u->key));
    }
    return NULL;
}

/* Whether a span of the other compilation lies in a block c dropped. */
static int in_dropped_block(const compilation *c, const compilation *o, span at)
{
    const unit *u = at.src ? same_unit(c, o, at.src) : NULL;
    if (!u) return 0;
    for (size_t i = 0; i < u->nother; i++)
        if (at.start >= u->other_start[i] && at.start < u->other_end[i]) return 1;
    return 0;
}

/* The span of c for one of the other compilation's; src NULL when none. */
static span map_span(const compilation *c, const compilation *o, span at)
{
    const unit *u = at.src ? same_unit(c, o, at.src) : NULL;
    span r = { u ? u->src : NULL, at.start, at.end };
    return r;
}

static int already_said(const compilation *c, const char *code, span at, const char *msg)
{
    for (const diag *d = c->diags.head; d; d = d->next)
        if (d->code && !strcmp(d->code, code) && d->at.src == at.src && d->at.start == at.start &&
            strstr(d->msg, msg))
            return 1;
    return 0;
}

static int checked_code(const char *code)
{
    return code && (!strcmp(code, BK2004) || !strcmp(code, BK2005) || !strcmp(code, BK2017));
}

void check_other_platform(compilation *c, const char *path)
{
    size_t dropped = 0;
    const unit *root = NULL;
    for (size_t i = 0; i < c->nunits; i++) {
        dropped += c->units[i]->nother;
        if (!c->units[i]->via) root = c->units[i];
    }
    if (!dropped || !root || c->other_pass) return;
    int finals = c->dropped_final || c->dropped_remove;
    for (size_t i = 0; i < c->pol.rules.n && !finals; i++) finals = c->pol.rules.v[i]->final;
    if (!finals) return;

    compile_opts oo = c->opts;
    oo.platform = compile_platform(c) == PLAT_LINUX ? PLAT_MACOS : PLAT_LINUX;
    oo.pool = NULL;
    if (!c->pol.nraw) oo.no_implied = 1;     /* only raw rules are checked against implied ones */
    compilation *o = compilation_new(&oo);
    o->other_pass = 1;
    char *text = xmalloc(root->src->len + 1);
    memcpy(text, root->src->text, root->src->len);
    text[root->src->len] = 0;
    o->preloaded = source_new(root->src->name, root->src->path, text, root->src->len);
    compile_profile(o, path);
    const char *plat = platform_name(oo.platform);
    for (const diag *d = o->diags.head; d; d = d->next) {
        if (!checked_code(d->code)) continue;
        int dropped_rule = in_dropped_block(c, o, d->at);
        for (const diag_note *n = d->notes; n && !dropped_rule; n = n->next) dropped_rule = in_dropped_block(c, o, n->at);
        span at = map_span(c, o, d->at);
        if (!dropped_rule || !at.src || already_said(c, d->code, at, d->msg)) continue;
        diag *nd = diag_add(&c->diags, d->sev, d->code, at, "on %s: %s", plat, d->msg);
        for (const diag_note *n = d->notes; n; n = n->next) {
            span nat = map_span(c, o, n->at);
            if (nat.src || !n->at.src) diag_note_add(&c->diags, nd, nat, "%s", n->msg);
        }
        if (d->help) diag_help(&c->diags, nd, "%s", d->help);
    }
    source_free(o->preloaded);           /* only if it was not taken */
    o->preloaded = NULL;
    compilation_free(o);
}
