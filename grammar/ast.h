/* ast.h - what the profile parser produces: one ast_file per .buckle file.
 * Every node lives in the compilation's arena. */
#ifndef BUCKLE_AST_H
#define BUCKLE_AST_H
#include "../support/diag.h"
#include "../support/action.h"

typedef enum {
    SEC_NONE = -1, SEC_FILES, SEC_MACH, SEC_SYSCTL, SEC_NETWORK, SEC_PROCESS,
    SEC_IPC, SEC_IOKIT, SEC_MISC, SEC_COUNT
} section_t;

/* The platforms a `platform NAME { ... }` block names (docs/language.md);
 * PLAT_ANY: a rule outside any block, for every platform. */
typedef enum { PLAT_ANY, PLAT_MACOS, PLAT_LINUX, PLAT_COUNT, PLAT_UNKNOWN = -1 } platform_t;

typedef struct ast_str {
    char *s;            /* decoded bytes, NUL-terminated */
    size_t len;         /* may differ from strlen(s) if a \x00 was decoded */
    span at;
} ast_str;

typedef struct ast_matcher {
    const char *kind;   /* keyword as written, NULL = section default */
    span kind_at;
    ast_str value;
    struct ast_matcher *next;
} ast_matcher;

typedef enum { MOD_REPORT, MOD_NO_REPORT, MOD_MESSAGE } modifier_kind;

typedef struct ast_modifier {
    modifier_kind kind;
    ast_str text;       /* MOD_MESSAGE */
    span at;
    struct ast_modifier *next;
} ast_modifier;

typedef struct ast_rule {
    int remove;
    action_t action;
    int final;
    section_t section;
    platform_t platform;    /* PLAT_ANY, or the platform block it sits in */
    const char *verb;
    span verb_at, action_at, at;   /* at: the whole rule */
    ast_matcher *matchers;
    ast_modifier *mods;
    struct ast_rule *next;
} ast_rule;

typedef struct ast_expect {
    action_t action;
    section_t section;
    const char *verb;   /* NULL: an SBPL operation is given in op */
    span verb_at;
    ast_str object;
    span at;
    struct ast_expect *next;
} ast_expect;

typedef struct ast_test {
    ast_str name;       /* s == NULL when unnamed */
    span at;
    platform_t platform;    /* PLAT_ANY, or the platform block it sits in (runs only there) */
    ast_expect *expects;
    struct ast_test *next;
} ast_test;

typedef struct ast_param {
    const char *name;
    span at;
    int has_default;
    ast_str def;
    struct ast_param *next;
} ast_param;

typedef struct ast_extends {
    ast_str name;
    struct ast_extends *next;
} ast_extends;

typedef struct ast_sbpl {
    ast_str text;       /* raw, no escapes; text.at.start = offset of first byte */
    span at;
    int verbatim;       /* sbpl verbatim: copied unchecked, before the generated rules */
    struct ast_sbpl *next;
} ast_sbpl;

typedef struct ast_comment {   /* "# buckle: ..." comments, for suppressions */
    span at;
    const char *text;           /* after "#" */
    int own_line;               /* nothing but blanks before it on its line */
    struct ast_comment *next;
} ast_comment;

typedef struct ast_stmt_pos {   /* start offsets of statements, for suppressions */
    uint32_t start, end;
} ast_stmt_pos;

typedef struct ast_file {
    const source *src;
    span extends_at;
    ast_extends *extends;
    ast_param *params;
    int has_default;
    action_t default_action;
    span default_at;
    ast_rule *rules, *rules_tail;
    ast_sbpl *sbpl, *sbpl_tail;
    ast_test *tests, *tests_tail;
    ast_comment *comments, *comments_tail;
    ast_stmt_pos *stmts;
    size_t nstmts, stmts_cap;
} ast_file;

const char *section_name(section_t s);
section_t section_from_name(const char *s);
/* "macos", "linux" ("any" for PLAT_ANY); PLAT_ANY for an unknown name. */
const char *platform_name(platform_t p);
platform_t platform_from_name(const char *s);
/* Parses one source into an AST; syntax errors go to diags (BK1001), with
 * recovery at ';' and '}' and at most BUCKLE_MAX_SYNTAX_ERRORS per run. */
/* nodes: where the nodes only lowering reads go (rules, matchers, modifiers,
 * and the scanner's string wrappers, whose contents are copied out); a
 * compilation recycles it after lowering.  It may be a. */
ast_file *parse_buckle(arena *a, arena *nodes, diag_list *diags, const source *src);
#endif
