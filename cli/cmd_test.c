/* cmd_test.c - `buckle test FILE...`: every expectation of the files' test
 * blocks, evaluated with the profile semantics and with the compiled SBPL. */
#include "eval_common.h"
#include "../compiler/emit.h"
#include "../compiler/verbs.h"
#include <string.h>

static const char usage[] =
    "usage: buckle test [-I DIR]... [-D NAME=VALUE]... FILE...\n"
    "\n"
    "Runs the `test` blocks of each .buckle file (tests are not inherited).  An\n"
    "expectation holds when every concrete operation of its verb gets the expected\n"
    "answer, both from the profile's semantics and from the compiled SBPL; a\n"
    "disagreement between the two is reported as a compiler bug.\n"
    "\n"
    "Exit status: 0 all passed, 1 a test failed or a file has errors, 2 usage error.\n";

static int run_file(cli_env *env, eval_args *ea, const char *file, int *npass, int *nfail)
{
    int rc;
    crosscheck *x = eval_open(env, ea, "test", file, &rc);
    if (!x) { (*nfail)++; return rc; }
    compilation *c = x->c;
    const unit *u = c->units[c->nunits - 1];
    for (const ast_test *t = u->ast->tests; t; t = t->next) {
        int tp = 0, tf = 0;
        for (const ast_expect *e = t->expects; e; e = e->next) {
            source_pos pos = source_position(u->src, e->at.start);
            verb_info v;
            if (!verb_resolve(e->section, e->verb, &v)) {
                const char *s = verb_suggest(e->section, e->verb);
                strbuf vb;
                sb_init(&vb);
                if (!s) verb_names(e->section, &vb);
                printf("%s:%u:%u: error: unknown verb \"%s\" in section %s (%s%s%s)\n", u->display, pos.line, pos.col,
                       e->verb, section_name(e->section), s ? "did you mean \"" : "the verbs are ", s ? s : sb_cstr(&vb),
                       s ? "\"?" : "");
                sb_free(&vb);
                tf++;
                continue;
            }
            sb_request proto;
            memset(&proto, 0, sizeof proto);
            request_kind_for(e->section, e->verb, e->object.s, &proto);
            const char *o = decider_expand_object(x->d, e->object.s, proto.kind == OBJ_PATH);
            if (!o[0] || (proto.kind == OBJ_PATH && o[0] != '/')) {
                printf("%s:%u:%u: error: the object \"%s\" %s\n", u->display, pos.line, pos.col, e->object.s,
                       o[0] ? "is not an absolute path" : "is empty");
                tf++;
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
            if (ok) { tp++; sb_free(&names); continue; }
            tf++;
            const char *want = e->action == ACT_ALLOW ? "allow" : "deny";
            if (bug) {
                printf("%s:%u:%u: error: compiler bug: for %s %s the profile says %s but the compiled SBPL says %s\n",
                       u->display, pos.line, pos.col, bad_op, o, bad.prof.action ? "deny" : "allow",
                       bad.sbpl.decision == 0 ? "allow" : bad.sbpl.decision == 1 ? "deny" : "undecidable");
            } else {
                int got = bad.raw ? bad.sbpl.decision : bad.prof.action;
                const char *gw = got == 0 ? "allowed" : got == 1 ? "denied" : "undecidable";
                if (nops == 1)
                    printf("%s:%u:%u: FAIL: expected %s %s %s \"%s\", but it is %s\n", u->display, pos.line, pos.col,
                           want, section_name(e->section), e->verb, o, gw);
                else
                    printf("%s:%u:%u: FAIL: expected %s %s %s \"%s\", but %d of the %d operations of %s %s not %s (%s%s)\n",
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
                printf("  decided by %s:%u:%u: %s\n", bad.prof.r->origins->u->display, p.line, p.col, sb_cstr(&b));
                sb_free(&b);
            } else if (!bad.raw) {
                printf("  decided by the default (%s)\n", c->pol.default_action == ACT_ALLOW ? "allow" : "deny");
            }
        }
        printf("%s: test%s%s%s: %d passed, %d failed\n", u->display, t->name.s ? " \"" : "",
               t->name.s ? t->name.s : "", t->name.s ? "\"" : "", tp, tf);
        *npass += tp;
        *nfail += tf;
    }
    eval_close(x);
    return 0;
}

int cmd_test(cli_env *env, int argc, char **argv)
{
    eval_args ea;
    int rc = eval_args_parse(&ea, "test", usage, argc, argv);
    if (rc) { eval_args_free(&ea); return rc < 0 ? 0 : rc; }
    if (ea.npos == 0) { eval_args_free(&ea); return cli_usage_error("test", "no FILE"); }
    int npass = 0, nfail = 0, worst = 0;
    for (size_t i = 0; i < ea.npos; i++) {
        int r = run_file(env, &ea, ea.pos[i], &npass, &nfail);
        if (r > worst) worst = r;
    }
    printf("%d passed, %d failed\n", npass, nfail);
    eval_args_free(&ea);
    if (worst == 2) return 2;
    return nfail ? 1 : 0;
}
