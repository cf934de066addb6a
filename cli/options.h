/* options.h - the one option parser of the commands (getopt_long).
 *
 * A command describes its options in a table of cli_opt rows and names the
 * shared options it accepts (CLI_INCLUDE, ...); the parser builds getopt's
 * short and long lists from them, so every command accepts the same
 * spellings: -I DIR, -IDIR, --include DIR, --include=DIR, -D N=V, -DN=V,
 * --define=N=V, --name=VALUE and --name VALUE.  Shared options are parsed,
 * checked and canonicalized here; the command's own rows reach its callback,
 * a row with choices only with a value among them.  argv is never written
 * (operands are returned in order, not permuted).  Errors are rendered as
 * "buckle CMD: error: ..." by the diagnostic renderer. */
#ifndef BUCKLE_OPTIONS_H
#define BUCKLE_OPTIONS_H
#include "cli.h"
#include "../seatbelt/request.h"

/* the keys of the shared options; a command's own keys are short letters or
 * values from OPT_OWN on */
enum {
    OPT_FORMAT = 0x100, OPT_SEVERITY, OPT_FAIL_ON, OPT_WERROR, OPT_STDIN_FILENAME,
    OPT_TARGET_PLATFORM, OPT_LANDLOCK_ABI, OPT_LINUX_ACCEPT,
    OPT_INCLUDE = 'I', OPT_DEFINE = 'D', OPT_OWN = 0x200
};

/* the shared options a command accepts (cli_spec.shared) */
enum {
    CLI_INCLUDE = 1,       /* -I DIR, --include DIR */
    CLI_DEFINE = 2,        /* -D NAME=VALUE, --define NAME=VALUE */
    CLI_DIAG_FORMAT = 4,   /* --format text|gcc|json|sarif */
    CLI_LEVELS = 8,        /* --severity, --fail-on, --Werror */
    CLI_STDIN_NAME = 16,   /* --stdin-filename NAME */
    CLI_PLATFORM = 32      /* --platform macos|linux, --landlock-abi N */
};

/* One option: long name (NULL: none), key (a short letter, or a value from
 * OPT_OWN on for a long-only option), whether it takes a value, and the
 * values it takes ("text|tap|junit"; NULL: any). */
typedef struct cli_opt {
    const char *name;
    int key;
    int has_arg;
    const char *choices;
} cli_opt;

/* key of the operands for cli_spec.operand */
#define CLI_OPERAND 1

/* A command's own options: called with the row's key, its value (NULL
 * without one) and, for a row with choices, the index of the value among
 * them (else -1).  Returns 0, or non-zero after cli_opt_error (the exit
 * status). */
typedef int (*cli_opt_fn)(void *ud, int key, const char *arg, int choice);

typedef struct cli_spec {
    const char *cmd;            /* "compile": errors say "buckle compile: ..." */
    const char *usage;          /* printed by --help */
    unsigned shared;            /* CLI_* */
    const cli_opt *own;         /* ends with a row of key 0; may be NULL */
    cli_opt_fn fn;              /* the own rows; may be NULL without them */
    void *ud;
    int usage_rc;               /* exit status of a usage error: 0 means 2 */
    /* when set, each operand before "--" is given to fn as CLI_OPERAND
     * instead of being kept (a command that takes a command line after
     * its operands can refuse a second one) */
    int operand;
} cli_spec;

typedef struct cli_opts {
    arena a;
    const char **incs;            /* -I */
    size_t ninc;
    define *defs;                 /* -D NAME=VALUE, canonicalized by define_parse */
    sb_param *params;             /* the same values, as SBPL parameters */
    const char **def_raw;         /* the values as given */
    size_t ndef;
    diag_format fmt;              /* --format text|gcc|json|sarif (default text) */
    severity show, fail_on;       /* --severity (default style), --fail-on / --Werror (default error) */
    int fmt_set, show_set, fail_set;
    const char *stdin_name;       /* --stdin-filename */
    platform_t platform;          /* --platform: PLAT_MACOS (the default) or PLAT_LINUX */
    int ll_abi;                   /* PLAT_LINUX: --landlock-abi, else the kernel's ABI, else
                                   * the newest buckle knows; 0 for macOS */
    const char *ll_abi_arg;       /* --landlock-abi as given */
    unsigned linux_accept;        /* PLAT_LINUX: --linux-accept, the classes (LLC_*) accepted */
    const char *linux_accept_arg; /* --linux-accept as given */
    const char **pos;             /* the operands, in order */
    size_t npos;
    int rest;                     /* index in argv of the first argument after "--"; argc if none */
    int dashdash;                 /* "--" was given */
} cli_opts;

/* Parses argv (argv[0] is the command's name).  Returns 0; -1 when --help
 * printed the usage; or the exit status of a usage error.  cli_opts_free
 * in every case. */
int cli_opts_parse(cli_opts *o, const cli_spec *s, int argc, char **argv);
void cli_opts_free(cli_opts *o);
/* error, warning, info or style */
int cli_parse_level(const char *s, severity *out);
/* --linux-accept=a,b into *set (LLC_* bits); 0, or an exit code after a
 * usage error of cmd */
int cli_parse_accept(const char *cmd, const char *list, unsigned *set);
#endif
