/* test_support.c - arena, hash map, sources, UTF-8, diagnostics. */
#include "unit.h"
#include "../../support/digest.h"
#include "../../grammar/parse_ctx.h"

void test_support(void)
{
    unit_case("support: hashmap put/get/grow");
    hashmap m;
    hm_init(&m);
    char keys[2000][16];
    for (int i = 0; i < 2000; i++) {
        snprintf(keys[i], sizeof keys[i], "k%d", i);
        CHECK(hm_put(&m, keys[i], strlen(keys[i]), (void *)(intptr_t)(i + 1)) == NULL, "fresh insert %d", i);
    }
    for (int i = 0; i < 2000; i++)
        CHECK(hm_get(&m, keys[i], strlen(keys[i])) == (void *)(intptr_t)(i + 1), "get %d", i);
    CHECK(hm_get(&m, "nope", 4) == NULL, "missing key");
    CHECK(hm_put(&m, keys[5], strlen(keys[5]), (void *)1) == (void *)6, "put keeps the first value");
    hm_free(&m);

    unit_case("support: an adopted arena's memory is used again, cleared");
    {
        arena a, b;
        arena_init(&a);
        arena_init(&b);
        unsigned char *used[64];
        for (int i = 0; i < 64; i++) {            /* 64 x 100 KB: several chunks */
            used[i] = arena_alloc(&b, 100000);
            memset(used[i], 0xa5, 100000);
        }
        arena_alloc(&a, 16);
        arena_adopt(&a, &b);
        CHECK(b.head == NULL && b.spare == NULL, "the source arena is left empty");
        int inside = 0, zero = 1;
        for (int i = 0; i < 64; i++) {
            unsigned char *p = arena_alloc(&a, 100000);
            for (int k = 0; k < 64; k++) if (p >= used[k] - 200000 && p < used[k] + 200000) { inside++; break; }
            for (size_t k = 0; k < 100000; k++) if (p[k]) { zero = 0; break; }
        }
        CHECK(zero, "memory handed out again is zeroed");
        CHECK(inside >= 60, "allocations come from the adopted chunks (%d of 64)", inside);
        unsigned char *big = arena_alloc(&a, (size_t)1 << 27);   /* larger than any spare chunk */
        CHECK(big[0] == 0 && big[((size_t)1 << 27) - 1] == 0, "a request no spare chunk holds is fresh and zeroed");
        arena_free(&a);
        arena_free(&b);
    }

    unit_case("support: the first chunk is cleared as it is handed out, on reused heap memory too");
    {
        /* dirty the heap: malloc hands this memory to the next small chunk */
        for (int round = 0; round < 3; round++) {
            unsigned char *junk = xmalloc(70000);
            memset(junk, 0x5a, 70000);
            free(junk);
            arena a;
            arena_init(&a);
            int zero = 1;
            size_t total = 0;
            /* odd sizes, so that allocations straddle every clear step and
             * the last one does not fit the first chunk */
            for (size_t n = 1; total < 150000; n = n * 7 % 4099 + 1) {
                unsigned char *p = arena_alloc(&a, n);
                for (size_t k = 0; k < n; k++) if (p[k]) { zero = 0; break; }
                memset(p, 0xff, n);
                total += n;
            }
            CHECK(zero, "every allocation is zeroed (round %d, %zu bytes)", round, total);
            arena_free(&a);
        }
    }

    unit_case("support: a digest taken in pieces equals the digest of the whole");
    {
        static unsigned char data[100003];
        uint64_t x = 88172645463325252ull;
        for (size_t i = 0; i < sizeof data; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; data[i] = (unsigned char)x; }
        int same = 1;
        for (size_t len = 0; len < 300 || len == 300; len++) {
            size_t n = len < 300 ? len : sizeof data;
            digest_ctx d;
            digest_begin(&d, n, 7);
            size_t at = 0, step = 8;
            while (n - at >= 8) {                 /* pieces of 8, 16, 24, ... bytes */
                size_t k = step < (n - at) / 8 * 8 ? step : (n - at) / 8 * 8;
                digest_words(&d, data + at, k);
                at += k;
                step = step % 64 + 8;
            }
            if (digest_end(&d, data + at, n - at) != digest64(data, n, 7)) { same = 0; CHECK(0, "length %zu", n); break; }
        }
        CHECK(same, "every length 0-299 and 100,003 bytes");
    }

    unit_case("support: source positions count characters");
    const char *t = "ab\n\xc3\xa9x\n";
    source *s = source_new("t", "t", xstrdup(t), strlen(t));
    source_pos p = source_position(s, 5);     /* 'x' after a 2-byte é */
    CHECK(p.line == 2 && p.col == 2, "got %u:%u", p.line, p.col);
    size_t len;
    const char *line = source_line(s, 4, &len);
    CHECK(len == 3 && memcmp(line, "\xc3\xa9x", 3) == 0, "line text");
    source_free(s);

    unit_case("support: source skips a byte-order mark and CR");
    const char *t2 = "\xEF\xBB\xBFx\r\ny";
    s = source_new("t", "t", xstrdup(t2), strlen(t2));
    p = source_position(s, 3);
    CHECK(p.line == 1 && p.col == 1, "BOM is not a column: %u:%u", p.line, p.col);
    line = source_line(s, 3, &len);
    CHECK(len == 1 && line[0] == 'x', "line without BOM and CR");
    source_free(s);

    unit_case("support: utf8 validation");
    size_t bad;
    CHECK(utf8_valid("h\xc3\xa9llo", 6, &bad), "valid 2-byte");
    CHECK(!utf8_valid("\xc3", 1, &bad), "truncated");
    CHECK(!utf8_valid("\xc0\xaf", 2, &bad), "overlong");
    CHECK(!utf8_valid("\xed\xa0\x80", 3, &bad), "surrogate");
    CHECK(!utf8_valid("a\xff", 2, &bad) && bad == 1, "invalid byte at 1");

    unit_case("support: diagnostics render with caret and sanitized names");
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    const char *t3 = "files {\n\tallow raed \"/x\";\n}\n";
    s = source_new("evil\nname", "x", xstrdup(t3), strlen(t3));
    span at = { s, 15, 19 };
    diag *d = diag_add(&dl, SEV_ERROR, "BK2006", at, "unknown verb");
    diag_help(&dl, d, "did you mean \"read\"?");
    strbuf out;
    sb_init(&out);
    diag_render_opts ro = { .format = DIAG_TEXT, .tool_version = "0" };
    diag_render(&out, &dl, &ro);
    CHECK(strstr(sb_cstr(&out), "evil\\nname:2:8: error: unknown verb [BK2006]") != NULL, "header: %s", sb_cstr(&out));
    CHECK(strstr(sb_cstr(&out), "\n    \t      ^~~~\n") != NULL, "caret under the verb: %s", sb_cstr(&out));
    sb_reset(&out);
    ro.format = DIAG_JSON;
    diag_render(&out, &dl, &ro);
    CHECK(strstr(sb_cstr(&out), "\"line\":2,\"column\":8,\"endLine\":2,\"endColumn\":12") != NULL, "json: %s", sb_cstr(&out));
    sb_free(&out);
    source_free(s);
    arena_free(&a);
}

#include "../../runner/runner.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void test_runner(void)
{
    unit_case("runner: profile names");
    CHECK(profile_name_matches("buckle-123-1700000000-00ff.sb"), "ours");
    CHECK(!profile_name_matches("buckle-123-1700000000-00ff.sb.bak"), "suffix");
    CHECK(!profile_name_matches("buckle-x-1-2.sb"), "not a pid");
    CHECK(!profile_name_matches("other.sb"), "other");
    CHECK(!profile_name_matches("buckle-1-2-XYZ.sb"), "not hex");

    unit_case("runner: profile files are fresh, 0600 and complete");
    char parent[] = "/tmp/buckle-unit-dir-XXXXXX";
    CHECK(mkdtemp(parent) != NULL, "mkdtemp");
    char dir[4200], n1[128], n2[128], p1[4400], p2[4400];
    const char *why = NULL;
    int dfd = runner_dir_open(parent, "d", dir, sizeof dir, &why);
    CHECK(dfd >= 0, "the directory is created and accepted: %s", why ? why : "");
    profile_parts pp = { "(version 1)\n", 12, -1, 0, 0, NULL, "(deny default)\n", 15 };
    CHECK(profile_file_write(dfd, &pp, n1, sizeof n1) == 0, "first");
    CHECK(profile_file_write(dfd, &pp, n2, sizeof n2) == 0, "second");
    CHECK(strcmp(n1, n2) != 0, "distinct names");
    snprintf(p1, sizeof p1, "%s/%s", dir, n1);
    snprintf(p2, sizeof p2, "%s/%s", dir, n2);
    struct stat st;
    CHECK(lstat(p1, &st) == 0 && (st.st_mode & 07777) == 0600 && st.st_size == 27, "mode 0600 and size");
    CHECK(lstat(dir, &st) == 0 && (st.st_mode & 07777) == 0700, "the directory is 0700");
    CHECK(profile_name_matches(n1), "name matches the sweep pattern: %s", n1);

    unit_case("runner: the directory must be ours, real and private, and so its ancestors");
    int fd2 = runner_dir_open(parent, "d", dir, sizeof dir, &why);
    CHECK(fd2 >= 0, "private dir accepted");
    if (fd2 >= 0) close(fd2);
    chmod(dir, 0770);
    CHECK(runner_dir_open(parent, "d", dir, sizeof dir, &why) < 0 && strstr(why, "group"), "group-writable refused");
    chmod(dir, 0700);
    char link[4200];
    snprintf(link, sizeof link, "%s/l", parent);
    CHECK(symlink(dir, link) == 0, "symlink");
    CHECK(runner_dir_open(parent, "l", dir, sizeof dir, &why) < 0 && strstr(why, "symbolic"), "symlink refused");
    unlink(link);
    chmod(parent, 0777);
    CHECK(runner_dir_open(parent, "d", dir, sizeof dir, &why) < 0 && strstr(why, "ancestor"), "world-writable parent refused");
    chmod(parent, 01777);
    fd2 = runner_dir_open(parent, "d", dir, sizeof dir, &why);
    CHECK(fd2 >= 0, "sticky world-writable parent accepted (like /tmp)");
    if (fd2 >= 0) close(fd2);
    chmod(parent, 0700);
    runner_dir_open(parent, "d", dir, sizeof dir, &why);

    unit_case("runner: the sweep removes only old files of ours");
    /* ages far from the limit: a file's time and time() may be a clock tick
     * apart (the kernel can stamp files with a finer clock than time()
     * reads), so "older than 0 s" is not a test that always holds */
    char old[4400], other[4400], fresh[4400];
    snprintf(old, sizeof old, "%s/buckle-1-2-ab.sb", dir);
    snprintf(other, sizeof other, "%s/keep.sb", dir);
    snprintf(fresh, sizeof fresh, "%s/buckle-1-3-cd.sb", dir);
    FILE *f = fopen(old, "w"); if (f) fclose(f);
    f = fopen(other, "w"); if (f) fclose(f);
    f = fopen(fresh, "w"); if (f) fclose(f);
    struct timespec ten_minutes_ago[2];
    clock_gettime(CLOCK_REALTIME, &ten_minutes_ago[0]);
    ten_minutes_ago[0].tv_sec -= 600;
    ten_minutes_ago[1] = ten_minutes_ago[0];
    const char *aged[] = { p1, p2, old, other };
    for (size_t i = 0; i < 4; i++) CHECK(utimensat(AT_FDCWD, aged[i], ten_minutes_ago, 0) == 0, "backdate %s", aged[i]);
    CHECK(profile_dir_sweep(dfd, 300, 1000000) == 3, "three of ours older than 5 minutes");
    CHECK(access(other, F_OK) == 0, "other file kept, however old");
    CHECK(access(fresh, F_OK) == 0, "a fresh file of ours kept");
    unlink(other);
    unlink(fresh);
    close(dfd);
    rmdir(dir);
    rmdir(parent);

    unit_case("runner: built-in parameter values");
    CHECK(runner_builtin_problem("HOME", "/Users/a") == NULL, "a home");
    CHECK(runner_builtin_problem("HOME", NULL) != NULL, "unset");
    CHECK(runner_builtin_problem("HOME", "") != NULL, "empty");
    CHECK(runner_builtin_problem("HOME", "/") != NULL, "the root");
    CHECK(runner_builtin_problem("HOME", "home/a") != NULL, "relative");
    CHECK(runner_builtin_problem("HOME", "/a/../b") != NULL, "not canonical");
    CHECK(runner_builtin_problem("WORKDIR", "/a\nb") != NULL, "control character");
    CHECK(runner_builtin_problem("USER", "alice") == NULL, "a user");
    CHECK(runner_builtin_problem("USER", "a/b") != NULL, "a user with a slash");
    CHECK(runner_builtin_problem("USER", "..") != NULL, "a user named ..");
}
