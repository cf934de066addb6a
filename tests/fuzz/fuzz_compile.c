/* fuzz_compile.c - libFuzzer harness: the profile front end, merge, final
 * checks and the SBPL back end.  Whatever compiles must read back without an
 * error, and the two evaluations must agree on a few requests. */
#include "../../backend/crosscheck.h"
#include "../../backend/emit.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int append_piece(void *ud, const char *p, size_t n)
{
    sb_add(ud, p, n);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20) return 0;
    compile_opts o = { 0 };
    o.recycle_bytes = size & 1 ? 1 : 0;     /* half the inputs recycle their parse nodes */
    compilation *c = compilation_new(&o);
    if (compile_profile_text(c, "fuzz.buckle", (const char *)data, size) == 0) {
        /* the streamed profile is the profile, byte for byte */
        strbuf whole, pieces;
        sb_init(&whole);
        sb_init(&pieces);
        emit_sbpl(c, NULL, &whole);
        emit_sink sink = { append_piece, &pieces };
        int sr = emit_sbpl_stream(c, NULL, &sink);
        if (sr < 0 || (sr == 0 && (pieces.len != whole.len || memcmp(pieces.data, whole.data, whole.len) != 0))) abort();
        sb_free(&whole);
        sb_free(&pieces);
        crosscheck *x = crosscheck_new(c, NULL, 0, 0);
        if (decider_missing(x->d)) {
            /* a parameter without a value: the output cannot be evaluated,
             * but it must still read back */
            diag_list dl;
            diag_list_init(&dl, &x->a);
            sbpl_read(&x->a, &dl, x->sbpl_src, NULL);
            if (dl.errors) abort();
            crosscheck_free(x);
            compilation_free(c);
            return 0;
        }
        if (x->dl.errors) abort();                 /* compiled output must read back and evaluate */
        static const char *const objs[] = { "/", "/Users/test/project/a", "/Users/test/.ssh/k", "/usr/lib/x" };
        int op = op_lookup("file-write-data", NULL), op2 = op_lookup("file-read-data", NULL);
        for (size_t i = 0; i < 4; i++) {
            sb_request q = { i % 2 ? op : op2, objs[i], strlen(objs[i]), OBJ_PATH, SNS_OTHER, NULL };
            cc_answer an = crosscheck_ask(x, &q);
            if (!decider_missing(x->d) && !an.agree && an.sbpl.decision >= 0) abort();
        }
        crosscheck_free(x);
    }
    compilation_free(c);
    return 0;
}
