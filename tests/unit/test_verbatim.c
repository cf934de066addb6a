/* test_verbatim.c - the names sbpl verbatim may not define: the words buckle's
 * SBPL output calls are names the evaluator gives a meaning to (or the
 * modifiers of (with ...)), so the compiler's check and the evaluator agree. */
#include "unit.h"
#include "../../sbpl/sbpl_eval.h"
#include "../../compiler/compile.h"
#include "../../seatbelt/scheme_words.h"
#include "../../seatbelt/filters.h"

void test_verbatim(void)
{
    unit_case("sbpl verbatim: each word the output calls is reserved or a (with ...) modifier");
    static const char *const modifiers[] = { "report", "no-report", "message", "no-sandbox" };
    size_t n = 0;
    for (size_t i = 0; sbpl_output_word(i); i++, n++) {
        const char *w = sbpl_output_word(i);
        int mod = 0;
        for (size_t k = 0; k < sizeof modifiers / sizeof *modifiers; k++) mod |= !strcmp(w, modifiers[k]);
        CHECK(mod || sbpl_reserved_name(w), "%s is neither reserved nor a modifier", w);
    }
    CHECK(n >= 8, "only %zu words", n);
    CHECK(sbpl_reserved_name("allow") && sbpl_reserved_name("subpath"), "allow or subpath is not reserved");

    unit_case("sbpl verbatim: every name the evaluator knows may not be bound by a block");
    for (size_t i = 0; sbpl_form_at(i); i++) {
        const char *f = sbpl_form_at(i);
        int out = 0;
        for (size_t k = 0; sbpl_output_word(k); k++) out |= !strcmp(f, sbpl_output_word(k));
        CHECK(out || scheme_word_find(f) || filter_known(f), "%s is in neither table", f);
    }
    unit_case("sbpl verbatim: the Scheme words are lower case, once each");
    for (size_t i = 0; scheme_word_at(i); i++) {
        const char *w = scheme_word_at(i)->name;
        for (const char *p = w; *p; p++) CHECK(!(*p >= 'A' && *p <= 'Z'), "%s is not lower case", w);
        CHECK(scheme_word_find(w) == scheme_word_at(i), "%s is listed twice", w);
    }
}
