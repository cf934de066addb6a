/* target.h - the back end a command compiles for (--target, --platform). */
#ifndef BUCKLE_TARGET_H
#define BUCKLE_TARGET_H
#include "cli.h"

/* Checks compile's --target, --landlock-abi and --emit together: 0 with
 * *abi set (0: SBPL; 1..7: Landlock at that ABI), or 2 after a usage error. */
int target_check(const char *target, const char *abi_arg, const char *emit, int *abi);
/* The Landlock plan of c (compiled from file, with -I incs) as JSON, with
 * the test values, declared defaults and -D (as query uses), and the
 * read-only mounts a run makes of buckle's own files (the profile and its
 * bases) where a grant reaches them; warns when a built-in parameter the
 * plan uses keeps its test value, which names no place of this machine. */
void target_landlock_json(cli_env *env, compilation *c, const char *file, const char **incs, size_t ninc, int abi,
                          unsigned accept, strbuf *out);
/* --landlock-abi's value: 1..7, or 0 when it is not one. */
int target_abi_parse(const char *s);
#endif
