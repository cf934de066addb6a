/* suggest.c - did-you-mean. */
#include "suggest.h"
#include <string.h>

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int distance(const char *a, const char *b, int max, int nocase)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return max + 1;
    int prev[65], cur[65];
    for (size_t j = 0; j <= lb; j++) prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        int best = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            int ca = (unsigned char)a[i - 1], cb = (unsigned char)b[j - 1];
            if (nocase) { ca = lower(ca); cb = lower(cb); }
            int c = prev[j - 1] + (ca != cb);
            if (prev[j] + 1 < c) c = prev[j] + 1;
            if (cur[j - 1] + 1 < c) c = cur[j - 1] + 1;
            cur[j] = c;
            if (c < best) best = c;
        }
        if (best > max) return max + 1;
        memcpy(prev, cur, sizeof(int) * (lb + 1));
    }
    return prev[lb];
}

int edit_distance(const char *a, const char *b, int max) { return distance(a, b, max, 0); }
int edit_distance_nocase(const char *a, const char *b, int max) { return distance(a, b, max, 1); }

int suggest_limit(const char *name)
{
    size_t n = strlen(name);
    return n <= 4 ? 1 : n <= 8 ? 2 : 3;
}

const char *suggest_closest(const char *name, const char *const *cands, size_t n, int nocase)
{
    const char *best = NULL;
    int bd = suggest_limit(name) + 1;
    for (size_t i = 0; i < n; i++) {
        int d = distance(name, cands[i], bd - 1, nocase);
        if (d == 0 && !nocase) return NULL;
        if (d < bd) { bd = d; best = cands[i]; }
    }
    return best;
}
