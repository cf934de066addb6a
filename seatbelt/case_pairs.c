/* case_pairs.c - the letters beyond ASCII a case-insensitive macOS volume
 * (APFS, HFS+) takes as one name in any of their cases: Latin-1, Latin
 * Extended-A, Greek and Coptic, Cyrillic and its Supplement, Armenian
 * (docs/language.md, "Final rules and case").  Each letter of these and
 * its other cases are two bytes of UTF-8. */
#include "regex_syntax.h"
#include <stdint.h>

/* The letters one name holds in any of, each row a run of classes: the
 * class of its members, then count - 1 more, each member step code points
 * on (Unicode's simple case folding, every letter a fold class joins, so Σ σ
 * ς and Θ θ ϑ ϴ are one class each; members of another block, such as the
 * Kelvin sign or Cyrillic Extended-C, left out).  No letter is in two
 * classes. */
static const struct { uint16_t cp[4]; uint8_t count, step; } case_classes[] = {
    { { 0x00B5, 0x039C, 0x03BC }, 1, 0 }, /* µ Μ μ */
    { { 0x00C0, 0x00E0 }, 23, 1 }, /* À à */
    { { 0x00D8, 0x00F8 }, 7, 1 }, /* Ø ø */
    { { 0x00FF, 0x0178 }, 1, 0 }, /* ÿ Ÿ */
    { { 0x0100, 0x0101 }, 24, 2 }, /* Ā ā */
    { { 0x0132, 0x0133 }, 3, 2 }, /* Ĳ ĳ */
    { { 0x0139, 0x013A }, 8, 2 }, /* Ĺ ĺ */
    { { 0x014A, 0x014B }, 23, 2 }, /* Ŋ ŋ */
    { { 0x0179, 0x017A }, 3, 2 }, /* Ź ź */
    { { 0x0370, 0x0371 }, 2, 2 }, /* Ͱ ͱ */
    { { 0x0376, 0x0377 }, 1, 0 }, /* Ͷ ͷ */
    { { 0x037B, 0x03FD }, 3, 1 }, /* ͻ Ͻ */
    { { 0x037F, 0x03F3 }, 1, 0 }, /* Ϳ ϳ */
    { { 0x0386, 0x03AC }, 1, 0 }, /* Ά ά */
    { { 0x0388, 0x03AD }, 3, 1 }, /* Έ έ */
    { { 0x038C, 0x03CC }, 1, 0 }, /* Ό ό */
    { { 0x038E, 0x03CD }, 2, 1 }, /* Ύ ύ */
    { { 0x0391, 0x03B1 }, 1, 0 }, /* Α α */
    { { 0x0392, 0x03B2, 0x03D0 }, 1, 0 }, /* Β β ϐ */
    { { 0x0393, 0x03B3 }, 2, 1 }, /* Γ γ */
    { { 0x0395, 0x03B5, 0x03F5 }, 1, 0 }, /* Ε ε ϵ */
    { { 0x0396, 0x03B6 }, 2, 1 }, /* Ζ ζ */
    { { 0x0398, 0x03B8, 0x03D1, 0x03F4 }, 1, 0 }, /* Θ θ ϑ ϴ */
    { { 0x0399, 0x03B9 }, 1, 0 }, /* Ι ι */
    { { 0x039A, 0x03BA, 0x03F0 }, 1, 0 }, /* Κ κ ϰ */
    { { 0x039B, 0x03BB }, 2, 2 }, /* Λ λ */
    { { 0x039E, 0x03BE }, 2, 1 }, /* Ξ ξ */
    { { 0x03A0, 0x03C0, 0x03D6 }, 1, 0 }, /* Π π ϖ */
    { { 0x03A1, 0x03C1, 0x03F1 }, 1, 0 }, /* Ρ ρ ϱ */
    { { 0x03A3, 0x03C2, 0x03C3 }, 1, 0 }, /* Σ ς σ */
    { { 0x03A4, 0x03C4 }, 2, 1 }, /* Τ τ */
    { { 0x03A6, 0x03C6, 0x03D5 }, 1, 0 }, /* Φ φ ϕ */
    { { 0x03A7, 0x03C7 }, 5, 1 }, /* Χ χ */
    { { 0x03CF, 0x03D7 }, 1, 0 }, /* Ϗ ϗ */
    { { 0x03D8, 0x03D9 }, 12, 2 }, /* Ϙ ϙ */
    { { 0x03F2, 0x03F9 }, 1, 0 }, /* ϲ Ϲ */
    { { 0x03F7, 0x03F8 }, 2, 3 }, /* Ϸ ϸ */
    { { 0x0400, 0x0450 }, 16, 1 }, /* Ѐ ѐ */
    { { 0x0410, 0x0430 }, 32, 1 }, /* А а */
    { { 0x0460, 0x0461 }, 17, 2 }, /* Ѡ ѡ */
    { { 0x048A, 0x048B }, 27, 2 }, /* Ҋ ҋ */
    { { 0x04C0, 0x04CF }, 1, 0 }, /* Ӏ ӏ */
    { { 0x04C1, 0x04C2 }, 7, 2 }, /* Ӂ ӂ */
    { { 0x04D0, 0x04D1 }, 48, 2 }, /* Ӑ ӑ */
    { { 0x0531, 0x0561 }, 38, 1 }, /* Ա ա */
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

/* the class of cp into set (cp first), its size; 1 for a letter of no class */
static size_t case_class(uint32_t cp, uint32_t set[4])
{
    set[0] = cp;
    for (size_t r = 0; r < sizeof case_classes / sizeof *case_classes; r++)
        for (size_t j = 0; j < 4 && case_classes[r].cp[j]; j++) {
            uint32_t m = case_classes[r].cp[j], step = case_classes[r].step;
            if (cp < m) continue;
            uint32_t d = cp - m, i = step ? d / step : 0;
            if ((step ? d % step : d) || i >= case_classes[r].count) continue;
            size_t n = 1;
            for (size_t k = 0; k < 4 && case_classes[r].cp[k]; k++)
                if (k != j) set[n++] = case_classes[r].cp[k] + i * step;
            return n;
        }
    return 1;
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
    uint32_t set[4];
    size_t k = n == 2 ? case_class(cp, set) : 1;
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
