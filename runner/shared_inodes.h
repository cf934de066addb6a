/* shared_inodes.h - files the command may write that have another name
 * where it may not (shared_inodes.c). */
#ifndef BUCKLE_SHARED_INODES_H
#define BUCKLE_SHARED_INODES_H
#include "../backend/landlock.h"
#include "../support/arena.h"
#include "../support/strbuf.h"
#include "../support/hashmap.h"
#include "nested_repos.h"
#include "rel_walk.h"

/* Before the command starts, with buckle's working directory (physical):
 * the one walk of the project.  Returns why the run must not start (a
 * regular file beneath a grant that lets the command write files (those at
 * or beneath cwd, then those outside it but for a plan that writes nearly
 * everywhere), outside every path the plan mounts read-only, with a name
 * where the command may not write (names_outside.h); or a directory of
 * the user's beneath one that cannot be looked at), or NULL.  The first
 * max_named such files are listed in named, a line each.  links 0: the
 * files are not looked at (only directories: NULL is returned).  nest (or
 * NULL): the search for repositories (nested_repos.h), made through all of
 * cwd in the same walk; when it finds one, NULL is returned and
 * runner_nested_found says why.  rels (nrels of them): the names watched
 * in every directory beneath cwd (rel_walk_note), noted in the same walk,
 * which then goes through all of cwd.  before (or NULL): gets the path of every
 * directory walked beneath the grants and of every entry there named .git
 * or HEAD (keys and values the same string, in keep, which must live as
 * long as before); emptied when the walk could not reach everything. */
const char *runner_shared_inode_problem(arena *a, const ll_plan *plan, const char *cwd, int links, nest_search *nest,
                                        rel_walk *const *rels, size_t nrels, arena *keep, hashmap *before,
                                        size_t max_named, strbuf *named);
#endif
