/* cmd_lsp.c - `buckle lsp`: the language server on standard input and output. */
#include "cli.h"
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

int cmd_lsp(cli_env *env, int argc, char **argv)
{
    const char **incs = xcalloc((size_t)argc + 1, sizeof *incs);
    size_t ninc = 0;
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { fputs(usage, stdout); goto out; }
        if (!strcmp(argv[i], "--stdio")) continue;
        if (!strcmp(argv[i], "-I") && i + 1 < argc) { incs[ninc++] = argv[++i]; continue; }
        rc = cli_usage_error("lsp", "unknown argument %s", argv[i]);
        goto out;
    }
    compile_opts co = { 0 };
    cli_compile_opts(env, &co);
    lsp_config cfg;
    memset(&cfg, 0, sizeof cfg);
    memcpy(cfg.std_dirs, co.std_dirs, sizeof cfg.std_dirs);
    cfg.buckle_path = co.buckle_path;
    cfg.include_dirs = incs;
    cfg.ninclude = ninc;
    cfg.version = BUCKLE_VERSION;
    /* a client that goes away makes a write fail (EPIPE), not kill us */
    signal(SIGPIPE, SIG_IGN);
    rc = lsp_serve(&cfg, STDIN_FILENO, STDOUT_FILENO);
out:
    free(incs);
    return rc;
}
