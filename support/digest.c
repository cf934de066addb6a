/* digest.c - eight bytes per step, multiply-rotate mixing, a final avalanche. */
#include "digest.h"
#include <string.h>

#define K1 0x9e3779b97f4a7c15ull
#define K2 0xc2b2ae3d27d4eb4full

static uint64_t rotl(uint64_t x, int r) { return x << r | x >> (64 - r); }

static uint64_t mix(uint64_t h, uint64_t w)
{
    h ^= rotl(w * K2, 31) * K1;
    return rotl(h, 27) * K1 + K2;
}

static uint64_t words(uint64_t h, const unsigned char *p, size_t n)
{
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = mix(h, w);
    }
    return h;
}

/* the last len % 8 bytes, and the avalanche */
static uint64_t finish(uint64_t h, const unsigned char *p, size_t n)
{
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++) w |= (uint64_t)p[i] << (8 * i);
    h = mix(h, w ^ (uint64_t)n << 59);
    h ^= h >> 33;
    h *= K2;
    h ^= h >> 29;
    h *= K1;
    h ^= h >> 32;
    return h;
}

uint64_t digest64(const void *data, size_t len, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = words(seed ^ (len * K1), p, len);
    return finish(h, p + (len & ~(size_t)7), len & 7);
}

void digest_begin(digest_ctx *d, uint64_t len, uint64_t seed)
{
    d->h = seed ^ (len * K1);
}

void digest_words(digest_ctx *d, const void *p, size_t n)
{
    d->h = words(d->h, p, n);
}

uint64_t digest_end(digest_ctx *d, const void *tail, size_t n)
{
    return finish(d->h, tail, n);
}

void digest_wide_begin(digest_wide_ctx *d, uint64_t len)
{
    for (int i = 0; i < 4; i++) d->lane[i] = (len + (uint64_t)i) * K1;
    d->len = len;
}

void digest_wide_blocks(digest_wide_ctx *d, const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t a = d->lane[0], b = d->lane[1], c = d->lane[2], e = d->lane[3];
    for (; n >= 32; p += 32, n -= 32) {
        uint64_t w[4];
        memcpy(w, p, 32);
        a = rotl(a + w[0] * K2, 31) * K1;
        b = rotl(b + w[1] * K2, 31) * K1;
        c = rotl(c + w[2] * K2, 31) * K1;
        e = rotl(e + w[3] * K2, 31) * K1;
    }
    d->lane[0] = a; d->lane[1] = b; d->lane[2] = c; d->lane[3] = e;
}

uint64_t digest_wide_end(digest_wide_ctx *d, const void *tail, size_t n)
{
    uint64_t h = d->len * K2;
    for (int i = 0; i < 4; i++) h = mix(h, d->lane[i]);
    h = words(h, tail, n);
    return finish(h, (const unsigned char *)tail + (n & ~(size_t)7), n & 7);
}

uint64_t digest_wide(const void *data, size_t len)
{
    digest_wide_ctx d;
    digest_wide_begin(&d, len);
    size_t whole = len & ~(size_t)31;
    digest_wide_blocks(&d, data, whole);
    return digest_wide_end(&d, (const unsigned char *)data + whole, len - whole);
}
