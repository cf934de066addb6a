/* cmd_compile.c - `buckle compile`. */
#include "options.h"
#include "../backend/emit.h"
#include "target.h"
#include "../runner/runner.h"
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: buckle compile [-o OUT] [-I DIR]... [-D NAME=VALUE]... [--emit sbpl|ir|json]\n"
    "                      [-M DEPFILE] [--no-implied] [--compact] [--stdin-filename NAME]\n"
    "                      [--target sbpl|landlock] [--landlock-abi N] [--linux-accept C,...] FILE\n"
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
    "  --compact           the form buckle run hands to sandbox-exec: rules grouped,\n"
    "                      carve-outs shared, concrete paths folded into regexes\n"
    "  --stdin-filename N  name FILE '-' in diagnostics and for relative extends\n"
    "  --target landlock   print the Landlock ruleset for Linux as JSON instead (its paths\n"
    "                      as they exist here, every rule's verdict; docs/linux.md)\n"
    "  --landlock-abi N    the Landlock ABI to plan for (1 to 7; default 7)\n"
    "  --linux-accept C,.. plan as buckle run does with these classes accepted\n"
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

enum { OPT_EMIT = OPT_OWN, OPT_NO_IMPLIED, OPT_BREAK_ORDER, OPT_RECYCLE, OPT_COMPACT, OPT_TARGET, OPT_LL_ABI, OPT_LL_ACCEPT };

static const cli_opt compile_opts_table[] = {
    { NULL, 'o', 1, NULL },
    { NULL, 'M', 1, NULL },
    { "emit", OPT_EMIT, 1, "sbpl|ir|json" },
    { "no-implied", OPT_NO_IMPLIED, 0, NULL },
    { "compact", OPT_COMPACT, 0, NULL },
    { "target", OPT_TARGET, 1, NULL },
    { "landlock-abi", OPT_LL_ABI, 1, NULL },
    { "linux-accept", OPT_LL_ACCEPT, 1, NULL },
    { "test-break-order", OPT_BREAK_ORDER, 0, NULL },
    { "test-recycle-bytes", OPT_RECYCLE, 1, NULL },
    { NULL, 0, 0, NULL },
};

typedef struct compile_cli {
    const char *out, *depfile;
    int emit;               /* index in "sbpl|ir|json" */
    int no_implied, break_order, compact;
    size_t recycle;
    const char *target, *abi_arg;
    unsigned accept;            /* --linux-accept */
} compile_cli;

static int own_option(void *ud, int key, const char *arg, int choice)
{
    compile_cli *k = ud;
    switch (key) {
    case 'o': k->out = arg; return 0;
    case 'M': k->depfile = arg; return 0;
    case OPT_EMIT: k->emit = choice; return 0;
    case OPT_NO_IMPLIED: k->no_implied = 1; return 0;
    case OPT_BREAK_ORDER: k->break_order = 1; return 0;
    case OPT_COMPACT: k->compact = 1; return 0;
    case OPT_RECYCLE: k->recycle = strtoul(arg, NULL, 10); return 0;
    case OPT_TARGET: k->target = arg; return 0;
    case OPT_LL_ABI: k->abi_arg = arg; return 0;
    case OPT_LL_ACCEPT: return cli_parse_accept("compile", arg, &k->accept) ? 2 : 0;
    }
    return -1;
}

enum { EMIT_SBPL, EMIT_IR, EMIT_JSON };

int cmd_compile(cli_env *env, int argc, char **argv)
{
    compile_cli k = { .out = "-", .emit = EMIT_SBPL };
    cli_spec spec = { "compile", usage, CLI_INCLUDE | CLI_DEFINE | CLI_STDIN_NAME, compile_opts_table, own_option, &k, 0, 0 };
    cli_opts co;
    int rc = cli_opts_parse(&co, &spec, argc, argv);
    if (rc) { rc = rc < 0 ? 0 : rc; goto done; }
    const char *out = k.out, *depfile = k.depfile;
    if (co.npos == 0) { rc = cli_usage_error("compile", "no input FILE"); goto done; }
    if (co.npos > 1) { rc = cli_usage_error("compile", "one FILE at a time (got %s and %s)", co.pos[0], co.pos[1]); goto done; }
    const char *file = co.pos[0];
    /* the depfile's target is the output file: without -o there is none
     * (naming the source would make it depend on itself) */
    if (cli_same_file(out, file) || cli_same_file(depfile, file)) {
        rc = cli_usage_error("compile", "%s is the input file: the output would replace it", cli_same_file(out, file) ? out : depfile);
        goto done;
    }
    if (depfile && strcmp(out, "-") == 0) {
        rc = cli_usage_error("compile", "-M needs -o OUT: the depfile names OUT as the target");
        goto done;
    }
    int abi = 0;
    if (target_check(k.target ? k.target : "sbpl", k.abi_arg, k.emit == EMIT_SBPL ? "sbpl" : "other", &abi) != 0) {
        rc = 2;
        goto done;
    }
    compile_opts o = { 0 };
    o.include_dirs = co.incs;
    o.ninclude = co.ninc;
    o.defines = co.defs;
    o.ndefines = co.ndef;
    o.no_implied = k.no_implied;
    o.recycle_bytes = k.recycle;
    o.stdin_name = co.stdin_name;
    o.platform = abi ? PLAT_LINUX : PLAT_MACOS;      /* --target landlock: the linux blocks */
    cli_compile_opts(env, &o);
    compilation *c = compilation_new(&o);
    rc = compile_profile(c, file);
    cli_print_diags_as(&c->diags, stderr, "buckle compile");
    /* the output means what the value says ("$P/src" is /src), but run
     * refuses a value of / (docs/runner.md): say so here too */
    for (size_t i = 0; i < co.ndef; i++) {
        const char *why = runner_define_problem(co.defs[i].value);
        if (why) cli_warning("compile", "-D %s=%s: %s; buckle run refuses this value", co.defs[i].name, co.def_raw[i], why);
    }
    if (rc == 0) {
        emit_opts eo = { .break_order = k.break_order, .compact = k.compact };
        if (abi) {
            strbuf b;
            sb_init(&b);
            target_landlock_json(env, c, file, co.incs, co.ninc, abi, k.accept, &b);
            if (cli_write_file(out, b.data ? b.data : "", b.len) != 0) rc = 2;
            sb_free(&b);
        } else if (k.emit == EMIT_SBPL && strcmp(out, "-") != 0) {
            if (stream_profile(c, &eo, out) != 0) rc = 2;
        } else {
            strbuf b;
            sb_init(&b);
            if (k.emit == EMIT_IR) emit_ir(c, &b);
            else if (k.emit == EMIT_JSON) emit_json(c, &b);
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
    cli_opts_free(&co);
    return rc;
}
