/* test_injection.c - strings that mean something to SBPL, to a regex or to
 * a comment can never add, drop or widen a rule: compile, read the output
 * back, and compare every rule and value. */
#include "unit.h"
#include <stdlib.h>

/* the buckle spelling of one character inside "..." */
static const char *bk_escape(const char *c)
{
    if (strcmp(c, "\"") == 0) return "\\\"";
    if (strcmp(c, "\\") == 0) return "\\\\";
    if (strcmp(c, "$") == 0) return "$$";
    return c;
}

static int find_rule(rb_rule *r, int n, const char *action, const char *ops, const char *filter)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(r[i].action, action) && !strcmp(r[i].ops, ops) && r[i].nfilters == 1 &&
            !strcmp(r[i].filters[0], filter)) return i;
    return -1;
}

void test_injection(void)
{
    static const char *const specials[] = {
        "\"", "\\", "(", ")", ";", "#|", "|#", ".", "^", "$", "*", "+", "?", "[", "]",
        "{", "}", "|", "#", "'", "`", ",", "\xc3\xa9",
    };
    static const char *const metas = ".^$*+?[]{}|()\\";
    rb_rule *rb = xcalloc(256, sizeof *rb);
    for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++) {
        const char *c = specials[i];
        char name[64];
        snprintf(name, sizeof name, "injection: character %s", c);
        unit_case(name);
        const char *e = bk_escape(c);
        char prof[2048];
        snprintf(prof, sizeof prof,
                 "files {\n  allow read literal \"/inj/a%sb\";\n"
                 "  deny write literal \"/inj/d\" message \"m%s\";\n}\n"
                 "mach { allow lookup \"n%s\"; }\n", e, e, e);
        int errors;
        char *out = unit_compile(prof, NULL, 0, &errors);
        CHECK(out != NULL, "compiles (%d errors)", errors);
        if (!out) continue;
        size_t maxlit;
        int n = unit_readback(out, rb, 256, &maxlit);
        /* 2 traversal rules (/ and /inj) + 3 written */
        CHECK(n == 5, "exactly 5 rules, got %d:\n%s", n, out);
        char want[256];
        snprintf(want, sizeof want, "literal=/inj/a%sb", c);
        CHECK(find_rule(rb, n, "allow", "file-read*", want) >= 0, "path kept exactly: %s\n%s", want, out);
        snprintf(want, sizeof want, "global-name=n%s", c);
        CHECK(find_rule(rb, n, "allow", "mach-lookup", want) >= 0, "name kept exactly: %s", want);
        int d = find_rule(rb, n, "deny", "file-write*", "literal=/inj/d");
        CHECK(d >= 0 && strcmp(rb[d].message, c) != 0 && rb[d].message[0] == 'm' && !strcmp(rb[d].message + 1, c),
              "message kept exactly");
        free(out);

        /* in a glob, the character is a literal unless it is a glob wildcard */
        if (strchr("*?[]", c[0]) || c[0] == '\\') continue;
        snprintf(prof, sizeof prof, "files { allow write glob \"/g/x%s*\"; }\n", e);
        out = unit_compile(prof, NULL, 0, &errors);
        CHECK(out != NULL, "glob compiles");
        if (!out) continue;
        n = unit_readback(out, rb, 256, &maxlit);
        char q[16];
        snprintf(q, sizeof q, "%s%s", strchr(metas, c[0]) && c[1] == 0 ? "\\" : "", c);
        if (!strcmp(c, "#|")) snprintf(q, sizeof q, "#\\|");
        if (!strcmp(c, "|#")) snprintf(q, sizeof q, "\\|#");
        snprintf(want, sizeof want, "regex=^/g/x%s[^/]*(/.*)?$", q);
        CHECK(find_rule(rb, n, "allow", "file-write*", want) >= 0, "glob regex escapes it: want %s\n%s", want, out);
        free(out);
    }

    unit_case("injection: a -D value with regex metacharacters matches only itself");
    const char *defs[] = { "WORKDIR=/Users/j.doe+x/(p)" };
    int errors;
    char *out = unit_compile("files { deny write glob \"$WORKDIR/**/.env\"; allow write \"$WORKDIR\"; }\n", defs, 1, &errors);
    CHECK(out != NULL, "compiles");
    if (out) {
        size_t maxlit;
        int n = unit_readback(out, rb, 256, &maxlit);
        CHECK(find_rule(rb, n, "deny", "file-write*", "regex=^/Users/j\\.doe\\+x/\\(p\\)/(.*/)?\\.env(/.*)?$") >= 0,
              "quoted value in the regex\n%s", out);
        CHECK(strstr(out, "(subpath \"/Users/j.doe+x/(p)\")") != NULL, "plain value in subpath");
        free(out);
    }

    unit_case("injection: a symbolic parameter in a pattern uses NAME.re");
    out = unit_compile("files { deny write glob \"$HOME/**/.env\"; }\n", NULL, 0, &errors);
    CHECK(out && strstr(out, "(param \"HOME.re\")") && strstr(out, ";; parameters: HOME.re"), "HOME.re\n%s", out ? out : "");
    free(out);

    unit_case("injection: control characters are rejected, not emitted");
    const char *ctl[] = { "files { allow read \"/a\\nb\"; }\n", "files { allow read \"/a\\x00b\"; }\n",
                          "files { allow read \"/a\\tb\"; }\n", "mach { allow lookup \"x\\x1b\"; }\n" };
    for (size_t i = 0; i < 4; i++) {
        out = unit_compile(ctl[i], NULL, 0, &errors);
        CHECK(out == NULL && errors >= 1, "rejects %s", ctl[i]);
        free(out);
    }

    unit_case("injection: a message may hold a newline; it stays inside the string");
    out = unit_compile("files { deny write \"/x\" message \"a\\n(allow default)\\n;\"; }\n", NULL, 0, &errors);
    CHECK(out != NULL, "compiles");
    if (out) {
        size_t maxlit;
        int n = unit_readback(out, rb, 256, &maxlit);
        CHECK(n == 1 && !strcmp(rb[0].message, "a\n(allow default)\n;"), "one rule, message intact (%d)", n);
        CHECK(strstr(out, "\n(allow default)") == NULL, "no rule injected");
        free(out);
    }

    unit_case("injection: a path longer than macOS's limit is refused; one at it stays whole");
    for (int round = 0; round < 2; round++) {
        size_t L = round ? 5000 : 1023;
        char *prof = xmalloc(L + 128), *path = xmalloc(L + 1);
        for (size_t i = 0; i < L; i++) path[i] = (i % 50 == 0) ? '/' : (char)('a' + i % 26);
        path[L] = 0;
        path[L / 2] = '"';
        snprintf(prof, L + 128, "files { allow read literal \"%.*s\\\"%s\"; }\n", (int)(L / 2), path, path + L / 2 + 1);
        out = unit_compile(prof, NULL, 0, &errors);
        if (round) CHECK(out == NULL && errors > 0, "a %zu-byte path is an error", L);
        else CHECK(out != NULL, "a %zu-byte path compiles", L);
        if (out) {
            size_t maxlit;
            int n = unit_readback(out, rb, 256, &maxlit);
            char *want = xmalloc(L + 16);
            snprintf(want, L + 16, "literal=%s", path);
            CHECK(find_rule(rb, n, "allow", "file-read*", want) >= 0, "value intact");
            CHECK(maxlit <= 1024, "longest literal %zu", maxlit);
            free(want);
            free(out);
        }
        free(prof);
        free(path);
    }
    free(rb);
}
