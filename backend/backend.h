/* backend.h - the seam between the compiled policy (the IR) and a platform's
 * enforcement: each back end compiles the merged policy for its platform and
 * says, rule by rule, what it could not express (docs/linux.md). */
#ifndef BUCKLE_BACKEND_H
#define BUCKLE_BACKEND_H
#include "../compiler/compile.h"
#include "../compiler/decide.h"
#include "../support/strbuf.h"

/* How a platform enforces one rule of the profile. */
typedef enum {
    BV_EXACT,        /* exactly as the profile says */
    BV_NARROWER,     /* the sandbox allows less than the profile */
    BV_WEAKER,       /* the sandbox would allow more: refused unless accepted */
    BV_NO_MEANING,   /* the operation does not exist on the platform */
} backend_verdict;

typedef struct backend_rule_verdict {
    const rule *r;            /* NULL: the profile's default */
    backend_verdict v;
    int cls;                  /* BV_WEAKER: the widening class (landlock.h) */
    const char *why;          /* one line, for -v and JSON */
    const char *where, *text; /* a raw SBPL rule (r NULL): "FILE:LINE" and its text */
    const char *closed;       /* BV_NARROWER: a directory the rule lets the command create entries in
                               * that is granted one by one, so nothing new can be made directly in it */
    const char *closed_why;   /* and why (a deny, buckle's own files) */
} backend_rule_verdict;

typedef struct backend_report {
    backend_rule_verdict *v;  /* in rule order, the default first */
    size_t n, cap;
    unsigned weaker;          /* the classes of the refused (not accepted) verdicts */
    unsigned accepted;        /* the classes of weaker verdicts the user accepted */
} backend_report;

typedef struct backend_in {
    compilation *c;
    decider *d;               /* the parameter values */
    int abi;                  /* Landlock ABI to compile for (1..7) */
    unsigned accept;          /* widening classes the user accepted */
    const char *const *protect;   /* host paths the sandbox must not write, at or beneath (the profile's sources, buckle's directories) */
    size_t nprotect;
    int host_map;             /* /private/tmp -> /tmp and the like (the platform has no /private) */
    const char *interp;       /* the command's ELF interpreter (host path, resolved), or NULL */
    long run_pid;             /* the process the command will be (its /proc/PID is its own), or 0 */
    const char *const *hide;  /* host paths the sandbox must not reach at all, at or beneath (the run cache: other runs' plans) */
    size_t nhide;
    int mounts;               /* the command runs in a mount namespace of its own: a deny of
                               * writing an existing path can be a read-only mount there */
} backend_in;

typedef struct backend_desc {
    const char *target;       /* compile --target */
    const char *platform;     /* query --platform, and the runner's choice */
    /* Writes the artefact for review (SBPL text; the Landlock ruleset as
     * JSON) and fills rep.  Returns 0, or 1 when it cannot compile. */
    int (*compile)(const backend_in *in, strbuf *out, backend_report *rep);
} backend_desc;

const backend_desc *backend_by_target(const char *target);
const backend_desc *backend_by_platform(const char *platform);
/* The platform buckle runs on: "macos", "linux", or NULL. */
const char *backend_host_platform(void);

void backend_report_add(backend_report *rep, const rule *r, backend_verdict v, int cls, const char *why);
void backend_report_free(backend_report *rep);
const char *backend_verdict_name(backend_verdict v);
#endif
