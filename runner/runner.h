/* runner.h - `buckle run`: write the profile where nothing inside the
 * sandbox can touch it, run /usr/bin/sandbox-exec -f FILE, clean up, and pass
 * the command's status through (docs/runner.md). */
#ifndef BUCKLE_RUNNER_H
#define BUCKLE_RUNNER_H
#include "../support/strbuf.h"
#include "../support/hashmap.h"
#include "../support/arena.h"
#include "../sbpl/sbpl_eval.h"
#include <stdint.h>
#include <sys/types.h>

#define RUNNER_SANDBOX_EXEC "/usr/bin/sandbox-exec"
#define RUNNER_STALE_SECONDS 300

/* ---- directories (profile_dir.c) ---------------------------------------- */

/* A directory of ours that only we can write: DIR = realpath(parent)/NAME,
 * created 0700 if missing, opened with O_DIRECTORY|O_NOFOLLOW and checked
 * with fstat (a real directory, ours, no group/other access), every ancestor
 * checked too (owned by root or us, not writable by group or others unless
 * sticky, and on macOS no ACL that lets another user write).  Returns an open
 * descriptor (the caller closes it) and the path in out, or -1 with *why. */
int runner_dir_open(const char *parent, const char *name, char *out, size_t outlen, const char **why);
/* ---- the built-in parameters' values (builtin_values.c) ---------------- */

/* What `buckle run` takes here for HOME, TMPDIR, WORKDIR and USER, in this
 * order: HOME the environment's, else the password database's; TMPDIR the
 * environment's, else (unset or empty) /tmp, or with RB_OWN_TMPDIR (Linux)
 * buckle's own directory in /tmp, which also replaces a TMPDIR every user
 * may write or one above cwd, and in any other TMPDIR not at or inside cwd
 * buckle's own directory in it (runner_own_tmpdir; made with RB_MAKE_TMPDIR);
 * WORKDIR cwd (the current directory when NULL); USER the environment's,
 * else with RB_LOOKUP_USER the password database's.  value NULL: none.
 * why: a reason found while reading (TMPDIR's own directory not safe);
 * the values are not checked otherwise (runner_builtin_problem).  The one
 * place: runs on both platforms, query and why take their values here. */
enum { RB_HOME, RB_TMPDIR, RB_WORKDIR, RB_USER, RB_COUNT };
enum { RB_OWN_TMPDIR = 1, RB_MAKE_TMPDIR = 2, RB_LOOKUP_USER = 4 };
typedef struct run_builtins {
    const char *name[RB_COUNT], *value[RB_COUNT], *why[RB_COUNT];
    int own_tmpdir;               /* TMPDIR is buckle's own (the environment had none, or one set aside) */
    const char *shared_tmpdir;    /* the environment's TMPDIR, left out: every user may write it */
    const char *above_tmpdir;     /* the environment's TMPDIR, left out: it is above the working directory */
    const char *private_tmpdir;   /* the environment's TMPDIR, not granted: buckle's own is made in it */
} run_builtins;
void runner_builtin_values(arena *a, const char *cwd, unsigned flags, run_builtins *out);
/* Why a Linux run cannot use value k (why, runner_builtin_problem, and for
 * a path runner_path_value_problem: canonical, no link on its way), or NULL. */
const char *runner_builtin_linux_problem(arena *a, const run_builtins *b, int k);

/* "buckle-profiles-UID" and "buckle-cache-UID" */
void runner_dir_name(char *out, size_t n, const char *what);
/* The temporary directory of Linux runs: parent/buckle-tmp-UID.  parent
 * NULL (TMPDIR unset or empty, or one the run sets aside): /tmp, not /tmp
 * itself, which the user's programs outside any sandbox share
 * (docs/runner.md); else the user's own TMPDIR, not that directory itself,
 * which the user's programs keep their files in.  Each run's is a
 * directory in it (run_tmpdir.h).  The path, in a; with make, the
 * directory is also made (runner_dir_open) and NULL returned with *why
 * when it is not safe. */
const char *runner_own_tmpdir(arena *a, const char *parent, int make, const char **why);
/* Where the run cache lives (docs/runner.md, "Where the files live"):
 * HOOK/buckle-cache-UID when the tests name a parent; on macOS
 * /tmp/buckle-cache-UID; elsewhere buckle in .cache of the home directory
 * the password database gives this user (not $HOME nor $XDG_CACHE_HOME:
 * every run of the user must find, and protect, the same one).  Strings in
 * a; -1 when there is none (no home directory). */
typedef struct cache_where { const char *parent, *name; int make_parent; } cache_where;
int runner_cache_where(arena *a, const char *hook, cache_where *w);
/* runner_dir_open on it, making its parent (the home's .cache, 0700) first
 * when it is missing. */
int runner_cache_open(const cache_where *w, char *out, size_t outlen, const char **why);
/* Removes buckle-*.sb files of this naming pattern older than max_age seconds
 * and run cache entries older than cache_max_age; nothing else. */
int profile_dir_sweep(int dirfd, long max_age, long cache_max_age);

/* Creates buckle-PID-TIME-RANDOM.sb in the open directory dirfd (openat,
 * O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600), writes data (len bytes), then the
 * len2 bytes at off in the open file src when src >= 0 (a run cache entry:
 * *digest receives their digest as they pass), then tail, and closes it.
 * The name is written to name.  Returns 0 or -1 (errno). */
typedef struct profile_parts {
    const char *head;             /* in memory, or NULL */
    size_t head_len;
    int src;                      /* a run cache entry, or -1 */
    uint64_t src_off;
    size_t src_len;
    uint64_t *src_digest;         /* NULL: copied without digesting (checked before) */
    const char *tail;             /* the protection rules */
    size_t tail_len;
} profile_parts;
int profile_file_write(int dirfd, const profile_parts *pp, char *name, size_t namelen);
int profile_name_matches(const char *name);

/* ---- protection (path_walk.c, protect.c) -------------------------------- */

typedef struct protect_list {
    arena *a;                     /* the caller's: holds the paths until it is freed */
    const char *cwd;              /* relative paths start here (physical) */
    strbuf whole, frame;          /* " (literal ...)" items */
    size_t nwhole, nframe;
    const char **whole_paths, **frame_paths;   /* the same, as paths */
    size_t wcap, fcap;
    hashmap seen_whole, seen_frame, dirs;
    /* missing components of a parameter's value: no creation as a link, no
     * rename or hard link onto them */
    const char **nolink_paths;
    size_t nnolink, ncap;
    hashmap seen_nolink;
} protect_list;

void protect_init(protect_list *pl, const char *cwd, arena *a);
void protect_free(protect_list *pl);   /* the tables; the paths stay in the arena */
/* Walks path (relative to cwd) component by component: directories met are
 * frames, links, the final file and missing components are protected whole. */
void protect_path(protect_list *pl, const char *path);
/* The same for a path-valued parameter: its last component, when it exists,
 * is a frame (no removal, rename or replacement; writing inside or into it
 * is the profile's business), a file included; a missing component and
 * everything below it cannot be created as a symbolic link, nor be the
 * target of a rename or a hard link. */
void protect_value(protect_list *pl, const char *path);
void protect_whole(protect_list *pl, const char *path);
/* "(regex ...)" matching path in every case of its ASCII letters */
void protect_fold_regex(strbuf *out, const char *path);
/* One "(regex ...)" matching each of paths in every case of its ASCII
 * letters, and nothing else (their common starts written once) */
void protect_fold_set_regex(strbuf *out, const char *const *paths, size_t n);

/* Appends the self-protection rules: every write under each of dirs, every
 * write on pl's whole paths, the frame operations on pl's frames.  Emitted
 * on concrete operation names and last, so they win under every precedence
 * model of Seatbelt. */
void runner_protection(strbuf *out, const char *const *dirs, size_t ndirs, const protect_list *pl);
/* The operations denied on a missing component of a parameter's value
 * (file-write-create only for a symbolic link) */
extern const char *const runner_nolink_ops[3];
/* 1 when op is one of the operations the rules deny on a whole path / a frame */
int runner_write_op(int op);
int runner_frame_op(int op);

/* ---- the evaluator's verdict before anything runs (verify.c) ----------- */

typedef struct verify_req {
    const char *text;             /* the whole profile as sandbox-exec will read it */
    size_t len;
    const char *name;             /* for locations: the .sb file, or "PROFILE (compiled)" */
    const sb_param *params;       /* the -D values sandbox-exec gets */
    size_t nparams;
    const char *const *import_dirs;
    size_t nimport;
    const char *const *dirs;      /* protected as subpaths */
    size_t ndirs;
    const protect_list *pl;
    const char *command;          /* the command's physical path, or NULL */
} verify_req;

enum { VERIFY_OK, VERIFY_UNREADABLE, VERIFY_REDEFINES, VERIFY_INCOMPLETE, VERIFY_UNPROTECTED, VERIFY_EXEC_DENIED };
/* Reads the profile and its imports (a syntax error or a control byte:
 * VERIFY_UNREADABLE, diagnostics in dl), scans them for definitions of reserved names (in
 * any case) and for forms that rebind names (set!, eval, macro, load...),
 * error diagnostics in dl; refuses anything the evaluator cannot evaluate
 * (VERIFY_INCOMPLETE, a diagnostic in dl); then evaluates the profile and asks it for every protected object and for the
 * command.  Returns VERIFY_*; *msg says why for the last two.  *keep is the
 * source the diagnostics point into, its imports chained through next (the
 * caller frees them all after printing). */
int runner_verify(const verify_req *vr, diag_list *dl, strbuf *msg, source **keep);

/* ---- parameters (params_check.c) ---------------------------------------- */

/* NULL when value is acceptable for the built-in parameter name (absolute,
 * canonical, no control character, not "/"; USER: a plain name), otherwise
 * why not. */
const char *runner_builtin_problem(const char *name, const char *value);
/* NULL when an absolute path value is canonical and no component of it is a
 * symbolic link now (a missing tail is fine), otherwise why not (in a).
 * Values that do not start with / pass. */
const char *runner_path_value_problem(arena *a, const char *value);
/* NULL when a -D value may be run with, otherwise why not: "/" is refused
 * as for the built-ins, since every rule built on it (allow write "$OUT")
 * would cover the whole disk (docs/runner.md). */
const char *runner_define_problem(const char *value);

/* ---- the child (spawn.c) ------------------------------------------------ */

/* Runs argv (sandbox-exec and its arguments); forwards SIGINT, SIGTERM,
 * SIGHUP and SIGQUIT sent to buckle by another process; calls applied(ctx)
 * once, as soon as the sandboxed command has started (macOS: sandbox-exec's
 * exec, seen with kqueue) or, at the latest, when the child has ended.
 * Returns the exit status (128+N for signal N), or -1. */
int runner_spawn(char *const argv[], void (*applied)(void *), void *ctx);

/* PATH lookup as execvp would: 0 found and executable, 126 not executable,
 * 127 not found. */
int runner_find_command(const char *cmd, char *out, size_t outlen);
/* The path buckle was started by: argv0 as typed when it names a path
 * (has a '/'), else where the PATH lookup finds it (runner_find_command);
 * NULL when neither (in a). */
const char *runner_launch_path(arena *a, const char *argv0);
/* When buckle was found through PATH (argv0 without a '/'): DIR/argv0 for
 * each PATH directory before the one it was found in, which the next
 * lookup of that name would take first (in a, *out); how many. */
size_t runner_launch_shadows(arena *a, const char *argv0, const char ***out);
/* Why the relative path must not be taken as it is (logical_path.c): it
 * climbs with ".." while the working directory is reached through a
 * symbolic link ($PWD, the same directory, spelled otherwise), and the
 * file the shell's spelling names is not the one the kernel reads; NULL
 * when it may. */
const char *runner_climb_problem(arena *a, const char *path);
#endif
