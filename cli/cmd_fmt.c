/* cmd_fmt.c - `buckle fmt`: the canonical layout (fmt/fmt.h). */
#include "cli.h"
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
    if (!src) { fprintf(stderr, "buckle fmt: error: cannot read %s: %s\n", display, err); return 2; }
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    strbuf out;
    sb_init(&out);
    int rc = 0;
    if (mode == MODE_PRINT) {
        rc = fmt_buckle_stream(src, &a, &dl, write_stdout, NULL);
        if (rc == 1) cli_print_diags(&dl, stderr);
    } else if (fmt_buckle(src, &a, &dl, &out) != 0) {
        cli_print_diags(&dl, stderr);
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

int cmd_fmt(cli_env *env, int argc, char **argv)
{
    (void)env;
    int mode = MODE_PRINT, rc = 0;
    const char *stdin_name = NULL;
    const char **files = xcalloc((size_t)argc + 1, sizeof *files);
    size_t nf = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { fputs(usage, stdout); goto out; }
        if (!strcmp(a, "--check")) { if (mode == MODE_WRITE) { rc = cli_usage_error("fmt", "--check and -w exclude each other"); goto out; } mode = MODE_CHECK; continue; }
        if (!strcmp(a, "-w")) { if (mode == MODE_CHECK) { rc = cli_usage_error("fmt", "--check and -w exclude each other"); goto out; } mode = MODE_WRITE; continue; }
        if (!strcmp(a, "--stdin-filename")) {
            if (i + 1 >= argc) { rc = cli_usage_error("fmt", "%s needs a value", a); goto out; }
            stdin_name = argv[++i];
            continue;
        }
        if (a[0] == '-' && a[1]) { rc = cli_usage_error("fmt", "unknown option %s", a); goto out; }
        files[nf++] = a;
    }
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
    free(files);
    return rc;
}
