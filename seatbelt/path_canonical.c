/* path_canonical.c - the paths the kernel asks about (path_canonical.h). */
#include "path_canonical.h"
#include <string.h>

int path_step(int pos, unsigned char ch)
{
    switch (pos) {
    case PC_START: return ch == '/' ? PC_ROOT : -1;
    case PC_ROOT: case PC_SLASH: return ch == '/' ? -1 : ch == '.' ? PC_DOT : PC_NAME;
    case PC_DOT: return ch == '/' ? -1 : ch == '.' ? PC_DOTDOT : PC_NAME;
    case PC_DOTDOT: return ch == '/' ? -1 : PC_NAME;
    default: return ch == '/' ? PC_SLASH : PC_NAME;
    }
}

int path_ends(int pos) { return pos == PC_ROOT || pos == PC_NAME; }

int path_canonical(const char *p, size_t n)
{
    int pos = PC_START;
    for (size_t i = 0; i < n && pos >= 0; i++) pos = path_step(pos, (unsigned char)p[i]);
    return pos >= 0 && path_ends(pos);
}

int path_component(const char *c, size_t n)
{
    if (memchr(c, '/', n)) return 0;
    int pos = PC_SLASH;
    for (size_t i = 0; i < n; i++) pos = path_step(pos, (unsigned char)c[i]);
    return pos == PC_NAME;
}

size_t path_collapse(char *p, size_t n, int flags)
{
    size_t w = 0;
    if (!(flags & PATH_DOTS) || !n || p[0] != '/') {
        for (size_t r = 0; r < n; r++)
            if (!(p[r] == '/' && w > 0 && p[w - 1] == '/')) p[w++] = p[r];
        if (!(flags & PATH_KEEP_SLASH) && w > 1 && p[w - 1] == '/') w--;
        return w;
    }
    /* a component at a time; what is written never passes what is read,
     * since a component follows at least one '/' */
    int slash_end = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && p[i] == '/') i++;
        size_t j = i;
        while (j < n && p[j] != '/') j++;
        size_t len = j - i;
        if (len == 2 && p[i] == '.' && p[i + 1] == '.') {
            while (w && p[w - 1] != '/') w--;          /* the component before it, with its '/' */
            if (w) w--;
        } else if (len && !(len == 1 && p[i] == '.')) {
            p[w++] = '/';
            memmove(p + w, p + i, len);
            w += len;
        }
        slash_end = j == n && !len;
        i = j;
    }
    if (slash_end && (flags & PATH_KEEP_SLASH)) p[w++] = '/';
    if (!w) p[w++] = '/';
    return w;
}
