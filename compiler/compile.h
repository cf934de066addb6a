/* compile.h - one compilation: load the extends chain, lower, merge, check.
 * Everything it allocates lives in its arena and goes in compilation_free. */
#ifndef BUCKLE_COMPILE_H
#define BUCKLE_COMPILE_H
#include "ir.h"

#define BUCKLE_VERSION "0.1.0"
#define BUCKLE_MAX_EXTENDS_DEPTH 32
#define BUCKLE_MAX_RULES 4000000
/* Files from this size up keep their rule nodes in the compilation's nodes
 * arena, whose memory serves the phases after lowering. */
#define BUCKLE_RECYCLE_BYTES (1u << 20)
/* Room for the standard library roots a command passes down (the
 * candidates beside the executable and the NULL that ends them). */
#define STD_DIRS_MAX 5

/* value: canonical, with the compiling host's symbolic links resolved
 * where the path exists; raw: canonical as typed (for a target that is not
 * the host, whose links say nothing of the target's). */
typedef struct define { const char *name, *value, *raw; } define;

/* One extends candidate that was looked at and whether it was a regular file:
 * with the files read, all the input a compilation depended on (run cache). */
typedef struct file_probe { const char *path; int found; } file_probe;

typedef struct compile_opts {
    const char *const *include_dirs;
    size_t ninclude;
    const define *defines;       /* -D, already canonicalized by define_parse */
    size_t ndefines;
    int no_implied;
    platform_t platform;         /* the target: PLAT_ANY and PLAT_MACOS are macOS
                                    (SBPL), PLAT_LINUX is Linux (Landlock); the
                                    other platforms' blocks are dropped and paths
                                    are canonical the target's way */
    const char *stdin_name;      /* display name for "-" */
    const char *std_dirs[STD_DIRS_MAX];  /* installed standard library roots, NULL-terminated */
    const char *buckle_path;     /* $BUCKLE_PATH, or NULL */
    size_t recycle_bytes;        /* files from this size recycle their rule nodes;
                                    0: BUCKLE_RECYCLE_BYTES (tests use 1: all do) */
    arena *pool;                 /* memory kept between compilations, or NULL:
                                    compilation_new takes the pool's chunks and
                                    compilation_free gives them back with its own,
                                    so a caller that compiles again and again (an
                                    editor, a server, lint of many files) works on
                                    pages it has already touched instead of asking
                                    the system for fresh ones each time.  The
                                    caller arena_free()s it when done. */
} compile_opts;

struct unit {
    source *src;
    ast_file *ast;
    const char *key;             /* canonical path: identity for cycles and diamonds */
    const char *display;
    const unit *via;             /* the file whose extends brought it in */
    span via_at;                 /* that extends string */
    int index;                   /* position in the linearized chain */
    rule_vec rules, removes;     /* lowered from this file */
    uint32_t *other_start, *other_end;   /* where its rules for another platform than the */
    size_t nother;                       /* target are (a suppression there is not unused) */
};

typedef struct compilation {
    arena a;
    diag_list diags;
    compile_opts opts;
    source *sources;             /* every source read, freed with the compilation */
    unit **units;                /* linearized chain: bases first, the main file last */
    size_t nunits, units_cap;
    hashmap units_by_key;
    arena nodes;                 /* parse nodes only lowering reads (large files) */
    policy pol;
    hashmap params;              /* name -> param_decl */
    hashmap defines;             /* name -> const char * value */
    const char **deps;           /* every file read, for -M */
    const source **dep_src;      /* each one's text as read (digested on demand) */
    size_t ndeps, deps_cap;
    file_probe *probes;          /* every extends candidate looked at */
    size_t nprobes, probes_cap;
    int io_error;                /* the main file could not be read */
    int bad_define;              /* a -D value does not fit its use (usage error) */
    platform_t canon;            /* whose canonical spelling of paths lowering writes:
                                    the target's, or a platform block's */
    source *preloaded;           /* main source given in memory */
    int dropped_final;           /* a rule of another platform's block is final */
    int dropped_remove;          /* ... or a remove */
    int other_pass;              /* this compilation checks another's dropped blocks
                                    (other_platform.c): it stops after the final checks */
} compilation;

compilation *compilation_new(const compile_opts *o);
void compilation_free(compilation *c);

/* Loads PATH with its extends chain, lowers and merges it, and checks final
 * rules.  Returns 0 when the policy has no errors, 1 on errors, 2 when the
 * main file cannot be read. */
int compile_profile(compilation *c, const char *path);
/* The same for a profile held in memory (fuzzers, editors); name is its
 * display name and the base for relative extends. */
int compile_profile_text(compilation *c, const char *name, const char *text, size_t len);

/* The path has a "." or ".." component (an object of buckle query/test:
 * the kernel resolves them, so matching them as text would mislead). */
int path_dot_component(const char *p);

/* The platform a compilation targets: PLAT_MACOS or PLAT_LINUX. */
platform_t compile_platform(const compilation *c);
/* Parses NAME=VALUE and canonicalizes the value (realpath where the path
 * exists; the platform's aliases, /tmp -> /private/tmp on macOS, are the
 * compilation's: platform_path).  Returns NULL or an error message. */
const char *define_parse(arena *a, const char *arg, define *out);
/* The -D value a compilation for platform p takes: resolved through the
 * host's links only when p is the host's platform. */
const char *define_value_for(const define *d, platform_t p);
/* Checks a parameter value from outside a profile (-D, buckle run's
 * built-ins, query and test values) and canonicalizes it like a written
 * path: an empty value is an error; a value starting with / has "//"
 * collapsed, a trailing / dropped, and a "." or ".." component is an error
 * (the platform's aliases are platform_path's); need_abs: a relative value is an error
 * (HOME, TMPDIR, WORKDIR, and any parameter that starts a path).  Returns
 * NULL with *out set, or an error message. */
const char *param_value_check(arena *a, const char *name, const char *value, int need_abs, const char **out);
/* The canonical spelling of an absolute path value on platform p: on macOS
 * /tmp, /var and /etc are /private/tmp, /private/var and /private/etc (the
 * kernel sees those); on Linux a path is as written.  Others: unchanged. */
const char *platform_path(arena *a, platform_t p, const char *value);
/* 1 when the built-in parameter NAME is a path (HOME, TMPDIR, WORKDIR). */
int param_is_path_builtin(const char *name);

/* "a.buckle:2:9" chain text: " (extended from x.buckle:1:9, from ...)" or "". */
const char *unit_provenance(compilation *c, const unit *u);
span origin_primary(const rule *r);

/* Phase entry points (one file each). */
void load_chain(compilation *c, const char *path);     /* extends.c */
void lower_units(compilation *c);                      /* lower.c */
void merge_chain(compilation *c);                      /* merge.c */
void check_sbpl_blocks(compilation *c);                /* sbpl_check.c */
/* The final and remove checks of the rules of another platform's blocks,
 * which the compilation dropped: as the compilation for that platform
 * reports them. */
void check_other_platform(compilation *c, const char *path);  /* other_platform.c */
/* One SBPL filter (a list): its head and the filters under require-* known. */
struct sexp;
void check_sbpl_filter(compilation *c, const struct sexp *f, int depth);   /* sbpl_check.c */
/* extends.c: p looked at as an input (kept for the run cache): 1 when it
 * is a regular file, 0 when not there, -1 when it cannot be looked at */
int compile_is_file(compilation *c, const char *p);
/* extends.c: a file read as an input (-M, the run cache); src its text */
void compile_add_dep(compilation *c, const char *path, const source *src);
/* the Scheme words buckle's SBPL output calls (besides filters and operations);
 * NULL past the end.  sbpl verbatim may not define them. */
const char *sbpl_output_word(size_t i);                                   /* sbpl_guard.c */
/* the targets of `signal target` (written as symbols: (target self)); NULL
 * past the end */
/* The forms a copied block may use (docs/reference.md): top is the chain of
 * the block's top-level forms (verbatim: 1 an sbpl verbatim block, 2 a file
 * one imports, where (version 1) may stand; 0 raw allow/deny rules);
 * refusals are BK1001 at the form, into dl. */
void sbpl_guard(diag_list *dl, const struct sexp *top, int verbatim);     /* sbpl_guard.c */
/* The files a raw block imports ((import "NAME") at any depth, and in the
 * files it imports), read where the compiler can read them, into b->imports,
 * each held to sbpl_guard as if it were written in the block (the findings
 * at the block's import, with a note in the file). */
void read_raw_imports(compilation *c, raw_block *b, const struct sexp *top);   /* raw_imports.c */
/* final.c: finals lists the final rules (in rule order); with an index they
 * are looked up in it, without one every rule is compared with each.
 * reported: the pairs of a rule and a final rule, by the places they were
 * written, that BK2005 was reported for (filled here and by
 * check_final_cases, so each pair is one error). */
void check_finals(compilation *c, void *ovl_index, rule *const *finals, size_t nfinals, hashmap *reported);
/* raw sbpl rules that may override a final rule: BK2005 (after add_implied) */
void check_raw_finals(compilation *c);                  /* raw_final.c */
/* Two matchers without parameters: 1 when the check of two final rules
 * counts them as meeting (BK2005 where one outranks the other), which it
 * must wherever some object matches both (final.c; the unit tests). */
int final_matchers_meet(compilation *c, const matcher *a, const matcher *b);
void add_implied(compilation *c);                      /* implied.c */
void add_final_moves(compilation *c);                  /* final_ancestors.c */
/* Whether the final path deny f denies op on its own matcher, written or
 * implied by add_final_moves: 0 no, 1 for every file type, 2 for
 * directories and symbolic links only (final_ancestors.c) */
int final_self_denies(const rule *f, int op);
void add_final_cases(compilation *c);                  /* final_case.c */
/* Whether the fold f (IMPL_CASE) denies making the path (file-write-create,
 * file-link): checked against final allows and raw rules; the fold of the
 * final rule's own operation decides where it matches, unchecked */
int fold_of_making(const rule *f);
/* The folds add_final_cases added (the rules from index from on) against
 * the final allows before them: BK2005 where one meets a fold and is as
 * specific (final.c) */
void check_final_cases(compilation *c, size_t from, hashmap *reported);
void add_default_denies(compilation *c);               /* implied.c */
/* 1 when add_default_denies writes an explicit deny of the concrete op */
int default_deny_covers(int op);                       /* implied.c */
#endif
