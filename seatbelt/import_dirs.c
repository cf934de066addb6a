/* import_dirs.c - Seatbelt's own directories for (import "NAME"). */
#include "import_dirs.h"

static const char *const dirs[] = { "/System/Library/Sandbox/Profiles", "/usr/share/sandbox" };

const char *const *seatbelt_import_dirs(size_t *n)
{
    *n = sizeof dirs / sizeof *dirs;
    return dirs;
}
