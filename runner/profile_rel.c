/* profile_rel.c - a relative profile argument, taken from the directory
 * buckle is started in (profile_rel.h): the run protects the file it names
 * from the working directory (mounted read-only with its directory), but
 * `buckle run .buckle/agent.buckle` started later in src/ compiles
 * src/.buckle/agent.buckle, which the command could make.  So each file of
 * that name the command makes in a directory beneath the working directory
 * fails the run, and is remembered: a later run started at or above it is
 * refused while it is there. */
#include "profile_rel.h"
#include "run_profile.h"
#include <string.h>

void runner_profile_rel_begin(rel_walk *r, const char *profile, const char *cwd)
{
    const char *names[1] = { profile };
    size_t n = profile && *profile && profile[0] != '/' && strcmp(profile, "-") ? 1 : 0;
    rel_walk_begin(r, names, n, cwd);
}

size_t runner_profile_rel_paths(const rel_walk *r, const char **out)
{
    for (size_t j = 0; j < r->nfound; j++) out[j] = r->found[j].path;
    return r->nfound;
}

void runner_profile_rel_say(const rel_walk *r, const char *profile, diag_sink *sink, int exit_status)
{
    for (size_t j = 0; j < r->nfound; j++)
        run_say(sink, SEV_ERROR, "%s %s, and the profile was given by the relative path %s, which a `buckle run` "
                                 "started in %s takes from there: that run would compile the command's profile; look "
                                 "at it and remove it (the command exited %d)", r->found[j].path,
                r->found[j].had ? "is not the file it was when the command started"
                                : "exists after the run: it did not exist when the command started",
                profile, r->found[j].dir, exit_status);
}
