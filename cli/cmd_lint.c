/* cmd_lint.c - `buckle lint`. */
#include "cli.h"
#include "../lint/lint.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: buckle lint [--format text|gcc|json|sarif] [--severity LVL] [--fail-on LVL] [--Werror]\n"
    "                   [-I DIR]... [-D NAME=VALUE]... [--stdin-filename NAME] [--lang sbpl|buckle] FILE...\n"
    "\n"
    "Checks .buckle profiles (after extends and merge) and .sb files against the\n"
    "rule catalogue (`buckle rules`, `buckle explain ID`).  LVL is error, warning,\n"
    "info or style.  --severity hides findings below LVL (default: style, all);\n"
    "--fail-on sets the level that makes the exit status 1 (default: error);\n"
    "--Werror is --fail-on warning.  FILE '-' reads standard input.  A file is SBPL\n"
    "when it ends in .sb, or has another extension than .buckle and starts with\n"
    "'(' or ';'; --lang says which.  A parameter without a -D value is an unknown\n"
    "string: the rules that use it are not decided.\n"
    "\n"
    "Suppress a finding with a reason:  # buckle: ignore[BK3002] -- why\n"
    "(on its own line: the next statement; at the end of a line: that statement;\n"
    "file-ignore[...] before the first statement: the whole file; ';' in .sb files).\n"
    "\n"
    "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable file.\n";

static int parse_level(const char *s, severity *out)
{
    static const char *const names[] = { "error", "warning", "info", "style" };
    for (int i = 0; i < 4; i++) if (!strcmp(s, names[i])) { *out = (severity)i; return 1; }
    return 0;
}

/* SARIF and JSON want repository-relative paths: strip the working directory. */
static void relativize(diag_list *l)
{
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) return;
    size_t n = strlen(cwd);
    for (diag *d = l->head; d; d = d->next) {
        source *s = (source *)d->at.src;
        if (s && !strncmp(s->name, cwd, n) && s->name[n] == '/') memmove(s->name, s->name + n + 1, strlen(s->name + n + 1) + 1);
    }
}

/* Every location names a file that exists: a base found on the search path
 * (std/network/open.buckle) is shown by its real path, relative to the
 * working directory when it is below it. */
static void real_names(source *list)
{
    char cwd[PATH_MAX], rp[PATH_MAX], shown[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd) || !realpath(cwd, shown)) return;
    memcpy(cwd, shown, sizeof cwd);
    size_t n = strlen(cwd);
    for (source *s = list; s; s = s->next) {
        if (!s->path || !strcmp(s->path, "-") || !realpath(s->path, rp)) continue;
        if (realpath(s->name, shown) && !strcmp(shown, rp)) continue;   /* the name as given is that file */
        const char *want = !strncmp(rp, cwd, n) && rp[n] == '/' ? rp + n + 1 : rp;
        char *copy = xmalloc(strlen(want) + 1);
        memcpy(copy, want, strlen(want) + 1);
        free(s->name);
        s->name = copy;
    }
}

int cmd_lint(cli_env *env, int argc, char **argv)
{
    diag_format fmt = DIAG_TEXT;
    severity show = SEV_STYLE, fail_on = SEV_ERROR;
    const char **files = xcalloc((size_t)argc + 1, sizeof *files), **incs = xcalloc((size_t)argc + 1, sizeof *incs);
    size_t nf = 0, ninc = 0, nparams = 0;
    sb_param *params = xcalloc((size_t)argc + 1, sizeof *params);
    const char *stdin_name = NULL;
    int rc = 0, lang = LINT_LANG_AUTO;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { fputs(usage, stdout); goto out; }
        if (!strcmp(a, "--Werror")) { fail_on = SEV_WARNING; continue; }
        if (!strcmp(a, "--lang") || !strncmp(a, "--lang=", 7)) {
            const char *v = a[6] == '=' ? a + 7 : i + 1 < argc ? argv[++i] : NULL;
            if (v && !strcmp(v, "sbpl")) lang = LINT_LANG_SBPL;
            else if (v && !strcmp(v, "buckle")) lang = LINT_LANG_BUCKLE;
            else { rc = cli_usage_error("lint", "--lang takes sbpl or buckle"); goto out; }
            continue;
        }
        if (!strcmp(a, "--format") || !strcmp(a, "--severity") || !strcmp(a, "--fail-on") ||
            !strcmp(a, "--stdin-filename") || !strcmp(a, "-I") || !strcmp(a, "-D")) {
            if (i + 1 >= argc) { rc = cli_usage_error("lint", "%s needs a value", a); goto out; }
            const char *v = argv[++i];
            if (!strcmp(a, "--format")) {
                if (!strcmp(v, "text")) fmt = DIAG_TEXT;
                else if (!strcmp(v, "gcc")) fmt = DIAG_GCC;
                else if (!strcmp(v, "json")) fmt = DIAG_JSON;
                else if (!strcmp(v, "sarif")) fmt = DIAG_SARIF;
                else { rc = cli_usage_error("lint", "--format takes text, gcc, json or sarif"); goto out; }
            } else if (!strcmp(a, "--severity")) {
                if (!parse_level(v, &show)) { rc = cli_usage_error("lint", "--severity takes error, warning, info or style"); goto out; }
            } else if (!strcmp(a, "--fail-on")) {
                if (!parse_level(v, &fail_on)) { rc = cli_usage_error("lint", "--fail-on takes error, warning, info or style"); goto out; }
            } else if (!strcmp(a, "-I")) incs[ninc++] = v;
            else if (!strcmp(a, "-D")) {
                const char *eq = strchr(v, '=');
                if (!eq || eq == v) { rc = cli_usage_error("lint", "expected -D NAME=VALUE"); goto out; }
                params[nparams].name = v;
                params[nparams].value = eq + 1;
                ((char *)v)[eq - v] = 0;
                nparams++;
            }
            else stdin_name = v;
            continue;
        }
        if (a[0] == '-' && a[1]) { rc = cli_usage_error("lint", "unknown option %s", a); goto out; }
        files[nf++] = a;
    }
    if (!nf) { rc = cli_usage_error("lint", "no FILE"); goto out; }
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    source *keep = NULL;
    lint_opts o = { 0 };
    o.include_dirs = incs;
    o.ninclude = ninc;
    o.stdin_name = stdin_name;
    o.params = params;
    o.nparams = nparams;
    o.lang = lang;
    cli_lint_opts(env, &o);
    arena pool;                   /* one file's compile memory serves the next */
    arena_init(&pool);
    o.pool = &pool;
    int io = 0;
    for (size_t i = 0; i < nf; i++) if (lint_file(&o, files[i], &a, &dl, &keep) == 2) io = 1;
    arena_free(&pool);
    int failing = 0;
    for (diag *d = dl.head; d; d = d->next) {
        if (d->suppressed) continue;
        if (d->sev != SEV_NOTE && d->sev <= fail_on) failing = 1;
        if (d->sev > show) d->suppressed = 1;     /* hidden, not counted */
    }
    real_names(keep);
    diag_sort(&dl);
    if (fmt == DIAG_JSON || fmt == DIAG_SARIF) relativize(&dl);
    diag_render_opts ro = { fmt, 0, lint_code_info, lint_code_at, BUCKLE_VERSION };
    const char *nc = getenv("NO_COLOR");
    ro.color = fmt == DIAG_TEXT && isatty(STDOUT_FILENO) && !(nc && *nc);
    strbuf b;
    sb_init(&b);
    diag_render(&b, &dl, &ro);
    fwrite(b.data ? b.data : "", 1, b.len, stdout);
    sb_free(&b);
    while (keep) { source *n = keep->next; source_free(keep); keep = n; }
    arena_free(&a);
    rc = io ? 2 : failing ? 1 : 0;
out:
    free(params);
    free(files);
    free(incs);
    return rc;
}
