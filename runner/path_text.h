/* path_text.h - paths taken as the kernel takes them, from their text,
 * where the file they name need not be there yet (path_text.c). */
#ifndef BUCKLE_PATH_TEXT_H
#define BUCKLE_PATH_TEXT_H
#include "../support/arena.h"

/* Where the kernel takes path (absolute) to: every link on the way
 * followed, the last one too, "." and ".." taken, and past the first name
 * that is not there the rest as written.  So a dangling .env ->
 * .env.local leads to .env.local, which may be made later.  In a; NULL:
 * more than 40 links, or too long. */
const char *runner_path_follow(arena *a, const char *path);
/* 1 when path is dir or beneath it (by their text) */
int runner_path_within(const char *path, const char *dir);
#endif
