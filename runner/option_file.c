/* option_file.c - the file a word of a program's options names in the
 * word itself (option_file.h). */
#include "option_file.h"
#include <string.h>

/* a file: URL's path (file:///x.mjs), another word as it is */
static const char *file_url(const char *v)
{
    return strncmp(v, "file://", 7) ? v : v + 7;
}

const char *runner_option_file(arena *a, const char *w)
{
    if (w[0] != '-') return file_url(w);
    const char *name = w + strspn(w, "-");
    const char *p = name + strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
    if (*p == '=') return file_url(p + 1);
    if (*p == ':') return arena_strndup(a, p + 1, strcspn(p + 1, "="));
    /* (one dash: --x.y=./f is a long option whose value follows its '=') */
    if ((*p == '.' || *p == '/') && p - name == 1 && name == w + 1) return p;
    const char *eq = strchr(p, '=');
    return eq ? file_url(eq + 1) : w;
}
