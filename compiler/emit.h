/* emit.h - back ends: SBPL, IR dump, JSON. */
#ifndef BUCKLE_EMIT_H
#define BUCKLE_EMIT_H
#include "compile.h"

typedef struct emit_opts {
    int break_order;      /* test only: emit rules whose precedence depends on order */
} emit_opts;

/* Writes the profile's SBPL.  The output is deterministic. */
void emit_sbpl(compilation *c, const emit_opts *o, strbuf *out);
/* The same profile, byte for byte, handed to sink->write in pieces as it is
 * written, so that a large profile is never held whole.  The header comes
 * first, so the parameters it names are predicted; returns 0, -1 when a
 * write failed (its value passed on), or 1 when the prediction was wrong (a
 * dead rule's message named a parameter nothing else does): the caller
 * discards what was written and uses emit_sbpl. */
typedef struct emit_sink {
    int (*write)(void *ud, const char *p, size_t n);   /* 0, or non-zero to stop */
    void *ud;
} emit_sink;
int emit_sbpl_stream(compilation *c, const emit_opts *o, const emit_sink *sink);
void emit_ir(compilation *c, strbuf *out);
void emit_json(compilation *c, strbuf *out);
/* A rule as the user would write it: deny final files read subpath "${HOME}/.ssh" */
void ir_rule_text(strbuf *out, const rule *r);
/* Writes s as an SBPL string expression: one or more quoted literals of at
 * most 1024 bytes each (joined with string-append). */
void sbpl_string(strbuf *out, const char *s, size_t len);
#define SBPL_MAX_LITERAL 1024
#endif
