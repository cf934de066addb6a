/* fmt.h - `buckle fmt`: the canonical layout of a .buckle file.
 *
 * The layout never moves a token to another line: it sets each line's
 * indentation (four spaces per open brace, four more on the continuation
 * lines of a statement), puts exactly one space between the tokens of a
 * line (none before ';' and ','; two before a trailing comment), strips
 * trailing blanks, the byte-order mark and the blank lines at the end, and
 * ends the file with one newline.  Strings, """ blocks and comments are kept
 * byte for byte.  Because every line keeps its number, suppression comments
 * cover the same statements, diagnostics keep their lines, and the compiled
 * profile (whose comments name source lines) is byte-identical. */
#ifndef BUCKLE_FMT_H
#define BUCKLE_FMT_H
#include "../grammar/ast.h"
#include "../support/strbuf.h"

/* Formats src into out.  Returns 0, or 1 when src has syntax errors (then
 * they are in dl and out is untouched). */
int fmt_buckle(const source *src, arena *a, diag_list *dl, strbuf *out);

/* The same handed to write(ctx, bytes, n) in pieces of about 64 KiB as it
 * is made, so that a large file is never held twice.  Nothing is written
 * when src has syntax errors (returns 1); returns 2 as soon as write
 * returns non-zero. */
typedef int (*fmt_write_fn)(void *ctx, const char *p, size_t n);
int fmt_buckle_stream(const source *src, arena *a, diag_list *dl, fmt_write_fn write, void *ctx);

/* A unified diff of a (the file, named name) against b (its formatted text),
 * lines paired by number as fmt keeps them; appends nothing when equal. */
void fmt_diff(strbuf *out, const char *name, const char *a, size_t alen, const char *b, size_t blen);
#endif
