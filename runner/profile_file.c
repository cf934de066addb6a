/* profile_file.c - a fresh profile file that can never be followed or reused
 * (docs/runner.md, step 5). */
#define _POSIX_C_SOURCE 200809L
#include "runner.h"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static uint64_t random64(void)
{
    uint64_t r = 0;
    int fd = open("/dev/urandom", O_RDONLY
#ifdef O_CLOEXEC
                  | O_CLOEXEC
#endif
    );
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

/* Writes len bytes from data, or from src at off when data is NULL. */
static int fill(int fd, const char *data, int src, uint64_t off, size_t len)
{
    /* 32 KB: a larger buffer is fresh stack to touch on every run (128 KB
     * cost a cached run of srt-large ~0.35 ms more on a VM where a first
     * touch of a page costs microseconds) */
    char chunk[32 * 1024];
    size_t done = 0;
    while (done < len) {
        const char *p = data ? data + done : chunk;
        size_t n = len - done;
        if (!data) {
            ssize_t r = pread(src, chunk, n < sizeof chunk ? n : sizeof chunk, (off_t)(off + done));
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) { if (r == 0) errno = EIO; return -1; }
            n = (size_t)r;
        }
        for (size_t w = 0; w < n;) {
            ssize_t k = write(fd, p + w, n - w);
            if (k < 0 && errno == EINTR) continue;
            if (k < 0) return -1;
            w += (size_t)k;
        }
        done += n;
    }
    return 0;
}

static int create_and_fill(const char *dir, const char *data, int src, uint64_t off, size_t len,
                           char *path, size_t pathlen)
{
    for (int attempt = 0; attempt < 8; attempt++) {
        int n = snprintf(path, pathlen, "%s/buckle-%ld-%ld-%016llx.sb", dir, (long)getpid(), (long)time(NULL),
                         (unsigned long long)random64());
        if (n < 0 || (size_t)n >= pathlen) { errno = ENAMETOOLONG; return -1; }
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW
#ifdef O_CLOEXEC
                      | O_CLOEXEC
#endif
                      , 0600);
        if (fd < 0) {
            if (errno == EEXIST) continue;       /* never reuse a name */
            return -1;
        }
        if (fill(fd, data, src, off, len) != 0 || fchmod(fd, 0600) != 0) {
            int e = errno;
            close(fd);
            unlink(path);
            errno = e;
            return -1;
        }
        if (close(fd) != 0) {
            int e = errno;
            unlink(path);
            errno = e;
            return -1;
        }
        return 0;
    }
    errno = EEXIST;
    return -1;
}

int profile_file_write(const char *dir, const char *data, size_t len, char *path, size_t pathlen)
{
    return create_and_fill(dir, data ? data : "", -1, 0, len, path, pathlen);
}

int profile_file_copy(const char *dir, int src, uint64_t off, size_t len, char *path, size_t pathlen)
{
    return create_and_fill(dir, NULL, src, off, len, path, pathlen);
}
