/* decide.h - the profile semantics of docs/reference.md, evaluated directly on
 * the merged policy with parameter values.  Independent of the SBPL back end,
 * so that the two can be compared. */
#ifndef BUCKLE_DECIDE_H
#define BUCKLE_DECIDE_H
#include "compile.h"
#include "expand.h"
#include "../seatbelt/request.h"
#include "../seatbelt/regex.h"

typedef struct decider decider;

/* Values: built-in test values, then declared defaults, then -D (already in
 * c->defines), then extra (NAME=VALUE pairs). */
/* The values queries and tests use for the built-in parameters (docs/reference.md). */
const sb_param *test_param_values(size_t *n);

decider *decider_new(compilation *c, const sb_param *extra, size_t nextra);
void decider_free(decider *d);
const char *decider_value(const decider *d, const char *name);
/* A rule's matcher value with this decider's parameter values (cached). */
const char *decider_rule_value(decider *d, const rule *r, size_t *len);
/* The text every path a glob or regex rule matches starts with, with this
 * decider's values (escapes read, optional characters and top-level
 * alternatives left out: regex_literals.h), or NULL when none is known:
 * the literal start the decider's index files the rule under. */
const char *decider_rule_fixed(decider *d, const rule *r, size_t *len);
/* The first parameter the profile uses that has no value, or NULL. */
const char *decider_missing(const decider *d);
/* The parameters a compiled profile needs for these values: NAME, NAME.re
 * and NAME.ancestors for every parameter. */
const sb_param *decider_sbpl_params(const decider *d, size_t *n);

typedef struct decision {
    action_t action;       /* ACT_ALLOW or ACT_DENY */
    const rule *r;         /* deciding rule, NULL: the default */
} decision;

decision decider_decide(decider *d, const sb_request *q);
/* 1 when rule r's matcher covers the request's object. */
int decider_matches(decider *d, const rule *r, const sb_request *q);

/* Expands an object as a profile string would be (~, $NAME, /tmp ->
 * /private/tmp) using the decider's values.  Result in the decider's arena. */
const char *decider_expand_object(decider *d, const char *s, int is_path);
/* A path object canonical like a written path, in place: "//" and a
 * trailing "/" go, and on macOS /tmp, /var and /etc are under /private (the
 * kernel presents those).  query and test use it for every profile kind. */
void path_object_canonical(strbuf *b, int macos);

/* The request kind for a verb's objects. */
void request_kind_for(section_t sec, const char *verb, const char *obj, sb_request *q);
/* The request kind for a concrete SBPL operation ("local:NAME" = local-name). */
void request_kind_for_op(int op, const char *obj, sb_request *q);
/* NAME and NAME + each derived suffix (param_derived_suffix, in that
 * order) for each NAME=VALUE, for evaluating SBPL that buckle compiled (or
 * hand-written SBPL using the same convention). */
enum { DERIVED_PER_PARAM = PARAM_DERIVED_COUNT + 1 };
sb_param *derive_sbpl_params(arena *a, const sb_param *in, size_t n, size_t *out_n);
#endif
