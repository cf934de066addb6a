/* gen_profile.h - random .buckle profiles for the differential check: every
 * matcher shape the language has, parameters in every position, final rules,
 * names and ports, each profile with value sets for its parameters and seed
 * objects to query.  The shape table below is the list of what is covered;
 * a shape class can be switched off (diff-check --without NAME). */
#ifndef BUCKLE_GEN_PROFILE_H
#define BUCKLE_GEN_PROFILE_H
#include "../../sbpl/sbpl_eval.h"
#include "../../support/arena.h"
#include "../../support/strbuf.h"
#include <stdint.h>

typedef enum gen_shape {
    GS_LITERAL, GS_SUBPATH, GS_PREFIX, GS_PREFIX_SLASH,
    GS_GLOB_STAR, GS_GLOB_QMARK, GS_GLOB_TRAIL, GS_GLOB_INNER, GS_GLOB_DOUBLE,
    GS_BRACKET, GS_BRACKET_NEG, GS_BRACKET_SLASH, GS_GLOB_UTF8, GS_ESCAPE, GS_BRACKET_EDGE, GS_GLOB_PARAM_END,
    GS_GLOB_ROOT, GS_ALIAS_ROOT, GS_REGEX_GROUP_ALT,
    GS_REGEX, GS_REGEX_ALT,
    GS_PARAM_START, GS_PARAM_MID, GS_PARAM_END, GS_PARAM_GLUED, GS_PARAM_TWO, GS_PARAM_PATTERN, GS_TILDE,
    GS_FINAL, GS_FINAL_ELSEWHERE, GS_FINAL_GLUED, GS_FINAL_UNFILTERED, GS_FINAL_MOVES, GS_SRT_ROOTS, GS_DEFAULT_ALLOW,
    GS_NAMES, GS_NAME_PARAM, GS_PORTS, GS_PORT_ZERO, GS_SOCKET, GS_TARGETS, GS_RAW, GS_RAW_SPELLING,
    GS_RAW_PARAM, GS_RAW_LOGIC, GS_RAW_OPS, GS_RAW_NESTED, GS_RAW_NAMES, GS_RAW_NOSANDBOX,
    GS_VAL_ROOT, GS_VAL_USR, GS_VAL_HOME, GS_VAL_META, GS_VAL_QUOTE, GS_VAL_SPACE, GS_VAL_UTF8, GS_VAL_LONG, GS_VAL_MULTI, GS_VAL_ALIAS,
    GS_VAL_TRAIL, GS_VAL_REFUSED, GS_ALIAS_CASE, GS_FINAL_CASE, GS_VAL_CASE,
    GS_COUNT                   /* at most 64: a profile's shapes are the bits of a uint64_t */
} gen_shape;

typedef struct gen_shape_info {
    const char *name;          /* for --only / --without */
    const char *what;          /* one line for docs/reliability.md */
    const char *example;       /* as it appears in a generated profile or value set */
} gen_shape_info;

const gen_shape_info *gen_shape_get(gen_shape s);
/* -1 when no shape has that name */
int gen_shape_lookup(const char *name);

typedef struct gen_rng { uint64_t s; } gen_rng;
unsigned gen_rnd(gen_rng *r);

#define GEN_MAX_ITEMS 24
#define GEN_MAX_SEEDS 12

/* A final path deny as written (final-moves, srt-roots): its path template
 * ($P, ${P}, ~, $WORKDIR; the glob wildcards *, ** and ?), its matcher kind
 * and what it denies, for the second reading of "a final path cannot be
 * moved away" (gen_moves.c). */
enum { MV_LITERAL, MV_SUBPATH, MV_PREFIX, MV_GLOB };
#define MV_READ 1              /* it denies some file-read* operation */
#define MV_WRITE 2             /* some file-write* operation */
#define MV_UNLINK 4            /* file-write-unlink itself */
#define MV_CREATE 8            /* file-write-create itself */
typedef struct gen_move {
    const char *tpl;
    int kind;
    int denies;                /* MV_* bits */
    int fold_values;           /* a relative value inside the path is folded too (not a glob's) */
} gen_move;

/* One rule of a generated profile: its text, its section, the shapes it
 * uses, and seed objects (templates with $P, $Q, $USER, ~ still in them). */
typedef struct gen_item {
    int section;               /* index into the section order of gen_profile_text */
    char *text;
    char *canon;               /* raw sbpl: the text with its path spelled canonically, or NULL */
    int raw;                   /* raw sbpl or verbatim: RAW_* bits (0: not raw) */
    uint64_t shapes;
    const char *seeds[GEN_MAX_SEEDS];
    int seed_kind[GEN_MAX_SEEDS];   /* 0 path, 1 name, 2 ip */
    size_t nseeds;
    gen_move move;             /* a final path deny: what moving it away means (move.tpl NULL: none) */
} gen_item;

/* what a raw item is (gen_item.raw): its rule's action, and what the final
 * check counts without evaluating the block (docs/language.md): a rule that
 * may never run, an operation not written out, a filter it cannot read */
#define RAW_ITEM 1
#define RAW_DENY 2              /* the rule denies (else it allows) */
#define RAW_DEAD 4              /* it never runs: (if #f ...), a function never called */
#define RAW_OPAQUE 8            /* its operation is a bound name */
#define RAW_UNREAD 16           /* a filter the check reads as "may match" (a variable, require-not) */
#define RAW_NOSANDBOX 32        /* an exec allow (with no-sandbox) */
#define RAW_VERBATIM 64         /* in an sbpl verbatim block */

typedef struct gen_profile {
    arena *a;
    int default_allow;
    gen_item items[GEN_MAX_ITEMS];
    size_t n;
    uint64_t shapes;           /* union of the items' shapes (and default allow) */
} gen_profile;

/* A random profile that uses only the enabled shapes (bit i = shape i). */
void gen_profile_make(gen_profile *p, arena *a, gen_rng *r, uint64_t enabled);
/* The profile's text; keep (may be NULL: all) selects items. */
void gen_profile_text(const gen_profile *p, const unsigned char *keep, strbuf *out);
/* The same with each raw rule's canonical spelling (gen_item.canon); 0 when
 * no kept item has one. */
int gen_profile_text_canon(const gen_profile *p, const unsigned char *keep, strbuf *out);

/* The item that gen_profile_text (with keep) writes on line `line`
 * (1-based), or -1 for a line of no item. */
int gen_profile_item_at(const gen_profile *p, const unsigned char *keep, unsigned line);
/* Removes item i (the others keep their order). */
void gen_profile_drop(gen_profile *p, size_t i);
/* Makes item i not final (its text without "final "); 0 when it was not. */
int gen_profile_unfinal(gen_profile *p, size_t i);

/* A value set: HOME, USER, P and Q (WORKDIR and TMPDIR keep the test values). */
#define GEN_NVALUES 4
typedef struct gen_values {
    const char *name;
    int shape;                 /* gen_shape, or -1 for the plain sets */
    sb_param v[GEN_NVALUES];
    int refused;               /* docs/language.md refuses these values: -D must say so
                                * (1: always, an empty value or a "." or ".." component
                                * of an absolute one; 2: where a parameter stands
                                * inside a path, a relative value with one) */
} gen_values;

const gen_values *gen_value_sets(size_t *n);

/* Expands a seed template with values: $NAME, ${NAME}, a leading ~; "//"
 * collapses to "/" (a value "/" followed by "/x" means /x). */
void gen_expand(strbuf *out, const char *tpl, const sb_param *v, size_t nv);
/* The same without collapsing "//": the string a raw rule's
 * string-append makes ("$P/c" with P=/ is "//c") */
void gen_expand_written(strbuf *out, const char *tpl, const sb_param *v, size_t nv);
#endif
