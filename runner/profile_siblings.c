/* profile_siblings.c - a project that keeps several profiles
 * (.buckle/agent.buckle, .buckle/test.buckle) compiles another one at the
 * next run: a sandbox that could rewrite it would choose that run's sandbox
 * (docs/runner.md, "What is protected").  So the directory of the profile,
 * and of each file it extends or imports, is protected like the profile
 * itself; where that directory is the project (or the home, the temporary
 * directory, one every user writes), protecting it whole would take the
 * command's work away, and only the profiles in it are. */
#include "profile_siblings.h"
#include "path_ident.h"
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif
enum { MAX_SIBLINGS = 256 };

static int is_profile_name(const char *n)
{
    size_t l = strlen(n);
    if (!strcmp(n, ".buckle-lint.conf")) return 1;
    if (l > 7 && !strcmp(n + l - 7, ".buckle")) return 1;
    return l > 3 && !strcmp(n + l - 3, ".sb");
}

static int seen(const char *const *v, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i], s)) return 1;
    return 0;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* 1 when the directory dir may be protected whole */
static int whole_ok(const char *dir, const char *cwd, const char *const *homes, size_t nhomes, const char *tmpdir)
{
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || (st.st_mode & S_IWOTH)) return 0;
    if (runner_at_or_above(dir, cwd)) return 0;
    for (size_t h = 0; h < nhomes; h++)
        if (homes[h] && homes[h][0] == '/' && runner_at_or_above(dir, homes[h])) return 0;
    if (runner_at_or_above(dir, tmpdir && tmpdir[0] == '/' ? tmpdir : "/tmp")) return 0;
    return 1;
}

void runner_profile_siblings(arena *a, const char *const *srcs, size_t nsrcs, const char *cwd,
                             const char *const *homes, size_t nhomes, const char *tmpdir, profile_siblings *out)
{
    memset(out, 0, sizeof *out);
    out->dirs = arena_alloc(a, (nsrcs + 1) * sizeof *out->dirs);
    const char **done = arena_alloc(a, (nsrcs + 1) * sizeof *done);
    size_t ndone = 0, fcap = 0;
    for (size_t k = 0; k < nsrcs; k++) {
        const char *s = srcs[k];
        if (!s || !*s || !strcmp(s, "-")) continue;
        const char *abs = s[0] == '/' ? s : arena_printf(a, "%s/%s", strcmp(cwd, "/") ? cwd : "", s);
        const char *slash = strrchr(abs, '/');
        const char *dir = slash == abs ? "/" : arena_strndup(a, abs, (size_t)(slash - abs));
        char real[PATH_MAX];
        if (realpath(dir, real)) dir = arena_strdup(a, real);
        if (seen(done, ndone, dir)) continue;
        done[ndone++] = dir;
        if (whole_ok(dir, cwd, homes, nhomes, tmpdir)) {
            out->dirs[out->ndirs++] = dir;
            continue;
        }
        DIR *d = opendir(dir);
        if (!d) continue;
        struct dirent *e;
        size_t here = 0;
        while ((e = readdir(d)) && here < MAX_SIBLINGS) {
            if (!is_profile_name(e->d_name)) continue;
            const char *f = arena_printf(a, "%s/%s", strcmp(dir, "/") ? dir : "", e->d_name);
            if (seen(out->files, out->nfiles, f)) continue;
            out->files = arena_grow(a, out->files, out->nfiles, fcap, sizeof *out->files);
            fcap = arena_grow_cap(out->nfiles, fcap);
            out->files[out->nfiles++] = f;
            here++;
        }
        closedir(d);
    }
    /* in one order whatever the directory's: the run cache compares them */
    if (out->nfiles) qsort(out->files, out->nfiles, sizeof *out->files, by_name);
}
