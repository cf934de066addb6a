/* digest.h - a fast 64-bit content digest (not cryptographic) for the run
 * cache: it tells "same bytes" from "changed", it does not resist someone who
 * can already write the inputs (see docs/runner.md). */
#ifndef BUCKLE_DIGEST_H
#define BUCKLE_DIGEST_H
#include <stddef.h>
#include <stdint.h>

uint64_t digest64(const void *data, size_t len, uint64_t seed);

/* The same digest of bytes that arrive in pieces (a file read through a small
 * buffer): begin with the total length, hand over whole 8-byte words in
 * order, and end with the last len % 8 bytes. */
typedef struct digest_ctx { uint64_t h; } digest_ctx;
void digest_begin(digest_ctx *d, uint64_t len, uint64_t seed);
void digest_words(digest_ctx *d, const void *p, size_t n);       /* n a multiple of 8 */
uint64_t digest_end(digest_ctx *d, const void *tail, size_t n);  /* n < 8 */
#endif
