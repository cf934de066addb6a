/* posix_acl.h - who a file's POSIX ACL lets write besides its owner
 * (posix_acl.c). */
#ifndef BUCKLE_POSIX_ACL_H
#define BUCKLE_POSIX_ACL_H
#include <stddef.h>

/* A named entry of an access ACL that grants writing: a user (ACL_USER)
 * or a group (ACL_GROUP) and its ID. */
typedef struct posix_acl_writer {
    int group;
    unsigned long id;
} posix_acl_writer;

/* The named user and group entries of path's access ACL (links followed)
 * that grant writing, whatever the mask says (a chmod g+w turns a masked
 * entry on again), at most max of them into out; returns how many there
 * are (more than max when more), 0 without an ACL, on a system without
 * them, and when the ACL cannot be read. */
size_t posix_acl_writers(const char *path, posix_acl_writer *out, size_t max);
#endif
