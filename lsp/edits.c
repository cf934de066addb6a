/* edits.c - where the text of the last complete analysis is now: the
 * parts of it that no change touched, as segments of the old text and
 * where each one starts in the document.  A change cuts the segments it
 * touches and moves those after it; a span of the old text is still in the
 * document when it lies inside one segment, and only then. */
#include "server.h"
#include <string.h>

/* More pieces than this (thousands of separate edits while the text has
 * errors): the old analysis is given up rather than followed. */
#define LSP_MAX_SEGS 4096

void lsp_edits_start(lsp_doc *d)
{
    if (!d->segs_cap) {
        d->segs_cap = 8;
        d->segs = xmalloc(d->segs_cap * sizeof *d->segs);
    }
    d->segs[0] = (lsp_seg){ 0, (uint32_t)d->len, 0 };
    d->nsegs = 1;
    d->tracking = 1;
}

void lsp_edits_stop(lsp_doc *d)
{
    free(d->segs);
    d->segs = NULL;
    d->nsegs = d->segs_cap = 0;
    d->tracking = 0;
}

void lsp_edit(lsp_doc *d, uint32_t s, uint32_t t, uint32_t n)
{
    if (!d->tracking) return;
    if (t < s) t = s;
    if (s == t && !n) return;               /* nothing changed */
    if (d->nsegs + 1 > LSP_MAX_SEGS) { lsp_edits_stop(d); return; }
    lsp_seg *v = xmalloc((d->nsegs + 1) * sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < d->nsegs; i++) {
        lsp_seg g = d->segs[i];
        uint32_t ne = g.ns + (g.oe - g.os);
        if (ne <= s) {                      /* before the change */
            v[k++] = g;
        } else if (g.ns >= t) {             /* after it: moved */
            g.ns = g.ns - (t - s) + n;
            v[k++] = g;
        } else {                            /* cut: what is left on either side */
            if (g.ns < s) v[k++] = (lsp_seg){ g.os, g.os + (s - g.ns), g.ns };
            if (ne > t) v[k++] = (lsp_seg){ g.os + (t - g.ns), g.oe, s + n };
        }
    }
    free(d->segs);
    d->segs = v;
    d->nsegs = k;
    d->segs_cap = d->nsegs + 1;
}

void lsp_edit_whole(lsp_doc *d, const char *text, size_t n)
{
    if (!d->tracking) return;
    size_t p = 0, q = 0, m = d->len < n ? d->len : n;
    while (p < m && d->text[p] == text[p]) p++;
    while (q < m - p && d->text[d->len - 1 - q] == text[n - 1 - q]) q++;
    lsp_edit(d, (uint32_t)p, (uint32_t)(d->len - q), (uint32_t)(n - p - q));
}

int lsp_map(const lsp_doc *d, uint32_t *b, uint32_t *e)
{
    if (!d->tracking || !d->nsegs) return 0;
    uint32_t ob = *b, oe = *e < *b ? *b : *e;
    /* the last segment starting at or before ob */
    size_t lo = 0, hi = d->nsegs;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->segs[mid].os <= ob) lo = mid; else hi = mid;
    }
    const lsp_seg *g = &d->segs[lo];
    if (g->os > ob || oe > g->oe) return 0;
    *b = g->ns + (ob - g->os);
    *e = g->ns + (oe - g->os);
    return 1;
}
