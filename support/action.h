/* action.h - what a rule does and what a decision is: one encoding for the
 * profile language, the IR, the SBPL evaluator and lint. */
#ifndef BUCKLE_ACTION_H
#define BUCKLE_ACTION_H

typedef enum { ACT_UNDECIDED = -1, ACT_ALLOW = 0, ACT_DENY = 1 } action_t;

#endif
