/* carry_suppress.c - the "# buckle: ignore[...] -- reason" comments of a
 * .buckle source, carried onto the SBPL rules compiled from the statements
 * they cover, as "; buckle: ignore[...] -- reason" comments that lint of the
 * .sb honours.  A file-ignore covers every rule of its file, so it is carried
 * as an ignore of each.  Coverage is the one lint applies to the source: a
 * comment at the end of a line covers the statement on that line, one on its
 * own line the next statement. */
#include "emit.h"
#include <string.h>

/* the statement holding offset off (statements are recorded in source order) */
static const ast_stmt_pos *stmt_at(const ast_file *f, uint32_t off, const ast_stmt_pos **prev)
{
    size_t lo = 0, hi = f->nstmts;
    while (lo < hi) {                      /* first statement starting after off */
        size_t mid = lo + (hi - lo) / 2;
        if (f->stmts[mid].start <= off) lo = mid + 1; else hi = mid;
    }
    if (lo == 0) return NULL;
    const ast_stmt_pos *s = &f->stmts[lo - 1];
    if (off > s->end) return NULL;
    *prev = lo >= 2 ? &f->stmts[lo - 2] : NULL;
    return s;
}

static void put_one(strbuf *out, const char *text, int file_wide, const char *lead)
{
    const char *p = text;
    while (*p == ' ' || *p == '\t') p++;
    p += 7;                                 /* "buckle:" (the lexer keeps no other) */
    while (*p == ' ') p++;
    if (file_wide && !lead) p += 5;         /* "file-ignore[" -> "ignore[" */
    sb_puts(out, lead ? lead : "  ; ");
    sb_puts(out, "buckle: ");
    for (; *p && *p != '\n'; p++) {
        unsigned char ch = (unsigned char)*p;
        sb_putc(out, ch < 0x20 || ch == 0x7f ? '?' : (char)ch);
    }
}

static int is_directive(const char *text, const char *what)
{
    const char *p = text;
    while (*p == ' ' || *p == '\t') p++;
    p += 7;
    p += strspn(p, " ");
    return !strncmp(p, what, strlen(what));
}

void put_carried_file_ignores(strbuf *out, const unit *u)
{
    const ast_file *f = u ? u->ast : NULL;
    if (!f) return;
    uint32_t first = f->nstmts ? f->stmts[0].start : (uint32_t)u->src->len;
    for (const ast_comment *c = f->comments; c; c = c->next)
        if (c->at.start < first && is_directive(c->text, "file-ignore[")) { put_one(out, c->text, 1, ";; "); sb_putc(out, '\n'); }
}

int carries_suppressions(const unit *u, int main_unit)
{
    const ast_file *f = u ? u->ast : NULL;
    if (!f || !f->comments || !u->src) return 0;
    uint32_t first = f->nstmts ? f->stmts[0].start : (uint32_t)u->src->len;
    for (const ast_comment *c = f->comments; c; c = c->next) {
        if (is_directive(c->text, "file-ignore[")) {
            if (c->at.start < first && !main_unit) return 1;
        } else if (is_directive(c->text, "ignore[")) {
            return 1;
        }
    }
    return 0;
}

void put_carried_suppressions(strbuf *out, const unit *u, span at, int main_unit)
{
    const ast_file *f = u ? u->ast : NULL;
    if (!f || !f->comments || !u->src) return;
    const ast_stmt_pos *prev = NULL, *s = stmt_at(f, at.start, &prev);
    uint32_t first = f->nstmts ? f->stmts[0].start : (uint32_t)u->src->len;
    uint32_t from = 0, to = 0;
    if (s) { from = source_position(u->src, s->start).line; to = source_position(u->src, s->end).line; }
    for (const ast_comment *c = f->comments; c; c = c->next) {
        int file_wide = is_directive(c->text, "file-ignore[");
        int ignore = is_directive(c->text, "ignore[");
        if (file_wide) {
            if (c->at.start < first && !main_unit) put_one(out, c->text, 1, NULL);
            continue;
        }
        if (!ignore || !s) continue;
        if (c->own_line) {
            if (c->at.start < s->start && (!prev || c->at.start > prev->end)) put_one(out, c->text, 0, NULL);
        } else {
            uint32_t l = source_position(u->src, c->at.start).line;
            if (l >= from && l <= to) put_one(out, c->text, 0, NULL);
        }
    }
}
