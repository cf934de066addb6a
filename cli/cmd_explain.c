/* cmd_explain.c - `buckle explain ID|SLUG` and `buckle rules`. */
#include "options.h"
#include "../lint/rules_table.h"
#include <string.h>

static void indent(const char *s)
{
    fputs("    ", stdout);
    for (; *s; s++) { putchar(*s); if (*s == '\n') fputs("    ", stdout); }
    putchar('\n');
}

static int explain(const char *name);

static const char explain_usage[] =
    "usage: buckle explain RULE-ID|SLUG\n\nPrints what a lint rule checks, why, an example that fires, one that does not, and the fix.\n";

int cmd_explain(cli_env *env, int argc, char **argv)
{
    (void)env;
    cli_spec spec = { "explain", explain_usage, 0, NULL, NULL, NULL, 0, 0 };
    cli_opts o;
    int rc = cli_opts_parse(&o, &spec, argc, argv);
    if (!rc && o.npos != 1) rc = cli_usage_error("explain", "expected one RULE-ID or SLUG");
    if (rc) { cli_opts_free(&o); return rc < 0 ? 0 : rc; }
    rc = explain(o.pos[0]);
    cli_opts_free(&o);
    return rc;
}

static int explain(const char *name)
{
    /* IDs and slugs are matched ignoring case (bk3002, Dangerous-Mach-Service) */
    int exact = 0;
    const lint_rule *r = lint_rule_find(name);
    const lint_rule *near = r ? NULL : lint_rule_suggest(name, &exact);
    if (!r && exact) r = near;
    if (!r) {
        int id = (name[0] == 'B' || name[0] == 'b') && (name[1] == 'K' || name[1] == 'k');
        if (near) cli_error("explain", "no rule %s; did you mean %s? (%s)", name,
                            id ? near->id : near->info.slug, id ? near->info.slug : near->id);
        else cli_error("explain", "no rule %s; `buckle rules` lists them", name);
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

static int rules_format(void *ud, int key, const char *arg, int choice)
{
    (void)arg;
    if (key != OPT_FORMAT) return -1;
    *(int *)ud = choice == 1;
    return 0;
}

int cmd_rules(cli_env *env, int argc, char **argv)
{
    (void)env;
    static const cli_opt own[] = { { "format", OPT_FORMAT, 1, "text|json" }, { NULL, 0, 0, NULL } };
    int json = 0;
    cli_spec spec = { "rules", "usage: buckle rules [--format text|json]\n", 0, own, rules_format, &json, 0, 0 };
    cli_opts o;
    int rc = cli_opts_parse(&o, &spec, argc, argv);
    if (!rc && o.npos) rc = cli_usage_error("rules", "unknown argument %s", o.pos[0]);
    cli_opts_free(&o);
    if (rc) return rc < 0 ? 0 : rc;
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
