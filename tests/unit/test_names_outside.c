/* test_names_outside.c - the count that tells a plan writing nearly
 * everywhere (runner_outside_dirs_from): a directory listed, then gone or
 * replaced by the time it is read, counts with nothing beneath it rather
 * than ending the count. */
#include "unit.h"
#include "../../runner/names_outside.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int count(arena *a, const ll_plan *plan, const char *first, const char *second, size_t max)
{
    const char *start[] = { first, second };
    return runner_outside_dirs_from(a, plan, start, second ? 2 : 1, max);
}

void test_names_outside(void)
{
    arena a;
    arena_init(&a);
    ll_plan plan;
    memset(&plan, 0, sizeof plan); /* no grant: the command writes nowhere */
    const char *tmp = getenv("TMPDIR");
    char *dir = arena_printf(&a, "%s/buckle-unit-outside-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    unit_case("names outside: the count reads the directories there are");
    CHECK(mkdtemp(dir) != NULL, "mkdtemp %s", dir);
    const char *sub = arena_printf(&a, "%s/sub", dir), *file = arena_printf(&a, "%s/file", dir);
    const char *lnk = arena_printf(&a, "%s/lnk", dir), *gone = arena_printf(&a, "%s/gone", dir);
    CHECK(mkdir(sub, 0700) == 0, "mkdir %s", sub);
    FILE *f = fopen(file, "w");
    CHECK(f != NULL, "create %s", file);
    if (f) fclose(f);
    CHECK(symlink(sub, lnk) == 0, "symlink %s", lnk);
    CHECK(count(&a, &plan, dir, NULL, 4) == 1, "a directory and one beneath it: at most 4");
    CHECK(count(&a, &plan, dir, NULL, 0) == 0, "a directory and one beneath it: not at most 0");

    unit_case("names outside: a directory gone by the time the count reads it is counted with nothing beneath it");
    CHECK(count(&a, &plan, dir, gone, 4) == 1, "%s, gone: at most 4", dir);

    unit_case("names outside: a directory replaced by a file or a link is counted with nothing beneath it");
    CHECK(count(&a, &plan, dir, file, 4) == 1, "%s, now a file: at most 4", dir);
    CHECK(count(&a, &plan, dir, lnk, 4) == 1, "%s, now a link: at most 4", dir);

    unlink(lnk);
    unlink(file);
    rmdir(sub);
    CHECK(rmdir(dir) == 0, "the test's directory is left empty and removed");
    arena_free(&a);
}
