/* builtin_params.c - the built-in parameters' table (builtin_params.h). */
#include "builtin_params.h"
#include <string.h>

#define ENTRY(n, p, v) { n, p, v },
const builtin_param builtin_params[NBUILTIN_PARAMS] = { BUILTIN_PARAMS(ENTRY) };
#undef ENTRY

const builtin_param *builtin_param_find(const char *name, size_t len)
{
    for (size_t i = 0; i < NBUILTIN_PARAMS; i++)
        if (!strncmp(builtin_params[i].name, name, len) && !builtin_params[i].name[len]) return &builtin_params[i];
    return NULL;
}
