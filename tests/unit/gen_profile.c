/* gen_profile.c - the random profile generator of the differential check
 * (see gen_profile.h).  Paths come from a small universe (/a, b, c, bc, b.c,
 * the parameter values) so that rules of different shapes meet often. */
#include "gen_profile.h"
#include <stdio.h>
#include <string.h>

static const gen_shape_info shape_table[GS_COUNT] = {
    [GS_LITERAL] = { "literal", "literal path", "literal \"/a/b\"" },
    [GS_SUBPATH] = { "subpath", "subpath, written bare or with the kind", "\"/a/b\", subpath \"/a\"" },
    [GS_PREFIX] = { "prefix", "string prefix, whole and partial last component", "prefix \"/a/b\"" },
    [GS_PREFIX_SLASH] = { "prefix-slash", "a prefix ending in `/` (after text or a parameter): the `/` is kept",
                          "prefix \"/a/b/\", prefix \"$P/\"" },
    [GS_GLOB_STAR] = { "glob-star", "`*` as a whole component and inside one", "glob \"/a/b*\", glob \"/a/*/c\"" },
    [GS_GLOB_QMARK] = { "glob-qmark", "`?`", "glob \"/a/b?\"" },
    [GS_GLOB_TRAIL] = { "glob-trail", "trailing `/**` (matches the directory itself)", "glob \"/a/b/**\"" },
    [GS_GLOB_INNER] = { "glob-inner", "`**` as an inner component", "glob \"/a/**/c\"" },
    [GS_GLOB_DOUBLE] = { "glob-double", "`**/**`, trailing and inner", "glob \"/a/b/**/**\"" },
    [GS_BRACKET] = { "bracket", "bracket expressions: sets and ranges", "glob \"/a/b[a-c]\"" },
    [GS_BRACKET_NEG] = { "bracket-neg", "negated bracket expressions, with `!` or `^` (never `/`)", "glob \"/a/b[^x]c\"" },
    [GS_BRACKET_SLASH] = { "bracket-slash", "ranges that span `/` (never `/`)", "glob \"/a/b[+-0]c\"" },
    [GS_GLOB_UTF8] = { "glob-utf8", "`?` and negated brackets against multi-byte characters (one character each)",
                       "glob \"/a/b?\" vs /a/b\xc3\xa9" },
    [GS_ESCAPE] = { "escape", "escaped glob characters (part of the fixed part)", "glob \"/a/x\\\\*y/c\"" },
    [GS_BRACKET_EDGE] = { "bracket-edge", "bracket expressions with `]` first and `-` at either end, plain and negated",
                          "glob \"/a/b[]c]\", glob \"/a/b[-c]\", glob \"/a/b[!]-]\"" },
    [GS_GLOB_PARAM_END] = { "glob-param-end", "a parameter as the last component of a glob, after `*` or `**`",
                            "glob \"/a/*/$USER\", glob \"/a/**/${USER}\"" },
    [GS_GLOB_ROOT] = { "glob-root", "globs whose fixed part is the root alone", "glob \"/**\", glob \"/**/b\", glob \"/*\"" },
    [GS_ALIAS_ROOT] = { "alias-root", "globs whose first component is a pattern that matches `tmp`, `var` or `etc` "
                        "(the kernel sees `/private/tmp/...`), and regexes written against either spelling",
                        "glob \"/t*/b\", glob \"/[tv]*\", regex \"^/(private/)?tmp/b\"" },
    [GS_REGEX_GROUP_ALT] = { "regex-group-alt", "alternatives inside a group, some holding `/`, after the fixed part",
                             "regex \"^/a/(b|c/d)(/.*)?$\"" },
    [GS_REGEX] = { "regex", "anchored and unanchored regexes, `.`, classes, groups, suffixes", "regex \"^/a/b(/.*)?$\"" },
    [GS_REGEX_ALT] = { "regex-alt", "regexes with top-level alternatives", "regex \"^/a/b/c$|^/a/bc\"" },
    [GS_PARAM_START] = { "param-start", "a parameter at the start of a path", "\"$P/b\"" },
    [GS_PARAM_MID] = { "param-mid", "a parameter in the middle of a path", "\"/a/$USER/c\"" },
    [GS_PARAM_END] = { "param-end", "a parameter at the end of a path", "\"/a/$USER\"" },
    [GS_PARAM_GLUED] = { "param-glued", "a path parameter glued to the text or parameter before it, or to the text after it",
                         "\"/a$P/c\", \"$P$Q\", \"/t$USER\", \"${P}p\"" },
    [GS_PARAM_TWO] = { "param-two", "two parameters in one path", "\"$P/b/$USER\", \"~/$USER\"" },
    [GS_PARAM_PATTERN] = { "param-pattern", "parameters inside globs and regexes", "glob \"$P/*\", regex \"^$P/b\"" },
    [GS_TILDE] = { "tilde", "`~` and `$HOME`", "\"~/.ssh\"" },
    [GS_FINAL] = { "final", "`final` on rules of every matcher kind", "deny final read glob \"/a/**\"" },
    [GS_FINAL_ELSEWHERE] = { "final-elsewhere", "a final rule and an opposite rule rooted elsewhere (parameter vs written-out value), "
                             "and an opposite final rule that meets it without lying inside",
                             "deny final read \"$P/b\" + allow read literal \"/a/b/b/c\", allow final read glob \"$P/b*\"" },
    [GS_FINAL_GLUED] = { "final-glued", "a final rule on a path that a value glued to text or a root value makes "
                         "(`/tmp/b` from `\"${P}p/b\"` with P=/tm, `\"$P$USER/b\"`, `\"$P/$USER/b\"`, `\"~/$USER/b\"`) and a final "
                         "rule of the other action on a written path, of any kind, over reading, writing, linking and metadata",
                         "deny final read \"${P}p/b\" + allow final file-link literal \"/private/tmp/b/c\"" },
    [GS_FINAL_UNFILTERED] = { "final-unfiltered", "a final rule without a matcher (every object of its operations) beside "
                              "path rules, whose traversal it decides", "deny final read; allow write \"/a/b\"" },
    [GS_FINAL_MOVES] = { "final-moves", "a final deny (reading, writing, one operation) of a literal, subpath, prefix or glob "
                         "(`*` and `**` before its last component, a trailing `**`, bracket classes plain and negated, "
                         "with `-` first or last) beside grants of writing, cloning, linking "
                         "and mounting above it: the path, its ancestors and the directories inside its wildcards are asked "
                         "about moving, cloning, linking and mounting, and the path in another case of its letters about creating it",
                         "deny final write glob \"$WORKDIR/.git/modules/**/hooks\", deny final read glob \"/a/b[a-]/c\"" },
    [GS_SRT_ROOTS] = { "srt-roots", "profiles shaped like `buckle import --from srt` output: `$WORKDIR`, `~`, path and pattern "
                       "write roots, denies above and inside them, final or not, srt's own protections",
                       "allow write regex \"^${HOME}(/p/[^/]*)$$\"; deny final read \"~/p/a/secret\"" },
    [GS_DEFAULT_ALLOW] = { "default-allow", "`default allow` (else deny)", "default allow;" },
    [GS_NAMES] = { "names", "mach, sysctl and ipc names: exact, prefix, regex, local", "mach { allow lookup prefix \"com.a\"; }" },
    [GS_NAME_PARAM] = { "name-param", "names that start with a parameter (a name, never the root of a path)",
                        "mach { allow lookup regex \"^${USER}\\\\.a$\"; }" },
    [GS_PORTS] = { "ports", "IP rules: localhost and *, numeric ports and *, no matcher", "\"localhost:80\", \"*:*\"" },
    [GS_PORT_ZERO] = { "port-zero", "ports with leading zeros (must be rejected, BK2011)", "\"localhost:080\"" },
    [GS_SOCKET] = { "socket", "unix-socket and process-exec path rules", "network { allow unix-connect \"/a/b\"; }" },
    [GS_TARGETS] = { "targets", "process targets of signal and info, which may hold each other (self is same-sandbox "
                     "and pgrp, children same-sandbox)", "process { allow signal target \"self\"; }" },
    [GS_RAW] = { "raw", "raw sbpl rules of either action (paths, parameters, require-not carve-outs) beside final rules",
                 "sbpl \"\"\"(allow file-read* (subpath \"/a/b\"))\"\"\";" },
    [GS_RAW_SPELLING] = { "raw-spelling", "raw sbpl paths spelled other than canonically (trailing `/`, `//`, `.`, `..`): "
                          "checked against final rules as written and canonically",
                          "(subpath \"/Users/\"), (literal \"/a//b\"), (subpath \"/z/../a\")" },
    [GS_RAW_PARAM] = { "raw-param", "raw strings with `string-append` of text and one or two parameters, derived names "
                       "(`P.dir`, `HOME.dir`, `P.re`) among them",
                       "(subpath (string-append (param \"Q.dir\") (param \"USER\")))" },
    [GS_RAW_LOGIC] = { "raw-logic", "raw filters combined: `require-any`, `require-all`, `require-not`, several strings "
                       "in one filter, sibling filters", "(require-all (subpath \"/a\") (require-not (literal \"/a/b\")))" },
    [GS_RAW_OPS] = { "raw-ops", "raw rules with two operations, an operation bound to a name (`define`, `let`) or "
                     "chosen by an `if`",
                     "(allow file-read-data file-write* ...), (let ((op3 'file-read*)) (allow op3 ...))" },
    [GS_RAW_NESTED] = { "raw-nested", "rules nested in `sbpl verbatim` forms: `begin`, `let`, `if` (also never taken), "
                        "`when`, a function's body (also never called)",
                        "(if (param \"P\") (allow file-read* (subpath \"/a\")))" },
    [GS_RAW_NAMES] = { "raw-names", "raw mach rules on global names (exact, prefix, regex, with a parameter) beside "
                       "final mach rules", "(allow mach-lookup (global-name-prefix \"com.a\"))" },
    [GS_RAW_NOSANDBOX] = { "raw-nosandbox", "raw exec allows `(with no-sandbox)` or `(with no-profile)`, in the rule or "
                           "bound to a name (BK2005 beside any final deny)",
                           "(allow process-exec (with no-sandbox) (subpath \"/a/b\"))" },
    [GS_VAL_ROOT] = { "val-root", "a parameter value `/`", "P=/" },
    [GS_VAL_USR] = { "val-usr", "a parameter value `/usr`", "P=/usr" },
    [GS_VAL_HOME] = { "val-home", "a parameter equal to HOME, another inside it", "P=HOME=/Users/test" },
    [GS_VAL_META] = { "val-meta", "values with `.+[](){}^$|?*\\`", "Q=/a/p(1)[x]{2}^$|?*\\" },
    [GS_VAL_QUOTE] = { "val-quote", "values with quotes", "P=/a/it\"s" },
    [GS_VAL_SPACE] = { "val-space", "values with spaces", "P=/a/my dir" },
    [GS_VAL_UTF8] = { "val-utf8", "values in UTF-8", "P=/a/caf\xc3\xa9" },
    [GS_VAL_LONG] = { "val-long", "values near the 1,024-byte string literal limit, ASCII and UTF-8 (literals split)",
                      "P=/a/xxx...x (1,020 bytes)" },
    [GS_VAL_MULTI] = { "val-multi", "a relative value of several components (with `/`) in the middle of a path, "
                       "alone and glued to text", "USER=b/c: \"/a/$USER/c\", \"/a/b${USER}\"" },
    [GS_VAL_ALIAS] = { "val-alias", "values that make a path's first component `/tmp`, `/var` or `/etc` (the kernel "
                       "sees `/private/...`): after the root, after a parameter `/`, glued to text",
                       "P=/ USER=tmp: \"$P/$USER\", \"/$USER\"; USER=mp: \"/t$USER\"" },
    [GS_VAL_TRAIL] = { "val-trail", "absolute values with a trailing `/` or `//`, and values under `/tmp`, `/var`, `/etc` "
                       "(canonical without it, under `/private`)", "P=/a/b/ HOME=/Users/test// Q=/tmp/w" },
    [GS_VAL_REFUSED] = { "val-refused", "values docs/language.md refuses: empty, a `.` or `..` component, a relative value "
                         "inside a path that has one (-D must refuse them)", "P= , Q=/a/../b, USER=.." },
    [GS_ALIAS_CASE] = { "alias-case", "a `/private` alias in another case of its letters (`/TMP`, `/Tmp`, `/tMp`, `/VAR`, "
                        "`/Etc`): written, after a root parameter, glued to a parameter, a value's, `prefix \"/$USER\"` "
                        "(USER=tmp: `/tmp` and `/tmpx`); a final deny on one side and an allow, final or not, on the "
                        "other spelling (`/tmp`, `/private/tmp`, `/tmpx`)",
                        "deny final read \"$P/TMP/s\" + allow read \"/private/tmp/s\", deny final read prefix \"/$USER\" + "
                        "allow final read \"/tmpx/y\"" },
    [GS_FINAL_CASE] = { "final-case", "final rules that meet in another case: a parameter glued on either side "
                        "(`prefix \"/t${USER}\"` vs `\"/T${USER}\"`), raw regex and literal rules beside a glued "
                        "parameter's final rule, a value with no written letter around it (`\"/1/${USER}\"`), "
                        "letters beyond ASCII with case variants (\xc3\xa9 \xc3\x89, "
                        "\xcf\x83 \xcf\x82 \xce\xa3, \xce\xb2 \xcf\x90, \xce\xb8 \xcf\x91 \xcf\xb4), a final write "
                        "regex on a root parameter (`^$WORKDIR/\\\\.git/hooks/`) beside an allow of writing the root, "
                        "asked in other cases of its letters",
                        "deny final read prefix \"/q/t${USER}\" + (allow file-read-data (regex #\"^/q/tax\")), "
                        "deny final write \"/q/\xce\xb2\"" },
    [GS_VAL_CASE] = { "val-case", "values in other cases: an alias (`USER=TMP`, `USER=Tmp`, `USER=MP`, `P=/TM`), "
                      "`USER=tmp` (a prefix of `/tmpx`), text a glued rule completes (`USER=ax`), letters "
                      "(`USER=\xc3\x89`, `Q=/q/\xce\x92`)", "USER=TMP P=/, USER=mp P=/Tm" },
};

const gen_shape_info *gen_shape_get(gen_shape s) { return &shape_table[s]; }

int gen_shape_lookup(const char *name)
{
    for (int i = 0; i < GS_COUNT; i++)
        if (!strcmp(shape_table[i].name, name)) return i;
    return -1;
}

unsigned gen_rnd(gen_rng *r)
{
    r->s = r->s * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)(r->s >> 33);
}

#define BIT(s) (1ull << (s))
#define ON(en, s) (((en) >> (s)) & 1)

static int chance(gen_rng *r, unsigned pct) { return gen_rnd(r) % 100 < pct; }
static const char *pick(gen_rng *r, const char *const *v, size_t n) { return v[gen_rnd(r) % n]; }
#define PICK(r, arr) pick(r, arr, sizeof arr / sizeof arr[0])

/* ---- paths ------------------------------------------------------------------- */

/* A glob or path as tokens: each token is glob text and the texts that may
 * stand for it in an object (the first is the plain reading). */
typedef struct tok { const char *text; const char *inst[4]; int ninst; } tok;
typedef struct pathb {
    tok t[16];
    int n;
    uint64_t shapes;
} pathb;

static void push(pathb *p, const char *text, int ninst, const char *i0, const char *i1, const char *i2, const char *i3)
{
    if (p->n >= 16) return;
    tok *t = &p->t[p->n++];
    t->text = text;
    t->ninst = ninst;
    t->inst[0] = i0; t->inst[1] = i1; t->inst[2] = i2; t->inst[3] = i3;
}
static void lit(pathb *p, const char *s) { push(p, s, 1, s, NULL, NULL, NULL); }

typedef struct root { const char *text; int shape; int param_inside; } root;
static const root roots[] = {
    { "/a", -1, 0 }, { "/a", -1, 0 }, { "/a/b", -1, 0 }, { "/Users/test", -1, 0 },
    { "$P", GS_PARAM_START, 1 }, { "$Q", GS_PARAM_START, 1 }, { "${P}", GS_PARAM_START, 1 },
    { "~", GS_TILDE, 1 }, { "$HOME", GS_TILDE, 1 },
    { "/a/$USER", GS_PARAM_MID, 1 }, { "/a$P", GS_PARAM_GLUED, 1 }, { "/Users/$USER", GS_PARAM_MID, 1 },
    { "$P/b/$USER", GS_PARAM_TWO, 1 }, { "$P$Q", GS_PARAM_GLUED, 1 }, { "~/$USER", GS_PARAM_TWO, 1 },
    { "/a/b${USER}", GS_PARAM_GLUED, 1 }, { "$P/$USER", GS_PARAM_TWO, 1 }, { "/$USER", GS_PARAM_MID, 1 },
    { "/t$USER", GS_PARAM_GLUED, 1 }, { "${P}p", GS_PARAM_GLUED, 1 },
};
static const char *const comps[] = { "b", "c", "bc", "b.c", ".ssh", "b" };

/* a root and 0-2 components; pattern: the path becomes a glob or regex */
static void base_path(pathb *p, gen_rng *r, uint64_t en, int pattern, int mincomps)
{
    const root *cand[32];
    int nc = 0, ncomp = mincomps + (int)(gen_rnd(r) % 3);
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        const root *x = &roots[i];
        if (x->shape >= 0 && !ON(en, x->shape) && !(x->shape == GS_PARAM_MID && ON(en, GS_PARAM_END))) continue;
        if (pattern && x->param_inside && !ON(en, GS_PARAM_PATTERN)) continue;
        cand[nc++] = x;
    }
    const root *x = cand[gen_rnd(r) % (unsigned)nc];
    if (x->shape == GS_PARAM_MID) {                 /* middle or end, by what follows */
        if (!ON(en, GS_PARAM_MID)) ncomp = 0;
        else if (!ON(en, GS_PARAM_END) && ncomp == 0) ncomp = 1;
        p->shapes |= BIT(ncomp ? GS_PARAM_MID : GS_PARAM_END);
    } else if (x->shape >= 0) {
        p->shapes |= BIT(x->shape);
    }
    if (pattern && x->param_inside) p->shapes |= BIT(GS_PARAM_PATTERN);
    lit(p, x->text);
    for (int i = 0; i < ncomp; i++) { lit(p, "/"); lit(p, PICK(r, comps)); }
}

/* a glob item that matches one character, and characters of one to four
 * bytes ("\xe2\x82" above is a cut-off one: never a whole character) */
static const char *const utf8_one[] = { "?", "[!x]", "[!a-c]", "?" };
static const char *const utf8_chars[] = { "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "z", "\xc3\xa9z" };

static void glob_piece(pathb *p, gen_rng *r, uint64_t en)
{
    int cand[GS_COUNT], nc = 0;
    for (int s = GS_GLOB_STAR; s <= GS_GLOB_PARAM_END; s++) if (ON(en, s)) cand[nc++] = s;
    if (!nc) return;
    int s = cand[gen_rnd(r) % (unsigned)nc];
    p->shapes |= BIT(s);
    switch (s) {
    case GS_GLOB_STAR:
        lit(p, "/");
        switch (gen_rnd(r) % 3) {
        case 0: push(p, "*", 4, "z", "", "b", ".h"); break;
        case 1: lit(p, "b"); push(p, "*", 4, "", "c", "/c", "*"); break;
        default: push(p, "*", 3, "z", "b", "x/y", NULL); lit(p, "c"); break;
        }
        break;
    case GS_GLOB_QMARK:
        lit(p, "/");
        lit(p, "b");
        push(p, "?", 4, "c", "/", "?", "");
        break;
    case GS_GLOB_TRAIL:
        lit(p, "/");
        push(p, "**", 4, "", "z", "z/y", "c");
        return;                                    /* nothing after a trailing ** */
    case GS_GLOB_INNER:
        lit(p, "/");
        push(p, "**", 4, "", "z", "z/y", "b");
        lit(p, "/");
        lit(p, PICK(r, comps));
        break;
    case GS_GLOB_DOUBLE:
        lit(p, "/");
        push(p, "**/**", 4, "", "z", "z/y/x", "b");
        if (chance(r, 50)) { lit(p, "/"); lit(p, "c"); }
        else return;
        break;
    case GS_BRACKET:
        lit(p, "/");
        if (chance(r, 50)) { push(p, "[bc]", 4, "b", "c", "/", "x"); }
        else { lit(p, "b"); push(p, "[a-c]", 4, "c", "a", "/", "d"); }
        break;
    case GS_BRACKET_NEG:
        lit(p, "/");
        lit(p, "b");
        {   /* a glob negates with '!' or '^' */
            static const char *const neg[] = { "[!x]", "[!a-c]", "[^x]", "[^a-c]" };
            push(p, PICK(r, neg), 4, "/", "x", "z", "b");
        }
        if (chance(r, 50)) lit(p, "c");
        break;
    case GS_BRACKET_SLASH:
        lit(p, "/");
        lit(p, "b");
        push(p, chance(r, 50) ? "[+-0]" : "[!.-0]", 4, "/", ",", "0", "z");
        lit(p, "c");
        break;
    case GS_GLOB_UTF8:                             /* one character, however many bytes */
        lit(p, "/");
        lit(p, "b");
        push(p, PICK(r, utf8_one), 4, PICK(r, utf8_chars), PICK(r, utf8_chars), "\xc3\xa9\xc3\xa9", "\xe2\x82");
        if (chance(r, 50)) lit(p, chance(r, 50) ? "c" : "\xc3\xa9");
        break;
    case GS_ESCAPE:
        lit(p, "/");
        switch (gen_rnd(r) % 3) {
        case 0: push(p, "x\\*y", 2, "x*y", "xzy", NULL, NULL); break;
        case 1: push(p, "b\\?", 2, "b?", "bc", NULL, NULL); break;
        default: push(p, "\\[b]", 2, "[b]", "b", NULL, NULL); break;
        }
        if (chance(r, 60)) { lit(p, "/"); lit(p, PICK(r, comps)); }
        break;
    case GS_BRACKET_EDGE:                          /* ']' first, '-' first or last: members, not syntax */
        lit(p, "/");
        lit(p, "b");
        switch (gen_rnd(r) % 8) {
        case 0: push(p, "[]c]", 4, "]", "c", "b", "/"); break;
        case 1: push(p, "[-c]", 4, "-", "c", "b", "/"); break;
        case 2: push(p, "[c-]", 4, "-", "c", "b", "d"); break;
        case 3: push(p, "[]-]", 4, "]", "-", "c", "/"); break;
        case 4: push(p, "[!]]", 4, "c", "]", "/", "-"); break;
        case 5: push(p, "[!c-]", 4, "b", "-", "c", "/"); break;
        case 6: push(p, "[^-c]", 4, "b", "-", "c", "C"); break;
        default: push(p, "[!-c]", 4, "b", "-", "c", "/"); break;
        }
        if (chance(r, 50)) lit(p, "c");
        break;
    case GS_GLOB_PARAM_END:                        /* a parameter last, after a wildcard */
        lit(p, "/");
        if (chance(r, 50)) push(p, "*", 3, "z", "b", "x/y", NULL);
        else push(p, "**", 4, "", "z", "z/y", "b");
        lit(p, "/");
        lit(p, chance(r, 50) ? "$USER" : "${USER}");
        p->shapes |= BIT(GS_PARAM_PATTERN);
        break;
    }
}

static char *join(arena *a, const pathb *p, int which, gen_rng *r)
{
    strbuf b;
    sb_init(&b);
    for (int i = 0; i < p->n; i++) {
        const tok *t = &p->t[i];
        if (which < 0) sb_puts(&b, t->text);
        else sb_puts(&b, t->inst[which == 0 ? 0 : (int)(gen_rnd(r) % (unsigned)t->ninst)]);
    }
    char *s = arena_strdup(a, sb_cstr(&b));
    sb_free(&b);
    return s;
}

/* buckle string quoting: \ and " escaped */
static void quoted(strbuf *b, const char *s)
{
    sb_putc(b, '"');
    for (; *s; s++) {
        if (*s == '\\' || *s == '"') sb_putc(b, '\\');
        sb_putc(b, *s);
    }
    sb_putc(b, '"');
}

static const char *const group_alts[] = { "/(b|c/d)", "(/b|/c/d|)", "/(b(c|/d)|\\.ssh)", "(|/b)/c" };

/* regex text for a path: metacharacters escaped, parameters kept */
static void regex_path(strbuf *b, const char *s)
{
    for (; *s; s++) {
        if (s[0] == '$' && s[1] == '{') {           /* ${NAME} stays a parameter */
            const char *e = strchr(s, '}');
            sb_add(b, s, (size_t)(e - s) + 1);
            s = e;
            continue;
        }
        if (strchr(".+*?()[]{}^|\\", *s)) sb_putc(b, '\\');
        sb_putc(b, *s);
    }
}

static void add_seed(gen_item *it, arena *a, const char *s, int kind)
{
    if (it->nseeds < GEN_MAX_SEEDS) {
        it->seed_kind[it->nseeds] = kind;
        it->seeds[it->nseeds++] = arena_strdup(a, s);
    }
}

enum { K_LITERAL, K_SUBPATH, K_PREFIX, K_GLOB, K_REGEX, K_REGEX_ALT, K_NKINDS };

static int path_kind(gen_rng *r, uint64_t en)
{
    int cand[K_NKINDS + 1], nc = 0;       /* a glob counts twice */
    if (ON(en, GS_LITERAL)) cand[nc++] = K_LITERAL;
    if (ON(en, GS_SUBPATH)) cand[nc++] = K_SUBPATH;
    if (ON(en, GS_PREFIX)) cand[nc++] = K_PREFIX;
    for (int s = GS_GLOB_STAR; s <= GS_ALIAS_ROOT; s++) if (ON(en, s)) { cand[nc++] = K_GLOB; cand[nc++] = K_GLOB; break; }
    if (ON(en, GS_REGEX)) cand[nc++] = K_REGEX;
    if (ON(en, GS_REGEX_ALT)) cand[nc++] = K_REGEX_ALT;
    return nc ? cand[gen_rnd(r) % (unsigned)nc] : -1;
}

/* One path matcher of kind k into b; seeds into it.  Returns its shapes. */
static uint64_t path_matcher(strbuf *b, gen_item *it, arena *a, gen_rng *r, uint64_t en, int k, const char *fixed_root)
{
    pathb p;
    memset(&p, 0, sizeof p);
    if (fixed_root) { lit(&p, fixed_root); if (chance(r, 50)) { lit(&p, "/"); lit(&p, PICK(r, comps)); } }
    else base_path(&p, r, en, k >= K_GLOB, 0);
    switch (k) {
    case K_LITERAL: sb_puts(b, "literal "); p.shapes |= BIT(GS_LITERAL); break;
    case K_SUBPATH: if (chance(r, 50)) sb_puts(b, "subpath "); p.shapes |= BIT(GS_SUBPATH); break;
    case K_PREFIX:
        sb_puts(b, "prefix ");
        if (chance(r, 40)) {                       /* a partial last component */
            const char *last = p.t[p.n - 1].text;
            if (!strcmp(last, "~")) p.t[p.n - 1].text = p.t[p.n - 1].inst[0] = "${HOME}";
            else if (strchr(last, '$') && strspn(strrchr(last, '$') + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_")
                                              == strlen(strrchr(last, '$') + 1)) {   /* "/a/$USER" -> "/a/${USER}" */
                const char *d = strrchr(last, '$');
                char *t = arena_printf(a, "%.*s${%s}", (int)(d - last), last, d + 1);
                p.t[p.n - 1].text = p.t[p.n - 1].inst[0] = t;
            }
            lit(&p, "b");
        } else if (ON(en, GS_PREFIX_SLASH) && chance(r, 40)) {   /* "/a/b/", "$P/": strings below only */
            lit(&p, "/");
            p.shapes |= BIT(GS_PREFIX_SLASH);
        }
        p.shapes |= BIT(GS_PREFIX);
        break;
    case K_GLOB: {
        sb_puts(b, "glob ");
        if (ON(en, GS_GLOB_ROOT) && !fixed_root && chance(r, 10)) {   /* the root alone, then wildcards */
            p.n = 0;
            p.shapes = BIT(GS_GLOB_ROOT);
            lit(&p, "/");
            switch (gen_rnd(r) % 4) {
            case 0: push(&p, "**", 4, "", "a", "a/b", "Users/test"); break;
            case 1: push(&p, "**", 4, "", "a", "a/b/b", "b"); lit(&p, "/"); lit(&p, "b"); break;
            case 2: push(&p, "*", 4, "a", "b", "", "Users"); break;
            default: push(&p, "**/**", 4, "", "a", "a/b", "b/c"); break;
            }
            break;
        }
        if (ON(en, GS_ALIAS_ROOT) && !fixed_root && chance(r, 12)) {   /* a first component that may be an alias */
            /* with a value in it ("/${USER}*", USER=tmp) or after a root
             * parameter ("$P/t*", P=/) as well */
            static const char *const first[] = { "t*", "?mp", "[tv]*", "*", "[!x]tc", "e*c", "[a-u]mp", "va?",
                                                 "${USER}*", "${USER}?" };
            p.n = 0;
            p.shapes = BIT(GS_ALIAS_ROOT);
            if (ON(en, GS_PARAM_PATTERN) && chance(r, 25)) {
                lit(&p, chance(r, 50) ? "$P" : "${Q}");
                p.shapes |= BIT(GS_PARAM_PATTERN);
            }
            lit(&p, "/");
            const char *f = PICK(r, first);
            if (strchr(f, '$')) {
                if (!ON(en, GS_PARAM_PATTERN)) f = "t*";
                else p.shapes |= BIT(GS_PARAM_PATTERN);
            }
            push(&p, f, 4, "tmp", "private/tmp", "var", "private/etc");
            if (chance(r, 60)) { lit(&p, "/"); lit(&p, PICK(r, comps)); }
            if (chance(r, 30)) glob_piece(&p, r, en);
            break;
        }
        int before = p.n;
        glob_piece(&p, r, en);
        if (p.n > before && p.t[p.n - 1].text[0] != '*' && chance(r, 30)) glob_piece(&p, r, en);
        if (p.n > 0 && !strcmp(p.t[p.n - 1].text, "**")) { /* keep a trailing ** last */ }
        break;
    }
    default: break;
    }
    if (k <= K_GLOB) {
        const char *text = join(a, &p, -1, r);
        quoted(b, text);
        add_seed(it, a, join(a, &p, 0, r), 0);
        for (int i = 0; i < (k == K_GLOB ? 4 : 1); i++) add_seed(it, a, join(a, &p, 1, r), 0);
        return p.shapes;
    }
    /* regexes: built from the plain path (a regex has no ~: $HOME) */
    const char *path = join(a, &p, 0, r);
    if (path[0] == '~') path = arena_printf(a, "$HOME%s", path + 1);
    strbuf re;
    sb_init(&re);
    static const char *const suffix[] = { "$", "(/.*)?$", "/[^/]*$", "", ".*", "/.+", "/?$" };
    if (k == K_REGEX && ON(en, GS_ALIAS_ROOT) && chance(r, 12)) {   /* written against /tmp or /private/tmp */
        static const char *const res[] = { "^/t[^/]*/b(/.*)?$", "^/(private/)?tmp/b", "^/[tv][a-z]*(/.*)?$",
                                           "^/private/(tmp|var)/b$", "^/private/etc" };
        sb_puts(b, "regex ");
        quoted(b, PICK(r, res));
        /* as the kernel presents them: under /private (a regex is matched
         * against that path, docs/language.md) */
        static const char *const objs[] = { "/private/tmp/b", "/private/var/b", "/private/etc/b/c", "/private/etc",
                                            "/private/tmpx/b" };
        for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) add_seed(it, a, objs[i], 0);
        return BIT(GS_ALIAS_ROOT) | BIT(GS_REGEX);
    }
    if (k == K_REGEX) {
        p.shapes |= BIT(GS_REGEX);
        if (chance(r, 85)) sb_putc(&re, '^');
        if (chance(r, 25)) { sb_puts(&re, path); }    /* unescaped: `.` is any character */
        else regex_path(&re, path);
        if (chance(r, 25)) sb_puts(&re, chance(r, 50) ? "/(b|c)" : "/b[cd]");
        else if (ON(en, GS_REGEX_GROUP_ALT) && chance(r, 20)) {   /* alternatives in a group, one with a / */
            sb_puts(&re, PICK(r, group_alts));
            p.shapes |= BIT(GS_REGEX_GROUP_ALT);
        }
        sb_puts(&re, PICK(r, suffix));
    } else {
        p.shapes |= BIT(GS_REGEX_ALT);
        pathb q;
        memset(&q, 0, sizeof q);
        base_path(&q, r, en, 1, 0);
        p.shapes |= q.shapes;
        const char *path2 = join(a, &q, 0, r);
        if (path2[0] == '~') path2 = arena_printf(a, "$HOME%s", path2 + 1);
        sb_putc(&re, '^');
        regex_path(&re, path);
        sb_puts(&re, chance(r, 50) ? "/c" : "");
        sb_puts(&re, PICK(r, suffix));
        sb_puts(&re, "|^");
        regex_path(&re, path2);
        sb_puts(&re, PICK(r, suffix));
        if (chance(r, 30)) { sb_puts(&re, "|^/a/b/c/key"); add_seed(it, a, "/a/b/c/key", 0); }
        add_seed(it, a, path2, 0);
        add_seed(it, a, arena_printf(a, "%s/c", path2), 0);
    }
    sb_puts(b, "regex ");
    quoted(b, sb_cstr(&re));
    sb_free(&re);
    add_seed(it, a, path, 0);
    add_seed(it, a, arena_printf(a, "%s/c", path), 0);
    add_seed(it, a, arena_printf(a, "%s/b/c", path), 0);
    return p.shapes;
}

/* ---- rules ---------------------------------------------------------------------- */

enum { SEC_FILES, SEC_PROCESS, SEC_NETWORK, SEC_MACH, SEC_SYSCTL, SEC_IPC, SEC_SBPL, SEC_VERBATIM, SEC_N };
static const char *const sec_names[SEC_N] = { "files", "process", "network", "mach", "sysctl", "ipc", "sbpl",
                                              "sbpl verbatim" };

static gen_item *new_item(gen_profile *p, int sec)
{
    if (p->n >= GEN_MAX_ITEMS) return NULL;
    gen_item *it = &p->items[p->n++];
    memset(it, 0, sizeof *it);
    it->section = sec;
    return it;
}

static void finish(gen_profile *p, gen_item *it, strbuf *b, uint64_t shapes)
{
    sb_putc(b, ';');
    it->text = arena_strdup(p->a, sb_cstr(b));
    it->shapes = shapes;
    p->shapes |= shapes;
    sb_free(b);
}

static void head(strbuf *b, gen_rng *r, uint64_t en, uint64_t *shapes, int force_final, const char *action, const char *verb)
{
    sb_puts(b, action ? action : chance(r, 50) ? "allow " : "deny ");
    if (force_final || (ON(en, GS_FINAL) && chance(r, 15))) { sb_puts(b, "final "); *shapes |= BIT(GS_FINAL); }
    sb_puts(b, verb);
    sb_putc(b, ' ');
}

static const char *const file_verbs[] = { "read", "read", "write", "metadata", "file-read-data", "file-write-data",
                                          "read", "write" };

static void files_rule(gen_profile *p, gen_rng *r, uint64_t en)
{
    int k = path_kind(r, en);
    if (k < 0) return;
    gen_item *it = new_item(p, SEC_FILES);
    if (!it) return;
    strbuf b;
    sb_init(&b);
    uint64_t sh = 0;
    head(&b, r, en, &sh, 0, NULL, PICK(r, file_verbs));
    int nm = chance(r, 20) ? 2 : 1;
    for (int i = 0; i < nm; i++) {
        if (i) { sb_puts(&b, ", "); k = path_kind(r, en); }
        sh |= path_matcher(&b, it, p->a, r, en, k, NULL);
    }
    finish(p, it, &b, sh);
}

/* a final deny without a matcher: every object of its operations (an
 * unfiltered allow implies no traversal, docs/language.md) */
static void unfiltered_final(gen_profile *p, gen_rng *r)
{
    static const char *const verbs[] = { "read", "metadata", "write", "file-read-data" };
    gen_item *it = new_item(p, SEC_FILES);
    if (!it) return;
    it->text = arena_printf(p->a, "deny final %s;", PICK(r, verbs));
    it->shapes = BIT(GS_FINAL_UNFILTERED) | BIT(GS_FINAL);
    p->shapes |= it->shapes;
}

/* a final rule under a parameter (or written out) and an opposite rule
 * rooted at the other spelling of the same place */
static void final_pair(gen_profile *p, gen_rng *r, uint64_t en)
{
    static const char *const param_roots[] = { "$P", "~", "$Q" };
    static const char *const written[] = { "/a/b", "/Users/test", "/a/b/c", "/a" };
    int k = path_kind(r, en);
    if (k < 0) return;
    int param_final = chance(r, 60);
    const char *verb = PICK(r, file_verbs);
    int deny_final = chance(r, 75);
    gen_item *f = new_item(p, SEC_FILES), *o;
    if (!f) return;
    strbuf b;
    sb_init(&b);
    uint64_t sh = BIT(GS_FINAL_ELSEWHERE);
    head(&b, r, en, &sh, 1, deny_final ? "deny " : "allow ", verb);
    const char *froot = param_final ? PICK(r, param_roots) : PICK(r, written);
    sh |= path_matcher(&b, f, p->a, r, en, k, froot);
    if (param_final) sh |= BIT(GS_PARAM_START);
    finish(p, f, &b, sh);
    /* a final rule of the other action that meets it without lying inside
     * ("~/.ss*" beside "~/.ssh"): where it outranks it, BK2005 */
    const char *q1 = f->text ? strchr(f->text, '"') : NULL, *q2 = q1 ? strrchr(f->text, '"') : NULL;
    if (q1 && q2 > q1 + 2 && !strpbrk(q1, "*?[\\^") && !strstr(f->text, " regex ") && chance(r, 30) &&
        (o = new_item(p, SEC_FILES))) {                 /* (a regex's text is no path) */
        int ql = (int)(q2 - q1 - 1);
        const char *pat = chance(r, 50) || q1[1] != '/' ? arena_printf(p->a, "glob \"%.*s*\"", ql, q1 + 1)
                          : arena_printf(p->a, "prefix \"%.*s\"", ql - 1, q1 + 1);
        o->text = arena_printf(p->a, "%s final %s %s;", deny_final ? "allow" : "deny", verb, pat);
        o->shapes = BIT(GS_FINAL_ELSEWHERE) | BIT(GS_FINAL);
        p->shapes |= o->shapes;
    }
    if (!(o = new_item(p, SEC_FILES))) return;
    sb_init(&b);
    sh = BIT(GS_FINAL_ELSEWHERE);
    head(&b, r, en, &sh, 0, deny_final ? "allow " : "deny ", PICK(r, file_verbs));
    int ko = path_kind(r, en);
    if (ko >= K_REGEX) ko = K_LITERAL;
    static const char *const deeper[] = { "/a/b/b/c", "/Users/test/.ssh/known_hosts", "/a/b/c/x", "/a/b" };
    static const char *const pdeeper[] = { "$P/c", "~/.ssh/known_hosts", "$Q/x" };
    sh |= path_matcher(&b, o, p->a, r, en, ko < 0 ? K_LITERAL : ko, param_final ? PICK(r, deeper) : PICK(r, pdeeper));
    if (!param_final) sh |= BIT(GS_PARAM_START);
    finish(p, o, &b, sh);
}

/* final-glued: a final rule on a template whose values glue into a path
 * ("${P}p/b" with P=/tm is /tmp/b, which the kernel sees as
 * /private/tmp/b), the other action's final rule on a written path it may
 * then meet; either side is the parameter's, the symbolic check must find
 * the values -D is given (BK2005), or the output must hold for them */
static void final_glued(gen_profile *p, gen_rng *r, uint64_t en)
{
    static const char *const tpl[] = { "${P}p/b", "${P}${USER}/b", "${P}/${USER}/b", "${HOME}/${USER}/b", "~/${USER}/b",
                                       "/t${USER}/b", "${Q}${USER}/b", "/a/b${USER}", "/a/${USER}c/x", "${P}p" };
    static const char *const written[] = { "/tmp/b", "/private/tmp/b", "/tmp", "/private/tmp/b/c", "/a/bc", "/a/btmp",
                                           "/a/tmpc/x", "/tmp/b/c", "/private/tmp" };
    static const char *const verbs[] = { "read", "write", "file-link", "metadata", "file-read-data", "file-write-data",
                                         "read", "write" };
    static const char *const kinds[] = { "", "literal ", "subpath ", "prefix ", "glob ", "regex " };
    static const char *const suffix[] = { "$", "(/.*)?$", "/", "" };
    int param_deny = chance(r, 50);
    const char *verb = PICK(r, verbs);
    for (int side = 0; side < 2; side++) {
        int deny = side == 0, param = deny == param_deny;
        gen_item *it = new_item(p, SEC_FILES);
        if (!it) return;
        const char *path = param ? PICK(r, tpl) : PICK(r, written);
        const char *kind = PICK(r, kinds);
        uint64_t sh = BIT(GS_FINAL_GLUED) | BIT(GS_FINAL);
        if (param) sh |= BIT(GS_PARAM_GLUED);
        strbuf b;
        sb_init(&b);
        sb_printf(&b, "%s final %s %s", deny ? "deny" : "allow", chance(r, 60) ? verb : PICK(r, verbs), kind);
        if (!strcmp(kind, "regex ")) {
            strbuf re;
            sb_init(&re);
            sb_putc(&re, '^');
            regex_path(&re, path[0] == '~' ? arena_printf(p->a, "${HOME}%s", path + 1) : path);
            sb_puts(&re, PICK(r, suffix));
            quoted(&b, sb_cstr(&re));
            sb_free(&re);
            sh |= BIT(GS_REGEX);
        } else {
            quoted(&b, !strcmp(kind, "glob ") && chance(r, 50) ? arena_printf(p->a, "%s/*", path) : path);
        }
        add_seed(it, p->a, path, 0);
        add_seed(it, p->a, arena_printf(p->a, "%s/c", path), 0);
        finish(p, it, &b, sh);
    }
    (void)en;
}

/* alias-case: a path whose first component is tmp, var or etc in another
 * case of its letters (the kernel presents it as /private/tmp, as the
 * volume spells it): a final deny on one spelling, an allow of the same
 * operation (final or not) on the other */
static void alias_case(gen_profile *p, gen_rng *r)
{
    static const char *const cased[] = { "/TMP/s", "/Tmp/s", "/tMp/s", "/VAR/s", "/Etc/s", "/TMP", "/Tmp/s/x",
                                         "$P/TMP/s", "$P/Tmp/s", "${P}/Etc/s", "/T${USER}/s", "/t${USER}/s", "/T${USER}",
                                         "${P}p/s", "${P}P/s", "/${USER}/s", "/${USER}", "$P/${USER}/s", "~/${USER}/s" };
    static const char *const plain[] = { "/tmp/s", "/private/tmp/s", "/private/tmp/s/x", "/tmp/s/x", "/tmpx/y",
                                         "/private/tmpx", "/private/etc/s", "/private/var/s", "/tmp", "/private/tmp" };
    static const char *const pglob[] = { "/tmp?", "/tm?x", "/tmp*x", "/private/tmp/s/x*", "/tmp/s/*" };
    static const char *const kinds[] = { "", "literal ", "subpath ", "prefix ", "glob ", "prefix " };
    static const char *const verbs[] = { "read", "write", "file-read-data", "file-write-create", "read", "metadata" };
    /* as the kernel presents them */
    static const char *const kernel[] = { "/private/tmp/s/x", "/private/tmp/s", "/private/var/s/x", "/private/etc/s/x",
                                          "/private/tmpx/y/z", "/private/tmp/k", "/private/tmp/s/xk", "/private/tmp" };
    int cased_deny = chance(r, 60), allow_final = chance(r, 60);
    const char *verb = PICK(r, verbs);
    for (int side = 0; side < 2; side++) {
        int deny = side == 0, on_cased = deny == cased_deny;
        gen_item *it = new_item(p, SEC_FILES);
        if (!it) return;
        const char *path = on_cased ? PICK(r, cased) : PICK(r, plain), *kind = PICK(r, kinds);
        uint64_t sh = BIT(GS_ALIAS_CASE);
        if (deny || allow_final) sh |= BIT(GS_FINAL);
        if (strchr(path, '$') || path[0] == '~') sh |= BIT(GS_PARAM_GLUED);
        strbuf b;
        sb_init(&b);
        sb_printf(&b, "%s%s %s ", deny ? "deny" : "allow", deny || allow_final ? " final" : "",
                  chance(r, 70) ? verb : PICK(r, verbs));
        if (!on_cased && chance(r, 25)) {
            sb_puts(&b, "glob ");
            quoted(&b, PICK(r, pglob));
        } else {
            sb_puts(&b, kind);
            quoted(&b, !strcmp(kind, "glob ") ? arena_printf(p->a, "%s/%s", path, chance(r, 50) ? "*" : "x*") : path);
        }
        add_seed(it, p->a, path, 0);
        add_seed(it, p->a, arena_printf(p->a, "%s/x", path), 0);
        for (int k = 0; k < 3; k++) add_seed(it, p->a, PICK(r, kernel), 0);
        finish(p, it, &b, sh);
    }
}

static int verb_denies(const char *verb);

/* final-case: a final write deny written as a regex on a root
 * parameter beside an allow of writing the root; its fold in every case
 * of its letters ("^${WORKDIR.fold}/...") decides every write operation,
 * with the values in (what buckle run runs) as without them */
static void final_regex_root(gen_profile *p, gen_rng *r)
{
    static const struct { const char *root, *grant, *seed; } at[] = {
        { "$WORKDIR", "$WORKDIR", "/Users/test/project" }, { "$HOME", "~", "~" }, { "$P", "$P", "$P" }, { "$Q", "$Q", "$Q" },
    };
    /* the regex after the root, and paths it matches in other cases */
    static const struct { const char *re, *as[3]; } tails[] = {
        { "/\\\\.git/hooks/", { "/.git/hooks/pre-commit", "/.GIT/hooks/pre-commit", "/.git/HOOKS/pre-commit" } },
        { "/\\\\.ssh/authorized_keys$", { "/.ssh/authorized_keys", "/.SSH/authorized_keys", "/.ssh/AUTHORIZED_KEYS" } },
        { "/b\\\\.c/(b|c).*", { "/b.c/bx", "/B.C/bx", "/b.c/CX" } },
        { "/x", { "/x", "/X", "/Xy/z" } },
    };
    static const char *const verbs[] = { "write", "write", "file-write-data", "file-write-mode", "file-write-create" };
    static const char *const grants[] = { "write", "write", "file-write-data" };
    unsigned ri = gen_rnd(r) % (sizeof at / sizeof at[0]), ti = gen_rnd(r) % (sizeof tails / sizeof tails[0]);
    gen_item *it;
    if (!(it = new_item(p, SEC_FILES))) return;
    it->text = arena_printf(p->a, "allow %s \"%s\";", PICK(r, grants), at[ri].grant);
    it->shapes = BIT(GS_FINAL_CASE);
    if (!(it = new_item(p, SEC_FILES))) return;
    it->text = arena_printf(p->a, "deny final %s regex \"^%s%s\";", PICK(r, verbs), at[ri].root, tails[ti].re);
    it->shapes = BIT(GS_FINAL_CASE) | BIT(GS_FINAL) | BIT(GS_PARAM_PATTERN);
    for (int k = 0; k < 3; k++) add_seed(it, p->a, arena_printf(p->a, "%s%s", at[ri].seed, tails[ti].as[k]), 0);
    for (size_t i = 0; i < p->n; i++) p->shapes |= p->items[i].shapes;
}

/* final-case: two final rules (or a final deny and a raw allow) that meet
 * only in another case of some letters: a parameter glued on either side,
 * letters beyond ASCII whose case-fold class has two or more other members */
static void final_case(gen_profile *p, gen_rng *r, uint64_t en)
{
    static const char *const glued[] = { "prefix \"/t${USER}\"", "\"/T${USER}\"", "prefix \"/tmp\"", "\"/Tmp\"",
                                         "glob \"/t${USER}/s/x*\"", "\"/tmp/s\"", "prefix \"/T${USER}\"", "\"/t${USER}/k\"",
                                         "prefix \"/q/t${USER}\"", "\"/q/T${USER}\"", "\"/q/Tax\"", "glob \"/t${USER}/a/**\"",
                                         "literal \"/T${USER}/a/k\"", "prefix \"${P}ax\"" };
    static const char *const gseeds[] = { "/private/tmp/k", "/private/tmp/s/xk", "/q/tax/secret", "/q/TAX/k",
                                          "/private/tmp/a/k", "/private/tmpx/y", "/q/tax", "/q/Tax/k", "/private/tmp",
                                          "/private/tmp/s/x", "/tmpx/y/z", "/private/tmpx" };
    static const char *const raws[] = { "(allow file-read-data (regex #\"^/q/tax\"))",
                                        "(allow file-read* (literal \"/q/tax/secret\"))",
                                        "(allow file-read* (regex #\"^/private/tmp/a\"))",
                                        "(allow file-read* (literal \"/private/tmp/a/k\"))",
                                        "(allow file-read-data (regex #\"^/q/TAX\"))", "(allow file-read* (subpath \"/q/Tax\"))" };
    /* letters beyond ASCII: written as one member of its class, asked as the others */
    static const struct { const char *w, *other[3]; } letters[] = {
        { "\xc3\xa9", { "\xc3\x89", NULL, NULL } },                                    /* e acute: E acute */
        { "\xcf\x83", { "\xce\xa3", "\xcf\x82", NULL } },                              /* sigma: Sigma, final sigma */
        { "\xcf\x82", { "\xce\xa3", "\xcf\x83", NULL } },
        { "\xce\xb2", { "\xce\x92", "\xcf\x90", NULL } },                              /* beta: Beta, curled beta */
        { "\xcf\x90", { "\xce\x92", "\xce\xb2", NULL } },
        { "\xce\xb8", { "\xce\x98", "\xcf\x91", "\xcf\xb4" } },                        /* theta: Theta, two symbols */
        { "\xce\xba", { "\xce\x9a", "\xcf\xb0", NULL } },                              /* kappa: Kappa, kappa symbol */
        { "\xd0\xb6", { "\xd0\x96", NULL, NULL } },                                    /* Cyrillic zhe */
    };
    static const char *const verbs[] = { "read", "write", "file-read-data", "file-write-create", "read" };
    const char *verb = PICK(r, verbs);
    unsigned which = gen_rnd(r) % 5;
    gen_item *it;
    if (which == 4) { final_regex_root(p, r); return; }
    if (which == 3) {                                     /* a value with no written letter around it */
        /* the value's letters fold as they would beside written ones:
         * "/1/$USER" with USER=test denies making /1/TEST */
        static const char *const at[] = { "/", "/1/", "$P/", "~/", "/_/", "/1/${USER}/", "$Q/", "/${USER}/" };
        static const char *const kinds[] = { "", "literal ", "prefix ", "" };
        static const char *const grants[] = { "allow file-write-create \"/\";", "allow read \"/\";" };
        const char *dir = PICK(r, at), *kind = PICK(r, kinds), *tpl = arena_printf(p->a, "%s${USER}", dir);
        for (int g = 0; g < 2; g++) {
            if (!(it = new_item(p, SEC_FILES))) return;
            it->text = g ? (char *)PICK(r, grants) : "allow write \"/\";";
            it->shapes = BIT(GS_FINAL_CASE);
        }
        if (!(it = new_item(p, SEC_FILES))) return;
        it->text = arena_printf(p->a, "deny final %s %s\"%s\";", verb, kind, tpl);
        it->shapes = BIT(GS_FINAL_CASE) | BIT(GS_FINAL) | (dir[0] == '$' || dir[0] == '~' ? BIT(GS_PARAM_START) : 0);
        it->move = (gen_move){ tpl, kind[0] == 'l' ? MV_LITERAL : kind[0] == 'p' ? MV_PREFIX : MV_SUBPATH,
                               verb_denies(verb), 1 };
        add_seed(it, p->a, tpl, 0);
        add_seed(it, p->a, arena_printf(p->a, "%s/k", tpl), 0);
        for (size_t i = 0; i < p->n; i++) p->shapes |= p->items[i].shapes;
        return;
    }
    if (which == 2) {                                     /* a letter beyond ASCII */
        unsigned li = gen_rnd(r) % (sizeof letters / sizeof letters[0]);
        static const char *const at[] = { "/q/", "/q/a", "$P/", "/q/x/" };
        static const char *const grants[] = { "allow read \"/q\";", "allow read \"$P\";", "allow file-write-create \"/\";" };
        static const char *const kinds[] = { "", "literal ", "prefix ", "glob " };
        const char *dir = PICK(r, at), *tpl = arena_printf(p->a, "%s%s", dir, letters[li].w), *kind = PICK(r, kinds);
        for (int g = 0; g < 2; g++) {                     /* writing where it is, and one more */
            if (!(it = new_item(p, SEC_FILES))) return;
            it->text = g ? (char *)PICK(r, grants) : dir[0] == '$' ? "allow write \"$P\";" : "allow write \"/q\";";
            it->shapes = BIT(GS_FINAL_CASE);
        }
        if (!(it = new_item(p, SEC_FILES))) return;
        int glob = !strcmp(kind, "glob ");
        it->text = arena_printf(p->a, "deny final %s %s\"%s%s\";", verb, kind, tpl, glob ? "*" : "");
        it->shapes = BIT(GS_FINAL_CASE) | BIT(GS_FINAL) | (dir[0] == '$' ? BIT(GS_PARAM_START) : 0);
        /* the moves oracle (gen_moves.c) asks making it in another case */
        it->move = (gen_move){ glob ? arena_printf(p->a, "%s*", tpl) : tpl,
                               kind[0] == 'l' ? MV_LITERAL : kind[0] == 'p' ? MV_PREFIX : glob ? MV_GLOB : MV_SUBPATH,
                               verb_denies(verb), 0 };
        add_seed(it, p->a, tpl, 0);
        for (int k = 0; k < 3 && letters[li].other[k]; k++) {
            add_seed(it, p->a, arena_printf(p->a, "%s%s", dir, letters[li].other[k]), 0);
            add_seed(it, p->a, arena_printf(p->a, "%s%s/k", dir, letters[li].other[k]), 0);
        }
        if (chance(r, 40) && (it = new_item(p, SEC_FILES))) {   /* a final allow in another case */
            const char *o = letters[li].other[gen_rnd(r) % (letters[li].other[1] ? 2 : 1)];
            it->text = arena_printf(p->a, "allow final %s \"%s%s/x\";", verb, dir, o);
            it->shapes = BIT(GS_FINAL_CASE) | BIT(GS_FINAL);
            add_seed(it, p->a, arena_printf(p->a, "%s%s/x", dir, o), 0);
        }
        for (size_t i = 0; i < p->n; i++) p->shapes |= p->items[i].shapes;
        return;
    }
    /* pairs that meet for some value in another case: the final deny first */
    static const struct { const char *deny, *allow; } pairs[] = {
        { "prefix \"/t${USER}\"", "\"/T${USER}\"" }, { "prefix \"/tmp\"", "\"/T${USER}\"" },
        { "\"/tmp/s\"", "glob \"/${USER}/s/x*\"" }, { "\"/tmp/s\"", "glob \"/t${USER}/s/x*\"" },
        { "\"/tmp/s\"", "glob \"$P/Tmp/s/x*\"" }, { "glob \"$P/TMP/s/*\"", "\"/private/tmp/s/x\"" },
        { "prefix \"/${USER}\"", "\"/tmpx/y\"" }, { "prefix \"/t${USER}\"", "\"/tmpx\"" },
        { "prefix \"${P}p\"", "regex \"^/tmpx\"" }, { "prefix \"/${USER}\"", "glob \"/tmp?\"" },
        { "prefix \"/t${USER}\"", "glob \"/tm?x\"" }, { "prefix \"${P}p\"", "glob \"/tmp*x\"" },
        { "prefix \"/q/t${USER}\"", "\"/q/T${USER}\"" }, { "\"/q/tax\"", "prefix \"/q/T${USER}\"" },
    };
    int deny_first = which == 1 || chance(r, 50);         /* a raw rule is an allow beside a final deny */
    const char *a = PICK(r, glued);
    if (which == 0 && chance(r, 60)) {
        unsigned pi = gen_rnd(r) % (sizeof pairs / sizeof pairs[0]);
        const char *vb = chance(r, 70) ? verb : PICK(r, verbs);
        for (int side = 0; side < 2; side++) {
            const char *m = side ? pairs[pi].allow : pairs[pi].deny;
            if (!(it = new_item(p, SEC_FILES))) return;
            it->text = arena_printf(p->a, "%s final %s %s;", side ? "allow" : "deny", side ? vb : verb, m);
            it->shapes = BIT(GS_FINAL_CASE) | BIT(GS_FINAL) | (strchr(m, '$') ? BIT(GS_PARAM_GLUED) : 0);
            for (int k = 0; k < 3; k++) add_seed(it, p->a, PICK(r, gseeds), 0);
            p->shapes |= it->shapes;
        }
        return;
    }
    if (!(it = new_item(p, SEC_FILES))) return;
    it->text = arena_printf(p->a, "%s final %s %s;", deny_first ? "deny" : "allow", verb, a);
    it->shapes = BIT(GS_FINAL_CASE) | BIT(GS_FINAL) | (strchr(a, '$') ? BIT(GS_PARAM_GLUED) : 0);
    for (int k = 0; k < 3; k++) add_seed(it, p->a, PICK(r, gseeds), 0);
    p->shapes |= it->shapes;
    if (which == 1 && ON(en, GS_RAW)) {                   /* a raw rule beside it */
        if (!(it = new_item(p, SEC_SBPL))) return;
        it->raw = RAW_ITEM;
        it->text = (char *)PICK(r, raws);
        it->shapes = BIT(GS_FINAL_CASE) | BIT(GS_RAW);
        for (int k = 0; k < 3; k++) add_seed(it, p->a, PICK(r, gseeds), 0);
        p->shapes |= it->shapes;
        return;
    }
    const char *b = PICK(r, glued);
    if (!(it = new_item(p, SEC_FILES))) return;
    it->text = arena_printf(p->a, "%s final %s %s;", deny_first ? "allow" : "deny", chance(r, 70) ? verb : PICK(r, verbs), b);
    it->shapes = BIT(GS_FINAL_CASE) | BIT(GS_FINAL) | (strchr(b, '$') ? BIT(GS_PARAM_GLUED) : 0);
    for (int k = 0; k < 3; k++) add_seed(it, p->a, PICK(r, gseeds), 0);
    p->shapes |= it->shapes;
}

static void socket_rule(gen_profile *p, gen_rng *r, uint64_t en)
{
    int k = path_kind(r, en);
    if (k < 0) return;
    int net = chance(r, 50);
    gen_item *it = new_item(p, net ? SEC_NETWORK : SEC_PROCESS);
    if (!it) return;
    strbuf b;
    sb_init(&b);
    uint64_t sh = BIT(GS_SOCKET);
    static const char *const nv[] = { "unix-connect", "unix-bind" };
    head(&b, r, en, &sh, 0, NULL, net ? PICK(r, nv) : "exec");
    sh |= path_matcher(&b, it, p->a, r, en, k, NULL);
    finish(p, it, &b, sh);
}

static void target_rule(gen_profile *p, gen_rng *r, uint64_t en)
{
    static const char *const targets[] = { "self", "same-sandbox", "children", "others", "pgrp" };
    static const char *const verbs[] = { "signal", "info" };
    gen_item *it = new_item(p, SEC_PROCESS);
    if (!it) return;
    strbuf b;
    sb_init(&b);
    uint64_t sh = BIT(GS_TARGETS);
    head(&b, r, en, &sh, 0, NULL, PICK(r, verbs));
    sb_puts(&b, "target ");
    quoted(&b, PICK(r, targets));
    finish(p, it, &b, sh);
}

static void port_rule(gen_profile *p, gen_rng *r, uint64_t en)
{
    static const char *const ports[] = { "localhost:80", "*:80", "localhost:*", "*:*", "*:8080", "localhost:65535",
                                         "*:1", "localhost:443" };
    static const char *const zero[] = { "localhost:080", "*:0443", "localhost:00080" };
    static const char *const verbs[] = { "outbound", "outbound", "inbound", "bind" };
    gen_item *it = new_item(p, SEC_NETWORK);
    if (!it) return;
    strbuf b;
    sb_init(&b);
    uint64_t sh = BIT(GS_PORTS);
    head(&b, r, en, &sh, 0, NULL, PICK(r, verbs));
    if (chance(r, 10)) { b.data[--b.len] = 0; finish(p, it, &b, sh); return; }   /* no matcher */
    const char *v = ON(en, GS_PORT_ZERO) && chance(r, 30) ? PICK(r, zero) : PICK(r, ports);
    if (strchr(v, ':')[1] == '0') sh |= BIT(GS_PORT_ZERO);
    quoted(&b, v);
    add_seed(it, p->a, v, 2);
    finish(p, it, &b, sh);
}

static void name_rule(gen_profile *p, gen_rng *r, uint64_t en)
{
    (void)en;
    static const char *const mach[] = { "\"com.a.b\"", "prefix \"com.a\"", "prefix \"com.a.b\"", "regex \"^com\\\\.a\\\\.(b|c)$\"",
                                        "regex \"^com\\\\.a\\\\.b\"", "local \"com.a.b\"", "regex \"^com\\\\.a|^org\\\\.x\"", "\"com.ab\"" };
    static const char *const mach_seed[] = { "com.a.b", "com.a", "com.a.b", "com.a.c", "com.a.b", "com.a.b", "org.x", "com.ab" };
    static const char *const sysctl[] = { "\"kern.a\"", "prefix \"kern.\"", "prefix \"kern.a\"", "regex \"^kern\\\\.a\"" };
    static const char *const sysctl_seed[] = { "kern.a", "kern.", "kern.a", "kern.ab" };
    static const char *const ipc[] = { "\"apple.a\"", "prefix \"apple.\"", "regex \"^apple\\\\.a$\"" };
    static const char *const ipc_seed[] = { "apple.a", "apple.", "apple.a" };
    int which = (int)(gen_rnd(r) % 4);
    int sec = which < 2 ? SEC_MACH : which == 2 ? SEC_SYSCTL : SEC_IPC;
    gen_item *it = new_item(p, sec);
    if (!it) return;
    strbuf b;
    sb_init(&b);
    uint64_t sh = BIT(GS_NAMES);
    if (ON(en, GS_NAME_PARAM) && chance(r, 35)) {     /* "${USER}.a": USER's value is a name here */
        static const char *const pm[] = { "regex \"^${USER}\\\\.a$\"", "regex \"^${USER}\"", "prefix \"${USER}\"",
                                           "\"${USER}.a\"" };
        sh |= BIT(GS_NAME_PARAM);
        head(&b, r, en, &sh, 0, NULL, sec == SEC_MACH ? "lookup" : sec == SEC_SYSCTL ? "read" : "posix-shm");
        sb_puts(&b, PICK(r, pm));
        add_seed(it, p->a, "${USER}.a", 1);
        add_seed(it, p->a, "${USER}", 1);
        finish(p, it, &b, sh);
        return;
    }
    unsigned i;
    if (sec == SEC_MACH) {
        i = gen_rnd(r) % 8;
        head(&b, r, en, &sh, 0, NULL, chance(r, 75) ? "lookup" : "register");
        sb_puts(&b, mach[i]);
        add_seed(it, p->a, mach_seed[i], 1);
    } else if (sec == SEC_SYSCTL) {
        i = gen_rnd(r) % 4;
        head(&b, r, en, &sh, 0, NULL, "read");
        sb_puts(&b, sysctl[i]);
        add_seed(it, p->a, sysctl_seed[i], 1);
    } else {
        i = gen_rnd(r) % 3;
        head(&b, r, en, &sh, 0, NULL, "posix-shm");
        sb_puts(&b, ipc[i]);
        add_seed(it, p->a, ipc_seed[i], 1);
    }
    finish(p, it, &b, sh);
}

/* ---- raw sbpl ------------------------------------------------------------------ */

static const char *const raw_paths[] = { "/a", "/a/b", "/a/b/c", "/a/bc", "/Users/test", "/Users/test/.ssh" };

/* a raw string: a path, or (with raw-param) string-append of text and one
 * or two parameters, derived names (NAME.dir) among them; *seed is the
 * path it stands for, as a template of gen_expand */
static const char *raw_string(gen_profile *p, gen_rng *r, uint64_t en, uint64_t *sh, const char **seed)
{
    static const struct { const char *text, *seed; } par[] = {
        { "(param \"P\")", "$P" },
        { "(param \"Q\")", "$Q" },
        { "(string-append (param \"P\") \"/c\")", "$P/c" },
        { "(string-append (param \"HOME\") \"/.ssh\")", "~/.ssh" },
        { "(string-append (param \"P.dir\") \"b\")", "$P/b" },
        { "(string-append (param \"HOME.dir\") \".ssh\")", "~/.ssh" },
        { "(string-append (param \"Q\") \"/\" (param \"USER\"))", "$Q/$USER" },
        { "(string-append \"/a/\" (param \"USER\"))", "/a/$USER" },
        { "(string-append (param \"Q.dir\") (param \"USER\"))", "$Q/$USER" },
        { "(string-append (param \"P\") (param \"Q\"))", "$P$Q" },
        { "(string-append \"/Users/\" (param \"USER\") \"/.ssh\")", "/Users/$USER/.ssh" },
        { "(param \"HOME\")", "~" },
    };
    if (ON(en, GS_RAW_PARAM) && chance(r, 45)) {
        unsigned i = gen_rnd(r) % (sizeof par / sizeof par[0]);
        *sh |= BIT(GS_RAW_PARAM);
        *seed = par[i].seed;
        return par[i].text;
    }
    *seed = PICK(r, raw_paths);
    return arena_printf(p->a, "\"%s\"", *seed);
}

/* one path filter */
static const char *raw_path_filter(gen_profile *p, gen_item *it, gen_rng *r, uint64_t en, uint64_t *sh)
{
    const char *seed, *s = raw_string(p, r, en, sh, &seed);
    add_seed(it, p->a, seed, 0);
    static const char *const kinds[] = { "subpath", "literal", "prefix", "subpath" };
    if (chance(r, 20)) {                            /* a regex, written or on a parameter */
        static const char *const res[] = { "#\"^/a/b(/.*)?$\"", "#\"^/Users/[^/]+/\\.ssh\"", "#\"^/a/b[c/]\"",
                                           "#\"/\\.ssh/\"", "#\"^/a/(b|bc)$\"" };
        static const char *const pres[] = { "(string-append \"^\" (param \"P.re\") \"(/.*)?$\")",
                                             "(string-append \"^\" (param \"HOME.re\") \"/\\\\.ssh\")" };
        if (ON(en, GS_RAW_PARAM) && chance(r, 35)) {
            unsigned i = gen_rnd(r) % 2;
            *sh |= BIT(GS_RAW_PARAM);
            add_seed(it, p->a, i ? "~/.ssh/id" : "$P/x", 0);
            return arena_printf(p->a, "(regex %s)", pres[i]);
        }
        add_seed(it, p->a, "/Users/test/.ssh/id", 0);
        return arena_printf(p->a, "(regex %s)", PICK(r, res));
    }
    const char *k = PICK(r, kinds);
    if (ON(en, GS_RAW_LOGIC) && chance(r, 10)) {    /* several strings: alternatives */
        const char *y = PICK(r, raw_paths);
        add_seed(it, p->a, y, 0);
        *sh |= BIT(GS_RAW_LOGIC);
        return arena_printf(p->a, "(%s %s \"%s\")", k, s, y);
    }
    return arena_printf(p->a, "(%s %s)", k, s);
}

/* a filter: one, or (with raw-logic) require-any, require-all, require-not */
static const char *raw_filter(gen_profile *p, gen_item *it, gen_rng *r, uint64_t en, uint64_t *sh)
{
    const char *a = raw_path_filter(p, it, r, en, sh);
    if (!ON(en, GS_RAW_LOGIC) || !chance(r, 40)) return a;
    *sh |= BIT(GS_RAW_LOGIC);
    const char *b = raw_path_filter(p, it, r, en, sh);
    switch (gen_rnd(r) % 5) {
    case 0: return arena_printf(p->a, "(require-any %s %s)", a, b);
    case 1: it->raw |= RAW_UNREAD; return arena_printf(p->a, "(require-all %s (require-not %s))", a, b);
    case 2: return arena_printf(p->a, "(require-all %s %s)", a, b);
    case 3: it->raw |= RAW_UNREAD; return arena_printf(p->a, "(require-not %s)", a);
    default: return arena_printf(p->a, "%s %s", a, b);          /* sibling filters */
    }
}

static const char *const raw_ops[] = { "file-read*", "file-read-data", "file-write*", "file-read-metadata",
                                       "file-write-data", "file-read*" };

/* the operations: one, or (raw-ops) two */
static const char *raw_op_list(gen_profile *p, gen_rng *r, uint64_t en, uint64_t *sh)
{
    const char *a = PICK(r, raw_ops);
    if (!ON(en, GS_RAW_OPS) || !chance(r, 25)) return a;
    *sh |= BIT(GS_RAW_OPS);
    return arena_printf(p->a, "%s %s", a, PICK(r, raw_ops));
}

/* a final rule beside the raw rule, of a random matcher kind, rooted at one
 * of the raw rule's paths, of the other action */
static void raw_final_beside(gen_profile *p, gen_rng *r, uint64_t en, const char *at, int deny)
{
    int k = path_kind(r, en);
    if (k < 0 || !ON(en, GS_FINAL)) return;
    gen_item *f = new_item(p, SEC_FILES);
    if (!f) return;
    strbuf b;
    sb_init(&b);
    uint64_t sh = BIT(GS_FINAL);
    static const char *const verbs[] = { "read", "write", "metadata", "file-read-data", "read" };
    head(&b, r, en, &sh, 1, deny ? "deny " : "allow ", PICK(r, verbs));
    if (at[0] != '/' && at[0] != '~' && at[0] != '$') at = "/a";
    if (k >= K_REGEX && strchr(at, '$')) k = K_SUBPATH;
    sh |= path_matcher(&b, f, p->a, r, en, k, at);
    finish(p, f, &b, sh);
}

/* a raw name rule (mach global names) and a final mach rule beside it */
static void raw_name_rule(gen_profile *p, gen_rng *r, uint64_t en, int verbatim)
{
    static const char *const f[] = { "(global-name \"com.a.b\")", "(global-name-prefix \"com.a\")",
                                     "(global-name-regex #\"^com\\.a\\.\")", "(global-name \"com.ab\")",
                                     "(global-name (string-append \"com.a.\" (param \"USER\")))",
                                     "(global-name-prefix (string-append (param \"USER\") \".\"))" };
    static const char *const seed[] = { "com.a.b", "com.a", "com.a.c", "com.ab", "com.a.$USER", "$USER.a" };
    static const char *const fin[] = { "\"com.a.b\"", "prefix \"com.a\"", "regex \"^com\\\\.a\\\\.b$\"", "\"com.a.test\"",
                                       "prefix \"com.\"" };
    gen_item *it = new_item(p, verbatim ? SEC_VERBATIM : SEC_SBPL);
    if (!it) return;
    unsigned i = gen_rnd(r) % (sizeof f / sizeof f[0]);
    int deny = chance(r, 30);
    it->raw = RAW_ITEM | (deny ? RAW_DENY : 0) | (verbatim ? RAW_VERBATIM : 0);
    it->text = arena_printf(p->a, "(%s mach-lookup %s)", deny ? "deny" : "allow", f[i]);
    it->shapes = BIT(GS_RAW) | BIT(GS_RAW_NAMES) | (i >= 4 ? BIT(GS_RAW_PARAM) : 0);
    p->shapes |= it->shapes;
    add_seed(it, p->a, seed[i], 1);
    add_seed(it, p->a, "com.a.test", 1);
    if (!ON(en, GS_FINAL) || !chance(r, 50)) return;
    gen_item *o = new_item(p, SEC_MACH);
    if (!o) return;
    unsigned j = gen_rnd(r) % (sizeof fin / sizeof fin[0]);
    o->text = arena_printf(p->a, "%s final lookup %s;", deny ? "allow" : "deny", fin[j]);
    o->shapes = BIT(GS_FINAL) | BIT(GS_NAMES);
    p->shapes |= o->shapes;
    add_seed(o, p->a, "com.a.b", 1);
}

/* the rule nested in a form of an sbpl verbatim block (docs/language.md:
 * compared like a top-level one, the block not evaluated); n names the
 * item, so that a name it defines is its own */
static char *raw_nest(gen_profile *p, gen_item *it, gen_rng *r, const char *act, const char *ops, const char *filt,
                            size_t n)
{
    switch (gen_rnd(r) % 8) {
    case 0: return arena_printf(p->a, "(begin (%s %s %s))", act, ops, filt);
    case 7:                                             /* the operation chosen by an if */
        it->raw |= RAW_OPAQUE;
        return arena_printf(p->a, "(%s (if (param \"P\") '%s '%s) %s)", act, raw_ops[gen_rnd(r) % 4],
                            raw_ops[gen_rnd(r) % 4], filt);
    case 1:
        it->raw |= RAW_OPAQUE;
        return arena_printf(p->a, "(let ((op%zu '%s)) (%s op%zu %s))", n, raw_ops[gen_rnd(r) % 4], act, n, filt);
    case 2:
        it->raw |= RAW_OPAQUE;
        return arena_printf(p->a, "(define op%zu '%s) (%s op%zu %s)", n, raw_ops[gen_rnd(r) % 4], act, n, filt);
    case 3: return arena_printf(p->a, "(if (param \"P\") (%s %s %s))", act, ops, filt);
    case 4: it->raw |= RAW_DEAD; return arena_printf(p->a, "(if #f (%s %s %s))", act, ops, filt);
    case 5: return arena_printf(p->a, "(when (string? (param \"HOME\")) (%s %s %s))", act, ops, filt);
    default: {
        /* a function's body: its filter is a variable the check cannot read */
        const char *path = PICK(r, raw_paths);
        it->raw |= RAW_UNREAD;
        add_seed(it, p->a, path, 0);
        if (chance(r, 20)) {
            it->raw |= RAW_DEAD;
            return arena_printf(p->a, "(define (g%zu x) (%s %s (subpath x)))", n, act, ops);
        }
        return arena_printf(p->a, "(define (g%zu x) (%s %s (subpath x))) (g%zu \"%s\")", n, act, ops, n, path);
    }
    }
}

/* a raw sbpl rule: copied as written, decided by Seatbelt's precedence; the
 * compiler must refuse one that may override a final rule (BK2005) */
static void raw_rule(gen_profile *p, gen_rng *r, uint64_t en)
{
    static const char *const ops[] = { "file-read*", "file-read-data", "file-write*", "file-read-metadata" };
    static const char *const paths[] = { "/a", "/a/b", "/a/b/c", "/a/bc", "/Users/test", "/Users/test/.ssh" };
    int verbatim = ON(en, GS_RAW_NESTED) && chance(r, 30);
    if (ON(en, GS_RAW_NAMES) && chance(r, 15)) { raw_name_rule(p, r, en, verbatim); return; }
    size_t n = p->n;
    gen_item *it = new_item(p, verbatim ? SEC_VERBATIM : SEC_SBPL);
    if (!it) return;
    it->raw = RAW_ITEM | (verbatim ? RAW_VERBATIM : 0);
    if (ON(en, GS_RAW_NOSANDBOX) && chance(r, 8)) {     /* runs its program outside the sandbox */
        static const char *const nos[] = { "no-sandbox", "no-profile" };
        static const char *const eops[] = { "process-exec", "process-exec", "process-exec-interpreter", "process-exec*" };
        const char *x = PICK(r, paths);
        it->text = arena_printf(p->a, "(allow %s (with %s) (subpath \"%s\"))", PICK(r, eops), PICK(r, nos), x);
        if (verbatim && chance(r, 40) && (it->raw |= RAW_OPAQUE))   /* the modifier bound to a name: outside the
                                                                      * rule (read as an operation the check cannot name) */
            it->text = arena_printf(p->a, "(let ((m%zu (with %s))) (allow %s m%zu (subpath \"%s\")))", n, PICK(r, nos),
                                    PICK(r, eops), n, x);
        it->raw |= RAW_NOSANDBOX;
        it->shapes = BIT(GS_RAW) | BIT(GS_RAW_NOSANDBOX);
        p->shapes |= it->shapes;
        add_seed(it, p->a, x, 0);
        if (chance(r, 50)) raw_final_beside(p, r, en, x, 1);
        return;
    }
    uint64_t sh = BIT(GS_RAW);
    int deny = !chance(r, 70);
    const char *act = deny ? "deny" : "allow";
    if (deny) it->raw |= RAW_DENY;
    if (ON(en, GS_RAW_PARAM) || ON(en, GS_RAW_LOGIC) || ON(en, GS_RAW_OPS) || verbatim) {
        if (chance(r, 60) || verbatim) {
            const char *filt = raw_filter(p, it, r, en, &sh);
            const char *opl = raw_op_list(p, r, en, &sh);
            if (verbatim) {
                it->text = raw_nest(p, it, r, act, opl, filt, n);
                sh |= BIT(GS_RAW_NESTED);
                if (it->raw & RAW_OPAQUE) sh |= BIT(GS_RAW_OPS);
            } else {
                it->text = arena_printf(p->a, "(%s %s %s)", act, opl, filt);
            }
            it->shapes = sh;
            p->shapes |= sh;
            if (chance(r, 40)) raw_final_beside(p, r, en, it->seeds[0], !deny);
            return;
        }
    }
    const char *x = PICK(r, paths), *y = PICK(r, paths);
    const char *f;
    unsigned k = gen_rnd(r) % 7;
    switch (k) {
    case 0: f = arena_printf(p->a, "(subpath \"%s\")", x); break;
    case 1: f = arena_printf(p->a, "(literal \"%s\")", x); break;
    case 2: f = arena_printf(p->a, "(prefix \"%s\")", x); break;
    case 3: f = arena_printf(p->a, "(regex #\"^%s(/.*)?$\")", x); break;
    case 4: f = "(subpath (param \"P\"))"; x = "/a/b/c"; break;
    case 5: f = "(literal (string-append (param \"HOME\") \"/.ssh\"))"; x = "~/.ssh"; break;
    default: f = arena_printf(p->a, "(require-all (subpath \"%s\") (require-not (subpath \"%s\")))", x, y); break;
    }
    if (k == 6) it->raw |= RAW_UNREAD;
    if (k == 4) add_seed(it, p->a, "$P", 0);
    const char *op = PICK(r, ops);
    it->text = arena_printf(p->a, "(%s %s %s)", act, op, f);
    it->shapes = BIT(GS_RAW);
    if (k < 3 && ON(en, GS_RAW_SPELLING) && chance(r, 50)) {
        /* the same path spelled another way: Seatbelt reads the string as
         * written, the final check must read it canonically too */
        const char *kinds[] = { "subpath", "literal", "prefix" }, *sp;
        const char *cut = strchr(x + 1, '/');
        size_t at = cut ? (size_t)(cut - x) : strlen(x);     /* after the first component */
        switch (gen_rnd(r) % 4) {
        case 0: sp = k == 2 ? arena_printf(p->a, "%.*s/%s", (int)at, x, x + at) : arena_printf(p->a, "%s/", x); break;
        case 1: sp = arena_printf(p->a, "%.*s/%s", (int)at, x, x + at); break;
        case 2: sp = arena_printf(p->a, "%.*s/.%s", (int)at, x, x + at); break;
        default: sp = arena_printf(p->a, "/z/..%s", x); break;
        }
        if (k == 2 && !cut) sp = arena_printf(p->a, "/z/..%s", x);
        it->canon = it->text;
        it->text = arena_printf(p->a, "(%s %s (%s \"%s\"))", act, op, kinds[k], sp);
        it->shapes |= BIT(GS_RAW_SPELLING);
    }
    p->shapes |= it->shapes;
    add_seed(it, p->a, x, 0);
    add_seed(it, p->a, y, 0);
}


/* ---- final denies and moving them away (final-moves, srt-roots) ------------ */

/* what a verb denies, for gen_moves.c: reading, writing, and the two
 * operations of a rename themselves */
static int verb_denies(const char *verb)
{
    if (!strcmp(verb, "write")) return MV_WRITE | MV_UNLINK | MV_CREATE;
    if (!strcmp(verb, "file-write-unlink")) return MV_WRITE | MV_UNLINK;
    if (!strcmp(verb, "file-write-create")) return MV_WRITE | MV_CREATE;
    if (!strncmp(verb, "file-write", 10)) return MV_WRITE;
    return MV_READ;                                     /* read, metadata, file-read-* */
}

/* a final path deny whose moves the check asks about: "deny final VERB
 * KIND \"ROOT TAIL\"" */
static gen_item *move_deny(gen_profile *p, const char *verb, int kind, const char *at, const char *tail, uint64_t sh)
{
    static const char *const kinds[] = { "literal ", "", "prefix ", "glob " };
    gen_item *it = new_item(p, SEC_FILES);
    if (!it) return NULL;
    const char *tpl = arena_printf(p->a, "%s%s", at, tail);
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "deny final %s %s", verb, kind == MV_SUBPATH && (tail[0] == 0 || tail[1] == 'b') ? "subpath " : kinds[kind]);
    quoted(&b, tpl);
    finish(p, it, &b, sh | BIT(GS_FINAL));
    it->move = (gen_move){ tpl, kind, verb_denies(verb), 0 };
    /* seeds: the written path with each wildcard made concrete (the check
     * asks about the ancestors and moves itself) */
    strbuf o;
    sb_init(&o);
    for (const char *t = tpl; *t; t++) {
        if (t[0] == '*' && t[1] == '*') { sb_puts(&o, "m/n"); t++; }
        else if (*t == '*') sb_puts(&o, "v20");
        else if (*t == '?') sb_putc(&o, 'q');
        else if (*t == '[' && strchr(t, ']')) { sb_putc(&o, 'q'); t = strchr(t + 1 + (t[1] == ']'), ']'); }
        else sb_putc(&o, *t);
    }
    if (!strncmp(sb_cstr(&o), "$WORKDIR", 8)) add_seed(it, p->a, arena_printf(p->a, "/Users/test/project%s", o.data + 8), 0);
    else add_seed(it, p->a, sb_cstr(&o), 0);
    sb_free(&o);
    return it;
}

/* a grant beside a final deny that would let its path be moved, cloned,
 * linked or mounted over if nothing carved it */
static void move_grant(gen_profile *p, gen_rng *r, const char *at)
{
    static const char *const verbs[] = { "write", "write", "file-write-unlink", "file-write-create", "file-clone", "file-link",
                                         "file-mount", "file-mount-update", "file-issue-extension", "read" };
    gen_item *it = new_item(p, SEC_FILES);
    if (!it) return;
    it->text = arena_printf(p->a, "allow %s \"%s\";", PICK(r, verbs), at);
    it->shapes = BIT(GS_FINAL_MOVES);
    p->shapes |= it->shapes;
}

/* final-moves: a final deny of a path or pattern under a root, and grants
 * of moving things above it */
static void final_moves(gen_profile *p, gen_rng *r, uint64_t en)
{
    static const struct { const char *root; int shape; } mroots[] = {
        { "/a", -1 }, { "~", GS_TILDE }, { "$P", GS_PARAM_START }, { "$WORKDIR", -1 }, { "/a/$USER", GS_PARAM_MID },
        { "$Q", GS_PARAM_START }, { "/tmp/w", -1 }, { "/etc", -1 }, { "${P}", GS_PARAM_START },
        /* a value may put these under /private (USER=tmp, USER=mp, P=/) */
        { "/$USER", GS_PARAM_MID }, { "/t$USER", GS_PARAM_GLUED }, { "$P/etc", GS_PARAM_START },
    };
    static const struct { const char *tail; int kind; } shapes[] = {
        { "/b/c", MV_LITERAL }, { "/.git/config", MV_LITERAL }, { "", MV_LITERAL }, { "/.ssh", MV_SUBPATH },
        { "/b/c", MV_SUBPATH }, { "", MV_SUBPATH }, { "/b", MV_PREFIX }, { "/b/", MV_PREFIX },
        { "/.git/modules/**/hooks", MV_GLOB }, { "/.nvm/versions/node/*/bin", MV_GLOB }, { "/*/secret", MV_GLOB },
        { "/b/**", MV_GLOB }, { "/**/.env", MV_GLOB }, { "/b*/c", MV_GLOB }, { "/b/*", MV_GLOB }, { "/b/**/c/*/d", MV_GLOB },
        { "/b?/c", MV_GLOB }, { "/x[^a]y", MV_GLOB }, { "/b[!a-c]/c", MV_GLOB }, { "/r[^a-c]s/**", MV_GLOB },
        { "/[cd]x/k", MV_GLOB },
        /* '-' first or last in a class is a member, in the fold too */
        { "/[-a]x/k", MV_GLOB }, { "/b[a-]/c", MV_GLOB }, { "/x[!a-]y", MV_GLOB }, { "/r[^-a]s/**", MV_GLOB },
    };
    static const char *const verbs[] = { "read", "write", "write", "metadata", "file-read-data", "file-write-data",
                                         "file-write-mode", "file-write-xattr", "file-write-unlink", "file-write-create" };
    unsigned ri;
    do ri = gen_rnd(r) % (sizeof mroots / sizeof mroots[0]);
    while (mroots[ri].shape >= 0 && !ON(en, mroots[ri].shape));
    unsigned si = gen_rnd(r) % (sizeof shapes / sizeof shapes[0]);
    const char *mroot = mroots[ri].root, *tail = shapes[si].tail;
    int kind = shapes[si].kind;
    if (!tail[0] && strchr(mroot, '$') == NULL && mroot[0] != '~') tail = "/b";     /* not a written root alone */
    uint64_t sh = BIT(GS_FINAL_MOVES) | (mroots[ri].shape >= 0 ? BIT(mroots[ri].shape) : 0);
    if (kind == MV_GLOB && strchr(mroot, '$')) sh |= BIT(GS_PARAM_PATTERN);
    /* a final deny of the path's first directory too, written before or
     * after it: the path's implied denies name that directory as well, and
     * the order of the rules must not change what either denies */
    static const char *const outer[] = { "file-write-data", "read", "file-write-mode", "write" };
    const char *second = tail[0] == '/' ? strchr(tail + 1, '/') : NULL;
    const char *anc = second && !memchr(tail, '*', (size_t)(second - tail)) && !memchr(tail, '?', (size_t)(second - tail)) &&
                      !memchr(tail, '[', (size_t)(second - tail)) && chance(r, 30)
                          ? arena_printf(p->a, "%.*s", (int)(second - tail), tail) : NULL;
    int anc_first = anc && chance(r, 50);
    if (anc_first && !move_deny(p, PICK(r, outer), MV_LITERAL, mroot, anc, sh)) return;
    if (!move_deny(p, PICK(r, verbs), kind, mroot, tail, sh)) return;
    if (anc && !anc_first && !move_deny(p, PICK(r, outer), MV_LITERAL, mroot, anc, sh)) return;
    /* grants above it: at the root, at "/", or everything by default */
    int ng = 1 + (int)(gen_rnd(r) % 3);
    for (int i = 0; i < ng; i++) move_grant(p, r, chance(r, 50) ? mroot : "/");
    if (ON(en, GS_DEFAULT_ALLOW) && chance(r, 20)) { p->default_allow = 1; p->shapes |= BIT(GS_DEFAULT_ALLOW); }
}

/* srt-roots: what `buckle import --from srt` writes: reading everywhere,
 * write roots ("." is $WORKDIR, "~", a path, a pattern as a regex or a
 * glob), denies above and inside them (srt's write denies final), srt's
 * own protections of each denied path and of the directories above it */
static void srt_roots(gen_profile *p, gen_rng *r, uint64_t en)
{
    (void)en;
    static const struct { const char *text, *path; } wroots[] = {
        { "\"$WORKDIR\"", "$WORKDIR" }, { "\"~\"", "~" }, { "\"/tmp/w\"", "/tmp/w" }, { "\"~/p\"", "~/p" },
        { "regex \"^${HOME}(/p/[^/]*)$$\"", "~/p" }, { "regex \"^(/private/tmp/w/.*)$$\"", "/tmp/w" },
        { "glob \"~/p/*\"", "~/p" }, { "glob \"/tmp/w/**\"", "/tmp/w" }, { "\"$WORKDIR/out\"", "$WORKDIR/out" },
    };
    static const char *const inside[] = { "/a/secret", "/secret", "/.env", "/a/b/k", "/cfg/x", "/a" };
    static const char *const outside[] = { "~/.ssh", "/etc/x", "~/.config/fish/c.fish", "/Users/test/proj/q" };
    gen_item *it;
    if ((it = new_item(p, SEC_FILES))) {
        it->text = "allow read \"/\";";
        it->shapes = BIT(GS_SRT_ROOTS);
    }
    unsigned wi = gen_rnd(r) % (sizeof wroots / sizeof wroots[0]);
    if ((it = new_item(p, SEC_FILES))) {
        it->text = arena_printf(p->a, "allow write %s;", wroots[wi].text);
        it->shapes = BIT(GS_SRT_ROOTS);
    }
    int nd = 1 + (int)(gen_rnd(r) % 2);
    for (int i = 0; i < nd; i++) {
        int in = chance(r, 70);
        const char *wroot = in ? wroots[wi].path : "", *tail = in ? PICK(r, inside) : PICK(r, outside);
        int rd = chance(r, 50), fin = !rd || chance(r, 50);
        if (!fin) {                                      /* kept when it holds a root: srt's deny of reading */
            if ((it = new_item(p, SEC_FILES))) {
                it->text = arena_printf(p->a, "deny %s \"%s%s\";", rd ? "read" : "write", wroot, tail);
                it->shapes = BIT(GS_SRT_ROOTS);
            }
            continue;
        }
        int kind = MV_SUBPATH;
        const char *verb = rd ? "read" : "write";
        if (chance(r, 20)) { verb = "file-write-unlink"; kind = MV_LITERAL; }   /* srt's protection of a read deny */
        move_deny(p, verb, kind, wroot, tail, BIT(GS_SRT_ROOTS));
    }
    /* srt's own: files below $WORKDIR at any depth, and its directories */
    static const char *const own[] = { "/**/.gitconfig", "/**/.git/hooks", "/**/.claude/commands", "/**/.mcp.json" };
    if (chance(r, 50)) move_deny(p, "write", MV_GLOB, "$WORKDIR", PICK(r, own), BIT(GS_SRT_ROOTS));
    if (chance(r, 30)) move_deny(p, chance(r, 50) ? "file-write-create" : "file-write-unlink", MV_LITERAL, "$WORKDIR",
                                 "/.git", BIT(GS_SRT_ROOTS));
    p->shapes |= BIT(GS_SRT_ROOTS);
}

void gen_profile_make(gen_profile *p, arena *a, gen_rng *r, uint64_t en)
{
    memset(p, 0, sizeof *p);
    p->a = a;
    if (ON(en, GS_DEFAULT_ALLOW) && chance(r, 30)) { p->default_allow = 1; p->shapes |= BIT(GS_DEFAULT_ALLOW); }
    int n = 3 + (int)(gen_rnd(r) % 6);
    for (int i = 0; i < n && p->n < GEN_MAX_ITEMS - 1; i++) {
        unsigned x = gen_rnd(r) % 100;
        if (x < 12 && ON(en, GS_FINAL_ELSEWHERE)) final_pair(p, r, en);
        else if (x < 20 && ON(en, GS_NAMES)) name_rule(p, r, en);
        else if (x < 27 && ON(en, GS_PORTS)) port_rule(p, r, en);
        else if (x < 32 && ON(en, GS_SOCKET)) socket_rule(p, r, en);
        else if (x < 40 && ON(en, GS_RAW)) raw_rule(p, r, en);
        else if (x < 43 && ON(en, GS_FINAL_UNFILTERED)) unfiltered_final(p, r);
        else if (x < 46 && ON(en, GS_TARGETS)) target_rule(p, r, en);
        else if (x < 52 && ON(en, GS_FINAL_MOVES)) final_moves(p, r, en);
        /* (an srt-shaped profile is large: rarely, one to a profile) */
        else if (x < 54 && ON(en, GS_SRT_ROOTS) && !(p->shapes & BIT(GS_SRT_ROOTS)) && chance(r, 50) &&
                 p->n + 8 < GEN_MAX_ITEMS) srt_roots(p, r, en);
        else if (x >= 54 && x < 58 && ON(en, GS_FINAL_GLUED)) final_glued(p, r, en);
        else if (x >= 58 && x < 64 && ON(en, GS_ALIAS_CASE)) alias_case(p, r);
        else if (x >= 64 && x < 70 && ON(en, GS_FINAL_CASE)) final_case(p, r, en);
        else files_rule(p, r, en);
    }
}

static void profile_text(const gen_profile *p, const unsigned char *keep, int canon, strbuf *out)
{
    sb_puts(out, "param P;\nparam Q;\n");
    if (p->default_allow) sb_puts(out, "default allow;\n");
    for (int s = 0; s < SEC_N; s++) {
        int open = 0;
        for (size_t i = 0; i < p->n; i++) {
            if (p->items[i].section != s || (keep && !keep[i])) continue;
            if (!open) { sb_printf(out, s >= SEC_SBPL ? "%s \"\"\"\n" : "%s {\n", sec_names[s]); open = 1; }
            sb_printf(out, "    %s\n", canon && p->items[i].canon ? p->items[i].canon : p->items[i].text);
        }
        if (open) sb_puts(out, s >= SEC_SBPL ? "\"\"\";\n" : "}\n");
    }
}

void gen_profile_text(const gen_profile *p, const unsigned char *keep, strbuf *out)
{
    profile_text(p, keep, 0, out);
}

int gen_profile_text_canon(const gen_profile *p, const unsigned char *keep, strbuf *out)
{
    int any = 0;
    for (size_t i = 0; i < p->n; i++) any |= (!keep || keep[i]) && p->items[i].canon;
    if (any) profile_text(p, keep, 1, out);
    return any;
}

int gen_profile_item_at(const gen_profile *p, const unsigned char *keep, unsigned line)
{
    unsigned at = 3 + (unsigned)p->default_allow;          /* after "param P;", "param Q;" */
    for (int s = 0; s < SEC_N; s++) {
        int open = 0;
        for (size_t i = 0; i < p->n; i++) {
            if (p->items[i].section != s || (keep && !keep[i])) continue;
            if (!open) { at++; open = 1; }                  /* the section's first line */
            if (at++ == line) return (int)i;
        }
        if (open) at++;
    }
    return -1;
}

static void profile_shapes(gen_profile *p)
{
    p->shapes = p->default_allow ? BIT(GS_DEFAULT_ALLOW) : 0;
    for (size_t i = 0; i < p->n; i++) p->shapes |= p->items[i].shapes;
}

void gen_profile_drop(gen_profile *p, size_t i)
{
    if (i >= p->n) return;
    memmove(&p->items[i], &p->items[i + 1], (p->n - i - 1) * sizeof p->items[0]);
    p->n--;
    profile_shapes(p);
}

int gen_profile_unfinal(gen_profile *p, size_t i)
{
    gen_item *it = i < p->n ? &p->items[i] : NULL;
    const char *f = it && it->section < SEC_SBPL ? strstr(it->text, "final ") : NULL;
    if (!f) return 0;
    it->text = arena_printf(p->a, "%.*s%s", (int)(f - it->text), it->text, f + 6);
    it->shapes &= ~(BIT(GS_FINAL) | BIT(GS_FINAL_UNFILTERED));
    it->move.tpl = NULL;                                  /* no longer promised anything */
    profile_shapes(p);
    return 1;
}

/* ---- values ------------------------------------------------------------------- */

#define X10 "xxxxxxxxxx"
#define X100 X10 X10 X10 X10 X10 X10 X10 X10 X10 X10
#define E10 "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
#define E100 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10

/* (long: a literal of the output holds at most 1,024 bytes; values around
 * it, a two-byte character on the boundary) */
static const gen_values value_sets[] = {
    { "plain", -1, { { "HOME", "/Users/test" }, { "USER", "test" }, { "P", "/a/b" }, { "Q", "/a/b/c" } }, 0 },
    { "nested", -1, { { "HOME", "/a" }, { "USER", "b" }, { "P", "/a/b/bc" }, { "Q", "/c" } }, 0 },
    { "root", GS_VAL_ROOT, { { "HOME", "/Users/test" }, { "USER", "test" }, { "P", "/" }, { "Q", "/a" } }, 0 },
    { "usr", GS_VAL_USR, { { "HOME", "/usr" }, { "USER", "lib" }, { "P", "/usr" }, { "Q", "/usr/lib" } }, 0 },
    { "home", GS_VAL_HOME, { { "HOME", "/Users/test" }, { "USER", ".ssh" }, { "P", "/Users/test" }, { "Q", "/Users/test/.ssh" } }, 0 },
    { "meta", GS_VAL_META, { { "HOME", "/a/j.doe+x" }, { "USER", "j.doe+x" }, { "P", "/a/j.doe+x" },
                             { "Q", "/a/p(1)[x]{2}^$|?*\\" } }, 0 },
    { "quote", GS_VAL_QUOTE, { { "HOME", "/Users/o\"k" }, { "USER", "o\"k" }, { "P", "/a/it\"s" }, { "Q", "/a/say 'hi'" } }, 0 },
    { "space", GS_VAL_SPACE, { { "HOME", "/Users/my name" }, { "USER", "a b" }, { "P", "/a/my dir" }, { "Q", "/a/b c" } }, 0 },
    { "utf8", GS_VAL_UTF8, { { "HOME", "/Users/jos\xc3\xa9" }, { "USER", "jos\xc3\xa9" }, { "P", "/a/caf\xc3\xa9" },
                             { "Q", "/a/\xe6\x97\xa5\xe6\x9c\xac/b" } }, 0 },
    { "long", GS_VAL_LONG, { { "HOME", "/Users/" X100 X100 X100 X100 X100 },
                             { "USER", X100 X100 X100 X100 X100 X100 X100 X100 X100 X100 "x" },
                             { "P", "/a/" X100 X100 X100 X100 X100 X100 X100 X100 X100 X100 "x" },
                             { "Q", "/a/" E100 E100 E100 E100 E100 "x" } }, 0 },
    { "multi", GS_VAL_MULTI, { { "HOME", "/a" }, { "USER", "b/c" }, { "P", "/a/b" }, { "Q", "/a/b/c" } }, 0 },
    { "multi3", GS_VAL_MULTI, { { "HOME", "/Users/test" }, { "USER", "b/bc/c" }, { "P", "/a" }, { "Q", "/a/bc" } }, 0 },
    { "alias", GS_VAL_ALIAS, { { "HOME", "/Users/test" }, { "USER", "tmp" }, { "P", "/" }, { "Q", "/a" } }, 0 },
    { "alias2", GS_VAL_ALIAS, { { "HOME", "/a" }, { "USER", "etc/b" }, { "P", "/" }, { "Q", "/etc" } }, 0 },
    { "alias3", GS_VAL_ALIAS, { { "HOME", "/a" }, { "USER", "var" }, { "P", "/a/b" }, { "Q", "/private/var" } }, 0 },
    /* a value glued to text or to another value makes /tmp ("${P}p", "$P$USER", "~/$USER" with HOME=/) */
    { "glued", GS_VAL_ALIAS, { { "HOME", "/" }, { "USER", "tmp" }, { "P", "/tm" }, { "Q", "/" } }, 0 },
    { "glued2", GS_VAL_ALIAS, { { "HOME", "/" }, { "USER", "mp" }, { "P", "/t" }, { "Q", "/a" } }, 0 },
    /* text glued to the value makes the alias: "/t$USER" */
    { "alias4", GS_VAL_ALIAS, { { "HOME", "/Users/test" }, { "USER", "mp" }, { "P", "/a" }, { "Q", "/a" } }, 0 },
    /* canonical without the trailing "/", under /private */
    { "trail", GS_VAL_TRAIL, { { "HOME", "/Users/test//" }, { "USER", "test" }, { "P", "/a/b/" }, { "Q", "/tmp/w" } }, 0 },
    { "trail2", GS_VAL_TRAIL, { { "HOME", "/var/h/" }, { "USER", "b" }, { "P", "/etc/" }, { "Q", "/a/b/c/" } }, 0 },
    /* values in other cases: an alias ("/$USER" with USER=TMP is /private/tmp; "${P}p" with P=/TM, "/t$USER" with
     * USER=MP, "/T$USER" with USER=mp), a prefix of /tmpx (USER=tmp), the text a glued rule completes ("/q/t$USER",
     * USER=ax), letters (USER=\xc3\x89, Q=/q/\xce\x92) */
    { "case-TMP", GS_VAL_CASE, { { "HOME", "/Users/test" }, { "USER", "TMP" }, { "P", "/" }, { "Q", "/a" } }, 0 },
    { "case-Tmp", GS_VAL_CASE, { { "HOME", "/" }, { "USER", "Tmp" }, { "P", "/TM" }, { "Q", "/a" } }, 0 },
    { "case-MP", GS_VAL_CASE, { { "HOME", "/Users/test" }, { "USER", "MP" }, { "P", "/T" }, { "Q", "/a" } }, 0 },
    { "case-mp", GS_VAL_CASE, { { "HOME", "/Users/test" }, { "USER", "mp" }, { "P", "/Tm" }, { "Q", "/a" } }, 0 },
    { "case-tmp", GS_VAL_CASE, { { "HOME", "/Users/test" }, { "USER", "tmp" }, { "P", "/tm" }, { "Q", "/a" } }, 0 },
    { "case-ax", GS_VAL_CASE, { { "HOME", "/Users/test" }, { "USER", "ax" }, { "P", "/q/T" }, { "Q", "/q" } }, 0 },
    { "case-letters", GS_VAL_CASE, { { "HOME", "/Users/test" }, { "USER", "\xc3\x89" }, { "P", "/q" },
                                     { "Q", "/q/\xce\x92" } }, 0 },
    /* refused: -D says so, where each stands (docs/language.md) */
    { "empty", GS_VAL_REFUSED, { { "HOME", "/Users/test" }, { "USER", "test" }, { "P", "" }, { "Q", "/a/b/c" } }, 1 },
    { "dotdot", GS_VAL_REFUSED, { { "HOME", "/Users/test" }, { "USER", "test" }, { "P", "/a/b" }, { "Q", "/a/../b" } }, 1 },
    { "dot", GS_VAL_REFUSED, { { "HOME", "/Users/test/." }, { "USER", "test" }, { "P", "/a/b" }, { "Q", "/a/b/c" } }, 1 },
    { "reldots", GS_VAL_REFUSED, { { "HOME", "/Users/test" }, { "USER", ".." }, { "P", "/a/b" }, { "Q", "/a/b/c" } }, 2 },
};


const gen_values *gen_value_sets(size_t *n)
{
    *n = sizeof value_sets / sizeof value_sets[0];
    return value_sets;
}

static void expand(strbuf *out, const char *s, const sb_param *v, size_t nv, int collapse)
{
    strbuf b;
    sb_init(&b);
    if (s[0] == '~' && (s[1] == '/' || s[1] == 0)) {
        for (size_t i = 0; i < nv; i++) if (!strcmp(v[i].name, "HOME")) sb_puts(&b, v[i].value);
        s++;
    }
    while (*s) {
        if (s[0] == '$' && (s[1] == '{' || (s[1] >= 'A' && s[1] <= 'Z'))) {
            const char *n = s + 1 + (s[1] == '{'), *e = n;
            while ((*e >= 'A' && *e <= 'Z') || (*e >= '0' && *e <= '9') || *e == '_') e++;
            for (size_t i = 0; i < nv; i++)
                if (strlen(v[i].name) == (size_t)(e - n) && !memcmp(v[i].name, n, (size_t)(e - n))) sb_puts(&b, v[i].value);
            s = e + (s[1] == '{' && *e == '}');
            continue;
        }
        sb_putc(&b, *s++);
    }
    const char *t = sb_cstr(&b);
    for (size_t i = 0; i < b.len; i++)
        if (!(collapse && t[i] == '/' && out->len && out->data[out->len - 1] == '/')) sb_putc(out, t[i]);
    sb_free(&b);
}

void gen_expand(strbuf *out, const char *s, const sb_param *v, size_t nv) { expand(out, s, v, nv, 1); }

void gen_expand_written(strbuf *out, const char *s, const sb_param *v, size_t nv) { expand(out, s, v, nv, 0); }
