/* action.h - what a rule does and what a decision is: one encoding for the
 * profile language, the IR, the SBPL evaluator and lint. */
#ifndef BUCKLE_ACTION_H
#define BUCKLE_ACTION_H

typedef enum { ACT_UNDECIDED = -1, ACT_ALLOW = 0, ACT_DENY = 1 } action_t;

/* The word a profile, an SBPL rule and every message use for an action. */
static inline const char *action_name(int a)
{
    return a == ACT_ALLOW ? "allow" : a == ACT_DENY ? "deny" : "undecided";
}

#endif
