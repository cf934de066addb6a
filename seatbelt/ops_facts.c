/* ops_facts.c - aliases, no-ops and special cases of the operation names
 * (docs/sbpl.md); tools/gen_ops.c builds the table from them. */
#include "ops_facts.h"

#define COUNT(a) (sizeof a / sizeof a[0])

/* Prelude aliases (docs/sbpl.md): old or alternative name -> operation. */
const op_alias_fact op_alias_facts[] = {
    { "process-exec", "process-exec*" },
    { "ipc-posix-sem", "ipc-posix-sem*" },
    { "ipc-posix-shm", "ipc-posix-shm*" },
    { "ipc-posix-shm-read*", "ipc-posix-shm-read-data" },
    { "file-unlink", "file-write-unlink" },
    { "file-write-mount", "file-mount" },
    { "file-write-unmount", "file-unmount" },
    { "file-write-umount", "file-unmount" },
    { "file-fsctl", "system-fsctl" },
    { "system-misc", "system*" },
    { "time-set", "system-set-time" },
    { "managed-preference*", "managed-preference-read" },
    { "file-issue-extension*", "file-issue-extension" },
    { "file-issue-extension-read", "file-issue-extension" },
    { "file-issue-extension-write", "file-issue-extension" },
    { "iokit-open", "iokit-open*" },
};
const size_t op_alias_facts_count = COUNT(op_alias_facts);

/* Accepted, but a no-op since 10.15 (docs/sbpl.md). */
const char *const op_noop_facts[] = {
    "mach-per-user-lookup", "system-chud", "ipc-posix-shm-read-metadata", "qtn-download",
};
const size_t op_noop_facts_count = COUNT(op_noop_facts);

/* Family names that are also checked as operations of their own: exec of a
 * binary is checked as process-exec* (the old leaf name process-exec is an
 * alias of it). */
const char *const op_self_checked_facts[] = { "process-exec*" };
const size_t op_self_checked_facts_count = COUNT(op_self_checked_facts);

/* Names written differently to SBPL so that one profile loads on every macOS
 * in the table: iokit-open* exists only from 14.x, iokit-open everywhere. */
const op_emit_fact op_emit_facts[] = {
    { "iokit-open*", "iokit-open" },
};
const size_t op_emit_facts_count = COUNT(op_emit_facts);
