/* sandbox_exec_standin.c - the test stand-in for /usr/bin/sandbox-exec
 * (docs/runner.md, step 6).  It checks what the runner hands over, then runs the
 * command, so everything but the kernel's enforcement is exercised on Linux:
 *   - argv is exactly  -f FILE [-D K=V]... CMD ARGS  (or -p PROFILE ...)
 *   - FILE is a regular file of ours with mode 0600, in a directory of ours
 *     with mode 0700 that is not a symlink
 *   - the profile reads back with the SBPL reader and starts with (version 1)
 *   - under Seatbelt's precedence model (the evaluator), no concrete write
 *     operation is allowed under the profile directory (and the run cache
 *     directory, when BUCKLE_TEST_CACHE_PARENT names its parent) and no
 *     ancestor can be removed, renamed, mounted over or re-permissioned
 *   - STANDIN_SOURCES=A:B...: the same for these files (the profile's sources)
 *   - STANDIN_CHECK_WRITE=A:B...: every write (creation included) on these
 *     paths is denied (an attack's target: a planted base, a replaced link)
 *   - STANDIN_CHECK_FRAME=A:B...: these directories cannot be removed,
 *     renamed, mounted over, or have mode, owner, flags or ACL changed
 * STANDIN_LOG=FILE appends what it saw.  Exit 70-79 on a failed check. */
#define _POSIX_C_SOURCE 200809L
#include "../../sbpl/sbpl_eval.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static FILE *logf_;

static int die(int code, const char *fmt, const char *arg)
{
    fprintf(stderr, "sandbox-exec stand-in: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    if (logf_) { fprintf(logf_, "FAILED "); fprintf(logf_, fmt, arg); fputc('\n', logf_); fclose(logf_); }
    return code;
}

/* Every concrete write operation (and link, clone, rename, mknod) on each of
 * objs is denied. */
static int writes_denied(sb_policy *p, const char *const *objs, size_t n, arena *a)
{
    int wd = op_lookup("file-write*", NULL);
    static const char *const extra[] = { "file-link", "file-clone", "fs-rename", "file-mknod" };
    for (int op = 0; op < ops_count(); op++) {
        const op_info *o = op_get(op);
        int want = o->concrete && (opset_has(&op_get(wd)->covers, op));
        for (size_t k = 0; k < 4; k++) if (!strcmp(o->name, extra[k])) want = 1;
        if (!want) continue;
        for (size_t i = 0; i < n; i++) {
            sb_request q = { op, objs[i], strlen(objs[i]), OBJ_PATH, SNS_OTHER, NULL };
            sb_answer an = sbpl_decide(p, &q, a);
            if (an.decision != 1) {
                fprintf(stderr, "sandbox-exec stand-in: %s on %s is %s\n", o->name, objs[i],
                        an.decision == 0 ? "allowed" : "undecidable");
                return 0;
            }
        }
    }
    return 1;
}

/* what must not happen to a directory on the way to a protected path */
static const char *const frame_ops[] = { "file-write-unlink", "fs-rename", "file-write-mode", "file-write-owner",
                                         "file-write-flags", "file-write-acl", "file-mount", "file-unmount",
                                         "file-write-setugid" };
#define NFRAME (sizeof frame_ops / sizeof frame_ops[0])

static int frame_fixed(sb_policy *p, const char *dir, arena *a)
{
    for (size_t k = 0; k < NFRAME; k++) {
        sb_request q = { op_lookup(frame_ops[k], NULL), dir, strlen(dir), OBJ_PATH, SNS_OTHER, NULL };
        if (sbpl_decide(p, &q, a).decision != 1) {
            fprintf(stderr, "sandbox-exec stand-in: %s on %s is not denied\n", frame_ops[k], dir);
            return 0;
        }
    }
    return 1;
}

/* No proper ancestor of path can be removed, renamed, mounted over or
 * re-permissioned. */
static int ancestors_fixed(sb_policy *p, const char *path, arena *a)
{
    char anc[4096];
    snprintf(anc, sizeof anc, "%s", path);
    for (char *s = strrchr(anc, '/'); s && s != anc; s = strrchr(anc, '/')) {
        *s = 0;
        static const char *const ops[] = { "file-write-unlink", "fs-rename", "file-write-mode", "file-write-owner",
                                           "file-write-flags", "file-write-acl", "file-mount" };
        for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
            sb_request q = { op_lookup(ops[k], NULL), anc, strlen(anc), OBJ_PATH, SNS_OTHER, NULL };
            if (sbpl_decide(p, &q, a).decision != 1) {
                fprintf(stderr, "sandbox-exec stand-in: %s on ancestor %s is not denied\n", ops[k], anc);
                return 0;
            }
        }
    }
    return 1;
}

static int check_protection(sb_policy *p, const char *dir, arena *a)
{
    const char *objs[] = { arena_printf(a, "%s/buckle-1-1-0.sb", dir), dir, arena_printf(a, "%s/new/x", dir),
                           arena_printf(a, "%s/cache-0123456789abcdef.bc", dir) };
    return writes_denied(p, objs, 4, a) && ancestors_fixed(p, dir, a);
}

/* every path in the colon-separated list: each write denied (whole) or the
 * frame operations denied; logged as "LABEL: PATH" */
static int check_list(sb_policy *p, const char *list, int whole, const char *label, arena *a)
{
    char *copy = arena_strdup(a, list);
    for (char *tok = strtok(copy, ":"); tok; tok = strtok(NULL, ":")) {
        const char *one[] = { tok };
        if (whole ? !writes_denied(p, one, 1, a) : !frame_fixed(p, tok, a)) return 0;
        if (logf_) fprintf(logf_, "%s: %s\n", label, tok);
    }
    return 1;
}

/* STANDIN_SOURCES (colon-separated): the profile's source files, which the
 * sandbox must not change either. */
static int check_sources(sb_policy *p, const char *list, arena *a)
{
    char *copy = arena_strdup(a, list);
    for (char *tok = strtok(copy, ":"); tok; tok = strtok(NULL, ":")) {
        const char *one[] = { tok };
        if (!writes_denied(p, one, 1, a) || !ancestors_fixed(p, tok, a)) return 0;
        if (logf_) fprintf(logf_, "source protected: %s\n", tok);
    }
    return 1;
}

int main(int argc, char **argv)
{
    const char *lp = getenv("STANDIN_LOG");
    if (lp) logf_ = fopen(lp, "a");
    if (logf_) {
        fprintf(logf_, "argv:");
        for (int i = 1; i < argc; i++) fprintf(logf_, " %s", strchr(argv[i], '\n') ? "<profile text>" : argv[i]);
        fputc('\n', logf_);
    }
    if (argc < 4 || (strcmp(argv[1], "-f") && strcmp(argv[1], "-p")))
        return die(70, "expected -f FILE or -p PROFILE first, got %s", argc > 1 ? argv[1] : "nothing");
    int i = 3;
    size_t np = 0;
    sb_param params[512];
    while (i + 1 < argc && !strcmp(argv[i], "-D")) {
        char *kv = argv[i + 1], *eq = strchr(kv, '=');
        if (!eq) return die(71, "-D without NAME=VALUE: %s", kv);
        if (np < 512) { *eq = 0; params[np].name = kv; params[np].value = eq + 1; np++; }
        i += 2;
    }
    if (i >= argc) return die(72, "no command after the options%s", "");
    /* sandbox-exec reads its options with getopt: a command that starts
     * with '-' would be taken for one */
    if (argv[i][0] == '-') return die(72, "the command %s would be read as an option", argv[i]);
    const char *text;
    size_t len;
    char *buf = NULL;
    char dir[4096] = "";
    if (!strcmp(argv[1], "-f")) {
        const char *file = argv[2];
        struct stat st;
        if (lstat(file, &st) != 0) return die(73, "cannot stat %s", file);
        if (!S_ISREG(st.st_mode)) return die(73, "%s is not a regular file", file);
        if ((st.st_mode & 07777) != 0600) return die(74, "%s is not mode 0600", file);
        if (st.st_uid != geteuid()) return die(74, "%s is not ours", file);
        snprintf(dir, sizeof dir, "%s", file);
        char *slash = strrchr(dir, '/');
        if (!slash) return die(75, "%s has no directory", file);
        *slash = 0;
        if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) return die(75, "%s is not a real directory", dir);
        if ((st.st_mode & 07777) != 0700 || st.st_uid != geteuid()) return die(75, "%s is not 0700 and ours", dir);
        if (logf_) fprintf(logf_, "file: %s mode 0600, dir mode 0700, ours\n", file);
        const char *err;
        source *s = source_read(file, file, &err);
        if (!s) return die(73, "cannot read the profile: %s", err);
        buf = xmalloc(s->len + 1);
        memcpy(buf, s->text, s->len + 1);
        len = s->len;
        source_free(s);
        text = buf;
    } else {
        text = argv[2];
        len = strlen(text);
        if (logf_) fprintf(logf_, "inline profile, %zu bytes\n", len);
    }
    source *src = source_new("profile.sb", "profile.sb", xstrdup(text), len);
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    sexp *top = sbpl_read(&a, &dl, src, NULL);
    if (dl.errors) return die(76, "the profile does not read back: %s", dl.head->msg);
    if (!top || !sexp_is_sym(top->child, "version")) return die(76, "the profile does not start with (version 1)%s", "");
    /* STANDIN_IMPORT_DIRS: where relative imports are found (sandbox-exec
     * has its own places; the tests name theirs) */
    const char *idirs[64];
    size_t nid = 0;
    const char *il = getenv("STANDIN_IMPORT_DIRS");
    char *ilc = il ? arena_strdup(&a, il) : NULL;
    for (char *tok = ilc ? strtok(ilc, ":") : NULL; tok && nid < 64; tok = strtok(NULL, ":")) idirs[nid++] = tok;
    source *imported = NULL;
    sbpl_eval_opts o = { .params = params, .nparams = np, .import_dirs = idirs, .nimport = nid, .sources = &imported };
    sb_policy *p = sbpl_eval(&a, &dl, src, top, &o);
    if (dl.errors) return die(77, "the profile does not evaluate: %s", dl.head->msg);
    if (dir[0] && !check_protection(p, dir, &a)) return die(78, "self-protection of %s is broken", dir);
    const char *cp = getenv("BUCKLE_TEST_CACHE_PARENT");
    char real[4096];
    if (cp && *cp && realpath(cp, real)) {
        const char *cdir = arena_printf(&a, "%s/buckle-cache-%lu", real, (unsigned long)geteuid());
        if (!check_protection(p, cdir, &a)) return die(78, "the run cache %s is not protected", cdir);
        if (logf_) fprintf(logf_, "cache protected: %s\n", cdir);
    }
    const char *srcs = getenv("STANDIN_SOURCES");
    if (srcs && *srcs && !check_sources(p, srcs, &a)) return die(78, "the sources %s are not protected", srcs);
    const char *cw = getenv("STANDIN_CHECK_WRITE"), *cf = getenv("STANDIN_CHECK_FRAME");
    if (cw && *cw && !check_list(p, cw, 1, "write denied", &a)) return die(78, "a write on one of %s is not denied", cw);
    if (cf && *cf && !check_list(p, cf, 0, "frame fixed", &a)) return die(78, "a directory of %s is not fixed", cf);
    if (logf_) { fprintf(logf_, "ok: read back, %zu rules, self-protection holds\n", p->n); fclose(logf_); logf_ = NULL; }
    while (imported) { source *n = imported->next; source_free(imported); imported = n; }
    arena_free(&a);
    source_free(src);
    free(buf);
    execvp(argv[i], argv + i);
    fprintf(stderr, "sandbox-exec: %s: %s\n", argv[i], strerror(errno));
    return errno == ENOENT ? 127 : 126;
}
