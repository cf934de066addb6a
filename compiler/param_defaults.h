/* param_defaults.h - declared defaults that name other parameters. */
#ifndef BUCKLE_PARAM_DEFAULTS_H
#define BUCKLE_PARAM_DEFAULTS_H
#include "compile.h"

/* The value of p's declared default: each parameter it names takes its
 * value from given (name -> value; NULL: none), else from its own declared
 * default, resolved the same way to any depth; expanded as param_expand
 * does with flags.  NULL when p has no default, a parameter on the way has
 * no value, or the defaults form a cycle. */
const char *param_default_value(arena *a, const compilation *c, const param_decl *p, const hashmap *given, int flags);
/* A default that names itself, directly or through other defaults
 * (without a -D value on the way), is an error at the default (BK2008). */
void check_param_defaults(compilation *c);
#endif
