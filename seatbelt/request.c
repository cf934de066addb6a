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

/* a dotted quad whose first number is 127 */
static int loopback_v4(const char *h, size_t n)
{
    if (n < 4 || memcmp(h, "127.", 4) != 0) return 0;
    int parts = 0;
    size_t i = 0;
    while (i <= n) {
        size_t s = i;
        while (i < n && h[i] != '.') i++;
        if (port_number(h + s, i - s) < 0 || port_number(h + s, i - s) > 255 || i - s > 3) return 0;
        parts++;
        i++;
    }
    return parts == 4;
}

int ip_host_is_local(const char *h, size_t n)
{
    if (n >= 2 && h[0] == '[' && h[n - 1] == ']') { h++; n -= 2; }
    static const char lh[] = "localhost";
    if (n == sizeof lh - 1) {
        size_t i = 0;
        while (i < n && (h[i] | 0x20) == lh[i]) i++;
        if (i == n) return 1;
    }
    if (n == 3 && !memcmp(h, "::1", 3)) return 1;
    static const char mapped[] = "::ffff:";
    if (n > sizeof mapped - 1) {
        size_t i = 0;
        while (i < sizeof mapped - 1 && (h[i] | (h[i] >= 'A' ? 0x20 : 0)) == mapped[i]) i++;
        if (i == sizeof mapped - 1) { h += i; n -= i; }
    }
    return loopback_v4(h, n);
}

size_t ip_host_len(const char *obj, size_t len)
{
    size_t i = len;
    while (i > 0 && obj[i - 1] != ':') i--;
    return i ? i - 1 : len;
}

int ip_host_matches(const char *fh, size_t fl, const char *qh, size_t ql)
{
    if (fl == 1 && fh[0] == '*') return 1;
    if (ql == 1 && qh[0] == '*') return 0;
    if (fl == 9 && !memcmp(fh, "localhost", 9)) return ip_host_is_local(qh, ql);
    return fl == ql && memcmp(fh, qh, fl) == 0;
}

static const char *const targets[] = { "self", "same-sandbox", "children", "others", "pgrp" };

const char *sb_target_at(size_t i) { return i < sizeof targets / sizeof *targets ? targets[i] : NULL; }

/* the request target (first) that a filter target (second) certainly holds */
static const struct { const char *q, *f; } holds[] = {
    { "self", "same-sandbox" }, { "self", "pgrp" }, { "children", "same-sandbox" },
};

int sb_target_matches(const char *ft, size_t fl, const char *qt, size_t ql)
{
    if (fl == ql && memcmp(ft, qt, fl) == 0) return 1;
    for (size_t i = 0; i < sizeof holds / sizeof *holds; i++)
        if (strlen(holds[i].q) == ql && !memcmp(holds[i].q, qt, ql) && strlen(holds[i].f) == fl && !memcmp(holds[i].f, ft, fl))
            return 1;
    return 0;
}

int sb_targets_meet(const char *a, size_t al, const char *b, size_t bl)
{
    for (size_t i = 0; i < sizeof targets / sizeof *targets; i++) {
        size_t ql = strlen(targets[i]);
        if (sb_target_matches(a, al, targets[i], ql) && sb_target_matches(b, bl, targets[i], ql)) return 1;
    }
    return 0;
}
