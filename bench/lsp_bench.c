/* lsp_bench.c - drives `buckle lsp` over pipes, as an editor does, and
 * times it: didChange of a document to its publishDiagnostics, hover and
 * completion requests; and the server's resident memory across the edits
 * (ps -o rss) and its processor time (/proc, where there is one).
 *
 *   lsp-bench BUCKLE FILE EDITS
 *
 * Four series of edits, each one small change, the document analysed
 * again in full every time:
 *   didChange(comment)             a comment line at the end changes, sent
 *                                  as the server asks (textDocumentSync.change:
 *                                  the changed range when it offers
 *                                  incremental sync, as Neovim and VS Code do);
 *   didChange(comment,whole-text)  the same edits with the whole document in
 *                                  every message (a client without incremental
 *                                  sync);
 *   didChange(rule)                a rule's path changes (the policy is
 *                                  another every time);
 *   didChange(with-syntax-error)   a line at the end is typed with its
 *                                  string not yet closed (every version has a
 *                                  syntax error; the last version without is
 *                                  kept beside it).
 * Prints "name median_ms p90_ms server_cpu_ms_per_request" lines (cpu "-"
 * where it cannot be read) and "rss_kb ..." lines. */
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

/* The server's processor time so far (user + system, ms), -1 when the
 * system does not say (no /proc). */
static double cpu_ms(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    const char *p = strrchr(buf, ')');       /* the command name may hold spaces */
    unsigned long ut, st;
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2) return -1;
    return (double)(ut + st) * 1000.0 / (double)sysconf(_SC_CLK_TCK);
}

static void report_cpu(const char *name, double *v, int n, double cpu0, double cpu1)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    if (cpu0 >= 0 && cpu1 >= 0) printf("%s %.3f %.3f %.3f\n", name, v[n / 2] / 1000, v[n * 9 / 10] / 1000, (cpu1 - cpu0) / n);
    else printf("%s %.3f %.3f -\n", name, v[n / 2] / 1000, v[n * 9 / 10] / 1000);
}

static void report(const char *name, double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    printf("%s %.3f %.3f\n", name, v[n / 2] / 1000, v[n * 9 / 10] / 1000);
}

/* The document: FILE with one line of it (rule_line) replaced by rule,
 * and the comment line at the end. */
typedef struct doc {
    const char *file;
    size_t flen, rule_at, rule_end;   /* the line [rule_at, rule_end), its '\n' included */
    long rule_line, end_line;         /* their line numbers (end_line: past FILE's last line) */
    char rule[512], comment[96];
} doc;

static char *doc_text(const doc *d)
{
    size_t n = d->flen - (d->rule_end - d->rule_at) + strlen(d->rule) + strlen(d->comment);
    char *t = malloc(n + 1);
    size_t k = 0;
    memcpy(t, d->file, d->rule_at); k += d->rule_at;
    memcpy(t + k, d->rule, strlen(d->rule)); k += strlen(d->rule);
    memcpy(t + k, d->file + d->rule_end, d->flen - d->rule_end); k += d->flen - d->rule_end;
    memcpy(t + k, d->comment, strlen(d->comment)); k += strlen(d->comment);
    t[k] = 0;
    return t;
}

/* One change: the lines [from, to) of the document become `text` (range
 * given), or the whole document (incremental 0). */
static void change(conn *c, const char *uri, int version, const doc *d, int incremental, long from, long to, const char *text)
{
    json_t *ch;
    if (incremental) {
        ch = json_pack("{s:{s:{s:i,s:i},s:{s:i,s:i}},s:s}", "range", "start", "line", (int)from, "character", 0, "end", "line",
                       (int)to, "character", 0, "text", text);
    } else {
        char *t = doc_text(d);
        ch = json_pack("{s:s}", "text", t);
        free(t);
    }
    send_msg(c, json_pack("{s:s,s:{s:{s:s,s:i},s:[o]}}", "method", "textDocument/didChange", "params", "textDocument", "uri", uri,
                          "version", version, "contentChanges", ch));
}

int main(int argc, char **argv)
{
    if (argc != 4) die("usage: lsp-bench BUCKLE FILE EDITS");
    int edits = atoi(argv[3]);
    if (edits < 40) die("EDITS must be at least 40");
    FILE *f = fopen(argv[2], "rb");
    if (!f) die("cannot read FILE");
    fseek(f, 0, SEEK_END);
    long flen = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)flen + 2);
    if (fread(text, 1, (size_t)flen, f) != (size_t)flen) die("short read");
    fclose(f);
    if (flen && text[flen - 1] != '\n') text[flen++] = '\n';
    text[flen] = 0;
    char real[4096];
    if (!realpath(argv[2], real)) die("realpath");
    char uri[4200];
    snprintf(uri, sizeof uri, "file://%s", real);
    /* the rule to change: the first line with "deny" and a quoted path */
    doc d = { text, (size_t)flen, 0, 0, 0, 0, "", "" };
    for (size_t at = 0; at < (size_t)flen; d.rule_line++) {
        const char *nl = strchr(text + at, '\n');
        size_t end = (size_t)(nl - text) + 1;
        const char *q = strstr(text + at, "deny "), *qq = q ? strstr(q, " \"/") : NULL;
        if (q && qq && qq < nl && end - at < sizeof d.rule - 16) { d.rule_at = at; d.rule_end = end; break; }
        at = end;
    }
    if (!d.rule_end) die("no deny rule with a quoted path in FILE");
    memcpy(d.rule, text + d.rule_at, d.rule_end - d.rule_at);
    for (const char *q = text; *q; q++) d.end_line += *q == '\n';

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
    json_t *init = wait_id(&c, 1);
    /* the server's sync kind: 1 whole document, 2 incremental */
    json_t *sync = json_object_get(json_object_get(json_object_get(init, "result"), "capabilities"), "textDocumentSync");
    int incremental = (json_is_integer(sync) ? json_integer_value(sync) : json_integer_value(json_object_get(sync, "change"))) == 2;
    json_decref(init);
    send_msg(&c, json_pack("{s:s,s:{s:{s:s,s:s,s:i,s:s}}}", "method", "textDocument/didOpen", "params", "textDocument",
                           "uri", uri, "languageId", "buckle", "version", 1, "text", text));
    wait_diagnostics(&c, 1);
    printf("sync %s\n", incremental ? "incremental" : "whole-document");

    double *t = malloc(sizeof *t * (size_t)(edits > 200 ? edits : 200));
    long rss_early = 0;
    int version = 1, has_comment = 0;
    /* 1. a comment line at the end changes */
    double c0 = cpu_ms(pid);
    for (int i = 0; i < edits; i++) {
        snprintf(d.comment, sizeof d.comment, "# edit %d\n", i);
        double t0 = now_us();
        change(&c, uri, ++version, &d, incremental, d.end_line, d.end_line + has_comment, d.comment);
        wait_diagnostics(&c, version);
        t[i] = now_us() - t0;
        has_comment = 1;
        if (i == 99) rss_early = rss_kb(pid);
    }
    long rss_late = rss_kb(pid);
    report_cpu("didChange(comment)", t, edits, c0, cpu_ms(pid));
    /* 2. the same with the whole document each time */
    int m = edits / 4;
    c0 = cpu_ms(pid);
    for (int i = 0; i < m; i++) {
        snprintf(d.comment, sizeof d.comment, "# whole %d\n", i);
        double t0 = now_us();
        change(&c, uri, ++version, &d, 0, 0, 0, NULL);
        wait_diagnostics(&c, version);
        t[i] = now_us() - t0;
    }
    report_cpu("didChange(comment,whole-text)", t, m, c0, cpu_ms(pid));
    /* 3. a rule's path changes */
    size_t rl = d.rule_end - d.rule_at;
    char *close = memchr(text + d.rule_at + 1, '"', rl);
    close = close ? memchr(close + 1, '"', (size_t)(text + d.rule_end - close - 1)) : NULL;
    if (!close) die("the rule's path has no closing quote");
    size_t cut = (size_t)(close - (text + d.rule_at));
    c0 = cpu_ms(pid);
    for (int i = 0; i < m; i++) {
        snprintf(d.rule, sizeof d.rule, "%.*s-%d%.*s", (int)cut, text + d.rule_at, i, (int)(rl - cut), close);
        double t0 = now_us();
        change(&c, uri, ++version, &d, incremental, d.rule_line, d.rule_line + 1, d.rule);
        wait_diagnostics(&c, version);
        t[i] = now_us() - t0;
    }
    report_cpu("didChange(rule)", t, m, c0, cpu_ms(pid));
    printf("rss_kb after 100 edits: %ld; after %d edits: %ld\n", rss_early, edits, rss_late);
    /* 4. typing in an unclosed string at the end: every version has a
     * syntax error, and the findings of the last one without are kept */
    c0 = cpu_ms(pid);
    for (int i = 0; i < m; i++) {
        snprintf(d.comment, sizeof d.comment, "files { allow read \"/typing-%d\n", i);
        double t0 = now_us();
        change(&c, uri, ++version, &d, incremental, d.end_line, d.end_line + 1, d.comment);
        wait_diagnostics(&c, version);
        t[i] = now_us() - t0;
    }
    report_cpu("didChange(with-syntax-error)", t, m, c0, cpu_ms(pid));
    printf("rss_kb while the document has a syntax error (its last version without kept): %ld\n", rss_kb(pid));
    snprintf(d.comment, sizeof d.comment, "# end\n");
    change(&c, uri, ++version, &d, incremental, d.end_line, d.end_line + 1, d.comment);
    wait_diagnostics(&c, version);
    char *now = doc_text(&d);      /* d.file is text */
    free(text);
    text = now;

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
    free(t);
    free(text);
    return 0;
}
