/* path_text.h - paths taken as the kernel takes them, from their text,
 * where the file they name need not be there yet (path_text.c). */
#ifndef BUCKLE_PATH_TEXT_H
#define BUCKLE_PATH_TEXT_H
#include "../support/arena.h"
#include <stddef.h>

/* One step of a walk along a path's text: *r past its slashes, "."
 * skipped, ".." taking the last name off cur (n bytes; "" is /, and cur
 * stays terminated), until a name starts at *r; its length, or 0 at the
 * end of the path.  *r is not moved past the name. */
size_t runner_path_step(const char **r, char *cur, size_t *n);

/* Where the kernel takes path (absolute) to: every link on the way
 * followed, the last one too, "." and ".." taken, and past the first name
 * that is not there the rest as written.  So a dangling .env ->
 * .env.local leads to .env.local, which may be made later.  In a; NULL:
 * more than 40 links, or too long. */
const char *runner_path_follow(arena *a, const char *path);
/* 1 when path is dir or beneath it (by their text) */
int runner_path_within(const char *path, const char *dir);
#endif
