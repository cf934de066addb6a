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

/* the work tree's top directory and the current directory's path below
 * it ("" or "a/b/"), as git says them: 0, or -1 outside a work tree */
static int git_where(git_rev *rv)
{
    FILE *p = popen("git rev-parse --show-toplevel --show-prefix 2>/dev/null", "r");
    if (!p) return -1;
    int ok = fgets(rv->top, sizeof rv->top, p) != NULL;
    if (ok && !fgets(rv->prefix, sizeof rv->prefix, p)) rv->prefix[0] = 0;
    int st = pclose(p);
    if (!ok || st != 0) return -1;
    rv->top[strcspn(rv->top, "\n")] = 0;
    rv->prefix[strcspn(rv->prefix, "\n")] = 0;
    char real[PATH_MAX];
    if (realpath(rv->top, real)) snprintf(rv->top, sizeof rv->top, "%s", real);
    return rv->top[0] == '/' ? 0 : -1;
}

/* dir/prefix/file with "." and ".." taken away, into out: 0, or -1 when
 * it leaves dir */
static int rev_path(const git_rev *rv, const char *file, char *out, size_t n)
{
    char rel[PATH_MAX];
    if ((size_t)snprintf(rel, sizeof rel, "%s%s", rv->prefix, file) >= sizeof rel) return -1;
    size_t len = (size_t)snprintf(out, n, "%s", rv->dir), base = len;
    if (len >= n) return -1;
    for (char *c = rel; *c;) {
        size_t cl = strcspn(c, "/");
        if (cl == 2 && c[0] == '.' && c[1] == '.') {
            if (len == base) return -1;
            while (len > base && out[len - 1] != '/') len--;
            out[--len] = 0;
        } else if (cl && !(cl == 1 && c[0] == '.')) {
            if (len + 1 + cl >= n) return -1;
            out[len++] = '/';
            memcpy(out + len, c, cl);
            len += cl;
            out[len] = 0;
        }
        c += cl;
        if (*c == '/') c++;
    }
    return 0;
}

int git_rev_checkout(const char *spec, git_rev *rv)
{
    memset(rv, 0, sizeof *rv);
    const char *c = strchr(spec, ':');
    const char *file = c + 1;
    if (file[0] == '/') {
        cli_error("diff", "%s: the path after ':' is relative to the current directory", spec);
        return -1;
    }
    char rev[256];
    size_t rl = (size_t)(c - spec);
    if (rl >= sizeof rev) { cli_error("diff", "%s: revision too long", spec); return -1; }
    memcpy(rev, spec, rl);
    rev[rl] = 0;
    /* "--" cannot follow the tree-ish here; a revision starting with '-'
     * would be an option */
    if (rev[0] == '-') { cli_error("diff", "%s: not a revision", spec); return -1; }
    if (git_where(rv) != 0) {
        cli_error("diff", "cannot read %s from git: the current directory is not in a git work tree", spec);
        return -1;
    }
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp) tmp = "/tmp";
    if ((size_t)snprintf(rv->dir, sizeof rv->dir, "%s/buckle-diff.XXXXXX", tmp) >= sizeof rv->dir || !mkdtemp(rv->dir)) {
        cli_error("diff", "cannot make a temporary directory in %s: %s", tmp, strerror(errno));
        rv->dir[0] = 0;
        return -1;
    }
    if (rev_path(rv, file, rv->path, sizeof rv->path) != 0) {
        cli_error("diff", "%s: the path after ':' leaves the repository", spec);
        git_rev_remove(rv);
        return -1;
    }
    /* the whole tree, from the top: a base or an import above the current
     * directory is read as it was too */
    char *git[] = { "git", "-C", rv->top, "archive", "--format=tar", rev, NULL };
    char *tar[] = { "tar", "-xf", "-", "-C", rv->dir, NULL };
    if (run_pipeline(git, tar) != 0) {
        cli_error("diff", "cannot read %s from git (git archive %s failed)", spec, rev);
        git_rev_remove(rv);
        return -1;
    }
    struct stat st;
    if (stat(rv->path, &st) != 0) {
        cli_error("diff", "%s: %s does not exist at %s", spec, file, rev);
        git_rev_remove(rv);
        return -1;
    }
    return 0;
}

const char *git_rev_dir(const git_rev *rv, const char *dir, char **owned)
{
    *owned = NULL;
    if (!rv || !dir || !*dir) return dir;
    char cwd[PATH_MAX], real[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return dir;
    const char *d = dir;
    if (realpath(dir, real)) d = real;
    else if (dir[0] != '/') {                    /* not there now: relative to here */
        if ((size_t)snprintf(real, sizeof real, "%s/%s", cwd, dir) >= sizeof real) return dir;
        d = real;
    }
    size_t tl = strlen(rv->top);
    if (tl == 1) tl = 0;                          /* "/": everything is below it */
    if (strncmp(d, rv->top, tl) || (d[tl] && d[tl] != '/')) return dir;
    size_t n = strlen(rv->dir) + strlen(d + tl) + 1;
    *owned = malloc(n);
    if (!*owned) return dir;
    snprintf(*owned, n, "%s%s", rv->dir, d + tl);
    return *owned;
}

const char *git_rev_dirs(const git_rev *rv, const char *list, char **owned)
{
    *owned = NULL;
    if (!rv || !list) return list;
    size_t cap = 1, len = 0;
    char *out = malloc(cap);
    if (!out) return list;
    out[0] = 0;
    for (const char *p = list;;) {
        const char *e = strchr(p, ':');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *one = strndup(p, n), *mapped = NULL;
        const char *m = one ? git_rev_dir(rv, one, &mapped) : "";
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

void git_rev_names(strbuf *out, const char *text, const git_rev *rv, const char *spec)
{
    size_t dl = strlen(rv->dir), rl = (size_t)(strchr(spec, ':') - spec);
    for (const char *p = text; *p;) {
        const char *m = strstr(p, rv->dir);
        while (m && m[dl] != '/') m = strstr(m + 1, rv->dir);
        if (!m) { sb_puts(out, p); break; }
        sb_add(out, p, (size_t)(m - p));
        sb_add(out, spec, rl + 1);
        /* the path from the current directory: up from the prefix's
         * directories it does not share */
        const char *r = m + dl + 1, *q = rv->prefix;
        for (;;) {
            size_t ql = strcspn(q, "/");
            if (!ql || q[ql] != '/' || strncmp(r, q, ql) || r[ql] != '/') break;
            r += ql + 1;
            q += ql + 1;
        }
        for (; *q; q++) if (*q == '/') sb_puts(out, "../");
        p = r;
    }
}

void git_rev_remove(const git_rev *rv)
{
    if (rv->dir[0]) nftw(rv->dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}
