/* profile_dir.c - the directories only we can write (docs/runner.md, "Where
 * the files live"): opened without following a link, checked on the open
 * descriptor, every ancestor checked the way ssh checks a key file's path. */
#define _POSIX_C_SOURCE 200809L
#include "runner.h"
#include "profile_cache.h"
#include "run_profile.h"
#include "source_modes.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __APPLE__
#include <membership.h>
#include <sys/acl.h>
#endif

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

void runner_dir_name(char *out, size_t n, const char *what)
{
    snprintf(out, n, "buckle-%s-%lu", what, (unsigned long)geteuid());
}

const char *runner_own_tmpdir(arena *a, const char *parent, int make, const char **why)
{
    char name[64], path[PATH_MAX];
    runner_dir_name(name, sizeof name, "tmp");
    *why = NULL;
    if (!parent) parent = "/tmp";
    if (!make) return arena_printf(a, "%s/%s", realpath(parent, path) && strcmp(path, "/") ? path : parent, name);
    int fd = runner_dir_open(parent, name, path, sizeof path, why);
    if (fd < 0) return NULL;
    close(fd);
    return arena_strdup(a, path);
}

int runner_cache_where(arena *a, const char *hook, cache_where *w)
{
    memset(w, 0, sizeof *w);
    if (hook) {
        w->parent = hook;
        w->name = arena_printf(a, "buckle-cache-%lu", (unsigned long)geteuid());
        return 0;
    }
#ifdef __APPLE__
    w->parent = "/tmp";
    w->name = arena_printf(a, "buckle-cache-%lu", (unsigned long)geteuid());
#else
    /* the password database's home, the same for every run of this user
     * whatever the environment says: a run started with another HOME or
     * XDG_CACHE_HOME still protects the one cache every run reads */
    const char *home = NULL;
    if (run_user_entry(a, &home, NULL) != 0 || !home || home[0] != '/' || !strcmp(home, "/")) return -1;
    size_t hl = strlen(home);
    while (hl > 1 && home[hl - 1] == '/') hl--;
    w->parent = arena_printf(a, "%.*s/.cache", (int)hl, home);
    w->name = "buckle";
    w->make_parent = 1;
#endif
    return 0;
}

int runner_cache_open(const cache_where *w, char *out, size_t outlen, const char **why)
{
    /* ~/.cache as XDG makes it, when the home directory has none yet */
    if (w->make_parent && mkdir(w->parent, 0700) != 0 && errno != EEXIST) {
        *why = "its parent directory cannot be created";
        return -1;
    }
    return runner_dir_open(w->parent, w->name, out, outlen, why);
}

#ifdef __APPLE__
/* 1 when path carries an ACL entry that lets someone other than us write,
 * create, delete or change its permissions or owner */
static int acl_lets_others_write(const char *path)
{
    acl_t acl = acl_get_link_np(path, ACL_TYPE_EXTENDED);
    if (!acl) return 0;
    static const acl_perm_t bad_perms[] = { ACL_WRITE_DATA, ACL_APPEND_DATA, ACL_DELETE, ACL_DELETE_CHILD,
                                            ACL_WRITE_SECURITY, ACL_CHANGE_OWNER };
    int bad = 0;
    acl_entry_t e;
    for (int id = ACL_FIRST_ENTRY; !bad && acl_get_entry(acl, id, &e) == 0; id = ACL_NEXT_ENTRY) {
        acl_tag_t tag;
        acl_permset_t ps;
        if (acl_get_tag_type(e, &tag) != 0 || tag != ACL_EXTENDED_ALLOW || acl_get_permset(e, &ps) != 0) continue;
        int writes = 0;
        for (size_t k = 0; k < sizeof bad_perms / sizeof bad_perms[0]; k++)
            if (acl_get_perm_np(ps, bad_perms[k]) == 1) writes = 1;
        if (!writes) continue;
        guid_t *q = acl_get_qualifier(e);
        id_t who = 0;
        int type = 0;
        int ours = q && mbr_uuid_to_id(q->g_guid, &who, &type) == 0 && type == ID_TYPE_UID && who == geteuid();
        if (q) acl_free(q);
        if (!ours) bad = 1;
    }
    acl_free(acl);
    return bad;
}
#endif

/* every proper ancestor of the canonical path dir: owned by root or us, no
 * group/other write unless sticky or (ours) by our private group (and no
 * ACL granting it) */
static int ancestors_safe(const char *dir, const char **why)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s", dir);
    for (;;) {
        char *slash = strrchr(p, '/');
        if (!slash) return 0;
        if (slash == p) slash[1] = 0;
        else *slash = 0;
        struct stat st;
        if (lstat(p, &st) != 0 || !S_ISDIR(st.st_mode)) { *why = "an ancestor is not a directory"; return -1; }
        if (st.st_uid != 0 && st.st_uid != geteuid()) { *why = "an ancestor is owned by another user"; return -1; }
        /* group write of our own directory by our private group (a
         * umask of 002, ~/.cache made 0775) gives nobody else anything */
        int own_group = st.st_uid == geteuid() && !(st.st_mode & S_IWOTH) &&
                        runner_group_is_private((unsigned long)st.st_gid);
        if ((st.st_mode & (S_IWGRP | S_IWOTH)) && !(st.st_mode & S_ISVTX) && !own_group) {
            *why = "an ancestor is writable by group or others and not sticky";
            return -1;
        }
#ifdef __APPLE__
        if (acl_lets_others_write(p)) { *why = "an ancestor has an ACL that lets another user write"; return -1; }
#endif
        if (!strcmp(p, "/")) return 0;
    }
}

int runner_dir_open(const char *parent, const char *name, char *out, size_t outlen, const char **why)
{
    char real[PATH_MAX];
    if (!realpath(parent, real)) { *why = "its parent directory does not resolve"; return -1; }
    int n = snprintf(out, outlen, "%s/%s", strcmp(real, "/") ? real : "", name);
    if (n < 0 || (size_t)n >= outlen) { *why = "the path is too long"; return -1; }
    if (ancestors_safe(out, why) != 0) return -1;
    if (mkdir(out, 0700) != 0 && errno != EEXIST) { *why = "it cannot be created"; return -1; }
    int fd = open(out, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        struct stat st;
        *why = lstat(out, &st) == 0 && S_ISLNK(st.st_mode) ? "it is a symbolic link"
             : errno == ENOTDIR ? "it is not a directory" : "it cannot be opened";
        return -1;
    }
    struct stat st;
    *why = NULL;
    if (fstat(fd, &st) != 0) *why = "it cannot be examined";
    else if (!S_ISDIR(st.st_mode)) *why = "it is not a directory";
    else if (st.st_uid != geteuid()) *why = "it is owned by another user";
    else if (st.st_mode & (S_IWGRP | S_IWOTH)) *why = "it is writable by group or others";
#ifdef __APPLE__
    else if (acl_lets_others_write(out)) *why = "it has an ACL that lets another user write";
#endif
    if (*why) { close(fd); return -1; }
    return fd;
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

int profile_dir_sweep(int dirfd, long max_age, long cache_max_age)
{
    int fd = dup(dirfd);
    if (fd < 0) return 0;
    DIR *d = fdopendir(fd);
    if (!d) { close(fd); return 0; }
    int removed = 0;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        int cache = cache_name_matches(e->d_name);
        if (!cache && !profile_name_matches(e->d_name)) continue;
        struct stat st;
        if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
            st.st_uid != geteuid())
            continue;
        if (now - st.st_mtime < (cache ? cache_max_age : max_age)) continue;
        if (unlinkat(dirfd, e->d_name, 0) == 0) removed++;
    }
    closedir(d);
    return removed;
}
