/* cmd_compile.c - `buckle compile`. */
#include "cli.h"
#include "../backend/emit.h"
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: buckle compile [-o OUT] [-I DIR]... [-D NAME=VALUE]... [--emit sbpl|ir|json]\n"
    "                      [-M DEPFILE] [--no-implied] [--stdin-filename NAME] FILE\n"
    "\n"
    "Compiles a .buckle profile (with its extends chain) to SBPL for sandbox-exec.\n"
    "\n"
    "  -o OUT              write to OUT atomically (default: standard output);\n"
    "                      a device or a pipe (/dev/null, a FIFO) is written as it is\n"
    "  -I DIR              search DIR for extends names (before $BUCKLE_PATH and std/)\n"
    "  -D NAME=VALUE       fix a parameter at compile time (canonicalized)\n"
    "  --emit sbpl|ir|json what to print: the profile (default), the merged IR, or JSON\n"
    "  -M DEPFILE          write a make depfile: OUT depends on every file read (needs -o)\n"
    "  --no-implied        do not add file-read-metadata for ancestors of allowed paths\n"
    "  --stdin-filename N  name FILE '-' in diagnostics and for relative extends\n"
    "\n"
    "Exit status: 0 compiled, 1 the profile has errors, 2 usage error or unreadable input.\n";

static void put_dep_path(strbuf *b, const char *p)
{
    for (; *p; p++) {
        if (*p == ' ' || *p == '#' || *p == '\\') sb_putc(b, '\\');
        if (*p == '$') sb_putc(b, '$');
        sb_putc(b, *p);
    }
}

static int write_piece(void *ud, const char *p, size_t n)
{
    return cli_out_write(ud, p, n);
}

/* -o FILE: the profile goes to the file as it is written (a 1M-rule profile
 * is ~140 MB that need not be held); should the header's parameters turn out
 * wrong, the file is emptied and the profile written whole. */
static int stream_profile(compilation *c, const emit_opts *eo, const char *path)
{
    cli_out f;
    if (cli_out_open(&f, path) != 0) return -1;
    emit_sink sink = { write_piece, &f };
    /* a device or a pipe cannot be emptied again: the profile whole */
    if (f.direct || (emit_sbpl_stream(c, eo, &sink) == 1 && cli_out_rewind(&f) == 0)) {
        strbuf b;
        sb_init(&b);
        emit_sbpl(c, eo, &b);
        cli_out_write(&f, b.data ? b.data : "", b.len);
        sb_free(&b);
    }
    return cli_out_commit(&f);
}

int cmd_compile(cli_env *env, int argc, char **argv)
{
    const char *out = "-", *emit = "sbpl", *depfile = NULL, *file = NULL, *stdin_name = NULL;
    int no_implied = 0, break_order = 0;
    size_t recycle = 0;
    const char **incs = xcalloc((size_t)argc + 1, sizeof *incs);
    define *defs = xcalloc((size_t)argc + 1, sizeof *defs);
    size_t ninc = 0, ndef = 0;
    arena a;
    arena_init(&a);
    int rc = 2;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = NULL;
#define TAKE(flag) (strcmp(arg, flag) == 0 ? (i + 1 < argc ? (val = argv[++i], 1) : -1) \
                    : (strncmp(arg, flag, strlen(flag)) == 0 && flag[1] != '-' ? (val = arg + strlen(flag), 1) \
                    : (strncmp(arg, flag "=", strlen(flag) + 1) == 0 ? (val = arg + strlen(flag) + 1, 1) : 0)))
        int t;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) { fputs(usage, stdout); rc = 0; goto done; }
        else if (strcmp(arg, "--no-implied") == 0) no_implied = 1;
        else if (strcmp(arg, "--test-break-order") == 0) break_order = 1;
        else if ((t = TAKE("--test-recycle-bytes")) != 0) { if (t < 0) goto missing; recycle = strtoul(val, NULL, 10); }
        else if ((t = TAKE("-o")) != 0) { if (t < 0) goto missing; out = val; }
        else if ((t = TAKE("-I")) != 0) { if (t < 0) goto missing; incs[ninc++] = val; }
        else if ((t = TAKE("-D")) != 0) {
            if (t < 0) goto missing;
            const char *err = define_parse(&a, val, &defs[ndef]);
            if (err) { rc = cli_usage_error("compile", "-D %s: %s", val, err); goto done; }
            ndef++;
        }
        else if ((t = TAKE("-M")) != 0) { if (t < 0) goto missing; depfile = val; }
        else if ((t = TAKE("--emit")) != 0) { if (t < 0) goto missing; emit = val; }
        else if ((t = TAKE("--stdin-filename")) != 0) { if (t < 0) goto missing; stdin_name = val; }
        else if (arg[0] == '-' && arg[1]) { rc = cli_usage_error("compile", "unknown option %s", arg); goto done; }
        else if (file) { rc = cli_usage_error("compile", "one FILE at a time (got %s and %s)", file, arg); goto done; }
        else file = arg;
        continue;
missing:
        rc = cli_usage_error("compile", "%s needs a value", arg);
        goto done;
#undef TAKE
    }
    if (!file) { rc = cli_usage_error("compile", "no input FILE"); goto done; }
    /* the depfile's target is the output file: without -o there is none
     * (naming the source would make it depend on itself) */
    if (depfile && strcmp(out, "-") == 0) {
        rc = cli_usage_error("compile", "-M needs -o OUT: the depfile names OUT as the target");
        goto done;
    }
    if (strcmp(emit, "sbpl") && strcmp(emit, "ir") && strcmp(emit, "json")) {
        rc = cli_usage_error("compile", "--emit takes sbpl, ir or json, not %s", emit);
        goto done;
    }
    compile_opts o = { 0 };
    o.include_dirs = incs;
    o.ninclude = ninc;
    o.defines = defs;
    o.ndefines = ndef;
    o.no_implied = no_implied;
    o.recycle_bytes = recycle;
    o.stdin_name = stdin_name;
    cli_compile_opts(env, &o);
    compilation *c = compilation_new(&o);
    rc = compile_profile(c, file);
    cli_print_diags(&c->diags, stderr);
    if (rc == 0) {
        emit_opts eo = { break_order };
        if (strcmp(emit, "sbpl") == 0 && strcmp(out, "-") != 0) {
            if (stream_profile(c, &eo, out) != 0) rc = 2;
        } else {
            strbuf b;
            sb_init(&b);
            if (strcmp(emit, "ir") == 0) emit_ir(c, &b);
            else if (strcmp(emit, "json") == 0) emit_json(c, &b);
            else emit_sbpl(c, &eo, &b);
            if (cli_write_file(out, b.data ? b.data : "", b.len) != 0) rc = 2;
            sb_free(&b);
        }
        if (rc == 0 && depfile) {
            strbuf d;
            sb_init(&d);
            put_dep_path(&d, out);
            sb_putc(&d, ':');
            for (size_t i = 0; i < c->ndeps; i++) { sb_putc(&d, ' '); put_dep_path(&d, c->deps[i]); }
            sb_putc(&d, '\n');
            for (size_t i = 0; i < c->ndeps; i++) { sb_putc(&d, '\n'); put_dep_path(&d, c->deps[i]); sb_puts(&d, ":\n"); }
            if (cli_write_file(depfile, d.data, d.len) != 0) rc = 2;
            sb_free(&d);
        }
    }
    compilation_free(c);
done:
    free(incs);
    free(defs);
    arena_free(&a);
    return rc;
}
