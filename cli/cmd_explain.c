/* cmd_explain.c - `buckle explain ID|SLUG` and `buckle rules`. */
#include "cli.h"
#include "../lint/rules_table.h"
#include <string.h>

static void indent(const char *s)
{
    fputs("    ", stdout);
    for (; *s; s++) { putchar(*s); if (*s == '\n') fputs("    ", stdout); }
    putchar('\n');
}

int cmd_explain(cli_env *env, int argc, char **argv)
{
    (void)env;
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        puts("usage: buckle explain RULE-ID|SLUG\n\nPrints what a lint rule checks, why, an example that fires, one that does not, and the fix.");
        return 0;
    }
    if (argc != 2) return cli_usage_error("explain", "expected one RULE-ID or SLUG");
    /* IDs and slugs are matched ignoring case (bk3002, Dangerous-Mach-Service) */
    int exact = 0;
    const lint_rule *r = lint_rule_find(argv[1]);
    const lint_rule *near = r ? NULL : lint_rule_suggest(argv[1], &exact);
    if (!r && exact) r = near;
    if (!r) {
        int id = (argv[1][0] == 'B' || argv[1][0] == 'b') && (argv[1][1] == 'K' || argv[1][1] == 'k');
        if (near) fprintf(stderr, "buckle explain: error: no rule %s; did you mean %s? (%s)\n", argv[1],
                          id ? near->id : near->info.slug, id ? near->info.slug : near->id);
        else fprintf(stderr, "buckle explain: error: no rule %s; `buckle rules` lists them\n", argv[1]);
        return 2;
    }
    printf("%s %s (%s)%s\n\n%s.\n\nWhy: %s\n\nFires on:\n", r->id, r->info.slug, severity_name(r->info.default_sev),
           r->unsuppressible ? ", cannot be suppressed" : "", r->info.summary, r->info.rationale);
    indent(r->bad);
    puts("\nDoes not fire on:");
    indent(r->good);
    printf("\nFix: %s\n", r->fix);
    if (!r->unsuppressible) printf("\nSuppress with a reason:  # buckle: ignore[%s] -- why\n", r->info.slug);
    return 0;
}

int cmd_rules(cli_env *env, int argc, char **argv)
{
    (void)env;
    int json = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { puts("usage: buckle rules [--format text|json]"); return 0; }
        if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            const char *v = argv[++i];
            if (!strcmp(v, "json")) json = 1;
            else if (strcmp(v, "text")) return cli_usage_error("rules", "--format takes text or json");
        } else return cli_usage_error("rules", "unknown argument %s", argv[i]);
    }
    strbuf b;
    sb_init(&b);
    if (json) sb_puts(&b, "{\"version\":1,\"rules\":[");
    for (size_t i = 0; i < lint_rule_count(); i++) {
        const lint_rule *r = lint_rule_at(i);
        if (!json) { sb_printf(&b, "%s  %-28s %-8s %s\n", r->id, r->info.slug, severity_name(r->info.default_sev), r->info.summary); continue; }
        sb_puts(&b, i ? ",\n{" : "\n{");
        sb_puts(&b, "\"id\":"); sb_json_str(&b, r->id);
        sb_puts(&b, ",\"slug\":"); sb_json_str(&b, r->info.slug);
        sb_puts(&b, ",\"severity\":"); sb_json_str(&b, severity_name(r->info.default_sev));
        sb_puts(&b, ",\"summary\":"); sb_json_str(&b, r->info.summary);
        sb_puts(&b, ",\"rationale\":"); sb_json_str(&b, r->info.rationale);
        sb_puts(&b, ",\"bad\":"); sb_json_str(&b, r->bad);
        sb_puts(&b, ",\"good\":"); sb_json_str(&b, r->good);
        sb_puts(&b, ",\"fix\":"); sb_json_str(&b, r->fix);
        sb_printf(&b, ",\"suppressible\":%s}", r->unsuppressible ? "false" : "true");
    }
    if (json) sb_puts(&b, "\n]}\n");
    fwrite(b.data, 1, b.len, stdout);
    sb_free(&b);
    return 0;
}
