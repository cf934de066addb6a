/* source_modes.c - a profile source another local user may rewrite is not
 * compiled: a file writable by every user or by a group other users belong
 * to, one owned by another user (not root), or one in a directory (its own
 * or any above it) every user, or such a group, may write without the
 * sticky bit (where they can put another file, or directory, in its
 * place); write by the mode bits or by a POSIX ACL's named user or group
 * entry (posix_acl.c), which the mode bits do not show.  The caller's
 * private group (below) is the caller's own.  The sandbox itself cannot
 * add write for others (the seccomp filter refuses it, a change of group
 * and setting an extended attribute), but a file left that way, or changed
 * so by a command before, would let another local user choose what the
 * next run enforces (docs/linux.md, "Where buckle keeps its files"). */
#include "source_modes.h"
#include "posix_acl.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* the fields of each line of an /etc/passwd-like file, separated by ':'
 * (f[0] .. f[n-1]); 0 at the end of the file */
static int next_entry(FILE *fp, char *line, size_t len, char **f, int want)
{
    while (fgets(line, (int)len, fp)) {
        line[strcspn(line, "\n")] = 0;
        int n = 1;
        f[0] = line;
        for (char *p = line; *p && n < want; p++)
            if (*p == ':') { *p = 0; f[n++] = p + 1; }
        if (n == want) return 1;
    }
    return 0;
}

static int num_is(const char *s, unsigned long v)
{
    char *end;
    unsigned long x = strtoul(s, &end, 10);
    return end != s && !*end && x == v;
}

/* The caller's private group: gid is the primary group /etc/passwd gives
 * the caller, no other account has it as its primary group, and
 * /etc/group names no other member of it.  *name: the group's name, when
 * /etc/group has it. */
static int group_is_private(arena *a, unsigned long gid, const char **name)
{
    char line[4096], *f[7], me[256] = "";
    unsigned long uid = (unsigned long)getuid();
    int mine = 0, others = 0;
    *name = NULL;
    FILE *fp = fopen("/etc/passwd", "r");
    if (!fp) return 0;
    while (next_entry(fp, line, sizeof line, f, 7)) {
        if (num_is(f[2], uid)) {
            if (num_is(f[3], gid)) mine = 1;
            snprintf(me, sizeof me, "%s", f[0]);
        } else if (num_is(f[3], gid)) others = 1;
    }
    fclose(fp);
    fp = fopen("/etc/group", "r");
    if (fp) {
        while (next_entry(fp, line, sizeof line, f, 4)) {
            if (!num_is(f[2], gid)) continue;
            *name = arena_strdup(a, f[0]);
            for (char *m = strtok(f[3], ","); m; m = strtok(NULL, ","))
                if (strcmp(m, me) != 0) others = 1;
        }
        fclose(fp);
    }
    return mine && !others;
}

int runner_group_is_private(unsigned long gid)
{
    arena a;
    arena_init(&a);
    const char *name;
    int r = group_is_private(&a, gid, &name);
    arena_free(&a);
    return r;
}

/* Who other than the caller may write the file or directory of st: "every
 * user", a group that is not the caller's private one ("the group NAME"),
 * or NULL.  *all: 1 for every user. */
static const char *writable_by_others(arena *a, const struct stat *st, int *all)
{
    *all = (st->st_mode & S_IWOTH) != 0;
    if (*all) return "every user";
    const char *g;
    if ((st->st_mode & S_IWGRP) && !group_is_private(a, (unsigned long)st->st_gid, &g))
        return g ? arena_printf(a, "the group %s", g) : arena_printf(a, "the group %lu", (unsigned long)st->st_gid);
    return NULL;
}

/* "user NAME (uid N)", or "user N" when /etc/passwd does not have it */
static const char *user_named(arena *a, unsigned long uid)
{
    char line[4096], *f[7];
    const char *name = NULL;
    FILE *fp = fopen("/etc/passwd", "r");
    if (fp) {
        while (!name && next_entry(fp, line, sizeof line, f, 7))
            if (num_is(f[2], uid)) name = arena_strdup(a, f[0]);
        fclose(fp);
    }
    return name ? arena_printf(a, "user %s (uid %lu)", name, uid) : arena_printf(a, "user %lu", uid);
}

/* Who other than the caller the ACL of path lets write (a named user but
 * the caller and root, a named group but the caller's private one), or
 * NULL. */
static const char *acl_writer(arena *a, const char *path)
{
    posix_acl_writer w[16];
    size_t n = posix_acl_writers(path, w, sizeof w / sizeof w[0]);
    for (size_t i = 0; i < n && i < sizeof w / sizeof w[0]; i++) {
        const char *g;
        if (!w[i].group && w[i].id != (unsigned long)getuid() && w[i].id != 0) return user_named(a, w[i].id);
        if (w[i].group && !group_is_private(a, w[i].id, &g))
            return g ? arena_printf(a, "the group %s", g) : arena_printf(a, "the group %lu", w[i].id);
    }
    return n > sizeof w / sizeof w[0] ? "the users and groups it names" : NULL;
}

/* the words after who: why a group is not the caller's own */
static const char *members(int all) { return all ? "" : ", which has other members than you,"; }

/* Why the directory dir, in which path's resolution looks up a name, lets
 * another local user put another entry there, or NULL: writable by others
 * (mode bits or ACL) without the sticky bit, or owned by another user than
 * the caller or root (its owner may rename and remove any entry in it). */
static const char *dir_problem(arena *a, const char *path, const char *dir)
{
    struct stat st;
    int all;
    const char *who;
    if (stat(dir, &st) != 0) return NULL;
    if (st.st_uid != getuid() && st.st_uid != 0)
        return arena_printf(a, "%s is in %s, which belongs to another user (uid %lu): they could put another file in "
                               "its place", path, dir, (unsigned long)st.st_uid);
    if (st.st_mode & S_ISVTX) return NULL;
    if ((who = writable_by_others(a, &st, &all)))
        return arena_printf(a, "%s is in %s, which %s%s may write (mode %04o, no sticky bit): another local "
                               "user could put another file in its place (chmod %s %s)", path, dir, who,
                            members(all), (unsigned)(st.st_mode & 07777), all ? "o-w" : "g-w", dir);
    if ((who = acl_writer(a, dir)))
        return arena_printf(a, "%s is in %s, whose ACL lets %s write (no sticky bit): another local user "
                               "could put another file in its place (setfacl -b %s)", path, dir, who, dir);
    return NULL;
}

/* Resolves path one component at a time, as the kernel does: each
 * directory a name is looked up in (from / down, through the targets of
 * the symbolic links met) must keep others out (dir_problem), and each
 * link must belong to the caller or root (its owner could point it
 * elsewhere).  NULL when nothing is wrong, or the path does not resolve. */
static const char *way_problem(arena *a, const char *path)
{
    char cwd[4096];
    const char *rest = path;
    if (path[0] != '/') {
        if (!getcwd(cwd, sizeof cwd)) return NULL;
        rest = arena_printf(a, "%s/%s", cwd, path);
    }
    const char *cur = "";                          /* resolved so far, no link in it; "" is / */
    const char *why = NULL;
    int links = 0;
    while (!why) {
        while (*rest == '/') rest++;
        if (!*rest) break;
        size_t n = strcspn(rest, "/");
        const char *comp = arena_strndup(a, rest, n);
        rest += n;
        if (!strcmp(comp, ".")) continue;
        if (!strcmp(comp, "..")) {
            const char *up = strrchr(cur, '/');
            cur = up ? arena_strndup(a, cur, (size_t)(up - cur)) : "";
            continue;
        }
        if ((why = dir_problem(a, path, *cur ? cur : "/"))) break;
        const char *next = arena_printf(a, "%s/%s", cur, comp);
        struct stat st;
        if (lstat(next, &st) != 0) break;
        if (!S_ISLNK(st.st_mode)) {
            cur = next;
            continue;
        }
        if (st.st_uid != getuid() && st.st_uid != 0) {
            why = arena_printf(a, "%s leads through %s, a symbolic link that belongs to another user (uid %lu), who "
                                  "could point it elsewhere", path, next, (unsigned long)st.st_uid);
            break;
        }
        char target[4096];
        ssize_t tl = readlink(next, target, sizeof target - 1);
        if (tl <= 0 || ++links > 40) break;
        target[tl] = 0;
        if (target[0] == '/') cur = "";
        rest = arena_printf(a, "%s%s", target, rest);
    }
    return why;
}

const char *runner_source_mode_problem(arena *a, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) return NULL;           /* compiled from what was read; nothing to say */
    int all;
    const char *who = writable_by_others(a, &st, &all);
    if (who)
        return arena_printf(a, "%s is writable by %s%s (mode %04o): another local user could choose what the next "
                               "run enforces (chmod %s it)", path, who, all ? "" : ", which has other members than you",
                            (unsigned)(st.st_mode & 07777), all ? "o-w" : "g-w");
    if (st.st_uid != getuid() && st.st_uid != 0)
        return arena_printf(a, "%s belongs to another user (uid %lu), who could change what the next run enforces",
                            path, (unsigned long)st.st_uid);
    /* Landlock grants by the file, reached under any of its names: a grant
     * of a directory that holds another name of it (the project, TMPDIR)
     * would let the command write it under every name */
    if (S_ISREG(st.st_mode) && st.st_nlink > 1)
        return arena_printf(a, "%s has %lu names (hard links): the command could write it through another name the "
                               "profile lets it write, and choose what the next run enforces (keep one: cp it to a "
                               "new file and remove the others)", path, (unsigned long)st.st_nlink);
    if ((who = acl_writer(a, path)))
        return arena_printf(a, "%s has an ACL that lets %s write: another local user could choose what the next run "
                               "enforces (setfacl -b %s)", path, who, path);
    return way_problem(a, path);
}

