/* ir.h - the merged policy: rules with expanded matchers and their origins. */
#ifndef BUCKLE_IR_H
#define BUCKLE_IR_H
#include "../grammar/ast.h"
#include "../support/hashmap.h"
#include "../support/param_marks.h"
#include "../seatbelt/ops.h"
#include "rule_set.h"

/* In a message template, PARAM_OPEN MSG_BYTE_NAME d PARAM_CLOSE is the byte
 * d ('1' or '2': PARAM_OPEN or PARAM_CLOSE as text, see lower.c). */
#define MSG_BYTE_NAME "#byte"

typedef enum {
    MK_NONE,                                   /* unfiltered */
    MK_SUBPATH, MK_LITERAL, MK_PREFIX, MK_GLOB, MK_REGEX,   /* paths */
    MK_ANCESTORS,      /* implied: value NAME (no marker): the proper ancestors of the
                        * parameter's value; value "T$N" (a template ending in a
                        * marker): T's expansion followed by N's value up to each of
                        * its '/' (the ancestors a relative "a/b" puts inside a path) */
    MK_NAME, MK_NAME_PREFIX, MK_NAME_REGEX,    /* names */
    MK_TARGET,                                 /* process targets */
    MK_IP,                                     /* "host:port" */
} matcher_kind;

typedef enum { FAM_NONE, FAM_PATH, FAM_NAME, FAM_TARGET, FAM_IP } matcher_family;

/* Name namespaces: names in different namespaces never overlap. */
typedef enum { NS_NONE, NS_GLOBAL, NS_LOCAL, NS_SYSCTL, NS_IPC, NS_IOKIT, NS_IOKIT_REG } name_ns;

typedef struct matcher {
    matcher_kind kind;
    name_ns ns;
    const char *value;     /* template; for MK_GLOB the glob as written */
    size_t len;
    const char *fixed;     /* fixed part (template), for overlap and depth */
    size_t fixed_len;
    int spec_a, spec_b;    /* specificity key (docs/reference.md) */
    int outbound;          /* MK_IP: remote (outbound) vs local */
    int plain;             /* value needs no escaping and has no parameter */
    int dir;               /* a glob ending in a globstar: it matches its fixed part and below only */
    int banded;            /* also requires band_lo <= path depth <= band_hi */
    int band_lo, band_hi;  /* band_hi < 0: no upper bound */
    int holder;            /* also requires a directory or a symbolic link (a path
                            * can lie below it): the ancestors inside a final
                            * glob's wildcards (final_ancestors.c) */
    /* A glob or regex whose letters match in either case ("[sS]", as a
     * final deny's fold writes them): its fixed part read on through those
     * letters, each lower-case and marked 1 in ffold (0: the byte as it
     * is), fdir as dir for that part, and fkind what the rest makes it:
     * MK_LITERAL, MK_SUBPATH or MK_PREFIX of ffixed in every case of the
     * marked letters, or its own kind.  For overlap only; NULL when the
     * pattern has no such letter in its fixed part. */
    const char *ffixed, *ffold;
    size_t ffixed_len;
    matcher_kind fkind;
    int fdir;
} matcher;

/* The file types a holder matcher takes (request vnode names). */
int vnode_holds(const char *vnode);

static inline matcher_family mk_family(matcher_kind k)
{
    switch (k) {
    case MK_SUBPATH: case MK_LITERAL: case MK_PREFIX: case MK_GLOB: case MK_REGEX: case MK_ANCESTORS:
        return FAM_PATH;
    case MK_NAME: case MK_NAME_PREFIX: case MK_NAME_REGEX: return FAM_NAME;
    case MK_TARGET: return FAM_TARGET;
    case MK_IP: return FAM_IP;
    default: return FAM_NONE;
    }
}
const char *mk_name(matcher_kind k, name_ns ns);

typedef struct unit unit;   /* one file of the extends chain */

typedef struct origin {
    const unit *u;
    span at;
    struct origin *next;
    uint32_t line;         /* of at.start; 0: not computed */
    span value;            /* the matcher's value (the verb without one): where lint points */
} origin;

enum { MODF_REPORT = 1, MODF_NO_REPORT = 2 };

/* rules the compiler adds (rule.implied) */
enum {
    IMPL_TRAVERSAL = 1,    /* metadata of an ancestor of an allowed path (implied.c) */
    IMPL_DEFAULT = 2,      /* a deny default may not cover */
    IMPL_BELOW = 3,        /* metadata where a write/exec allow allows */
    IMPL_MOVE = 4,         /* final deny of moving or cloning an ancestor of a final path (final_ancestors.c) */
    IMPL_MOVE_SELF = 5,    /* ... of moving, linking or cloning the final path itself */
    IMPL_CASE = 6,         /* a final path deny in every case of its letters (final_case.c) */
};

typedef struct rule {
    action_t action;
    int final;
    int implied;           /* IMPL_*: 0 written */
    section_t section;
    const char *verb;      /* as written */
    int op;                /* operation id */
    const opset *covers;   /* concrete operations */
    matcher m;
    unsigned mods;
    const char *message;
    origin *origins;       /* where it was written (every copy after merge) */
    span verb_at;
    unsigned id;           /* stable index: linearized insertion order */
    struct rule *dup_of;
} rule;

typedef struct param_decl {
    const char *name;
    const char *def;       /* expanded default template, or NULL */
    const unit *u;
    span at;
    int builtin;
    int used;              /* appears in the output */
    int raw_read;          /* a raw sbpl block reads it: buckle run passes it */
    int used_in_pattern;   /* needs NAME.re */
    int used_as_ancestor;  /* needs NAME.ancestors */
    int path_root;         /* starts a path somewhere: its value must be absolute */
    int root_glued;        /* starts a path with text glued to it ("${P}b"): its value must not be "/" */
    span root_at;          /* the first such string */
    span glued_at;         /* the first with text glued to it */
    int path_inner;        /* inside a path after other text: its value must be relative */
    span inner_at;
    span def_at;           /* the default's string */
    size_t def_unit;       /* the unit that set the default */
} param_decl;

/* A file a raw block imports, or an import the compiler cannot follow */
typedef struct raw_import {
    span at;                    /* the block's own import that leads to it */
    span form;                  /* the (import ...) form (in the block or in an imported file) */
    const char *path;           /* the file read, or NULL */
    const struct sexp *top;     /* its forms, when read */
    const char *why;            /* when not read: why not */
} raw_import;

typedef struct raw_block {
    const unit *u;
    const ast_sbpl *ast;
    raw_import *imports;        /* read_raw_imports */
    size_t nimports;
} raw_block;

typedef struct rule_vec { rule **v; size_t n, cap; } rule_vec;
void rule_vec_push(rule_vec *rv, rule *r);

typedef struct policy {
    action_t default_action;
    const unit *default_unit;   /* NULL: nobody said, deny */
    span default_at;
    rule_vec rules;
    rule_set rule_index;         /* merged rules by identity: dedup, remove */
    param_decl **params;
    size_t nparams;
    raw_block *raw;
    size_t nraw;
} policy;

static inline int implied_move(const struct rule *r) { return r->implied == IMPL_MOVE || r->implied == IMPL_MOVE_SELF; }
/* what an implied final rule is for, or NULL for a rule that is none */
static inline const char *implied_final_why(const struct rule *r)
{
    return implied_move(r) ? "a final path is not moved, linked or cloned away"
         : r->implied == IMPL_CASE ? "a final path in every case of its letters" : NULL;
}

#endif
