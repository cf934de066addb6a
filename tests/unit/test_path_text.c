/* test_path_text.c - paths taken from their text (runner_path_step, through
 * runner_path_by_name and runner_path_follow), a path at or beneath a
 * directory (runner_path_within), and the links on a path's way resolved
 * (ll_resolve_links). */
#include "unit.h"
#include "../../backend/path_links.h"
#include "../../runner/nested_repos.h"
#include "../../runner/path_text.h"
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void by_name(arena *a, const char *in, const char *want)
{
    const char *got = runner_path_by_name(a, in);
    CHECK(!strcmp(got, want), "runner_path_by_name(\"%s\") = \"%s\", want \"%s\"", in, got, want);
}

static void str_is(const char *what, const char *got, const char *want)
{
    CHECK(got && want ? !strcmp(got, want) : got == want, "%s = \"%s\", want \"%s\"", what, got ? got : "(null)",
          want ? want : "(null)");
}

void test_path_text(void)
{
    arena a;
    arena_init(&a);
    unit_case("path text: . and .. by name");
    by_name(&a, "/a/./b/../c", "/a/c");
    by_name(&a, "/a/..", "/");
    by_name(&a, "/..", "/");
    by_name(&a, "//a//b/", "/a/b");
    by_name(&a, "a/../../b/.", "/b");
    by_name(&a, "/", "/");

    unit_case("path text: at or beneath a directory");
    CHECK(runner_path_within("/a/b", "/a"), "/a/b within /a");
    CHECK(runner_path_within("/a", "/a/"), "/a within /a/");
    CHECK(runner_path_within("/a/b", "/"), "/a/b within /");
    CHECK(!runner_path_within("/ab", "/a"), "/ab not within /a");

    unit_case("path text: links followed, and . and .. taken where they lead");
    char dir[] = "/tmp/buckle-unit-path-XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    char real[PATH_MAX];
    CHECK(realpath(dir, real) != NULL, "realpath");
    const char *d = arena_strdup(&a, real);
    const char *sub = arena_printf(&a, "%s/sub", d);
    CHECK(mkdir(sub, 0700) == 0, "mkdir");
    CHECK(symlink("sub", arena_printf(&a, "%s/lnk", d)) == 0, "symlink");
    str_is("follow lnk/x", runner_path_follow(&a, arena_printf(&a, "%s/lnk/x", d)), arena_printf(&a, "%s/x", sub));
    /* .. after a link is taken from where the link leads */
    str_is("follow lnk/../sub", runner_path_follow(&a, arena_printf(&a, "%s/lnk/../sub", d)), sub);
    str_is("resolve lnk/x/y", ll_resolve_links(&a, arena_printf(&a, "%s/lnk/x/y", d), 1),
           arena_printf(&a, "%s/x/y", sub));
    str_is("resolve lnk, not the last", ll_resolve_links(&a, arena_printf(&a, "%s/lnk", d), 0), NULL);
    str_is("resolve lnk, the last too", ll_resolve_links(&a, arena_printf(&a, "%s/lnk", d), 1), sub);
    str_is("resolve sub: nothing changes", ll_resolve_links(&a, sub, 1), NULL);
    str_is("kernel: sub stays", runner_path_kernel(&a, sub), sub);
    str_is("kernel: lnk/z", runner_path_kernel(&a, arena_printf(&a, "%s/lnk/z", d)), arena_printf(&a, "%s/z", sub));
    unlink(arena_printf(&a, "%s/lnk", d));
    rmdir(sub);
    CHECK(rmdir(d) == 0, "the test's directory is left empty and removed");
    arena_free(&a);
}
