/* tcpprobe.c - TCP for the Landlock tests (tests/cli/landlock.sh):
 *   tcpprobe serve FILE SECONDS  listens on two free ports of 127.0.0.1,
 *                                writes "PORT1 PORT2" to FILE, accepts (and
 *                                closes) connections for SECONDS, then exits
 *   tcpprobe connect PORT        connects to 127.0.0.1:PORT; exit 0, or 1
 *                                after printing the error (EACCES: "denied") */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int listener(unsigned *port)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t n = sizeof a;
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0 || listen(s, 16) != 0 ||
        getsockname(s, (struct sockaddr *)&a, &n) != 0) { perror("tcpprobe: listen"); exit(2); }
    *port = ntohs(a.sin_port);
    return s;
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "serve")) {
        unsigned p1, p2;
        int s1 = listener(&p1), s2 = listener(&p2);
        FILE *f = fopen(argv[2], "w");
        if (!f) { perror(argv[2]); return 2; }
        fprintf(f, "%u %u\n", p1, p2);
        fclose(f);
        time_t end = time(NULL) + atoi(argv[3]);
        struct pollfd pf[2] = { { s1, POLLIN, 0 }, { s2, POLLIN, 0 } };
        while (time(NULL) < end) {
            if (poll(pf, 2, 200) <= 0) continue;
            for (int i = 0; i < 2; i++)
                if (pf[i].revents & POLLIN) { int c = accept(pf[i].fd, NULL, NULL); if (c >= 0) close(c); }
        }
        return 0;
    }
    if (argc == 3 && !strcmp(argv[1], "connect")) {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a;
        memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons((unsigned short)atoi(argv[2]));
        if (s < 0) { perror("tcpprobe: socket"); return 1; }
        if (connect(s, (struct sockaddr *)&a, sizeof a) != 0) {
            int e = errno;
            printf("%s\n", e == EACCES ? "denied" : strerror(e));
            return 1;
        }
        printf("connected\n");
        close(s);
        return 0;
    }
    fprintf(stderr, "usage: tcpprobe serve FILE SECONDS | tcpprobe connect PORT\n");
    return 2;
}
