/* link_scan.h - links out of the working directory made by the command
 * (link_scan.c). */
#ifndef BUCKLE_LINK_SCAN_H
#define BUCKLE_LINK_SCAN_H
#include "run.h"
#include "../backend/landlock.h"
#include <stddef.h>
#include <time.h>

typedef struct link_scan {
    struct timespec start;        /* the file clock when the command started */
    const char *root;             /* while walking: the working directory's physical path */
    int wanted;                   /* the plan lets the command make a link there */
} link_scan;

/* Before the command starts, with the plan's grants and the working
 * directory: the time, and whether the command may make a link in it. */
void runner_link_scan_begin(link_scan *s, const ll_grant *g, size_t ng, const char *cwd);
/* After every process of the command has ended, when wanted: names each symbolic link
 * in buckle's working directory (at any depth up to 64, links not
 * followed) changed since begin that leads out of it, as an error, with
 * the command's exit status; how many. */
size_t runner_link_scan_end(link_scan *s, diag_sink *sink, int exit_status);
#endif
