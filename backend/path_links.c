/* path_links.c - a path with the symbolic links on its way resolved: the
 * longest prefix that exists, through realpath(3), and the rest as written
 * (path_links.h). */
#include "path_links.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>

const char *ll_resolve_links(arena *a, const char *path, int follow_last)
{
    size_t n = strlen(path);
    if (n < 2 || path[0] != '/') return NULL;
    char *buf = arena_strdup(a, path);
    size_t end = n;
    if (!follow_last) { while (end > 1 && buf[end - 1] != '/') end--; if (end > 1) end--; }
    while (end >= 1) {
        char keep = buf[end];
        buf[end] = 0;
        char rp[PATH_MAX];
        const char *ok = realpath(buf, rp);
        buf[end] = keep;
        if (ok) {
            /* what follows the resolved part, without its leading '/' (at
             * the root, end is past it already) */
            const char *rest = buf + end + (buf[end] == '/');
            const char *out = !*rest ? arena_strdup(a, rp) : arena_printf(a, "%s/%s", strcmp(rp, "/") ? rp : "", rest);
            return strcmp(out, path) ? out : NULL;
        }
        if (end == 1) return NULL;
        while (end > 1 && buf[end - 1] != '/') end--;
        if (end > 1) end--;
    }
    return NULL;
}
