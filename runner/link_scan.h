/* link_scan.h - links out of the working directory made by the command
 * (link_scan.c). */
#ifndef BUCKLE_LINK_SCAN_H
#define BUCKLE_LINK_SCAN_H
#include "run.h"
#include "../backend/landlock.h"
#include <stddef.h>
#include <time.h>

enum { LINK_SCAN_ROOTS_MAX = 32 };
typedef struct link_scan {
    struct timespec start;        /* the file clock when the command started */
    const char *root;             /* while walking: the working directory's physical path */
    char *roots[LINK_SCAN_ROOTS_MAX];   /* the directories walked (malloc'd): the working directory,
                                         * or the grants of make_sym beneath it */
    size_t nroots;
} link_scan;

/* Before the command starts, with the plan's grants and the working
 * directory: the time, and where the command may make a link in the
 * working directory: all of it (a grant at or above it), or the granted
 * directories beneath it (the working directory when there are more than
 * LINK_SCAN_ROOTS_MAX). */
void runner_link_scan_begin(link_scan *s, const ll_grant *g, size_t ng, const char *cwd);
/* After every process of the command has ended: names each symbolic link
 * in those directories (at any depth up to 64, links not followed) changed
 * since begin that leads out of buckle's working directory, as an error,
 * with the command's exit status; how many. */
size_t runner_link_scan_end(link_scan *s, diag_sink *sink, int exit_status);
/* What begin kept, released (every path; s may be all zeros). */
void runner_link_scan_free(link_scan *s);
#endif
