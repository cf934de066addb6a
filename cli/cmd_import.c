/* cmd_import.c - `buckle import FILE.sb` and `buckle import --from srt
 * SETTINGS.json`: an existing profile as a .buckle file (daily/import.h). */
#include "options.h"
#include "../daily/import.h"
#include <string.h>

static const char usage[] =
    "usage: buckle import [-o OUT] [-I DIR]... [-D NAME=VALUE]... [-U NAME]... FILE.sb\n"
    "       buckle import [-o OUT] --from srt SETTINGS.json\n"
    "\n"
    "Writes a .buckle profile that means what FILE.sb means: its rules in\n"
    "sections, its parameters as parameters, its comments beside the rules they\n"
    "belong to, and what buckle cannot say in sbpl blocks with the reason.  The\n"
    "result is compiled and checked to decide every request over the objects\n"
    "the original names (and their parents, children and siblings) as the\n"
    "original does; when no import can, nothing is written (exit 1).  A file\n"
    "without a default is a fragment: imported without one, to be extended.\n"
    "\n"
    "--from srt reads srt's settings (a settings.json, or a benchmark\n"
    "configuration with its generatorInput) and writes a profile extending\n"
    "std/base: srt's read and write lists, its proxy ports, Unix sockets and\n"
    "mach look-ups.\n"
    "\n"
    "  -o OUT   write OUT (replaced only when the import succeeds); default stdout\n"
    "  -I DIR   look for SBPL (import ...) files in DIR too (after FILE's directory)\n"
    "  -D NAME=VALUE  write the import for this value of the parameter NAME: its\n"
    "           conditionals and the files it imports are expanded\n"
    "  -U NAME  the same for NAME not passed by the program ((param \"NAME\") is #f)\n"
    "\n"
    "Exit status: 0 written, 1 the input has errors or cannot be imported,\n"
    "2 usage error or unreadable input.\n";

enum { OPT_FROM = OPT_OWN, IMPORT_MAX_UNSET = 64 };

/* -o and --from (srt, or sbpl: the default, for an .sb file) */
typedef struct import_cli { const char *out; int srt; const char **unset; size_t nunset; } import_cli;

static int own_option(void *ud, int key, const char *arg, int choice)
{
    import_cli *k = ud;
    if (key == 'o') { k->out = arg; return 0; }
    if (key == 'U') {
        for (const char *c = arg; *c; c++)
            if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || strchr("_-.", *c)) || c - arg > 200)
                return cli_usage_error("import", "-U %s: not a parameter name", arg);
        if (!*arg) return cli_usage_error("import", "-U needs a parameter name");
        if (k->nunset < IMPORT_MAX_UNSET) k->unset[k->nunset++] = arg;
        else return cli_usage_error("import", "more than %d -U options", IMPORT_MAX_UNSET);
        return 0;
    }
    if (key == OPT_FROM) { k->srt = choice == 0; return 0; }
    return -1;
}

int cmd_import(cli_env *env, int argc, char **argv)
{
    static const cli_opt own[] = { { NULL, 'o', 1, NULL }, { NULL, 'U', 1, NULL }, { "from", OPT_FROM, 1, "srt|sbpl" }, { NULL, 0, 0, NULL } };
    const char *unset[IMPORT_MAX_UNSET];
    import_cli k = { "-", 0, unset, 0 };
    cli_spec spec = { "import", usage, CLI_INCLUDE | CLI_DEFINE, own, own_option, &k, 0, 0 };
    cli_opts o;
    int rc = cli_opts_parse(&o, &spec, argc, argv);
    if (!rc && o.npos == 0) rc = cli_usage_error("import", "expected a file to import");
    if (!rc && o.npos > 1) rc = cli_usage_error("import", "one input file at a time (%s and %s)", o.pos[0], o.pos[1]);
    if (!rc && k.srt && (o.ndef || k.nunset)) rc = cli_usage_error("import", "-D and -U are for an .sb file's parameters, not for --from srt");
    if (rc) { cli_opts_free(&o); return rc < 0 ? 0 : rc; }
    const char *out = k.out, *file = o.pos[0];
    if (cli_same_file(out, file)) {
        rc = cli_usage_error("import", "-o %s is the file to import: the output would replace it", out);
        cli_opts_free(&o);
        return rc;
    }
    const char *const *incs = o.incs;
    size_t ninc = o.ninc;
    const char *err;
    source *src = source_read(file, file, &err);
    if (!src) {
        cli_error("import", "cannot read %s: %s", file, err);
        cli_opts_free(&o);
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
    source *imported = NULL;
    if (k.srt) {
        rc = import_srt(&b, &dl, src, &co);
    } else {
        import_sb_opts io = { &co, incs, ninc, o.params, o.ndef, k.unset, k.nunset, &imported };
        rc = import_sb(&b, &dl, src, &io);
    }
    cli_print_diags_as(&dl, stderr, "buckle import");
    if (!rc && cli_write_file(out, b.data, b.len)) rc = 2;
    sb_free(&b);
    arena_free(&a);
    while (imported) { source *n = imported->next; source_free(imported); imported = n; }
    source_free(src);
    cli_opts_free(&o);
    return rc;
}
