/* search_dirs.c - the directories `buckle run` searches for a base
 * (docs/runner.md, "What is protected"): every candidate a run looks at is
 * protected during that run, but a relative -I directory or $BUCKLE_PATH
 * entry names another directory in each working directory: a run started
 * in the project would leave the same name in every subdirectory of it
 * writable, and the next run started there would compile what the command
 * put there (extends "std/agent" included, searched there first).  Such a
 * run is refused.  The absolute ones are protected like the profile's own
 * directory (profile_siblings.c): the bases the user's other profiles
 * extend from them, not only this run's candidates. */
#include "search_dirs.h"
#include <string.h>

const char *runner_search_dirs_problem(arena *a, const char *const *incs, size_t ninc, const char *buckle_path)
{
    static const char why[] = "a relative directory is searched from the working directory, so each directory a run "
                              "starts from searches another one, which an earlier run's command may have written; "
                              "give the directory as an absolute path";
    for (size_t k = 0; k < ninc; k++)
        if (incs[k][0] != '/') return arena_printf(a, "-I %s: %s (-I \"$PWD/%s\")", incs[k], why, incs[k]);
    for (const char *p = buckle_path; p && *p;) {
        const char *e = strchr(p, ':');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        /* an empty entry is skipped by the search */
        if (n && p[0] != '/')
            return arena_printf(a, "the entry %.*s of BUCKLE_PATH: %s", (int)n, p, why);
        p += n + (e != NULL);
    }
    return NULL;
}

size_t runner_search_dir_sources(arena *a, const char *const *srcs, size_t nsrcs, const char *const *incs, size_t ninc,
                                 const char *buckle_path, const char ***out)
{
    size_t cap = nsrcs + ninc + 1;
    for (const char *p = buckle_path; p && *p; p++) cap += *p == ':';
    cap++;
    const char **v = arena_alloc(a, cap * sizeof *v);
    size_t n = 0;
    for (size_t k = 0; k < nsrcs; k++) v[n++] = srcs[k];
    for (size_t k = 0; k < ninc; k++) v[n++] = arena_printf(a, "%s/.", incs[k]);
    for (const char *p = buckle_path; p && *p;) {
        const char *e = strchr(p, ':');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l && n < cap) v[n++] = arena_printf(a, "%.*s/.", (int)l, p);
        p += l + (e != NULL);
    }
    *out = v;
    return n;
}
