/* patterns.h - globs, fixed parts and specificity (regex syntax: seatbelt/regex_syntax.h). */
#ifndef BUCKLE_PATTERNS_H
#define BUCKLE_PATTERNS_H
#include "ir.h"
#include "../support/strbuf.h"
#include "../support/hashmap.h"
#include "../seatbelt/regex_syntax.h"

/* Checks a glob template; returns NULL or an error message, *off = offset. */
const char *glob_check(const char *g, size_t len, size_t *off);

/* Writes a glob's canonical spelling: an escaped character that is not a
 * glob metacharacter ("\\t") and a bracket expression that lists one
 * character ("[t]") are that character as plain text (a metacharacter
 * stays escaped: "[*]" is "\\*").  "/e\\tc" is then "/etc", which the
 * /private rewrite and the fixed part see as written.  Returns whether the
 * spelling changed; an invalid bracket is copied for glob_check. */
int glob_canonical(strbuf *out, const char *g, size_t len);

/* Writes the regex for a glob template; a parameter marker is handed to
 * put_param (which must write something matching the value literally). */
typedef void (*param_writer)(strbuf *out, const char *name, size_t len, void *ud);
void glob_to_regex(strbuf *out, const char *g, size_t len, param_writer put_param, void *ud);

/* The /private aliases (bit k: glob_alias_name(k)) that the first
 * component c[0, n) of a path (no '/', no parameter) stands for on macOS,
 * in any case of its letters, since a volume is case-insensitive unless
 * made otherwise ("/TMP" is the /tmp link): ALIAS_TEXT its whole text
 * ("Tmp"), ALIAS_BEGIN a text an alias begins with (a prefix "/TM" that
 * ends inside /tmp), ALIAS_GLOB a glob component that matches one ("T*").
 * The one answer to which first components mean /private/tmp, /var or
 * /etc: private_alias, the glob and prefix splits and the final checks
 * all ask it. */
typedef enum { ALIAS_TEXT, ALIAS_BEGIN, ALIAS_GLOB } alias_how;
unsigned alias_component(const char *c, size_t n, alias_how how);

/* A glob whose first component is a pattern (a wildcard or bracket in
 * it, no parameter, not a globstar) that matches "tmp", "var" or "etc"
 * in some case of its letters (alias_component):
 * the kernel sees those paths under /private ("/t*" + "/x" covers
 * /private/tmp/x).  Returns a mask of the aliases it matches (bit k:
 * glob_alias_name(k)) and sets *rest to the offset after the first
 * component; 0 when none (a written "/tmp" was rewritten when read).
 * After a leading globstar, which may be no component, the next one is
 * read so too, as plain text as well ("/" + globstar + "/TMP/x" covers
 * /private/tmp/x), for the aliases it does not match in lowercase (those
 * the globstar as "private" covers as written). */
unsigned glob_alias_mask(const char *g, size_t len, size_t *rest);
const char *glob_alias_name(unsigned k);
/* "/private/" + glob_alias_name(k) + g[rest, len): the glob's matches
 * below that alias, as the kernel sees them. */
void glob_alias_text(strbuf *out, unsigned k, const char *g, size_t len, size_t rest);
/* glob_to_regex, then for each alias the first component matches (as a
 * pattern, or as plain text that values made: "/t$X" with X=mp) "|" and the
 * regex of glob_alias_text: every path the glob covers as the kernel sees
 * it (macOS).  put_param sees names inside a temporary text for the
 * alternatives. */
void glob_to_regex_kernel(strbuf *out, const char *g, size_t len, param_writer put_param, void *ud);

/* "^(/|/Users|/Users/test)$" for the proper ancestors of an absolute path. */
void ancestors_regex(strbuf *out, const char *path);

/* Fills m->fixed, m->fixed_len, m->spec_a, m->spec_b and m->dir (a glob
 * ending in a "**" component: its fixed part is cut before that component's
 * '/', and the glob matches the fixed part and below only). */
void matcher_finish(arena *a, matcher *m);
/* The same, given the number of components of a parameter-free path value
 * (-1: count them). */
void matcher_finish_depth(arena *a, matcher *m, int depth);
/* Number of path components in a template prefix; a parameter is one. */
int template_depth(const char *s, size_t len);
/* Flags of param_expand (expand.h): TPL_REGEX values regex-quoted, TPL_GLOB
 * values escaped as glob text, TPL_KEEP a parameter without a value stays a
 * marker (otherwise it becomes ""). */
enum { TPL_REGEX = 1, TPL_KEEP = 2, TPL_GLOB = 4, TPL_LINUX = 8,   /* TPL_LINUX: no /private aliases */
       TPL_NOALIAS = 16,     /* a glob's regex as written: no alternatives for a first component
                              * pattern that matches an alias (glob_alias_mask) */
       TPL_FOLD1 = 64,       /* template_regex: the first component after the root (and after a
                              * root parameter's "/") in every case of its letters, a parameter
                              * there as NAME.fold: the alias it may make, as the kernel names it */
       TPL_PREFIX = 32 };    /* a prefix's text: values that make exactly "/tmp" (or /var, /etc)
                              * keep it as written (template_prefix_alias adds /private/tmp
                              * and below; "/private/tmp" would also start /private/tmpfoo) */
#endif
