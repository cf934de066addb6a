/* test_option_file.c - the file an option word names in itself
 * (runner_option_file) and a git directory told by what it holds
 * (runner_git_dir_at). */
#include "unit.h"
#include "../../runner/git_dir.h"
#include "../../runner/option_file.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* each case: its name, and word -> the file it names, in pairs */
static const struct {
    const char *name;
    const char *pairs[9];
} cases[] = {
    { "option file: after the option's '='",
      { "--require=./x.js", "./x.js", "-r=./x.js", "./x.js", "--x.y=./f", "./f", "--experimental-loader=/l.mjs",
        "/l.mjs" } },
    { "option file: java's agent, between ':' and '='",
      { "-javaagent:./agent.jar=debug", "./agent.jar", "-agentpath:/a.so", "/a.so" } },
    { "option file: a path right after a one-letter option", { "-r./x.rb", "./x.rb", "-r/x.rb", "/x.rb" } },
    { "option file: a file: URL's path", { "--import=file:///x.mjs", "/x.mjs", "file:///x.mjs", "/x.mjs" } },
    { "option file: a word that names nothing in itself is itself",
      { "-rjson", "-rjson", "--verbose", "--verbose", "./tools/x", "./tools/x" } },
};

void test_option_file(void)
{
    arena a;
    arena_init(&a);
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        unit_case(cases[c].name);
        for (size_t i = 0; cases[c].pairs[i]; i += 2) {
            const char *w = cases[c].pairs[i], *want = cases[c].pairs[i + 1];
            const char *got = runner_option_file(&a, w);
            CHECK(!strcmp(got, want), "runner_option_file(\"%s\") = \"%s\", want \"%s\"", w, got, want);
        }
    }
    arena_free(&a);

    unit_case("git dir: HEAD, objects and refs, through links but HEAD's");
    char tmpl[] = "/tmp/buckle-unit-gitdir.XXXXXX";
    char *d = mkdtemp(tmpl);
    CHECK(d != NULL, "mkdtemp");
    if (!d) return;
    char p[512];
    int fd = open(d, O_RDONLY | O_DIRECTORY);
    CHECK(!runner_git_dir_at(fd, "."), "an empty directory is no git directory");
    snprintf(p, sizeof p, "%s/refs", d);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/objs", d);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/HEAD", d);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/objects", d);
    CHECK(symlink("objs", p) == 0, "symlink %s", p);
    CHECK(!runner_git_dir_at(fd, "."), "a HEAD that is a directory: no git directory");
    snprintf(p, sizeof p, "%s/HEAD", d);
    rmdir(p);
    CHECK(symlink("refs/heads/main", p) == 0, "symlink %s", p);
    CHECK(runner_git_dir_at(fd, "."), "HEAD a symbolic ref, objects a link to a directory: a git directory");
    CHECK(runner_git_dir_at(AT_FDCWD, d), "... by its absolute path too");
    snprintf(p, sizeof p, "%s/refs", d);
    rmdir(p);
    CHECK(!runner_git_dir_at(fd, "."), "without refs: no git directory");
    close(fd);
    const char *names_in[] = { "HEAD", "objects", "objs" };
    for (size_t i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", d, names_in[i]);
        if (unlink(p) != 0) rmdir(p);
    }
    rmdir(d);
}
