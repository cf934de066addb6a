/* options.h - one option parser for the commands (getopt_long): the
 * options they share are parsed, checked and canonicalized here, the same
 * way for every command; a command adds its own through a callback. */
#ifndef BUCKLE_OPTIONS_H
#define BUCKLE_OPTIONS_H
#include "cli.h"
#include "../sbpl/sbpl_eval.h"
#include <getopt.h>

/* long-option values of the shared options (a command's own start at OPT_OWN) */
enum {
    OPT_FORMAT = 0x100, OPT_SEVERITY, OPT_FAIL_ON, OPT_WERROR, OPT_STDIN_FILENAME, OPT_OWN = 0x200
};

typedef struct cli_opts {
    arena a;
    const char **incs;            /* -I DIR, -IDIR */
    size_t ninc;
    define *defs;                 /* -D NAME=VALUE, canonicalized by define_parse */
    sb_param *params;             /* the same values, as SBPL parameters */
    size_t ndef;
    diag_format fmt;              /* --format text|gcc|json|sarif (default text) */
    severity show, fail_on;       /* --severity (default style), --fail-on / --Werror (default error) */
    int fmt_set, show_set, fail_set;
    const char *stdin_name;       /* --stdin-filename */
    const char **pos;             /* the operands, in order */
    size_t npos;
} cli_opts;

/* A command's own options: called with getopt_long's value and argument;
 * returns 0, or non-zero after cli_usage_error (the exit status). */
typedef int (*cli_opt_fn)(void *ud, int opt, const char *arg);

/* Parses argv.  own/own_short: the command's options (may be NULL/""),
 * handled by fn.  Returns 0, -1 when --help was printed (usage), or the
 * exit status of a usage error (2). */
int cli_opts_parse(cli_opts *o, const char *cmd, const char *usage, int argc, char **argv,
                   const struct option *own, const char *own_short, cli_opt_fn fn, void *ud);
void cli_opts_free(cli_opts *o);
/* error, warning, info or style */
int cli_parse_level(const char *s, severity *out);
#endif
