/* raw_view.h - the rules of a .buckle file's raw sbpl text in its lint view
 * (raw_view.c). */
#ifndef BUCKLE_LINT_RAW_VIEW_H
#define BUCKLE_LINT_RAW_VIEW_H
#include "view.h"

typedef struct raw_view raw_view;

/* Evaluates every raw block of c (with d's parameter values); NULL when
 * there is none. */
raw_view *raw_view_build(arena *a, compilation *c, const decider *d);
/* The number of rules, and placing them at dst (the view's rule array):
 * raw_view_decide then answers with pointers into dst. */
size_t raw_view_size(const raw_view *rv);
size_t raw_view_place(raw_view *rv, lrule *dst);
/* The decision of the compiled output at q, given the generated rules'
 * decision act by *who (NULL: the default): a raw rule that Seatbelt reads
 * before it replaces *who and act. */
int raw_view_decide(raw_view *rv, const sb_request *q, int act, const lrule **who);
#endif
