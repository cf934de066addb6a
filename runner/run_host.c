/* run_host.c - what the run pipeline asks of the machine and how it speaks:
 * canonical paths, the password database, messages to the sink. */
#define _POSIX_C_SOURCE 200809L
#include "run_profile.h"
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifndef BUCKLE_STATIC
#include <pwd.h>
#endif

void run_put(diag_sink *sink, diag_list *l)
{
    if (l->head) sink->put(sink, l);
    diag_list_init(l, l->a);
}

void run_say(diag_sink *sink, severity sev, const char *fmt, ...)
{
    arena a;
    arena_init(&a);
    diag_list l;
    diag_list_init(&l, &a);
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    const char *msg = buf;
    if (n >= (int)sizeof buf) {
        char *big = arena_alloc(&a, (size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        msg = big;
    }
    diag_add(&l, sev, NULL, (span){ NULL, 0, 0 }, "%s", msg);
    sink->put(sink, &l);
    arena_free(&a);
}

int run_is_sb(const char *path)
{
    size_t n = strlen(path);
    return n > 3 && strcmp(path + n - 3, ".sb") == 0;
}

/* /tmp stays /tmp when it does not exist: this path is also opened here. */
const char *run_canonical(arena *a, const char *v)
{
    char real[PATH_MAX];
    if (v[0] == '/' && realpath(v, real)) v = real;
    char *out = arena_strdup(a, v);
    if (out[0] != '/') return out;
    size_t w = 0;
    for (size_t r = 0; out[r]; r++) {
        if (out[r] == '/' && w > 0 && out[w - 1] == '/') continue;
        out[w++] = out[r];
    }
    if (w > 1 && out[w - 1] == '/') w--;
    out[w] = 0;
    return out;
}

#ifdef BUCKLE_STATIC
/* A static build (Linux) reads /etc/passwd itself: glibc's getpwuid would
 * load the NSS modules of whatever glibc the machine has, which need not be
 * the one linked in (and the linker warns about it).  Users known only to
 * NSS services (LDAP and the like) are not found; buckle then falls back as
 * for a missing entry.  macOS builds are never static.  The entry of
 * want_name, or (NULL) of the uid want_uid. */
static int passwd_find(arena *a, const char *want_name, unsigned long want_uid, const char **home, const char **name)
{
    FILE *f = fopen("/etc/passwd", "r");
    if (!f) return -1;
    char line[4096];
    int rc = -1;
    while (rc != 0 && fgets(line, sizeof line, f)) {
        /* name:password:uid:gid:gecos:home:shell */
        char *field[7] = { line };
        int n = 1;
        for (char *p = line; *p && n < 7; p++)
            if (*p == ':') { *p = 0; field[n++] = p + 1; }
        if (n < 7) continue;
        field[6][strcspn(field[6], "\n")] = 0;
        if (want_name) {
            if (strcmp(field[0], want_name) != 0) continue;
        } else {
            char *end;
            unsigned long uid = strtoul(field[2], &end, 10);
            if (end == field[2] || *end || uid != want_uid) continue;
        }
        if (name) *name = arena_strdup(a, field[0]);
        if (home) *home = arena_strdup(a, field[5]);
        rc = 0;
    }
    fclose(f);
    return rc;
}

int run_user_entry(arena *a, const char **home, const char **name)
{
    return passwd_find(a, NULL, (unsigned long)getuid(), home, name);
}

int run_named_user_home(arena *a, const char *user, const char **home)
{
    return passwd_find(a, user, 0, home, NULL);
}
#else
int run_user_entry(arena *a, const char **home, const char **name)
{
    struct passwd *pw = getpwuid(getuid());
    if (!pw) return -1;
    if (name) *name = arena_strdup(a, pw->pw_name);
    if (home) *home = arena_strdup(a, pw->pw_dir);
    return 0;
}

int run_named_user_home(arena *a, const char *user, const char **home)
{
    struct passwd *pw = getpwnam(user);
    if (!pw || !pw->pw_dir) return -1;
    *home = arena_strdup(a, pw->pw_dir);
    return 0;
}
#endif
