/* digest.h - a fast 64-bit content digest (not cryptographic) for the run
 * cache: it tells "same bytes" from "changed", it does not resist someone who
 * can already write the inputs (see docs/runner.md). */
#ifndef BUCKLE_DIGEST_H
#define BUCKLE_DIGEST_H
#include <stddef.h>
#include <stdint.h>

uint64_t digest64(const void *data, size_t len, uint64_t seed);
#endif
