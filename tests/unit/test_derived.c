/* test_derived.c - the derived parameters (param_derived) and the regex of
 * a template as the kernel sees its paths (template_regex): the one place
 * the /private aliases are applied to patterns. */
#include "unit.h"
#include "../../compiler/expand.h"
#include "../../compiler/patterns.h"

static void derived(const char *v, const char *sfx, const char *want)
{
    strbuf b;
    sb_init(&b);
    int ok = param_derived(&b, v, sfx, strlen(sfx));
    CHECK(ok && !strcmp(sb_cstr(&b), want), "%s of \"%s\" is \"%s\", want \"%s\"", sfx, v, sb_cstr(&b), want);
    sb_free(&b);
}

/* t with '<' and '>' for the markers; vals "NAME=VALUE" or NULL */
static void tre(const char *t, int flags, const char *name, const char *value, const char *want)
{
    strbuf tt, b;
    sb_init(&tt);
    sb_init(&b);
    for (const char *p = t; *p; p++) sb_putc(&tt, *p == '<' ? PARAM_OPEN : *p == '>' ? PARAM_CLOSE : *p);
    hashmap vals;
    hm_init(&vals);
    if (name) hm_set(&vals, name, strlen(name), (void *)value);
    template_regex(&b, tt.data, tt.len, &vals, flags);
    for (size_t i = 0; i < b.len; i++) b.data[i] = b.data[i] == PARAM_OPEN ? '<' : b.data[i] == PARAM_CLOSE ? '>' : b.data[i];
    CHECK(!strcmp(sb_cstr(&b), want), "template %s (flags %d, %s=%s) is %s, want %s", t, flags, name ? name : "-",
          value ? value : "-", sb_cstr(&b), want);
    hm_free(&vals);
    sb_free(&tt);
    sb_free(&b);
}

void test_derived(void)
{
    unit_case("derived: NAME.up is a relative value up to each of its '/', or a text no path matches");
    derived("a/b/c", ".up", "(a|a/b)");
    derived("a.b/c+d/e", ".up", "(a\\.b|a\\.b/c\\+d)");
    derived("a", ".up", "/");
    derived("/x/y", ".up", "(/x)");
    unit_case("derived: the root forms read /private for tmp, var and etc");
    derived("tmp", ".root", "/private/tmp");
    derived("tmp", ".rootre", "/private/tmp");
    derived("a.b", ".rootre", "/a\\.b");
    derived("/", ".pre", "/private");
    derived("/", ".pdir", "/private/");
    derived("/a/b", ".ancestors", "^(/|/a)$");
    strbuf b;
    sb_init(&b);
    CHECK(!param_derived(&b, "x", ".nope", 5) && b.len == 0, "an unknown suffix derives nothing");
    sb_free(&b);

    unit_case("derived: a glob's regex under /private where a value puts it (macOS), symbolic or known");
    tre("/<D>/*.txt", TPL_GLOB | TPL_KEEP, NULL, NULL, "^<D.rootre>/[^/]*\\.txt(/.*)?$");
    tre("/<D>/*.txt", TPL_GLOB | TPL_KEEP, "D", "tmp", "^/private/tmp/[^/]*\\.txt(/.*)?$");
    tre("/<D>/*.txt", TPL_GLOB | TPL_KEEP | TPL_LINUX, "D", "tmp", "^/tmp/[^/]*\\.txt(/.*)?$");
    tre("/<D>/*.txt", TPL_GLOB | TPL_KEEP | TPL_LINUX, NULL, NULL, "^/<D.re>/[^/]*\\.txt(/.*)?$");
    tre("<P>/etc/*", TPL_GLOB | TPL_KEEP, NULL, NULL, "^<P.pre>/etc/[^/]+(/.*)?$");
    tre("<P>/etc/*", TPL_GLOB | TPL_KEEP, "P", "/", "^/private/?/etc/[^/]+(/.*)?$");   /* "/?" is the value / */
    tre("<P>/etc/*", TPL_GLOB | TPL_KEEP, "P", "/a", "^/a/etc/[^/]+(/.*)?$");
    tre("<P>/etcx/*", TPL_GLOB | TPL_KEEP, NULL, NULL, "^<P.re>/etcx/[^/]+(/.*)?$");
    tre("/a/<D>x/*", TPL_GLOB | TPL_KEEP, NULL, NULL, "^/a/<D.re>x/[^/]+(/.*)?$");
    tre("/<D>x/*", TPL_GLOB, NULL, NULL, "^/x/[^/]+(/.*)?$");   /* no value, no TPL_KEEP: dropped */
    unit_case("derived: exact text, and a derived marker after it");
    tre("/x+/<S.up>", TPL_KEEP, NULL, NULL, "^/x\\+/<S.up>");
    tre("/x+/<S.up>", TPL_KEEP, "S", "a/b/c", "^/x\\+/(a|a/b)");
    tre("<P>/<S.up>", TPL_KEEP, "P", "/", "^/?/<S.up>");
    tre("/<S.up>", TPL_KEEP, NULL, NULL, "^<S.uproot>");          /* right after the root */
    tre("/<S.up>", TPL_KEEP | TPL_LINUX, NULL, NULL, "^/<S.up>");
    derived("tmp/x/y", ".uproot", "(/private/tmp|/private/tmp/x)");
    derived("usr/x", ".uproot", "(/usr)");
    derived("usr", ".uproot", "//");
    unit_case("derived: NAME.ifalias and NAME.ifroot hold /private as an ancestor only where the value makes the alias");
    derived("tmp", ".ifalias", "");
    derived("etc/x", ".ifalias", "");
    derived("tmpx", ".ifalias", "//");
    derived("usr", ".ifalias", "//");
    derived("/", ".ifroot", "");
    derived("/a", ".ifroot", "//");
    unit_case("derived: NAME.ifslash and NAME.ifnoslash tell a value with a '/' after its first byte");
    derived("tmp/x", ".ifslash", "");
    derived("tmp/x", ".ifnoslash", "//");
    derived("tmp", ".ifslash", "//");
    derived("tmp", ".ifnoslash", "");
    derived("/tm", ".ifslash", "//");
    derived("/tmp/a", ".ifslash", "");
    unit_case("derived: the first component folded only up to the value that holds its first '/'");
    tre("/<A><B>", TPL_KEEP | TPL_FOLD1, NULL, NULL,
        "^(/<A.foldfirst><A.ifslash><B.re>|/<A.foldfirst><A.ifnoslash><B.foldfirst>)");
    tre("/<D>x/y", TPL_KEEP | TPL_FOLD1, NULL, NULL, "^(/<D.foldfirst><D.ifslash>x/y|/<D.foldfirst><D.ifnoslash>[xX]/y)");
    tre("/<D>x", TPL_KEEP | TPL_FOLD1, "D", "tmp/s", "^(/[tT][mM][pP]/sx|/[tT][mM][pP]/s//[xX])");
    tre("/t<X>", TPL_KEEP | TPL_FOLD1, NULL, NULL, "^/[tT]<X.foldfirst>");
    unit_case("derived: NAME.upfirst is NAME.up folded up to the value's first '/'");
    derived("mp/b", ".upfirst", "([mM][pP])");
    derived("MP/b/c", ".upfirst", "([mM][pP]|[mM][pP]/b)");
    derived("x", ".upfirst", "/");
    tre("/T<A.up>", TPL_KEEP | TPL_FOLD1, NULL, NULL, "^/[tT]<A.upfirst>");
    tre("/T<A.up>", TPL_KEEP | TPL_FOLD1, "A", "mp/b", "^/[tT]([mM][pP])");
    tre("/q/<A.up>", TPL_KEEP | TPL_FOLD1, NULL, NULL, "^/[qQ]/<A.up>");
}
