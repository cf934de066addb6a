/* final_match.h - what the final checks of rules (final.c) and of raw sbpl
 * rules (raw_final.c) share: the parameter values a compilation knows,
 * candidate values that may make two matchers meet, a matcher with values
 * put in, and how two matchers without parameters relate. */
#ifndef BUCKLE_FINAL_MATCH_H
#define BUCKLE_FINAL_MATCH_H
#include "compile.h"
#include "overlap.h"

#define MAX_WPARAMS 4
#define MAX_CANDIDATES 40
#define MAX_TRIES 1024

/* parameters and the values to try for each */
typedef struct witness {
    const char *name[MAX_WPARAMS];
    size_t nlen[MAX_WPARAMS];
    const char *cand[MAX_WPARAMS][MAX_CANDIDATES];
    size_t ncand[MAX_WPARAMS];
    size_t n;
} witness;

/* The operations a final rule decides for the final checks: its own, and
 * for a deny of reading or writing a path also mounting over it (which
 * hides or replaces what it denies) and issuing a sandbox extension for it
 * (which hands the access to another process).  1 when that adds some. */
int final_reach(const rule *f, opset *out);
/* The values a compilation knows into known: the test values, the declared
 * defaults that name no other parameter, then -D. */
void final_known_values(const compilation *c, hashmap *known);
/* The parameters m names, into w (up to MAX_WPARAMS). */
void witness_add_params(witness *w, const matcher *m);
/* v as a candidate for parameter k (NULL, empty and repeated ones are not). */
void witness_add(witness *w, size_t k, const char *v);
/* Candidate values from a text: "/", each prefix that ends before a "/",
 * the text itself, a directory below it and each of its components. */
void witness_add_from(arena *ar, witness *w, size_t k, const char *s);
/* Values for parameter k, m's first, that make m's text the text t: what
 * follows the text before it in t, and that cut where the text after it
 * appears ("com.$S" against "com.apple.secd": S=apple.secd; "$P/t" against
 * "/s/t": P=/s). */
void witness_add_around(arena *ar, witness *w, size_t k, const matcher *m, const char *t);
/* The same for t, and for a t under /private/tmp, /private/var or
 * /private/etc also for t as the alias spells it: "/t$D/s" meets
 * "/private/tmp/s/x" for D=mp, which the output writes under /private. */
void witness_add_around_alias(arena *ar, witness *w, size_t k, const matcher *m, const char *t);
/* Values for parameter k that make m's first component, the text written
 * around it there kept, /tmp, /var or /etc in that text's case ("/T$X":
 * X=mp). */
void witness_add_alias_parts(arena *ar, witness *w, size_t k, const matcher *m);
/* Values for parameter k of m that make its text, the other parameters at
 * their values in known, read as string o (what follows the text before
 * it, cut where o ends with the text after it up to one of its "/": "/a/"
 * + P + "c/x" against "/a/bc" gives P=b); a regex is read from its "^" to
 * its first metacharacter. */
void witness_solve(arena *ar, int on_linux, witness *w, size_t k, const matcher *m, const hashmap *known, const char *o);
/* m with the parameters replaced by their values in vals (on_linux: no
 * /private alias). */
void final_instantiate(arena *ar, int on_linux, const matcher *m, const hashmap *vals, matcher *out);
/* The matchers m stands for with the values in vals (up to 4): m
 * instantiated, except that a prefix whose values end its text inside
 * /tmp, /var or /etc ("/$D" with D=tmp, "/t$X" with X=m) is its text as
 * written (which covers /tmpx too) and a subpath of each such alias under
 * /private, as the output writes it.  Returns how many. */
size_t final_instances(arena *ar, int on_linux, const matcher *m, const hashmap *vals, matcher out[4]);
/* How two matchers relate, a pattern against a string decided on the
 * string when neither has parameters (mac: globs as the kernel reads them). */
relation final_relate(arena *ar, int mac, const matcher *a, const matcher *b);
/* 1 when every object a matches lies inside f's scope. */
int final_inside(arena *ar, int mac, const matcher *a, const matcher *f);

#endif
