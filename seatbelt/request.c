/* request.c - facts about requests that both the profile model and the SBPL
 * evaluator need. */
#include "request.h"
#include <arpa/inet.h>
#include <ctype.h>
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

/* One part of an IPv4 address as the C library's address parser reads it:
 * 0x hex, a leading 0 octal, else decimal; -1 when it is not a number. */
static long long ipv4_part(const char *s, size_t n)
{
    int base = 10;
    size_t i = 0;
    if (n > 2 && s[0] == '0' && (s[1] | 0x20) == 'x') { base = 16; i = 2; }
    else if (n > 1 && s[0] == '0') { base = 8; i = 1; }
    if (i >= n && base != 8) return -1;
    long long v = 0;
    for (; i < n; i++) {
        int d = s[i] >= '0' && s[i] <= '9' ? s[i] - '0'
              : (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f' ? (s[i] | 0x20) - 'a' + 10 : 99;
        if (d >= base) return -1;
        v = v * base + d;
        if (v > 0xffffffffLL) return -1;
    }
    return v;
}

/* An IPv4 address in any spelling the C library's parser (inet_aton) takes,
 * which is what a program that connects to it gets: "127.0.0.1", "127.1",
 * "0x7f000001", "2130706433", "0177.0.0.1".  1 with *addr set, else 0. */
static int ipv4_addr(const char *h, size_t n, unsigned long *addr)
{
    long long part[4];
    int np = 0;
    size_t i = 0;
    for (;;) {
        size_t s = i;
        while (i < n && h[i] != '.') i++;
        if (np == 4 || (part[np++] = ipv4_part(h + s, i - s)) < 0) return 0;
        if (i == n) break;
        i++;
    }
    unsigned long v = 0;
    for (int k = 0; k < np - 1; k++) {          /* the leading parts are one byte each */
        if (part[k] > 255) return 0;
        v |= (unsigned long)part[k] << (24 - 8 * k);
    }
    if (part[np - 1] > (long long)(0xffffffffULL >> (8 * (np - 1)))) return 0;   /* the last fills the rest */
    *addr = v | (unsigned long)part[np - 1];
    return 1;
}

/* An IPv6 address (without brackets): its 16 bytes.  An embedded IPv4 tail
 * ("::ffff:127.0.0.1") is a dotted quad, as in the address's own syntax. */
static int ipv6_addr(const char *h, size_t n, unsigned char out[16])
{
    char buf[64];
    if (n == 0 || n >= sizeof buf || !memchr(h, ':', n)) return 0;
    memcpy(buf, h, n);
    buf[n] = 0;
    return inet_pton(AF_INET6, buf, out) == 1;
}

/* 1 when h (length n) ends in the name "localhost" in any case, as the
 * whole of h or after a '.' */
static int ends_in_localhost(const char *h, size_t n)
{
    static const char lh[] = "localhost";
    size_t ll = sizeof lh - 1;
    if (n < ll || (n > ll && h[n - ll - 1] != '.')) return 0;
    for (size_t i = 0; i < ll; i++)
        if ((h[n - ll + i] | 0x20) != lh[i]) return 0;
    return 1;
}

/* 1 when z (length n) is an interface name or index ("lo0", "1") */
static int zone_ok(const char *z, size_t n)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)z[i]) && z[i] != '_' && z[i] != '-' && z[i] != '.') return 0;
    return 1;
}

/* 1 when every dot-separated part of h is written as a number (digits, or
 * 0x and hex digits): a host the C library reads as an IPv4 address or
 * refuses, never a name to look up */
static int ipv4_spelled(const char *h, size_t n)
{
    if (n == 0) return 0;
    for (size_t i = 0; i < n;) {
        size_t s = i;
        int hex = n - i > 1 && h[i] == '0' && (h[i + 1] | 0x20) == 'x';
        if (hex) i += 2;
        while (i < n && h[i] != '.') {
            char c = h[i];
            if (!(c >= '0' && c <= '9') && !(hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')) return 0;
            i++;
        }
        if (i == s) return 0;
        if (i < n) i++;
    }
    return 1;
}

int ip_host_kind(const char *h, size_t n)
{
    if (n >= 2 && h[0] == '[' && h[n - 1] == ']') { h++; n -= 2; }
    /* the name, also as a fully qualified one ("localhost."); a name below
     * it ("a.localhost") reaches the loopback or not as the resolver the
     * program uses decides: not known */
    size_t nl = n && h[n - 1] == '.' ? n - 1 : n;
    if (ends_in_localhost(h, nl)) return nl == sizeof "localhost" - 1 ? IP_HOST_LOCAL : IP_HOST_UNKNOWN;
    /* an IPv6 address with a scope ("::1%lo0"): ::1 in any scope is the
     * loopback address; another one may be the loopback interface's own
     * (fe80::1%lo0): not known */
    const char *pct = memchr(h, '%', n);
    if (pct && memchr(h, ':', (size_t)(pct - h))) {
        size_t al = (size_t)(pct - h);
        unsigned char a6[16];
        if (!zone_ok(pct + 1, n - al - 1) || !ipv6_addr(h, al, a6)) return IP_HOST_OTHER;
        return ip_host_kind(h, al) == IP_HOST_LOCAL ? IP_HOST_LOCAL : IP_HOST_UNKNOWN;
    }
    unsigned long v4;
    if (!memchr(h, ':', n)) return ipv4_addr(h, n, &v4) && (v4 >> 24) == 127 ? IP_HOST_LOCAL : IP_HOST_OTHER;
    unsigned char a[16];
    if (!ipv6_addr(h, n, a)) return IP_HOST_OTHER;
    static const unsigned char zero[12];
    if (!memcmp(a, zero, 10) && a[10] == 0xff && a[11] == 0xff) return a[12] == 127 ? IP_HOST_LOCAL : IP_HOST_OTHER;
    if (!memcmp(a, zero, 12)) {
        if (!a[12] && !a[13] && !a[14] && a[15] == 1) return IP_HOST_LOCAL;     /* ::1 */
        return a[12] == 127 ? IP_HOST_UNKNOWN : IP_HOST_OTHER;    /* ::127.x.y.z, IPv4-compatible */
    }
    return IP_HOST_OTHER;
}

int ip_host_is_local(const char *h, size_t n)
{
    return ip_host_kind(h, n) == IP_HOST_LOCAL;
}

const char *ip_request_check(const char *obj, size_t len)
{
    size_t hl = ip_host_len(obj, len);
    if (hl >= len) return "names no port: write HOST:PORT (localhost:8080, *:443, [::1]:22)";
    if (hl == 0) return "names no host: write HOST:PORT (localhost:8080, *:443, [::1]:22)";
    if ((obj[0] == '[') != (obj[hl - 1] == ']') || (obj[0] == '[' && hl < 3))
        return "has an unbalanced [ ]: write an IPv6 address as [ADDRESS]:PORT";
    const char *pt = obj + hl + 1;
    size_t pl = len - hl - 1;
    if (!(pl == 1 && pt[0] == '*')) {
        long port = 0;
        size_t k = 0;
        for (; k < pl && k < 6 && pt[k] >= '0' && pt[k] <= '9'; k++) port = port * 10 + (pt[k] - '0');
        if (k != pl || pl == 0 || port < 1 || port > 65535) return "has no port 1-65535 (or *) after its last ':'";
        if (pt[0] == '0') return "writes its port with a leading zero: write it without (080 is port 80)";
    }
    unsigned long v4;
    if (ipv4_spelled(obj, hl) && !ipv4_addr(obj, hl, &v4))
        return "writes its host as an IPv4 address that is none: each part is 0-255 (the last fills the rest), "
               "and a part that starts with 0 is octal (08 is no number), one with 0x hex";
    if (hl < len && ip_host_kind(obj, hl) == IP_HOST_UNKNOWN) {
        if (memchr(obj, '%', hl))
            return "is a scoped IPv6 address other than ::1: whether it is the loopback interface's own address "
                   "is not known; ask about the address without its scope, or about localhost";
        if (!memchr(obj, ':', hl))
            return "is a name below localhost: whether it reaches the loopback interface depends on the "
                   "resolver the program uses; ask about localhost or the address it resolves to";
        return "is an IPv4-compatible IPv6 address (::127.x.y.z, deprecated): whether the sandbox counts it as "
               "localhost is not known; ask about the IPv4 address or its mapped form (::ffff:127.x.y.z)";
    }
    return NULL;
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

static const char *const vnode_types[] = {
    "REGULAR-FILE", "DIRECTORY", "SYMLINK", "FIFO", "SOCKET", "CHARACTER-DEVICE", "BLOCK-DEVICE", "TTY",
};

const char *sb_vnode_type_at(size_t i) { return i < sizeof vnode_types / sizeof *vnode_types ? vnode_types[i] : NULL; }

const char *sb_vnode_type_named(const char *s)
{
    for (size_t i = 0; i < sizeof vnode_types / sizeof *vnode_types; i++) {
        const char *t = vnode_types[i];
        size_t k = 0;
        while (t[k] && s[k] && toupper((unsigned char)s[k]) == t[k]) k++;
        if (!t[k] && !s[k]) return t;
    }
    return NULL;
}

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
