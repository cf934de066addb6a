/* path_links.h - a path with the symbolic links on its way resolved as the
 * kernel resolves them (path_links.c). */
#ifndef BUCKLE_PATH_LINKS_H
#define BUCKLE_PATH_LINKS_H
#include "../support/arena.h"

/* path (absolute) with the symbolic links on its way resolved as the
 * kernel does (its last component too when follow_last), in a; NULL when
 * that changes nothing.  The part that does not exist is kept as written. */
const char *ll_resolve_links(arena *a, const char *path, int follow_last);
#endif
