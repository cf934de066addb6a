/* suppress.c - "# buckle: ignore[ID|slug, ...] -- reason" (and "; buckle:"
 * in .sb files).  On its own line a suppression covers the next statement;
 * at the end of a line, the statement on that line; file-ignore, only before
 * the first statement, covers the whole file.  BK1 and BK2 errors cannot be
 * suppressed, and a suppression never covers another file's lines. */
#include "suppress.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct supp {
    span at;
    int file_wide;
    const char *ids[16];
    const lint_rule *rules[16];
    int nids;
    int used;
    uint32_t line_from, line_to;   /* lines covered */
} supp;

static uint32_t line_of(const source *s, uint32_t off) { return source_position(s, off).line; }

typedef struct spans { uint32_t *s, *e; size_t n, cap; arena *a; } spans;

static void spans_add(spans *v, uint32_t s, uint32_t e)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        uint32_t *ns = arena_alloc(v->a, cap * sizeof *ns), *ne = arena_alloc(v->a, cap * sizeof *ne);
        if (v->n) { memcpy(ns, v->s, v->n * sizeof *ns); memcpy(ne, v->e, v->n * sizeof *ne); }
        v->s = ns; v->e = ne; v->cap = cap;
    }
    v->s[v->n] = s;
    v->e[v->n++] = e;
}

/* Finds comments outside strings, [start, end) each.  In compiled output
 * (carried) a comment may hold several directives after the rule's origin,
 * "; std/x.buckle:3  ; buckle: ignore[...] -- why": each is one span. */
static void find_comments(const source *src, char cc, int carried, spans *out)
{
    const char *t = src->text;
    size_t n = src->len;
    /* the bytes that can start a string, a comment or a block comment:
     * everything else is passed over without a look at what follows */
    unsigned char starts[256] = { 0 };
    starts['"'] = starts[(unsigned char)cc] = starts['#'] = 1;
    for (size_t i = 0; i < n; i++) {
        while (i < n && !starts[(unsigned char)t[i]]) i++;
        if (i >= n) break;
        if (cc == '#' && i + 2 < n && !memcmp(t + i, "\"\"\"", 3)) {
            const char *e = strstr(t + i + 3, "\"\"\"");
            i = e ? (size_t)(e - t) + 2 : n;
            continue;
        }
        if (t[i] == '"' || (cc == ';' && t[i] == '#' && i + 1 < n && t[i + 1] == '"')) {
            int raw = t[i] == '#';
            i += raw ? 2 : 1;
            while (i < n && t[i] != '"' && (cc == ';' || t[i] != '\n')) {
                if (!raw && t[i] == '\\') i++;
                i++;
            }
            continue;
        }
        if (cc == ';' && t[i] == '#' && i + 1 < n && t[i + 1] == '|') {
            const char *e = strstr(t + i + 2, "|#");
            i = e ? (size_t)(e - t) + 1 : n;
            continue;
        }
        if (t[i] == cc) {
            size_t e = i;
            while (e < n && t[e] != '\n') e++;
            size_t from = i;
            for (size_t k = i + 1; carried && k + 8 < e; k++) {
                if (t[k] != cc || t[k + 1] != ' ') continue;
                size_t q = k + 1;
                while (q < e && t[q] == ' ') q++;
                if (e - q >= 7 && !memcmp(t + q, "buckle:", 7)) { spans_add(out, (uint32_t)from, (uint32_t)k); from = k; }
            }
            spans_add(out, (uint32_t)from, (uint32_t)e);
            i = e;
        }
    }
}

static int suppressible(const char *code)
{
    const lint_rule *r = code ? lint_rule_find(code) : NULL;
    return r && !(r->unsuppressible && r->info.default_sev == SEV_ERROR);
}

void lint_apply_suppressions(lint_ctx *lc, const source *src, const uint32_t *stmt_starts,
                             const uint32_t *stmt_ends, size_t nstmts, char cc,
                             const lint_alias *aliases, size_t naliases, const lint_spans *off)
{
    if (!src) return;
    spans found = { NULL, NULL, 0, 0, lc->a };
    find_comments(src, cc, lc->v->generated, &found);
    const uint32_t *cs = found.s, *ce = found.e;
    size_t nc = found.n;
    supp *sp = arena_alloc(lc->a, (nc + 1) * sizeof *sp);
    size_t ns = 0;
    uint32_t first_stmt = nstmts ? stmt_starts[0] : (uint32_t)src->len;
    for (size_t i = 0; i < nstmts; i++) if (stmt_starts[i] < first_stmt) first_stmt = stmt_starts[i];
    for (size_t i = 0; i < nc; i++) {
        const char *p = src->text + cs[i], *end = src->text + ce[i];
        while (p < end && (*p == cc || *p == ' ' || *p == '\t')) p++;
        if (end - p < 7 || strncmp(p, "buckle:", 7) != 0) continue;
        p += 7;
        while (p < end && *p == ' ') p++;
        supp *s = &sp[ns];
        memset(s, 0, sizeof *s);
        s->at = (span){ src, cs[i], ce[i] };
        if (end - p >= 12 && !strncmp(p, "file-ignore[", 12)) { s->file_wide = 1; p += 12; }
        else if (end - p >= 7 && !strncmp(p, "ignore[", 7)) p += 7;
        else {
            lint_report(lc, BK0003, s->at, "unknown buckle: directive (expected ignore[...] or file-ignore[...])");
            continue;
        }
        const char *close = memchr(p, ']', (size_t)(end - p));
        if (!close) { lint_report(lc, BK0003, s->at, "unterminated [ in a suppression"); continue; }
        int bad = 0;
        while (p < close) {
            while (p < close && (*p == ' ' || *p == ',')) p++;
            const char *b = p;
            while (p < close && *p != ',' && *p != ' ') p++;
            if (p == b) continue;
            const char *id = arena_strndup(lc->a, b, (size_t)(p - b));
            if (!strcmp(id, "all")) { lint_report(lc, BK0003, s->at, "ignore[all] is refused: name the rules"); bad = 1; continue; }
            const lint_rule *r = lint_rule_find(id);
            if (!r) {
                span at = { src, (uint32_t)(b - src->text), (uint32_t)(p - src->text) };
                diag *d = lint_report(lc, BK0003, at, "suppression names no known rule: %s", id);
                int exact;
                const lint_rule *sug = lint_rule_suggest(id, &exact);
                int is_id = (id[0] == 'B' || id[0] == 'b') && (id[1] == 'K' || id[1] == 'k');
                if (d && sug) diag_help(lc->dl, d, "did you mean %s? (%s)", is_id ? sug->id : sug->info.slug,
                                        is_id ? sug->info.slug : sug->id);
                bad = 1;
                continue;
            }
            if (!suppressible(r->id)) {
                lint_report(lc, BK0003, s->at, "%s (%s) cannot be suppressed: it is an error of the language", r->id, r->info.slug);
                bad = 1;
                continue;
            }
            if (s->nids < 16) { s->ids[s->nids] = id; s->rules[s->nids++] = r; }
        }
        p = close + 1;
        while (p < end && *p == ' ') p++;
        int has_reason = end - p >= 2 && p[0] == '-' && p[1] == '-';
        if (has_reason) { p += 2; while (p < end && isspace((unsigned char)*p)) p++; has_reason = p < end; }
        if (!has_reason) lint_report(lc, BK0002, s->at, "suppression without a reason: add `-- why`");
        if (s->file_wide && cs[i] > first_stmt) {
            lint_report(lc, BK0003, s->at, "file-ignore must come before the first statement");
            continue;
        }
        if (!s->nids) { (void)bad; continue; }
        /* lines covered */
        uint32_t cl = line_of(src, cs[i]);
        uint32_t ls = cs[i];
        while (ls > 0 && (src->text[ls - 1] == ' ' || src->text[ls - 1] == '\t')) ls--;
        int own_line = ls == 0 || src->text[ls - 1] == '\n';
        s->line_from = s->line_to = cl;
        if (s->file_wide) { s->line_from = 1; s->line_to = UINT32_MAX; }
        else if (own_line) {
            size_t best = nstmts;
            for (size_t k = 0; k < nstmts; k++)
                if (stmt_starts[k] > ce[i] && (best == nstmts || stmt_starts[k] < stmt_starts[best])) best = k;
            if (best < nstmts) { s->line_from = line_of(src, stmt_starts[best]); s->line_to = line_of(src, stmt_ends[best]); }
        } else {
            for (size_t k = 0; k < nstmts; k++) {
                uint32_t a = line_of(src, stmt_starts[k]), b = line_of(src, stmt_ends[k]);
                if (a <= cl && cl <= b) {
                    if (a < s->line_from) s->line_from = a;
                    if (b > s->line_to) s->line_to = b;
                }
                if (b == cl && a < s->line_from) s->line_from = a;
            }
        }
        ns++;
    }
    for (diag *d = lc->dl->head; d; d = d->next) {
        if (d->suppressed || !d->at.src || !suppressible(d->code)) continue;
        if (!strncmp(d->code, "BK0", 3)) continue;
        uint32_t line = 0;
        if (d->at.src == src) line = line_of(src, d->at.start);
        for (size_t k = 0; k < naliases && !line; k++)
            if (aliases[k].src == d->at.src) line = line_of(src, aliases[k].at);
        if (!line) continue;
        for (size_t i = 0; i < ns; i++) {
            supp *s = &sp[i];
            if (line < s->line_from || line > s->line_to) continue;
            for (int k = 0; k < s->nids; k++) {
                if (strcmp(s->rules[k]->id, d->code) != 0) continue;
                d->suppressed = 1;
                s->used = 1;
            }
        }
    }
    /* suppressions carried from a .buckle source into its compiled output
     * cover what the source's lint saw; the .sb may see less */
    for (size_t i = 0; i < ns && !lc->v->generated; i++) {
        if (sp[i].used) continue;
        /* on the lines of a rule for another platform: not linted here */
        int other = 0;
        for (size_t k = 0; off && k < off->n && !other && !sp[i].file_wide; k++) {
            uint32_t a = line_of(src, off->start[k]), b = line_of(src, off->end[k]);
            other = a <= sp[i].line_to && sp[i].line_from <= b;
        }
        if (!other) lint_report(lc, BK0001, sp[i].at, "this suppression silenced nothing");
    }
}
