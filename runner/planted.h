/* planted.h - the denied paths a sandboxed command made (the check after
 * the run, class new-paths), remembered until they are gone (planted.c). */
#ifndef BUCKLE_PLANTED_H
#define BUCKLE_PLANTED_H
#include "../support/arena.h"
#include "run.h"
#include <stddef.h>

/* Before the command starts: makes the file, and keeps the space the
 * records of paths (the checks after the run) would take, so that a command
 * that fills the disk cannot keep them from being written.  0, or -1 with
 * *why (the run cache directory cannot be used, no space). */
int planted_reserve(arena *a, const run_request *rq, const char *const *paths, size_t n, const char **why);
/* Remembers each of paths (the ones the check after the run named) as the
 * file it is now, or as whatever will be there when it cannot be looked
 * at.  0, or -1 with *why. */
int planted_add(arena *a, const run_request *rq, const char *const *paths, size_t n, const char **why);
/* Says (an error) each remembered path at or beneath one of scope that is
 * still the file the command made, and forgets the ones that are gone;
 * returns how many were said. */
size_t planted_check(arena *a, const run_request *rq, diag_sink *sink, const char *const *scope, size_t nscope);
#endif
