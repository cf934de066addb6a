/* ir.c - small helpers on IR values. */
#include "ir.h"
#include <string.h>

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
