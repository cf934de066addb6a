/* filters.h - SBPL filter names (docs/sbpl.md; 10.15 filter table plus
 * the prelude's aliases and -prefix/-regex forms) and modifier names, the
 * NAME of (with NAME [ARG]). */
#ifndef BUCKLE_FILTERS_H
#define BUCKLE_FILTERS_H
int filter_known(const char *name);
const char *filter_suggest(const char *name);

typedef enum {
    MOD_ARG_NONE,       /* (with NAME) */
    MOD_ARG_ONE,        /* (with NAME ARG): a signal, a string */
    MOD_ARG_ANY,        /* Apple-internal: what it takes is not known */
} modifier_arg;

typedef struct sb_modifier {
    const char *name;
    modifier_arg arg;
    int leaves_profile;  /* on exec: the new program runs outside this profile */
} sb_modifier;

/* The modifier spelled exactly name, or NULL. */
const sb_modifier *modifier_find(const char *name);
/* The same ignoring ASCII case: NULL, or the modifier name spells with
 * other case (a caller compares ->name to tell). */
const sb_modifier *modifier_find_nocase(const char *name);
/* The modifier closest to name (did-you-mean), or NULL. */
const char *modifier_suggest(const char *name);
#endif
