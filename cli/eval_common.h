/* eval_common.h - shared by query, test, diff and why: options and the
 * compiled profile with both evaluations. */
#ifndef BUCKLE_EVAL_COMMON_H
#define BUCKLE_EVAL_COMMON_H
#include "options.h"
#include "../backend/crosscheck.h"
#include "../backend/landlock.h"

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
    platform_t platform;       /* the compilation's target (--platform) */
    int ll_abi;                /* PLAT_LINUX: the Landlock ABI answers are for */
    const sb_param *run_vals;  /* values after -D (eval_run_values), for the decider only */
    size_t nrun;
    arena a;
    cli_opts co;               /* what the fields above point into */
    const char *cmd;           /* for usage errors */
    cli_opt_fn fn;             /* the command's own options */
    void *ud;
} eval_args;

/* Parses -I, -D, --vnode-type (one of the file types of request.h, in any
 * case; ea->vnode is its upper-case spelling), --test-break-order and the command's own
 * options (own, ending with a row of key 0, handled by fn; own may be
 * NULL); returns 0, -1 after --help, or an exit code.  eval_args_free in
 * every case. */
int eval_args_parse(eval_args *ea, const char *cmd, const char *usage, int argc, char **argv,
                    const cli_opt *own, cli_opt_fn fn, void *ud);
/* The same, also taking the shared options in extra (CLI_PLATFORM: then
 * ea->platform and ea->ll_abi are set). */
int eval_args_parse_with(eval_args *ea, const char *cmd, const char *usage, unsigned extra, int argc, char **argv,
                         const cli_opt *own, cli_opt_fn fn, void *ud);
void eval_args_free(eval_args *ea);
/* Compiles file (diagnostics to stderr) and prepares both evaluations.
 * NULL with *rc set when it does not compile or a parameter has no value. */
crosscheck *eval_open(cli_env *env, eval_args *ea, const char *cmd, const char *file, int *rc);
void eval_close(crosscheck *x);      /* the crosscheck and its compilation */
/* The dynamic loader a usual command has (that of /bin/sh, resolved), or
 * NULL: query and test on Linux plan as `buckle run` does for such a
 * command. */
const char *eval_system_loader(char *buf, size_t n);
/* The Landlock plan of x's compilation at ABI abi, as `buckle run` would
 * make it in this process (its /proc/PID stands for the command's) with
 * ea's --linux-accept classes, in a (ll_plan_free); returns whether
 * profile paths map to host paths. */
int eval_linux_plan(const eval_args *ea, crosscheck *x, int abi, arena *a, ll_plan *p);
/* The built-in parameters HOME, USER, TMPDIR, WORKDIR (in this order) as
 * a Linux `buckle run` takes them here (runner_builtin_values; a value
 * that run would refuse as not canonical, its real path): up to RB_COUNT
 * in out, strings in a; returns how many (a value there is none of is left
 * out). */
size_t eval_run_builtins(arena *a, sb_param *out);
/* Those -D does not give: set as ea->run_vals and written as
 * "NAME=VALUE, ..." to said (in ea->a); returns how many. */
size_t eval_run_values(eval_args *ea, const char **said);
/* The paths `buckle run file` keeps unwritable and hides, as the run works
 * them out (its sources, the extends candidates, the run cache). */
const char **eval_run_protected(cli_env *env, arena *a, const eval_args *ea, const compilation *c, const char *file,
                                size_t *n, const char *const **hide, size_t *nhide);
/* how a run keeps its own files unwritable, said beside them */
#define EVAL_PROTECT_HOW "a read-only mount where the command gets a mount namespace of its own, " \
                         "else the directories above it granted entry by entry"
/* The path of prot (nprot paths a run keeps unwritable) at host, below it
 * or beside it (in its directory), or NULL: what may close a write there. */
const char *eval_protected_near(const char *const *prot, size_t nprot, const char *host);
/* The Landlock plan's answer for q (0 allow, 1 deny, 2 not controlled), as
 * `buckle query --platform linux` gives it: c and d planned at ABI abi with
 * the paths a run of file protects and ea's --linux-accept classes; *why
 * (in out) names the grant or its absence. */
int eval_linux_decide(cli_env *env, const eval_args *ea, const char *file, compilation *c, decider *d, int abi,
                      const sb_request *q, arena *out, const char **why);
#endif
