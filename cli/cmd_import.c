/* cmd_import.c - `buckle import FILE.sb` and `buckle import --from srt
 * SETTINGS.json`: an existing profile as a .buckle file (daily/import.h). */
#include "cli.h"
#include "../daily/import.h"
#include <string.h>

static const char usage[] =
    "usage: buckle import [-o OUT] [-I DIR]... FILE.sb\n"
    "       buckle import [-o OUT] --from srt SETTINGS.json\n"
    "\n"
    "Writes a .buckle profile that means what FILE.sb means: its rules in\n"
    "sections, its parameters as parameters, its comments beside the rules they\n"
    "belong to, and what buckle cannot say in sbpl blocks with the reason.  The\n"
    "result is compiled and checked to decide every request over the objects\n"
    "the original names (and their parents, children and siblings) as the\n"
    "original does; when no import can, nothing is written (exit 1).\n"
    "\n"
    "--from srt reads srt's settings (a settings.json, or a benchmark\n"
    "configuration with its generatorInput) and writes a profile extending\n"
    "std/base: srt's read and write lists, its proxy ports, Unix sockets and\n"
    "mach look-ups.\n"
    "\n"
    "  -o OUT   write OUT (replaced only when the import succeeds); default stdout\n"
    "  -I DIR   look for SBPL (import ...) files in DIR too\n"
    "\n"
    "Exit status: 0 written, 1 the input has errors or cannot be imported,\n"
    "2 usage error or unreadable input.\n";

int cmd_import(cli_env *env, int argc, char **argv)
{
    const char *out = "-", *file = NULL, *from = "sbpl";
    const char **incs = xcalloc((size_t)argc + 1, sizeof *incs);
    size_t ninc = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { fputs(usage, stdout); free(incs); return 0; }
        if (!strcmp(a, "-o") || !strcmp(a, "-I") || !strcmp(a, "--from")) {
            if (i + 1 >= argc) { free(incs); return cli_usage_error("import", "%s needs a value", a); }
            const char *v = argv[++i];
            if (a[1] == 'o') out = v;
            else if (a[1] == 'I') incs[ninc++] = v;
            else from = v;
            continue;
        }
        if (!strncmp(a, "--from=", 7)) { from = a + 7; continue; }
        if (!strncmp(a, "-I", 2) && a[2]) { incs[ninc++] = a + 2; continue; }
        if (a[0] == '-' && a[1]) { free(incs); return cli_usage_error("import", "unknown option %s", a); }
        if (file) { free(incs); return cli_usage_error("import", "one input file at a time (%s and %s)", file, a); }
        file = a;
    }
    if (strcmp(from, "srt") && strcmp(from, "sbpl")) {
        free(incs);
        return cli_usage_error("import", "unknown --from %s (srt, or none for SBPL)", from);
    }
    if (!file) { free(incs); return cli_usage_error("import", "expected a file to import"); }
    const char *err;
    source *src = source_read(file, file, &err);
    if (!src) {
        fprintf(stderr, "buckle import: error: cannot read %s: %s\n", file, err);
        free(incs);
        return 2;
    }
    compile_opts co = { 0 };
    co.include_dirs = incs;
    co.ninclude = ninc;
    cli_compile_opts(env, &co);
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    strbuf b;
    sb_init(&b);
    int rc;
    if (!strcmp(from, "srt")) {
        rc = import_srt(&b, &dl, src, &co);
    } else {
        import_sb_opts io = { &co, incs, ninc };
        rc = import_sb(&b, &dl, src, &io);
    }
    cli_print_diags(&dl, stderr);
    if (!rc && cli_write_file(out, b.data, b.len)) rc = 2;
    sb_free(&b);
    arena_free(&a);
    source_free(src);
    free(incs);
    return rc;
}
