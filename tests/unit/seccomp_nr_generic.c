/* seccomp_nr_generic.c - the numbers of the system calls of seccomp_names.h
 * in the kernel's generic table (aarch64's), from its header, whatever the
 * host's architecture. */
#ifdef __linux__
#define __ARCH_WANT_SYS_CLONE3      /* as aarch64's <asm/unistd.h> */
#include <asm-generic/unistd.h>
#define SC_NUMBERS
#include "seccomp_names.h"

const long sc_nrs_generic[SCN_COUNT] = { SC_NAMES(SC_NR) };
#endif
