/* arena.h - bump allocator: one per compilation, freed in one call. */
#ifndef BUCKLE_ARENA_H
#define BUCKLE_ARENA_H
#include <stddef.h>
#include <stdlib.h>

typedef struct arena_chunk arena_chunk;
typedef struct arena {
    arena_chunk *head;
    arena_chunk *spare; /* chunks of another arena, handed out again (arena_adopt) */
    size_t total;       /* bytes handed out, for limits and statistics */
} arena;

void  arena_init(arena *a);
void  arena_free(arena *a);
/* All allocators abort the process with a message on out-of-memory: buckle
 * cannot produce a partial policy, and every caller would do the same. */
void *arena_alloc(arena *a, size_t n);          /* zeroed, 8-byte aligned */
/* Takes src's memory, whose contents nobody uses any more: a takes its
 * chunks before asking malloc for new ones, so that memory already touched is
 * used again (fresh pages from the system are what a large compile waits
 * for).  src is left empty. */
void arena_adopt(arena *a, arena *src);
/* An arena array v of n elements and capacity cap: returns v, or when full a
 * copy with twice the room (8 at first). The caller stores the new capacity
 * from arena_grow_cap. */
void *arena_grow(arena *a, const void *v, size_t n, size_t cap, size_t size);
static inline size_t arena_grow_cap(size_t n, size_t cap) { return n < cap ? cap : cap ? cap * 2 : 8; }
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
char *arena_printf(arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
#endif
