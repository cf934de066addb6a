/* touch_pages.c - what a fresh page of memory costs on this machine: a
 * process that writes one byte to each of N fresh stack pages and exits.
 * bench/run.sh times it with 0 and 40 pages, interleaved; the difference
 * over 40 is the price of one page fault, the unit most of
 * docs/performance.md's remaining costs are counted in. */
#include <stdlib.h>

#define PAGES 64

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 0;
    if (n < 0 || n > PAGES) return 2;
    volatile char stack[PAGES * 4096];
    for (int i = 0; i < n; i++) stack[sizeof stack - 1 - (size_t)i * 4096] = 1;
    return 0;
}
