/* run_tmpdir.c - the temporary directory of a Linux run whose environment
 * gives none it may use (docs/linux.md, "TMPDIR"): buckle's own
 * /tmp/buckle-tmp-UID holds one directory per sandbox, named by a digest
 * of what decides the sandbox (the profile, the options, HOME, the working
 * directory), so that what a run under one profile or in one project
 * leaves in TMPDIR (a compile cache, a build tree: files later tools run)
 * is not what a run under another finds.  The same sandbox finds the same
 * directory again, and its run cache entry stays valid. */
#define _GNU_SOURCE
#include "run_tmpdir.h"
#include "runner.h"
#include "../support/digest.h"
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { PROFILE_BYTES_MAX = 1 << 20 };

static uint64_t mix(uint64_t h, const char *s)
{
    if (!s) s = "";
    /* the length first: ("ab", "c") is not ("a", "bc") */
    return digest64(s, strlen(s) + 1, h ^ (uint64_t)strlen(s));
}

/* the bytes of the profile file, or its absence */
static uint64_t profile_bytes(arena *a, uint64_t h, const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return mix(h, "\001missing");
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > PROFILE_BYTES_MAX) {
        close(fd);
        return mix(h, "\001unread");
    }
    char *buf = arena_alloc(a, (size_t)st.st_size + 1);
    size_t got = 0;
    for (ssize_t r; got < (size_t)st.st_size; got += (size_t)r)
        if ((r = read(fd, buf + got, (size_t)st.st_size - got)) <= 0) break;
    close(fd);
    return digest64(buf, got, h ^ 0x9e3779b97f4a7c15ULL);
}

const char *runner_run_tmpdir(arena *a, const char *base, const run_request *rq, const char *cwd, const char **why)
{
    uint64_t h = 0x6275636b6c65746dULL;
    h = mix(h, cwd);
    h = mix(h, rq->profile);
    h = profile_bytes(a, h, rq->profile);
    for (size_t k = 0; k < rq->ndef; k++) {
        h = mix(h, rq->defs[k].name);
        h = mix(h, rq->defs[k].value);
    }
    for (size_t k = 0; k < rq->ninc; k++) h = mix(h, rq->incs[k]);
    h = mix(h, rq->buckle_path);
    h = mix(h, rq->exe_path);
    h = mix(h, getenv("HOME"));
    char opts[64];
    snprintf(opts, sizeof opts, "%x/%d/%d", rq->linux_accept, rq->landlock_abi, rq->no_userns);
    h = mix(h, opts);
    char name[32], path[PATH_MAX];
    snprintf(name, sizeof name, "run-%016llx", (unsigned long long)h);
    int fd = runner_dir_open(base, name, path, sizeof path, why);
    if (fd < 0) return NULL;
    close(fd);
    return arena_strdup(a, path);
}
