/* import_model.h - what `buckle import FILE.sb` works on (daily/import_sb.c
 * drives it): the original's top-level forms, its evaluated rules, its
 * parameters and the sets of values the import is compared under.  Shared by
 * import_sb.c (parameters, forms, the driver), import_translate.c (a rule in
 * .buckle words), import_order.c (which rules decide), import_write.c (the
 * output) and import_check.c (the comparison with the original). */
#ifndef BUCKLE_IMPORT_MODEL_H
#define BUCKLE_IMPORT_MODEL_H
#include "import.h"
#include "../compiler/verbs.h"
#include "../sbpl/sbpl_eval.h"
#include "../compiler/decide.h"
#include "diff_values.h"

#define SENT "__buckle_param_"
#define SENT_ANC "__buckle_ancestors_"
#define MAX_ROUNDS 24
#define NSETS 2          /* the base sets of parameter values the import is compared under */
#define MAX_SETS (NSETS + DIFF_MAX_VALUE_SETS)   /* and those lined up with its paths */

/* a top-level form: a rule, (version 1), a definition, the default, an
 * (import ...), a conditional (if, when, unless, cond, case) whose
 * parameters are given with -D, or something else (a helper's call) */
enum { FK_OTHER, FK_RULE, FK_VERSION, FK_DEFINE, FK_DEFAULT, FK_IMPORT, FK_COND };

typedef struct iform {
    const sexp *x;
    int kind;
    int raw;
    const char *why;              /* why it is raw */
    uint32_t from, to;            /* its text with its comments, whole lines */
    uint32_t cfrom;               /* where its leading comments start */
    int verbatim;                 /* kept in an sbpl verbatim block, not evaluated */
    int keep_def;                 /* a definition a verbatim form uses: copied there too */
    int cond;                     /* kept verbatim because its rules depend on a parameter's value */
} iform;

typedef struct irule {
    const sb_rule *r;             /* with the parameters as markers */
    int form;
    opset live;                   /* concrete operations it decides */
    const char *why;              /* not expressible: the reason */
} irule;

typedef struct imp {
    arena *a;
    diag_list *dl;
    const source *src;
    const import_sb_opts *o;
    iform *forms;
    size_t nforms;
    irule *rules;
    size_t nrules;
    const char **pnames;          /* parameter base names */
    size_t np;
    sb_param *test;               /* values to compare with: the current set */
    size_t ntest;
    sb_policy *sym, *val;         /* evaluated with markers, with the current values */
    sb_param *sets[MAX_SETS];     /* [0, NSETS) the base sets, then diff_values.h's */
    size_t nsets[MAX_SETS];
    sb_policy *vals[MAX_SETS];
    const char *const *near[MAX_SETS];   /* a lined-up set: the paths compared (NULL: all) */
    size_t nnear[MAX_SETS];
    const char *label[MAX_SETS];  /* "HOME=/Users/me", or NULL */
    int nset;                     /* how many sets */
    int cur;                      /* the current set */
    const char *dflt;             /* "deny", "allow" or NULL */
    int *line_form;               /* per line of the output: its form, or -1 */
    size_t nlines, lines_cap;
    int unwritable;               /* 1 + a form whose rules cannot be written */
    int plain_re;                 /* writing a form that splices parameters into regexes unquoted */
    hashmap defined;              /* names a (define ...) made: their define form */
    int fragment;                 /* no default: imported as a profile to extend */
    const source *fragment_src;   /* the (deny default) it is checked under */
    const char *const *dirs;      /* where (import ...) looks: -I, then the file's directory */
    size_t ndirs;
    const source **fsrc;          /* the files (import ...) read, and their forms */
    const sexp **ftop;
    size_t nforeign;
} imp;

/* import_sb.c */
int builtin_param(const char *n);
int buckle_param_name(const char *n);
void use_set(imp *m, int k);
/* the first form, not verbatim, with a path filter that starts with
 * parameter i; -1 when none has */
int param_path_form(const imp *m, size_t i);
uint32_t line_start(const source *s, uint32_t at);
uint32_t line_end(const source *s, uint32_t at);
int form_of(const imp *m, uint32_t at);
void put_comments(strbuf *b, const imp *m, uint32_t from, uint32_t to, const char *indent);
const sexp *foreign_forms(const imp *m, const source *s);
/* import_translate.c */
const char *ns_head(const imp *m, const sfilter *f);
int put_string(strbuf *b, const imp *m, const char *s, size_t n, int path);
const char *rule_text(strbuf *b, const imp *m, const sb_rule *r, int op, section_t *sec);
const sfilter *written_filter(const sfilter *f);
/* import_order.c */
void liveness(imp *m);
int verbatim_order(imp *m, const char **why);
int order_conflicts(imp *m);
/* import_write.c */
void note_lines(imp *m, const strbuf *b, size_t from, int form);
void emit(imp *m, strbuf *b, const char *name);
/* import_check.c */
int op_family(int op);
int mark_family(imp *m, int fam, const char *why);
int check(imp *m, const strbuf *b, const char *name);
int splices_param_unquoted(const imp *m, const sexp *x);
#endif
