/* git_dir.c - whether a directory is a git directory, by what it holds
 * (git_dir.h). */
#include "git_dir.h"
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* 1 when dir/name is there: a directory when want_dir (through a link),
 * else anything but a directory (the entry itself) */
static int holds(int dirfd, const char *dir, const char *name, int want_dir)
{
    char path[PATH_MAX];
    struct stat st;
    if ((size_t)snprintf(path, sizeof path, "%s/%s", strcmp(dir, "/") ? dir : "", name) >= sizeof path) return 0;
    if (fstatat(dirfd, path, &st, want_dir ? 0 : AT_SYMLINK_NOFOLLOW) != 0) return 0;
    return want_dir ? S_ISDIR(st.st_mode) : !S_ISDIR(st.st_mode);
}

int runner_git_dir_at(int dirfd, const char *dir)
{
    return holds(dirfd, dir, "HEAD", 0) && holds(dirfd, dir, "objects", 1) && holds(dirfd, dir, "refs", 1);
}
