/* gen_oracle.h - the parts of docs/language.md that the decider and the
 * SBPL back end share code for, computed here a second way from the text:
 * what a glob covers, and the depth of a path matcher.  diff-check
 * --generate compares them with the compiler's. */
#ifndef BUCKLE_GEN_ORACLE_H
#define BUCKLE_GEN_ORACLE_H
#include "../../compiler/decide.h"

/* 1 when glob template g (parameters as PARAM_OPEN NAME PARAM_CLOSE, their
 * values taken from d and matched literally) covers path s: a prefix of s
 * that ends at a component boundary matches the whole glob. */
int oracle_glob_covers(const decider *d, const char *g, size_t gl, const char *s, size_t n);
/* 1 when path text t (a glob's when escaped) starts with the component
 * tmp, var or etc in any case of its letters, which the kernel sees under
 * /private (macOS); a path that starts so is never presented to the sandbox. */
int oracle_alias_text(const char *t, size_t n, int escaped);
/* Appends that path as the kernel presents it: under /private, the link's
 * name in the volume's case ("/TMP/s" is /private/tmp/s). */
void oracle_private(strbuf *out, const char *t, size_t n);

/* The depth of a path matcher as docs/language.md defines it, from its template; -1 when
 * the text leaves it open (a parameter glued to other text). */
int oracle_depth(const matcher *m);
/* 1 when a regex template has an alternative `|` outside every group and class */
int oracle_regex_has_top_alt(const char *re, size_t n);
/* 1 when the first component of path template v (after a root parameter
 * and "/") holds a parameter glued to text: "/t$X", "${P}p", "$P/t$X" */
int oracle_glued_first(const char *v, size_t n);
/* 0 when docs/language.md implies no traversal of directory s for the
 * allow r (its own metadata is not traversal); 1 when it does, or where
 * this reading does not follow (values that move a path under /private,
 * regexes with escapes or parameters, a value after a glob's wildcard). */
int oracle_traversal(const decider *d, const rule *r, const char *s, size_t n);
/* 1 when a rule's target (filter) matches a request for target q: the same
 * one, or one that holds it for certain (a process is in its own sandbox
 * and process group; its children are in its sandbox) */
int oracle_target_holds(const char *filter, const char *q);
#endif
