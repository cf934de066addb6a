/* parse.c - driver for the profile scanner and parser. */
#include "parse_ctx.h"
#include "buckle.tab.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef void *yyscan_t;
int bklex_init_extra(parse_ctx *extra, yyscan_t *scanner);
int bklex_destroy(yyscan_t scanner);
struct yy_buffer_state *bk_scan_buffer(char *base, size_t size, yyscan_t scanner);
void bk_restore_text(yyscan_t scanner);

static const char *const section_names[SEC_COUNT] = {
    "files", "mach", "sysctl", "network", "process", "ipc", "iokit", "misc"
};

const char *section_name(section_t s)
{
    return s >= 0 && s < SEC_COUNT ? section_names[s] : "?";
}

section_t section_from_name(const char *s)
{
    for (int i = 0; i < SEC_COUNT; i++)
        if (strcmp(s, section_names[i]) == 0) return (section_t)i;
    return SEC_NONE;
}

static const char *const platform_names[PLAT_COUNT] = { "any", "macos", "linux" };

const char *platform_name(platform_t p)
{
    return p >= 0 && p < PLAT_COUNT ? platform_names[p] : "?";
}

platform_t platform_from_name(const char *s)
{
    for (int i = PLAT_ANY + 1; i < PLAT_COUNT; i++)
        if (strcmp(s, platform_names[i]) == 0) return (platform_t)i;
    return PLAT_ANY;
}

span pc_span(const parse_ctx *pc, uint32_t b, uint32_t e)
{
    span s = { pc->src, b, e };
    return s;
}

void pc_syntax_error(parse_ctx *pc, uint32_t b, uint32_t e, const char *fmt, ...)
{
    if (pc->diags->syntax_errors >= BUCKLE_MAX_SYNTAX_ERRORS) { pc->stop = 1; return; }
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    diag_add(pc->diags, SEV_ERROR, BK1001, pc_span(pc, b, e), "%s", buf);
    if (pc->diags->syntax_errors >= BUCKLE_MAX_SYNTAX_ERRORS) {
        diag *d = pc->diags->tail;
        diag_note_add(pc->diags, d, (span){ NULL, 0, 0 },
                      "too many syntax errors (%d); stopping here", BUCKLE_MAX_SYNTAX_ERRORS);
        pc->stop = 1;
    }
}

int utf8_valid(const char *s, size_t n, size_t *bad_at)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {                 /* ASCII runs, eight bytes at a time */
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (!(w & 0x8080808080808080ull)) { i += 8; continue; }
        }
        unsigned c = p[i];
        size_t k;
        unsigned min;
        if (c < 0x80) { i++; continue; }
        else if ((c & 0xE0) == 0xC0) { k = 1; min = 0x80; c &= 0x1F; }
        else if ((c & 0xF0) == 0xE0) { k = 2; min = 0x800; c &= 0x0F; }
        else if ((c & 0xF8) == 0xF0) { k = 3; min = 0x10000; c &= 0x07; }
        else { *bad_at = i; return 0; }
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (p[i + j] & 0xC0) != 0x80) { *bad_at = i; return 0; }
            c = (c << 6) | (p[i + j] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) { *bad_at = i; return 0; }
        i += k + 1;
    }
    return 1;
}

/* An SBPL profile (.sb) starts, after blanks and ';' comments, with '(':
 * neither can start a buckle profile.  Returns the offset of that first
 * character, or -1. */
static long sbpl_start(const source *src)
{
    const char *t = src->text, *end = t + src->len;
    const char *p = t;
    if (src->len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\f')) p++;
        if (p < end && *p == ';' && p + 1 < end && p[1] == ';') {   /* ";;" comments */
            while (p < end && *p != '\n') p++;
            continue;
        }
        break;
    }
    return p < end && *p == '(' ? (long)(p - t) : -1;
}

/* One clear error instead of a screenful for input that is not a profile
 * at all: a binary file, or an SBPL profile.  Returns 1 when reported. */
static int not_a_profile(parse_ctx *pc, const source *src)
{
    if (source_is_binary(src)) {
        uint32_t at = (uint32_t)((const char *)memchr(src->text, 0, src->len) - src->text);
        diag *d = diag_add(pc->diags, SEV_ERROR, BK1001, pc_span(pc, at, at + 1),
                           "unexpected byte 0x00: this is a binary file, not a buckle profile");
        diag_help(pc->diags, d, "buckle profiles are UTF-8 text files ending in .buckle");
        return 1;
    }
    long at = sbpl_start(src);
    if (at >= 0) {
        diag *d = diag_add(pc->diags, SEV_ERROR, BK1001, pc_span(pc, (uint32_t)at, (uint32_t)at + 1),
                           "this looks like an SBPL profile (.sb), not a buckle profile");
        diag_help(pc->diags, d, "`buckle lint` checks .sb files: name them *.sb, or pass "
                  "--stdin-filename NAME.sb when reading standard input");
        return 1;
    }
    return 0;
}

ast_file *parse_buckle(arena *a, arena *nodes, diag_list *diags, const source *src)
{
    parse_ctx pc;
    memset(&pc, 0, sizeof pc);
    pc.a = a;
    pc.nodes = nodes;
    pc.diags = diags;
    pc.src = src;
    pc.section = SEC_NONE;
    pc.file = arena_alloc(a, sizeof *pc.file);
    pc.file->src = src;
    sb_init(&pc.str);
    yyscan_t sc;
    if (bklex_init_extra(&pc, &sc) != 0) {
        /* flex could not allocate its state: an error, not a crash */
        diag_add(diags, SEV_ERROR, BK1001, pc_span(&pc, 0, 0), "cannot read this file: out of memory");
        sb_free(&pc.str);
        return pc.file;
    }
    pc.scanner = sc;
    if (src->len > 0x7fffffff) {
        pc_syntax_error(&pc, 0, 0, "file too large");
    } else if (not_a_profile(&pc, src)) {
        /* nothing to parse */
    } else {
        /* in place: source_new leaves the two NULs flex wants after the text */
        bk_scan_buffer(src->text, src->len + 2, sc);
        bkparse(sc, &pc);
        bk_restore_text(sc);
    }
    bklex_destroy(sc);
    sb_free(&pc.str);
    return pc.file;
}
