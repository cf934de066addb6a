/* test_path_collapse.c - path_collapse: one writing of a path for -D
 * values, srt import paths and raw sbpl paths. */
#include "unit.h"
#include "../../seatbelt/path_canonical.h"

static void pc(const char *in, int flags, const char *want)
{
    char buf[256];
    size_t n = strlen(in);
    memcpy(buf, in, n + 1);
    buf[path_collapse(buf, n, flags)] = 0;
    CHECK(strcmp(buf, want) == 0, "path_collapse(\"%s\", %d) = \"%s\", want \"%s\"", in, flags, buf, want);
}

void test_path_collapse(void)
{
    unit_case("path_collapse: runs of '/' and the '/' at the end");
    pc("/", 0, "/");
    pc("///", 0, "/");
    pc("/a//b/", 0, "/a/b");
    pc("/a//b/", PATH_KEEP_SLASH, "/a/b/");
    pc("~//w//", PATH_KEEP_SLASH, "~/w/");
    pc("/a/./b", 0, "/a/./b");                 /* dots only with PATH_DOTS */
    unit_case("path_collapse: . and .. as text");
    pc("/a/./b/../c", PATH_DOTS, "/a/c");
    pc("/a/..", PATH_DOTS, "/");
    pc("/..", PATH_DOTS, "/");
    pc("/a/b/", PATH_DOTS, "/a/b");
    pc("/a/b/", PATH_DOTS | PATH_KEEP_SLASH, "/a/b/");
    pc("/a/../", PATH_DOTS | PATH_KEEP_SLASH, "/");
    pc("/a/.", PATH_DOTS | PATH_KEEP_SLASH, "/a");
    pc("//a//b/../../c/./", PATH_DOTS | PATH_KEEP_SLASH, "/c/");
    pc("a/../b", PATH_DOTS, "a/../b");          /* not absolute: runs of '/' only */
}
