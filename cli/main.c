/* main.c - buckle's entry point: the command table, and dispatch. */
#include "cli.h"
#include "../seatbelt/ops.h"
#include <string.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/auxv.h>
#endif

/* Every command, in the order `buckle --help` lists them. */
static const cli_command commands[] = {
    { "compile", cmd_compile, "compile a .buckle profile to SBPL" },
    { "query", cmd_query, "the decision for one request, and the rule that made it" },
    { "test", cmd_test, "run the test blocks of profiles against both evaluations" },
    { "lint", cmd_lint, "check .buckle and .sb files against the rule catalogue" },
    { "fmt", cmd_fmt, "print profiles in the canonical layout (--check for CI)" },
    { "lsp", cmd_lsp, "the language server for editors (stdio)" },
    { "explain", cmd_explain, "what a lint rule checks and why" },
    { "rules", cmd_rules, "the rule catalogue" },
    { "run", cmd_run, "run a command under a profile (sandbox-exec on macOS, Landlock on Linux)" },
    { "why", cmd_why, "the denials of a sandbox log, explained by a profile" },
    { "diff", cmd_diff, "the requests whose decision differs between two profiles" },
    { "import", cmd_import, "an .sb profile or srt's settings as a .buckle profile" },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *to)
{
    fputs("buckle " BUCKLE_VERSION " - compiler, linter and runner for macOS sandbox profiles\n"
          "\n"
          "usage: buckle COMMAND [OPTIONS] ...\n"
          "\n"
          "commands:\n", to);
    for (size_t i = 0; i < NCOMMANDS; i++) fprintf(to, "  %-9s %s\n", commands[i].name, commands[i].help);
    fputs("\n"
          "  buckle --version | --help | COMMAND --help\n"
          "\n"
          "Exit status: 0 success, 1 the input has errors, 2 usage error or unreadable input.\n", to);
}

/* Started set-user-ID or set-group-ID (or, on Linux, with file
 * capabilities): every file buckle reads (its diagnostics quote them) and
 * every command it runs would be its owner's, for any user who starts it. */
static int privileged_start(void)
{
#if defined(__linux__)
    if (getauxval(AT_SECURE)) return 1;
#elif defined(__APPLE__)
    if (issetugid()) return 1;
#endif
    return getuid() != geteuid() || getgid() != getegid();
}

int main(int argc, char **argv)
{
    if (privileged_start()) {
        fputs("buckle: error: buckle was started set-user-ID or set-group-ID (or with file capabilities): it would "
              "read every file and run every command as its owner for whoever starts it; install it without "
              "(chmod u-s,g-s; setcap -r); nothing was done\n", stderr);
        _exit(125);       /* nothing else runs either, exit handlers included */
    }
    cli_env env;
    cli_env_init(&env, argc > 0 ? argv[0] : "buckle");
    if (argc < 2) { usage(stderr); return 2; }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        puts("buckle " BUCKLE_VERSION);
        return 0;
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, cmd) == 0) return commands[i].fn(&env, argc - 1, argv + 1);
    const char *near = NULL;
    for (size_t i = 0; i < NCOMMANDS && !near; i++)
        if (edit_distance(cmd, commands[i].name, 2) <= 2) near = commands[i].name;
    if (near) cli_error(NULL, "unknown command '%s'; did you mean '%s'?", cmd, near);
    else cli_error(NULL, "unknown command '%s'", cmd);
    fputs("Try 'buckle --help'.\n", stderr);      /* usage text */
    return 2;
}
