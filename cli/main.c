/* main.c - buckle's entry point: dispatch to a subcommand. */
#include "cli.h"
#include "../seatbelt/ops.h"
#include <string.h>

static const char usage[] =
    "buckle " BUCKLE_VERSION " - compiler, linter and runner for macOS sandbox profiles\n"
    "\n"
    "usage: buckle COMMAND [OPTIONS] ...\n"
    "\n"
    "commands:\n"
    "  compile   compile a .buckle profile to SBPL\n"
    "  query     the decision for one request, and the rule that made it\n"
    "  test      run the test blocks of profiles against both evaluations\n"
    "  lint      check .buckle and .sb files against the rule catalogue\n"
    "  fmt       print profiles in the canonical layout (--check for CI)\n"
    "  lsp       the language server for editors (stdio)\n"
    "  explain   what a lint rule checks and why\n"
    "  rules     the rule catalogue\n"
    "  run       run a command under a profile with sandbox-exec (macOS)\n"
    "  why       explain the denials of a sandbox log by the profile's rules\n"
    "  diff      the requests whose decision changes between two profiles\n"
    "  import    an .sb profile or srt's settings as a .buckle profile\n"
    "\n"
    "  buckle --version | --help | COMMAND --help\n"
    "\n"
    "Exit status: 0 success, 1 the input has errors, 2 usage error or unreadable input.\n";

typedef struct command { const char *name; int (*fn)(cli_env *, int, char **); } command;

static const command commands[] = {
    { "compile", cmd_compile },
    { "query", cmd_query },
    { "test", cmd_test },
    { "lint", cmd_lint },
    { "fmt", cmd_fmt },
    { "lsp", cmd_lsp },
    { "explain", cmd_explain },
    { "rules", cmd_rules },
    { "run", cmd_run },
    { "why", cmd_why },
    { "diff", cmd_diff },
    { "import", cmd_import },
};

int main(int argc, char **argv)
{
    cli_env env;
    cli_env_init(&env, argc > 0 ? argv[0] : "buckle");
    if (argc < 2) { fputs(usage, stderr); return 2; }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        puts("buckle " BUCKLE_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, cmd) == 0) return commands[i].fn(&env, argc - 1, argv + 1);
    fprintf(stderr, "buckle: error: unknown command '%s'", cmd);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (edit_distance(cmd, commands[i].name, 2) <= 2) { fprintf(stderr, "; did you mean '%s'?", commands[i].name); break; }
    fputs("\nTry 'buckle --help'.\n", stderr);
    return 2;
}
