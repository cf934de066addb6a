/* elf_interp.c - the ELF interpreter (PT_INTERP, the dynamic loader) a
 * program names: on Linux the kernel maps it for every dynamic program it
 * executes, and Landlock checks it as an execution (docs/linux.md); and the
 * interpreter a script names on its "#!" line, which the kernel executes in
 * its place (and Landlock checks likewise). */
#include "elf_interp.h"
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static uint64_t get(const unsigned char *p, int n, int le)
{
    uint64_t v = 0;
    for (int i = 0; i < n; i++) v |= (uint64_t)p[le ? i : n - 1 - i] << (8 * i);
    return v;
}

int elf_interp(const char *path, char *out, size_t outlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    unsigned char eh[64];
    int rc = -1;
    if (pread(fd, eh, sizeof eh, 0) != (ssize_t)sizeof eh || memcmp(eh, "\177ELF", 4)) goto done;
    int wide = eh[4] == 2, le = eh[5] == 1;
    uint64_t phoff = wide ? get(eh + 32, 8, le) : get(eh + 28, 4, le);
    unsigned phentsize = (unsigned)get(eh + (wide ? 54 : 42), 2, le);
    unsigned phnum = (unsigned)get(eh + (wide ? 56 : 44), 2, le);
    if (phentsize < (wide ? 56u : 32u) || phentsize > 256 || phnum > 256) goto done;
    for (unsigned i = 0; i < phnum; i++) {
        unsigned char ph[256];
        if (pread(fd, ph, phentsize, (off_t)(phoff + (uint64_t)i * phentsize)) != (ssize_t)phentsize) goto done;
        if (get(ph, 4, le) != 3) continue;                     /* PT_INTERP */
        uint64_t off = wide ? get(ph + 8, 8, le) : get(ph + 4, 4, le);
        uint64_t sz = wide ? get(ph + 32, 8, le) : get(ph + 16, 4, le);
        if (sz < 2 || sz > outlen) goto done;
        if (pread(fd, out, (size_t)sz, (off_t)off) != (ssize_t)sz || out[sz - 1] != 0 || out[0] != '/') goto done;
        rc = 0;
        goto done;
    }
    rc = 1;
done:
    close(fd);
    return rc;
}

int script_interp(const char *path, char *out, size_t outlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
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
