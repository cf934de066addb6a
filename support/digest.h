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
/* A digest of large bodies (the run cache's compiled profiles): four
 * independent lanes of 8 bytes, so a run that checks 700 KB pays about a
 * quarter of what the serial digest costs.  Streaming: begin with the total
 * length, hand over whole 32-byte blocks in order, end with the rest (< 32
 * bytes). */
typedef struct digest_wide_ctx { uint64_t lane[4]; uint64_t len; } digest_wide_ctx;
void digest_wide_begin(digest_wide_ctx *d, uint64_t len);
void digest_wide_blocks(digest_wide_ctx *d, const void *p, size_t n);   /* n a multiple of 32 */
uint64_t digest_wide_end(digest_wide_ctx *d, const void *tail, size_t n);  /* n < 32 */
uint64_t digest_wide(const void *data, size_t len);
#endif
