/* denial_log.h - sandbox denials as macOS writes them to the unified log
 * and as Linux writes Landlock's to the audit log (denial_landlock.h):
 * plain lines of `log show`/`log stream` (with or without the kernel's
 * "(Sandbox)" tag, "Sandbox:" or "System Policy:" prefix), and the
 * `--style ndjson` and `--style json` forms, whose eventMessage carries the
 * same text; on Linux the Landlock access records of the audit log.  The reader streams: memory is bounded by the longest line
 * (DENIAL_MAX_LINE) and the largest JSON object (DENIAL_MAX_OBJECT), never
 * by the length of the log. */
#ifndef BUCKLE_DENIAL_LOG_H
#define BUCKLE_DENIAL_LOG_H
#include <stddef.h>
#include <stdio.h>

#define DENIAL_MAX_LINE   (1u << 20)
#define DENIAL_MAX_OBJECT (4u << 20)
#define DENIAL_MAX_PATH   4095u      /* PATH_MAX, less its NUL: no longer path is logged */

typedef struct denial {
    const char *proc;       /* process name as logged ("" when the line names none) */
    size_t proc_len;
    long pid;               /* -1 when the line names none */
    const char *op;         /* operation as logged: "file-read-data" */
    size_t op_len;
    const char *obj;        /* the object, "" for operations without one */
    size_t obj_len;
    unsigned long repeat;   /* 1, or N for "N duplicate reports for PROC" */
    int landlock;           /* read from a Landlock audit record (denial_landlock.h) */
} denial;

/* Parses one message: a log line, or the eventMessage of a JSON entry.
 * Returns 1 and fills *d (pointing into s) for a denial; 0 for a message
 * that is not a sandbox denial at all (no "Sandbox:" or "System Policy:"
 * before a "deny"); -1 for one that looks like a denial but cannot be read,
 * with *why saying what is wrong. */
int denial_parse(const char *s, size_t n, denial *d, const char **why);

typedef struct denial_sink {
    void (*denial)(void *ctx, const denial *d, unsigned long line);
    /* a line or JSON entry that is not a denial: why is NULL when it is no
     * sandbox message at all (headers, other subsystems), else what could
     * not be read */
    void (*unparsed)(void *ctx, unsigned long line, const char *text, size_t n, const char *why);
    void *ctx;
} denial_sink;

/* Reads every entry of f.  Returns 0, or -1 when reading fails (errno set). */
int denial_log_read(FILE *f, const denial_sink *sink);
#endif
