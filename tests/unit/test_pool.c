/* test_pool.c - compile_opts.pool: compilations that share a memory pool
 * give the same output as compilations that do not, and the pool's memory is
 * really handed from one to the next. */
#include "unit.h"
#include "../../backend/emit.h"
#include <stdlib.h>

/* Compiles text with o; returns the SBPL (caller frees) or NULL. */
static char *compile_with(const compile_opts *o, const char *text, int *spare_at_start)
{
    compilation *c = compilation_new(o);
    if (spare_at_start) *spare_at_start = c->a.spare != NULL;
    char *res = NULL;
    if (compile_profile_text(c, "pool.buckle", text, strlen(text)) == 0) {
        strbuf b;
        sb_init(&b);
        emit_sbpl(c, NULL, &b);
        res = sb_detach(&b);
    }
    compilation_free(c);
    return res;
}

static char *profile_text(int nrules, const char *tag)
{
    strbuf b;
    sb_init(&b);
    sb_puts(&b, "files {\n");
    for (int i = 0; i < nrules; i++)
        sb_printf(&b, "    %s read \"/%s/p%d\"%s;\n", i % 3 ? "allow" : "deny", tag, i, i % 7 ? "" : " message \"m\"");
    sb_puts(&b, "}\nmach { allow lookup \"com.apple.x\"; }\n");
    return sb_detach(&b);
}

void test_pool(void)
{
    unit_case("pool: compilations sharing a pool give the output of compilations that do not");
    {
        char *big = profile_text(3000, "big"), *small = profile_text(40, "small");
        compile_opts plain = { 0 };
        char *want_big = compile_with(&plain, big, NULL), *want_small = compile_with(&plain, small, NULL);
        CHECK(want_big && want_small, "both compile without a pool");
        arena pool;
        arena_init(&pool);
        compile_opts o = { 0 };
        o.pool = &pool;
        int spare = -1, same = 1, reused = 0;
        /* large, small, large again, and with recycled parse nodes: every
         * compilation after the first starts on memory a previous one
         * wrote, which must read as zero again */
        for (int round = 0; round < 4; round++) {
            o.recycle_bytes = round == 3 ? 1 : 0;
            const char *text = round == 1 ? small : big;
            const char *want = round == 1 ? want_small : want_big;
            char *got = compile_with(&o, text, &spare);
            if (!got || !want || strcmp(got, want) != 0) same = 0;
            if (round > 0 && spare) reused++;
            CHECK(pool.spare != NULL && pool.head == NULL, "round %d: the memory is back in the pool", round);
            free(got);
        }
        CHECK(same, "every pooled output equals the unpooled one");
        /* a compilation that fails (its diagnostics and half-built state are
         * in the arena) gives its memory back too, and the next one is right */
        compilation *c = compilation_new(&o);
        const char *bad = "files { allow reed \"/x\"; deny read glob \"/a/[\"; }\nnope {\n";
        CHECK(compile_profile_text(c, "bad.buckle", bad, strlen(bad)) != 0 && c->diags.errors > 0, "the bad profile fails");
        compilation_free(c);
        CHECK(pool.spare != NULL, "a failed compilation's memory is back in the pool");
        char *after = compile_with(&o, small, NULL);
        CHECK(after && want_small && strcmp(after, want_small) == 0, "a compilation after a failed one is right");
        free(after);
        CHECK(reused == 3, "each later compilation starts with the pool's chunks (%d of 3)", reused);
        arena_free(&pool);
        CHECK(pool.spare == NULL && pool.head == NULL, "arena_free empties the pool");
        free(big); free(small); free(want_big); free(want_small);
    }
}
