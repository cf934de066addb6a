/* request.c - facts about requests that both the profile model and the SBPL
 * evaluator need. */
#include "request.h"
#include <string.h>

static long port_number(const char *s, size_t n)
{
    long v = 0;
    if (n == 0) return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
        if (v > 65535) return -1;
    }
    return v;
}

int ip_port_equal(const char *a, size_t al, const char *b, size_t bl)
{
    if (al == bl && memcmp(a, b, al) == 0) return 1;
    long x = port_number(a, al), y = port_number(b, bl);
    return x >= 0 && x == y;
}
