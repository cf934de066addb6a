/* backend.c - the back ends by target and by platform, and their reports. */
#include "backend.h"
#include "landlock.h"
#include "emit.h"
#include <stdlib.h>
#include <string.h>

static int sbpl_compile(const backend_in *in, strbuf *out, backend_report *rep)
{
    emit_opts eo = { 0 };
    emit_sbpl(in->c, &eo, out);
    backend_report_add(rep, NULL, BV_EXACT, -1, NULL);    /* SBPL says what the profile says */
    return 0;
}

static int landlock_compile(const backend_in *in, strbuf *out, backend_report *rep)
{
    arena a;
    arena_init(&a);
    ll_plan p;
    ll_plan_build(&a, in, &p);
    ll_plan_json(&p, in->c, out);
    /* the verdicts are in the JSON; their strings die with the plan */
    rep->weaker |= p.rep.weaker;
    rep->accepted |= p.rep.accepted;
    ll_plan_free(&p);
    arena_free(&a);
    return 0;
}

static const backend_desc backends[] = {
    { "sbpl", "macos", sbpl_compile },
    { "landlock", "linux", landlock_compile },
};

const backend_desc *backend_by_target(const char *target)
{
    for (size_t i = 0; i < sizeof backends / sizeof backends[0]; i++)
        if (!strcmp(backends[i].target, target)) return &backends[i];
    return NULL;
}

const backend_desc *backend_by_platform(const char *platform)
{
    for (size_t i = 0; i < sizeof backends / sizeof backends[0]; i++)
        if (!strcmp(backends[i].platform, platform)) return &backends[i];
    return NULL;
}

const char *backend_host_platform(void)
{
#if defined(__APPLE__)
    return "macos";
#elif defined(__linux__)
    return "linux";
#else
    return NULL;
#endif
}

void backend_report_add(backend_report *rep, const rule *r, backend_verdict v, int cls, const char *why)
{
    if (rep->n == rep->cap) { rep->cap = rep->cap ? rep->cap * 2 : 16; rep->v = xrealloc(rep->v, rep->cap * sizeof *rep->v); }
    rep->v[rep->n++] = (backend_rule_verdict){ r, v, cls, why, NULL, NULL, NULL, NULL };
}

void backend_report_free(backend_report *rep)
{
    free(rep->v);
    memset(rep, 0, sizeof *rep);
}

const char *backend_verdict_name(backend_verdict v)
{
    static const char *const names[] = { "exact", "narrower", "weaker", "no-meaning" };
    return (unsigned)v < 4 ? names[v] : "?";
}
