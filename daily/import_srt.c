/* import_srt.c - srt's settings as a .buckle profile extending std/base
 * (docs/daily.md, "buckle import --from srt"). */
#include "import.h"
#include "../lint/lint.h"
#include "../lint/rules_table.h"
#include "../compiler/expand.h"
#include "../seatbelt/path_canonical.h"
#include "../support/hashmap.h"
#include "../support/arena.h"
#include <jansson.h>
#include <fnmatch.h>
#include <string.h>
#include <stdlib.h>

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
#define LITERAL_MARK '\x02'   /* in front of a path this file builds: that path alone */
#define HOME_MARK '\x03'      /* ${HOME} in a regex this file builds */
#define REGEX_MARK '\x04'     /* in front of a path this file builds: as srt's regex for a deny */

typedef struct srt_in {
    const source *src;
    diag_list *dl;
    json_t *deny_read, *allow_read, *allow_write, *deny_write;  /* arrays or NULL */
    json_t *sockets, *mach;
    json_t *from[2];                   /* the entry each read, write deny was read from: text -> index */
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

/* where entry i (from 0) of the array after "KEY" stands in the text: the
 * string as written, its quotes included (the key's place when it cannot
 * be found) */
static span entry_of(const srt_in *in, const char *key, size_t i)
{
    span k = key_at(in, key);
    const char *t = in->src->text;
    size_t n = in->src->len, c = k.end;
    if (!k.end) return k;
    while (c < n && strchr(" \t\r\n:", t[c])) c++;
    if (c >= n || t[c] != '[') return k;
    for (size_t e = 0, depth = 0; ++c < n;) {
        if (t[c] == '"') {
            size_t s = c;
            while (++c < n && t[c] != '"') c += t[c] == '\\';
            if (c >= n) return k;
            if (!depth && e++ == i) return (span){ in->src, (uint32_t)s, (uint32_t)(c + 1) };
        } else if (t[c] == '[' || t[c] == '{') depth++;
        else if (t[c] == ']' || t[c] == '}') {
            if (!depth) return k;
            depth--;
        }
    }
    return k;
}

/* an entry as the settings write it, its quotes included ("p" when at is
 * not the string's place) */
static const char *as_written(const srt_in *in, span at, const char *p)
{
    if (at.end > at.start + 1 && in->src->text[at.start] == '"')
        return arena_strndup(in->dl->a, in->src->text + at.start, at.end - at.start);
    return arena_printf(in->dl->a, "\"%s\"", p);
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
 * below it; "**\/x" too for an allow (allow), for a deny it means anywhere
 * and stays.  ".." cannot be placed below
 * a directory whose path is not known: an error.  0, or 1 after one. */
static int resolve_relative(srt_in *in, json_t *a, const char *key, int allow)
{
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) {
        const char *p = json_string_value(v);
        /* "**\/x" of a deny stays anywhere (wider); of an allow it is
         * below the directory srt runs in, as srt reads it */
        if (p[0] == '/' || p[0] == '~' || (!allow && !strncmp(p, "**/", 3))) continue;
        while (p[0] == '.' && p[1] == '/') { p += 2; while (*p == '/') p++; }
        if (!strcmp(p, ".")) p = "";
        for (const char *c = p; *c; c = strchr(c, '/') ? strchr(c, '/') + 1 : c + strlen(c))
            if (c[0] == '.' && c[1] == '.' && (!c[2] || c[2] == '/')) {
                span at = entry_of(in, key, i);
                diag_add(in->dl, SEV_ERROR, NULL, at,
                         "entry %zu of \"%s\" (%s) climbs out of the directory srt runs in with \"..\"; "
                         "write it as an absolute path", i + 1, key, as_written(in, at, json_string_value(v)));
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
        if (*p == WORKDIR_MARK) { sb_puts(b, "$WORKDIR"); continue; }
        if (*p == HOME_MARK) { sb_puts(b, "${HOME}"); continue; }   /* (input has no control characters) */
        if (*p == '\\' || *p == '"') sb_putc(b, '\\');
        if (*p == '$') sb_putc(b, '$');
        if ((unsigned char)*p < 0x20 || *p == 0x7f) { sb_printf(b, "\\x%02x", (unsigned char)*p); continue; }
        sb_putc(b, *p);
    }
    sb_putc(b, '"');
}

/* How an srt pattern is written: srt gives a deny's pattern the subtree
 * below each match (buckle's glob), an allow's only the matches
 * themselves (a regex "^...$", srt's own translation). */
static const char *canonical(arena *a, const char *p0);
static size_t fixed_dir(const char *p);

enum srt_use { SRT_DENY, SRT_ALLOW_READ, SRT_ALLOW_WRITE };

/* The UTF-16 code unit at *p (UTF-8), moving *p past what it used: srt
 * compares a range's ends so.  An astral character is two units. */
static unsigned utf16_unit(const unsigned char **p, unsigned *low)
{
    const unsigned char *c = *p;
    unsigned cp = c[0], n = 0;
    if (c[0] >= 0xf0) { cp = c[0] & 7; n = 3; }
    else if (c[0] >= 0xe0) { cp = c[0] & 15; n = 2; }
    else if (c[0] >= 0xc0) { cp = c[0] & 31; n = 1; }
    for (unsigned k = 1; k <= n; k++) {
        if ((c[k] & 0xc0) != 0x80) { n = k - 1; cp = c[0]; break; }   /* (not UTF-8: a byte) */
        cp = cp << 6 | (c[k] & 0x3f);
    }
    *p = c + n + 1;
    if (cp < 0x10000) { *low = 0; return cp; }
    *low = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    return 0xd800 + ((cp - 0x10000) >> 10);
}

/* The "]" that closes the set "[" at p opens in srt's reading, or NULL
 * when it opens none: then it is text.  A set runs to the first "]" after
 * the "["; it is none when there is no "]" (nor is any "[" after it), when
 * it is "[]", or when a range in it runs backwards by UTF-16 code units
 * (nor is any "[" up to its "]").  *text_until: where the "[" that are text
 * end, kept from call to call along one pattern (start it at NULL). */
static const char *srt_set_end(const char *p, const char **text_until)
{
    if (*p != '[' || (*text_until && p < *text_until)) return NULL;
    const char *close = strchr(p + 1, ']');
    if (!close) { *text_until = p + strlen(p); return NULL; }
    if (close == p + 1) { *text_until = close + 1; return NULL; }
    unsigned *units = malloc(2 * (size_t)(close - p) * sizeof *units), n = 0;
    if (!units) return NULL;
    for (const unsigned char *m = (const unsigned char *)p + 1; m < (const unsigned char *)close;) {
        unsigned low, u = utf16_unit(&m, &low);
        units[n++] = u;
        if (low) units[n++] = low;
    }
    for (unsigned i = 0; i < n; i++) {
        unsigned from = units[i];
        if (i + 2 < n && units[i + 1] == '-') i += 2;
        if (units[i] < from) { free(units); *text_until = close + 1; return NULL; }
    }
    free(units);
    return close;
}

/* The regex srt makes of glob p: "*" a run of a name's characters, "?" one,
 * "**" anything, "**\/" any directories, "[set]" a set (a "[" that opens no
 * set is text); the rest as text.  A leading "~" is the home directory and
 * /tmp, /var and /etc are under /private, as a glob would have them.  For a
 * write root what follows a leading parameter is one group, so that the
 * fixed part is the parameter at most (depth 0 or 1): the write denies
 * outrank it, as srt's, written after its allows, win over them (those
 * that would not are written again, glob_root_denies).  tail: with the
 * subtree below each match, srt's regex for a deny. */
static void srt_regex(strbuf *b, arena *a, const char *p0, int write_root, int tail)
{
    const char *p = canonical(a, p0);
    strbuf r;
    sb_init(&r);
    sb_putc(&r, '^');
    if (p[0] == '~' && (!p[1] || p[1] == '/')) { sb_putc(&r, HOME_MARK); p++; }
    else if (p[0] == WORKDIR_MARK) sb_putc(&r, *p++);
    if (write_root) sb_putc(&r, '(');
    const char *text_until = NULL;
    while (*p) {
        if (*p == '*') {
            size_t n = 0;
            while (p[n] == '*') n++;
            int slash = n >= 2 && p[n] == '/';
            size_t rest = n - (slash ? 2 : 0);
            sb_puts(&r, rest >= 2 ? ".*" : rest == 1 ? "[^/]*" : "");
            if (slash) sb_puts(&r, "(.*/)?");
            p += n + slash;
            continue;
        }
        if (*p == '?') { sb_puts(&r, "[^/]"); p++; continue; }
        const char *close = srt_set_end(p, &text_until);
        if (close) {
            sb_putc(&r, '[');
            for (const char *m = p + 1; m < close; m++) {
                if (strchr(".^$+{}()|\\", *m)) sb_putc(&r, '\\');
                sb_putc(&r, *m);
            }
            sb_putc(&r, ']');
            p = close + 1;
            continue;
        }
        if (strchr(".*+?^${}()|[]\\", *p)) sb_putc(&r, '\\');
        sb_putc(&r, *p++);
    }
    if (write_root) sb_putc(&r, ')');
    sb_puts(&r, tail ? "(/.*)?$" : "$");
    sb_puts(b, "regex ");
    quote(b, sb_cstr(&r));
    sb_free(&r);
}

/* srt's "**\/x" means anywhere; buckle globs are absolute */
static void srt_matcher(strbuf *b, arena *a, const char *p, enum srt_use use)
{
    if (p[0] == LITERAL_MARK) { sb_puts(b, "literal "); quote(b, p + 1); return; }
    if (p[0] == REGEX_MARK) { srt_regex(b, a, p + 1, 0, 1); return; }
    /* (a "]" makes an entry srt's pattern too: an allowed read of the
     * entry alone) */
    if (use != SRT_DENY && strpbrk(p, use == SRT_ALLOW_READ ? "*?[]" : "*?[")) {
        srt_regex(b, a, p, use == SRT_ALLOW_WRITE, 0);
        return;
    }
    strbuf t;
    sb_init(&t);
    if (!strncmp(p, "**/", 3)) sb_putc(&t, '/');
    sb_puts(&t, p);
    if (strpbrk(sb_cstr(&t), "*?[")) sb_puts(b, "glob ");
    quote(b, sb_cstr(&t));
    sb_free(&t);
}

/* 1 when the pattern entry e lies inside an entry of a that is no pattern
 * (both as the kernel sees them) */
static int inside_plain_root(arena *sa, const char *e, json_t *a)
{
    const char *ce = canonical(sa, e);
    size_t fl = fixed_dir(ce);
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) {
        const char *r = json_string_value(v);
        if (!r || strpbrk(r, "*?[")) continue;
        const char *cr = canonical(sa, r);
        size_t rl = strlen(cr);
        while (rl > 1 && cr[rl - 1] == '/') rl--;
        if (rl <= fl && !strncmp(cr, ce, rl) && (ce[rl] == '/' || (rl == 1 && cr[0] == '/'))) return 1;
    }
    return 0;
}

/* One rule a distinct matcher of a: entries that differ only in spelling
 * ("~/x" and "$HOME/x") are written once.  A map, not a scan of the entries
 * before: settings with thousands of paths import in linear time. */
static void rules(strbuf *b, arena *sa, const char *action, const char *verb, json_t *a)
{
    enum srt_use use = strcmp(action, "allow") ? SRT_DENY : strcmp(verb, "write") ? SRT_ALLOW_READ : SRT_ALLOW_WRITE;
    arena keys;
    arena_init(&keys);
    hashmap seen;
    hm_init(&seen);
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) {
        const char *e = json_string_value(v);
        /* a write root that is a pattern inside another root that is none
         * decides nothing: its regex ranks below every rule (srt_regex),
         * and that root matches all it does, at a higher rank */
        if (use == SRT_ALLOW_WRITE && strpbrk(e, "*?[") && inside_plain_root(sa, e, a)) continue;
        strbuf m;
        sb_init(&m);
        srt_matcher(&m, sa, e, use);
        const char *k = arena_strdup(&keys, sb_cstr(&m));
        if (!hm_put(&seen, k, m.len, (void *)k)) sb_printf(b, "    %s %s %s;\n", action, verb, k);
        sb_free(&m);
    }
    hm_free(&seen);
    arena_free(&keys);
}

/* the keys of the four path lists: a settings.json's, a generator input's */
enum { LIST_DENY_READ, LIST_ALLOW_READ, LIST_ALLOW_WRITE, LIST_DENY_WRITE };
static const char *const list_keys[2][4] = {
    { "denyRead", "allowRead", "allowWrite", "denyWrite" },
    { "denyOnly", "allowWithinDeny", "allowOnly", "denyWithinAllow" },
};

/* the key of path list k in the form read */
static const char *list_key(const srt_in *in, int k)
{
    return list_keys[!in->settings_form][k];
}

/* the four path lists: the read ones from rd, the write ones from wr */
static void read_lists(srt_in *in, json_t *rd, json_t *wr)
{
    in->deny_read = string_list(in, rd, list_key(in, LIST_DENY_READ));
    in->allow_read = string_list(in, rd, list_key(in, LIST_ALLOW_READ));
    in->allow_write = string_list(in, wr, list_key(in, LIST_ALLOW_WRITE));
    in->deny_write = string_list(in, wr, list_key(in, LIST_DENY_WRITE));
}

/* the sockets, services and local binding from net, the pty from pty_in */
static void read_net(srt_in *in, json_t *net, json_t *pty_in)
{
    in->sockets = string_list(in, net, "allowUnixSockets");
    in->mach = string_list(in, net, "allowMachLookup");
    json_t *lb = member(in, net, "allowLocalBinding", JSON_TRUE), *pty = member(in, pty_in, "allowPty", JSON_TRUE);
    in->local_binding = lb && json_is_true(lb);
    in->pty = pty && json_is_true(pty);
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
        read_lists(in, rc, wc);
        in->http_port = port_of(in, gi, "httpProxyPort");
        in->socks_port = port_of(in, gi, "socksProxyPort");
        if (!in->bad && (!in->http_port || !in->socks_port)) {
            diag_add(in->dl, SEV_ERROR, NULL, key_at(in, "generatorInput"),
                     "the generator input has no \"%s\"", in->http_port ? "socksProxyPort" : "httpProxyPort");
            in->bad = 1;
        }
        read_net(in, gi, gi);
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
    read_lists(in, fs, fs);
    read_net(in, net, root);
    in->http_port = port_of(in, net, "httpProxyPort");
    in->socks_port = port_of(in, net, "socksProxyPort");
}

/* what srt's regex writes with a backslash inside a set */
#define SRT_SET_ESCAPED ".^$+{}()|\\"

/* The readings of srt's set [s, s + n) as buckle glob texts, each appended
 * to alt: its members as a glob's set (as text when it is one; "!" and "^"
 * never first, where a glob reads them as negation), and "\\\\" (the
 * backslash) where srt's regex writes one in the set: Seatbelt may read it
 * as one more member, so the deny covers it too.  NULL, or what of the set
 * a glob cannot say. */
static const char *set_as_globs(const char *s, size_t n, json_t *alt)
{
    char single[128] = { 0 };
    strbuf ranges;
    sb_init(&ranges);
    int backslash = 0;
    const char *bad = NULL;
    for (size_t i = 0; i < n && !bad; i++) {
        unsigned char a = (unsigned char)s[i], b = a;
        if (i + 2 < n && s[i + 1] == '-') { b = (unsigned char)s[i + 2]; i += 2; }
        if (a >= 0x80 || b >= 0x80)
            bad = "a character beyond ASCII, which srt's set reads as its bytes and a buckle glob's as one character";
        else if (a == b && strchr("*?[/", a))
            bad = "one of \"*?[/\", which srt's set lists as a member and a buckle glob's cannot";
        else if (a == b) {
            if (strchr(SRT_SET_ESCAPED, a)) backslash = 1;
            if (a != '\\') single[a] = 1;
        } else if (a <= '/' && b >= '/')
            bad = "a range that spans \"/\", which srt's set matches and a buckle glob's never does";
        else if (a <= ']' && b >= '[')
            bad = "a range that holds one of \"[\\]\", which a buckle glob's set cannot";
        else if (a == '-' || b == '-' || strchr(SRT_SET_ESCAPED, b))
            bad = "a range that starts or ends with \"-\" or ends with one of \".^$+{}()|\", which srt's regex writes "
                  "so that Seatbelt may read another range";
        else {
            if (strchr(SRT_SET_ESCAPED, a)) backslash = 1;
            if (a == '!' || a == '^') single[a++] = 1;      /* (not first in the glob's set) */
            if (a == b) single[a] = 1;
            else sb_printf(&ranges, "%c-%c", a, b);
        }
    }
    if (bad) { sb_free(&ranges); return bad; }
    strbuf set;
    sb_init(&set);
    sb_add(&set, ranges.data ? ranges.data : "", ranges.len);
    for (int c = 1; c < 128; c++)
        if (single[c] && !strchr("!^-", c)) sb_putc(&set, (char)c);
    int plain = set.len > 0, rest = single['^'] + single['!'] + single['-'];
    if (plain || rest == 1) {                          /* one set, or one character as text */
        strbuf g;
        sb_init(&g);
        if (set.len + rest > 1 || ranges.len) sb_putc(&g, '[');
        sb_puts(&g, sb_cstr(&set));
        for (const char *c = "^!-"; *c; c++) if (single[(unsigned char)*c]) sb_putc(&g, *c);
        if (set.len + rest > 1 || ranges.len) sb_putc(&g, ']');
        json_array_append_new(alt, json_string(sb_cstr(&g)));
        sb_free(&g);
    } else                                             /* of "^", "!" and "-" only: each as text */
        for (const char *c = "^!-"; *c; c++)
            if (single[(unsigned char)*c]) json_array_append_new(alt, json_stringn(c, 1));
    if (backslash) json_array_append_new(alt, json_string("\\\\"));
    sb_free(&set);
    sb_free(&ranges);
    return NULL;
}

/* each text of vars with each of alt after it, in vars */
static void with_each(json_t *vars, json_t *alt)
{
    json_t *old = json_copy(vars);
    json_array_clear(vars);
    size_t i, k;
    json_t *v, *x;
    json_array_foreach(old, i, v) json_array_foreach(alt, k, x) {
        strbuf t;
        sb_init(&t);
        sb_puts(&t, json_string_value(v));
        sb_puts(&t, json_string_value(x));
        json_array_append_new(vars, json_string(sb_cstr(&t)));
        sb_free(&t);
    }
    json_decref(old);
}

/* the most buckle globs one deny entry is written as */
#define DENY_READINGS 16

/* The buckle globs that together deny what srt's deny p does, read as a
 * pattern from byte lit on (before it, the name as written), added to out.
 * NULL, or what a glob cannot say. */
static const char *pattern_globs(srt_in *in, const char *p, size_t lit, json_t *out)
{
    const char *bad = NULL, *text_until = NULL;
    int pattern = strpbrk(p, "*?[") != NULL;
    json_t *vars = json_array(), *alt = json_array();
    json_array_append_new(vars, json_string(""));
    for (const char *c = p; *c && !bad; c++) {
        json_array_clear(alt);
        const char *close = (size_t)(c - p) < lit ? NULL : srt_set_end(c, &text_until);
        if ((size_t)(c - p) < lit) {                    /* the name: its glob characters escaped */
            char t[3] = { '\\', *c, 0 };
            json_array_append_new(alt, json_string(strchr("*?[", *c) || (*c == '\\' && pattern) ? t : t + 1));
        } else if (*c == '\\') json_array_append_new(alt, json_string(pattern ? "\\\\" : "\\"));
        else if (*c == '[' && !close) json_array_append_new(alt, json_string("\\["));
        else if (*c == '?' || *c == '*') {              /* a run of them: "?" is one byte to srt, one character here */
            size_t q = 0;
            const char *e = c;
            for (; *e == '?' || *e == '*'; e++) q += *e == '?';
            if (q >= 2) {
                bad = "two \"?\" in a run of wildcards, which srt reads as two bytes (one character of two bytes "
                      "included) and a buckle glob as two characters";
                break;
            }
            json_array_append_new(alt, json_stringn(c, (size_t)(e - c)));
            c = e - 1;
        } else if (*c != '[') json_array_append_new(alt, json_stringn(c, 1));
        else {
            const char *why = set_as_globs(c + 1, (size_t)(close - c - 1), alt);
            if (why) bad = arena_printf(in->dl->a, "a set holding %s", why);
            c = close;
        }
        if (!bad) with_each(vars, alt);
        if (json_array_size(vars) > DENY_READINGS)
            bad = arena_printf(in->dl->a, "sets that read more than %d ways together", DENY_READINGS);
    }
    json_decref(alt);
    size_t k;
    json_t *x;
    if (!bad) json_array_foreach(vars, k, x) {
        const char *g = json_string_value(x);
        if (pattern && !strpbrk(g, "*?[")) {             /* no pattern left: its escapes as text */
            strbuf t;
            sb_init(&t);
            for (; *g; g++) sb_putc(&t, *g == '\\' && g[1] ? *++g : *g);
            json_string_set(x, sb_cstr(&t));
            sb_free(&t);
        }
        json_array_append(out, x);
    }
    json_decref(vars);
    return bad;
}

/* srt reads a deny's "\\" as text, "?" as one byte, "[...]" as a set of
 * the characters listed (srt_set_end; "!" and "^" are members) and a "["
 * that opens no set as text.  A deny is written as buckle globs, which read
 * an escape, one character and a negated set there: a backslash or a "["
 * as text is escaped, a set is written as set_as_globs reads it (a glob
 * each way, all of them denied); the rest would deny less than srt's deny:
 * refused at the entry.  srt also denies what the entry names where its
 * components with "[" or "]" exist (a name "[prod].env" beside the
 * pattern's "p.env"), and the pattern below each such directory: those are
 * denied too, whether they exist or not.  What each glob was read from is
 * kept in in->from.  0, or 1 after an error. */
static int deny_as_glob(srt_in *in, json_t *a, int list)
{
    const char *key = list_key(in, list);
    json_t *more = json_array();
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) {
        const char *p = json_string_value(v);
        json_t *globs = json_array();
        const char *bad = pattern_globs(in, p, 0, globs);
        /* the names: through each component with glob characters, the
         * pattern after it (or none: the whole name, without a last "**") */
        size_t pl = strlen(p), sl = pl >= 3 && !strcmp(p + pl - 3, "/**") ? pl - 3 : pl;
        int bracket = 0;
        for (size_t s = 0; s < sl && !bad && strpbrk(p, "*?[]");) {
            size_t e = s;
            while (e < sl && p[e] != '/') e++;
            int glob = 0;
            for (size_t c = s; c < e; c++) {
                glob |= !!strchr("*?[]", p[c]);
                bracket |= p[c] == '[' || p[c] == ']';
            }
            if (glob && bracket) {
                char *name = arena_strndup(in->dl->a, p, e == sl ? sl : pl);
                bad = pattern_globs(in, name, e, globs);
            }
            s = e + 1;
        }
        if (!bad && json_array_size(globs) > DENY_READINGS)
            bad = arena_printf(in->dl->a, "sets and names that read more than %d ways together", DENY_READINGS);
        if (!bad) {
            json_t *seen = json_object();
            size_t k;
            json_t *x;
            json_array_foreach(globs, k, x) {
                if (json_object_get(seen, json_string_value(x))) continue;
                json_object_set_new(seen, json_string_value(x), json_true());
                json_object_set_new(in->from[list == LIST_DENY_WRITE], json_string_value(x), json_integer((json_int_t)i));
                if (k) json_array_append(more, x);
            }
            json_decref(seen);
            json_array_set(a, i, json_array_get(globs, 0));
            json_decref(globs);
            continue;
        }
        json_decref(globs);
        span at = entry_of(in, key, i);
        diag_add(in->dl, SEV_ERROR, NULL, at,
                 "entry %zu of \"%s\" (%s) holds %s: buckle cannot write this deny with srt's meaning; "
                 "name what it denies without it", i + 1, key, as_written(in, at, p), bad);
        in->bad = 1;
        json_decref(more);
        return 1;
    }
    json_array_extend(a, more);
    json_decref(more);
    return 0;
}

static void resolve_lists(srt_in *in)
{
    json_t *lists[4] = { in->deny_read, in->allow_read, in->allow_write, in->deny_write };
    for (size_t k = 0; k < 4 && !in->bad; k++)
        if (lists[k]) resolve_relative(in, lists[k], list_key(in, (int)k), k == LIST_ALLOW_READ || k == LIST_ALLOW_WRITE);
    size_t i;
    json_t *v;
    if (in->allow_write && !in->bad) json_array_foreach(in->allow_write, i, v) {
        const char *p = json_string_value(v);
        if (!strchr(p, ']') || strpbrk(p, "*?[")) continue;
        span at = entry_of(in, list_key(in, LIST_ALLOW_WRITE), i);
        diag_add(in->dl, SEV_ERROR, NULL, at,
                 "entry %zu of \"%s\" (%s) holds \"]\", which makes it a pattern to srt: srt lets the entry itself be "
                 "written, and what is below it only where it exists when srt starts; buckle cannot write that: "
                 "name the directory without \"]\"", i + 1, list_key(in, LIST_ALLOW_WRITE), as_written(in, at, p));
        in->bad = 1;
        return;
    }
    if (in->deny_read && !in->bad) deny_as_glob(in, in->deny_read, LIST_DENY_READ);
    if (in->deny_write && !in->bad) deny_as_glob(in, in->deny_write, LIST_DENY_WRITE);
    if (in->sockets && !in->bad) resolve_relative(in, in->sockets, "allowUnixSockets", 1);
}

/* where the deny p (as the lists hold it after reading) of list k stands
 * in the settings: its entry, or the list's key */
static span deny_at(const srt_in *in, int k, const char *p)
{
    json_t *i = json_object_get(in->from[k == LIST_DENY_WRITE], p);
    return i ? entry_of(in, list_key(in, k), (size_t)json_integer_value(i)) : key_at(in, list_key(in, k));
}


/* Whether the directory a (len al) is an allowed write root or inside one
 * (a root under /dev/ is not a directory srt keeps; a root with a wildcard
 * is taken from its fixed directory: what it lets be written, moved or
 * made may lie anywhere below that: a root of every child of ~/p renames ~/p/a); a
 * root below the directory srt runs in ($WORKDIR, not known here) may hold
 * any path not written below that directory. */
static int inside_for_its_home(arena *a, const char *cd, const char *croot);

static int in_write_root(arena *sa, json_t *writes, const char *a, size_t al)
{
    size_t k;
    json_t *r;
    json_array_foreach(writes, k, r) {
        const char *root = json_string_value(r);
        size_t rl = strlen(root);
        while (rl && root[rl - 1] == '/') rl--;
        if (strpbrk(root, "*?[")) rl = fixed_dir(root);    /* a pattern: its fixed directory */
        if (!rl || !strncmp(root, "/dev/", 5)) continue;
        if (al >= rl && !strncmp(a, root, rl) && (al == rl || a[rl] == '/')) return 1;
        if ((root[0] == WORKDIR_MARK) != (a[0] == WORKDIR_MARK)) return 1;   /* for some directory srt runs in */
        /* "~" on one side only: inside for the home the other names */
        if ((a[0] == '~') != (root[0] == '~') &&
            inside_for_its_home(sa, arena_strndup(sa, a, al), arena_strndup(sa, root, rl))) return 1;
    }
    return 0;
}

/* The directories above each path of denied (its fixed directory too, for a
 * pattern) that lie in a write root, each once into out, minus the ones
 * of skip: srt keeps them from being created or removed, since renaming one
 * would move what it denies. */
static void kept_ancestors(arena *sa, json_t *out, json_t *writes, json_t *denied, json_t *skip)
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
        for (size_t e = end; e > (d[0] == '~' ? 0u : 1u); e--) {   /* ("~" is one) */
            if (e < end && d[e] != '/') continue;
            if (e == end && !w) continue;                  /* a path itself is denied, not kept */
            size_t al = e == end ? end - 1 : e;
            if (!al || !in_write_root(sa, writes, d, al)) continue;
            int dup = 0;
            json_array_foreach(out, k, x) if (strlen(json_string_value(x)) == al && !strncmp(json_string_value(x), d, al)) dup = 1;
            json_array_foreach(skip, k, x) if (strlen(json_string_value(x)) == al && !strncmp(json_string_value(x), d, al)) dup = 1;
            if (!dup) json_array_append_new(out, json_stringn(d, al));
        }
    }
}

/* Where pattern pc meets the inside of the root [rc, re) (the rest of the
 * root below the pattern's fixed directory; root[0, rl) the whole root):
 * each way is added to out, a pattern for what lies below the root, or the
 * root itself (LITERAL_MARK in front) when the pattern ends on it.
 * Component by component: a wildcard component must match the root's
 * (fnmatch), "**" any number of them (none, some, or all and more below:
 * buckle's "**" between slashes matches no component too; an escape is
 * text, to fnmatch as to a glob).  *unplaceable when the pattern nests
 * too deep to follow. */
static void pattern_under(arena *a, json_t *out, const char *pc, const char *rc, const char *re, const char *root,
                          size_t rl, int *unplaceable, int depth)
{
    while (*pc == '/') pc++;
    while (rc < re && *rc == '/') rc++;
    if (depth > 64) *unplaceable = 1;
    if (*unplaceable) return;
    if (rc >= re) {                          /* the root is matched: the rest lies below it */
        json_array_append_new(out, json_string(*pc ? arena_printf(a, "%.*s/%s", (int)rl, root, pc)
                                                   : arena_printf(a, "%c%.*s", LITERAL_MARK, (int)rl, root)));
        return;
    }
    if (!*pc) return;                        /* p ends above the root's inside */
    const char *pe = strchr(pc, '/'), *rend = memchr(rc, '/', (size_t)(re - rc));
    size_t pl = pe ? (size_t)(pe - pc) : strlen(pc);
    size_t cl = rend ? (size_t)(rend - rc) : (size_t)(re - rc);
    if (pl == 2 && !strncmp(pc, "**", 2)) {
        if (!pe) { json_array_append_new(out, json_string(arena_printf(a, "%.*s", (int)rl, root))); return; }
        /* all of the root's rest, and more below it (or none) */
        json_array_append_new(out, json_string(arena_printf(a, "%.*s/%s", (int)rl, root, pc)));
        /* or some of it: the rest of p goes on from each component */
        for (const char *q = rc; q < re;) {
            pattern_under(a, out, pe + 1, q, re, root, rl, unplaceable, depth + 1);
            const char *n = memchr(q, '/', (size_t)(re - q));
            q = n ? n + 1 : re;
        }
        return;
    }
    char *pat = arena_strndup(a, pc, pl), *comp = arena_strndup(a, rc, cl);
    if (fnmatch(pat, comp, FNM_PERIOD) != 0) return;
    if (!pe) {                               /* p's last component: the root's own, if it is its last */
        if (!rend || rend + 1 >= re) json_array_append_new(out, json_string(arena_printf(a, "%c%.*s", LITERAL_MARK, (int)rl, root)));
        return;
    }
    pattern_under(a, out, pe + 1, rend ? rend + 1 : re, re, root, rl, unplaceable, depth + 1);
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
/* p as the kernel sees it: /tmp, /var and /etc are /private/tmp, ... */
static const char *canonical(arena *a, const char *p0)
{
    /* "//" as "/" (the kernel reads "/Users/test//w" as "/Users/test/w") */
    char *p = arena_strdup(a, p0);
    p[path_collapse(p, strlen(p), PATH_KEEP_SLASH)] = 0;
    return private_alias(p, strlen(p), "") ? arena_printf(a, "/private%s", p) : p;
}

/* the fixed directory of deny p (up to the '/' before its first wildcard,
 * without a trailing '/'), its length */
static size_t fixed_dir(const char *p)
{
    const char *w = strpbrk(p, "*?[");
    size_t fl = w ? (size_t)(w - p) : strlen(p);
    if (w) { while (fl && p[fl - 1] != '/') fl--; if (fl) fl--; }
    while (fl && p[fl - 1] == '/') fl--;
    return fl;
}

/* what of deny p (canonical) lies inside the root croot (canonical; root as
 * written), into out: the whole root, the root alone, or patterns below
 * it.  -1 when a component cannot be placed (escapes). */
static int place(arena *a, json_t *out, const char *p, const char *croot, const char *root, size_t rl)
{
    const char *w = strpbrk(p, "*?[");
    size_t fl = fixed_dir(p), crl = strlen(croot);
    if (!(crl > fl && !strncmp(croot, p, fl) && croot[fl] == '/')) return 0;     /* the root lies below it */
    /* as specific as the root already (the text before the wildcard
     * counts, "pay*" is a component): the deny wins the tie there */
    if (w && components(p, (size_t)(w - p)) >= components(croot, crl)) return 0;
    if (!w) { json_array_append_new(out, json_stringn(root, rl)); return 0; }
    int bad = 0;
    pattern_under(a, out, p + fl, croot + fl, croot + crl, root, rl, &bad, 0);
    return bad ? -1 : 0;
}

/* a home directory: a directory right under /Users or /home */
static int home_dir(const char *h)
{
    const char *t = !strncmp(h, "/Users/", 7) ? h + 7 : !strncmp(h, "/home/", 6) ? h + 6 : NULL;
    return t && *t && !strchr(t, '/');
}

/* s with a leading "~" read as home */
static const char *at_home(arena *a, const char *s, const char *home)
{
    return s[0] == '~' ? arena_printf(a, "%s%s", home, s + 1) : s;
}

/* 1 when path d (len dl, canonical) is path x or above it */
static int at_or_above(const char *d, size_t dl, const char *x)
{
    return !strncmp(x, d, dl) && (!x[dl] || x[dl] == '/');
}

/* 1 when deny p (its home spelled out) is the root cr or lies above it: a
 * path at or above the root, a pattern whose fixed directory is the root,
 * or one above it that matches the root or something in it.  Ranks are not
 * compared: "~" is one component where the home it stands for is two, so a
 * deny written with "~" is one component less specific than it looks here. */
static int covers_root(arena *a, const char *pp, const char *cr)
{
    size_t fl = fixed_dir(pp), crl = strlen(cr);
    if (!at_or_above(pp, fl, cr)) return 0;
    if (!strpbrk(pp, "*?[") || fl == crl) return 1;
    json_t *scratch = json_array();
    int bad = 0;
    pattern_under(a, scratch, pp + fl, cr + fl, cr + crl, cr, crl, &bad, 0);
    size_t hits = json_array_size(scratch);
    json_decref(scratch);
    return bad || hits;
}

/* "~" spelled on one side only (deny p or root croot): 1 when, for some
 * home directory (/Users/NAME or /home/NAME), the deny is the root or covers
 * part of it (covers_root).  The homes tried: each directory of the side
 * without "~" (a "*" component as one name, a "**" as one directory below
 * what comes before), and one name below each. */
static int meets_some_home(arena *a, const char *p, const char *croot)
{
    const char *abs = p[0] == '~' ? croot : p;
    size_t n = strlen(abs);
    for (size_t e = 1; e <= 2 * n + 1; e++) {
        size_t end = e <= n ? e : e - n - 1;   /* the second round: one name below */
        if (end < n && abs[end] != '/') continue;
        if (!end) continue;
        strbuf h;
        sb_init(&h);
        for (size_t i = 0; i < end; i++) {
            if (abs[i] == '*' && i + 1 < end && abs[i + 1] == '*') { sb_puts(&h, "u"); i++; continue; }
            sb_putc(&h, abs[i] == '*' || abs[i] == '?' ? 'u' : abs[i]);
        }
        if (e > n) sb_puts(&h, "/u");
        if (strpbrk(sb_cstr(&h), "[") || !home_dir(sb_cstr(&h))) { sb_free(&h); continue; }
        const char *home = arena_strdup(a, sb_cstr(&h));
        sb_free(&h);
        if (covers_root(a, at_home(a, p, home), at_home(a, croot, home))) return 1;
    }
    return 0;
}

/* "~" on one side only (deny cd, root croot, both canonical): 1 when, with
 * "~" the home directory the other side lies in, the deny is at or inside
 * the root; a pattern deny counts when its fixed start is */
static int inside_for_its_home(arena *a, const char *cd, const char *croot)
{
    const char *abs = cd[0] == '~' ? croot : cd;
    const char *t = !strncmp(abs, "/Users/", 7) ? abs + 7 : !strncmp(abs, "/home/", 6) ? abs + 6 : NULL;
    if (!t || !*t) return 0;
    const char *sl = strchr(t, '/');
    const char *home = arena_strndup(a, abs, sl ? (size_t)(sl - abs) : strlen(abs));
    const char *pp = at_home(a, cd, home), *cr = at_home(a, croot, home);
    size_t fl = strcspn(pp, "*?[\\"), rl = strlen(cr);
    if (fl < strlen(pp)) return fl <= rl ? !strncmp(pp, cr, fl) : !strncmp(pp, cr, rl) && pp[rl] == '/';
    return !strncmp(pp, cr, rl) && (pp[rl] == '/' || !pp[rl]);
}

/* 1 for a pattern of components that are each a star, then a double
 * star (a slash and two stars alone, and the like): every path below some depth, so every home
 * directory and every directory srt may run in whole (a "/" it would run
 * in: less) */
static int covers_all_below(const char *p)
{
    size_t n = strlen(p);
    if (n < 3 || strcmp(p + n - 3, "/**")) return 0;
    for (size_t i = 0; i + 3 < n; i += 2)
        if (p[i] != '/' || p[i + 1] != '*') return 0;
    return !((n - 3) % 2);
}

/* A deny pattern p from "/" (no fixed directory) and a root (rl bytes) that
 * starts with "~" or the directory srt runs in, whose place is not known
 * here: p matches inside the root wherever its first components match the
 * root's own path.  For each split of p's components, where the ones before
 * it may match the root for some home (/Users/NAME or /home/NAME and the
 * root's components after "~") or some working directory (any, then the
 * root's components after it), the ones after it are written below the root
 * into out: two stars then x, under "~/p", is "~/p/x" (the second star is
 * "p"), and under "." both "$WORKDIR" with a star then x, and "$WORKDIR/x".
 * A "**" before the split may match any number of components. */
static void split_under_root(arena *a, json_t *out, const char *p, const char *root, size_t rl)
{
    const char *c[64];
    size_t cl[64], n = 0;
    for (const char *q = p; *q && n < 64;) {
        while (*q == '/') q++;
        if (!*q) break;
        const char *e = strchr(q, '/');
        c[n] = q;
        cl[n] = e ? (size_t)(e - q) : strlen(q);
        n++;
        q += cl[n - 1];
    }
    /* the root's own components after "~" or the working directory */
    const char *rc[64];
    size_t rcl[64], nr = 0;
    for (size_t i = 1; i < rl && nr < 64;) {
        while (i < rl && root[i] == '/') i++;
        if (i >= rl) break;
        size_t e = i;
        while (e < rl && root[e] != '/') e++;
        rc[nr] = root + i;
        rcl[nr++] = e - i;
        i = e;
    }
    int home = root[0] == '~';
    for (size_t j = 1; j < n; j++) {
        int dstar = 0;
        for (size_t i = 0; i < j; i++) dstar |= cl[i] == 2 && !strncmp(c[i], "**", 2);
        int may = 1;
        if (!dstar) {
            /* the last nr components before the split are the root's own */
            if (home ? j != 2 + nr : j < 1 + nr) may = 0;
            for (size_t i = 0; may && i < nr; i++) {
                char *pat = arena_strndup(a, c[j - nr + i], cl[j - nr + i]);
                may = fnmatch(pat, arena_strndup(a, rc[i], rcl[i]), FNM_PERIOD) == 0;
            }
            if (may && home) {
                char *pat = arena_strndup(a, c[0], cl[0]);
                may = fnmatch(pat, "Users", 0) == 0 || fnmatch(pat, "home", 0) == 0;
            }
        }
        if (!may) continue;
        json_array_append_new(out, json_string(arena_printf(a, "%.*s/%s", (int)rl, root, c[j])));
    }
    /* a "**" may also run across the root: its start among the root's own
     * components, its end below the root (a star, two stars, then x,
     * under "~": "~", two stars, x) */
    for (size_t i = 1; i < n; i++) {
        if (cl[i] != 2 || strncmp(c[i], "**", 2)) continue;
        int dstar = 0;
        for (size_t t = 0; t < i; t++) dstar |= cl[t] == 2 && !strncmp(c[t], "**", 2);
        int may = 1;
        if (!dstar && home) {
            /* the components before it: a start of /Users|/home, NAME, the root's */
            if (i > 2 + nr) may = 0;
            if (may) {
                char *pat = arena_strndup(a, c[0], cl[0]);
                may = fnmatch(pat, "Users", 0) == 0 || fnmatch(pat, "home", 0) == 0;
            }
            for (size_t t = 2; may && t < i; t++) {
                char *pat = arena_strndup(a, c[t], cl[t]);
                may = fnmatch(pat, arena_strndup(a, rc[t - 2], rcl[t - 2]), FNM_PERIOD) == 0;
            }
        }
        if (may) json_array_append_new(out, json_string(arena_printf(a, "%.*s/%s", (int)rl, root, c[i])));
    }
}

static int holds_root(arena *a, const char *e, json_t *writes);

static int denies_above_roots(srt_in *in, json_t *denies, json_t *writes, const char *p0)
{
    size_t k;
    json_t *r;
    arena *a = in->dl->a;
    const char *p = canonical(a, p0);                   /* compared as the kernel sees them */
    size_t fl = fixed_dir(p);
    json_array_foreach(writes, k, r) {
        const char *root = json_string_value(r);
        size_t rl = strlen(root);
        while (rl && root[rl - 1] == '/') rl--;
        if (!rl || !strncmp(root, "/dev/", 5) || strpbrk(root, "*?[")) continue;
        const char *croot = canonical(a, arena_strndup(a, root, rl));
        if (!fl && p[0] == '/' && (croot[0] == '~' || croot[0] == WORKDIR_MARK)) {   /* a deny from "/": above every home and working directory */
            if (!strpbrk(p, "*?[")) { json_array_append_new(denies, json_stringn(root, rl)); continue; }
            if (covers_all_below(p)) { json_array_append_new(denies, json_stringn(root, rl)); continue; }
            if (!strncmp(p, "/**/", 4)) json_array_append_new(denies, json_string(arena_printf(a, "%.*s%s", (int)rl, root, p)));
            split_under_root(a, denies, p, root, rl);
            continue;
        }
        /* a deny from "~" that holds a write root is a plain deny
         * (holds_root), and a root below the directory srt runs in lies
         * inside it when srt runs in the home directory or below: there a
         * root deeper than the deny would win, where srt's deny does */
        if (p[0] == '~' && croot[0] == WORKDIR_MARK && components(croot, strlen(croot)) > components(p, fl) &&
            holds_root(a, p0, writes)) {
            span at = deny_at(in, LIST_DENY_WRITE, p0);
            diag_add(in->dl, SEV_ERROR, NULL, at,
                     "the write deny %s holds an allowed root, so it is not final, and the allowed root "
                     "\"$WORKDIR%.*s\" lies inside it when srt runs in the home directory or below, where srt lets "
                     "the deny win but the deeper root would in buckle: write the root from ~ (or as an absolute "
                     "path, and the deny alike)", as_written(in, at, p0), (int)rl - 1, root + 1);
            in->bad = 1;
            return 1;
        }
        /* "~" on one side only: whether the root lies below the deny
         * depends on HOME, which the import leaves to buckle run */
        if ((p[0] == '~') != (croot[0] == '~')) {
            if (!meets_some_home(a, p, croot)) continue;
            span at = deny_at(in, LIST_DENY_WRITE, p0);
            diag_add(in->dl, SEV_ERROR, NULL, at,
                     "the write deny %s and the allowed root \"%.*s\" spell the home directory differently (one "
                     "with ~), and for some home directory the deny covers the root or part of it, where srt lets it win: write "
                     "both with ~, or both without", as_written(in, at, p0), (int)rl, root);
            in->bad = 1;
            return 1;
        }
        if (place(a, denies, p, croot, root, rl) < 0) {
            span at = deny_at(in, LIST_DENY_WRITE, p0);
            diag_add(in->dl, SEV_ERROR, NULL, at,
                     "the write deny %s lies above the allowed root \"%.*s\", where srt lets it win, and "
                     "buckle cannot follow it inside the root; write the deny for the root itself", as_written(in, at, p0), (int)rl, root);
            in->bad = 1;
            return 1;
        }
    }
    return 0;
}

/* A pattern write root is written with a fixed part of its leading
 * parameter at most (srt_regex): a write deny of a lower depth, or a
 * subpath of the same, would lose to it, where srt's deny wins.  A path
 * deny is written again as srt's regex (a regex ties the root's, and the
 * deny wins the tie); a pattern that starts with "/" and "**" again below the root's fixed
 * directory; any other such pattern cannot be placed: an error.  0, or 1
 * after one. */
static int glob_root_denies(srt_in *in, json_t *denies, json_t *writes, const char *p)
{
    size_t k;
    json_t *r;
    const char *w = strpbrk(p, "*?[");
    size_t pd = components(p, w ? (size_t)(w - p) : strlen(p));
    int again = 0;
    json_array_foreach(writes, k, r) {
        const char *root = json_string_value(r);
        if (!strpbrk(root, "*?[") || !strncmp(root, "/dev/", 5)) continue;
        size_t rd = root[0] == '~' || root[0] == WORKDIR_MARK;
        if (pd > rd || (w && pd == rd)) continue;
        if (!w) { again = 1; continue; }
        if (!strncmp(p, "/**/", 4)) {
            size_t fr = fixed_dir(root);
            json_array_append_new(denies, json_string(arena_printf(in->dl->a, "%.*s%s", (int)fr, root, p)));
            /* from "~" or the directory srt runs in: the components after
             * the "**" may also be the fixed directory's own ("*" then k,
             * under "~/p": "~/p/k") */
            const char *cf = canonical(in->dl->a, arena_strndup(in->dl->a, root, fr));
            if (fr && (cf[0] == '~' || cf[0] == WORKDIR_MARK)) split_under_root(in->dl->a, denies, p, root, fr);
            continue;
        }
        span at = deny_at(in, LIST_DENY_WRITE, p);
        diag_add(in->dl, SEV_ERROR, NULL, at,
                 "the write deny %s has no fixed directory, and buckle cannot place it below the allowed "
                 "pattern \"%s\", where srt lets it win; write the deny below the pattern's directory",
                 as_written(in, at, p), root);
        in->bad = 1;
        return 1;
    }
    if (again) json_array_append_new(denies, json_string(arena_printf(in->dl->a, "%c%s", REGEX_MARK, p)));
    return 0;
}

/* 1 when the deny e (as body() builds it) holds a write root written as a
 * path, the root itself or all of it: a final deny there would contradict
 * the root's allow.  Regexes (srt's, placed to tie with a root) count as
 * holding one. */
static int holds_root(arena *a, const char *e, json_t *writes)
{
    if (e[0] == REGEX_MARK) return 1;
    int lit = e[0] == LITERAL_MARK;
    const char *p = canonical(a, lit ? e + 1 : e);
    size_t pl = strlen(p);
    while (pl > 1 && p[pl - 1] == '/') pl--;
    /* "/" holds the directory srt runs in whatever it is; a deny at or
     * above /dev the devices std/base lets every program write */
    if (!lit && (pl == 1 || (!strpbrk(p, "*?[") && at_or_above(p, pl, "/dev/null")))) return 1;
    size_t k;
    json_t *r;
    json_array_foreach(writes, k, r) {
        const char *root = json_string_value(r);
        size_t rl = strlen(root);
        while (rl > 1 && root[rl - 1] == '/') rl--;
        if (!strncmp(root, "/dev/", 5)) continue;
        if (strpbrk(root, "*?[")) {
            /* a pattern root: held when its fixed directory lies at or
             * below the deny's (what it matches may lie in the deny) */
            const char *cr = canonical(a, arena_strndup(a, root, fixed_dir(root)));
            size_t fl = lit || !strpbrk(p, "*?[") ? pl : fixed_dir(p);
            if (at_or_above(p, fl, cr) || at_or_above(cr, strlen(cr), arena_strndup(a, p, fl))) return 1;
            continue;
        }
        const char *croot = canonical(a, arena_strndup(a, root, rl));
        if (lit || !strpbrk(p, "*?[")) {
            if (lit ? !strcmp(p, croot) : at_or_above(p, pl, croot)) return 1;
            continue;
        }
        /* a pattern as specific as a root below its fixed directory may
         * match the root itself: left to tie with it, as before */
        const char *w = strpbrk(p, "*?[");
        size_t fl = fixed_dir(p), crl = strlen(croot);
        if (crl > fl && !strncmp(croot, p, fl) && croot[fl] == '/' && components(p, (size_t)(w - p)) >= components(croot, crl))
            return 1;
        json_t *in_root = json_array();
        place(a, in_root, p, croot, root, rl);
        int whole = 0;
        size_t q;
        json_t *x;
        json_array_foreach(in_root, q, x) {
            const char *t = json_string_value(x);
            if (t[0] == LITERAL_MARK || !strpbrk(t, "*?[")) whole = 1;
        }
        json_decref(in_root);
        if (whole) return 1;
    }
    return 0;
}

/* srt's denies of verb: where srt runs is $WORKDIR when the settings do
 * not say, and whether a deny lies below, at or above it then depends on
 * its value; srt's denies win over its allows wherever they meet, and so
 * does a final deny: each that holds no root is written final */
static void srt_denies(strbuf *b, srt_in *in, const char *verb, json_t *denies, json_t *writes)
{
    if (in->cwd) { rules(b, in->dl->a, "deny", verb, denies); return; }
    json_t *fin = json_array(), *plain = json_array();
    size_t i;
    json_t *v;
    json_array_foreach(denies, i, v)
        json_array_append(holds_root(in->dl->a, json_string_value(v), writes) ? plain : fin, v);
    rules(b, in->dl->a, "deny", verb, plain);
    rules(b, in->dl->a, "deny final", verb, fin);
    json_decref(fin);
    json_decref(plain);
}

/* "deny final metadata HOW PATH;", once */
static void meta_deny(strbuf *b, const char *how, const char *path)
{
    strbuf l;
    sb_init(&l);
    sb_printf(&l, "    deny final metadata %s", how);
    quote(&l, path);
    sb_puts(&l, ";\n");
    if (!b->len || !strstr(b->data, sb_cstr(&l))) sb_add(b, l.data, l.len);
    sb_free(&l);
}

/* srt's read denies come after its allows, so inside a read-denied
 * directory the metadata of a write root stays denied, and so does that of
 * the directories on the way to it; buckle's traversal of the root and its
 * write subtree would allow it.  Final denies, which decide over both.  A
 * deny with an allowRead inside it is left as it is (srt lets that one
 * read again), and so is a pattern. */
/* 1 when the directory d (dl bytes, as written) is a write root that is no
 * pattern, or lies inside one spelled the same way */
static int in_plain_root(json_t *writes, const char *d, size_t dl)
{
    size_t k;
    json_t *r;
    json_array_foreach(writes, k, r) {
        const char *root = json_string_value(r);
        size_t rl = strlen(root);
        while (rl && root[rl - 1] == '/') rl--;
        if (!rl || strpbrk(root, "*?[") || !strncmp(root, "/dev/", 5)) continue;
        if (dl >= rl && !strncmp(d, root, rl) && (dl == rl || d[rl] == '/')) return 1;
    }
    return 0;
}

static void read_denied_roots(strbuf *b, srt_in *in, json_t *writes)
{
    arena *a = in->dl->a;
    size_t i, k, j;
    json_t *v, *r, *x;
    int said = 0;
    if (!in->deny_read) return;
    json_array_foreach(in->deny_read, i, v) {
        const char *d0 = json_string_value(v);
        if (strpbrk(d0, "*?[") || !strncmp(d0, "**/", 3)) continue;
        const char *d = canonical(a, d0);
        size_t dl = strlen(d);
        while (dl > 1 && d[dl - 1] == '/') dl--;
        int reopened = 0;
        if (in->allow_read) json_array_foreach(in->allow_read, j, x)
            if (at_or_above(d, dl, canonical(a, json_string_value(x)))) reopened = 1;
        if (reopened) continue;
        json_array_foreach(writes, k, r) {
            const char *root = json_string_value(r);
            size_t rl = strlen(root);
            while (rl > 1 && root[rl - 1] == '/') rl--;
            if (!strncmp(root, "/dev/", 5) || strpbrk(root, "*?[")) continue;
            const char *croot = canonical(a, arena_strndup(a, root, rl));
            if (!at_or_above(d, dl, croot)) continue;
            if (!said) sb_puts(b, "    # srt denies reading, metadata included, in these directories, also in the write roots inside\n");
            said = 1;
            /* the directories from the deny down to the root's parent (as
             * the kernel sees them: not the link /tmp itself, which srt
             * lets be read) */
            for (size_t e = dl; e < strlen(croot); e++) {
                if (e != dl && croot[e] != '/') continue;
                /* std/base lets the links /tmp, /var and /etc be read (as
                 * srt does): their targets' own metadata is left to it */
                if (e > 8 && !strncmp(croot, "/private", 8) && private_alias(croot + 8, e - 8, "") &&
                    e - 8 == strlen(private_alias(croot + 8, e - 8, ""))) continue;
                meta_deny(b, "literal ", arena_strndup(a, croot, e));
            }
            meta_deny(b, "", croot);
        }
    }
}

static void body(strbuf *b, srt_in *in, json_t *writes)
{
    sb_puts(b, "extends \"std/base\";\n");
    if (!in->http_port) sb_puts(b, "param HTTP_PROXY_PORT = \"3128\";  # srt's HTTP proxy listens here\n");
    if (!in->socks_port) sb_puts(b, "param SOCKS_PROXY_PORT = \"1080\";  # srt's SOCKS proxy listens here\n");
    sb_puts(b, "\nfiles {\n    allow read \"/\";  # srt: reads are denied only by its list\n");
    if (in->deny_read) rules(b, in->dl->a, "deny", "read", in->deny_read);
    if (in->allow_read) rules(b, in->dl->a, "allow", "read", in->allow_read);
    rules(b, in->dl->a, "allow", "write", writes);
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
            if (denies_above_roots(in, denies, writes, p) || glob_root_denies(in, denies, writes, p)) break;
            continue;
        }
        json_array_foreach(writes, k, r) {
            const char *root = json_string_value(r);
            if (!strncmp(root, "/dev/", 5)) continue;
            size_t rl = strlen(root);
            while (rl && root[rl - 1] == '/') rl--;
            /* a pattern root: from its fixed directory, so that the
             * deny also meets the root's own matches ("~/p/x" and
             * "**\/.env": "~/p/.env") */
            if (strpbrk(root, "*?[")) rl = fixed_dir(root);
            strbuf t;
            sb_init(&t);
            sb_printf(&t, "%.*s/%s", (int)rl, root, p);
            json_array_append_new(denies, json_string(sb_cstr(&t)));
            sb_free(&t);
        }
    }
    srt_denies(b, in, "write", denies, writes);
    json_decref(denies);
    /* srt keeps a read-denied path inside a write root in place: no unlink */
    json_t *keep = json_array();
    if (in->deny_read) json_array_foreach(in->deny_read, i, v) {
        const char *d = json_string_value(v);
        json_array_foreach(writes, k, r) {
            const char *root = json_string_value(r);
            size_t rl = strlen(root);
            while (rl && root[rl - 1] == '/') rl--;
            /* a pattern root lets what lies below its fixed directory be
             * written, so removed: a root of all below ~/p removes
             * ~/p/a/secret (unless a plain root holds that directory) */
            if (strpbrk(root, "*?[")) {
                rl = fixed_dir(root);
                if (rl && in_plain_root(writes, root, rl)) continue;
            }
            if (!rl || !strncmp(root, "/dev/", 5)) continue;
            strbuf t;
            sb_init(&t);
            const char *cd = canonical(in->dl->a, d), *croot = canonical(in->dl->a, arena_strndup(in->dl->a, root, rl));
            size_t crl = strlen(croot);
            if (!strncmp(d, "**/", 3)) sb_printf(&t, "%.*s/%s", (int)rl, root, d);
            /* a pattern from "/" beside a root whose place is not known:
             * below the root wherever its first components may be the
             * root's path */
            else if (cd[0] == '/' && strpbrk(cd, "*?[") && !fixed_dir(cd) && (croot[0] == '~' || croot[0] == WORKDIR_MARK)) {
                if (covers_all_below(cd)) sb_printf(&t, "%.*s", (int)rl, root);
                else {
                    if (!strncmp(cd, "/**/", 4)) sb_printf(&t, "%.*s%s", (int)rl, root, cd);
                    split_under_root(in->dl->a, keep, cd, root, rl);
                }
            }
            /* "~" on one side only and, for some home, the root in the
             * deny: its metadata and unlink denies would be written for
             * one spelling and outranked by the root's in the other */
            else if ((cd[0] == '~') != (croot[0] == '~') && meets_some_home(in->dl->a, cd, croot)) {
                span at = deny_at(in, LIST_DENY_READ, d);
                diag_add(in->dl, SEV_ERROR, NULL, at,
                         "the read deny %s and the allowed write root \"%.*s\" spell the home directory "
                         "differently (one with ~), and for some home directory the root lies in the deny, where "
                         "srt lets it win (no metadata, no removal): write both with ~, or both without",
                         as_written(in, at, d), (int)rl, root);
                in->bad = 1;
                sb_free(&t);
                goto kept;
            }
            else if (!strncmp(cd, croot, crl) && (cd[crl] == '/' || !cd[crl])) sb_puts(&t, d);
            /* a root below the directory srt runs in may hold any path
             * for some such directory ("." run from the home directory) */
            else if ((croot[0] == WORKDIR_MARK) != (cd[0] == WORKDIR_MARK)) sb_puts(&t, d);
            /* "~" on one side only: inside the root for the home the other
             * side names (/Users/NAME, /home/NAME), kept as written */
            else if ((cd[0] == '~') != (croot[0] == '~') && inside_for_its_home(in->dl->a, cd, croot)) sb_puts(&t, d);
            else place(in->dl->a, keep, cd, croot, root, rl);   /* the root inside it: what of it lies there */
            if (t.len) json_array_append_new(keep, json_string(sb_cstr(&t)));
            sb_free(&t);
        }
    }
kept:
    if (json_array_size(keep) && !in->bad) {
        sb_puts(b, "    # srt keeps what it denies reading inside a write root from being removed\n");
        srt_denies(b, in, "file-write-unlink", keep, writes);
    }
    json_decref(keep);
    read_denied_roots(b, in, writes);
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
            if (!k) continue;
            /* a root that ends inside the protected path ("./lib/.git"
             * for ".git/hooks"): what of it lies in the root, and the root
             * whole when it is the protected directory itself (srt denies
             * it and what is below) */
            const char *root = json_string_value(r);
            json_t *in_root = json_array();
            place(in->dl->a, in_root, arena_printf(in->dl->a, "%s/**/%s", cwd, srt_protected[j]),
                  canonical(in->dl->a, root), root, strlen(root));
            size_t q;
            json_t *x;
            json_array_foreach(in_root, q, x) {   /* (the root, "**", P: written above) */
                const char *e = json_string_value(x);
                if (e[0] == LITERAL_MARK) e++;
                if (!strstr(e, "/**/")) json_array_append_new(pats, json_string(e));
            }
            json_decref(in_root);
        }
        srt_denies(b, in, "write", pats, writes);
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
    if (in->deny_read) kept_ancestors(in->dl->a, above, writes, in->deny_read, kept);
    if (in->deny_write) kept_ancestors(in->dl->a, above, writes, in->deny_write, kept);
    json_array_extend(kept, above);
    json_decref(above);
    json_array_foreach(kept, k, r) {
        if (k == nkept) sb_puts(b, "    # with the directories above what it denies inside a write root\n");
        for (int u = 0; u < 2; u++) {
            sb_printf(b, "    deny %s%s literal ", in->cwd || !strcmp(json_string_value(r), "\x01") || !strcmp(json_string_value(r), "~") ? "" : "final ", u ? "file-write-unlink" : "file-write-create");
            quote(b, json_string_value(r));
            sb_puts(b, ";\n");
        }
    }
    json_decref(kept);
    sb_puts(b, "}\n\nnetwork {\n");
    if (in->http_port) sb_printf(b, "    allow outbound \"localhost:%lld\";  # srt's HTTP proxy\n", in->http_port);
    else sb_puts(b, "    allow outbound \"localhost:$HTTP_PROXY_PORT\";  # srt's HTTP proxy\n");
    if (in->socks_port) sb_printf(b, "    allow outbound \"localhost:%lld\";  # srt's SOCKS proxy\n", in->socks_port);
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
                 "    expect deny network outbound \"*:443\";\n}\n",
              in->http_port ? arena_printf(in->dl->a, "%lld", in->http_port) : "$HTTP_PROXY_PORT");
}

/* where the entry of srt's lists that line [ls, le) of the translation was
 * made from stands in the settings (by its JSON text: jansson keeps no
 * positions), or 1:1 */
static span entry_at(const srt_in *in, const char *ls, size_t ll)
{
    json_t *const lists[] = { in->deny_read, in->allow_read, in->allow_write, in->deny_write, in->sockets, in->mach };
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
        size_t i;
        json_t *v;
        json_array_foreach(lists[l], i, v) {
            strbuf m;
            int hit = 0;
            for (int use = SRT_DENY; use <= SRT_ALLOW_WRITE && !hit; use++) {
                sb_init(&m);
                srt_matcher(&m, in->dl->a, json_string_value(v), (enum srt_use)use);
                for (size_t k = 0; m.len && k + m.len <= ll && !hit; k++) hit = !memcmp(ls + k, m.data, m.len);
                sb_free(&m);
            }
            if (!hit) continue;
            char *js = json_dumps(v, JSON_ENCODE_ANY);
            size_t jl = js ? strlen(js) : 0;
            const char *t = in->src->text;
            for (size_t k = 0; jl && k + jl <= in->src->len; k++)
                if (!memcmp(t + k, js, jl)) {
                    free(js);
                    return (span){ in->src, (uint32_t)k, (uint32_t)(k + jl) };
                }
            free(js);
        }
    }
    return (span){ in->src, 0, 0 };
}

/* The string of the settings at at, without its quotes (NULL when it is
 * not one, or holds an escape). */
static const char *entry_text(arena *a, span at)
{
    const char *t = at.src && at.end > at.start ? at.src->text + at.start : NULL;
    size_t n = t ? at.end - at.start : 0;
    if (n < 2 || t[0] != '"' || t[n - 1] != '"' || memchr(t, '\\', n)) return NULL;
    return arena_strndup(a, t + 1, n - 2);
}

/* The line of the translation that holds byte at: [*ls, *le), without its
 * indentation. */
static void line_at(const char *text, size_t len, uint32_t at, uint32_t *ls, uint32_t *le)
{
    uint32_t s = 0;
    for (uint32_t k = 0; k < at && k < len; k++)
        if (text[k] == '\n') s = k + 1;
    uint32_t e = s;
    while (e < len && text[e] != '\n') e++;
    while (s < e && text[s] == ' ') s++;
    *ls = s;
    *le = e;
}

/* What to change in the settings when a write root (the entry at
 * allow_at) is refused beside a deny entry whose "**" holds it (the root
 * /r/b beside the deny of .env anywhere under /r): srt writes there but
 * for the deny's matches,
 * while buckle also keeps every directory that may hold one from being
 * moved or removed, which the root would grant.  0 when d is not that. */
static int root_fix(srt_in *in, const diag *d, const char *text, size_t len, span allow_at, strbuf *help)
{
    if (!d->code || strcmp(d->code, BK2005)) return 0;
    const char *allow = entry_text(in->dl->a, allow_at), *deny = NULL;
    for (const diag_note *n = d->notes; n && allow && !deny; n = n->next) {
        if (!n->at.src || !n->at.src->name || strcmp(n->at.src->name, "import.buckle")) continue;
        uint32_t ls, le;
        line_at(text, len, n->at.start, &ls, &le);
        span at = entry_at(in, text + ls, le - ls);
        if (at.end && at.start != allow_at.start) deny = entry_text(in->dl->a, at);
    }
    const char *dd = deny ? strstr(deny, "/**/") : NULL;
    if (!dd) return 0;
    size_t pl = (size_t)(dd - deny), al = strlen(allow);
    if (al <= pl || memcmp(allow, deny, pl) || allow[pl] != '/') return 0;
    sb_printf(help, "srt writes in \"%s\" everything but what \"%s\" matches; buckle also keeps every directory that may "
                    "hold such a file from being moved or removed, which this write root would allow inside it. "
                    "Start the deny at the root instead: \"%s/**/%s\" in denyWrite (one entry per write root under \"%.*s\"), "
                    "or, where all of \"%.*s\" may be written, that as the root in allowWrite",
              allow, deny, allow, dd + 4, (int)(pl ? pl : 1), pl ? deny : "/", (int)(pl ? pl : 1), pl ? deny : "/");
    return 1;
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
        /* the same error at the same place once (two implied rules of one
         * final deny may each give it) */
        int again = 0;
        for (const diag *o = dl.head; o != d && !again; o = o->next)
            again = o->sev == SEV_ERROR && !o->suppressed && o->at.src == d->at.src && o->at.start == d->at.start &&
                    !strcmp(o->msg, d->msg);
        if (again) continue;
        uint32_t line = 1, ls = 0;
        for (uint32_t k = 0; d->at.src && k < d->at.start && k < len; k++)
            if (text[k] == '\n') { line++; ls = k + 1; }
        uint32_t le = ls;
        while (le < len && text[le] != '\n') le++;
        while (ls < le && text[ls] == ' ') ls++;
        int own = d->at.src && d->at.src->name && !strcmp(d->at.src->name, "import.buckle");   /* not in what it extends */
        if (!own) ls = le = 0;
        span at = own ? entry_at(in, text + ls, le - ls) : (span){ in->src, 0, 0 };
        diag *e = own ? diag_add(in->dl, SEV_ERROR, NULL, at, "%s does not compile (line %u of the translation: %.*s): %s",
                                 at.end ? "this entry's translation" : "the translation", line,
                                 (int)(le - ls > 120 ? 120 : le - ls), text + ls, d->msg)
                      : diag_add(in->dl, SEV_ERROR, NULL, at, "the translation does not compile: %s", d->msg);
        strbuf fix;
        sb_init(&fix);
        if (own && root_fix(in, d, text, len, at, &fix)) diag_help(in->dl, e, "%s", sb_cstr(&fix));
        else if (d->help) diag_help(in->dl, e, "%s", d->help);
        sb_free(&fix);
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

static int import_srt_in(srt_in *inp, strbuf *out, diag_list *dl, const source *src, const compile_opts *co)
{
    srt_in in = *inp;
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

int import_srt(strbuf *out, diag_list *dl, const source *src, const compile_opts *co)
{
    srt_in in;
    memset(&in, 0, sizeof in);
    in.from[0] = json_object();
    in.from[1] = json_object();
    int rc = import_srt_in(&in, out, dl, src, co);
    json_decref(in.from[0]);
    json_decref(in.from[1]);
    return rc;
}
