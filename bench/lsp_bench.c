/* lsp_bench.c - drives `buckle lsp` over pipes, as an editor does, and
 * times it: didChange of a document to its publishDiagnostics (full
 * document sync, one small edit each time), hover and completion requests;
 * and the server's resident memory across the edits (ps -o rss).
 *
 *   lsp-bench BUCKLE FILE EDITS
 *
 * Prints "name median_ms p90_ms" lines, an "rss_kb ..." line and the
 * server's processor time per edit. */
#include "timing.h"
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct conn { FILE *to, *from; pid_t pid; } conn;

static void die(const char *m) { fprintf(stderr, "lsp-bench: %s\n", m); exit(1); }

static void send_msg(conn *c, json_t *m)
{
    json_object_set_new(m, "jsonrpc", json_string("2.0"));
    char *s = json_dumps(m, JSON_COMPACT);
    json_decref(m);
    fprintf(c->to, "Content-Length: %zu\r\n\r\n%s", strlen(s), s);
    fflush(c->to);
    free(s);
}

/* The next message from the server, parsed. */
static json_t *recv_msg(conn *c)
{
    char line[256];
    long len = -1;
    for (;;) {
        if (!fgets(line, sizeof line, c->from)) die("the server closed its output");
        if (!strncmp(line, "Content-Length:", 15)) len = atol(line + 15);
        if (!strcmp(line, "\r\n")) break;
    }
    if (len < 0) die("no Content-Length");
    char *body = malloc((size_t)len + 1);
    if (fread(body, 1, (size_t)len, c->from) != (size_t)len) die("short body");
    json_error_t err;
    json_t *j = json_loadb(body, (size_t)len, 0, &err);
    free(body);
    if (!j) die("bad JSON from the server");
    return j;
}

static json_t *wait_id(conn *c, long id)
{
    for (;;) {
        json_t *m = recv_msg(c);
        json_t *i = json_object_get(m, "id");
        if (json_is_integer(i) && json_integer_value(i) == id) return m;
        json_decref(m);
    }
}

static void wait_diagnostics(conn *c, long version)
{
    for (;;) {
        json_t *m = recv_msg(c);
        const char *meth = json_string_value(json_object_get(m, "method"));
        json_t *v = json_object_get(json_object_get(m, "params"), "version");
        int hit = meth && !strcmp(meth, "textDocument/publishDiagnostics") && json_integer_value(v) == version;
        json_decref(m);
        if (hit) return;
    }
}

static long rss_kb(pid_t pid)
{
    char cmd[64];
    snprintf(cmd, sizeof cmd, "ps -o rss= -p %d", (int)pid);
    FILE *p = popen(cmd, "r");
    long kb = -1;
    if (p) { if (fscanf(p, "%ld", &kb) != 1) kb = -1; pclose(p); }
    return kb;
}

static void report(const char *name, double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    printf("%s %.3f %.3f\n", name, v[n / 2] / 1000, v[n * 9 / 10] / 1000);
}

int main(int argc, char **argv)
{
    if (argc != 4) die("usage: lsp-bench BUCKLE FILE EDITS");
    int edits = atoi(argv[3]);
    if (edits < 10) die("EDITS must be at least 10");
    FILE *f = fopen(argv[2], "rb");
    if (!f) die("cannot read FILE");
    fseek(f, 0, SEEK_END);
    long flen = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)flen + 64);
    if (fread(text, 1, (size_t)flen, f) != (size_t)flen) die("short read");
    fclose(f);
    text[flen] = 0;
    char real[4096];
    if (!realpath(argv[2], real)) die("realpath");
    char uri[4200];
    snprintf(uri, sizeof uri, "file://%s", real);

    int in[2], out[2];
    if (pipe(in) || pipe(out)) die("pipe");
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[1]);
        close(out[0]);
        execl(argv[1], argv[1], "lsp", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    conn c = { fdopen(in[1], "w"), fdopen(out[0], "r"), pid };
    send_msg(&c, json_pack("{s:i,s:s,s:{s:n,s:{}}}", "id", 1, "method", "initialize", "params", "processId", "capabilities"));
    json_decref(wait_id(&c, 1));
    send_msg(&c, json_pack("{s:s,s:{s:{s:s,s:s,s:i,s:s}}}", "method", "textDocument/didOpen", "params", "textDocument",
                           "uri", uri, "languageId", "buckle", "version", 1, "text", text));
    wait_diagnostics(&c, 1);

    /* edits: the document with a comment line that changes every time */
    double *t = malloc(sizeof *t * (size_t)(edits > 200 ? edits : 200));
    long rss_early = 0;
    for (int i = 0; i < edits; i++) {
        snprintf(text + flen, 64, "# edit %d\n", i);
        double t0 = now_us();
        send_msg(&c, json_pack("{s:s,s:{s:{s:s,s:i},s:[{s:s}]}}", "method", "textDocument/didChange", "params",
                               "textDocument", "uri", uri, "version", i + 2, "contentChanges", "text", text));
        wait_diagnostics(&c, i + 2);
        t[i] = now_us() - t0;
        if (i == 99) rss_early = rss_kb(pid);
    }
    long rss_late = rss_kb(pid);
    report("didChange->publishDiagnostics", t, edits);
    printf("rss_kb after 100 edits: %ld; after %d edits: %ld\n", rss_early, edits, rss_late);

    /* a verb to hover: the first "allow " of the text */
    const char *p = strstr(text, "allow ");
    if (!p) die("no 'allow ' in FILE");
    long line = 0, col = 0;
    for (const char *q = text; q < p; q++) { if (*q == '\n') { line++; col = 0; } else col++; }
    int n = 200;
    for (int i = 0; i < n; i++) {
        double t0 = now_us();
        send_msg(&c, json_pack("{s:i,s:s,s:{s:{s:s},s:{s:i,s:i}}}", "id", 1000 + i, "method", "textDocument/hover", "params",
                               "textDocument", "uri", uri, "position", "line", (int)line, "character", (int)col + 7));
        json_t *r = wait_id(&c, 1000 + i);
        t[i] = now_us() - t0;
        if (i == 0 && !json_is_object(json_object_get(r, "result"))) die("hover gave no result");
        json_decref(r);
    }
    report("hover(verb)", t, n);
    /* a path: the first string after that verb (the deciding rule is looked up) */
    const char *qs = strchr(p, '"');
    if (!qs) die("no string after the verb");
    long pline = 0, pcol = 0;
    for (const char *q = text; q < qs; q++) { if (*q == '\n') { pline++; pcol = 0; } else pcol++; }
    for (int i = 0; i < n; i++) {
        double t0 = now_us();
        send_msg(&c, json_pack("{s:i,s:s,s:{s:{s:s},s:{s:i,s:i}}}", "id", 3000 + i, "method", "textDocument/hover", "params",
                               "textDocument", "uri", uri, "position", "line", (int)pline, "character", (int)pcol + 2));
        json_t *r = wait_id(&c, 3000 + i);
        t[i] = now_us() - t0;
        if (i == 0 && !json_is_object(json_object_get(r, "result"))) die("hover on a path gave no result");
        json_decref(r);
    }
    report("hover(path)", t, n);
    for (int i = 0; i < n; i++) {
        double t0 = now_us();
        send_msg(&c, json_pack("{s:i,s:s,s:{s:{s:s},s:{s:i,s:i}}}", "id", 5000 + i, "method", "textDocument/completion", "params",
                               "textDocument", "uri", uri, "position", "line", (int)line, "character", (int)col + 6));
        json_t *r = wait_id(&c, 5000 + i);
        t[i] = now_us() - t0;
        if (i == 0 && !json_array_size(json_object_get(json_object_get(r, "result"), "items"))) die("completion gave no items");
        json_decref(r);
    }
    report("completion", t, n);
    send_msg(&c, json_pack("{s:i,s:s}", "id", 2, "method", "shutdown"));
    json_decref(wait_id(&c, 2));
    send_msg(&c, json_pack("{s:s}", "method", "exit"));
    int st;
    waitpid(pid, &st, 0);
    /* the server's own processor time: what the edits cost without the
     * waits of a busy machine (hover and completion are included, ~1%) */
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    double cpu = ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 + ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
    printf("server_cpu_ms_per_edit %.3f\n", cpu / edits);
    free(t);
    free(text);
    return 0;
}
