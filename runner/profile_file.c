/* profile_file.c - a fresh profile file that can never be followed or reused
 * (runner.md item 2). */
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

int profile_file_write(const char *dir, const char *data, size_t len, char *path, size_t pathlen)
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
        size_t off = 0;
        while (off < len) {
            ssize_t w = write(fd, data + off, len - off);
            if (w < 0) {
                if (errno == EINTR) continue;
                int e = errno;
                close(fd);
                unlink(path);
                errno = e;
                return -1;
            }
            off += (size_t)w;
        }
        if (fchmod(fd, 0600) != 0 || close(fd) != 0) {
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
