/* cli.h - what the commands share: the environment, printing, atomic writes,
 * and the command table (main.c); option parsing is options.h. */
#ifndef BUCKLE_CLI_H
#define BUCKLE_CLI_H
#include "../compiler/compile.h"
#include <limits.h>
#include <stdio.h>

typedef struct cli_env {
    const char *argv0;
    const char *exe_path;        /* this executable, resolved (run cache key); "" if unknown */
    const char *std_dirs[STD_DIRS_MAX];  /* standard library candidates, NULL-terminated */
    char store[STD_DIRS_MAX * (PATH_MAX + 32)];   /* the strings above */
} cli_env;

void cli_env_init(cli_env *env, const char *argv0);
/* Standard library directories and $BUCKLE_PATH into o. */
void cli_compile_opts(const cli_env *env, compile_opts *o);
/* The same for lint. */
struct lint_opts;
void cli_lint_opts(const cli_env *env, struct lint_opts *o);
/* Renders the diagnostics of l to stderr as text (colour on a terminal). */
void cli_print_diags(diag_list *l, FILE *to);
/* One diagnostic without a location through the renderer, to standard
 * error: "buckle CMD: error: MSG" (cmd NULL: "buckle: error: MSG"). */
void cli_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void cli_warning(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void cli_note(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The same, diagnostics without a location attributed to who ("buckle run") */
void cli_print_diags_as(diag_list *l, FILE *to, const char *who);
/* Writes data to path atomically (temp file + rename); "-" = stdout.
 * Returns 0, or -1 with a message on stderr. */
int cli_write_file(const char *path, const char *data, size_t len);
/* 1 when out (an -o argument other than "-") names the same file as in: the
 * output would replace its own input */
int cli_same_file(const char *out, const char *in);
/* The same in pieces: a temp file beside path, renamed over it by commit
 * (which also gives it the umask's mode); abort removes it.  A path that is
 * a device or a pipe (/dev/null, a FIFO) is written directly ("direct"), and
 * cannot be rewound.  Each returns 0, or -1 with a message on stderr; after a
 * failed write the rest do nothing and commit aborts. */
typedef struct cli_out { const char *path; char *tmp; int fd; int failed; int direct; } cli_out;
int cli_out_open(cli_out *o, const char *path);
int cli_out_write(cli_out *o, const char *data, size_t len);
int cli_out_rewind(cli_out *o);        /* empty it again */
int cli_out_commit(cli_out *o);
void cli_out_abort(cli_out *o);
/* A usage error: cli_error with a help line naming CMD --help; returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

int cmd_compile(cli_env *env, int argc, char **argv);
int cmd_query(cli_env *env, int argc, char **argv);
int cmd_test(cli_env *env, int argc, char **argv);
int cmd_lint(cli_env *env, int argc, char **argv);
int cmd_explain(cli_env *env, int argc, char **argv);
int cmd_rules(cli_env *env, int argc, char **argv);
int cmd_run(cli_env *env, int argc, char **argv);
int cmd_fmt(cli_env *env, int argc, char **argv);
int cmd_lsp(cli_env *env, int argc, char **argv);
int cmd_why(cli_env *env, int argc, char **argv);
int cmd_diff(cli_env *env, int argc, char **argv);
int cmd_import(cli_env *env, int argc, char **argv);

/* The commands (main.c): name, handler and the line of `buckle --help`. */
typedef struct cli_command {
    const char *name;
    int (*fn)(cli_env *, int, char **);
    const char *help;
} cli_command;
int is_sb_path(const char *path);
#endif
