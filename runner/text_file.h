/* text_file.h - a project's small text file read whole, for the checks
 * that read what tools and shells take from it (text_file.c). */
#ifndef BUCKLE_TEXT_FILE_H
#define BUCKLE_TEXT_FILE_H
#include "../support/arena.h"
#include <stddef.h>

/* The first max bytes of path, NUL-terminated, in a; NULL when it is not a
 * regular file (through links: a FIFO is not waited on) or cannot be
 * read. */
char *runner_read_text(arena *a, const char *path, size_t max);
#endif
