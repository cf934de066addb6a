/* dir_entries.c - the entries of a directory, sorted by name
 * (dir_entries.h): what above_names.c, grant_repos_made.c, path_shadows.c
 * and module_shadows.c note before the run and look at again after it. */
#define _GNU_SOURCE
#include "dir_entries.h"
#include "../support/arena.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int runner_dir_entry_cmp(const void *x, const void *y)
{
    return strcmp(((const dir_entry *)x)->name, ((const dir_entry *)y)->name);
}

void runner_dir_entries_free(dir_entry *v, size_t n)
{
    for (size_t i = 0; i < n; i++) free(v[i].name);
    free(v);
}

static int skipped(const char *name, const char *const *skip)
{
    if (!strcmp(name, ".") || !strcmp(name, "..")) return 1;
    for (size_t i = 0; skip && skip[i]; i++)
        if (!strcmp(name, skip[i])) return 1;
    return 0;
}

int runner_dir_entries(const char *dir, unsigned flags, const char *const *skip, size_t max, dir_entry **out,
                       size_t *n)
{
    *out = NULL;
    *n = 0;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (flags & DIR_ENTRIES_NOFOLLOW ? O_NOFOLLOW : 0));
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0) close(fd);
        return -1;
    }
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (skipped(e->d_name, skip)) continue;
        if (max && *n == max) {
            closedir(d);
            runner_dir_entries_free(*out, *n);
            *out = NULL;
            *n = 0;
            return -1;
        }
        dir_entry v = { .ino = (unsigned long long)e->d_ino };
        if (flags & DIR_ENTRIES_STAT) {
            struct stat st;
            if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
            v.dev = (unsigned long long)st.st_dev;
            v.ino = (unsigned long long)st.st_ino;
            v.cs = (long long)st.st_ctim.tv_sec;
            v.cns = (long long)st.st_ctim.tv_nsec;
            v.dir = S_ISDIR(st.st_mode);
        }
        if (*n == cap) {
            cap = cap ? 2 * cap : 64;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        v.name = xstrdup(e->d_name);
        (*out)[(*n)++] = v;
    }
    closedir(d);
    if (*n) qsort(*out, *n, sizeof **out, runner_dir_entry_cmp);
    return 0;
}
