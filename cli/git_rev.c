/* git_rev.c - `buckle diff REV:PATH NEW`: the old profile from git. */
#define _XOPEN_SOURCE 700
#include "git_rev.h"
#include "cli.h"
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int git_rev_spec(const char *spec)
{
    struct stat st;
    if (stat(spec, &st) == 0) return 0;
    const char *c = strchr(spec, ':');
    return c && c > spec && c[1];
}

static int run_pipeline(char *const git[], char *const tar[])
{
    int p[2];
    if (pipe(p) != 0) return -1;
    pid_t a = fork();
    if (a < 0) { close(p[0]); close(p[1]); return -1; }
    if (a == 0) {
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        execvp(git[0], git);
        _exit(127);
    }
    pid_t b = fork();
    if (b < 0) { close(p[0]); close(p[1]); waitpid(a, NULL, 0); return -1; }
    if (b == 0) {
        dup2(p[0], 0);
        close(p[0]);
        close(p[1]);
        /* what went wrong is git's to say (its message comes first) and
         * buckle's: tar's complaint about an empty archive is noise */
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) { dup2(null, 2); close(null); }
        execvp(tar[0], tar);
        _exit(127);
    }
    close(p[0]);
    close(p[1]);
    int sa = 0, sb = 0;
    while (waitpid(a, &sa, 0) < 0 && errno == EINTR) {}
    while (waitpid(b, &sb, 0) < 0 && errno == EINTR) {}
    return WIFEXITED(sa) && WEXITSTATUS(sa) == 0 && WIFEXITED(sb) && WEXITSTATUS(sb) == 0 ? 0 : -1;
}

int git_rev_checkout(const char *spec, char *dir, char *path, size_t n)
{
    const char *c = strchr(spec, ':');
    const char *file = c + 1;
    if (file[0] == '/' || !strncmp(file, "../", 3) || strstr(file, "/../")) {
        cli_error("diff", "%s: the path after ':' must be inside the current directory", spec);
        return -1;
    }
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp) tmp = "/tmp";
    if ((size_t)snprintf(dir, n, "%s/buckle-diff.XXXXXX", tmp) >= n || !mkdtemp(dir)) {
        cli_error("diff", "cannot make a temporary directory in %s: %s", tmp, strerror(errno));
        return -1;
    }
    char rev[256];
    size_t rl = (size_t)(c - spec);
    if (rl >= sizeof rev) { cli_error("diff", "%s: revision too long", spec); git_rev_remove(dir); return -1; }
    memcpy(rev, spec, rl);
    rev[rl] = 0;
    /* "--" cannot follow the tree-ish here; a revision starting with '-'
     * would be an option */
    if (rev[0] == '-') { cli_error("diff", "%s: not a revision", spec); git_rev_remove(dir); return -1; }
    char *git[] = { "git", "archive", "--format=tar", rev, NULL };
    char *tar[] = { "tar", "-xf", "-", "-C", dir, NULL };
    if (run_pipeline(git, tar) != 0) {
        cli_error("diff", "cannot read %s from git (git archive %s failed)", spec, rev);
        git_rev_remove(dir);
        return -1;
    }
    if ((size_t)snprintf(path, n, "%s/%s", dir, file) >= n) { git_rev_remove(dir); return -1; }
    struct stat st;
    if (stat(path, &st) != 0) {
        cli_error("diff", "%s: %s does not exist at %s", spec, file, rev);
        git_rev_remove(dir);
        return -1;
    }
    return 0;
}

const char *git_rev_dir(const char *revdir, const char *dir, char **owned)
{
    *owned = NULL;
    if (!revdir || !dir || !*dir) return dir;
    char cwd[PATH_MAX], real[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return dir;
    const char *d = dir;
    if (realpath(dir, real)) d = real;
    else if (dir[0] != '/') {                    /* not there now: relative to here */
        if ((size_t)snprintf(real, sizeof real, "%s/%s", cwd, dir) >= sizeof real) return dir;
        d = real;
    }
    char rcwd[PATH_MAX];
    if (realpath(cwd, rcwd)) snprintf(cwd, sizeof cwd, "%s", rcwd);
    size_t cl = strlen(cwd);
    if (cl == 1) cl = 0;                          /* "/": everything is below it */
    if (strncmp(d, cwd, cl) || (d[cl] && d[cl] != '/')) return dir;
    size_t n = strlen(revdir) + strlen(d + cl) + 1;
    *owned = malloc(n);
    if (!*owned) return dir;
    snprintf(*owned, n, "%s%s", revdir, d + cl);
    return *owned;
}

const char *git_rev_dirs(const char *revdir, const char *list, char **owned)
{
    *owned = NULL;
    if (!revdir || !list) return list;
    size_t cap = 1, len = 0;
    char *out = malloc(cap);
    if (!out) return list;
    out[0] = 0;
    for (const char *p = list;;) {
        const char *e = strchr(p, ':');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *one = strndup(p, n), *mapped = NULL;
        const char *m = one ? git_rev_dir(revdir, one, &mapped) : "";
        size_t ml = strlen(m);
        char *grown = realloc(out, cap + ml + 1);
        if (grown) {
            out = grown;
            cap += ml + 1;
            if (len) out[len++] = ':';
            memcpy(out + len, m, ml);
            len += ml;
            out[len] = 0;
        }
        free(mapped);
        free(one);
        if (!e) break;
        p = e + 1;
    }
    *owned = out;
    return out;
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
    (void)st; (void)flag; (void)f;
    remove(p);
    return 0;
}

void git_rev_remove(const char *dir)
{
    nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}
