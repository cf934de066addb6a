/* expand.h - parameters and path canonicalization (docs/reference.md). */
#ifndef BUCKLE_EXPAND_H
#define BUCKLE_EXPAND_H
#include "compile.h"
#include "../support/strbuf.h"

/* EXP_PREFIX: a path whose trailing "/" is kept (a string prefix "/a/b/"
 * does not match /a/bc; every other path drops it).  EXP_NAME_REGEX: a
 * regex over names (mach, sysctl, ...): checked as a regex, but a parameter
 * at its start is a name, not the root of a path. */
typedef enum { EXP_NAME, EXP_PATH, EXP_PREFIX, EXP_GLOB, EXP_REGEX, EXP_NAME_REGEX, EXP_TEXT } expand_mode;

/* Expands $NAME, ${NAME}, $$ and a leading ~ (paths) into a template with
 * parameter markers, then canonicalizes paths.  Reports BK2001/BK2007/BK2008
 * and returns NULL on error. */
const char *expand_value(compilation *c, const ast_str *s, expand_mode mode, size_t *len);
/* What expand_value saw while checking a value kept as written. */
typedef struct value_info {
    int plain;      /* one SBPL literal as it is: nothing to escape, no parameter */
    int depth;      /* path components, or -1 when not counted */
} value_info;
const char *expand_value_info(compilation *c, const ast_str *s, expand_mode mode, size_t *len, value_info *vi);

/* Parameter values inside templates (docs/language.md).  param_expand appends
 * template t with each parameter replaced by its value from vals (name ->
 * value): a value "/" followed by "/" joins as one slash ("$P/x" with P=/ is
 * "/x"); TPL_REGEX quotes values with param_regex_quote; TPL_KEEP leaves a
 * parameter without a value as a marker (otherwise it becomes "").  A path
 * (neither flag) that a value puts under /tmp, /var or /etc is written under
 * /private, as the kernel sees it. */
void param_expand(strbuf *out, const char *t, size_t len, const hashmap *vals, int flags);
/* The template's expansion starts with /tmp, /var or /etc because of a
 * value ("$P/etc/x" with P=/, "/$D/x" with D=tmp): the kernel sees the path
 * under /private, so param_expand (paths) writes it there, and a glob's
 * regex must be anchored there too. */
int template_private_alias(const char *t, size_t len, const hashmap *vals);
/* A value as a regex matching it literally; "/" is "/?", which also absorbs
 * the "/" that follows it in a path. */
void param_regex_quote(strbuf *out, const char *v, size_t len);
/* NAME.ancestors: ^(/|/a|/a/b)$ for /a/b/c; for "/" a regex matching no path. */
void param_ancestors_regex(strbuf *out, const char *v);
/* NAME.pdir and NAME.pre: NAME.dir and NAME.re for a value followed by
 * /tmp, /var or /etc, where the root "/" must read "/private/" ("/private"
 * in a regex), as the kernel sees those paths. */
void param_private_value(strbuf *out, const char *v, int regex);
/* The derived parameter NAME+sfx (sfx ".re", ".ancestors", ".dir", ".pdir",
 * ".pre", ".root", ".rootre", ".up", ".uproot", ".ifroot", ".ifnotroot", ".ifalias", ".fold", ".foldfirst", ".ifslash", ".ifnoslash" or ".upfirst",
 * docs/language.md) of v,
 * appended to out; 0 for another suffix.  One table: derive_sbpl_params,
 * param_expand and the SBPL back end all derive through it. */
int param_derived(strbuf *out, const char *v, const char *sfx, size_t sl);
/* The suffixes param_derived knows, i < PARAM_DERIVED_COUNT (NULL past
 * them), in the order derive_sbpl_params writes them: the one list of the
 * derived parameters (buckle run's help, import's reading of them). */
enum { PARAM_DERIVED_COUNT = 17 };
const char *param_derived_suffix(size_t i);
/* 1 when the derived form sfx (".dir", ...; sl bytes) holds the value's
 * text as it is, or sfx is no suffix buckle derives; 0 for a quoted regex
 * form or a "" / "//" switch. */
int param_derived_as_written(const char *sfx, size_t sl);
/* The regex of template t as the kernel sees its paths: TPL_GLOB reads t
 * as a glob (glob_to_regex), otherwise as exact text, anchored at its
 * start only.  Values from vals are quoted in place; a parameter without
 * one is dropped, or with TPL_KEEP left as the marker of the derived
 * parameter that holds its regex (NAME.re, NAME.pre, NAME.rootre).  On
 * macOS (no TPL_LINUX) a regex that values put under /tmp, /var or /etc
 * starts "^/private", and a glob whose first component is a pattern that
 * matches tmp, var or etc (glob_alias_mask, with the values in) is
 * followed by "|" and the regex of each such path under /private (not with
 * TPL_NOALIAS).  The one place the aliases are applied to patterns. */
void template_regex(strbuf *out, const char *t, size_t len, const hashmap *vals, int flags);
/* The aliases (glob_alias_mask) glob template t's first component matches,
 * with the values in; 0 where a parameter there has none. */
unsigned template_glob_alias(const char *t, size_t len, const hashmap *vals);
/* A prefix template with parameters whose text, with the values in, ends
 * inside the first component /tmp, /var or /etc ("/t$X", X=m): the aliases
 * (bit 0 tmp, 1 var, 2 etc) under /private its paths also lie in; 0 where a
 * value is missing.  A written one is split when lowered. */
unsigned template_prefix_alias(const char *t, size_t len, const hashmap *vals);
/* NAME.dir: the value ending in exactly one "/" ("/" for the root). */
void param_dir_value(strbuf *out, const char *v);
/* A value that can stand inside a path after other text: relative, no
 * empty, "." or ".." component, no trailing "/". */
int param_inner_ok(const char *v);
/* A regex matching the paths of lo to hi components (hi < 0: no upper
 * bound); "/" has none. */
void depth_band_regex(strbuf *out, int lo, int hi);

/* "/tmp", "/var" or "/etc" when the path (len bytes) starts with one of these
 * symlinks into /private, followed by its end, a '/' or a byte of ends;
 * otherwise NULL.  The sandbox sees the /private path. */
const char *private_alias(const char *path, size_t len, const char *ends);
/* The k-th of those links ("/tmp", ...), NULL past the last. */
const char *private_alias_name(size_t k);
/* The alias at p ("/TMP", as private_alias matched it) as the link is
 * named, "/tmp" */
void private_alias_lower(char *p);
/* Puts "/private" in front of b when it starts with such an alias. */
void sb_private_alias(strbuf *b);
#endif
