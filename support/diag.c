/* diag.c - the one diagnostic renderer: text, gcc, json and sarif. */
#include "diag.h"
#include "utf8.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_list_init(diag_list *l, arena *a)
{
    memset(l, 0, sizeof *l);
    l->a = a;
}

static char *vfmt(arena *a, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    char probe[1];
    int n = vsnprintf(probe, sizeof probe, fmt, ap2);
    va_end(ap2);
    if (n < 0) n = 0;
    char *p = arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

diag *diag_add(diag_list *l, severity sev, const char *code, span at, const char *fmt, ...)
{
    diag *d = arena_alloc(l->a, sizeof *d);
    va_list ap;
    va_start(ap, fmt);
    d->msg = vfmt(l->a, fmt, ap);
    va_end(ap);
    d->sev = sev;
    d->code = code;
    d->at = at;
    d->seq = l->count++;
    if (l->tail) l->tail->next = d; else l->head = d;
    l->tail = d;
    if (sev == SEV_ERROR) l->errors++;
    else if (sev == SEV_WARNING) l->warnings++;
    if (code && strcmp(code, BK1001) == 0) l->syntax_errors++;
    return d;
}

void diag_note_add(diag_list *l, diag *d, span at, const char *fmt, ...)
{
    diag_note *n = arena_alloc(l->a, sizeof *n);
    va_list ap;
    va_start(ap, fmt);
    n->msg = vfmt(l->a, fmt, ap);
    va_end(ap);
    n->at = at;
    if (d->notes_tail) d->notes_tail->next = n; else d->notes = n;
    d->notes_tail = n;
}

void diag_help(diag_list *l, diag *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    d->help = vfmt(l->a, fmt, ap);
    va_end(ap);
}

const char *severity_name(severity s)
{
    switch (s) {
    case SEV_ERROR: return "error";
    case SEV_WARNING: return "warning";
    case SEV_INFO: return "info";
    case SEV_STYLE: return "style";
    case SEV_NOTE: return "note";
    }
    return "error";
}

static int cmp_diag(const void *pa, const void *pb)
{
    const diag *a = *(const diag *const *)pa, *b = *(const diag *const *)pb;
    const char *fa = a->at.src ? a->at.src->name : "", *fb = b->at.src ? b->at.src->name : "";
    int c = strcmp(fa, fb);
    if (c) return c;
    if (a->at.start != b->at.start) return a->at.start < b->at.start ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_sort(diag_list *l)
{
    if (l->count < 2) return;
    diag **v = xmalloc(l->count * sizeof *v);
    size_t n = 0;
    for (diag *d = l->head; d; d = d->next) v[n++] = d;
    qsort(v, n, sizeof *v, cmp_diag);
    for (size_t i = 0; i + 1 < n; i++) v[i]->next = v[i + 1];
    v[n - 1]->next = NULL;
    l->head = v[0];
    l->tail = v[n - 1];
    free(v);
}

/* ---- text and gcc ------------------------------------------------------ */

static const char *sev_color(severity s)
{
    switch (s) {
    case SEV_ERROR: return "\033[1;31m";
    case SEV_WARNING: return "\033[1;35m";
    case SEV_NOTE: return "\033[1;36m";
    default: return "\033[1;34m";
    }
}

/* Writes s, replacing control characters so that a file name or message can
 * never forge extra output lines. */
/* Control characters and bytes that are not UTF-8 (a regex's class of
 * continuation bytes, say) as \xHH, so that the output stays UTF-8 text. */
static void put_sanitized(strbuf *out, const char *s)
{
    size_t len = strlen(s);
    for (size_t k = 0; k < len; k++) {
        unsigned char ch = (unsigned char)s[k];
        size_t n = ch >= 0x80 ? utf8_seq(s, len, k) : 1;
        if (ch == '\n') sb_puts(out, "\\n");
        else if (ch < 0x20 || ch == 0x7f || n == 0) sb_printf(out, "\\x%02x", ch);
        else { sb_add(out, s + k, n); k += n - 1; }
    }
}

static void put_loc(strbuf *out, span at, const char *who)
{
    if (!at.src) { sb_puts(out, who ? who : "buckle"); return; }
    source_pos p = source_position(at.src, at.start);
    put_sanitized(out, at.src->name);
    sb_printf(out, ":%u:%u", p.line, p.col);
}

static void put_header(strbuf *out, const diag_render_opts *o, span at, severity sev,
                       const char *msg, const char *code)
{
    if (o->color) sb_puts(out, "\033[1m");
    put_loc(out, at, o->who);
    sb_puts(out, ": ");
    if (o->color) sb_puts(out, sev_color(sev));
    /* gcc format: the three levels problem matchers know */
    sb_puts(out, o->format == DIAG_GCC && (sev == SEV_INFO || sev == SEV_STYLE) ? "note" : severity_name(sev));
    if (o->color) sb_puts(out, "\033[0m\033[1m");
    sb_puts(out, ": ");
    put_sanitized(out, msg);
    if (code) {
        const diag_code_info *ci = o->code_info ? o->code_info(code) : NULL;
        if (o->format == DIAG_GCC || !ci) sb_printf(out, " [%s]", code);
        else sb_printf(out, " [%s %s]", code, ci->slug);
    }
    if (o->color) sb_puts(out, "\033[0m");
    sb_putc(out, '\n');
}

/* A source line longer than this many bytes is shown as a window around
 * the caret, with "..." where it was cut. */
#define SNIPPET_WIDTH 120
#define SNIPPET_BEFORE 40

static int is_cont(const char *t, uint32_t i) { return ((unsigned char)t[i] & 0xC0) == 0x80; }

static void put_snippet(strbuf *out, const diag_render_opts *o, span at, severity sev)
{
    if (!at.src) return;
    size_t len;
    const char *line = source_line(at.src, at.start, &len);
    const char *t = at.src->text;
    uint32_t lstart = (uint32_t)(line - t), lend = lstart + (uint32_t)len;
    uint32_t from = lstart, to = lend;
    if (memchr(line, 0, len)) return;        /* not text: nothing to show */
    if (len > SNIPPET_WIDTH) {
        uint32_t caret = at.start < lend ? at.start : lend;
        from = caret - lstart > SNIPPET_BEFORE ? caret - SNIPPET_BEFORE : lstart;
        while (from > lstart && is_cont(t, from)) from--;
        to = from + SNIPPET_WIDTH < lend ? from + SNIPPET_WIDTH : lend;
        while (to < lend && is_cont(t, to)) to++;
    }
    sb_puts(out, "    ");
    if (from > lstart) sb_puts(out, "...");
    for (uint32_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == '\t') sb_putc(out, '\t');
        else if (c < 0x20 || c == 0x7f) sb_putc(out, '?');
        else sb_putc(out, (char)c);
    }
    if (to < lend) sb_puts(out, "...");
    sb_puts(out, "\n    ");
    if (from > lstart) sb_puts(out, "   ");
    for (uint32_t i = from; i < at.start && i < to; i++) {
        unsigned char c = (unsigned char)t[i];
        if ((c & 0xC0) == 0x80) continue;
        sb_putc(out, c == '\t' ? '\t' : ' ');
    }
    if (o->color) sb_puts(out, sev_color(sev));
    sb_putc(out, '^');
    uint32_t end = at.end;
    if (end > to) end = to;
    for (uint32_t i = at.start + 1; i < end; i++) {
        if (!is_cont(t, i)) sb_putc(out, '~');
    }
    if (o->color) sb_puts(out, "\033[0m");
    sb_putc(out, '\n');
}

static void render_text(strbuf *out, const diag *d, const diag_render_opts *o)
{
    int gcc = o->format == DIAG_GCC;
    put_header(out, o, d->at, d->sev, d->msg, d->code);
    if (!gcc) put_snippet(out, o, d->at, d->sev);
    for (const diag_note *n = d->notes; n; n = n->next) {
        put_header(out, o, n->at, SEV_NOTE, n->msg, NULL);
        if (!gcc) put_snippet(out, o, n->at, SEV_NOTE);
    }
    if (!gcc && d->help) {
        if (o->color) sb_puts(out, "\033[1;32m");
        sb_puts(out, "help:");
        if (o->color) sb_puts(out, "\033[0m");
        sb_putc(out, ' ');
        put_sanitized(out, d->help);
        sb_putc(out, '\n');
    }
}

/* ---- json and sarif ---------------------------------------------------- */

static void json_region(strbuf *out, span at, const char *l, const char *c,
                        const char *el, const char *ec)
{
    source_pos b = source_position(at.src, at.start);
    source_pos e = source_position(at.src, at.end > at.start ? at.end : at.start);
    if (at.end <= at.start) e.col = b.col + 1;
    sb_printf(out, "\"%s\":%u,\"%s\":%u,\"%s\":%u,\"%s\":%u", l, b.line, c, b.col, el, e.line, ec, e.col);
}

static void render_json(strbuf *out, const diag_list *l, const diag_render_opts *o)
{
    sb_puts(out, "{\"version\":1,\"diagnostics\":[");
    int first = 1;
    for (const diag *d = l->head; d; d = d->next) {
        if (d->suppressed) continue;
        const diag_code_info *ci = d->code && o->code_info ? o->code_info(d->code) : NULL;
        sb_puts(out, first ? "\n  {" : ",\n  {");
        first = 0;
        sb_puts(out, "\"file\":");
        sb_json_str(out, d->at.src ? d->at.src->name : "");
        sb_putc(out, ',');
        if (d->at.src) json_region(out, d->at, "line", "column", "endLine", "endColumn");
        else sb_puts(out, "\"line\":0,\"column\":0,\"endLine\":0,\"endColumn\":0");
        sb_printf(out, ",\"severity\":\"%s\",\"code\":", severity_name(d->sev));
        if (d->code) sb_json_str(out, d->code); else sb_puts(out, "null");
        sb_puts(out, ",\"slug\":");
        if (ci) sb_json_str(out, ci->slug); else sb_puts(out, "null");
        sb_puts(out, ",\"message\":");
        sb_json_str(out, d->msg);
        if (d->help) { sb_puts(out, ",\"help\":"); sb_json_str(out, d->help); }
        sb_puts(out, ",\"notes\":[");
        int nf = 1;
        for (const diag_note *n = d->notes; n; n = n->next) {
            if (!nf) sb_putc(out, ',');
            nf = 0;
            sb_json_str(out, n->msg);
        }
        sb_puts(out, "],\"related\":[");
        nf = 1;
        for (const diag_note *n = d->notes; n; n = n->next) {
            if (!n->at.src) continue;
            if (!nf) sb_putc(out, ',');
            nf = 0;
            sb_puts(out, "{\"file\":");
            sb_json_str(out, n->at.src->name);
            sb_putc(out, ',');
            json_region(out, n->at, "line", "column", "endLine", "endColumn");
            sb_puts(out, ",\"message\":");
            sb_json_str(out, n->msg);
            sb_putc(out, '}');
        }
        sb_puts(out, "]}");
    }
    sb_puts(out, first ? "]}\n" : "\n]}\n");
}

static const char *sarif_level(severity s)
{
    switch (s) {
    case SEV_ERROR: return "error";
    case SEV_WARNING: return "warning";
    default: return "note";
    }
}

static void sarif_location(strbuf *out, span at, const char *msg)
{
    sb_puts(out, "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
    sb_json_str(out, at.src->name);
    sb_puts(out, "},\"region\":{");
    json_region(out, at, "startLine", "startColumn", "endLine", "endColumn");
    sb_puts(out, "}}");
    if (msg) { sb_puts(out, ",\"message\":{\"text\":"); sb_json_str(out, msg); sb_putc(out, '}'); }
    sb_putc(out, '}');
}

static void render_sarif(strbuf *out, const diag_list *l, const diag_render_opts *o)
{
    sb_puts(out, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{");
    sb_puts(out, "\"tool\":{\"driver\":{\"name\":\"buckle\",\"informationUri\":\"https://github.com/buckle-sandbox/buckle\",\"version\":");
    sb_json_str(out, o->tool_version ? o->tool_version : "0");
    sb_puts(out, ",\"rules\":[");
    const char *code;
    for (size_t i = 0; o->code_at && (code = o->code_at(i)) != NULL; i++) {
        const diag_code_info *ci = o->code_info(code);
        if (i) sb_putc(out, ',');
        sb_puts(out, "\n{\"id\":");
        sb_json_str(out, code);
        sb_puts(out, ",\"name\":");
        sb_json_str(out, ci->slug);
        sb_puts(out, ",\"shortDescription\":{\"text\":");
        sb_json_str(out, ci->summary);
        sb_puts(out, "},\"fullDescription\":{\"text\":");
        sb_json_str(out, ci->rationale);
        sb_puts(out, "},\"help\":{\"text\":");
        sb_json_str(out, ci->rationale);
        sb_printf(out, "},\"defaultConfiguration\":{\"level\":\"%s\"}}", sarif_level(ci->default_sev));
    }
    sb_puts(out, "]}},\"columnKind\":\"unicodeCodePoints\",\"results\":[");
    int first = 1;
    for (const diag *d = l->head; d; d = d->next) {
        if (d->suppressed || !d->at.src) continue;
        sb_puts(out, first ? "\n{" : ",\n{");
        first = 0;
        sb_puts(out, "\"ruleId\":");
        sb_json_str(out, d->code ? d->code : BK1001);
        sb_printf(out, ",\"level\":\"%s\",\"message\":{\"text\":", sarif_level(d->sev));
        sb_json_str(out, d->msg);
        sb_puts(out, "},\"locations\":[");
        sarif_location(out, d->at, NULL);
        sb_puts(out, "],\"relatedLocations\":[");
        int nf = 1;
        for (const diag_note *n = d->notes; n; n = n->next) {
            if (!n->at.src) continue;
            if (!nf) sb_putc(out, ',');
            nf = 0;
            sarif_location(out, n->at, n->msg);
        }
        sb_puts(out, "]}");
    }
    sb_puts(out, "]}]}\n");
}

void diag_render(strbuf *out, const diag_list *l, const diag_render_opts *o)
{
    switch (o->format) {
    case DIAG_JSON: render_json(out, l, o); return;
    case DIAG_SARIF: render_sarif(out, l, o); return;
    default:
        for (const diag *d = l->head; d; d = d->next)
            if (!d->suppressed) render_text(out, d, o);
    }
}
