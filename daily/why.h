/* why.h - `buckle why`: the denials of a log, grouped, each explained by
 * the profile (the rule that decided it, or the default) with the narrowest
 * rule that would allow it, checked by compiling and linting the profile
 * with that rule added.  The log is read once, in constant memory: only the
 * distinct denials are kept (at most WHY_MAX_GROUPS). */
#ifndef BUCKLE_WHY_H
#define BUCKLE_WHY_H
#include "../compiler/compile.h"
#include "../compiler/decide.h"
#include "../sbpl/sbpl_eval.h"
#include "../support/strbuf.h"
#include "denial_log.h"

#define WHY_MAX_PROCS   8
#define WHY_MAX_GROUPS  100000
#define WHY_MAX_SHOWN   1000     /* unparsed lines kept for -v */

typedef struct why_proc { const char *name; long pid; unsigned long count; } why_proc;

typedef enum { WHY_DENIED, WHY_ALLOWED, WHY_UNKNOWN_OP, WHY_UNDECIDABLE } why_verdict;

typedef struct why_finding { const char *code, *name, *severity, *message, *where; } why_finding;

typedef struct why_group {
    const char *op, *obj;            /* as logged */
    unsigned long count, first_line;
    why_proc *procs;                 /* room for 1, 2, 4 then WHY_MAX_PROCS (most groups have one) */
    int nprocs;
    unsigned long more_procs;        /* denials by processes past the first WHY_MAX_PROCS */
    int landlock;                    /* logged by Landlock (Linux) */
    /* the explanation */
    why_verdict verdict;
    const char *op_checked;          /* the concrete operation evaluated */
    int by_default;                  /* decided by the profile's default */
    const char *rule_text;           /* the deciding rule, as buckle prints it */
    const char *rule_where;          /* file:line:col */
    const char *rule_chain;          /* " (extended from ...)" or "" */
    const char **chain;              /* the same as a list: each extends hop, FILE:LINE:COL, nearest first */
    size_t nchain;
    int final;
    const char *note;                /* a sentence for undecidable/unknown */
    const char *platform_why;        /* allowed by the profile, denied by Landlock's plan: why */
    /* A log does not name the file type: where the profile decides a
     * directory or a symbolic link otherwise than a regular file (a rule
     * that takes directories and symbolic links only), the verdict above
     * is the denying types' and else_* the others' */
    const char *if_type;             /* "a directory or a symbolic link", or NULL: every type */
    const char *if_vnodes;           /* the same as vnode-type names: "DIRECTORY SYMLINK" */
    const char *else_type, *else_vnodes;
    why_verdict else_verdict;
    int else_by_default;
    const char *else_rule_text, *else_rule_where, *else_rule_chain;
    /* the narrowest rule that allows it */
    const char *section;             /* "files", or NULL for an .sb profile */
    const char *suggestion;          /* the rule line */
    const char *suggestion_block;    /* what to add to the profile */
    int suggestion_allows;           /* the profile with it added allows the request */
    const char *suggestion_problem;  /* why it does not (a final rule, a tie) */
    why_finding *findings;
    size_t nfindings;
} why_group;

typedef struct why_unparsed { unsigned long line; const char *text, *why; } why_unparsed;

typedef struct why_log {
    arena a;
    hashmap by_key;
    why_group **groups;
    size_t ngroups, cap;
    unsigned long lines_denied;      /* denial entries read (a duplicate report counts N) */
    unsigned long landlock;          /* of them from Landlock audit records: the profile is read for Linux */
    unsigned long dropped;           /* denials of distinct requests past WHY_MAX_GROUPS */
    unsigned long unparsed;          /* entries that look like denials but cannot be read */
    unsigned long other;             /* entries that are no sandbox denial */
    why_unparsed shown[WHY_MAX_SHOWN];
    size_t nshown;
    const char *test_used[4];        /* built-in parameters evaluated with their test value */
    const char *query_cmd;           /* "buckle query --platform linux -D ... PROFILE", shell words, or NULL */
    size_t ntest_used;
    int one_by_one;                  /* check each suggested rule with its own compilation (tests compare) */
    unsigned long checks_compiled;   /* compilations of the profile made to check suggested rules */
    unsigned long checks_one;        /* of them for one suggested rule */
} why_log;

void why_log_init(why_log *w);
void why_log_free(why_log *w);
/* Reads f into w; -1 on a read error (errno set). */
int why_log_read(why_log *w, FILE *f);
/* Sorts the groups: most frequent first, then by first appearance. */
void why_log_sort(why_log *w);

/* A parameter value `why` chose, and where from (one of WHY_FROM_*). */
typedef struct why_value { const char *name, *value, *from; } why_value;
#define WHY_FROM_LOG "taken from the log's paths"
#define WHY_FROM_ENV "the environment's, as `buckle run` takes it"
#define WHY_FROM_CWD "the current directory, as `buckle run` takes it"
#define WHY_FROM_TEST "the built-in test value"

/* Parameter values for the names not in given (n entries); returns how
 * many.  For macOS's denials HOME and USER come from /Users/NAME/...,
 * TMPDIR from /private/var/folders/X/Y/T/.  Landlock's records were written
 * under `buckle run`, which takes HOME, USER, TMPDIR and WORKDIR from env
 * (nenv entries: the environment, the current directory): those, except
 * that HOME and USER come from the log's /home/NAME or /root when no path
 * of the log is under env's HOME. */
size_t why_guess_params(why_log *w, const sb_param *given, size_t n, const sb_param *env, size_t nenv,
                        why_value *out, size_t max);

/* The request that explains group g: the concrete operation of its (maybe
 * family) operation that the profile denies first, else the first of them.
 * ask decides one request, writes its answer (size bytes) to answer and
 * returns its action (0 allow).  Fills *q and answer with the chosen one and
 * returns its operation, or -1 with g's verdict and note set. */
typedef int why_ask(void *ctx, const sb_request *r, void *answer);
int why_pick_request(why_log *w, why_group *g, why_ask *ask, void *ctx, void *answer, size_t size,
                     sb_request *q);
/* The platform's own answer for q under c with d's values (Landlock's plan
 * as `buckle run` makes it): 0 allow, 1 deny, 2 not controlled; *why (in a)
 * names the grant or its absence. */
typedef int why_platform_decide(void *ctx, compilation *c, decider *d, const sb_request *q, arena *a, const char **why);
/* The entry a Landlock make_* denial's suggestion is checked with, in the
 * directory the record names */
#define WHY_NEW_ENTRY ".buckle-why-new-entry"
/* Explains every group by a .buckle compilation (compiled without errors)
 * with these parameter values (decider_new's extra); a Landlock denial's
 * suggestion is also checked by pd (NULL: not).  Returns 0, or 1 when a
 * parameter the profile uses has no value (its name in *missing). */
int why_explain_buckle(why_log *w, compilation *c, const sb_param *extra, size_t nextra, why_platform_decide *pd,
                       void *pctx, const char **missing);
/* The same for an .sb profile: read and evaluated with params (and NAME.re,
 * NAME.ancestors derived from them); its diagnostics go to dl, the sources
 * they point into to *keep.  Returns 0, or 1 when it has errors. */
int why_explain_sb(why_log *w, const char *path, const char *const *import_dirs, size_t nimport,
                   const sb_param *params, size_t nparams, diag_list *dl, source **keep);

/* The file types a log line may be about (it names none), as vnode-type
 * names, and as the report names them */
#define WHY_TYPES 3
typedef struct why_file_type { const char *vnode, *name; } why_file_type;
const why_file_type *why_file_type_at(int i);
/* Names in g the types a path is denied as (bit i of denied:
 * why_file_type_at(i)) and the others */
void why_set_types(why_log *w, why_group *g, unsigned denied);

/* Where the report goes, piece by piece: 0, or -1 to stop */
typedef int why_sink(void *ctx, const char *data, size_t len);
/* The report.  profile and log are display names; guessed the parameter
 * values why_guess_params chose (with the built-in ones left at their test
 * value, w->test_used, each is named); verbose lists the unparsed lines.
 * Written to sink a group at a time (the memory is the log's groups, not
 * their report); 0, or -1 when the sink failed. */
int why_render_text(why_sink *sink, void *ctx, const why_log *w, const char *profile, const char *log,
                    const why_value *guessed, size_t nguessed, int verbose);
/* The same as one JSON document (jansson) with a newline after it. */
int why_render_json(why_sink *sink, void *ctx, const why_log *w, const char *profile, const char *log,
                    const why_value *guessed, size_t nguessed, int verbose);
/* the address a Seatbelt rule can name for the IP object obj: Seatbelt
 * filters an address by port only, on localhost (every loopback address)
 * or any host; why_port_only_note says so where the host became "*" */
void why_port_only(strbuf *b, const char *obj, size_t len);
extern const char *const why_port_only_note;

#endif
