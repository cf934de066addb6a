/* elf_interp.h - the dynamic loader an ELF program names (elf_interp.c). */
#ifndef BUCKLE_ELF_INTERP_H
#define BUCKLE_ELF_INTERP_H
#include <stddef.h>

/* Writes the PT_INTERP path of the ELF file at path into out: 0 found, 1 a
 * static program (none), -1 not ELF or unreadable. */
int elf_interp(const char *path, char *out, size_t outlen);
/* Writes the interpreter a script names on its "#!" line into out: 0
 * found, 1 not a script, -1 unreadable or a line the kernel would refuse. */
int script_interp(const char *path, char *out, size_t outlen);
/* The kernel follows at most this many "#!" lines for one execution. */
#define SCRIPT_DEPTH_MAX 4
#endif
