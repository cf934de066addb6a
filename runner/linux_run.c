/* linux_run.c - `buckle run` on Linux: restrict this process with the
 * Landlock ruleset of the plan (no_new_privs first) and the seccomp filter
 * for what Landlock cannot control, close every descriptor above 2, then
 * execute the command in its place.  Nothing is left to clean up after the command
 * starts, so buckle does not stay in between: the command's status, its
 * signals and its terminal are its own (docs/linux.md). */
#define _GNU_SOURCE
#include "linux_run.h"
#include <errno.h>
#include <string.h>
#include <unistd.h>

int runner_landlock_exec(const ll_plan *p, int kernel_abi, const char *path, char *const argv[], arena *a, const char **why)
{
    int rs = ll_ruleset_create(p, a, why);
    if (rs < 0) return 125;
    unsigned flags = kernel_abi >= 7 ? p->restrict_flags : 0;
    int err = ll_restrict_self(rs, flags);
    close(rs);
    if (err) {
        *why = arena_printf(a, "cannot apply the Landlock ruleset: %s", strerror(err));
        return 125;
    }
    err = ll_seccomp_install(p->seccomp);
    if (err) {
        *why = arena_printf(a, "cannot apply the seccomp filter: %s", strerror(err));
        return 125;
    }
    /* descriptors the caller left open would reach what the profile denies */
    ll_close_inherited();
    execv(path, argv);
    int e = errno;
    *why = arena_printf(a, "cannot execute %s inside the sandbox: %s%s", path, strerror(e),
                        e == EACCES ? " (Landlock checks execute on the program and on its ELF interpreter, ld.so)" : "");
    return e == ENOENT ? 127 : 126;
}
