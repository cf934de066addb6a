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

/* A directory, or a symbolic link, which the kernel follows to the paths
 * it names: what a holder matcher takes (the names vnode-type gives). */
int vnode_holds(const char *vnode)
{
    static const char *const holders[] = { "DIRECTORY", "SYMLINK" };
    if (!vnode) return 0;
    for (size_t i = 0; i < sizeof holders / sizeof *holders; i++) {
        size_t n = strlen(holders[i]), k = 0;
        while (k < n && vnode[k] && (vnode[k] & ~0x20) == holders[i][k]) k++;
        if (k == n && !vnode[k]) return 1;
    }
    return 0;
}
