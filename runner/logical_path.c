/* logical_path.c - a relative path that climbs with ".." means, to the
 * user, the directory above the one the shell shows ($PWD), while the
 * kernel climbs from the real one: when the working directory is reached
 * through a symbolic link (one the sandboxed command may have put in place
 * of a subdirectory), "../.buckle/agent.buckle" names a file in the
 * directory the link leads into. */
#define _POSIX_C_SOURCE 200809L
#include "runner.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* 1 when p has a ".." component */
static int climbs(const char *p)
{
    for (const char *c = p; *c;) {
        const char *e = strchr(c, '/');
        size_t n = e ? (size_t)(e - c) : strlen(c);
        if (n == 2 && c[0] == '.' && c[1] == '.') return 1;
        if (!e) break;
        c = e + 1;
    }
    return 0;
}

/* dir/rel with "." and ".." taken by name, as the shell takes them */
static const char *by_name(arena *a, const char *dir, const char *rel)
{
    size_t cap = strlen(dir) + strlen(rel) + 2;
    char *out = arena_alloc(a, cap);
    snprintf(out, cap, "%s", dir);
    size_t len = strlen(out);
    while (len > 1 && out[len - 1] == '/') out[--len] = 0;
    for (const char *c = rel; *c;) {
        const char *e = strchr(c, '/');
        size_t n = e ? (size_t)(e - c) : strlen(c);
        if (n == 2 && c[0] == '.' && c[1] == '.') {
            char *sl = strrchr(out, '/');
            if (sl && sl != out) *sl = 0;
            else strcpy(out, "/");
        } else if (n && !(n == 1 && c[0] == '.')) {
            len = strlen(out);
            snprintf(out + len, cap - len, "%s%.*s", len > 1 ? "/" : "", (int)n, c);
        }
        if (!e) break;
        c = e + 1;
    }
    return out;
}

const char *runner_climb_problem(arena *a, const char *path)
{
    if (!path || path[0] == '/' || !climbs(path)) return NULL;
    const char *pwd = getenv("PWD");
    char here[4096];
    if (!pwd || pwd[0] != '/' || !getcwd(here, sizeof here) || !strcmp(pwd, here)) return NULL;
    struct stat ps, hs;
    if (stat(pwd, &ps) != 0 || stat(".", &hs) != 0 || ps.st_dev != hs.st_dev || ps.st_ino != hs.st_ino) return NULL;
    const char *named = by_name(a, pwd, path);
    struct stat ns, ks;
    int n_ok = stat(named, &ns) == 0, k_ok = stat(path, &ks) == 0;
    if (!n_ok && !k_ok) return NULL;                 /* read as it is: not found */
    if (n_ok && k_ok && ns.st_dev == ks.st_dev && ns.st_ino == ks.st_ino) return NULL;
    return arena_printf(a, "%s climbs with \"..\" out of the working directory, which the shell shows as %s but is "
                           "really %s (a symbolic link on the way, which a sandboxed command could have put in place "
                           "of a directory): the kernel would read %s/%s, not %s; pass the absolute path meant",
                        path, pwd, here, here, path, named);
}
