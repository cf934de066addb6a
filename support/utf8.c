/* utf8.c - see utf8.h. */
#include "utf8.h"

size_t utf8_seq(const char *s, size_t len, size_t k)
{
    unsigned char ch = (unsigned char)s[k];
    size_t n = ch >= 0xF0 && ch <= 0xF4 ? 4 : ch >= 0xE0 && ch < 0xF0 ? 3 : ch >= 0xC2 && ch < 0xE0 ? 2 : 0;
    if (!n || k + n > len) return 0;
    for (size_t i = 1; i < n; i++)
        if (((unsigned char)s[k + i] & 0xC0) != 0x80) return 0;
    return n;
}
