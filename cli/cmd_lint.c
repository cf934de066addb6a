/* cmd_lint.c - `buckle lint`. */
#include "cli.h"
#include "options.h"
#include "../lint/lint.h"
#include "../lint/config.h"
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
    "usage: buckle lint [--format text|gcc|json|sarif] [--severity LVL] [--fail-on LVL] [--Werror]\n"
    "                   [--select RULES] [--ignore RULES] [--color auto|always|never] [-q]\n"
    "                   [-I DIR]... [-D NAME=VALUE]... [--stdin-filename NAME] [--lang sbpl|buckle]\n"
    "                   [--platform macos|linux]\n"
    "                   [FILE...]\n"
    "\n"
    "Checks .buckle profiles (after extends and merge) and .sb files against the\n"
    "rule catalogue (`buckle rules`, `buckle explain ID`).  LVL is error, warning,\n"
    "info or style.  --severity hides findings below LVL (default: style, all);\n"
    "--fail-on sets the level that makes the exit status 1 (default: error);\n"
    "--Werror is --fail-on warning.  RULES: codes, slugs or code prefixes (BK3),\n"
    "comma-separated; --select reports only those, --ignore drops those (errors\n"
    "of the language, BK1 and BK2, are always reported).  Settings may also come\n"
    "from a " LINT_CONFIG_NAME " in the file's directory or above (docs/lint.md).\n"
    "\n"
    "Without FILE, lints the *.buckle and *.sb files under the working directory\n"
    "(those git tracks, in a git repository).  FILE '-' reads standard input.  A\n"
    "file is SBPL when it ends in .sb, or has another extension than .buckle and\n"
    "starts with '(' or ';'; --lang says which.  In an .sb file a parameter\n"
    "without a -D value is an unknown string: the rules that use it are not\n"
    "decided.  A summary line goes to standard error (-q: none).  --platform linux\n"
    "lints the policy compiled for Linux (the platform linux blocks kept, the macos\n"
    "ones dropped); by default the macOS policy.  Either way the rules of the other\n"
    "platform's blocks are checked for errors.\n"
    "\n"
    "Suppress a finding with a reason:  # buckle: ignore[BK3002] -- why\n"
    "(on its own line: the next statement; at the end of a line: that statement;\n"
    "on an extends line: the findings in the bases it brings in; file-ignore[...]\n"
    "before the first statement: the whole file; ';' in .sb files).\n"
    "\n"
    "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable file.\n";

enum { OPT_SELECT = OPT_OWN, OPT_IGNORE, OPT_COLOR, OPT_LANG, OPT_PLATFORM };

typedef struct lint_cli {
    arena *a;
    lint_sel select, ignore;
    int has_select;
    int color;            /* -1 auto, 0 never, 1 always */
    int lang, quiet;
    platform_t platform;
} lint_cli;

static int own_option(void *ud, int opt, const char *arg, int choice)
{
    lint_cli *l = ud;
    const char *bad;
    switch (opt) {
    case OPT_SELECT:
        l->has_select = 1;
        if ((bad = lint_sel_add(l->a, &l->select, arg)) != NULL)
            return cli_usage_error("lint", "--select: no rule has this code, slug or code prefix: %s", bad);
        return 0;
    case OPT_IGNORE:
        if ((bad = lint_sel_add(l->a, &l->ignore, arg)) != NULL)
            return cli_usage_error("lint", "--ignore: no rule has this code, slug or code prefix: %s", bad);
        return 0;
    case OPT_COLOR:
        l->color = choice == 0 ? -1 : choice == 1 ? 1 : 0;     /* auto|always|never */
        return 0;
    case OPT_LANG:
        l->lang = choice == 0 ? LINT_LANG_SBPL : LINT_LANG_BUCKLE;
        return 0;
    case OPT_PLATFORM:
        l->platform = choice == 0 ? PLAT_MACOS : PLAT_LINUX;
        return 0;
    case 'q': l->quiet = 1; return 0;
    }
    return -1;
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

/* ---- no FILE: the profiles under the working directory ------------------ */

typedef struct names { const char **v; size_t n, cap; arena *a; } names;

static void names_add(names *l, const char *s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        const char **v = arena_alloc(l->a, cap * sizeof *v);
        if (l->n) memcpy(v, l->v, l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = arena_strdup(l->a, s);
}

static int profile_name(const char *s)
{
    size_t n = strlen(s);
    return (n > 3 && !strcmp(s + n - 3, ".sb")) || (n > 7 && !strcmp(s + n - 7, ".buckle"));
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static void walk(names *l, const char *dir, int depth)
{
    if (depth > 64) return;
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;             /* ., .., .git and hidden files */
        const char *p = strcmp(dir, ".") ? arena_printf(l->a, "%s/%s", dir, e->d_name) : arena_strdup(l->a, e->d_name);
        struct stat st;
        if (lstat(p, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) walk(l, p, depth + 1);
        else if (S_ISREG(st.st_mode) && profile_name(p)) names_add(l, p);
    }
    closedir(d);
}

/* git ls-files when the working directory is in a repository; 0 if not */
static int git_files(names *l)
{
    FILE *p = popen("git ls-files -z --cached -- '*.buckle' '*.sb' 2>/dev/null", "r");
    if (!p) return 0;
    strbuf b;
    sb_init(&b);
    char buf[4096];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, p)) > 0) sb_add(&b, buf, k);
    int st = pclose(p);
    if (st != 0) { sb_free(&b); return 0; }
    for (size_t i = 0; i < b.len; ) {
        const char *s = b.data + i;
        size_t n = strlen(s);
        struct stat sst;
        if (n && profile_name(s) && stat(s, &sst) == 0 && S_ISREG(sst.st_mode)) names_add(l, s);
        i += n + 1;
    }
    sb_free(&b);
    return 1;
}

static int selected(const lint_cli *l, const lint_config *cfg, const char *path, const char *code)
{
    if (!code) return 1;
    const lint_rule *r = lint_rule_find(code);
    if (r && r->unsuppressible && r->info.default_sev == SEV_ERROR) return 1;
    if (lint_sel_has(&l->ignore, code)) return 0;
    lint_config eff;
    memset(&eff, 0, sizeof eff);
    if (cfg) eff = *cfg;
    if (l->has_select) { eff.select = l->select; eff.has_select = 1; }
    if (!cfg && !l->has_select) return 1;
    return lint_config_selects(&eff, path, code);
}

int cmd_lint(cli_env *env, int argc, char **argv)
{
    static const cli_opt own[] = {
        { "select", OPT_SELECT, 1, NULL },
        { "ignore", OPT_IGNORE, 1, NULL },
        { "color", OPT_COLOR, 1, "auto|always|never" },
        { "lang", OPT_LANG, 1, "sbpl|buckle" },
        { "platform", OPT_PLATFORM, 1, "macos|linux" },
        { "quiet", 'q', 0, NULL },
        { NULL, 0, 0, NULL },
    };
    arena a;
    arena_init(&a);
    lint_cli lc;
    memset(&lc, 0, sizeof lc);
    lc.a = &a;
    lc.color = -1;
    cli_opts co;
    cli_spec spec = { "lint", usage, CLI_INCLUDE | CLI_DEFINE | CLI_DIAG_FORMAT | CLI_LEVELS | CLI_STDIN_NAME,
                      own, own_option, &lc, 0, 0 };
    int rc = cli_opts_parse(&co, &spec, argc, argv);
    if (rc) { rc = rc < 0 ? 0 : rc; goto out; }

    names files = { NULL, 0, 0, &a };
    for (size_t i = 0; i < co.npos; i++) names_add(&files, co.pos[i]);
    if (!co.npos) {
        if (!git_files(&files)) walk(&files, ".", 0);
        qsort(files.v, files.n, sizeof *files.v, cmp_name);
    }

    diag_list dl;
    diag_list_init(&dl, &a);
    source *keep = NULL;
    lint_config *cache = NULL;
    arena pool;                   /* one file's compile memory serves the next */
    arena_init(&pool);
    int io = 0, failing = 0;
    unsigned count[5] = { 0 };
    for (size_t i = 0; i < files.n; i++) {
        const char *path = files.v[i];
        const char *cfg_at = strcmp(path, "-") ? path : co.stdin_name ? co.stdin_name : "./-";
        int bad = 0;
        const lint_config *cfg = lint_config_for(&a, &cache, cfg_at, &dl, &keep, &bad);
        if (bad) io = 1;
        lint_opts o = { 0 };
        const char **incs = arena_alloc(&a, (co.ninc + (cfg ? cfg->ninclude : 0) + 1) * sizeof *incs);
        size_t ninc = 0;
        for (size_t k = 0; k < co.ninc; k++) incs[ninc++] = co.incs[k];
        for (size_t k = 0; cfg && k < cfg->ninclude; k++) incs[ninc++] = cfg->includes[k];
        o.include_dirs = incs;
        o.ninclude = ninc;
        o.stdin_name = co.stdin_name;
        o.params = co.params;
        o.nparams = co.ndef;
        o.defines = co.defs;
        o.ndefines = co.ndef;
        o.lang = lc.lang;
        o.platform = lc.platform;
        o.pool = &pool;
        cli_lint_opts(env, &o);
        diag *before = dl.tail;
        if (lint_file(&o, path, &a, &dl, &keep) == 2) io = 1;
        severity show = co.show_set ? co.show : cfg && cfg->show_set ? cfg->show : SEV_STYLE;
        severity fail_on = co.fail_set ? co.fail_on : cfg && cfg->fail_set ? cfg->fail_on : SEV_ERROR;
        for (diag *d = before ? before->next : dl.head; d; d = d->next) {
            if (d->suppressed) continue;
            if (!selected(&lc, cfg, path, d->code)) { d->suppressed = 1; continue; }
            if (d->sev != SEV_NOTE && d->sev <= fail_on) failing = 1;
            if (d->sev > show) { d->suppressed = 1; continue; }     /* hidden, not counted */
            count[d->sev]++;
        }
    }
    arena_free(&pool);
    real_names(keep);
    diag_sort(&dl);
    if (co.fmt == DIAG_JSON || co.fmt == DIAG_SARIF) relativize(&dl);
    diag_render_opts ro = { .format = co.fmt, .code_info = lint_code_info, .code_at = lint_code_at, .tool_version = BUCKLE_VERSION };
    const char *nc = getenv("NO_COLOR");
    ro.color = co.fmt == DIAG_TEXT && (lc.color == 1 || (lc.color < 0 && isatty(STDOUT_FILENO) && !(nc && *nc)));
    strbuf b;
    sb_init(&b);
    diag_render(&b, &dl, &ro);
    fwrite(b.data ? b.data : "", 1, b.len, stdout);
    fflush(stdout);
    sb_free(&b);
    if (!lc.quiet) {
        static const char *const what[] = { "error", "warning", "info", "style" };
        strbuf s;
        sb_init(&s);
        sb_printf(&s, "%zu file%s", files.n, files.n == 1 ? "" : "s");
        int any = 0;
        for (int k = 0; k < 4; k++) {
            if (!count[k]) continue;
            any = 1;
            sb_printf(&s, ", %u %s%s", count[k], what[k], count[k] == 1 || k >= 2 ? "" : "s");
        }
        if (!any) sb_puts(&s, ", no findings");
        fprintf(stderr, "%s\n", sb_cstr(&s));
        sb_free(&s);
    }
    while (keep) { source *n = keep->next; source_free(keep); keep = n; }
    rc = io ? 2 : failing ? 1 : 0;
out:
    cli_opts_free(&co);
    arena_free(&a);
    return rc;
}
