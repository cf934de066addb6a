/* arena.c - bump allocator and checked malloc wrappers. */
#include "arena.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Chunks double up to this size.  Pages of a chunk are touched only as it
 * is used, so a large last chunk costs nothing; large chunks let a recycled
 * arena (arena_adopt) serve the big arrays of later phases. */
#define ARENA_CHUNK_MAX ((size_t)1 << 26)

/* Chunks up to this size are cleared as they are handed out, not when they
 * are allocated: the first chunk comes from the heap's top, which calloc
 * must clear in full (16 pages), while a cached `buckle run` uses a few
 * hundred bytes of it.  Larger chunks come from calloc, which gets fresh
 * zero pages for them from the system and clears nothing. */
#define ARENA_LAZY_MAX ((size_t)65536)
/* How far ahead of use a lazily cleared chunk is cleared. */
#define ARENA_CLEAR_STEP ((size_t)4096)

struct arena_chunk {
    arena_chunk *next;
    size_t size, used;
    size_t zeroed;      /* data[0..zeroed) is known to be zero */
    /* data follows, max_align_t aligned */
    union { long double ld; void *p; long long ll; } data[];
};

static void oom(void)
{
    fputs("buckle: out of memory\n", stderr);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom();
    return p;
}

void *xcalloc(size_t n, size_t m)
{
    void *p = calloc(n ? n : 1, m ? m : 1);
    if (!p) oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom();
    return q;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = xmalloc(n);
    memcpy(p, s, n);
    return p;
}

void arena_init(arena *a)
{
    a->head = NULL;
    a->spare = NULL;
    a->total = 0;
}

static void free_chunks(arena_chunk *c)
{
    while (c) {
        arena_chunk *n = c->next;
        free(c);
        c = n;
    }
}

void arena_free(arena *a)
{
    free_chunks(a->head);
    free_chunks(a->spare);
    arena_init(a);
}

/* The spare chunks are kept smallest (oldest) first, and take_spare hands
 * out the first that fits: an arena that grows as the one before it did
 * takes the chunks that one filled, whose pages are touched already, and
 * the large last chunk it only began (whose pages are not) last.  src's
 * spare chunks keep their order; its own chunks, newest (largest) first in
 * src->head, go in front of them reversed. */
void arena_adopt(arena *a, arena *src)
{
    arena_chunk *c = src->spare;
    if (c) {
        while (c->next) c = c->next;
        c->next = a->spare;
        a->spare = src->spare;
    }
    c = src->head;
    while (c) {
        arena_chunk *n = c->next;
        c->next = a->spare;
        a->spare = c;
        c = n;
    }
    arena_init(src);
}

/* A spare chunk with room for n bytes, or NULL.  It is cleared as it is
 * used (arena_alloc): memory its first arena never reached stays as it is. */
static arena_chunk *take_spare(arena *a, size_t n)
{
    for (arena_chunk **p = &a->spare; *p; p = &(*p)->next) {
        arena_chunk *c = *p;
        if (c->size < n) continue;
        *p = c->next;
        c->zeroed = 0;
        return c;
    }
    return NULL;
}

/* Clears c up to its used mark, a step ahead, at most to its end. */
static void clear_ahead(arena_chunk *c)
{
    size_t to = (c->used + ARENA_CLEAR_STEP - 1) & ~(ARENA_CLEAR_STEP - 1);
    if (to > c->size) to = c->size;
    memset((char *)c->data + c->zeroed, 0, to - c->zeroed);
    c->zeroed = to;
}

void *arena_grow(arena *a, const void *v, size_t n, size_t cap, size_t size)
{
    if (n < cap) return (void *)v;
    void *w = arena_alloc(a, arena_grow_cap(n, cap) * size);
    if (n) memcpy(w, v, n * size);
    return w;
}

void *arena_alloc(arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    arena_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        arena_chunk *s = a->spare ? take_spare(a, n) : NULL;
        if (!s) {
            size_t size = n > ARENA_LAZY_MAX ? n : ARENA_LAZY_MAX;
            if (c && c->size * 2 > size && c->size < ARENA_CHUNK_MAX) size = c->size * 2;
            if (size <= ARENA_LAZY_MAX) {
                s = xmalloc(sizeof *s + size);
                s->zeroed = 0;
            } else {
                /* zeroed once, by calloc: a bump allocator never hands out
                 * memory twice */
                s = xcalloc(1, sizeof *s + size);
                s->zeroed = size;
            }
            s->size = size;
        }
        s->used = 0;
        s->next = a->head;
        a->head = c = s;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    if (c->used > c->zeroed) clear_ahead(c);
    a->total += n;
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap;
    char probe[1];
    va_start(ap, fmt);
    int n = vsnprintf(probe, sizeof probe, fmt, ap);
    va_end(ap);
    if (n < 0) oom();
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
