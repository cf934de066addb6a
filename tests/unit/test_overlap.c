/* test_overlap.c - matcher relations and the back end's disjointness. */
#include "unit.h"
#include "../../compiler/overlap.h"
#include "../../compiler/patterns.h"

static matcher mk(arena *a, matcher_kind k, const char *v)
{
    matcher m = { 0 };
    m.kind = k;
    m.value = v;
    m.len = v ? strlen(v) : 0;
    m.ns = k >= MK_NAME && k <= MK_NAME_REGEX ? NS_GLOBAL : NS_NONE;
    matcher_finish(a, &m);
    return m;
}

void test_overlap(void)
{
    arena a;
    arena_init(&a);
    unit_case("overlap: subpath respects component boundaries");
    matcher s = mk(&a, MK_SUBPATH, "/a/b"), l1 = mk(&a, MK_LITERAL, "/a/bc"), l2 = mk(&a, MK_LITERAL, "/a/b/c");
    CHECK(matcher_relation(&s, &l1) == REL_DISJOINT, "/a/bc is not under /a/b");
    CHECK(matcher_relation(&s, &l2) == REL_OVERLAP, "/a/b/c is under /a/b");
    matcher p = mk(&a, MK_PREFIX, "/a/b");
    CHECK(matcher_relation(&p, &l1) == REL_OVERLAP, "prefix /a/b covers /a/bc");
    matcher root = mk(&a, MK_SUBPATH, "/");
    CHECK(matcher_relation(&root, &l1) == REL_OVERLAP, "/ covers everything");

    unit_case("overlap: parameters");
    matcher h = mk(&a, MK_SUBPATH, "\x01HOME\x02/.ssh"), w = mk(&a, MK_SUBPATH, "\x01WORKDIR\x02");
    CHECK(matcher_relation(&h, &w) == REL_UNKNOWN, "different parameters: unknown");
    matcher h2 = mk(&a, MK_LITERAL, "\x01HOME\x02/.gitconfig");
    CHECK(matcher_relation(&h, &h2) == REL_DISJOINT, "same parameter, different paths");
    matcher slash = mk(&a, MK_LITERAL, "/");
    CHECK(matcher_relation(&h, &slash) == REL_DISJOINT, "/ is never $HOME/.ssh or below");
    matcher ps = mk(&a, MK_PREFIX, "\x01P\x02/"), pl = mk(&a, MK_LITERAL, "\x01P\x02"), plb = mk(&a, MK_LITERAL, "\x01P\x02/b");
    CHECK(matcher_relation(&ps, &pl) != REL_DISJOINT, "prefix \"$P/\" is \"/\" when P is /: it may meet literal $P");
    CHECK(matcher_relation(&ps, &plb) == REL_OVERLAP, "prefix \"$P/\" covers $P/b");
    matcher sl = mk(&a, MK_PREFIX, "/a/b/"), lb = mk(&a, MK_LITERAL, "/a/b"), lbc = mk(&a, MK_LITERAL, "/a/bc");
    CHECK(matcher_relation(&sl, &lb) == REL_DISJOINT && matcher_relation(&sl, &lbc) == REL_DISJOINT,
          "prefix \"/a/b/\" meets neither /a/b nor /a/bc");
    CHECK(matcher_relation(&sl, &s) == REL_OVERLAP, "prefix \"/a/b/\" lies in subpath /a/b");

    unit_case("overlap: names and addresses");
    matcher n1 = mk(&a, MK_NAME, "com.apple.x"), n2 = mk(&a, MK_NAME_PREFIX, "com.apple."), n3 = mk(&a, MK_NAME, "org.x");
    CHECK(matcher_relation(&n1, &n2) == REL_OVERLAP, "prefix covers name");
    CHECK(matcher_relation(&n3, &n2) == REL_DISJOINT, "prefix does not cover other name");
    matcher i1 = mk(&a, MK_IP, "*:443"), i2 = mk(&a, MK_IP, "localhost:443"), i3 = mk(&a, MK_IP, "localhost:80");
    CHECK(matcher_relation(&i1, &i2) == REL_OVERLAP, "* covers localhost");
    CHECK(matcher_relation(&i3, &i2) == REL_DISJOINT, "different ports");
    CHECK(spec_cmp(&i2, &i1) > 0, "localhost:443 is more specific than *:443");

    unit_case("overlap: patterns are certain only where their fixed part decides");
    {
        matcher lit = mk(&a, MK_LITERAL, "/l/a"), sub = mk(&a, MK_SUBPATH, "/s/wt1"), pre = mk(&a, MK_PREFIX, "/p/ab");
        matcher g_below = mk(&a, MK_GLOB, "/l/a/sub/*.pem"), g_same = mk(&a, MK_GLOB, "/l/a*");
        matcher g_in = mk(&a, MK_GLOB, "/s/wt1/**/*.pem"), g_beside = mk(&a, MK_GLOB, "/s/wt10/*"), g_up = mk(&a, MK_GLOB, "/s/*");
        matcher g_pre = mk(&a, MK_GLOB, "/p/abc*"), g_short = mk(&a, MK_GLOB, "/p/a*");
        matcher k1 = mk(&a, MK_GLOB, "/k/*.key"), k2 = mk(&a, MK_GLOB, "/k/*.txt");
        CHECK(matcher_relation(&lit, &g_below) == REL_DISJOINT, "a glob longer than a literal never matches it");
        CHECK(matcher_relation(&g_same, &lit) == REL_UNKNOWN, "a glob that may match the literal is undecided");
        CHECK(matcher_relation(&sub, &g_in) == REL_OVERLAP, "a glob below a subpath overlaps it");
        CHECK(matcher_relation(&g_beside, &sub) == REL_DISJOINT, "a glob in a sibling directory (wt10 beside wt1)");
        CHECK(matcher_relation(&sub, &g_up) == REL_UNKNOWN, "a glob above a subpath is undecided");
        CHECK(matcher_relation(&pre, &g_pre) == REL_OVERLAP, "a glob whose fixed part extends a prefix");
        CHECK(matcher_relation(&g_short, &pre) == REL_UNKNOWN, "a glob shorter than a prefix is undecided");
        CHECK(matcher_relation(&k1, &k2) == REL_OVERLAP, "two different globs are not analysed: taken as meeting");
        CHECK(matcher_relation(&k1, &k1) == REL_OVERLAP, "a glob overlaps itself");
        matcher nr = mk(&a, MK_NAME_REGEX, "^com\\.apple\\.x\\.y"), nn = mk(&a, MK_NAME, "com.apple.");
        CHECK(matcher_relation(&nr, &nn) != REL_OVERLAP, "a name regex against a shorter name is not certain");
    }

    unit_case("overlap: a glob ending in '**' meets the literal of its directory (issue 17 item 1)");
    {
        matcher gs = mk(&a, MK_GLOB, "/a/b/**"), gs2 = mk(&a, MK_GLOB, "/a/b/**/**"), ld = mk(&a, MK_LITERAL, "/a/b");
        matcher lp = mk(&a, MK_LITERAL, "/a"), lc = mk(&a, MK_LITERAL, "/a/bc");
        CHECK(matcher_relation(&gs, &ld) != REL_DISJOINT, "glob /a/b/** matches /a/b");
        CHECK(matcher_relation(&ld, &gs2) != REL_DISJOINT, "glob /a/b/**/** matches /a/b");
        CHECK(matcher_relation(&gs, &lp) == REL_DISJOINT, "but never /a");
        CHECK(matcher_relation(&gs, &lc) == REL_DISJOINT, "nor /a/bc");
        matcher gw = mk(&a, MK_GLOB, "\x01WORKDIR\x02/**"), lw = mk(&a, MK_LITERAL, "\x01WORKDIR\x02");
        CHECK(matcher_relation(&gw, &lw) != REL_DISJOINT, "glob $WORKDIR/** matches $WORKDIR");
        matcher ge = mk(&a, MK_GLOB, "/a/x\\*y/z/w"), se = mk(&a, MK_SUBPATH, "/a/x*y/z");
        CHECK(matcher_relation(&ge, &se) == REL_OVERLAP && spec_cmp(&ge, &se) > 0,
              "glob /a/x\\*y/z/w lies in subpath /a/x*y/z and beats it (item 7)");
    }

    unit_case("overlap: letters in both cases compare in any case");
    {
        matcher fs = mk(&a, MK_REGEX, "^\x01HOME\x02/\\.[sS][sS][hH](/.*)?$");
        matcher slash1 = mk(&a, MK_LITERAL, "/"), lib = mk(&a, MK_LITERAL, "/Library");
        CHECK(matcher_relation(&fs, &slash1) == REL_DISJOINT && matcher_relation(&lib, &fs) == REL_DISJOINT,
              "/ and /Library are never $HOME/.ssh or below, in any case");
        matcher anc = { 0 };
        anc.kind = MK_ANCESTORS;
        anc.value = "HOME";
        anc.len = 4;
        matcher_finish(&a, &anc);
        CHECK(matcher_relation(&anc, &fs) == REL_DISJOINT, "the ancestors of $HOME are not below it");
        matcher hs = mk(&a, MK_LITERAL, "\x01HOME\x02/.SSH/id"), hg = mk(&a, MK_LITERAL, "\x01HOME\x02/.gitconfig");
        CHECK(matcher_relation(&fs, &hs) == REL_OVERLAP, "$HOME/.SSH/id is $HOME/.ssh/id in another case");
        CHECK(matcher_relation(&fs, &hg) == REL_DISJOINT, "$HOME/.gitconfig is beside $HOME/.ssh");
        matcher fu = mk(&a, MK_REGEX, "^/[uU][sS][eE][rR][sS]/\x01USER\x02/\\.[sS][sS][hH]/[cC]$");
        matcher ab = mk(&a, MK_SUBPATH, "/a/b"), us = mk(&a, MK_SUBPATH, "/USERS");
        CHECK(matcher_relation(&fu, &ab) == REL_DISJOINT, "/Users/$USER/.ssh/c in any case is not under /a/b");
        CHECK(matcher_relation(&fu, &us) != REL_DISJOINT, "but it may be under /USERS");
        matcher one = mk(&a, MK_REGEX, "^/a/[bB]$"), up = mk(&a, MK_LITERAL, "/A/b");
        CHECK(matcher_relation(&one, &up) == REL_DISJOINT, "a letter written in one case stays in it");
        matcher fg = mk(&a, MK_GLOB, "/[tT][mM][pP]/[xX]/**"), pt = mk(&a, MK_LITERAL, "/private/tmp/x");
        CHECK(matcher_relation(&fg, &pt) != REL_DISJOINT, "a glob's /tmp in any case may be /private/tmp");
        matcher fd = mk(&a, MK_GLOB, "/[oO][pP][tT]/**"), od = mk(&a, MK_LITERAL, "/OPT"), oe = mk(&a, MK_LITERAL, "/optx");
        CHECK(matcher_relation(&fd, &od) == REL_OVERLAP && matcher_relation(&fd, &oe) == REL_DISJOINT,
              "glob /opt/** in any case matches /OPT, not /optx");
    }

    unit_case("overlap: emitted allow and deny are disjoint (carve-out)");
    int errors;
    char *out = unit_compile("files { allow write \"/w\"; deny write \"/w/secret\"; allow write literal \"/w/secret/ok\"; }\n",
                             NULL, 0, &errors);
    CHECK(out && strstr(out, "(allow file-write* (require-all (subpath \"/w\") (require-not (subpath \"/w/secret\"))))"),
          "allow /w minus /w/secret\n%s", out ? out : "");
    CHECK(out && strstr(out, "(deny file-write* (require-all (subpath \"/w/secret\") (require-not (literal \"/w/secret/ok\"))))"),
          "deny /w/secret minus the literal allow");
    free(out);

    unit_case("overlap: a concrete-operation opponent splits the wildcard rule");
    out = unit_compile("files { allow write \"/w\"; deny file-write-data literal \"/w/x\"; }\n", NULL, 0, &errors);
    CHECK(out && strstr(out, "(allow file-write-data (require-all (subpath \"/w\") (require-not (literal \"/w/x\"))))"),
          "file-write-data carved\n%s", out ? out : "");
    CHECK(out && strstr(out, "file-write-unlink") && strstr(out, "file-write-create"), "other write operations listed");
    free(out);

    unit_case("overlap: equal specificity, deny wins and the allow is dropped");
    out = unit_compile("files { allow read \"/t\"; deny read \"/t\"; }\n", NULL, 0, &errors);
    CHECK(out && !strstr(out, "(allow file-read* (subpath \"/t\"))") && strstr(out, "(deny file-read* (subpath \"/t\"))"),
          "only the deny\n%s", out ? out : "");
    free(out);
    arena_free(&a);
}
