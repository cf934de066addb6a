/* cmd_test.c - `buckle test FILE...`: every expectation of the files' test
 * blocks, evaluated with the profile semantics and with the compiled SBPL. */
#include "eval_common.h"
#include "../backend/emit.h"
#include "../compiler/verbs.h"
#include <string.h>

static const char usage[] =
    "usage: buckle test [-I DIR]... [-D NAME=VALUE]... [--format text|tap|junit] FILE...\n"
    "\n"
    "Runs the `test` blocks of each .buckle file (tests are not inherited).  An\n"
    "expectation holds when every concrete operation of its verb gets the expected\n"
    "answer, both from the profile's semantics and from the compiled SBPL; a\n"
    "disagreement between the two is reported as a compiler bug.\n"
    "\n"
    "--format tap writes TAP version 13 (one test point per expectation, a file\n"
    "that does not compile is one failing point); --format junit writes JUnit XML\n"
    "(a testsuite per test block, a testcase per expectation).\n"
    "\n"
    "Exit status: 0 all passed, 1 a test failed or a file has errors, 2 usage error.\n";

enum { FMT_TEXT, FMT_TAP, FMT_JUNIT };

/* One place the results go: text as before, TAP points, or JUnit cases
 * (a test block's cases are kept until its counts are known). */
typedef struct report {
    int fmt;
    int point;              /* TAP test point number */
    strbuf suite;           /* JUnit: the current test block's cases */
    strbuf all;             /* JUnit: every suite */
} report;

static void xml_text(strbuf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '<') sb_puts(b, "&lt;");
        else if (c == '>') sb_puts(b, "&gt;");
        else if (c == '&') sb_puts(b, "&amp;");
        else if (c == '"') sb_puts(b, "&quot;");
        else if (c < 0x20 && c != '\n' && c != '\t') sb_printf(b, "&#xFFFD;");
        else sb_putc(b, (char)c);
    }
}

/* name: what was expected; detail: the failure text (NULL: passed) */
static void report_case(report *rp, const char *suite, const char *name, const char *detail)
{
    if (rp->fmt == FMT_TEXT) { if (detail) fputs(detail, stdout); return; }
    if (rp->fmt == FMT_TAP) {
        /* a description cannot hold a line break, and '#' starts a directive */
        printf("%s %d - ", detail ? "not ok" : "ok", ++rp->point);
        for (const char *d = suite; *d; d++) if (*d == '#') fputs("\\#", stdout); else putchar((unsigned char)*d < 0x20 ? ' ' : *d);
        fputs(": ", stdout);
        for (const char *d = name; *d; d++) if (*d == '#') fputs("\\#", stdout); else putchar((unsigned char)*d < 0x20 ? ' ' : *d);
        putchar('\n');
        if (detail) {
            fputs("  ---\n  message: |\n", stdout);
            for (const char *p = detail; *p;) {
                const char *e = strchr(p, '\n');
                size_t n = e ? (size_t)(e - p) : strlen(p);
                printf("    %.*s\n", (int)n, p);
                p += n + (e ? 1 : 0);
            }
            fputs("  ...\n", stdout);
        }
        return;
    }
    sb_puts(&rp->suite, "    <testcase classname=\"");
    xml_text(&rp->suite, suite);
    sb_puts(&rp->suite, "\" name=\"");
    xml_text(&rp->suite, name);
    if (!detail) { sb_puts(&rp->suite, "\"/>\n"); return; }
    sb_puts(&rp->suite, "\">\n      <failure message=\"");
    const char *e = strchr(detail, '\n');
    strbuf first;
    sb_init(&first);
    sb_add(&first, detail, e ? (size_t)(e - detail) : strlen(detail));
    xml_text(&rp->suite, sb_cstr(&first));
    sb_free(&first);
    sb_puts(&rp->suite, "\">");
    xml_text(&rp->suite, detail);
    sb_puts(&rp->suite, "</failure>\n    </testcase>\n");
}

static void report_suite(report *rp, const char *suite, int tp, int tf, const char *text_line)
{
    if (rp->fmt == FMT_TEXT) { fputs(text_line, stdout); return; }
    if (rp->fmt != FMT_JUNIT) return;
    sb_puts(&rp->all, "  <testsuite name=\"");
    xml_text(&rp->all, suite);
    sb_printf(&rp->all, "\" tests=\"%d\" failures=\"%d\" errors=\"0\">\n", tp + tf, tf);
    sb_add(&rp->all, rp->suite.data ? rp->suite.data : "", rp->suite.len);
    sb_puts(&rp->all, "  </testsuite>\n");
    sb_reset(&rp->suite);
}

static int run_file(cli_env *env, eval_args *ea, const char *file, int *npass, int *nfail, report *rp)
{
    int rc;
    crosscheck *x = eval_open(env, ea, "test", file, &rc);
    if (!x) {
        (*nfail)++;
        if (rp->fmt != FMT_TEXT) {
            report_case(rp, file, "compiles", rc == 2 ? "cannot be read (see standard error)\n" : "does not compile (see standard error)\n");
            report_suite(rp, file, 0, 1, "");
        }
        return rc;
    }
    compilation *c = x->c;
    const unit *u = c->units[c->nunits - 1];
    for (const ast_test *t = u->ast->tests; t; t = t->next) {
        int tp = 0, tf = 0;
        const char *suite = t->name.s ? arena_printf(&ea->a, "%s: test \"%s\"", u->display, t->name.s)
                                      : arena_printf(&ea->a, "%s: test", u->display);
        strbuf msg;
        sb_init(&msg);
        for (const ast_expect *e = t->expects; e; e = e->next) {
            source_pos pos = source_position(u->src, e->at.start);
            const char *name = arena_printf(&ea->a, "%u:%u: expect %s %s %s \"%s\"", pos.line, pos.col,
                                            action_name(e->action), section_name(e->section), e->verb, e->object.s);
            sb_reset(&msg);
            verb_info v;
            if (!verb_resolve(e->section, e->verb, &v)) {
                const char *s = verb_suggest(e->section, e->verb);
                strbuf vb;
                sb_init(&vb);
                if (!s) verb_names(e->section, &vb);
                sb_printf(&msg, "%s:%u:%u: error: unknown verb \"%s\" in section %s (%s%s%s)\n", u->display, pos.line, pos.col,
                       e->verb, section_name(e->section), s ? "did you mean \"" : "the verbs are ", s ? s : sb_cstr(&vb),
                       s ? "\"?" : "");
                sb_free(&vb);
                tf++;
                report_case(rp, suite, name, sb_cstr(&msg));
                continue;
            }
            sb_request proto;
            memset(&proto, 0, sizeof proto);
            request_kind_for(e->section, e->verb, e->object.s, &proto);
            const char *o = decider_expand_object(x->d, e->object.s, proto.kind == OBJ_PATH);
            int dots = proto.kind == OBJ_PATH && o[0] == '/' && path_dot_component(o);
            if (!o[0] || (proto.kind == OBJ_PATH && o[0] != '/') || dots) {
                sb_printf(&msg, "%s:%u:%u: error: the object \"%s\" %s\n", u->display, pos.line, pos.col, e->object.s,
                          dots ? "has a \".\" or \"..\" component (the kernel resolves it: expect the resolved path)"
                               : o[0] ? "is not an absolute path" : "is empty");
                tf++;
                report_case(rp, suite, name, sb_cstr(&msg));
                continue;
            }
            const opset *ops = &op_get(op_lookup(v.op, NULL))->covers;
            /* every concrete operation of the verb: how many disagree */
            int ok = 1, bug = 0, nops = 0, nbad = 0;
            const char *bad_op = NULL;
            cc_answer bad = { 0 };
            strbuf names;
            sb_init(&names);
            for (int op = 0; op < ops_count() && !bug; op++) {
                if (!opset_has(ops, op)) continue;
                sb_request q = proto;
                q.op = op;
                q.obj = o;
                q.len = strlen(o);
                cc_answer an = crosscheck_ask(x, &q);
                int got = an.raw ? an.sbpl.decision : an.prof.action;
                nops++;
                if (!an.agree) { bug = 1; ok = 0; bad = an; bad_op = op_get(op)->name; }
                else if (got != (int)e->action) {
                    if (ok) bad = an;
                    ok = 0;
                    if (nbad < 3) sb_printf(&names, "%s%s", nbad ? ", " : "", op_get(op)->name);
                    nbad++;
                }
            }
            if (ok) { tp++; sb_free(&names); report_case(rp, suite, name, NULL); continue; }
            tf++;
            const char *want = action_name(e->action);
            if (bug) {
                sb_printf(&msg, "%s:%u:%u: error: compiler bug: for %s %s the profile says %s but the compiled SBPL says %s\n",
                       u->display, pos.line, pos.col, bad_op, o, action_name(bad.prof.action),
                       bad.sbpl.decision == 0 ? "allow" : bad.sbpl.decision == 1 ? "deny" : "undecidable");
            } else {
                int got = bad.raw ? bad.sbpl.decision : bad.prof.action;
                const char *gw = got == 0 ? "allowed" : got == 1 ? "denied" : "undecidable";
                if (nops == 1)
                    sb_printf(&msg, "%s:%u:%u: FAIL: expected %s %s %s \"%s\", but it is %s\n", u->display, pos.line, pos.col,
                           want, section_name(e->section), e->verb, o, gw);
                else
                    sb_printf(&msg, "%s:%u:%u: FAIL: expected %s %s %s \"%s\", but %d of the %d operations of %s %s not %s (%s%s)\n",
                           u->display, pos.line, pos.col, want, section_name(e->section), e->verb, o, nbad, nops,
                           e->verb, nbad == 1 ? "is" : "are", e->action == ACT_ALLOW ? "allowed" : "denied",
                           sb_cstr(&names), nbad > 3 ? ", ..." : "");
            }
            sb_free(&names);
            if (bad.prof.r && !bad.raw) {
                strbuf b;
                sb_init(&b);
                ir_rule_text(&b, bad.prof.r);
                source_pos p = source_position(bad.prof.r->origins->u->src, bad.prof.r->origins->at.start);
                sb_printf(&msg, "  decided by %s:%u:%u: %s\n", bad.prof.r->origins->u->display, p.line, p.col, sb_cstr(&b));
                sb_free(&b);
            } else if (!bad.raw) {
                sb_printf(&msg, "  decided by the default (%s)\n", action_name(c->pol.default_action));
            }
            report_case(rp, suite, name, sb_cstr(&msg));
        }
        sb_reset(&msg);
        sb_printf(&msg, "%s: test%s%s%s: %d passed, %d failed\n", u->display, t->name.s ? " \"" : "",
                  t->name.s ? t->name.s : "", t->name.s ? "\"" : "", tp, tf);
        report_suite(rp, suite, tp, tf, sb_cstr(&msg));
        sb_free(&msg);
        *npass += tp;
        *nfail += tf;
    }
    eval_close(x);
    return 0;
}

/* --format: the choices are in the order of FMT_ */
static int format_option(void *ud, int key, const char *arg, int choice)
{
    (void)arg;
    if (key != OPT_FORMAT) return -1;
    ((report *)ud)->fmt = choice;
    return 0;
}

int cmd_test(cli_env *env, int argc, char **argv)
{
    static const cli_opt own[] = { { "format", OPT_FORMAT, 1, "text|tap|junit" }, { NULL, 0, 0, NULL } };
    report rp;
    memset(&rp, 0, sizeof rp);
    eval_args ea;
    int rc = eval_args_parse(&ea, "test", usage, argc, argv, own, format_option, &rp);
    if (rc) { eval_args_free(&ea); return rc < 0 ? 0 : rc; }
    if (ea.npos == 0) { eval_args_free(&ea); return cli_usage_error("test", "no FILE"); }
    int npass = 0, nfail = 0, worst = 0;
    for (size_t i = 0; i < ea.npos; i++) {
        if (rp.fmt == FMT_TAP && i == 0) puts("TAP version 13");
        int r = run_file(env, &ea, ea.pos[i], &npass, &nfail, &rp);
        if (r > worst) worst = r;
    }
    if (rp.fmt == FMT_TEXT) printf("%d passed, %d failed\n", npass, nfail);
    else if (rp.fmt == FMT_TAP) printf("1..%d\n# %d passed, %d failed\n", rp.point, npass, nfail);
    else {
        printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"%d\" failures=\"%d\" errors=\"0\">\n%s</testsuites>\n",
               npass + nfail, nfail, rp.all.data ? rp.all.data : "");
    }
    sb_free(&rp.suite);
    sb_free(&rp.all);
    eval_args_free(&ea);
    if (worst == 2) return 2;
    return nfail ? 1 : 0;
}
