/* interleave.c - wall time of several commands, run in turn (a, b, c, a, b,
 * c, ...) so that drift in the machine's state hits all of them alike.
 *   interleave [-w WARMUP] [-r] RUNS LABEL=COMMAND...
 * COMMAND is split on spaces (no quoting) and spawned (PATH lookup, no shell), its
 * output to /dev/null.  Prints "LABEL MEDIAN_MS" per command; with -r, one
 * line per round instead: the round's times in command order.  Each command
 * first runs WARMUP times (10).  Part of make bench (bench/run.sh), never of
 * make check. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "timing.h"

extern char **environ;

static double run_once(char **av, posix_spawn_file_actions_t *fa)
{
    pid_t pid;
    int st;
    double t0 = now_us();
    if (posix_spawnp(&pid, av[0], fa, NULL, av, environ) != 0) return -1;
    if (waitpid(pid, &st, 0) < 0) return -1;
    return (now_us() - t0) / 1e3;     /* ms */
}

int main(int argc, char **argv)
{
    int warmup = 10, rounds = 0;
    while (argc > 1 && argv[1][0] == '-') {
        if (!strcmp(argv[1], "-w") && argc > 2) { warmup = atoi(argv[2]); argc -= 2; argv += 2; }
        else if (!strcmp(argv[1], "-r")) { rounds = 1; argc--; argv++; }
        else break;
    }
    if (argc < 3) { fputs("usage: interleave [-w WARMUP] [-r] RUNS LABEL=COMMAND...\n", stderr); return 2; }
    int runs = atoi(argv[1]), n = argc - 2;
    if (runs < 1) runs = 1;
    char ***av = calloc((size_t)n, sizeof *av);
    char **label = calloc((size_t)n, sizeof *label);
    double *t = calloc((size_t)n * (size_t)runs, sizeof *t);
    if (!av || !label || !t) return 1;
    for (int i = 0; i < n; i++) {
        char *s = strdup(argv[i + 2]), *eq = strchr(s, '=');
        if (!eq) { fprintf(stderr, "interleave: %s: expected LABEL=COMMAND\n", s); return 2; }
        *eq = 0;
        label[i] = s;
        av[i] = calloc(strlen(eq + 1) / 2 + 2, sizeof **av);
        int k = 0;
        for (char *tok = strtok(eq + 1, " "); tok; tok = strtok(NULL, " ")) av[i][k++] = tok;
        av[i][k] = NULL;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    for (int w = 0; w < warmup; w++)
        for (int i = 0; i < n; i++) run_once(av[i], &fa);
    for (int r = 0; r < runs; r++)
        for (int i = 0; i < n; i++) {
            double d = run_once(av[i], &fa);
            if (d < 0) { fprintf(stderr, "interleave: cannot run %s\n", av[i][0]); return 1; }
            t[i * runs + r] = d;
            if (rounds) printf(i + 1 < n ? "%.3f " : "%.3f\n", d);
        }
    for (int i = 0; i < n && !rounds; i++) {
        qsort(t + i * runs, (size_t)runs, sizeof *t, cmp_double);
        printf("%s %.3f\n", label[i], t[i * runs + runs / 2]);
    }
    return 0;
}
