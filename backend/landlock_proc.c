/* landlock_proc.c - what a path under /proc/self names for the kernel, so
 * that `buckle query --platform linux` answers as Landlock decides for the
 * command (docs/linux.md): /proc/self and /proc/thread-self are the
 * command's own /proc/PID; the links root, cwd, exe, fd/N and map_files/X
 * are not files of /proc but the files they lead to, and opening one is
 * decided on that file's own path. */
#define _POSIX_C_SOURCE 200809L
#include "landlock.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* rest starts with name and then ends or goes on with '/' */
static const char *after(const char *rest, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(rest, name, n) != 0 || (rest[n] && rest[n] != '/')) return NULL;
    return rest + n;
}

int ll_pid_name(const char *s, size_t n)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++) if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

int ll_proc_self(arena *a, const char *host, long pid, const char **out, const char **why)
{
    *out = host;
    if (!host || pid <= 0) return 0;
    const char *rest = after(host, "/proc/self");
    int thread = 0;
    if (!rest && (rest = after(host, "/proc/thread-self"))) thread = 1;
    if (!rest) return 0;
    const char *base = thread ? arena_printf(a, "/proc/%ld/task/%ld", pid, pid) : arena_printf(a, "/proc/%ld", pid);
    /* one thread's entry has the same links as the process's */
    const char *links = rest;
    if (!thread && after(links, "/task")) {
        const char *t = links + 5;
        if (*t == '/') {
            t++;
            while (*t >= '0' && *t <= '9') t++;
            if (t > links + 6 && (!*t || *t == '/')) links = t;
        }
    }
    const char *tail;
    if ((tail = after(links, "/root"))) {
        *out = *tail ? arena_strdup(a, tail) : "/";
        return 0;
    }
    if ((tail = after(links, "/cwd"))) {
        char cwd[4096];
        if (!getcwd(cwd, sizeof cwd)) {
            *why = "the working directory (/proc/self/cwd) cannot be read here";
            return 2;
        }
        *out = arena_printf(a, "%s%s", strcmp(cwd, "/") ? cwd : "", *tail ? tail : "");
        if (!**out) *out = "/";
        return 0;
    }
    if (after(links, "/exe")) {
        *why = "/proc/self/exe leads to the command's program: opening it is decided on that program's path";
        return 2;
    }
    if ((tail = after(links, "/fd")) && *tail == '/' && tail[1]) {
        *why = "/proc/self/fd/N leads to the file descriptor's own file: opening it is decided on that file's path "
               "(pipes and sockets: allowed); the descriptors above 2 are closed when the command starts";
        return 2;
    }
    if ((tail = after(links, "/map_files")) && *tail == '/' && tail[1]) {
        *why = "/proc/self/map_files/X leads to the mapped file: opening it is decided on that file's path";
        return 2;
    }
    *out = arena_printf(a, "%s%s", base, rest);
    return 1;
}

const char *ll_proc_unpid(arena *a, const char *path, long pid)
{
    char pfx[32];
    int n = snprintf(pfx, sizeof pfx, "/proc/%ld", pid);
    if (pid <= 0 || n <= 0 || strncmp(path, pfx, (size_t)n) != 0 || (path[n] && path[n] != '/')) return path;
    return arena_printf(a, "/proc/PID%s", path + n);
}
