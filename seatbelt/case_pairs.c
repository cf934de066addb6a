/* case_pairs.c - the letters beyond ASCII a case-insensitive macOS volume
 * (APFS, HFS+) takes as one name in either case: Latin-1, Latin
 * Extended-A, Greek and Cyrillic (docs/language.md, "Final rules and
 * case").  Each letter of these and its other cases are two bytes of
 * UTF-8. */
#include "regex_syntax.h"
#include <stdint.h>

/* [lo, hi] and the same letters at lo + delta; delta 0: pairs in turn from
 * lo (lo the capital, lo + 1 its small letter) */
static const struct { uint16_t lo, hi; int16_t delta; } case_ranges[] = {
    { 0x00C0, 0x00D6, 32 }, { 0x00D8, 0x00DE, 32 },                       /* Latin-1 */
    { 0x0100, 0x012F, 0 }, { 0x0132, 0x0137, 0 }, { 0x0139, 0x0148, 0 },  /* Latin Extended-A */
    { 0x014A, 0x0177, 0 }, { 0x0179, 0x017E, 0 },
    { 0x0178, 0x0178, 0x00FF - 0x0178 },                                 /* Ÿ ÿ */
    { 0x0391, 0x03A1, 32 }, { 0x03A3, 0x03AB, 32 },                       /* Greek */
    { 0x03A3, 0x03A3, 0x03C2 - 0x03A3 },                                 /* Σ ς */
    { 0x0386, 0x0386, 0x03AC - 0x0386 }, { 0x0388, 0x038A, 0x03AD - 0x0388 },
    { 0x038C, 0x038C, 0x03CC - 0x038C }, { 0x038E, 0x038F, 0x03CD - 0x038E },
    { 0x0410, 0x042F, 32 }, { 0x0400, 0x040F, 80 },                       /* Cyrillic */
    { 0x0460, 0x0481, 0 }, { 0x048A, 0x04BF, 0 }, { 0x04C1, 0x04CE, 0 },
    { 0x04C0, 0x04C0, 0x04CF - 0x04C0 }, { 0x04D0, 0x052F, 0 },
    { 0x0531, 0x0556, 48 },                                               /* Armenian */
};

/* blocks that hold letters with case the table leaves out (Latin Extended-B
 * and Additional, Georgian, Cherokee, Greek Extended, letterlike symbols
 * (the Kelvin sign), circled letters, Glagolitic, Coptic, fullwidth Latin,
 * Deseret, Osage, Old Hungarian, Warang Citi, Medefaidrin, Adlam, ...): a
 * letter of one is folded to any one character */
static const struct { uint32_t lo, hi; } cased_blocks[] = {
    { 0x0180, 0x02AF }, { 0x0370, 0x03FF }, { 0x0400, 0x052F }, { 0x0530, 0x058F }, { 0x10A0, 0x10FF },
    { 0x13A0, 0x13FF }, { 0x1C80, 0x1CBF }, { 0x1E00, 0x1FFF }, { 0x2100, 0x218F }, { 0x24B6, 0x24E9 },
    { 0x2C00, 0x2D2F }, { 0xA640, 0xA69F }, { 0xA720, 0xA7FF }, { 0xAB70, 0xABBF }, { 0xFF21, 0xFF5A },
    { 0x10400, 0x104FF }, { 0x10570, 0x105BF }, { 0x10C80, 0x10CFF }, { 0x118A0, 0x118FF },
    { 0x16E40, 0x16E9F }, { 0x1E900, 0x1E95F },
};

/* one character of one component, as a glob's '?' is written (patterns.c) */
static const char ONE_CHAR[] = "[^/\x80-\xbf][\x80-\xbf]*";

/* the letters one step from cp, added to set (n of at most 4) */
static void other_cases(uint32_t cp, uint32_t *set, size_t *n)
{
    for (size_t k = 0; k < sizeof case_ranges / sizeof *case_ranges; k++) {
        uint32_t lo = case_ranges[k].lo, hi = case_ranges[k].hi, o = 0;
        int d = case_ranges[k].delta;
        if (d == 0) {
            if (cp < lo || cp > hi) continue;
            o = (cp - lo) % 2 ? cp - 1 : cp + 1;
            if (o > hi) continue;
        } else if (cp >= lo && cp <= hi) o = cp + (uint32_t)d;
        else if (cp >= lo + (uint32_t)d && cp <= hi + (uint32_t)d) o = cp - (uint32_t)d;
        else continue;
        int seen = 0;
        for (size_t i = 0; i < *n; i++) seen |= set[i] == o;
        if (!seen && *n < 4) set[(*n)++] = o;
    }
}

static void put_utf8(strbuf *out, uint32_t cp)
{
    sb_putc(out, (char)(0xC0 | (cp >> 6)));
    sb_putc(out, (char)(0x80 | (cp & 0x3F)));
}

size_t regex_fold_utf8(strbuf *out, const char *s, size_t len, int glob)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 0;
    if (!n || len < n) return 0;
    uint32_t cp = u[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    uint32_t set[4] = { cp };
    size_t k = 1;
    if (n == 2)
        for (size_t i = 0; i < k; i++) other_cases(set[i], set, &k);   /* Σ σ ς: every one */
    if (k > 1 && !glob) {
        for (size_t i = 0; i < k; i++) {
            sb_putc(out, i ? '|' : '(');
            put_utf8(out, set[i]);
        }
        sb_putc(out, ')');
        return n;
    }
    int cased = k > 1;
    for (size_t i = 0; !cased && i < sizeof cased_blocks / sizeof *cased_blocks; i++)
        cased = cp >= cased_blocks[i].lo && cp <= cased_blocks[i].hi;
    if (!cased) return 0;
    sb_puts(out, glob ? "?" : ONE_CHAR);
    return n;
}
