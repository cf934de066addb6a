/* fuzz_lint.c - libFuzzer harness: lint on both inputs.  The first byte
 * chooses .buckle (even) or .sb (odd); the rest is the file. */
#include "../../lint/lint.h"
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 1 << 20) return 0;
    lint_opts o;
    memset(&o, 0, sizeof o);
    o.text = (const char *)data + 1;
    o.text_len = size - 1;
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    source *keep = NULL;
    lint_file(&o, data[0] & 1 ? "fuzz.sb" : "fuzz.buckle", &a, &dl, &keep);
    diag_sort(&dl);
    strbuf b;
    sb_init(&b);
    diag_render_opts ro = { .format = DIAG_SARIF, .code_info = lint_code_info, .code_at = lint_code_at, .tool_version = "fuzz" };
    diag_render(&b, &dl, &ro);
    ro.format = DIAG_TEXT;
    diag_render(&b, &dl, &ro);
    sb_free(&b);
    while (keep) { source *n = keep->next; source_free(keep); keep = n; }
    arena_free(&a);
    return 0;
}
