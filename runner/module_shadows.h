/* module_shadows.h - Python modules the command makes at the top of the
 * working directory under a name python's own tools import, which
 * `python3 -m NAME` and `python3 -c` there find before the real ones
 * (module_shadows.c). */
#ifndef BUCKLE_MODULE_SHADOWS_H
#define BUCKLE_MODULE_SHADOWS_H
#include "dir_entries.h"
#include "shadow_check.h"
#include <stddef.h>

typedef struct module_shadows {
    char *dir;                    /* the working directory (malloc'd), or NULL: not looked at */
    int had;                      /* it could be looked at when the command started */
    unsigned long long dev, ino;
    char **names;                 /* the table's names importable from there then, sorted (malloc'd) */
    size_t n;
    dir_entry *dirs;              /* its directories of a table's name then, not packages, sorted, each
                                   * with its dev and ino as stat gives them (runner_dir_entries_free) */
    size_t nd;
} module_shadows;

/* Right before the command starts: the modules of the table's names that
 * python imports from cwd now, and its directories of such names that are
 * not packages. */
void runner_module_shadows_begin(module_shadows *m, const char *cwd);
/* After every process of the command has ended: each entry of cwd that
 * makes a module of the table's names importable from there when none was
 * before (NAME.py, NAME.pyc, an extension NAME.*.so, a package NAME/), kept
 * in w (to be moved aside, named and remembered); for a directory that was
 * there then and was no package, the __init__ or __main__ files now in it;
 * how many. */
size_t runner_module_shadows_end(module_shadows *m, shadow_watch *w);
void runner_module_shadows_free(module_shadows *m);
#endif
