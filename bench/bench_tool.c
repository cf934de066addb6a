/* bench_tool.c - in-process timings for the benchmarks (never a test).
 *   bench-tool compile [-I DIR] [-D NAME=VALUE] [--iters N] [--pool]
 *                      [--reuse-memory] [--compact] FILE
 *                                                   per-call compile+emit time
 *   bench-tool lint [-I DIR] [--pool] FILE...       profiles linted per second
 * Prints one line: name median_us p10_us p90_us bytes (compile) or
 * files seconds files_per_second (lint).
 *
 * --pool: the calls share a memory pool (compile_opts.pool) and one output
 * buffer, as an editor or a server that compiles again and again would; the
 * rest of malloc keeps glibc's defaults.
 *
 * --reuse-memory (glibc only): malloc serves everything from its heap and
 * keeps what is freed, so the calls after the first run on pages already
 * touched.  Without it, glibc gives the large blocks of a big compile back
 * to the kernel and every call pays for fresh pages, while a small compile's
 * blocks stay in the heap: the times of different sizes would then measure
 * different things.
 *
 * --compact: emit the compact form (emit_opts.compact, what buckle run hands
 * to sandbox-exec) instead of the readable one. */
#define _POSIX_C_SOURCE 200809L
#include "../backend/emit.h"
#include "../lint/lint.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "timing.h"
#if defined(__GLIBC__)
#include <limits.h>
#include <malloc.h>
#endif

int main(int argc, char **argv)
{
    if (argc < 3) { fputs("usage: bench-tool compile|lint [-I DIR] [--iters N] FILE...\n", stderr); return 2; }
    const char *incs[16];
    size_t ninc = 0;
    int iters = 100;
    int use_pool = 0;
    int compact = 0;
    static const char *files[100000];
    arena da;
    arena_init(&da);
    define defs[16];
    size_t ndefs = 0;
    int nf = 0;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "-I") && i + 1 < argc) incs[ninc++] = argv[++i];
        else if (!strcmp(argv[i], "--iters") && i + 1 < argc) iters = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--pool")) use_pool = 1;
        else if (!strcmp(argv[i], "--compact")) compact = 1;
        else if (!strcmp(argv[i], "--reuse-memory")) {
#if defined(__GLIBC__)
            mallopt(M_MMAP_MAX, 0);                 /* no block of its own: all from the heap */
            mallopt(M_TRIM_THRESHOLD, INT_MAX);     /* and nothing given back */
#else
            fputs("bench-tool: --reuse-memory needs glibc\n", stderr);
            return 2;
#endif
        }
        else if (!strcmp(argv[i], "-D") && i + 1 < argc) {
            if (define_parse(&da, argv[++i], &defs[ndefs]) == NULL && ndefs < 16) ndefs++;
        }
    else if (nf < 100000) files[nf++] = argv[i];
    }
    if (!strcmp(argv[1], "compile")) {
        double *t = malloc(sizeof(double) * (size_t)iters);
        size_t bytes = 0;
        arena pool;
        arena_init(&pool);
        strbuf kept;
        sb_init(&kept);
        for (int k = 0; k < iters; k++) {
            double t0 = now_us();
            compile_opts o = { 0 };
            o.include_dirs = incs;
            o.ninclude = ninc;
            o.defines = defs;
            o.ndefines = ndefs;
            o.pool = use_pool ? &pool : NULL;
            compilation *c = compilation_new(&o);
            if (compile_profile(c, files[0]) != 0) { fprintf(stderr, "%s does not compile\n", files[0]); return 1; }
            strbuf b;
            if (use_pool) { b = kept; sb_reset(&b); }
            else sb_init(&b);
            emit_opts eo = { 0 };
            eo.compact = compact;
            emit_sbpl(c, &eo, &b);
            bytes = b.len;
            if (use_pool) kept = b;
            else sb_free(&b);
            compilation_free(c);
            t[k] = now_us() - t0;
        }
        sb_free(&kept);
        arena_free(&pool);
        qsort(t, (size_t)iters, sizeof *t, cmp_double);
        printf("%s %.1f %.1f %.1f %zu\n", files[0], t[iters / 2], t[iters / 10], t[iters * 9 / 10], bytes);
        free(t);
        return 0;
    }
    arena pool;
    arena_init(&pool);
    double t0 = now_us();
    for (int k = 0; k < nf; k++) {
        arena a;
        arena_init(&a);
        diag_list dl;
        diag_list_init(&dl, &a);
        source *keep = NULL;
        lint_opts o;
        memset(&o, 0, sizeof o);
        o.include_dirs = incs;
        o.ninclude = ninc;
        o.pool = use_pool ? &pool : NULL;
        lint_file(&o, files[k], &a, &dl, &keep);
        while (keep) { source *n = keep->next; source_free(keep); keep = n; }
        arena_free(&a);
    }
    double s = (now_us() - t0) / 1e6;
    arena_free(&pool);
    printf("lint %d %.3f %.0f\n", nf, s, nf / s);
    return 0;
}
