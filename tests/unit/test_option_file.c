/* test_option_file.c - the file an option word names in itself
 * (runner_option_files) and a git directory told by what it holds
 * (runner_git_dir_at). */
#include "unit.h"
#include "../../runner/git_dir.h"
#include "../../runner/option_file.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* each case: its name, and word -> the files it may name ("" ends
 * them, NULL ends the case's words) */
static const struct {
    const char *name;
    const char *words[40];
} cases[] = {
    { "option file: after the option's '='",
      { "--require=./x.js", "./x.js", "", "-r=./x.js", "./x.js", "", "--x.y=./f", "./f", "",
        "--experimental-loader=/l.mjs", "/l.mjs", "" } },
    { "option file: java's agent, between ':' and '='",
      { "-javaagent:./agent.jar=debug", "./agent.jar", "", "-agentpath:/a.so", "/a.so", "" } },
    { "option file: both readings where two forms fit",
      { "-X:a=./b", "a", "./b", "", "-javaagent:/a.jar=file:/%62", "/a.jar", "/b", "", "-r./x=/y", "./x=/y", "/y",
        "", "-r./x=y", "./x=y", "" } },
    { "option file: a path right after a one-letter option", { "-r./x.rb", "./x.rb", "", "-r/x.rb", "/x.rb", "" } },
    { "option file: a file: URL's path",
      { "--import=file:///x.mjs", "/x.mjs", "", "file:///x.mjs", "/x.mjs", "" } },
    { "option file: a file: URL's host is no part of its path",
      { "file://localhost/tmp/x", "/tmp/x", "", "file://LOCALHOST/tmp/x", "/tmp/x", "", "file://h.example/x", "/x",
        "", "file://localhost", "/", "", "file://C:/x", "/C:/x", "", "file:///c|/x", "/c:/x", "", "file:///C:/../x", "/C:/x", "",
        "file://$PWD/x", "$PWD/x", "",
        "file://localhost$PWD/x", "$PWD/x", "", "FILE:$PWD/%78", "$PWD/x", "",
        "file://$PWD/../x", "$PWD/../x", "" } },
    { "option file: a file: URL with one slash or none, the scheme in any case",
      { "file:/tmp/x", "/tmp/x", "", "file:tmp/x", "/tmp/x", "", "FILE:///tmp/x", "/tmp/x", "", "File:/tmp/x",
        "/tmp/x", "", "--import=fIlE:./x", "/x", "" } },
    { "option file: a file: URL's escapes decoded, %2F a '/', %00 its end",
      { "file:///%74mp/x", "/tmp/x", "", "file:///a%2Fb", "/a/b", "", "file:///a%2fb", "/a/b", "", "file:///a%00b",
        "/a", "", "file:///a%zz%4", "/a%zz%4", "", "file:///a%20b", "/a b", "" } },
    { "option file: a file: URL's query, fragment, '\\' and dot segments",
      { "file:///x.mjs?v=1", "/x.mjs", "", "file:///x.mjs#f", "/x.mjs", "", "file:///a\\b", "/a/b", "",
        "file:///a/../b", "/b", "", "file:///a/%2e%2E/b", "/b", "", "file:///a/./b/.", "/a/b/", "",
        "file:///../../x", "/x", "", "file:///a\tb", "/ab", "" } },
    { "option file: a word that names nothing in itself is itself",
      { "-rjson", "-rjson", "", "--verbose", "--verbose", "", "./tools/x", "./tools/x", "", "http://h/x", "http://h/x",
        "", "-agentlib:jdwp=transport=dt_socket", "jdwp", "" } },
};

void test_option_file(void)
{
    arena a;
    arena_init(&a);
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        unit_case(cases[c].name);
        for (size_t i = 0; cases[c].words[i];) {
            const char *w = cases[c].words[i++], *got[OPTION_FILES_MAX];
            size_t n = runner_option_files(&a, w, got), k = 0;
            for (; *cases[c].words[i]; i++, k++)
                CHECK(k < n && !strcmp(got[k], cases[c].words[i]), "runner_option_files(\"%s\")[%zu] = \"%s\", want \"%s\"",
                      w, k, k < n ? got[k] : "(none)", cases[c].words[i]);
            CHECK(n == k, "runner_option_files(\"%s\") gives %zu readings, want %zu", w, n, k);
            i++;
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
