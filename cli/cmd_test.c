/* cmd_test.c - `buckle test FILE...`: every expectation of the files' test
 * blocks, evaluated with the profile semantics and with the compiled SBPL,
 * or (--platform linux) with the Landlock plan. */
#include "eval_common.h"
#include "../backend/emit.h"
#include "../compiler/verbs.h"
#include "../seatbelt/request.h"
#include "../support/param_marks.h"
#include <stdio.h>
#include "../daily/diff_verbatim.h"
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
    "usage: buckle test [-I DIR]... [-D NAME=VALUE]... [-U NAME]... [--format text|tap|junit]\n"
    "                   [--vnode-type T] [--platform macos|linux [--landlock-abi N]] FILE...\n"
    "\n"
    "Runs the `test` blocks of each .buckle file (tests are not inherited).  An\n"
    "expectation holds when every concrete operation of its verb gets the expected\n"
    "answer, both from the profile's semantics and from the compiled SBPL; a\n"
    "disagreement between the two is reported as a compiler bug.  sbpl verbatim\n"
    "blocks count when every parameter they read has a value or is not passed\n"
    "(-U NAME), as in buckle query;\n"
    "otherwise a note says that the answers leave them out.  A path is asked\n"
    "about as a file of type T with --vnode-type T (DIRECTORY, SYMLINK, ...),\n"
    "otherwise as a regular file where a rule takes only some types.\n"
    "\n"
    "--platform linux compiles for Linux and answers each operation as Landlock\n"
    "enforces the profile here and now (buckle query --platform linux); an\n"
    "operation without Linux meaning is not counted, an expectation with none is\n"
    "skipped.  A test inside `platform NAME { }` runs only for that platform; the\n"
    "default is macos.  The ABI is the kernel's, or 7 where there is no Landlock.\n"
    "\n"
    "--format tap writes TAP version 13 (one test point per expectation, a file\n"
    "that does not compile is one failing point); --format junit writes JUnit XML\n"
    "(a testsuite per test block, a testcase per expectation).  Both name the\n"
    "platform.\n"
    "\n"
    "Exit status: 0 all passed, 1 a test failed or a file has errors, 2 usage error.\n";

enum { FMT_TEXT, FMT_TAP, FMT_JUNIT };

/* One place the results go: text as before, TAP points, or JUnit cases
 * (a test block's cases are kept until its counts are known). */
typedef struct report {
    int fmt;
    int point;              /* TAP test point number */
    int ll_abi;             /* --platform linux: the Landlock ABI; 0 for macOS */
    const char *unset[64];  /* -U NAME: parameters the program does not pass (verbatim blocks) */
    size_t nunset;
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

/* name: what was expected; detail: the failure text (NULL: passed); skip:
 * why the expectation means nothing on this platform (detail is then the
 * text line) */
static void report_case(report *rp, const char *suite, const char *name, const char *detail, const char *skip)
{
    if (rp->fmt == FMT_TEXT) { if (detail) fputs(detail, stdout); return; }
    if (rp->fmt == FMT_TAP) {
        /* a description cannot hold a line break, and '#' starts a directive */
        printf("%s %d - ", detail && !skip ? "not ok" : "ok", ++rp->point);
        for (const char *d = suite; *d; d++) if (*d == '#') fputs("\\#", stdout); else putchar((unsigned char)*d < 0x20 ? ' ' : *d);
        fputs(": ", stdout);
        for (const char *d = name; *d; d++) if (*d == '#') fputs("\\#", stdout); else putchar((unsigned char)*d < 0x20 ? ' ' : *d);
        if (skip) {
            fputs(" # SKIP ", stdout);
            for (const char *d = skip; *d; d++) putchar((unsigned char)*d < 0x20 ? ' ' : *d);
            putchar('\n');
            return;
        }
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
    if (skip) {
        sb_puts(&rp->suite, "\">\n      <skipped message=\"");
        xml_text(&rp->suite, skip);
        sb_puts(&rp->suite, "\"/>\n    </testcase>\n");
        return;
    }
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

/* tp passed, tf failed and ts skipped in the suite */
static void report_suite(report *rp, const char *suite, const int n[3], const char *text_line)
{
    if (rp->fmt == FMT_TEXT) { fputs(text_line, stdout); return; }
    if (rp->fmt != FMT_JUNIT) return;
    sb_puts(&rp->all, "  <testsuite name=\"");
    xml_text(&rp->all, suite);
    sb_printf(&rp->all, "\" tests=\"%d\" failures=\"%d\" errors=\"0\"", n[0] + n[1] + n[2], n[1]);
    if (n[2]) sb_printf(&rp->all, " skipped=\"%d\"", n[2]);
    sb_printf(&rp->all, ">\n    <properties>\n      <property name=\"platform\" value=\"%s\"/>\n",
              rp->ll_abi ? "linux" : "macos");
    if (rp->ll_abi) sb_printf(&rp->all, "      <property name=\"landlock-abi\" value=\"%d\"/>\n", rp->ll_abi);
    sb_puts(&rp->all, "    </properties>\n");
    sb_add(&rp->all, rp->suite.data ? rp->suite.data : "", rp->suite.len);
    sb_puts(&rp->all, "  </testsuite>\n");
    sb_reset(&rp->suite);
}

/* How one expectation came out. */
typedef struct outcome {
    int nops, nbad;           /* operations decided; how many not as expected */
    int bug;                  /* macOS: the profile and the compiled SBPL disagree */
    strbuf names;             /* the first three operations not as expected */
    int got;                  /* the answer to the first of them: 0 allow, 1 deny, else undecidable */
    const char *bad_op;
    cc_answer bad;            /* macOS: the answer to it */
    const char *why;          /* Linux: what Landlock does with it; or why nothing is decided */
    decision prof;            /* Linux: what the profile says about it */
    const char *vb_rule;      /* macOS: a verbatim block's rule decided it ("FILE:LINE:COL: text") */
} outcome;

static void outcome_bad(outcome *r, int op, int got)
{
    if (!r->nbad) { r->got = got; r->bad_op = op_get(op)->name; }
    if (r->nbad < 3) sb_printf(&r->names, "%s%s", r->nbad ? ", " : "", op_get(op)->name);
    r->nbad++;
}

/* macOS: every operation by the profile's semantics and the compiled SBPL */
static void expect_macos(crosscheck *x, vb_eval *vb, arena *a, const sb_request *proto, const opset *ops, int want,
                         outcome *r)
{
    for (int op = 0; op < ops_count() && !r->bug; op++) {
        if (!opset_has(ops, op)) continue;
        sb_request q = *proto;
        q.op = op;
        cc_answer an = crosscheck_ask(x, &q);
        int got = an.raw ? an.sbpl.decision : an.prof.action;
        /* a rule of a verbatim block decides: Seatbelt's answer with the blocks in */
        sb_answer va = { -1, NULL, NULL, { 0 } };
        int from_block = vb && (va = vb_ask(vb, &q), vb_from_block(vb, va.rule));
        if (from_block) got = va.decision;
        r->nops++;
        if (!an.agree) { r->bug = 1; r->bad = an; r->bad_op = op_get(op)->name; }
        else if (got != want) {
            if (!r->nbad) { r->bad = an; r->vb_rule = from_block ? vb_describe(a, vb, va.rule) : NULL; }
            outcome_bad(r, op, got);
        }
    }
}

/* Linux: every concrete operation as Landlock enforces the plan (as
 * `query --platform linux` answers); an operation without Linux meaning is
 * not counted */
static void expect_linux(crosscheck *x, const ll_plan *p, const char *host, const sb_request *proto, const opset *ops,
                         int want, arena *a, outcome *r)
{
    const char *na = NULL;
    for (int op = 0; op < ops_count(); op++) {
        if (!opset_has(ops, op) || !op_get(op)->concrete) continue;
        sb_request q = *proto;
        q.op = op;
        const char *why;
        int got = ll_plan_decide(p, &q, q.kind == OBJ_PATH ? host : q.obj, a, &why);
        if (got == 2) { if (!na) na = why; continue; }
        r->nops++;
        if (got != want) {
            if (!r->nbad) { r->why = why; r->prof = decider_decide(x->d, &q); }
            outcome_bad(r, op, got);
        }
    }
    if (!r->nops) r->why = na ? na : "no operation of it exists on Linux";
}

/* Linux: an object under a built-in test value (/Users/test/project) that
 * does not exist here gets no grant; say which -D to pass */
static void missing_test_value(strbuf *msg, decider *d, const char *o)
{
    size_t n, best = 0, bl = 0;
    const sb_param *tv = test_param_values(&n);
    for (size_t i = 0; i < n; i++) {             /* the longest that o is under */
        const char *v = decider_value(d, tv[i].name);
        size_t vl = v ? strlen(v) : 0;
        struct stat st;
        if (!v || v[0] != '/' || strcmp(v, tv[i].value) || strncmp(o, v, vl) || (o[vl] && o[vl] != '/') || lstat(v, &st) == 0)
            continue;
        if (vl > bl) { best = i; bl = vl; }
    }
    if (bl)
        sb_printf(msg, "  %s is the built-in test value of %s and does not exist here: pass -D %s=... (as buckle run "
                       "takes it: %s)\n", tv[best].value, tv[best].name, tv[best].name,
                  !strcmp(tv[best].name, "WORKDIR") ? "the current directory" : "from the environment");
}

/* The failure text of an expectation that did not hold. */
/* the port of an address filter of the compiled SBPL (raw rules
 * included), into ports unless there */
static void sb_ports(arena *a, const sfilter *f, const char **ports, size_t *n, int depth)
{
    if (!f || depth > 64) return;
    if (f->kind == F_IP && f->str) {
        size_t hl = ip_host_len(f->str, f->len);
        if (hl >= f->len) return;
        const char *pt = arena_strndup(a, f->str + hl + 1, f->len - hl - 1);
        if (!strcmp(pt, "*")) return;
        size_t k = 0;
        while (k < *n && strcmp(ports[k], pt)) k++;
        if (k == *n) ports[(*n)++] = pt;
        return;
    }
    for (int i = 0; i < f->nkids; i++) sb_ports(a, f->kids[i], ports, n, depth + 1);
}

static size_t sb_filter_count(const sfilter *f, int depth)
{
    if (!f || depth > 64) return 0;
    size_t n = 1;
    for (int i = 0; i < f->nkids; i++) n += sb_filter_count(f->kids[i], depth + 1);
    return n;
}

/* The objects an expectation on "HOST:PORT" stands for: a "*" host is
 * every host, the loopback and any other; a "*" port every port, each one
 * a network rule names and one none names.  A deny (or allow) of every
 * host holds only when each of them gets it. */
static size_t ip_objects(arena *a, const compilation *c, decider *d, const sb_policy *pol, const char *o,
                         const char ***out)
{
    size_t hl = ip_host_len(o, strlen(o));
    int any_host = hl == 1 && o[0] == '*', any_port = !strcmp(o + hl + 1, "*");
    size_t nr = c->pol.rules.n, nports = 0, nsb = 0;
    for (size_t i = 0; pol && i < pol->n; i++) nsb += sb_filter_count(pol->rules[i]->filter, 0);
    const char **ports = arena_alloc(a, (nr + nsb + 2) * sizeof *ports);
    if (any_port) {
        for (size_t i = 0; i < nr; i++) {
            const rule *r = c->pol.rules.v[i];
            size_t vl;
            /* its "host:port" with the values the decider matches it with */
            const char *v = r && r->m.kind == MK_IP && r->m.value ? decider_rule_value(d, r, &vl) : NULL;
            if (!v) continue;
            const char *pt = v + ip_host_len(v, strlen(v)) + 1;
            if (!strcmp(pt, "*")) continue;
            size_t k = 0;
            while (k < nports && strcmp(ports[k], pt)) k++;
            if (k == nports) ports[nports++] = pt;
        }
        /* the compiled SBPL's, raw rules among them */
        for (size_t i = 0; pol && i < pol->n; i++) sb_ports(a, pol->rules[i]->filter, ports, &nports, 0);
        /* and one no rule names */
        for (long p = 1; p <= 65535; p++) {
            char num[24];
            snprintf(num, sizeof num, "%ld", p);
            size_t k = 0;
            while (k < nports && strcmp(ports[k], num)) k++;
            if (k == nports) { ports[nports++] = arena_strdup(a, num); break; }
        }
    } else {
        ports[nports++] = o + hl + 1;
    }
    static const char *const every[] = { "localhost", "*" };
    const char *one = arena_strndup(a, o, hl);
    size_t nh = any_host ? 2 : 1;
    const char **v = arena_alloc(a, (nh * nports + 1) * sizeof *v);
    size_t n = 0;
    for (size_t h = 0; h < nh; h++)
        for (size_t k = 0; k < nports; k++) v[n++] = arena_printf(a, "%s:%s", any_host ? every[h] : one, ports[k]);
    *out = v;
    return n;
}

static void explain(strbuf *msg, arena *a, const compilation *c, outcome *r, const char *at, const ast_expect *e,
                    const char *o, int ll_abi)
{
    const char *want = action_name(e->action);
    if (r->bug) {
        sb_printf(msg, "%s: error: compiler bug: for %s %s the profile says %s but the compiled SBPL says %s\n",
                  at, r->bad_op, o, action_name(r->bad.prof.action),
                  r->bad.sbpl.decision == 0 ? "allow" : r->bad.sbpl.decision == 1 ? "deny" : "undecidable");
        return;
    }
    const char *gw = r->got == 0 ? "allowed" : r->got == 1 ? "denied" : "undecidable";
    if (r->nops == 1)
        sb_printf(msg, "%s: FAIL: expected %s %s %s \"%s\", but it is %s\n", at, want, section_name(e->section), e->verb, o, gw);
    else
        sb_printf(msg, "%s: FAIL: expected %s %s %s \"%s\", but %d of the %d operations of %s %s not %s (%s%s)\n",
                  at, want, section_name(e->section), e->verb, o, r->nbad, r->nops, e->verb, r->nbad == 1 ? "is" : "are",
                  e->action == ACT_ALLOW ? "allowed" : "denied", sb_cstr(&r->names), r->nbad > 3 ? ", ..." : "");
    if (r->vb_rule) {
        sb_printf(msg, "  decided by %s\n", r->vb_rule);
        return;
    }
    const rule *dr = ll_abi ? r->prof.r : r->bad.raw ? NULL : r->bad.prof.r;
    if (ll_abi) sb_printf(msg, "  on Linux (landlock ABI %d), %s: %s\n", ll_abi, r->bad_op, r->why);
    const char *lead = ll_abi ? arena_printf(a, "  the profile says %s: ", action_name(r->prof.action)) : "  ";
    if (dr) {
        strbuf b;
        sb_init(&b);
        ir_rule_text(&b, dr);
        source_pos p = source_position(dr->origins->u->src, dr->origins->at.start);
        sb_printf(msg, "%sdecided by %s:%u:%u: %s\n", lead, dr->origins->u->display, p.line, p.col, sb_cstr(&b));
        sb_free(&b);
    } else if (ll_abi || !r->bad.raw) {
        sb_printf(msg, "%sdecided by the default (%s)\n", lead, action_name(c->pol.default_action));
    }
}

static int run_file(cli_env *env, eval_args *ea, const char *file, int n[3], report *rp)
{
    int rc;
    crosscheck *x = eval_open(env, ea, "test", file, &rc);
    if (!x) {
        n[1]++;
        if (rp->fmt != FMT_TEXT) {
            report_case(rp, file, "compiles", rc == 2 ? "cannot be read (see standard error)\n" : "does not compile (see standard error)\n", NULL);
            static const int one_failed[3] = { 0, 1, 0 };
            report_suite(rp, file, one_failed, "");
        }
        return rc;
    }
    compilation *c = x->c;
    const unit *u = c->units[c->nunits - 1];
    /* Linux: the plan `buckle run` would make here and now */
    int ll_abi = ea->platform == PLAT_LINUX ? ea->ll_abi : 0;
    ll_plan plan;
    int host_map = ll_abi ? eval_linux_plan(ea, x, ll_abi, &ea->a, &plan) : 0;
    platform_t here = ll_abi ? PLAT_LINUX : PLAT_MACOS;
    /* macOS: the sbpl verbatim blocks, evaluated when the values allow
     * (as buckle query does), or a note that the answers leave them out */
    vb_eval vb;
    memset(&vb, 0, sizeof vb);
    int vb_opened = 0;
    if (!ll_abi && u->ast->tests) {
        const char **dirs = arena_alloc(&ea->a, (ea->ninc + 2) * sizeof *dirs);
        size_t nd = 0;
        for (size_t i = 0; i < ea->ninc; i++) dirs[nd++] = ea->incs[i];
        const char *slash = strrchr(file, '/');
        dirs[nd++] = slash ? arena_strndup(&ea->a, file, (size_t)(slash - file)) : ".";
        vb_open(&vb, x, rp->unset, rp->nunset, dirs, nd);
        vb_opened = 1;
        if (vb.nblocks && vb.why_not) {
            source_pos p = vb.why_at.src ? source_position(vb.why_at.src, vb.why_at.start) : (source_pos){ 0, 0 };
            cli_note("test", "%s: the answers leave out the sbpl verbatim block%s (%s:%u:%u): %s", u->display,
                     vb.nblocks == 1 ? "" : "s", vb.why_at.src ? vb.why_at.src->name : file, p.line, p.col, vb.why_not);
        }
    }
    vb_eval *vbl = vb.nblocks && !vb.why_not ? &vb : NULL;
    for (const ast_test *t = u->ast->tests; t; t = t->next) {
        if (t->platform != PLAT_ANY && t->platform != here) continue;   /* the other platform's */
        int k[3] = { 0, 0, 0 };      /* passed, failed, skipped */
        const char *suite = t->name.s ? arena_printf(&ea->a, "%s: test \"%s\"", u->display, t->name.s)
                                      : arena_printf(&ea->a, "%s: test", u->display);
        strbuf msg;
        sb_init(&msg);
        for (const ast_expect *e = t->expects; e; e = e->next) {
            source_pos pos = source_position(u->src, e->at.start);
            const char *name = arena_printf(&ea->a, "%u:%u: expect %s %s %s \"%s\"", pos.line, pos.col,
                                            action_name(e->action), section_name(e->section), e->verb, e->object.s);
            const char *at = arena_printf(&ea->a, "%s:%u:%u", u->display, pos.line, pos.col);
            sb_reset(&msg);
            verb_info v;
            if (!verb_resolve(e->section, e->verb, &v)) {
                const char *s = verb_suggest(e->section, e->verb);
                strbuf verbs;
                sb_init(&verbs);
                if (!s) verb_names(e->section, &verbs);
                sb_printf(&msg, "%s: error: unknown verb \"%s\" in section %s (%s%s%s)\n", at,
                       e->verb, section_name(e->section), s ? "did you mean \"" : "the verbs are ", s ? s : sb_cstr(&verbs),
                       s ? "\"?" : "");
                sb_free(&verbs);
                k[1]++;
                report_case(rp, suite, name, sb_cstr(&msg), NULL);
                continue;
            }
            sb_request proto;
            memset(&proto, 0, sizeof proto);
            request_kind_for(e->section, e->verb, e->object.s, &proto);
            if (proto.kind == OBJ_PATH) proto.vnode = ea->vnode;
            const char *o = decider_expand_object(x->d, e->object.s, proto.kind == OBJ_PATH);
            int dots = proto.kind == OBJ_PATH && o[0] == '/' && path_dot_component(o);
            const char *ip_why = proto.kind == OBJ_IP ? ip_request_check(o, strlen(o)) : NULL;
            if (!o[0] || (proto.kind == OBJ_PATH && o[0] != '/') || dots || ip_why) {
                sb_printf(&msg, "%s: error: the object \"%s\" %s\n", at, e->object.s,
                          ip_why ? ip_why
                          : dots ? "has a \".\" or \"..\" component (the kernel resolves it: expect the resolved path)"
                                 : o[0] ? "is not an absolute path" : "is empty");
                k[1]++;
                report_case(rp, suite, name, sb_cstr(&msg), NULL);
                continue;
            }
            proto.obj = o;
            proto.len = strlen(o);
            if (proto.ns == SNS_LOCAL && !strncmp(o, "local:", 6)) { proto.obj += 6; proto.len -= 6; }   /* a local name */
            const opset *ops = &op_get(op_lookup(v.op, NULL))->covers;
            outcome r;
            memset(&r, 0, sizeof r);
            sb_init(&r.names);
            /* "*" as a host or a port: every one (ip_objects) */
            const char **objs = &o;
            size_t nobjs = 1;
            if (proto.kind == OBJ_IP && strchr(o, '*')) nobjs = ip_objects(&ea->a, c, x->d, x->pol, o, &objs);
            const char *bad_obj = o;
            for (size_t j = 0; j < nobjs && !r.bug; j++) {
                int before = r.nbad;
                if (nobjs > 1) { proto.obj = objs[j]; proto.len = strlen(objs[j]); }
                if (ll_abi)
                    expect_linux(x, &plan, ll_host_path(&ea->a, objs[j], host_map), &proto, ops, (int)e->action, &ea->a, &r);
                else
                    expect_macos(x, vbl, &ea->a, &proto, ops, (int)e->action, &r);
                if ((!before && r.nbad) || r.bug) bad_obj = objs[j];
            }
            if (nobjs > 1 && (r.nbad || r.bug)) {
                /* the answer explained is the first object's that failed, alone */
                sb_free(&r.names);
                memset(&r, 0, sizeof r);
                sb_init(&r.names);
                proto.obj = bad_obj;
                proto.len = strlen(bad_obj);
                if (ll_abi)
                    expect_linux(x, &plan, ll_host_path(&ea->a, bad_obj, host_map), &proto, ops, (int)e->action, &ea->a, &r);
                else
                    expect_macos(x, vbl, &ea->a, &proto, ops, (int)e->action, &r);
            }
            if (!r.nops && ll_abi) {
                k[2]++;
                sb_printf(&msg, "%s: skip: expect %s %s %s \"%s\" is not answered on Linux: %s\n", at,
                          action_name(e->action), section_name(e->section), e->verb, o, r.why);
                report_case(rp, suite, name, sb_cstr(&msg), r.why);
            } else if (!r.nbad && !r.bug) {
                k[0]++;
                report_case(rp, suite, name, NULL, NULL);
            } else {
                k[1]++;
                explain(&msg, &ea->a, c, &r, at, e, bad_obj, ll_abi);
                if (nobjs > 1)
                    sb_printf(&msg, "  (\"*\" in \"%s\" is every %s: %zu objects asked, %s the first that fails)\n", o,
                              o[0] == '*' && o[1] == ':' ? (strchr(o + 2, '*') ? "host and port" : "host") : "port", nobjs,
                              bad_obj);
                if (ll_abi) missing_test_value(&msg, x->d, o);
                report_case(rp, suite, name, sb_cstr(&msg), NULL);
            }
            sb_free(&r.names);
        }
        sb_reset(&msg);
        sb_printf(&msg, "%s: test%s%s%s: %d passed, %d failed", u->display, t->name.s ? " \"" : "",
                  t->name.s ? t->name.s : "", t->name.s ? "\"" : "", k[0], k[1]);
        if (k[2]) sb_printf(&msg, ", %d skipped", k[2]);
        sb_putc(&msg, '\n');
        report_suite(rp, suite, k, sb_cstr(&msg));
        sb_free(&msg);
        for (int i = 0; i < 3; i++) n[i] += k[i];
    }
    if (ll_abi) ll_plan_free(&plan);
    if (vb_opened) vb_close(&vb);
    eval_close(x);
    return 0;
}

/* --format: the choices are in the order of FMT_ */
static int format_option(void *ud, int key, const char *arg, int choice)
{
    report *rp = ud;
    if (key == 'U') {
        for (const char *c = arg; *c; c++)
            if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || strchr("_-", *c)) || c - arg > 200)
                return cli_usage_error("test", "-U %s: not a parameter name", arg);
        if (!*arg) return cli_usage_error("test", "-U needs a parameter name");
        if (rp->nunset == sizeof rp->unset / sizeof *rp->unset) return cli_usage_error("test", "too many -U options");
        rp->unset[rp->nunset++] = arg;
        return 0;
    }
    if (key != OPT_FORMAT) return -1;
    rp->fmt = choice;
    return 0;
}

int cmd_test(cli_env *env, int argc, char **argv)
{
    static const cli_opt own[] = { { "format", OPT_FORMAT, 1, "text|tap|junit" }, { NULL, 'U', 1, NULL }, { NULL, 0, 0, NULL } };
    report rp;
    memset(&rp, 0, sizeof rp);
    eval_args ea;
    int rc = eval_args_parse_with(&ea, "test", usage, CLI_PLATFORM, argc, argv, own, format_option, &rp);
    if (rc) { eval_args_free(&ea); return rc < 0 ? 0 : rc; }
    if (ea.npos == 0) { eval_args_free(&ea); return cli_usage_error("test", "no FILE"); }
    rp.ll_abi = ea.platform == PLAT_LINUX ? ea.ll_abi : 0;
    int n[3] = { 0, 0, 0 }, worst = 0;       /* passed, failed, skipped */
    for (size_t i = 0; i < ea.npos; i++) {
        if (rp.fmt == FMT_TAP && i == 0) {
            puts("TAP version 13");
            if (rp.ll_abi) printf("# platform: linux, landlock ABI %d\n", rp.ll_abi);
            else puts("# platform: macos");
        }
        int r = run_file(env, &ea, ea.pos[i], n, &rp);
        if (r > worst) worst = r;
    }
    strbuf counts;
    sb_init(&counts);
    sb_printf(&counts, "%d passed, %d failed", n[0], n[1]);
    if (n[2]) sb_printf(&counts, ", %d skipped", n[2]);
    if (rp.fmt == FMT_TEXT) {
        if (rp.ll_abi) sb_printf(&counts, " (linux, landlock ABI %d)", rp.ll_abi);
        puts(sb_cstr(&counts));
    } else if (rp.fmt == FMT_TAP) printf("1..%d\n# %s\n", rp.point, sb_cstr(&counts));
    else {
        printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"%d\" failures=\"%d\" errors=\"0\"",
               n[0] + n[1] + n[2], n[1]);
        if (n[2]) printf(" skipped=\"%d\"", n[2]);
        printf(">\n%s</testsuites>\n", rp.all.data ? rp.all.data : "");
    }
    sb_free(&counts);
    sb_free(&rp.suite);
    sb_free(&rp.all);
    eval_args_free(&ea);
    if (worst == 2) return 2;
    return n[1] ? 1 : 0;
}
