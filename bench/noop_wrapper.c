/* noop_wrapper.c - the floor for any runner that is a process of its own:
 * spawn argv[1..] and wait.  bench/run.sh subtracts it from buckle run's
 * time to show what buckle itself adds (docs/performance.md). */
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

int main(int argc, char **argv)
{
    pid_t pid;
    int status;
    if (argc < 2 || posix_spawn(&pid, argv[1], 0, 0, argv + 1, environ) != 0) return 127;
    if (waitpid(pid, &status, 0) < 0) return 125;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
