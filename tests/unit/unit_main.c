/* unit_main.c - runs the unit tests. */
#include "unit.h"
#include "../../backend/emit.h"
#include <stdlib.h>
#include <unistd.h>

int unit_failed;
long unit_checks;
static char current[256];
static int current_is_setup;   /* the checks a test makes before its first case */

static void report(void)
{
    if (!current[0]) return;
    if (unit_checks == 0) {
        /* set-up without checks is not a case; a named case without one is vacuous */
        if (!current_is_setup) printf("FAIL %s: no assertion ran\n", current);
    } else {
        printf("%s %s\n", unit_failed ? "FAIL" : "ok", current);
    }
}

void unit_case(const char *name)
{
    report();
    unit_failed = 0;
    unit_checks = 0;
    current_is_setup = 0;
    snprintf(current, sizeof current, "%s", name ? name : "");
}

/* Starts a test group: checks before its first unit_case are reported as
 * "GROUP: set-up" when there are any. */
static void unit_group(const char *name)
{
    unit_case(NULL);
    snprintf(current, sizeof current, "%s: set-up", name);
    current_is_setup = 1;
}

char *unit_compile(const char *text, const char *const *defines, size_t ndefines, int *errors)
{
    char path[] = "/tmp/buckle-unit-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) { *errors = -1; return NULL; }
    size_t n = strlen(text);
    if (write(fd, text, n) != (ssize_t)n) { close(fd); unlink(path); *errors = -1; return NULL; }
    close(fd);
    arena a;
    arena_init(&a);
    define *defs = xcalloc(ndefines + 1, sizeof *defs);
    for (size_t i = 0; i < ndefines; i++) define_parse(&a, defines[i], &defs[i]);
    compile_opts o = { 0 };
    o.defines = defs;
    o.ndefines = ndefines;
    compilation *c = compilation_new(&o);
    int rc = compile_profile(c, path);
    char *res = NULL;
    *errors = (int)c->diags.errors;
    if (rc == 0) {
        strbuf b;
        sb_init(&b);
        emit_sbpl(c, NULL, &b);
        res = sb_detach(&b);
    }
    compilation_free(c);
    free(defs);
    arena_free(&a);
    unlink(path);
    return res;
}

static void flat_string(strbuf *o, const sexp *x, size_t *maxlit)
{
    if (x->kind == SX_STRING) {
        size_t l = x->at.end - x->at.start - 2;
        if (l > *maxlit) *maxlit = l;
        sb_add(o, x->text, x->len);
    } else if (x->kind == SX_LIST && sexp_is_sym(x->child, "param")) {
        sb_puts(o, "${");
        sb_add(o, x->child->next->text, x->child->next->len);
        sb_putc(o, '}');
    } else if (x->kind == SX_LIST && sexp_is_sym(x->child, "string-append")) {
        for (const sexp *a = x->child->next; a; a = a->next) flat_string(o, a, maxlit);
    } else {
        sb_puts(o, "?");
    }
}

static void flat_filter(strbuf *o, const sexp *f, size_t *maxlit)
{
    if (f->kind != SX_LIST || !f->child) { sb_puts(o, "?"); return; }
    sb_add(o, f->child->text, f->child->len);
    for (const sexp *a = f->child->next; a; a = a->next) {
        sb_putc(o, a == f->child->next ? '=' : ',');
        if (a->kind == SX_SYMBOL) sb_add(o, a->text, a->len);
        else if (a->kind == SX_LIST && a->child && a->child->kind == SX_SYMBOL &&
                 !sexp_is_sym(a->child, "param") && !sexp_is_sym(a->child, "string-append")) {
            sb_putc(o, '(');
            flat_filter(o, a, maxlit);
            sb_putc(o, ')');
        } else flat_string(o, a, maxlit);
    }
}

int unit_readback(const char *sbpl, rb_rule *out, int max, size_t *max_literal)
{
    source *src = source_new("out.sb", "out.sb", xstrdup(sbpl), strlen(sbpl));
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    sexp *top = sbpl_read(&a, &dl, src, NULL);
    int n = 0;
    *max_literal = 0;
    if (dl.errors) n = -1;
    for (const sexp *x = top; x && n >= 0; x = x->next) {
        if (sexp_is_sym(x->child, "version")) continue;
        if (x->child && x->child->next && sexp_is_sym(x->child->next, "default")) continue;
        if (n >= max) break;
        rb_rule *r = &out[n++];
        memset(r, 0, sizeof *r);
        snprintf(r->action, sizeof r->action, "%s", x->child->text);
        for (const sexp *e = x->child->next; e; e = e->next) {
            if (e->kind == SX_SYMBOL) {
                if (r->ops[0]) strncat(r->ops, ",", sizeof r->ops - strlen(r->ops) - 1);
                strncat(r->ops, e->text, sizeof r->ops - strlen(r->ops) - 1);
            } else if (sexp_is_sym(e->child, "with")) {
                if (sexp_is_sym(e->child->next, "message")) {
                    strbuf s;
                    sb_init(&s);
                    flat_string(&s, e->child->next->next, max_literal);
                    snprintf(r->message, sizeof r->message, "%s", sb_cstr(&s));
                    sb_free(&s);
                }
            } else if (r->nfilters < 8) {
                strbuf s;
                sb_init(&s);
                flat_filter(&s, e, max_literal);
                snprintf(r->filters[r->nfilters++], sizeof r->filters[0], "%s", sb_cstr(&s));
                sb_free(&s);
            }
        }
    }
    /* the implicit denies of deny default (docs/sbpl.md) are not the
     * profile's own rules: leave them out of the comparison */
    int w = 0;
    for (int i = 0; i < (n > 0 ? n : 0); i++) {
        int implicit = !strcmp(out[i].action, "deny") && out[i].nfilters == 0 &&
            (!strcmp(out[i].ops, "process-info*") || !strcmp(out[i].ops, "nvram*") ||
             !strcmp(out[i].ops, "iokit-get-properties") || !strcmp(out[i].ops, "file-map-executable"));
        if (!implicit) { if (w != i) out[w] = out[i]; w++; }
    }
    arena_free(&a);
    source_free(src);
    return n < 0 ? n : w;
}

static const unit_test tests[] = {
    { "support", test_support },
    { "patterns", test_patterns },
    { "overlap", test_overlap },
    { "overlap_random", test_overlap_random },
    { "regex", test_regex },
    { "runner", test_runner },
    { "cache", test_cache },
    { "sorting", test_sorting },
    { "rule_set", test_rule_set },
    { "index", test_index },
    { "path_index", test_path_index },
    { "pool", test_pool },
    { "ops", test_ops },
    { "reference", test_reference },
    { "injection", test_injection },
};

int main(void)
{
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        unit_group(tests[i].name);
        tests[i].fn();
        unit_case(NULL);
    }
    puts("unit-tests done");
    return 0;
}
