/* fd_io.h - whole writes to a file descriptor: write(2) may write less than
 * asked, or be interrupted; these loop until every byte is written. */
#ifndef BUCKLE_FD_IO_H
#define BUCKLE_FD_IO_H
#include <stddef.h>

/* Writes n bytes of p to fd.  0 when all are written; -1 with errno set
 * otherwise (EIO when the descriptor accepts no more bytes). */
int fd_write_all(int fd, const void *p, size_t n);

#endif
