/* precedence.c - the order between two matching rules. */
#include "precedence.h"

int rule_outranks_at(const rule *a, int da, const rule *b, int db)
{
    if (a->action == b->action) return 0;
    /* implied rules never override a final rule, however specific */
    if (a->final && b->implied == 1) return 1;
    if (b->final && a->implied == 1) return 0;
    if (da != db) return da > db;
    if (a->m.spec_b != b->m.spec_b) return a->m.spec_b > b->m.spec_b;
    return a->action == ACT_DENY;
}

int rule_outranks(const rule *a, const rule *b)
{
    return rule_outranks_at(a, a->m.spec_a, b, b->m.spec_a);
}

int rule_beats_at(const rule *a, int da, const rule *b, int db)
{
    if (a->action == b->action) return 0;
    /* a final rule decides inside its scope over every rule that is not
     * final, however specific: for every value of the parameters, whatever
     * BK2005 could prove at compile time */
    if (a->final != b->final) return a->final;
    if (a->final && b->implied == 1) return 1;
    if (b->final && a->implied == 1) return 0;
    if (da != db) return da > db;
    if (a->m.spec_b != b->m.spec_b) return a->m.spec_b > b->m.spec_b;
    return a->action == ACT_DENY;
}

int rule_beats(const rule *a, const rule *b)
{
    return rule_beats_at(a, a->m.spec_a, b, b->m.spec_a);
}

int path_depth(const char *p, size_t len)
{
    int d = 0;
    for (size_t i = 0; i < len; i++)
        if (p[i] != '/' && (i == 0 || p[i - 1] == '/')) d++;
    return d;
}
