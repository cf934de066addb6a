/* expand.h - parameters and path canonicalization (docs/reference.md). */
#ifndef BUCKLE_EXPAND_H
#define BUCKLE_EXPAND_H
#include "compile.h"

typedef enum { EXP_NAME, EXP_PATH, EXP_GLOB, EXP_REGEX, EXP_TEXT } expand_mode;

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

/* "/tmp", "/var" or "/etc" when the path (len bytes) starts with one of these
 * symlinks into /private, followed by its end, a '/' or a byte of ends;
 * otherwise NULL.  The sandbox sees the /private path. */
const char *private_alias(const char *path, size_t len, const char *ends);
/* Puts "/private" in front of b when it starts with such an alias. */
void sb_private_alias(strbuf *b);
#endif
