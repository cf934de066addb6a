/* source_modes.c - a profile source another local user may rewrite is not
 * compiled: a file writable by every user, one owned by another user (not
 * root), or one in a directory every user may write without the sticky bit
 * (where anyone can put another file in its place).  The sandbox itself
 * cannot add such modes (the seccomp filter refuses write for others), but
 * a file left that way, or changed so by a command before, would let any
 * local user choose what the next run enforces (docs/linux.md, "Where
 * buckle keeps its files"). */
#include "source_modes.h"
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *runner_source_mode_problem(arena *a, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) return NULL;           /* compiled from what was read; nothing to say */
    if (st.st_mode & S_IWOTH)
        return arena_printf(a, "%s is writable by every user (mode %04o): any local user could choose what the next "
                               "run enforces (chmod o-w it)", path, (unsigned)(st.st_mode & 07777));
    if (st.st_uid != getuid() && st.st_uid != 0)
        return arena_printf(a, "%s belongs to another user (uid %lu), who could change what the next run enforces",
                            path, (unsigned long)st.st_uid);
    const char *sl = strrchr(path, '/');
    const char *dir = !sl ? "." : sl == path ? "/" : arena_strndup(a, path, (size_t)(sl - path));
    if (stat(dir, &st) == 0 && (st.st_mode & S_IWOTH) && !(st.st_mode & S_ISVTX))
        return arena_printf(a, "%s is in %s, which every user may write (mode %04o, no sticky bit): any local user "
                               "could put another file in its place", path, dir, (unsigned)(st.st_mode & 07777));
    return NULL;
}
