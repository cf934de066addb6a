/* landlock_mounts.h - the mount table and the other names a path has
 * through bind mounts (landlock_mounts.c). */
#ifndef BUCKLE_LANDLOCK_MOUNTS_H
#define BUCKLE_LANDLOCK_MOUNTS_H
#include "../support/arena.h"
#include <stddef.h>
#include <stdint.h>

typedef struct ll_mount { uint64_t dev; const char *root, *mp; } ll_mount;
typedef struct ll_mounts {
    ll_mount *m;
    size_t n;
    uint64_t digest;     /* of the table's text (0: it could not be read) */
    int aliased;         /* some directory is shown by two mounts */
} ll_mounts;
/* an alias: alt (through another mount) is the same file or directory as orig */
typedef struct ll_alias { const char *alt, *orig; } ll_alias;

/* Reads /proc/self/mountinfo (an empty table when it cannot be read). */
void ll_mounts_read(arena *a, ll_mounts *m);
/* The digest ll_mounts_read would give, for a run cache's check. */
uint64_t ll_mounts_digest(arena *a);
/* The names through other mounts of path, or of a directory beneath it
 * (each with the name it has beneath path); 0 when there are none. */
size_t ll_mount_aliases(arena *a, const ll_mounts *m, const char *path, ll_alias **out);
#endif
