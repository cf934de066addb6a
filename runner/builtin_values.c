/* builtin_values.c - the values `buckle run` takes for the built-in
 * parameters HOME, TMPDIR, WORKDIR and USER (docs/runner.md, "What a run
 * does"): one place for the run on either platform and for the commands
 * that answer as a run started here would (query --platform linux, why). */
#define _POSIX_C_SOURCE 200809L
#include "runner.h"
#include "dir_guard.h"
#include "home_guard.h"
#include "path_ident.h"
#include "run_profile.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* 1 when dir is a directory strictly above the directory p, by device
 * and inode (another name of it counts) */
static int strictly_above(const char *dir, const char *p)
{
    struct stat d, s;
    char buf[PATH_MAX];
    if (stat(dir, &d) != 0 || !S_ISDIR(d.st_mode) || !realpath(p, buf)) return 0;
    for (;;) {
        char *slash = strrchr(buf, '/');
        if (!slash || !buf[1]) return 0;
        if (slash == buf) buf[1] = 0;
        else *slash = 0;
        if (stat(buf, &s) == 0 && s.st_dev == d.st_dev && s.st_ino == d.st_ino) return 1;
    }
}

void runner_builtin_values(arena *a, const char *cwd, unsigned flags, run_builtins *out)
{
    memset(out, 0, sizeof *out);
    static const char *const names[RB_COUNT] = { [RB_HOME] = "HOME", [RB_TMPDIR] = "TMPDIR",
                                                 [RB_WORKDIR] = "WORKDIR", [RB_USER] = "USER" };
    for (int k = 0; k < RB_COUNT; k++) out->name[k] = names[k];

    /* HOME: the environment's, else the password database's */
    const char *home = getenv("HOME");
    if (!home && run_user_entry(a, &home, NULL) != 0) home = NULL;
    out->value[RB_HOME] = home;

    /* WORKDIR: the current directory */
    char buf[PATH_MAX];
    if (!cwd && getcwd(buf, sizeof buf)) cwd = arena_strdup(a, buf);
    out->value[RB_WORKDIR] = cwd;

    /* TMPDIR: the environment's; unset or empty, /tmp on macOS and
     * buckle's own directory on Linux (runner_own_tmpdir) */
    const char *tmp = getenv("TMPDIR");
    /* on Linux a TMPDIR every user may write (TMPDIR=/tmp, /var/tmp,
     * /dev/shm) is taken as unset: a grant of $TMPDIR would reach what
     * the user's other programs keep there */
    struct stat st;
    if (tmp && *tmp && (flags & RB_OWN_TMPDIR) && stat(tmp, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & S_IWOTH)) {
        out->shared_tmpdir = tmp;
        tmp = NULL;
    }
    /* and one above the working directory too: a grant of $TMPDIR would let
     * the command make what tools run in the project take from the
     * directories above it (eslint.config.js, conftest.py, package.json) */
    if (tmp && *tmp && (flags & RB_OWN_TMPDIR) && cwd && strictly_above(tmp, cwd)) {
        out->above_tmpdir = tmp;
        tmp = NULL;
    }
    /* any other TMPDIR of the user's (~/tmp, pam_tmpdir's /tmp/user/UID)
     * not at or inside the working directory: buckle's own directory in
     * it, not the directory itself, which the user's programs outside any
     * sandbox keep their caches in (and which would be every run's).  One
     * that names no directory, is relative or goes through a link is taken
     * as it is (and refused as one when the profile uses it), and so is
     * one at or above the home directory, inside its start-up directories
     * (~/.config) or where a run refuses a grant (a system directory, one
     * of PATH, a git directory): nothing is made there, and a profile that
     * writes it is refused (home_guard.c, dir_guard.c) */
    if (tmp && tmp[0] == '/' && (flags & RB_OWN_TMPDIR) && stat(tmp, &st) == 0 && S_ISDIR(st.st_mode) &&
        !runner_path_value_problem(a, tmp) && !(cwd && runner_at_or_above(cwd, tmp)) &&
        !runner_home_guarded(a, tmp, home) && !runner_dir_guarded(a, tmp)) {
        out->private_tmpdir = tmp;
        tmp = NULL;
    }
    if (!tmp || !*tmp) {
        if (flags & RB_OWN_TMPDIR) {
            const char *why = NULL;
            tmp = runner_own_tmpdir(a, out->private_tmpdir, (flags & RB_MAKE_TMPDIR) != 0, &why);
            out->own_tmpdir = 1;
            if (why) {
                out->why[RB_TMPDIR] =
                    out->private_tmpdir
                        ? arena_printf(a, "buckle's temporary directory in TMPDIR %s is not safe: %s; set TMPDIR to "
                                          "a directory of your own (or leave it unset)", out->private_tmpdir, why)
                    : out->above_tmpdir
                        ? arena_printf(a, "TMPDIR %s is above the working directory and buckle's own temporary "
                                          "directory is not safe: %s; set TMPDIR to a directory of your own that "
                                          "does not hold the project", out->above_tmpdir, why)
                        : arena_printf(a, "TMPDIR is unset and buckle's own temporary directory is not safe: %s; set "
                                          "TMPDIR to a directory of your own", why);
                tmp = runner_own_tmpdir(a, out->private_tmpdir, 0, &why);
            }
        } else {
            tmp = "/tmp";
        }
    }
    out->value[RB_TMPDIR] = tmp;


    /* USER: the environment's, else the password database's (looked up
     * here only when asked: it can cost more than the rest of a cached
     * macOS run, which looks it up when the profile needs it) */
    const char *user = getenv("USER");
    if (!user && (flags & RB_LOOKUP_USER) && run_user_entry(a, NULL, &user) != 0) user = NULL;
    out->value[RB_USER] = user;
}

const char *runner_builtin_linux_problem(arena *a, const run_builtins *b, int k)
{
    if (b->why[k]) return b->why[k];
    const char *why = runner_builtin_problem(b->name[k], b->value[k]);
    if (!why && k != RB_USER) why = runner_path_value_problem(a, b->value[k]);
    return why;
}
