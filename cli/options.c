/* options.c - the one option parser (getopt_long), driven by tables. */
#include "options.h"
#include "../support/suggest.h"
#include "target.h"
#include "../backend/landlock.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_parse_accept(const char *cmd, const char *list, unsigned *set)
{
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char name[32];
        if (n == 0 || n >= sizeof name) return cli_usage_error(cmd, "--linux-accept: empty or unknown class in \"%s\"", list);
        memcpy(name, p, n);
        name[n] = 0;
        int cls = ll_class_lookup(name);
        if (cls < 0) {
            char known[256];       /* the classes' own table, in its order */
            size_t k = 0;
            known[0] = 0;
            for (int i = 0; i < LLC_COUNT && k < sizeof known; i++)
                k += (size_t)snprintf(known + k, sizeof known - k, "%s%s", i ? ", " : "", ll_class_get(i)->name);
            return cli_usage_error(cmd, "--linux-accept: unknown class %s (%s)", name, known);
        }
        *set |= 1u << cls;
        p += n + (e ? 1 : 0);
    }
    return 0;
}

int cli_parse_level(const char *s, severity *out)
{
    static const char *const names[] = { "error", "warning", "info", "style" };
    for (int i = 0; i < 4; i++) if (!strcmp(s, names[i])) { *out = (severity)i; return 1; }
    return 0;
}

/* The shared options, each with the CLI_* bit that admits it. */
static const struct shared_opt { cli_opt opt; unsigned bit; } shared[] = {
    { { "include", OPT_INCLUDE, 1, NULL }, CLI_INCLUDE },
    { { "define", OPT_DEFINE, 1, NULL }, CLI_DEFINE },
    { { "format", OPT_FORMAT, 1, "text|gcc|json|sarif" }, CLI_DIAG_FORMAT },
    { { "severity", OPT_SEVERITY, 1, "error|warning|info|style" }, CLI_LEVELS },
    { { "fail-on", OPT_FAIL_ON, 1, "error|warning|info|style" }, CLI_LEVELS },
    { { "Werror", OPT_WERROR, 0, NULL }, CLI_LEVELS },
    { { "stdin-filename", OPT_STDIN_FILENAME, 1, NULL }, CLI_STDIN_NAME },
    { { "platform", OPT_TARGET_PLATFORM, 1, "macos|linux" }, CLI_PLATFORM },
    { { "landlock-abi", OPT_LANDLOCK_ABI, 1, NULL }, CLI_PLATFORM },
    { { "linux-accept", OPT_LINUX_ACCEPT, 1, NULL }, CLI_PLATFORM },
};
#define NSHARED (sizeof shared / sizeof shared[0])

static const cli_opt help_row = { "help", 'h', 0, NULL };

/* The index of arg among "a|b|c", or -1. */
static int choice_of(const char *choices, const char *arg)
{
    size_t n = strlen(arg);
    int i = 0;
    for (const char *p = choices;; i++) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && !strncmp(p, arg, n)) return i;
        if (!bar) return -1;
        p = bar + 1;
    }
}

/* "a|b|c" as "a, b or c" */
static const char *choices_text(arena *a, const char *choices)
{
    strbuf b;
    sb_init(&b);
    for (const char *p = choices; *p; p++) {
        if (*p != '|') { sb_putc(&b, *p); continue; }
        sb_puts(&b, strchr(p + 1, '|') ? ", " : " or ");
    }
    const char *s = arena_strdup(a, sb_cstr(&b));
    sb_free(&b);
    return s;
}

/* How the option of row r was written: "--name" or "-k". */
static const char *spelled(arena *a, const cli_opt *r, const char *arg_seen)
{
    if (arg_seen && arg_seen[0] == '-' && arg_seen[1] == '-' && r->name) return arena_printf(a, "--%s", r->name);
    if (r->key > 0 && r->key < 0x100) return arena_printf(a, "-%c", r->key);
    return arena_printf(a, "--%s", r->name);
}

static int shared_option(cli_opts *o, const cli_spec *s, int key, const char *arg, int choice)
{
    switch (key) {
    case OPT_INCLUDE:
        if (!arg[0]) return cli_usage_error(s->cmd, "-I needs a directory");
        o->incs[o->ninc++] = arg;
        return 0;
    case OPT_DEFINE: {
        const char *err = define_parse(&o->a, arg, &o->defs[o->ndef]);
        if (err) return cli_usage_error(s->cmd, "-D %.200s%s: %s", arg, strlen(arg) > 200 ? "..." : "", err);
        o->params[o->ndef] = (sb_param){ o->defs[o->ndef].name, o->defs[o->ndef].value };
        o->def_raw[o->ndef] = strchr(arg, '=') ? strchr(arg, '=') + 1 : "";
        o->ndef++;
        return 0;
    }
    case OPT_FORMAT: o->fmt = (diag_format)choice; o->fmt_set = 1; return 0;
    case OPT_SEVERITY: o->show = (severity)choice; o->show_set = 1; return 0;
    case OPT_FAIL_ON: o->fail_on = (severity)choice; o->fail_set = 1; return 0;
    case OPT_WERROR: o->fail_on = SEV_WARNING; o->fail_set = 1; return 0;
    case OPT_STDIN_FILENAME: o->stdin_name = arg; return 0;
    case OPT_TARGET_PLATFORM: o->platform = choice == 1 ? PLAT_LINUX : PLAT_MACOS; return 0;
    case OPT_LANDLOCK_ABI: o->ll_abi_arg = arg; return 0;
    case OPT_LINUX_ACCEPT: o->linux_accept_arg = arg; return 0;
    }
    return -1;
}

static int parse(cli_opts *o, const cli_spec *s, int argc, char **argv)
{
    /* every row the command accepts: --help, the shared ones it names, its own */
    size_t nown = 0;
    while (s->own && s->own[nown].key) nown++;
    const cli_opt **rows = arena_alloc(&o->a, (1 + NSHARED + nown) * sizeof *rows);
    int *is_shared = arena_alloc(&o->a, (1 + NSHARED + nown) * sizeof *is_shared);
    size_t nrows = 0;
    rows[nrows++] = &help_row;
    for (size_t i = 0; i < NSHARED; i++)
        if (s->shared & shared[i].bit) { is_shared[nrows] = 1; rows[nrows++] = &shared[i].opt; }
    for (size_t i = 0; i < nown; i++) rows[nrows++] = &s->own[i];

    /* getopt's lists, made from the rows: a long option's val is the row's
     * index + 0x1000, a short one is its letter */
    struct option *longs = arena_alloc(&o->a, (nrows + 1) * sizeof *longs);
    size_t nlong = 0;
    strbuf shorts;
    sb_init(&shorts);
    /* leading '-': operands come back in order as option 1, wherever they
     * are (argv is not permuted); ':': a missing value is ':', not '?' */
    sb_puts(&shorts, "-:");
    for (size_t i = 0; i < nrows; i++) {
        const cli_opt *r = rows[i];
        if (r->name) longs[nlong++] = (struct option){ r->name, r->has_arg ? required_argument : no_argument, NULL, (int)(0x1000 + i) };
        if (r->key > 0 && r->key < 0x100) { sb_putc(&shorts, (char)r->key); if (r->has_arg) sb_putc(&shorts, ':'); }
    }
    const char *optstring = arena_strdup(&o->a, sb_cstr(&shorts));
    sb_free(&shorts);

    opterr = 0;
#if defined(__GLIBC__)
    optind = 0;   /* a fresh scan */
#else
    optind = 1;
#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__NetBSD__) || defined(__OpenBSD__)
    optreset = 1;
#endif
#endif
    for (;;) {
        int li = -1;
        int c = getopt_long(argc, argv, optstring, longs, &li);
        if (c == -1) break;
        const char *arg = optarg;
        const char *seen = optind > 0 && optind <= argc ? argv[optind - 1] : "";
        if (c == 1) {
            if (s->operand) {
                int rc = s->fn(s->ud, CLI_OPERAND, arg, -1);
                if (rc) return rc;
            } else o->pos[o->npos++] = arg;
            continue;
        }
        if (c == ':' || c == '?') {
            /* a short option is named by its letter; a long one as written */
            int is_long = optopt == 0 || optopt >= 0x100;
            const char *name = is_long ? arena_strndup(&o->a, seen, strcspn(seen, "=")) : arena_printf(&o->a, "-%c", optopt);
            if (c == ':') return cli_usage_error(s->cmd, "%s needs a value", name);
            /* GNU getopt names an ambiguous abbreviation with '?' too */
            if (is_long && !strncmp(name, "--", 2)) {
                const char **cands = arena_alloc(&o->a, (nrows + 1) * sizeof *cands);
                size_t nc = 0;
                for (size_t i = 0; i < nrows; i++) if (rows[i]->name) cands[nc++] = rows[i]->name;
                const char *near = suggest_closest(name + 2, cands, nc, 0);
                if (near) return cli_usage_error(s->cmd, "unknown option %s (did you mean --%s?)", name, near);
            }
            return cli_usage_error(s->cmd, "unknown option %s", name);
        }
        const cli_opt *r = NULL;
        size_t ri = 0;
        if (c >= 0x1000 && (size_t)(c - 0x1000) < nrows) { ri = (size_t)(c - 0x1000); r = rows[ri]; }
        else for (ri = 0; ri < nrows; ri++) if (rows[ri]->key == c) { r = rows[ri]; break; }
        if (!r) return cli_usage_error(s->cmd, "unknown option %s", seen);
        if (r == &help_row) { fputs(s->usage, stdout); return -1; }
        int choice = -1;
        if (r->choices) {
            choice = choice_of(r->choices, arg);
            if (choice < 0)
                return cli_usage_error(s->cmd, "%s takes %s, not %s", spelled(&o->a, r, seen), choices_text(&o->a, r->choices), arg);
        }
        int rc = is_shared[ri] ? shared_option(o, s, r->key, arg, choice)
                               : s->fn ? s->fn(s->ud, r->key, arg, choice) : -1;
        if (rc < 0) return cli_usage_error(s->cmd, "unknown option %s", seen);
        if (rc) return rc;
    }
    /* the arguments after "--" */
    o->rest = optind;
    o->dashdash = optind > 1 && optind <= argc && !strcmp(argv[optind - 1], "--");
    if (!s->operand)
        for (int i = optind; i < argc; i++) o->pos[o->npos++] = argv[i];
    return 0;
}

/* --landlock-abi only with --platform linux; Linux's ABI: the value given,
 * else the kernel's, else the newest buckle knows (as query answers) */
static int platform_check(cli_opts *o, const char *cmd)
{
    if (o->platform != PLAT_LINUX) {
        if (o->ll_abi_arg) return cli_usage_error(cmd, "--landlock-abi needs --platform linux");
        if (o->linux_accept_arg) return cli_usage_error(cmd, "--linux-accept needs --platform linux");
        return 0;
    }
    if (o->linux_accept_arg) {
        int rc = cli_parse_accept(cmd, o->linux_accept_arg, &o->linux_accept);
        if (rc) return rc;
    }
    if (o->ll_abi_arg) {
        o->ll_abi = target_abi_parse(o->ll_abi_arg);
        if (!o->ll_abi) return cli_usage_error(cmd, "--landlock-abi takes 1 to %d, not %s", LL_ABI_MAX, o->ll_abi_arg);
        return 0;
    }
    int k = ll_abi_probe();
    o->ll_abi = k ? k : LL_ABI_MAX;
    return 0;
}

int cli_opts_parse(cli_opts *o, const cli_spec *s, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    arena_init(&o->a);
    size_t n = (size_t)argc + 1;
    o->incs = arena_alloc(&o->a, n * sizeof *o->incs);
    o->defs = arena_alloc(&o->a, n * sizeof *o->defs);
    o->params = arena_alloc(&o->a, n * sizeof *o->params);
    o->def_raw = arena_alloc(&o->a, n * sizeof *o->def_raw);
    o->pos = arena_alloc(&o->a, n * sizeof *o->pos);
    o->fmt = DIAG_TEXT;
    o->show = SEV_STYLE;
    o->fail_on = SEV_ERROR;
    o->rest = argc;
    o->platform = PLAT_MACOS;
    int rc = parse(o, s, argc, argv);
    if (!rc && (s->shared & CLI_PLATFORM)) rc = platform_check(o, s->cmd);
    /* the SBPL parameters: a value as typed for a platform other than the
     * host's (the host's links are not that platform's), as -D gives the
     * compiler (define_value_for) */
    for (size_t k = 0; !rc && k < o->ndef; k++) o->params[k].value = define_value_for(&o->defs[k], o->platform);
    if (rc > 0 && s->usage_rc) rc = s->usage_rc;
    return rc;
}

void cli_opts_free(cli_opts *o) { arena_free(&o->a); }
