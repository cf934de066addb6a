/* cmd_lsp.c - `buckle lsp`: the language server on standard input and output. */
#include "options.h"
#include "../lsp/lsp.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: buckle lsp [-I DIR]... [--stdio]\n"
    "\n"
    "Runs the language server for editors: JSON-RPC with Content-Length framing\n"
    "on standard input and output (Language Server Protocol).  It publishes\n"
    "diagnostics (syntax, semantic and lint, as `buckle lint` reports them) when\n"
    "a document is opened or changed, and answers hover, completion,\n"
    "go-to-definition, formatting (buckle fmt) and code actions.  -I DIR is\n"
    "searched for extends names, as in compile.\n"
    "\n"
    "Exit status: 0 after shutdown and exit, 1 when the input ends or exit\n"
    "comes without shutdown, 2 usage error.\n";

/* --stdio: the only transport, accepted because editors pass it */
static int stdio_option(void *ud, int key, const char *arg, int choice)
{
    (void)ud;
    (void)arg;
    (void)choice;
    return key == OPT_OWN ? 0 : -1;
}

int cmd_lsp(cli_env *env, int argc, char **argv)
{
    static const cli_opt own[] = { { "stdio", OPT_OWN, 0, NULL }, { NULL, 0, 0, NULL } };
    cli_spec spec = { "lsp", usage, CLI_INCLUDE, own, stdio_option, NULL, 0, 0 };
    cli_opts o;
    int rc = cli_opts_parse(&o, &spec, argc, argv);
    if (rc) { rc = rc < 0 ? 0 : rc; goto out; }
    if (o.npos) { rc = cli_usage_error("lsp", "unknown argument %s", o.pos[0]); goto out; }
    compile_opts co = { 0 };
    cli_compile_opts(env, &co);
    lsp_config cfg;
    memset(&cfg, 0, sizeof cfg);
    memcpy(cfg.std_dirs, co.std_dirs, sizeof cfg.std_dirs);
    cfg.buckle_path = co.buckle_path;
    cfg.include_dirs = o.incs;
    cfg.ninclude = o.ninc;
    cfg.version = BUCKLE_VERSION;
    /* a client that goes away makes a write fail (EPIPE), not kill us */
    signal(SIGPIPE, SIG_IGN);
    rc = lsp_serve(&cfg, STDIN_FILENO, STDOUT_FILENO);
out:
    cli_opts_free(&o);
    return rc;
}
