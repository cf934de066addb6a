/* link_scan.h - links out of the working directory made by the command
 * (link_scan.c). */
#ifndef BUCKLE_LINK_SCAN_H
#define BUCKLE_LINK_SCAN_H
#include "run.h"
#include <stddef.h>
#include <time.h>

typedef struct link_scan {
    struct timespec start;        /* the file clock when the command started */
    const char *root;             /* while walking: the working directory's physical path */
} link_scan;

/* Before the command starts: the time. */
void runner_link_scan_begin(link_scan *s);
/* After every process of the command has ended: names each symbolic link
 * in buckle's working directory (at any depth up to 64, links not
 * followed) changed since begin that leads out of it, as an error, with
 * the command's exit status; how many. */
size_t runner_link_scan_end(link_scan *s, diag_sink *sink, int exit_status);
#endif
