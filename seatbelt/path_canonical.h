/* path_canonical.h - the paths the kernel asks about: absolute, with no
 * empty, "." or ".." component and no '/' at the end ("/" itself is one).
 * Checked a byte at a time (a walk that builds paths keeps the state) or
 * whole. */
#ifndef BUCKLE_PATH_CANONICAL_H
#define BUCKLE_PATH_CANONICAL_H
#include <stddef.h>

/* where a path is: before its first byte, just after its first '/', after
 * a later '/', in a component that is "." or ".." so far, or in a name */
typedef enum { PC_START, PC_ROOT, PC_SLASH, PC_DOT, PC_DOTDOT, PC_NAME } path_pos;

/* the state after byte ch, or -1: no canonical path goes on so */
int path_step(int pos, unsigned char ch);
/* 1 when a path that ends in state pos is canonical */
int path_ends(int pos);
/* 1 when p (n bytes) is a canonical path */
int path_canonical(const char *p, size_t n);
/* 1 when c (n bytes) may be a component of one: not empty, no '/', not
 * "." or ".." */
int path_component(const char *c, size_t n);

enum {
    PATH_DOTS = 1,          /* "." dropped, ".." takes the component before it
                               (none at the root); for a path that starts
                               with '/' only */
    PATH_KEEP_SLASH = 2,    /* a '/' at the end stays (a prefix, a directory) */
};
/* p (n bytes) with each run of '/' written as one and, but with
 * PATH_KEEP_SLASH, no '/' at the end ("/" itself stays), in place: its new
 * length (p[result] is not written).  PATH_DOTS also resolves "." and ".."
 * as text, as the compiler writes a path ("/a/./b/../c" is "/a/c"). */
size_t path_collapse(char *p, size_t n, int flags);
#endif
