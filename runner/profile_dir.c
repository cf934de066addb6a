/* profile_dir.c - the directory only we own (docs/runner.md, steps 2 and 5). */
#define _POSIX_C_SOURCE 200809L
#include "runner.h"
#include "profile_cache.h"
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

int profile_dir_check(const char *dir, const char **why)
{
    struct stat st;
    if (lstat(dir, &st) != 0) { *why = "it cannot be examined"; return -1; }
    if (S_ISLNK(st.st_mode)) { *why = "it is a symbolic link"; return -1; }
    if (!S_ISDIR(st.st_mode)) { *why = "it is not a directory"; return -1; }
    if (st.st_uid != geteuid()) { *why = "it is owned by another user"; return -1; }
    if (st.st_mode & (S_IWGRP | S_IWOTH)) { *why = "it is writable by group or others"; return -1; }
    return 0;
}

int profile_dir_prepare(const char *tmpdir, char *out, size_t outlen, const char **why)
{
    char real[PATH_MAX];
    if (!realpath(tmpdir, real)) { *why = "the temporary directory does not resolve"; return -1; }
    int n = snprintf(out, outlen, "%s/buckle-profiles-%lu", strcmp(real, "/") ? real : "", (unsigned long)geteuid());
    if (n < 0 || (size_t)n >= outlen) { *why = "the path is too long"; return -1; }
    if (mkdir(out, 0700) != 0 && errno != EEXIST) { *why = "it cannot be created"; return -1; }
    return profile_dir_check(out, why);
}

int profile_name_matches(const char *name)
{
    /* buckle-PID-TIME-HEX.sb */
    if (strncmp(name, "buckle-", 7) != 0) return 0;
    const char *p = name + 7;
    for (int field = 0; field < 3; field++) {
        const char *b = p;
        while (*p && *p != '-' && *p != '.') {
            if (field < 2 ? !(*p >= '0' && *p <= '9') : !((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) return 0;
            p++;
        }
        if (p == b) return 0;
        if (field < 2 && *p++ != '-') return 0;
    }
    return strcmp(p, ".sb") == 0;
}

int profile_dir_sweep(const char *dir, long max_age, long cache_max_age)
{
    DIR *d = opendir(dir);
    if (!d) return 0;
    int removed = 0;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        int cache = cache_name_matches(e->d_name);
        if (!cache && !profile_name_matches(e->d_name)) continue;
        char path[PATH_MAX];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) continue;
        struct stat st;
        if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid()) continue;
        if (now - st.st_mtime < (cache ? cache_max_age : max_age)) continue;
        if (unlink(path) == 0) removed++;
    }
    closedir(d);
    return removed;
}
