/* runner.h - `buckle run`: write the profile where nothing inside the
 * sandbox can touch it, run /usr/bin/sandbox-exec -f FILE, clean up, and pass
 * the command's status through (docs/runner.md). */
#ifndef BUCKLE_RUNNER_H
#define BUCKLE_RUNNER_H
#include "../support/strbuf.h"
#include "../compiler/sbpl_eval.h"
#include <stdint.h>
#include <sys/types.h>

#define RUNNER_SANDBOX_EXEC "/usr/bin/sandbox-exec"
#define RUNNER_STALE_SECONDS 300

/* The profile directory: realpath(tmpdir)/buckle-profiles-UID.  Writes the
 * path to out; returns 0, or -1 with *why set (then the caller falls back). */
int profile_dir_prepare(const char *tmpdir, char *out, size_t outlen, const char **why);
/* Re-checks an existing directory: real directory, ours, no group/other write. */
int profile_dir_check(const char *dir, const char **why);
/* Removes buckle-*.sb files of this naming pattern older than max_age seconds
 * and run cache entries (cache-*.bc) older than cache_max_age; returns how
 * many.  Nothing else in the directory is touched. */
int profile_dir_sweep(const char *dir, long max_age, long cache_max_age);
/* Creates DIR/buckle-PID-TIME-RANDOM.sb with O_CREAT|O_EXCL|O_NOFOLLOW, mode
 * 0600, writes all of data and closes it.  Returns 0 or -1 (errno). */
int profile_file_write(const char *dir, const char *data, size_t len, char *path, size_t pathlen);
/* The same with the len bytes at off in the open file src (a run cache entry). */
int profile_file_copy(const char *dir, int src, uint64_t off, size_t len, char *path, size_t pathlen);
int profile_name_matches(const char *name);

/* Appends the self-protection rules: every concrete write operation denied
 * under dir and on each of the absolute, canonical source paths (the files
 * the profile was compiled from), renames of every ancestor of them denied.
 * Emitted on concrete operation names and last, so they win under every
 * precedence model of docs/sbpl.md. */
void runner_protection(strbuf *out, const char *dir, const char *const *sources, size_t nsources);

/* Runs argv (sandbox-exec and its arguments); forwards SIGINT, SIGTERM,
 * SIGHUP and SIGQUIT; returns the exit status (128+N for signal N), or -1. */
int runner_spawn(char *const argv[]);

/* PATH lookup as execvp would: 0 found and executable, 126 not executable,
 * 127 not found. */
int runner_find_command(const char *cmd, char *out, size_t outlen);
#endif
