/* fuzz_fmt.c - libFuzzer harness for `buckle fmt`: whatever formats must
 * format to itself again (idempotence), and compile to the same bytes as
 * the input (or fail to compile as the input does). */
#include "../../backend/emit.h"
#include "../../fmt/fmt.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int format(const char *text, size_t len, strbuf *out)
{
    char *copy = xmalloc(len + 1);
    memcpy(copy, text, len);
    copy[len] = 0;
    source *src = source_new("fuzz.buckle", "fuzz.buckle", copy, len);
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    int rc = fmt_buckle(src, &a, &dl, out);
    if (rc != 0 && (out->len || !dl.errors)) abort();     /* errors: reported, nothing written */
    arena_free(&a);
    source_free(src);
    return rc;
}

static int compile(const char *text, size_t len, strbuf *out)
{
    compile_opts o = { 0 };
    compilation *c = compilation_new(&o);
    int rc = compile_profile_text(c, "fuzz.buckle", text, len);
    if (rc == 0) emit_sbpl(c, NULL, out);
    compilation_free(c);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20) return 0;
    strbuf once, twice;
    sb_init(&once);
    sb_init(&twice);
    if (format((const char *)data, size, &once) == 0) {
        if (format(once.data ? once.data : "", once.len, &twice) != 0) abort();
        if (once.len != twice.len || (once.len && memcmp(once.data, twice.data, once.len) != 0)) abort();
        strbuf c1, c2;
        sb_init(&c1);
        sb_init(&c2);
        int r1 = compile((const char *)data, size, &c1);
        int r2 = compile(once.data ? once.data : "", once.len, &c2);
        if ((r1 == 0) != (r2 == 0)) abort();
        if (c1.len != c2.len || (c1.len && memcmp(c1.data, c2.data, c1.len) != 0)) abort();
        sb_free(&c1);
        sb_free(&c2);
    }
    sb_free(&once);
    sb_free(&twice);
    return 0;
}
