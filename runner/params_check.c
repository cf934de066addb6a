/* params_check.c - the built-in parameters (HOME, TMPDIR, WORKDIR, USER) come
 * from the environment, not from the command line, and are checked at least
 * as strictly as -D values: a profile that says "$HOME/.cache" must not end
 * up granting "/.cache" or the whole disk because HOME was unset or empty. */
#include "runner.h"
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

static const char root_problem[] = "it is the root directory (rules below it would cover the whole disk)";

const char *runner_define_problem(const char *value) { return !strcmp(value, "/") ? root_problem : NULL; }

const char *runner_builtin_problem(const char *name, const char *value)
{
    if (!value) return "it is not set";
    if (!*value) return "it is empty";
    for (const char *p = value; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) return "it contains a control character";
    if (!strcmp(name, "USER")) {
        if (strchr(value, '/')) return "it contains '/'";
        if (!strcmp(value, ".") || !strcmp(value, "..")) return "it is not a user name";
        return NULL;
    }
    if (value[0] != '/') return "it is not an absolute path";
    if (!strcmp(value, "/")) return root_problem;
    /* canonical: no empty, "." or ".." component, no trailing slash */
    for (const char *p = value; *p;) {
        const char *c = p + 1, *e = strchr(c, '/');
        size_t n = e ? (size_t)(e - c) : strlen(c);
        if (n == 0 || (n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.'))
            return "it is not a canonical path";
        p = c + n;
    }
    return NULL;
}

const char *runner_path_value_problem(arena *a, const char *value)
{
    if (value[0] != '/') return NULL;
    if (!strcmp(value, "/")) return NULL;
    for (const char *p = value; *p;) {
        const char *c = p + 1, *e = strchr(c, '/');
        size_t n = e ? (size_t)(e - c) : strlen(c);
        if (n == 0 || (n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.'))
            return "it is not a canonical path (no empty, \".\" or \"..\" component, no trailing /)";
        p = c + n;
    }
    /* every component as it is now: a link would let whoever can replace
     * it decide what the value grants */
    for (const char *p = value; *p;) {
        const char *e = strchr(p + 1, '/');
        size_t n = e ? (size_t)(e - value) : strlen(value);
        const char *prefix = arena_strndup(a, value, n);
        struct stat st;
        if (lstat(prefix, &st) != 0) return errno == ENOENT ? NULL : arena_printf(a, "%s cannot be examined", prefix);
        if (S_ISLNK(st.st_mode))
            return n == strlen(value) ? "it is a symbolic link (pass the path it leads to)"
                                      : arena_printf(a, "it passes through the symbolic link %s (pass the path it leads to)", prefix);
        p = value + n;
    }
    return NULL;
}
