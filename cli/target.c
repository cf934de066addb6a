/* target.c - compile --target landlock: the Landlock back end for review. */
#include "target.h"
#include "eval_common.h"
#include "../backend/landlock.h"
#include "../grammar/builtin_params.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>

int target_abi_parse(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    return *s && !*end && v >= 1 && v <= LL_ABI_MAX ? (int)v : 0;
}

int target_check(const char *target, const char *abi_arg, const char *emit, int *abi)
{
    *abi = 0;
    const backend_desc *b = backend_by_target(target);
    if (!b) return cli_usage_error("compile", "--target takes sbpl or landlock, not %s", target);
    if (!strcmp(b->target, "sbpl")) {
        if (abi_arg) return cli_usage_error("compile", "--landlock-abi needs --target landlock");
        return 0;
    }
    if (strcmp(emit, "sbpl")) return cli_usage_error("compile", "--target landlock prints its ruleset as JSON: no --emit");
    *abi = abi_arg ? target_abi_parse(abi_arg) : LL_ABI_MAX;
    if (!*abi) return cli_usage_error("compile", "--landlock-abi takes 1 to %d, not %s", LL_ABI_MAX, abi_arg);
    return 0;
}

void target_landlock_json(cli_env *env, compilation *c, const char *file, const char **incs, size_t ninc, int abi,
                          unsigned accept, strbuf *out)
{
    decider *d = decider_new(c, NULL, 0);
    /* a test value is a place of the test machine, not of this one */
    strbuf tv;
    sb_init(&tv);
    for (size_t i = 0; i < NBUILTIN_PARAMS; i++) {
        const builtin_param *bp = &builtin_params[i];
        const char *v = decider_value(d, bp->name);
        if (bp->is_path && v && !strcmp(v, bp->test_value)) sb_printf(&tv, "%s%s=%s", tv.len ? ", " : "", bp->name, v);
    }
    if (tv.len)
        cli_warning("compile", "planned with the built-in test values %s, which no run has (buckle run takes them from "
                               "its environment and working directory): pass -D NAME=VALUE for the ruleset a run here "
                               "applies", tv.data);
    sb_free(&tv);
    /* buckle's own files, as a run protects them (read-only mounts where a
     * grant reaches them), and the run cache's other plans */
    arena a;
    arena_init(&a);
    eval_args ea;
    memset(&ea, 0, sizeof ea);
    ea.incs = incs;
    ea.ninc = ninc;
    size_t nprot, nhide;
    const char *const *hide;
    const char **prot = file && strcmp(file, "-") ? eval_run_protected(env, &a, &ea, c, file, &nprot, &hide, &nhide) : NULL;
    if (!prot) { nprot = nhide = 0; hide = NULL; }
    char ld[PATH_MAX];
    backend_in in = { .c = c, .d = d, .abi = abi, .accept = accept, .host_map = compile_platform(c) == PLAT_MACOS,
                      .interp = eval_system_loader(ld, sizeof ld), .mounts = ll_userns_usable(), .protect = prot,
                      .nprotect = nprot, .hide = hide, .nhide = nhide };
    backend_report rep = { 0 };
    backend_by_target("landlock")->compile(&in, out, &rep);
    backend_report_free(&rep);
    decider_free(d);
    arena_free(&a);
}
