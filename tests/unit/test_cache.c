/* test_cache.c - the run cache (runner/profile_cache.c): a stored entry
 * loads back whole; every damaged variant of it is a miss, never a crash or
 * a wrong profile; a changed input is a miss. */
#include "unit.h"
#include "../../runner/profile_cache.h"
#include "../../support/digest.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_file(const char *path, const char *data, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) return -1;
    int ok = write(fd, data, n) == (ssize_t)n;
    return close(fd) == 0 && ok ? 0 : -1;
}

static char *read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = xmalloc(1 << 16);
    *n = fread(buf, 1, 1 << 16, f);
    fclose(f);
    return buf;
}

void test_cache(void)
{
    char dir[] = "/tmp/buckle-unit-cache-XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    chmod(dir, 0700);
    char src[4200], entry[4200];
    snprintf(src, sizeof src, "%s/p.buckle", dir);
    write_file(src, "files { allow read \"/x\"; }\n", 28);
    const char *parts[] = { "a", "b" };
    uint64_t key = cache_key(parts, 2);
    snprintf(entry, sizeof entry, "%s/cache-%016llx.bc", dir, (unsigned long long)key);

    unit_case("cache: an entry loads back whole");
    arena a;
    arena_init(&a);
    const char *files[] = { src };
    uint64_t digests[1];
    size_t sizes[1] = { 28 };
    digests[0] = digest64("files { allow read \"/x\"; }\n", 28, 0);
    file_probe probes[] = { { "/nonexistent/buckle-probe.buckle", 0 } };
    cache_param params[] = { { "HOME", NULL }, { "P", "\x01HOME\x02/x y" } };
    cache_entry e = { "(version 1)\n(deny default)\n", 27, -1, 0, 0, 0, params, 2, files, digests, sizes, 1, probes, 1 };
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    CHECK(dfd >= 0, "open dir");
    CHECK(cache_store(dfd, key, &e) == 0, "stored");
    cache_entry got;
    CHECK(cache_load(dfd, key, &a, &got) == 0, "loaded");
    CHECK(got.body_digest == digest_wide(e.profile, 27), "the body's digest is recorded");
    CHECK(got.len == 27 && got.nparams == 2 && got.nfiles == 1 && got.nprobes == 1, "counts");
    CHECK(got.nparams == 2 && !strcmp(got.params[1].def, "\x01HOME\x02/x y") && got.params[0].def == NULL, "parameters");
    char body[64] = { 0 };
    CHECK(got.fd >= 0 && pread(got.fd, body, got.len, (off_t)got.body_off) == 27 && !memcmp(body, e.profile, 27), "body");
    if (got.fd >= 0) close(got.fd);
    CHECK(cache_load(dfd, key + 1, &a, &got) != 0, "another key is a miss");

    unit_case("cache: every truncation and every flipped byte is a miss or the same entry");
    size_t n = 0;
    char *orig = read_file(entry, &n);
    CHECK(orig && n > 60, "read entry (%zu bytes)", n);
    int bad = 0;
    for (size_t cut = 0; orig && cut < n; cut++) {
        write_file(entry, orig, cut);
        if (cache_load(dfd, key, &a, &got) == 0) { bad++; close(got.fd); }
    }
    CHECK(bad == 0, "%d truncations loaded", bad);
    static const char flips[] = { '0', '9', 'f', 'z', ' ', '\n', '\0', '\xff', '-' };
    int loaded_diff = 0, body_undetected = 0;
    for (size_t i = 0; orig && i < n; i++)
        for (size_t f = 0; f < sizeof flips; f++) {
            if (orig[i] == flips[f]) continue;
            char *m = xmalloc(n);
            memcpy(m, orig, n);
            m[i] = flips[f];
            write_file(entry, m, n);
            if (cache_load(dfd, key, &a, &got) == 0) {
                /* the header carries its digest; a changed body loads, and
                 * its digest (checked as the run copies it) does not match */
                if (!(i >= got.body_off && i < got.body_off + got.len)) loaded_diff++;
                else {
                    char bb[64];
                    if (pread(got.fd, bb, got.len, (off_t)got.body_off) != (ssize_t)got.len ||
                        digest_wide(bb, got.len) == got.body_digest)
                        body_undetected++;
                }
                close(got.fd);
            }
            free(m);
        }
    CHECK(loaded_diff == 0, "%d damaged headers loaded", loaded_diff);
    CHECK(body_undetected == 0, "%d damaged bodies match their digest", body_undetected);

    unit_case("cache: a changed input or a new extends candidate is a miss");
    write_file(entry, orig, n);
    CHECK(cache_load(dfd, key, &a, &got) == 0, "restored entry loads");
    if (got.fd >= 0) close(got.fd);
    write_file(src, "files { allow read \"/y\"; }\n", 28);        /* same size */
    CHECK(cache_load(dfd, key, &a, &got) != 0, "same size, other bytes: miss");
    write_file(src, "files { allow read \"/x\"; }\n", 28);
    CHECK(cache_load(dfd, key, &a, &got) == 0, "back: hit");
    if (got.fd >= 0) close(got.fd);
    chmod(entry, 0640);
    CHECK(cache_load(dfd, key, &a, &got) != 0, "group-readable entry: miss");

    free(orig);
    arena_free(&a);
    /* every file the cache wrote (the entry, its "vs-" marks), then the directory */
    DIR *dp = fdopendir(dfd);
    struct dirent *de;
    while (dp && (de = readdir(dp)))
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) unlinkat(dfd, de->d_name, 0);
    if (dp) closedir(dp);
    else close(dfd);
    CHECK(rmdir(dir) == 0, "the test's directory is left empty and removed");
}
