/* target.c - compile --target landlock: the Landlock back end for review. */
#include "target.h"
#include "eval_common.h"
#include "../backend/landlock.h"
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

void target_landlock_json(compilation *c, int abi, strbuf *out)
{
    decider *d = decider_new(c, NULL, 0);
    char ld[PATH_MAX];
    backend_in in = { .c = c, .d = d, .abi = abi, .host_map = compile_platform(c) == PLAT_MACOS,
                      .interp = eval_system_loader(ld, sizeof ld) };
    backend_report rep = { 0 };
    backend_by_target("landlock")->compile(&in, out, &rep);
    backend_report_free(&rep);
    decider_free(d);
}
