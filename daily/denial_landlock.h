/* denial_landlock.h - Landlock denials as Linux writes them to the audit
 * log (Landlock ABI 7 and later): the access record (`type=LANDLOCK_ACCESS`,
 * `type=1423` or `UNKNOWN[1423]` where the audit tools do not know the name,
 * `LANDLOCK_ACCESS` as journald writes it) with its `domain=`, `blockers=`
 * and the object's fields (`path=` for a file, `daddr=`/`dest=` or
 * `saddr=`/`src=` for a port), as /var/log/audit/audit.log, `ausearch -i`,
 * `journalctl -o cat` and `dmesg` show it, and the `SYSCALL` record of the
 * same event, which names the process (`comm=`, `pid=`).
 *
 * Each blocker is one access right; the table in denial_landlock.c maps it
 * to the operation buckle decides it as. */
#ifndef BUCKLE_DENIAL_LANDLOCK_H
#define BUCKLE_DENIAL_LANDLOCK_H
#include <stddef.h>

#define LL_RECORD_MAX_OPS 8

typedef struct ll_record {
    int kind;                  /* 1 an access record, 2 a record naming the event's process */
    const char *event;         /* the event's id: "1729738800.221:34" ("" when the line has none) */
    size_t event_len;
    /* kind 1 */
    const char *ops[LL_RECORD_MAX_OPS];   /* operation names, one per distinct blocker */
    size_t nops;
    char obj[4200];            /* the path (decoded) or ADDRESS:PORT */
    /* kind 2 */
    const char *comm;
    size_t comm_len;
    long pid;
} ll_record;

/* Parses one line.  Returns 0 when it is no Landlock access record and no
 * audit SYSCALL record; 1 with *r filled; -1 for an access record that
 * cannot be read, with *why saying what is wrong (why points into whybuf,
 * of size whysize, when it names the text). */
int landlock_record_parse(const char *s, size_t n, ll_record *r, const char **why, char *whybuf, size_t whysize);
#endif
