/* profile_file.c - a fresh profile file that can never be followed or reused
 * (docs/runner.md, "The profile file"). */
#ifdef __linux__
#define _GNU_SOURCE                      /* copy_file_range */
#else
#define _POSIX_C_SOURCE 200809L
#endif
#include "runner.h"
#include "../support/digest.h"
#include "../support/fd_io.h"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

static uint64_t random64(void)
{
    uint64_t r = 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        if (read(fd, &r, sizeof r) != (ssize_t)sizeof r) r = 0;
        close(fd);
    }
    if (!r) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        r = (uint64_t)ts.tv_nsec * 6364136223846793005ull ^ (uint64_t)getpid() << 32 ^ (uint64_t)(uintptr_t)&r;
    }
    return r;
}

/* Copies len bytes at off in src to fd through a buffer, digesting them on
 * the way (digest NULL: not digested). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int copy_buffered(int fd, int src, uint64_t off, size_t len, uint64_t *digest)
{
    /* 32 KB: a larger buffer is fresh stack to touch on every run (128 KB
     * cost a cached run of srt-large ~0.35 ms more on a VM where a first
     * touch of a page costs microseconds) */
    char chunk[32 * 1024];
    size_t done = 0, have = 0;           /* bytes at the front of chunk not digested yet (< 32) */
    digest_wide_ctx d;
    digest_wide_begin(&d, len);
    while (done < len) {
        size_t want = len - done < sizeof chunk - have ? len - done : sizeof chunk - have;
        ssize_t r = pread(src, chunk + have, want, (off_t)(off + done));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) { if (r == 0) errno = EIO; return -1; }
        if (fd_write_all(fd, chunk + have, (size_t)r) != 0) return -1;
        done += (size_t)r;
        if (!digest) continue;
        have += (size_t)r;
        size_t whole = have & ~(size_t)31;
        digest_wide_blocks(&d, chunk, whole);
        memmove(chunk, chunk + whole, have - whole);
        have -= whole;
    }
    if (digest) *digest = digest_wide_end(&d, chunk, have);
    return 0;
}

/* The same; without a digest the kernel copies them where it can (Linux),
 * and the buffer's 32 KB of stack is not touched at all. */
static int copy(int fd, int src, uint64_t off, size_t len, uint64_t *digest)
{
#ifdef __linux__
    if (!digest) {
        off_t in = (off_t)off;
        size_t left = len;
        while (left) {
            ssize_t r = copy_file_range(src, &in, fd, NULL, left, 0);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) break;               /* not supported here, or the end: through the buffer */
            left -= (size_t)r;
        }
        if (!left) return 0;
        off = (uint64_t)in;
        len = left;
    }
#endif
    return copy_buffered(fd, src, off, len, digest);
}

int profile_file_write(int dirfd, const profile_parts *pp, char *name, size_t namelen)
{
    for (int attempt = 0; attempt < 8; attempt++) {
        int n = snprintf(name, namelen, "buckle-%ld-%ld-%016llx.sb", (long)getpid(), (long)time(NULL),
                         (unsigned long long)random64());
        if (n < 0 || (size_t)n >= namelen) { errno = ENAMETOOLONG; return -1; }
        int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0) {
            if (errno == EEXIST) continue;       /* never reuse a name */
            return -1;
        }
        int ok = (!pp->head_len || fd_write_all(fd, pp->head, pp->head_len) == 0) &&
                 (pp->src < 0 || copy(fd, pp->src, pp->src_off, pp->src_len, pp->src_digest) == 0) &&
                 (!pp->tail_len || fd_write_all(fd, pp->tail, pp->tail_len) == 0) && fchmod(fd, 0600) == 0;
        int e = errno;
        if (close(fd) != 0 && ok) { ok = 0; e = errno; }
        if (!ok) {
            unlinkat(dirfd, name, 0);
            errno = e;
            return -1;
        }
        return 0;
    }
    errno = EEXIST;
    return -1;
}
