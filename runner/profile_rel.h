/* profile_rel.h - a relative profile argument (`buckle run
 * .buckle/agent.buckle`) names another file from each directory a later
 * run is started in: one the command makes beneath the working directory
 * is named after the run (profile_rel.c). */
#ifndef BUCKLE_PROFILE_REL_H
#define BUCKLE_PROFILE_REL_H
#include "rel_walk.h"
#include "run.h"

/* Before the one walk of the project: when profile is a relative path,
 * what it names in every directory beneath cwd (rel_walk.h). */
void runner_profile_rel_begin(rel_walk *r, const char *profile, const char *cwd);
/* After the run: their paths into out (room for rel_walk_end's count). */
size_t runner_profile_rel_paths(const rel_walk *r, const char **out);
/* Names each one found as an error, with the command's exit status. */
void runner_profile_rel_say(const rel_walk *r, const char *profile, diag_sink *sink, int exit_status);
#endif
