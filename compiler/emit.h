/* emit.h - back ends: SBPL, IR dump, JSON. */
#ifndef BUCKLE_EMIT_H
#define BUCKLE_EMIT_H
#include "compile.h"

typedef struct emit_opts {
    int break_order;      /* test only: emit rules whose precedence depends on order */
} emit_opts;

/* Writes the profile's SBPL.  The output is deterministic. */
void emit_sbpl(compilation *c, const emit_opts *o, strbuf *out);
void emit_ir(compilation *c, strbuf *out);
void emit_json(compilation *c, strbuf *out);
/* A rule as the user would write it: deny final files read subpath "${HOME}/.ssh" */
void ir_rule_text(strbuf *out, const rule *r);
/* Writes s as an SBPL string expression: one or more quoted literals of at
 * most 1024 bytes each (joined with string-append). */
void sbpl_string(strbuf *out, const char *s, size_t len);
#define SBPL_MAX_LITERAL 1024
#endif
