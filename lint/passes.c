/* passes.c - the pass registry: every lint pass, in the order they run,
 * with the views they run on (a .buckle file after merge, an .sb file). */
#include "rules.h"

static const lint_pass passes[] = {
    { "version", LINT_ON_SB, lint_pass_version },
    { "default", LINT_ON_BOTH, lint_pass_default },
    { "keychain", LINT_ON_BOTH, lint_pass_keychain },
    { "mach", LINT_ON_BOTH, lint_pass_mach },
    { "files", LINT_ON_BOTH, lint_pass_files },
    { "policy", LINT_ON_BOTH, lint_pass_policy },
    { "sbpl-forms", LINT_ON_SB, lint_pass_sbpl_forms },
    { "overlap", LINT_ON_SB, lint_pass_overlap },
    { "mistakes", LINT_ON_BOTH, lint_pass_mistakes },
    { "raw-blocks", LINT_ON_BUCKLE, lint_pass_raw_blocks },
};

const lint_pass *lint_passes(size_t *n)
{
    *n = sizeof passes / sizeof passes[0];
    return passes;
}
