/* precedence.h - which of two rules that match one object decides
 * (docs/language.md, and final rules against implied ones). */
#ifndef BUCKLE_PRECEDENCE_H
#define BUCKLE_PRECEDENCE_H
#include "ir.h"

/* 1 when rule a decides over rule b (of the other action) on an object both
 * match: a final rule over every rule that is not final; otherwise the more
 * specific by depth (da, db) then kind, deny on a tie. */
int rule_beats_at(const rule *a, int da, const rule *b, int db);
/* The same with the depths of the rules' matchers. */
int rule_beats(const rule *a, const rule *b);
/* The order by specificity alone (final rules beat only implied ones): would
 * a decide over b if b were not final?  For BK2005. */
int rule_outranks_at(const rule *a, int da, const rule *b, int db);
int rule_outranks(const rule *a, const rule *b);
/* Path components of an absolute path ("/" has none). */
int path_depth(const char *p, size_t len);
#endif
