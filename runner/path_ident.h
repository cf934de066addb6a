/* path_ident.h - whether one directory is another path or above it, by
 * device and inode (path_ident.c). */
#ifndef BUCKLE_PATH_IDENT_H
#define BUCKLE_PATH_IDENT_H
#include "../backend/landlock.h"
#include "../support/arena.h"
#include <stdint.h>
#include <sys/stat.h>

/* 1 when st is the file of device dev and inode ino. */
int runner_same_file(const struct stat *st, unsigned long long dev, unsigned long long ino);
/* 1 when the directory dir is p or one of p's ancestors, compared by
 * device and inode (another name of the same directory, a bind mount,
 * counts); by name when dir cannot be looked at. */
int runner_at_or_above(const char *dir, const char *p);
/* The name p has beneath dir, when dir is p or above it (dir itself, or
 * dir/REST), or through a mount point beneath dir that shows p or a
 * directory above it; NULL when p is not reachable from dir so. */
const char *runner_name_beneath(arena *a, const char *dir, const char *p);
/* 1 when the plan's grant i lies at or beneath another directory grant
 * with one of the rights in mask (runner_at_or_above): walking or checking
 * the other covers it.  Of two grants of one directory, the first stands. */
int runner_grant_covered(const ll_plan *p, size_t i, uint64_t mask);
#endif
