/* import_dirs.h - where Seatbelt looks for a file an SBPL (import "NAME")
 * names without a directory: Apple's profile directories, in order. */
#ifndef BUCKLE_IMPORT_DIRS_H
#define BUCKLE_IMPORT_DIRS_H
#include <stddef.h>

/* the directories, *n of them */
const char *const *seatbelt_import_dirs(size_t *n);
#endif
