/* diff_objects.c - the objects the differential check asks about: taken
 * from a profile's own rules (each path, its parent, a child, neighbours
 * that share a string prefix, names around each name, the ports named). */
#include "diff_objects.h"
#include <stdio.h>
#include <string.h>


void objset_add(objset *s, const char *o, size_t n, obj_kind k, int ns)
{
    if (n == 0 || n > 4096) return;
    char canon[4097];
    int dbl = 0;
    for (size_t i = 1; i < n && !dbl; i++) dbl = o[i] == '/' && o[i - 1] == '/';
    if (k == OBJ_PATH && dbl) {
        /* the kernel asks about resolved paths: "//" never reaches a rule
         * (a parameter of value "/" followed by "/x" is the path "/x"), and
         * neither does a trailing "/" */
        size_t w = 0;
        for (size_t r = 0; r < n; r++)
            if (!(o[r] == '/' && w > 0 && canon[w - 1] == '/')) canon[w++] = o[r];
        o = canon;
        n = w;
    }
    if (k == OBJ_PATH && n > 1 && o[n - 1] == '/') n--;   /* nor a trailing "/" */
    char *key = arena_alloc(s->a, n + 3);
    key[0] = (char)('0' + k);
    key[1] = (char)('A' + ns);
    memcpy(key + 2, o, n);
    if (hm_put(&s->seen, key, n + 2, key)) return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->v = xrealloc(s->v, s->cap * sizeof *s->v);
        s->k = xrealloc(s->k, s->cap * sizeof *s->k);
        s->ns = xrealloc(s->ns, s->cap * sizeof *s->ns);
    }
    s->v[s->n] = arena_strndup(s->a, o, n);
    s->k[s->n] = k;
    s->ns[s->n] = ns;
    s->n++;
}

void objset_adds(objset *s, const char *o, obj_kind k, int ns) { objset_add(s, o, strlen(o), k, ns); }

void path_objects(objset *s, const char *v, size_t n, int nrandom, gen_rng *rg)
{
    char buf[8192];
    if (n == 0 || n > 4000) return;
    static const char *const kids[] = { "/child", "/a/b.txt", "/.env", "/x.pem", "/.git/hooks/pre-commit",
        "/.git/config", "/x.y", "/xAy", "/x(y)", "/a+b", "/q?", "/[z]", "/$x", "/sub/dir/.env", "/k.key",
        "/\xc3\xa9", "/\xe2\x82\xac", "/\xf0\x9f\x98\x80", "/\xc3\xa9\xc3\xa9" };   /* one character of 2-4 bytes, two */
    objset_add(s, v, n, OBJ_PATH, 0);
    snprintf(buf, sizeof buf, "%.*sc", (int)n, v);              /* string-prefix neighbour /a/bc */
    objset_adds(s, buf, OBJ_PATH, 0);
    snprintf(buf, sizeof buf, "%.*s.", (int)n, v);
    objset_adds(s, buf, OBJ_PATH, 0);
    for (size_t i = 0; i < sizeof kids / sizeof kids[0]; i++) {
        snprintf(buf, sizeof buf, "%.*s%s", (int)(n > 1 || v[0] != '/' ? n : 0), v, kids[i]);
        objset_adds(s, buf, OBJ_PATH, 0);
    }
    const char *slash = NULL;
    for (size_t i = 0; i < n; i++) if (v[i] == '/') slash = v + i;
    if (slash) {
        size_t pl = (size_t)(slash - v);
        objset_add(s, v, pl ? pl : 1, OBJ_PATH, 0);                       /* parent */
        snprintf(buf, sizeof buf, "%.*s/zz-sibling", (int)pl, v);
        objset_adds(s, buf, OBJ_PATH, 0);
        if (n > pl + 1) {                                          /* last char changed */
            snprintf(buf, sizeof buf, "%.*s", (int)n, v);
            buf[n - 1] = buf[n - 1] == 'X' ? 'Y' : 'X';
            objset_adds(s, buf, OBJ_PATH, 0);
        }
    }
    for (int r = 0; r < nrandom; r++) {
        char name[16];
        int len = 1 + (int)(gen_rnd(rg) % 10);
        for (int i = 0; i < len; i++) name[i] = "abcxyz.-_+()[]{}^$|*?ABC019/"[gen_rnd(rg) % 28];
        name[len] = 0;
        snprintf(buf, sizeof buf, "%.*s/%s", (int)n, v, name);
        objset_adds(s, buf, OBJ_PATH, 0);
    }
}

void name_objects(objset *s, const char *v, size_t n, int ns)
{
    char buf[4200];
    if (n > 4000) return;
    objset_add(s, v, n, OBJ_NAME, ns);
    snprintf(buf, sizeof buf, "%.*sx", (int)n, v); objset_adds(s, buf, OBJ_NAME, ns);
    snprintf(buf, sizeof buf, "%.*s.sub", (int)n, v); objset_adds(s, buf, OBJ_NAME, ns);
    if (n > 1) objset_add(s, v, n - 1, OBJ_NAME, ns);
    snprintf(buf, sizeof buf, "x%.*s", (int)n, v); objset_adds(s, buf, OBJ_NAME, ns);
}

const sf_ns ns_map[] = { [NS_NONE] = SNS_OTHER, [NS_GLOBAL] = SNS_GLOBAL, [NS_LOCAL] = SNS_LOCAL,
    [NS_SYSCTL] = SNS_SYSCTL, [NS_IPC] = SNS_IPC, [NS_IOKIT] = SNS_IOKIT, [NS_IOKIT_REG] = SNS_IOKIT };

void objects_for(crosscheck *x, objset *s, int nrandom, gen_rng *rg)
{
    static const char *const fixed[] = { "/", "/Users", "/Users/test", "/Users/test/.ssh/id_ed25519",
        "/Users/test/.zshrc", "/Users/test/project/src/main.c", "/private/tmp/x", "/usr/bin/env", "/System" };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) objset_adds(s, fixed[i], OBJ_PATH, 0);
    static const char *const targets[] = { "self", "same-sandbox", "children", "others", "pgrp" };
    for (size_t i = 0; i < 5; i++) objset_adds(s, targets[i], OBJ_TARGET, 0);
    objset_adds(s, "localhost:1", OBJ_IP, 0);
    objset_adds(s, "*:1", OBJ_IP, 0);
    objset_adds(s, "*:443", OBJ_IP, 0);
    objset_adds(s, "com.example.random", OBJ_NAME, SNS_GLOBAL);
    compilation *c = x->c;
    for (size_t i = 0; i < c->pol.rules.n; i++) {
        const rule *r = c->pol.rules.v[i];
        if (r->m.kind == MK_NONE) continue;
        strbuf b;
        sb_init(&b);
        const char *t = r->m.kind == MK_GLOB || r->m.kind == MK_REGEX || r->m.kind == MK_NAME_REGEX ? r->m.fixed : r->m.value;
        size_t tl = t == r->m.fixed ? r->m.fixed_len : r->m.len;
        if (r->m.kind == MK_ANCESTORS) {
            const char *v = decider_value(x->d, r->m.value);
            if (v) sb_puts(&b, v);
        }
        for (size_t k = 0; k < tl && r->m.kind != MK_ANCESTORS; k++) {
            if (t[k] != PARAM_OPEN) { sb_putc(&b, t[k]); continue; }
            size_t e = k + 1;
            while (e < tl && t[e] != PARAM_CLOSE) e++;
            char name[256];
            snprintf(name, sizeof name, "%.*s", (int)(e - k - 1), t + k + 1);
            const char *v = decider_value(x->d, name);
            if (v) sb_puts(&b, v);
            k = e;
        }
        const char *v = sb_cstr(&b);
        switch (mk_family(r->m.kind)) {
        case FAM_PATH:
            path_objects(s, v, b.len, nrandom, rg);
            if (r->m.kind == MK_ANCESTORS) {                  /* every ancestor and a non-ancestor */
                for (size_t k = 1; k < b.len; k++) if (v[k] == '/') objset_add(s, v, k, OBJ_PATH, 0);
            }
            break;
        case FAM_NAME: name_objects(s, v, b.len, ns_map[r->m.ns]); break;
        case FAM_IP: {
            char buf[64];
            const char *colon = strrchr(v, ':');
            const char *port = colon && strcmp(colon + 1, "*") ? colon + 1 : "8080";
            snprintf(buf, sizeof buf, "localhost:%s", port); objset_adds(s, buf, OBJ_IP, 0);
            snprintf(buf, sizeof buf, "*:%s", port); objset_adds(s, buf, OBJ_IP, 0);
            break;
        }
        default: break;
        }
        sb_free(&b);
    }
}

int kind_fits(obj_kind ok, int ons, const sb_request *proto)
{
    if (proto->kind == OBJ_IP) return ok == OBJ_IP || ok == OBJ_PATH;   /* network: sockets too */
    if (ok != proto->kind) return 0;
    if (ok == OBJ_NAME) return ons == (int)proto->ns || (proto->ns == SNS_GLOBAL && ons == (int)SNS_LOCAL);
    return 1;
}

