/* options.c - the shared option parser (getopt_long). */
#include "options.h"
#include <stdlib.h>
#include <string.h>

int cli_parse_level(const char *s, severity *out)
{
    static const char *const names[] = { "error", "warning", "info", "style" };
    for (int i = 0; i < 4; i++) if (!strcmp(s, names[i])) { *out = (severity)i; return 1; }
    return 0;
}

static int parse_format(const char *s, diag_format *out)
{
    static const char *const names[] = { "text", "gcc", "json", "sarif" };
    for (int i = 0; i < 4; i++) if (!strcmp(s, names[i])) { *out = (diag_format)i; return 1; }
    return 0;
}

static const struct option shared[] = {
    { "help", no_argument, NULL, 'h' },
    { "format", required_argument, NULL, OPT_FORMAT },
    { "severity", required_argument, NULL, OPT_SEVERITY },
    { "fail-on", required_argument, NULL, OPT_FAIL_ON },
    { "Werror", no_argument, NULL, OPT_WERROR },
    { "stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME },
};
#define NSHARED (sizeof shared / sizeof shared[0])

int cli_opts_parse(cli_opts *o, const char *cmd, const char *usage, int argc, char **argv,
                   const struct option *own, const char *own_short, cli_opt_fn fn, void *ud)
{
    memset(o, 0, sizeof *o);
    arena_init(&o->a);
    size_t n = (size_t)argc + 1;
    o->incs = arena_alloc(&o->a, n * sizeof *o->incs);
    o->defs = arena_alloc(&o->a, n * sizeof *o->defs);
    o->params = arena_alloc(&o->a, n * sizeof *o->params);
    o->pos = arena_alloc(&o->a, n * sizeof *o->pos);
    o->fmt = DIAG_TEXT;
    o->show = SEV_STYLE;
    o->fail_on = SEV_ERROR;

    size_t nown = 0;
    while (own && own[nown].name) nown++;
    struct option *longs = arena_alloc(&o->a, (NSHARED + nown + 1) * sizeof *longs);
    memcpy(longs, shared, sizeof shared);
    if (nown) memcpy(longs + NSHARED, own, nown * sizeof *own);
    memset(&longs[NSHARED + nown], 0, sizeof *longs);
    /* leading ':' : a missing argument is ':', not '?'; '-': operands come
     * back in order as option 1, wherever they are */
    const char *shorts = arena_printf(&o->a, "-:hI:D:%s", own_short ? own_short : "");

    opterr = 0;
    optind = 0;   /* glibc: a fresh scan; elsewhere 0 acts as 1 */
#if !defined(__GLIBC__)
    optind = 1;
#endif
    for (;;) {
        int li = -1;
        int c = getopt_long(argc, argv, shorts, longs, &li);
        if (c == -1) break;
        const char *arg = optarg;
        switch (c) {
        case 1: o->pos[o->npos++] = arg; break;
        case 'h': fputs(usage, stdout); return -1;
        case 'I': o->incs[o->ninc++] = arg; break;
        case 'D': {
            const char *err = define_parse(&o->a, arg, &o->defs[o->ndef]);
            if (err) return cli_usage_error(cmd, "-D %s: %s", arg, err);
            o->params[o->ndef] = (sb_param){ o->defs[o->ndef].name, o->defs[o->ndef].value };
            o->ndef++;
            break;
        }
        case OPT_FORMAT:
            if (!parse_format(arg, &o->fmt)) return cli_usage_error(cmd, "--format takes text, gcc, json or sarif, not %s", arg);
            o->fmt_set = 1;
            break;
        case OPT_SEVERITY:
            if (!cli_parse_level(arg, &o->show)) return cli_usage_error(cmd, "--severity takes error, warning, info or style, not %s", arg);
            o->show_set = 1;
            break;
        case OPT_FAIL_ON:
            if (!cli_parse_level(arg, &o->fail_on)) return cli_usage_error(cmd, "--fail-on takes error, warning, info or style, not %s", arg);
            o->fail_set = 1;
            break;
        case OPT_WERROR: o->fail_on = SEV_WARNING; o->fail_set = 1; break;
        case OPT_STDIN_FILENAME: o->stdin_name = arg; break;
        case ':': {
            const char *a = argv[optind - 1];
            if (optopt && !(a[0] == '-' && a[1] == '-')) return cli_usage_error(cmd, "-%c needs a value", optopt);
            return cli_usage_error(cmd, "%s needs a value", a);
        }
        case '?': {
            const char *a = argv[optind - 1];
            if (optopt && !(a[0] == '-' && a[1] == '-')) return cli_usage_error(cmd, "unknown option -%c", optopt);
            return cli_usage_error(cmd, "unknown option %s", a);
        }
        default: {
            int rc = fn ? fn(ud, c, arg) : cli_usage_error(cmd, "unknown option");
            if (rc) return rc;
        }
        }
    }
    /* operands after "--" */
    for (int i = optind; i < argc; i++) o->pos[o->npos++] = argv[i];
    return 0;
}

void cli_opts_free(cli_opts *o) { arena_free(&o->a); }
