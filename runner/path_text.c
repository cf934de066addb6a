/* path_text.c - paths taken as the kernel takes them, from their text
 * (path_text.h). */
#define _GNU_SOURCE
#include "path_text.h"
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

size_t runner_path_step(const char **r, char *cur, size_t *n)
{
    for (;;) {
        while (**r == '/') (*r)++;
        size_t len = strcspn(*r, "/");
        if (len == 1 && (*r)[0] == '.') { *r += len; continue; }
        if (len == 2 && (*r)[0] == '.' && (*r)[1] == '.') {
            while (*n && cur[*n - 1] != '/') (*n)--;
            if (*n) (*n)--;
            cur[*n] = 0;
            *r += len;
            continue;
        }
        return len;
    }
}

const char *runner_path_follow(arena *a, const char *path)
{
    char cur[PATH_MAX];            /* resolved so far ("" is /) */
    size_t n = 0;
    int hops = 0, gone = 0;
    cur[0] = 0;
    for (const char *r = path;;) {
        size_t len = runner_path_step(&r, cur, &n);
        if (!len) break;
        if (n + 1 + len >= sizeof cur) return NULL;
        cur[n++] = '/';
        memcpy(cur + n, r, len);
        n += len;
        cur[n] = 0;
        r += len;
        struct stat st;
        if (gone || lstat(cur, &st) != 0) { gone = 1; continue; }
        if (!S_ISLNK(st.st_mode)) continue;
        char t[PATH_MAX];
        ssize_t k = ++hops > 40 ? -1 : readlink(cur, t, sizeof t - 1);
        if (k <= 0) return NULL;
        t[k] = 0;
        /* the link's text in its place, taken from its directory */
        while (n && cur[n - 1] != '/') n--;
        if (n) n--;
        if (t[0] == '/') n = 0;
        cur[n] = 0;
        r = arena_printf(a, "%s/%s", t, r);
    }
    return n ? arena_strdup(a, cur) : "/";
}

int runner_path_within(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/') n--;
    return !strncmp(path, dir, n) && (path[n] == '/' || !path[n] || (n == 1 && dir[0] == '/'));
}
