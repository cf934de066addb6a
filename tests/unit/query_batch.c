/* query_batch.c - test tool: the decisions of an SBPL profile on many
 * requests in one process (buckle query answers one per call).
 *   query-batch FILE.sb [NAME=VALUE]... <REQUESTS
 * REQUESTS: one "OPERATION PATH" a line.  Prints "allow|deny|undecidable
 * OPERATION PATH" a line, as the evaluator decides under Seatbelt's
 * precedence model with the parameter values given (then buckle query's
 * defaults).  Exit 2 on a usage error or a profile that does not evaluate. */
#include "../../compiler/decide.h"
#include "../../sbpl/sbpl_eval.h"
#include "../../seatbelt/ops.h"
#include "../../grammar/sexp.h"
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 2) { fputs("usage: query-batch FILE.sb [NAME=VALUE]... <REQUESTS\n", stderr); return 2; }
    const char *err;
    source *src = source_read(argv[1], argv[1], &err);
    if (!src) { fprintf(stderr, "%s: %s\n", argv[1], err); return 2; }
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    size_t ntest;
    const sb_param *defaults = test_param_values(&ntest);
    sb_param *params = arena_alloc(&a, ((size_t)argc + ntest) * sizeof *params);
    size_t np = 0;
    for (int i = 2; i < argc; i++) {
        const char *eq = strchr(argv[i], '=');
        if (!eq) { fprintf(stderr, "query-batch: expected NAME=VALUE: %s\n", argv[i]); return 2; }
        params[np].name = arena_strndup(&a, argv[i], (size_t)(eq - argv[i]));
        params[np].value = eq + 1;
        np++;
    }
    for (size_t i = 0; i < ntest; i++) params[np++] = defaults[i];
    size_t npd;
    sb_param *pd = derive_sbpl_params(&a, params, np, &npd);
    source *imported = NULL;
    sbpl_eval_opts o = { pd, npd, NULL, 0, &imported, 0 };
    sexp *top = sbpl_read(&a, &dl, src, NULL);
    sb_policy *pol = dl.errors ? NULL : sbpl_eval(&a, &dl, src, top, &o);
    if (!pol || dl.errors) { fprintf(stderr, "query-batch: %s does not evaluate\n", argv[1]); return 2; }
    char line[4096];
    int rc = 0;
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
        sb_answer an = sbpl_decide(pol, &q, &scratch);
        printf("%s %s %s\n", an.decision == 0 ? "allow" : an.decision == 1 ? "deny" : "undecidable", line, sp + 1);
        arena_free(&scratch);
    }
    while (imported) { source *n = imported->next; source_free(imported); imported = n; }
    source_free(src);
    arena_free(&a);
    return rc;
}
