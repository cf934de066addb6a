/* why_sb_batch.c - checking many rules suggested for an .sb profile with
 * one lint and one evaluation.
 *
 * The profile's text is linted and evaluated once with a batch of the
 * suggested rules after it, one line each, and each rule's findings are the
 * ones on its line.  Every rule added is an allow with a filter, decided by
 * Seatbelt's order (the first match of a fixed order over the rules), so a
 * request decided by a rule of the profile is decided by it whichever of the
 * other added rules are there.  A rule gets the answer why_sb_check_one
 * would give it alone unless the others can change it, and then it is
 * checked alone:
 *  - a request a lint pass asked that one of the added rules decides: the
 *    passes may then ask other requests, or report at that rule, so that
 *    rule is checked alone and the others again without it, until no added
 *    rule decides what the passes ask: then they get the answers they get
 *    with any one of the rules (BK4009's ancestors, BK4004's sockets, the
 *    fixed requests of the other passes);
 *  - a finding on its line other than those that only its own line and the
 *    profile make (the text checks, BK4009, BK4004, BK3007, BK2015, and
 *    BK4005, whose pairs of an allow and a deny always include a rule of the
 *    profile: the added rules are allows);
 *  - 50 BK4005 findings in all (the pass stops there, so it may have left
 *    out some a rule alone would get): each half of the batch again;
 *  - an error on its line (the others again without it), or one elsewhere
 *    that the profile alone does not have (each half again);
 *  - a batch that does not evaluate: the rules with an error checked alone
 *    and the others again (with none, each half again);
 *  - its request decided by another rule than its own in the batch.
 * Not batched at all: a profile without forms (BK4011 names the first form)
 * or with a suppression on its own line from its last form on (it covers
 * the next statement, which is the first rule added). */
#include "why_sb_check.h"
#include "../backend/sbpl_file.h"
#include <stdlib.h>
#include <string.h>

#define WHY_SB_BATCH 4096      /* rules per evaluation */
#define WHY_SB_OVERLAP_MAX 50  /* the BK4005 findings after which lint_pass_overlap stops */

typedef struct sbatch {
    const uint32_t *start, *end;   /* each rule's line in the text */
    size_t n;
    unsigned char *alone;          /* 1: to be checked alone */
    int probed;                    /* a pass asked a request an added rule decides */
} sbatch;

/* The rule whose line holds off, or -1 */
static long block_of(const sbatch *b, uint32_t off)
{
    if (!b->n || off < b->start[0]) return -1;
    size_t lo = 0, hi = b->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->start[mid] <= off) lo = mid; else hi = mid;
    }
    return off < b->end[lo] ? (long)lo : -1;
}

static void on_probe(void *ctx, const source *main, const sb_request *q, const sb_rule *r)
{
    sbatch *b = ctx;
    (void)q;
    if (!r || r->at.src != main) return;
    long k = block_of(b, r->at.start);
    if (k < 0) return;
    b->alone[k] = 1;
    b->probed = 1;
}

/* The findings a rule's line gets from that line and the profile alone */
static int own_finding(const char *code)
{
    static const char *const own[] = { BK4009, BK4004, BK4005, BK3007, BK2015, BK4007, BK2008, BK4006 };
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        if (!strcmp(code, own[i])) return 1;
    return 0;
}

static size_t count_errors(const diag_list *dl)
{
    size_t n = 0;
    for (const diag *d = dl->head; d; d = d->next) n += d->sev == SEV_ERROR;
    return n;
}

static void check_batch(why_log *w, const source *src, const why_sb_ctx *x, arena *pool, size_t base_errors,
                        const why_sb_pending *p, size_t n);

/* The rules with again[i] in one batch again, the others alone */
static void again_and_alone(why_log *w, const source *src, const why_sb_ctx *x, arena *pool, size_t base_errors,
                            const why_sb_pending *p, size_t n, const unsigned char *again)
{
    why_sb_pending *rest = xmalloc(n * sizeof *rest);
    size_t nrest = 0;
    for (size_t i = 0; i < n; i++)
        if (again[i]) rest[nrest++] = p[i];
    if (nrest) check_batch(w, src, x, pool, base_errors, rest, nrest);
    for (size_t i = 0; i < n; i++)
        if (!again[i]) why_sb_check_one(w, p[i].g, src, x, &p[i].q);
    free(rest);
}

static void halves(why_log *w, const source *src, const why_sb_ctx *x, arena *pool, size_t base_errors, const why_sb_pending *p,
                   size_t n)
{
    if (n == 1) { why_sb_check_one(w, p[0].g, src, x, &p[0].q); return; }
    check_batch(w, src, x, pool, base_errors, p, n / 2);
    check_batch(w, src, x, pool, base_errors, p + n / 2, n - n / 2);
}

static void check_batch(why_log *w, const source *src, const why_sb_ctx *x, arena *pool, size_t base_errors,
                        const why_sb_pending *p, size_t n)
{
    strbuf t;
    sb_init(&t);
    uint32_t from = why_sb_text(&t, src);
    uint32_t *start = xmalloc(n * sizeof *start), *end = xmalloc(n * sizeof *end);
    for (size_t i = 0; i < n; i++) {
        start[i] = (uint32_t)t.len;
        sb_puts(&t, p[i].g->suggestion_block);
        end[i] = (uint32_t)t.len;
    }
    w->checks_compiled++;
    arena a;
    arena_init(&a);
    arena_adopt(&a, pool);   /* the pages the batch before touched */
    sbatch b = { start, end, n, arena_alloc(&a, n), 0 };
    memset(b.alone, 0, n);
    diag_list dl;
    diag_list_init(&dl, &a);
    source *keep = NULL;
    const source *main = NULL;
    why_sb_lint(x, src, &t, &a, &dl, &keep, on_probe, &b, &main);
    /* 0: as it is; 1: the rules not alone again; 2: each half again; 3: each alone */
    int redo = b.probed ? 1 : 0;
    size_t overlaps = 0, errors = 0, block_errors = 0;
    for (const diag *d = dl.head; d; d = d->next) {
        overlaps += d->code && !strcmp(d->code, BK4005);
        long k = d->at.src && d->at.src == main ? block_of(&b, d->at.start) : -1;
        if (d->sev == SEV_ERROR) {
            errors++;
            if (k >= 0) { block_errors++; b.alone[k] = 1; if (redo < 1) redo = 1; }
        }
        if (!why_sb_counted(d, src, from)) continue;
        if (k < 0) redo = 3;                                  /* not on a rule's line: cannot tell whose */
        else if (!own_finding(d->code)) b.alone[k] = 1;
    }
    if (overlaps >= WHY_SB_OVERLAP_MAX || errors != base_errors + block_errors) redo = redo > 2 ? redo : 2;
    /* the answers: one evaluation with every rule */
    char *copy = xmalloc(t.len + 1);
    memcpy(copy, t.data, t.len + 1);
    source *s2 = source_new(src->name, src->path, copy, t.len);
    sb_policy *pol = NULL;
    if (!redo) {
        diag_list dl2;
        diag_list_init(&dl2, &a);
        pol = why_sb_eval(&a, &dl2, s2, x, &keep);
        if (!pol) {
            redo = 2;
            for (const diag *d = dl2.head; d; d = d->next) {
                long k = d->sev == SEV_ERROR && d->at.src == s2 ? block_of(&b, d->at.start) : -1;
                if (k >= 0) { b.alone[k] = 1; redo = 1; }
            }
        }
    }
    for (size_t i = 0; i < n && !redo; i++) {
        if (b.alone[i]) continue;
        sb_answer an = sbpl_decide(pol, &p[i].q, &a);
        if (!an.rule || an.rule->at.src != s2 || block_of(&b, an.rule->at.start) != (long)i) { b.alone[i] = 1; continue; }
        why_group *g = p[i].g;
        g->suggestion_allows = an.decision == 0;
        if (!g->suggestion_allows) g->suggestion_problem = WHY_SB_STILL_DENIED;
    }
    /* each rule's findings, in the order lint found them */
    size_t *count = NULL;
    if (!redo) {
        count = xmalloc(n * sizeof *count);
        memset(count, 0, n * sizeof *count);
        for (const diag *d = dl.head; d; d = d->next)
            if (why_sb_counted(d, src, from)) count[block_of(&b, d->at.start)]++;
        for (size_t i = 0; i < n; i++) {
            if (b.alone[i]) continue;
            p[i].g->findings = arena_alloc(&w->a, (count[i] + 1) * sizeof *p[i].g->findings);
            p[i].g->nfindings = 0;
        }
        for (const diag *d = dl.head; d; d = d->next) {
            if (!why_sb_counted(d, src, from)) continue;
            why_group *g = p[block_of(&b, d->at.start)].g;
            if (!b.alone[block_of(&b, d->at.start)]) g->findings[g->nfindings++] = why_sb_finding(w, d);
        }
        free(count);
    }
    unsigned char *again = xmalloc(n);
    for (size_t i = 0; i < n; i++) again[i] = !b.alone[i];
    source_free(s2);
    while (keep) { source *nx = keep->next; source_free(keep); keep = nx; }
    arena_adopt(pool, &a);
    sb_free(&t);
    free(start);
    free(end);
    if (redo == 3) memset(again, 0, n);
    if (redo == 2) halves(w, src, x, pool, base_errors, p, n);
    else if (redo == 1) again_and_alone(w, src, x, pool, base_errors, p, n, again);
    else
        for (size_t i = 0; i < n; i++)
            if (!again[i]) why_sb_check_one(w, p[i].g, src, x, &p[i].q);
    free(again);
}

/* Whether a rule added after the profile could be covered by one of its
 * suppressions (one on its own line covers the next statement): a line
 * that starts with a comment and says "buckle:", from the line of the last
 * form on; or whether the profile has no form at all */
static int unbatchable(const source *src)
{
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    const sexp *top = sbpl_file_read(&a, &dl, src), *last = NULL;
    for (const sexp *f = top; f; f = f->next) last = f;
    uint32_t rs = 0, re = (uint32_t)src->len;
    sbpl_cxx_raw_string(src, &rs, &re);
    uint32_t i = last ? last->at.start : rs;
    while (i > rs && src->text[i - 1] != '\n') i--;
    int bad = !last;
    while (i < re && !bad) {
        uint32_t e = i;
        while (e < re && src->text[e] != '\n') e++;
        uint32_t k = i;
        while (k < e && (src->text[k] == ' ' || src->text[k] == '\t')) k++;
        if (k < e && (src->text[k] == ';' || src->text[k] == '#'))
            for (uint32_t c = k; c + 7 <= e && !bad; c++) bad = !memcmp(src->text + c, "buckle:", 7);
        i = e + 1;
    }
    arena_free(&a);
    return bad;
}

void why_sb_check_many(why_log *w, const source *src, const why_sb_ctx *x, const why_sb_pending *p, size_t n)
{
    if (!n) return;
    if (unbatchable(src)) {
        for (size_t i = 0; i < n; i++) why_sb_check_one(w, p[i].g, src, x, &p[i].q);
        return;
    }
    /* the errors of the profile alone, which every batch has */
    strbuf t;
    sb_init(&t);
    why_sb_text(&t, src);
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    source *keep = NULL;
    why_sb_lint(x, src, &t, &a, &dl, &keep, NULL, NULL, NULL);
    size_t base_errors = count_errors(&dl);
    while (keep) { source *nx = keep->next; source_free(keep); keep = nx; }
    arena_free(&a);
    sb_free(&t);
    arena pool;
    arena_init(&pool);
    for (size_t i = 0; i < n; i += WHY_SB_BATCH)
        check_batch(w, src, x, &pool, base_errors, p + i, n - i < WHY_SB_BATCH ? n - i : WHY_SB_BATCH);
    arena_free(&pool);
}
