/* prefetch.h - a hint to start loading memory that a loop will read a few
 * iterations later (rules visited in key order lie all over the arena). */
#ifndef BUCKLE_PREFETCH_H
#define BUCKLE_PREFETCH_H
#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif
#endif
