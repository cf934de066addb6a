/* eval_common.h - shared by query and test: options and request building. */
#ifndef BUCKLE_EVAL_COMMON_H
#define BUCKLE_EVAL_COMMON_H
#include "cli.h"
#include "../backend/crosscheck.h"

typedef struct eval_args {
    const char **incs;
    size_t ninc;
    define *defs;
    size_t ndef;
    sb_param *params;          /* -D as sb_param too */
    const char *vnode;
    const char **pos;          /* positional arguments */
    size_t npos;
    int break_order;
    arena a;
} eval_args;

/* Parses -I, -D, --vnode-type, --test-break-order; returns 0, or an exit code. */
int eval_args_parse(eval_args *ea, const char *cmd, const char *usage, int argc, char **argv);
void eval_args_free(eval_args *ea);
/* Compiles file (diagnostics to stderr) and prepares both evaluations.
 * NULL with *rc set when it does not compile or a parameter has no value. */
crosscheck *eval_open(cli_env *env, eval_args *ea, const char *cmd, const char *file, int *rc);
void eval_close(crosscheck *x);      /* the crosscheck and its compilation */
#endif
