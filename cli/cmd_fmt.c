/* cmd_fmt.c - `buckle fmt`: the canonical layout (fmt/fmt.h). */
#include "options.h"
#include "../fmt/fmt.h"
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
    "usage: buckle fmt [--check | -w] [--stdin-filename NAME] FILE...\n"
    "\n"
    "Prints each .buckle FILE in buckle's canonical layout.  FILE '-' reads\n"
    "standard input (for editors).  The layout keeps every token and comment on\n"
    "its line: it sets indentation and spacing only, so suppressions, diagnostics\n"
    "and the compiled profile do not change.\n"
    "\n"
    "  --check             print a unified diff for each file not in the layout,\n"
    "                      write nothing; exit 1 if there was one (for CI)\n"
    "  -w                  rewrite the files in place (only those that change)\n"
    "  --stdin-filename N  name FILE '-' in diagnostics and diffs\n"
    "\n"
    "A file with syntax errors is reported (file:line:col) and left alone.\n"
    "Exit status: 0 formatted (or --check: already formatted), 1 syntax errors or\n"
    "--check found differences, 2 usage error or unreadable input.\n";

enum { MODE_PRINT, MODE_CHECK, MODE_WRITE };

/* standard output, a piece at a time as fmt makes it */
static int write_stdout(void *ctx, const char *p, size_t n)
{
    (void)ctx;
    return cli_write_file("-", p, n);
}

/* 0 done, 1 syntax errors or a difference (--check), 2 unreadable or unwritable */
static int fmt_one(const char *path, const char *stdin_name, int mode)
{
    const char *display = strcmp(path, "-") == 0 ? (stdin_name ? stdin_name : "<stdin>") : path;
    const char *err = NULL;
    struct stat st;
    int have_mode = mode == MODE_WRITE && stat(path, &st) == 0;
    source *src = source_read(display, path, &err);
    if (!src) { cli_error("fmt", "cannot read %s: %s", display, err); return 2; }
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    strbuf out;
    sb_init(&out);
    int rc = 0;
    if (mode == MODE_PRINT) {
        rc = fmt_buckle_stream(src, &a, &dl, write_stdout, NULL);
        if (rc == 1) cli_print_diags_as(&dl, stderr, "buckle fmt");
    } else if (fmt_buckle(src, &a, &dl, &out) != 0) {
        cli_print_diags_as(&dl, stderr, "buckle fmt");
        rc = 1;
    } else {
        int differs = out.len != src->len || (out.len && memcmp(out.data, src->text, out.len) != 0);
        if (mode == MODE_CHECK && differs) {
            strbuf d;
            sb_init(&d);
            fmt_diff(&d, display, src->text, src->len, out.data ? out.data : "", out.len);
            if (cli_write_file("-", d.data ? d.data : "", d.len) != 0) rc = 2;
            else rc = 1;
            sb_free(&d);
        } else if (mode == MODE_WRITE && differs) {
            if (cli_write_file(path, out.data ? out.data : "", out.len) != 0) rc = 2;
            else if (have_mode) chmod(path, st.st_mode & 07777);
        }
    }
    sb_free(&out);
    arena_free(&a);
    source_free(src);
    return rc;
}

enum { OPT_CHECK = OPT_OWN };

static int own_option(void *ud, int key, const char *arg, int choice)
{
    int *mode = ud;
    (void)arg;
    (void)choice;
    int want = key == OPT_CHECK ? MODE_CHECK : key == 'w' ? MODE_WRITE : -1;
    if (want < 0) return -1;
    if (*mode != MODE_PRINT && *mode != want) return cli_usage_error("fmt", "--check and -w exclude each other");
    *mode = want;
    return 0;
}

int cmd_fmt(cli_env *env, int argc, char **argv)
{
    (void)env;
    static const cli_opt own[] = { { "check", OPT_CHECK, 0, NULL }, { NULL, 'w', 0, NULL }, { NULL, 0, 0, NULL } };
    int mode = MODE_PRINT;
    cli_spec spec = { "fmt", usage, CLI_STDIN_NAME, own, own_option, &mode, 0, 0 };
    cli_opts co;
    int rc = cli_opts_parse(&co, &spec, argc, argv);
    if (rc) { rc = rc < 0 ? 0 : rc; goto out; }
    const char *stdin_name = co.stdin_name;
    const char *const *files = co.pos;
    size_t nf = co.npos;
    if (!nf) { rc = cli_usage_error("fmt", "no FILE"); goto out; }
    for (size_t i = 0; i < nf; i++) {
        if (mode == MODE_WRITE && !strcmp(files[i], "-")) { rc = cli_usage_error("fmt", "-w cannot rewrite standard input"); goto out; }
        if (is_sb_path(files[i])) { rc = cli_usage_error("fmt", "%s: fmt formats .buckle profiles, not .sb files", files[i]); goto out; }
    }
    for (size_t i = 0; i < nf; i++) {
        int r = fmt_one(files[i], stdin_name, mode);
        if (r > rc) rc = r;
    }
out:
    cli_opts_free(&co);
    return rc;
}
