/* posix_acl.c - who a file's POSIX ACL lets write besides its owner.  On
 * Linux an access ACL is the extended attribute system.posix_acl_access:
 * a 4-byte version (2), then 8-byte entries (tag, permissions, ID; little
 * endian), read here with getxattr and parsed without libacl.  The owner's,
 * the owning group's and the others' entries are the mode bits (stat shows
 * the mask as the group's); the named entries (ACL_USER, ACL_GROUP) are
 * what the mode bits do not show. */
#include "posix_acl.h"
#ifdef __linux__
#include <errno.h>
#include <stdlib.h>
#include <sys/xattr.h>

enum { ACL_VERSION = 2, TAG_USER = 0x02, TAG_GROUP = 0x08, PERM_WRITE = 0x02, HEADER = 4, ENTRY = 8 };

static unsigned long le(const unsigned char *p, int n)
{
    unsigned long v = 0;
    for (int i = n - 1; i >= 0; i--) v = v << 8 | p[i];
    return v;
}

/* the ACL's bytes (malloc'd) and their count in *n; NULL without one */
static unsigned char *read_acl(const char *path, ssize_t *n)
{
    /* the size can change between the two calls: ask again */
    for (int tries = 0; tries < 8; tries++) {
        ssize_t size = getxattr(path, "system.posix_acl_access", NULL, 0);
        if (size <= 0) return NULL;     /* no ACL (ENODATA), none on this filesystem */
        unsigned char *buf = malloc((size_t)size);
        if (!buf) return NULL;
        *n = getxattr(path, "system.posix_acl_access", buf, (size_t)size);
        if (*n >= 0) return buf;
        free(buf);
        if (errno != ERANGE) return NULL;
    }
    return NULL;
}

size_t posix_acl_writers(const char *path, posix_acl_writer *out, size_t max)
{
    ssize_t n = 0;
    unsigned char *buf = read_acl(path, &n);
    if (!buf) return 0;
    size_t found = 0;
    if (n >= HEADER && le(buf, 4) == ACL_VERSION)
        for (size_t off = HEADER; off + ENTRY <= (size_t)n; off += ENTRY) {
            unsigned long tag = le(buf + off, 2), perm = le(buf + off + 2, 2);
            if ((tag != TAG_USER && tag != TAG_GROUP) || !(perm & PERM_WRITE)) continue;
            if (found < max) out[found] = (posix_acl_writer){ .group = tag == TAG_GROUP, .id = le(buf + off + 4, 4) };
            found++;
        }
    free(buf);
    return found;
}
#else
size_t posix_acl_writers(const char *path, posix_acl_writer *out, size_t max)
{
    (void)path, (void)out, (void)max;
    return 0;
}
#endif
