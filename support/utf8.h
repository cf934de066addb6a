/* utf8.h - well-formed UTF-8 sequences, for writers that must keep their
 * output UTF-8 (diagnostics, JSON, SBPL) and show any other byte as an
 * escape. */
#ifndef BUCKLE_UTF8_H
#define BUCKLE_UTF8_H
#include <stddef.h>

/* The length (2-4) of the well-formed UTF-8 sequence that starts at s[k],
 * a byte from 0x80 on; 0 when there is none (a lone continuation byte, a
 * sequence cut short, an invalid lead byte). */
size_t utf8_seq(const char *s, size_t len, size_t k);

#endif
