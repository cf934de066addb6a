/* ir.c - small helpers on IR values. */
#include "ir.h"
#include <string.h>

matcher_family mk_family(matcher_kind k)
{
    switch (k) {
    case MK_SUBPATH: case MK_LITERAL: case MK_PREFIX: case MK_GLOB: case MK_REGEX: case MK_ANCESTORS:
        return FAM_PATH;
    case MK_NAME: case MK_NAME_PREFIX: case MK_NAME_REGEX: return FAM_NAME;
    case MK_TARGET: return FAM_TARGET;
    case MK_IP: return FAM_IP;
    default: return FAM_NONE;
    }
}

const char *mk_name(matcher_kind k, name_ns ns)
{
    switch (k) {
    case MK_NONE: return "(none)";
    case MK_SUBPATH: return "subpath";
    case MK_LITERAL: return "literal";
    case MK_PREFIX: return "prefix";
    case MK_GLOB: return "glob";
    case MK_REGEX: return "regex";
    case MK_ANCESTORS: return "ancestors";
    case MK_NAME:
        return ns == NS_LOCAL ? "local" : ns == NS_IOKIT ? "class" : ns == NS_IOKIT_REG ? "registry-class" : "name";
    case MK_NAME_PREFIX: return "prefix";
    case MK_NAME_REGEX: return "regex";
    case MK_TARGET: return "target";
    case MK_IP: return "address";
    }
    return "?";
}

void rule_vec_push(rule_vec *rv, rule *r)
{
    if (rv->n == rv->cap) {
        rv->cap = rv->cap ? rv->cap * 2 : 64;
        rv->v = xrealloc(rv->v, rv->cap * sizeof *rv->v);
    }
    rv->v[rv->n++] = r;
}

const char *rule_key(arena *a, const rule *r, size_t *len)
{
    char *k = arena_alloc(a, (r->m.value ? r->m.len : 0) + 16);
    rule_key_in(r, k, len);
    return k;
}

void rule_key_in(const rule *r, char *k, size_t *len)
{
    size_t vl = r->m.value ? r->m.len : 0;
    int n = 0;
    k[n++] = (char)('0' + r->action);
    k[n++] = (char)(r->op & 0xff);
    k[n++] = (char)((r->op >> 8) | 0x40);
    k[n++] = (char)('A' + r->m.kind);
    k[n++] = (char)('a' + r->m.ns);
    k[n++] = (char)('0' + r->m.outbound);
    k[n++] = '|';
    if (vl) memcpy(k + n, r->m.value, vl);
    *len = (size_t)n + vl;
}
