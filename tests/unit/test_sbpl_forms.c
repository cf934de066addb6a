/* test_sbpl_forms.c - the evaluator's table of special forms and builtins. */
#include "unit.h"
#include "../../sbpl/sbpl_eval.h"

void test_sbpl_forms(void)
{
    unit_case("sbpl forms: the table is sorted and each name is found in it");
    size_t n = 0;
    for (size_t i = 0; sbpl_form_at(i); i++, n++) {
        CHECK(sbpl_reserved_name(sbpl_form_at(i)), "%s is not found", sbpl_form_at(i));
        if (sbpl_form_at(i + 1))
            CHECK(strcmp(sbpl_form_at(i), sbpl_form_at(i + 1)) < 0, "%s comes before %s", sbpl_form_at(i), sbpl_form_at(i + 1));
    }
    CHECK(n == 43, "%zu names, not 43", n);
    unit_case("sbpl forms: other names are not reserved");
    CHECK(!sbpl_reserved_name("my-helper"), "my-helper is reserved");
    CHECK(!sbpl_reserved_name("lets"), "lets is reserved");
    CHECK(sbpl_reserved_name("let*") && sbpl_reserved_name("string=?"), "let* or string=? is not reserved");
}
