/* import_srt.c - srt's settings as a .buckle profile extending std/base
 * (docs/daily.md, "buckle import --from srt"). */
#include "import.h"
#include "../lint/lint.h"
#include "../lint/rules_table.h"
#include "../support/hashmap.h"
#include "../support/arena.h"
#include <jansson.h>
#include <fnmatch.h>
#include <string.h>

/* The write paths srt adds to every configuration itself (its generator
 * input shows them); HOME-relative ones with "~". */
static const char *const srt_default_writes[] = {
    "/dev/stdout", "/dev/stderr", "/dev/null", "/dev/tty", "/dev/dtracehelper", "/dev/autofs_nowait",
    "/tmp/claude", "/private/tmp/claude", "~/.npm/_logs", "~/.claude/debug",
};

/* What srt keeps from being written anywhere below the directory it runs in
 * (its generated profile shows them), whatever the settings say. */
static const char *const srt_protected[] = {
    ".gitconfig", ".gitmodules", ".bashrc", ".bash_profile", ".zshrc", ".zprofile", ".profile", ".ripgreprc",
    ".mcp.json", ".vscode", ".idea", ".claude/commands", ".claude/agents", ".git/hooks", ".git/config",
};
/* ... and the directories it keeps from being created or removed there */
static const char *const srt_kept_dirs[] = { "", "/.claude", "/.git" };

#define WORKDIR_MARK '\x01'   /* $WORKDIR in a path this file builds */

typedef struct srt_in {
    const source *src;
    diag_list *dl;
    json_t *deny_read, *allow_read, *allow_write, *deny_write;  /* arrays or NULL */
    json_t *sockets, *mach;
    int local_binding, pty;
    long long http_port, socks_port;   /* 0: a parameter */
    const char *name;
    const char *cwd;                   /* the directory srt runs in */
    int settings_form;                 /* a settings.json, not a generator input */
    int bad;
} srt_in;

/* where "KEY" first stands in the text (jansson keeps no positions) */
static span key_at(const srt_in *in, const char *key)
{
    size_t kl = strlen(key);
    const char *t = in->src->text;
    for (size_t i = 0; i + kl + 2 <= in->src->len; i++)
        if (t[i] == '"' && !memcmp(t + i + 1, key, kl) && t[i + 1 + kl] == '"')
            return (span){ in->src, (uint32_t)i, (uint32_t)(i + kl + 2) };
    return (span){ in->src, 0, 0 };
}

static json_t *member(srt_in *in, json_t *obj, const char *key, json_type want)
{
    if (!obj) return NULL;
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) return NULL;
    if (json_typeof(v) == want || (want == JSON_TRUE && json_is_boolean(v))) return v;
    static const char *const names[] = { "an object", "an array", "a string", "an integer", "a number", "a boolean", "a boolean", "null" };
    diag_add(in->dl, SEV_ERROR, NULL, key_at(in, key), "\"%s\" must be %s", key, names[want]);
    in->bad = 1;
    return NULL;
}

static json_t *string_list(srt_in *in, json_t *obj, const char *key)
{
    json_t *a = member(in, obj, key, JSON_ARRAY);
    if (!a) return NULL;
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) {
        int ctl = 0;
        if (json_is_string(v))
            for (size_t k = 0; k < json_string_length(v); k++) ctl |= (unsigned char)json_string_value(v)[k] < 0x20;
        if (json_is_string(v) && json_string_length(v) && !ctl) continue;
        diag_add(in->dl, SEV_ERROR, NULL, key_at(in, key), "entry %zu of \"%s\" must be a non-empty string%s", i + 1, key,
                 ctl ? " without control characters" : "");
        in->bad = 1;
        return NULL;
    }
    return a;
}

/* srt resolves a relative path against the directory it runs in ($WORKDIR,
 * or the generator input's cwd): "." is that directory, "./x" and "x" are
 * below it; "**\/x" means anywhere and stays.  ".." cannot be placed below
 * a directory whose path is not known: an error.  0, or 1 after one. */
static int resolve_relative(srt_in *in, json_t *a, const char *key)
{
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) {
        const char *p = json_string_value(v);
        if (p[0] == '/' || p[0] == '~' || !strncmp(p, "**/", 3)) continue;
        while (p[0] == '.' && p[1] == '/') { p += 2; while (*p == '/') p++; }
        if (!strcmp(p, ".")) p = "";
        for (const char *c = p; *c; c = strchr(c, '/') ? strchr(c, '/') + 1 : c + strlen(c))
            if (c[0] == '.' && c[1] == '.' && (!c[2] || c[2] == '/')) {
                diag_add(in->dl, SEV_ERROR, NULL, key_at(in, key),
                         "entry %zu of \"%s\" (\"%s\") climbs out of the directory srt runs in with \"..\"; "
                         "write it as an absolute path", i + 1, key, json_string_value(v));
                in->bad = 1;
                return 1;
            }
        strbuf t;
        sb_init(&t);
        sb_puts(&t, in->cwd ? in->cwd : (const char[]){ WORKDIR_MARK, 0 });
        size_t pl = strlen(p);
        while (pl && p[pl - 1] == '/') pl--;
        if (pl) { sb_putc(&t, '/'); sb_add(&t, p, pl); }
        json_array_set_new(a, i, json_string(sb_cstr(&t)));
        sb_free(&t);
    }
    return 0;
}

static long long port_of(srt_in *in, json_t *obj, const char *key)
{
    json_t *v = member(in, obj, key, JSON_INTEGER);
    if (!v) return 0;
    long long p = json_integer_value(v);
    if (p < 1 || p > 65535) {
        diag_add(in->dl, SEV_ERROR, NULL, key_at(in, key), "\"%s\" must be a port from 1 to 65535, not %lld", key, p);
        in->bad = 1;
        return 0;
    }
    return p;
}

static void quote(strbuf *b, const char *p)
{
    sb_putc(b, '"');
    for (; *p; p++) {
        if (*p == WORKDIR_MARK) { sb_puts(b, "$WORKDIR"); continue; }   /* (input has no control characters) */
        if (*p == '\\' || *p == '"') sb_putc(b, '\\');
        if (*p == '$') sb_putc(b, '$');
        if ((unsigned char)*p < 0x20 || *p == 0x7f) { sb_printf(b, "\\x%02x", (unsigned char)*p); continue; }
        sb_putc(b, *p);
    }
    sb_putc(b, '"');
}

/* srt's "**\/x" means anywhere; buckle globs are absolute */
static void srt_matcher(strbuf *b, const char *p)
{
    strbuf t;
    sb_init(&t);
    if (!strncmp(p, "**/", 3)) sb_putc(&t, '/');
    sb_puts(&t, p);
    if (strpbrk(sb_cstr(&t), "*?[")) sb_puts(b, "glob ");
    quote(b, sb_cstr(&t));
    sb_free(&t);
}

/* One rule a distinct matcher of a: entries that differ only in spelling
 * ("~/x" and "$HOME/x") are written once.  A map, not a scan of the entries
 * before: settings with thousands of paths import in linear time. */
static void rules(strbuf *b, const char *action, const char *verb, json_t *a)
{
    arena keys;
    arena_init(&keys);
    hashmap seen;
    hm_init(&seen);
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) {
        strbuf m;
        sb_init(&m);
        srt_matcher(&m, json_string_value(v));
        const char *k = arena_strdup(&keys, sb_cstr(&m));
        if (!hm_put(&seen, k, m.len, (void *)k)) sb_printf(b, "    %s %s %s;\n", action, verb, k);
        sb_free(&m);
    }
    hm_free(&seen);
    arena_free(&keys);
}

static void read_input(srt_in *in, json_t *root)
{
    json_t *gi = member(in, root, "generatorInput", JSON_OBJECT);
    if (gi) {
        json_t *nm = member(in, root, "name", JSON_STRING);
        if (nm) in->name = json_string_value(nm);
        json_t *cwd = member(in, member(in, root, "env", JSON_OBJECT), "cwd", JSON_STRING);
        if (cwd && json_string_value(cwd)[0] == '/') in->cwd = json_string_value(cwd);
        json_t *rc = member(in, gi, "readConfig", JSON_OBJECT), *wc = member(in, gi, "writeConfig", JSON_OBJECT);
        in->deny_read = string_list(in, rc, "denyOnly");
        in->allow_read = string_list(in, rc, "allowWithinDeny");
        in->allow_write = string_list(in, wc, "allowOnly");
        in->deny_write = string_list(in, wc, "denyWithinAllow");
        in->http_port = port_of(in, gi, "httpProxyPort");
        in->socks_port = port_of(in, gi, "socksProxyPort");
        if (!in->bad && (!in->http_port || !in->socks_port)) {
            diag_add(in->dl, SEV_ERROR, NULL, key_at(in, "generatorInput"),
                     "the generator input has no \"%s\"", in->http_port ? "socksProxyPort" : "httpProxyPort");
            in->bad = 1;
        }
        in->sockets = string_list(in, gi, "allowUnixSockets");
        in->mach = string_list(in, gi, "allowMachLookup");
        json_t *lb = member(in, gi, "allowLocalBinding", JSON_TRUE), *pty = member(in, gi, "allowPty", JSON_TRUE);
        in->local_binding = lb && json_is_true(lb);
        in->pty = pty && json_is_true(pty);
        return;
    }
    if (in->bad) return;
    json_t *fs = member(in, root, "filesystem", JSON_OBJECT), *net = member(in, root, "network", JSON_OBJECT);
    if (!fs && !net && !in->bad) {
        diag_add(in->dl, SEV_ERROR, NULL, (span){ in->src, 0, 0 },
                 "not srt settings: no \"filesystem\", \"network\" or \"generatorInput\" member");
        in->bad = 1;
        return;
    }
    in->settings_form = 1;
    in->deny_read = string_list(in, fs, "denyRead");
    in->allow_read = string_list(in, fs, "allowRead");
    in->allow_write = string_list(in, fs, "allowWrite");
    in->deny_write = string_list(in, fs, "denyWrite");
    in->sockets = string_list(in, net, "allowUnixSockets");
    in->mach = string_list(in, net, "allowMachLookup");
    json_t *lb = member(in, net, "allowLocalBinding", JSON_TRUE), *pty = member(in, root, "allowPty", JSON_TRUE);
    in->local_binding = lb && json_is_true(lb);
    in->pty = pty && json_is_true(pty);
    in->http_port = port_of(in, net, "httpProxyPort");
    in->socks_port = port_of(in, net, "socksProxyPort");
}

static void resolve_lists(srt_in *in)
{
    static const char *const keys[2][4] = { { "denyRead", "allowRead", "allowWrite", "denyWrite" },
                                            { "denyOnly", "allowWithinDeny", "allowOnly", "denyWithinAllow" } };
    json_t *lists[4] = { in->deny_read, in->allow_read, in->allow_write, in->deny_write };
    for (size_t k = 0; k < 4 && !in->bad; k++)
        if (lists[k]) resolve_relative(in, lists[k], keys[!in->settings_form][k]);
    if (in->sockets && !in->bad) resolve_relative(in, in->sockets, "allowUnixSockets");
}

/* Whether the directory a (len al) is an allowed write root or inside one
 * (a root with a wildcard or under /dev/ is not a directory srt keeps). */
static int in_write_root(json_t *writes, const char *a, size_t al)
{
    size_t k;
    json_t *r;
    json_array_foreach(writes, k, r) {
        const char *root = json_string_value(r);
        size_t rl = strlen(root);
        while (rl && root[rl - 1] == '/') rl--;
        if (!rl || !strncmp(root, "/dev/", 5) || strpbrk(root, "*?[")) continue;
        if (al >= rl && !strncmp(a, root, rl) && (al == rl || a[rl] == '/')) return 1;
    }
    return 0;
}

/* The directories above each path of denied (its fixed directory too, for a
 * pattern) that lie in a write root, each once into out, minus the ones
 * of skip: srt keeps them from being created or removed, since renaming one
 * would move what it denies. */
static void kept_ancestors(json_t *out, json_t *writes, json_t *denied, json_t *skip)
{
    size_t i, k;
    json_t *v, *x;
    json_array_foreach(denied, i, v) {
        const char *d = json_string_value(v);
        if (!strncmp(d, "**/", 3)) continue;            /* below the working directory: kept already */
        size_t end = strlen(d);
        const char *w = strpbrk(d, "*?[");
        if (w) {                                          /* a pattern: from its fixed directory */
            end = (size_t)(w - d);
            while (end && d[end - 1] != '/') end--;
            if (end) end--;
            end++;                                        /* (the directory itself is kept too) */
        }
        for (size_t e = end; e > 1; e--) {
            if (e < end && d[e] != '/') continue;
            if (e == end && !w) continue;                  /* a path itself is denied, not kept */
            size_t al = e == end ? end - 1 : e;
            if (!al || !in_write_root(writes, d, al)) continue;
            int dup = 0;
            json_array_foreach(out, k, x) if (strlen(json_string_value(x)) == al && !strncmp(json_string_value(x), d, al)) dup = 1;
            json_array_foreach(skip, k, x) if (strlen(json_string_value(x)) == al && !strncmp(json_string_value(x), d, al)) dup = 1;
            if (!dup) json_array_append_new(out, json_stringn(d, al));
        }
    }
}

/* Where pattern p (from its fixed directory of length fl on) meets the
 * inside of root (of length rl, below that directory): the text of the part
 * of p under the root ("" when the root itself is matched whole), or NULL
 * when p matches nothing inside it.  Component by component: a wildcard
 * component must match the root's (fnmatch), "**" takes the rest. */
static const char *pattern_under(arena *a, const char *p, size_t fl, const char *root, size_t rl, int *unplaceable)
{
    const char *pc = p + fl, *rc = root + fl;
    const char *re = root + rl;
    *unplaceable = 0;
    while (*pc == '/') pc++;
    while (rc < re && *rc == '/') rc++;
    while (rc < re) {
        const char *pe = strchr(pc, '/'), *rend = memchr(rc, '/', (size_t)(re - rc));
        size_t pl = pe ? (size_t)(pe - pc) : strlen(pc);
        size_t cl = rend ? (size_t)(rend - rc) : (size_t)(re - rc);
        if (pl == 2 && !strncmp(pc, "**", 2)) return arena_printf(a, "/%s", pc);   /* "**" and on, below the root */
        if (!pe) return NULL;                  /* p ends above the root's inside: matches no path in it */
        char *pat = arena_strndup(a, pc, pl), *comp = arena_strndup(a, rc, cl);
        if (strpbrk(pat, "\\")) { *unplaceable = 1; return NULL; }
        if (fnmatch(pat, comp, FNM_PERIOD) != 0) return NULL;
        pc = pe + 1;
        rc = rend ? rend + 1 : re;
    }
    return arena_printf(a, "/%s", pc);
}

/* the components of the text t (of length n): buckle's depth of a fixed part */
static size_t components(const char *t, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i] != '/' && (i == 0 || t[i - 1] == '/')) c++;
    return c;
}

/* srt's write denies come after its allows, so a deny above an allowed
 * root wins inside it too; in buckle the deeper allow would: the deny is
 * written again at the root (a path above it: the whole root; a pattern
 * whose fixed directory lies above it: what of it lies inside the root,
 * found component by component).  0, or 1 after an error. */
static int denies_above_roots(srt_in *in, json_t *denies, json_t *writes, const char *p)
{
    size_t k;
    json_t *r;
    const char *w = strpbrk(p, "*?[");
    size_t fl = w ? (size_t)(w - p) : strlen(p);       /* the fixed directory: up to the '/' before a wildcard */
    if (w) { while (fl && p[fl - 1] != '/') fl--; if (fl) fl--; }
    while (fl && p[fl - 1] == '/') fl--;
    json_array_foreach(writes, k, r) {
        const char *root = json_string_value(r);
        size_t rl = strlen(root);
        while (rl && root[rl - 1] == '/') rl--;
        if (!rl || !strncmp(root, "/dev/", 5) || strpbrk(root, "*?[")) continue;
        if (!(rl > fl && !strncmp(root, p, fl) && root[fl] == '/')) continue;     /* the root lies below it */
        /* as specific as the root already (the text before the wildcard
         * counts, "pay*" is a component): the deny wins the tie there */
        if (w && components(p, (size_t)(w - p)) >= components(root, rl)) continue;
        if (!w) {
            json_array_append_new(denies, json_stringn(root, rl));
            continue;
        }
        int bad;
        const char *rest = pattern_under(in->dl->a, p, fl, root, rl, &bad);
        if (bad) {
            diag_add(in->dl, SEV_ERROR, NULL, key_at(in, in->settings_form ? "denyWrite" : "denyWithinAllow"),
                     "the write deny \"%s\" lies above the allowed root \"%.*s\", where srt lets it win, and "
                     "buckle cannot place its escaped characters inside the root; write the deny for the root "
                     "itself", p, (int)rl, root);
            in->bad = 1;
            return 1;
        }
        if (rest) json_array_append_new(denies, json_string(arena_printf(in->dl->a, "%.*s%s", (int)rl, root, rest)));
    }
    return 0;
}

static void body(strbuf *b, srt_in *in, json_t *writes)
{
    sb_puts(b, "extends \"std/base\";\n");
    if (!in->http_port) sb_puts(b, "param HTTP_PROXY_PORT = \"3128\";               # srt's HTTP proxy listens here\n");
    if (!in->socks_port) sb_puts(b, "param SOCKS_PROXY_PORT = \"1080\";              # srt's SOCKS proxy listens here\n");
    sb_puts(b, "\nfiles {\n    allow read \"/\";                             # srt: reads are denied only by its list\n");
    if (in->deny_read) rules(b, "deny", "read", in->deny_read);
    if (in->allow_read) rules(b, "allow", "read", in->allow_read);
    rules(b, "allow", "write", writes);
    /* srt writes its write denies after the allows, so they win inside every
     * allowed root; in buckle the more specific rule wins, so a pattern that
     * matches anywhere ("**\/.env") is written under each allowed root */
    json_t *denies = json_array();
    size_t i, k;
    json_t *v, *r;
    if (in->deny_write) json_array_foreach(in->deny_write, i, v) {
        const char *p = json_string_value(v);
        if (strncmp(p, "**/", 3)) {
            json_array_append(denies, v);
            if (denies_above_roots(in, denies, writes, p)) break;
            continue;
        }
        json_array_foreach(writes, k, r) {
            const char *root = json_string_value(r);
            if (!strncmp(root, "/dev/", 5)) continue;
            size_t rl = strlen(root);
            while (rl && root[rl - 1] == '/') rl--;
            strbuf t;
            sb_init(&t);
            sb_printf(&t, "%.*s/%s", (int)rl, root, p);
            json_array_append_new(denies, json_string(sb_cstr(&t)));
            sb_free(&t);
        }
    }
    rules(b, "deny", "write", denies);
    json_decref(denies);
    /* srt keeps a read-denied path inside a write root in place: no unlink */
    json_t *keep = json_array();
    if (in->deny_read) json_array_foreach(in->deny_read, i, v) {
        const char *d = json_string_value(v);
        json_array_foreach(writes, k, r) {
            const char *root = json_string_value(r);
            size_t rl = strlen(root);
            while (rl && root[rl - 1] == '/') rl--;
            if (!strncmp(root, "/dev/", 5) || strpbrk(root, "*?[")) continue;
            strbuf t;
            sb_init(&t);
            if (!strncmp(d, "**/", 3)) sb_printf(&t, "%.*s/%s", (int)rl, root, d);
            else if (!strncmp(d, root, rl) && (d[rl] == '/' || !d[rl])) sb_puts(&t, d);
            if (t.len) json_array_append_new(keep, json_string(sb_cstr(&t)));
            sb_free(&t);
        }
    }
    if (json_array_size(keep)) {
        sb_puts(b, "    # srt keeps what it denies reading inside a write root from being removed\n");
        rules(b, "deny", "file-write-unlink", keep);
    }
    json_decref(keep);
    /* srt's own protections below the directory it runs in, under each
     * allowed root there (a deeper allow would win over them otherwise) */
    const char *cwd = in->cwd ? in->cwd : "\x01";
    size_t cl = strlen(cwd);
    sb_printf(b, "    # srt keeps these from being written below the directory it runs in (%s)\n", in->cwd ? cwd : "$WORKDIR");
    json_t *prot = json_array();
    json_array_append_new(prot, json_string(cwd));
    json_array_foreach(writes, k, r) {
        const char *root = json_string_value(r);
        if (strncmp(root, cwd, cl) || root[cl] != '/' || strpbrk(root, "*?[")) continue;
        json_array_append(prot, r);
    }
    json_array_foreach(prot, k, r) {
        json_t *pats = json_array();
        for (size_t j = 0; j < sizeof srt_protected / sizeof *srt_protected; j++) {
            strbuf t;
            sb_init(&t);
            sb_printf(&t, "%s/**/%s", json_string_value(r), srt_protected[j]);
            json_array_append_new(pats, json_string(sb_cstr(&t)));
            sb_free(&t);
        }
        rules(b, "deny", "write", pats);
        json_decref(pats);
    }
    json_decref(prot);
    sb_puts(b, "    # and keeps these directories from being created or removed\n");
    json_t *kept = json_array();
    for (size_t j = 0; j < sizeof srt_kept_dirs / sizeof *srt_kept_dirs; j++) {
        strbuf t;
        sb_init(&t);
        sb_printf(&t, "%s%s", cwd, srt_kept_dirs[j]);
        json_array_append_new(kept, json_string(sb_cstr(&t)));
        sb_free(&t);
    }
    size_t nkept = json_array_size(kept);
    json_t *above = json_array();
    if (in->deny_read) kept_ancestors(above, writes, in->deny_read, kept);
    if (in->deny_write) kept_ancestors(above, writes, in->deny_write, kept);
    json_array_extend(kept, above);
    json_decref(above);
    json_array_foreach(kept, k, r) {
        if (k == nkept) sb_puts(b, "    # with the directories above what it denies inside a write root\n");
        for (int u = 0; u < 2; u++) {
            sb_printf(b, "    deny %s literal ", u ? "file-write-unlink" : "file-write-create");
            quote(b, json_string_value(r));
            sb_puts(b, ";\n");
        }
    }
    json_decref(kept);
    sb_puts(b, "}\n\nnetwork {\n");
    if (in->http_port) sb_printf(b, "    allow outbound \"localhost:%lld\";          # srt's HTTP proxy\n", in->http_port);
    else sb_puts(b, "    allow outbound \"localhost:$HTTP_PROXY_PORT\";   # srt's HTTP proxy\n");
    if (in->socks_port) sb_printf(b, "    allow outbound \"localhost:%lld\";          # srt's SOCKS proxy\n", in->socks_port);
    else sb_puts(b, "    allow outbound \"localhost:$SOCKS_PROXY_PORT\";  # srt's SOCKS proxy\n");
    if (in->sockets) json_array_foreach(in->sockets, i, v) {
        sb_puts(b, "    allow unix-connect literal ");
        quote(b, json_string_value(v));
        sb_puts(b, ";\n");
    }
    if (in->local_binding) sb_puts(b, "    allow bind \"localhost:*\";\n    allow inbound \"localhost:*\";\n");
    sb_puts(b, "}\n");
    if (in->mach && json_array_size(in->mach)) {
        sb_puts(b, "\nmach {\n");
        json_array_foreach(in->mach, i, v) {
            const char *m = json_string_value(v);
            size_t ml = strlen(m);
            sb_puts(b, ml && m[ml - 1] == '*' ? "    allow lookup prefix " : "    allow lookup ");
            strbuf t;
            sb_init(&t);
            sb_add(&t, m, ml && m[ml - 1] == '*' ? ml - 1 : ml);
            quote(b, sb_cstr(&t));
            sb_free(&t);
            sb_puts(b, ";\n");
        }
        sb_puts(b, "}\n");
    }
    if (in->pty)
        sb_puts(b, "\nmisc {\n    allow pseudo-tty;\n}\nfiles {\n"
                   "    allow read literal \"/dev/ptmx\", regex \"^/dev/ttys[0-9]+$\";\n"
                   "    allow write literal \"/dev/ptmx\", regex \"^/dev/ttys[0-9]+$\";\n}\n");
    sb_printf(b, "\ntest {\n    expect allow files read \"/usr/lib/libSystem.B.dylib\";\n"
                 "    expect allow network outbound \"localhost:%s\";\n"
                 "    expect deny  network outbound \"*:443\";\n}\n",
              in->http_port ? arena_printf(in->dl->a, "%lld", in->http_port) : "$HTTP_PROXY_PORT");
}

/* the lint findings of the profile, by slug (sorted, each once): the
 * translation is faithful, so they are suppressed for the file with a reason.
 * An error (the translation does not compile) goes to in's list, at the
 * settings' start: 1 then. */
static int findings(srt_in *in, strbuf *slugs, const char *text, size_t len, const compile_opts *co)
{
    arena la;
    arena_init(&la);
    lint_opts lo = { 0 };
    lo.include_dirs = co->include_dirs;
    lo.ninclude = co->ninclude;
    memcpy(lo.std_dirs, co->std_dirs, sizeof lo.std_dirs);
    lo.buckle_path = co->buckle_path;
    lo.text = text;
    lo.text_len = len;
    lo.lang = LINT_LANG_BUCKLE;
    diag_list dl;
    diag_list_init(&dl, &la);
    source *kept = NULL;
    lint_file(&lo, "import.buckle", &la, &dl, &kept);
    int bad = 0;
    for (const diag *d = dl.head; d; d = d->next) {
        if (d->sev != SEV_ERROR || d->suppressed) continue;
        uint32_t line = 1;
        for (uint32_t k = 0; d->at.src && k < d->at.start && k < len; k++) line += text[k] == '\n';
        diag_add(in->dl, SEV_ERROR, NULL, (span){ in->src, 0, 0 }, "the translation does not compile (its line %u): %s",
                 line, d->msg);
        bad = 1;
    }
    for (size_t i = 0; lint_code_at(i); i++) {
        const char *code = lint_code_at(i);
        if (strncmp(code, "BK3", 3) && strncmp(code, "BK4", 3)) continue;
        for (const diag *d = dl.head; d; d = d->next) {
            if (!d->code || strcmp(d->code, code) || d->suppressed || d->sev > SEV_WARNING) continue;
            const diag_code_info *ci = lint_code_info(code);
            if (slugs->len) sb_puts(slugs, ", ");
            sb_puts(slugs, ci && ci->slug ? ci->slug : code);
            break;
        }
    }
    while (kept) { source *n = kept->next; source_free(kept); kept = n; }
    arena_free(&la);
    return bad;
}

int import_srt(strbuf *out, diag_list *dl, const source *src, const compile_opts *co)
{
    srt_in in;
    memset(&in, 0, sizeof in);
    in.src = src;
    in.dl = dl;
    json_error_t err;
    json_t *root = json_loadb(src->text, src->len, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        uint32_t at = err.position > 0 && (size_t)err.position <= src->len ? (uint32_t)err.position - 1 : 0;
        diag_add(dl, SEV_ERROR, NULL, (span){ src, at, at + (at < src->len) }, "invalid JSON: %s", err.text);
        return 1;
    }
    if (!json_is_object(root)) {
        diag_add(dl, SEV_ERROR, NULL, (span){ src, 0, 0 }, "srt settings must be a JSON object");
        json_decref(root);
        return 1;
    }
    read_input(&in, root);
    if (!in.bad) resolve_lists(&in);
    if (in.bad) { json_decref(root); return 1; }
    json_t *writes = json_array();
    if (in.settings_form)
        for (size_t i = 0; i < sizeof srt_default_writes / sizeof *srt_default_writes; i++)
            json_array_append_new(writes, json_string(srt_default_writes[i]));
    if (in.allow_write) json_array_extend(writes, in.allow_write);
    strbuf b;
    sb_init(&b);
    body(&b, &in, writes);
    json_decref(writes);
    if (in.bad) {
        sb_free(&b);
        json_decref(root);
        return 1;
    }
    strbuf slugs;
    sb_init(&slugs);
    if (findings(&in, &slugs, b.data, b.len, co)) {
        sb_free(&slugs);
        sb_free(&b);
        json_decref(root);
        return 1;
    }
    const char *base = src->name, *sl = strrchr(base, '/');
    if (sl) base = sl + 1;
    if (in.name) {
        sb_printf(out, "# srt-%s.buckle - srt's \"%s\" benchmark configuration\n", in.name, in.name);
        sb_printf(out, "# (its generator input in %s, translated by buckle import --from srt).\n", base);
    } else {
        sb_printf(out, "# srt's settings %s, translated by buckle import --from srt\n", base);
        sb_puts(out, "# (with the write paths srt adds itself).\n");
    }
    sb_puts(out, "# srt reads everywhere except its deny list, writes only where allowed, and\n"
                 "# reaches the network only through its local proxies.\n");
    if (slugs.len)
        sb_printf(out, "# buckle: file-ignore[%s] -- a faithful translation of srt's settings, not a recommended profile\n",
                  sb_cstr(&slugs));
    sb_add(out, b.data, b.len);
    sb_free(&slugs);
    sb_free(&b);
    json_decref(root);
    return 0;
}
