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
