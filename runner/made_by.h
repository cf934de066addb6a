/* made_by.h - what makes a path a profile denies, for the check after the
 * run to say how to keep it (made_by.c). */
#ifndef BUCKLE_MADE_BY_H
#define BUCKLE_MADE_BY_H

/* The tool that makes path in everyday use, and how to keep what it made,
 * as a clause to add after the message naming it ("; ..."), or "". */
const char *runner_made_by(const char *path);

#endif
