/* elf_interp.c - the ELF interpreter (PT_INTERP, the dynamic loader) a
 * program names: on Linux the kernel maps it for every dynamic program it
 * executes, and Landlock checks it as an execution (docs/linux.md); and the
 * interpreter a script names on its "#!" line, which the kernel executes in
 * its place (and Landlock checks likewise). */
#include "elf_interp.h"
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* path opened for reading only when it is a regular file: a FIFO or a
 * device named by a "#!" line (or a link to one, which a sandbox may have
 * left) would block buckle, or act, at the open; the kernel executes only
 * regular files anyway.  Looked at before the open, and again after it (the
 * open never waits: O_NONBLOCK) */
static int open_regular(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return -1;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return -1;
    }
    return fd;
}

static uint64_t get(const unsigned char *p, int n, int le)
{
    uint64_t v = 0;
    for (int i = 0; i < n; i++) v |= (uint64_t)p[le ? i : n - 1 - i] << (8 * i);
    return v;
}

/* the first bytes of the file, read once: the header, the program headers
 * and the interpreter's name are there in every usual program */
typedef struct head { int fd; unsigned char b[1024]; size_t n; } head;

/* n bytes at off into dst, from the first bytes or else read */
static int at(head *h, uint64_t off, size_t n, void *dst)
{
    if (off <= h->n && n <= h->n - off) {
        memcpy(dst, h->b + off, n);
        return 0;
    }
    return pread(h->fd, dst, n, (off_t)off) == (ssize_t)n ? 0 : -1;
}

int elf_interp(const char *path, char *out, size_t outlen)
{
    head h;
    h.fd = open_regular(path);
    if (h.fd < 0) return -1;
    ssize_t got = pread(h.fd, h.b, sizeof h.b, 0);
    h.n = got > 0 ? (size_t)got : 0;
    unsigned char eh[64];
    int rc = -1;
    if (at(&h, 0, sizeof eh, eh) != 0 || memcmp(eh, "\177ELF", 4)) goto done;
    int wide = eh[4] == 2, le = eh[5] == 1;
    uint64_t phoff = wide ? get(eh + 32, 8, le) : get(eh + 28, 4, le);
    unsigned phentsize = (unsigned)get(eh + (wide ? 54 : 42), 2, le);
    unsigned phnum = (unsigned)get(eh + (wide ? 56 : 44), 2, le);
    if (phentsize < (wide ? 56u : 32u) || phentsize > 256 || phnum > 256) goto done;
    for (unsigned i = 0; i < phnum; i++) {
        unsigned char ph[256];
        uint64_t where = phoff + (uint64_t)i * phentsize;
        if (where < phoff || at(&h, where, phentsize, ph) != 0) goto done;
        if (get(ph, 4, le) != 3) continue;                     /* PT_INTERP */
        uint64_t off = wide ? get(ph + 8, 8, le) : get(ph + 4, 4, le);
        uint64_t sz = wide ? get(ph + 32, 8, le) : get(ph + 16, 4, le);
        if (sz < 2 || sz > outlen) goto done;
        if (at(&h, off, (size_t)sz, out) != 0 || out[sz - 1] != 0 || out[0] != '/') goto done;
        rc = 0;
        goto done;
    }
    rc = 1;
done:
    close(h.fd);
    return rc;
}

int script_interp(const char *path, char *out, size_t outlen)
{
    int fd = open_regular(path);
    if (fd < 0) return -1;
    char line[256];
    ssize_t n = pread(fd, line, sizeof line - 1, 0);
    close(fd);
    if (n < 2 || line[0] != '#' || line[1] != '!') return 1;
    line[n] = 0;
    char *p = line + 2;
    while (*p == ' ' || *p == '\t') p++;
    size_t k = strcspn(p, " \t\n");
    if (!k || p[k] == 0 || k >= outlen) return -1;    /* empty, or longer than the kernel reads */
    memcpy(out, p, k);
    out[k] = 0;
    return 0;
}
