/* query_batch.c - test tool: the decisions of an SBPL profile on many
 * requests in one process (buckle query answers one per call).
 *   query-batch FILE.sb [NAME=VALUE]... <REQUESTS
 * REQUESTS: one "OPERATION PATH" a line.  Prints "allow|deny|undecidable
 * OPERATION PATH" a line, as the evaluator decides under Seatbelt's
 * precedence model with the parameter values given (then buckle query's
 * defaults), the file read as buckle query reads it (backend/sbpl_file.h).
 * Exit 2 on a usage error or a profile that does not evaluate. */
#include "../../backend/sbpl_file.h"
#include "../../seatbelt/ops.h"
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 2) { fputs("usage: query-batch FILE.sb [NAME=VALUE]... <REQUESTS\n", stderr); return 2; }
    arena a;
    arena_init(&a);
    sb_param *given = arena_alloc(&a, (size_t)argc * sizeof *given);
    size_t ng = 0;
    for (int i = 2; i < argc; i++) {
        const char *eq = strchr(argv[i], '=');
        if (!eq) { fprintf(stderr, "query-batch: expected NAME=VALUE: %s\n", argv[i]); arena_free(&a); return 2; }
        given[ng++] = (sb_param){ arena_strndup(&a, argv[i], (size_t)(eq - argv[i])), eq + 1 };
    }
    const char *err;
    sbpl_file f;
    int rc = 0;
    if (sbpl_file_open(&f, argv[1], given, ng, NULL, 0, NULL, NULL, &err) != 0) { fprintf(stderr, "%s: %s\n", argv[1], err); rc = 2; }
    else if (!f.pol) { fprintf(stderr, "query-batch: %s does not evaluate\n", argv[1]); rc = 2; }
    if (rc) { sbpl_file_close(&f); arena_free(&a); return rc; }
    char line[4096];
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strcspn(line, "\n");
        line[len] = '\0';
        char *sp = strchr(line, ' ');
        if (!sp) continue;
        *sp = '\0';
        int noop, op = op_lookup(line, &noop);
        if (op < 0) { fprintf(stderr, "query-batch: unknown operation %s\n", line); rc = 2; continue; }
        arena scratch;
        arena_init(&scratch);
        sb_request q = { op, sp + 1, strlen(sp + 1), OBJ_PATH, SNS_OTHER, 0 };
        request_kind_for_op(op, sp + 1, &q);
        sb_answer an = sbpl_decide(f.pol, &q, &scratch);
        printf("%s %s %s\n", an.decision == 0 ? "allow" : an.decision == 1 ? "deny" : "undecidable", line, sp + 1);
        arena_free(&scratch);
    }
    sbpl_file_close(&f);
    arena_free(&a);
    return rc;
}
