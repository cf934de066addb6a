/* fuzz_sbpl.c - libFuzzer harness: the SBPL reader and evaluator. */
#include "../../sbpl/sbpl_eval.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20) return 0;
    char *text = xmalloc(size + 1);
    memcpy(text, data, size);
    text[size] = 0;
    source *src = source_new("fuzz.sb", "fuzz.sb", text, size);
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    sbpl_read_opts ro = { .whole = 1 };
    sexp *top = sbpl_read(&a, &dl, src, &ro);
    static const sb_param params[] = { { "HOME", "/Users/test" }, { "X", "1" } };
    sbpl_eval_opts o = { .params = params, .nparams = 2 };
    sb_policy *p = sbpl_eval(&a, &dl, src, top, &o);
    static const char *const objs[] = { "/", "/a/b", "com.apple.x", "localhost:80", "self" };
    static const char *const ops[] = { "file-read-data", "file-write-data", "mach-lookup", "network-outbound", "signal" };
    for (size_t i = 0; i < 5; i++) {
        sb_request q = { op_lookup(ops[i], NULL), objs[i], strlen(objs[i]), OBJ_PATH, SNS_GLOBAL, NULL };
        q.kind = i < 2 ? OBJ_PATH : i == 2 ? OBJ_NAME : i == 3 ? OBJ_IP : OBJ_TARGET;
        sbpl_decide(p, &q, &a);
        sbpl_conflict(p, &q, &a);
    }
    arena_free(&a);
    source_free(src);
    return 0;
}
