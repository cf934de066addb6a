/* cmd_query.c - `buckle query FILE SECTION VERB OBJECT` (or FILE OPERATION
 * OBJECT): the decision and the rule that made it. */
#include "eval_common.h"
#include <limits.h>
#include "../support/suggest.h"
#include "../backend/emit.h"
#include "../compiler/verbs.h"
#include "../backend/landlock.h"
#include "../backend/sbpl_file.h"
#include "../daily/diff_verbatim.h"
#include "../runner/landlock_cache.h"
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: buckle query [-I DIR]... [-D NAME=VALUE]... [-U NAME]... [--vnode-type T] FILE SECTION VERB OBJECT\n"
    "       buckle query [...] FILE OPERATION OBJECT        (a concrete SBPL operation)\n"
    "       buckle query --platform linux [--landlock-abi N] [--linux-accept CLASS,...]\n"
    "                    FILE SECTION VERB OBJECT\n"
    "\n"
    "Prints allow or deny for OBJECT and the rule that decided it.  For a .buckle\n"
    "profile it evaluates the profile's own semantics and the compiled SBPL, and\n"
    "reports a disagreement between the two as a compiler bug.  For an .sb file it\n"
    "evaluates the SBPL under Seatbelt's precedence model.\n"
    "\n"
    "Parameter values: HOME=/Users/test, TMPDIR=/private/var/folders/zz/test/T,\n"
    "WORKDIR=/Users/test/project, USER=test, declared defaults, then -D.\n"
    "A verb covering several operations (files write) prints one answer when all\n"
    "agree, one line per group otherwise.  --vnode-type T asks about a file of\n"
    "type T (DIRECTORY, SYMLINK, ...); without it the answer is a regular file's\n"
    "where a rule takes only directories and symbolic links, and a line says\n"
    "what a directory's would be.\n"
    "\n"
    "sbpl verbatim blocks are part of the answer when every parameter they read\n"
    "has a value (-D, a declared default) or is not passed (-U NAME) and the SBPL\n"
    "evaluator decides them; otherwise the answer says that it leaves them out\n"
    "and why.\n"
    "\n"
    "--platform linux answers as Landlock enforces the profile on Linux (buckle run):\n"
    "the grant that allows it, or that none does (docs/linux.md), with the values\n"
    "buckle run takes here (HOME, USER, TMPDIR, WORKDIR: the current directory)\n"
    "unless -D gives them, named on the last line; the ABI is the\n"
    "kernel's, or 7 where there is no Landlock; --linux-accept plans as buckle run\n"
    "does with those classes accepted (new-paths changes the plan).\n"
    "\n"
    "Exit status: 0 answered, 1 undecidable, errors or a disagreement, 2 usage error.\n";

typedef struct group { int action; const void *rule; int sbpl; int raw; int vb; int ops[OPS_MAX]; int nops; span sbpl_at; } group;

enum { QUERY_MAX_UNSET = 64 };
typedef struct query_flags { const char *unset[QUERY_MAX_UNSET]; size_t nunset; } query_flags;

/* -U NAME: a parameter the program does not pass (for sbpl verbatim blocks) */
static int query_option(void *ud, int key, const char *arg, int choice)
{
    (void)choice;
    query_flags *f = ud;
    if (key != 'U') return -1;
    for (const char *c = arg; *c; c++)
        if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || strchr("_-", *c)) || c - arg > 200)
            return cli_usage_error("query", "-U %s: not a parameter name", arg);
    if (!*arg) return cli_usage_error("query", "-U needs a parameter name");
    if (f->nunset == QUERY_MAX_UNSET) return cli_usage_error("query", "more than %d -U options", QUERY_MAX_UNSET);
    f->unset[f->nunset++] = arg;
    return 0;
}

/* the object as Linux names it, when that differs from the profile's spelling */
static const char *q_host(const char *host, const char *o) { return host ? host : o; }

static const char *act(int a) { return a == 0 ? "allow" : a == 1 ? "deny" : "undecidable"; }

static void put_ops(const group *g)
{
    for (int i = 0; i < g->nops; i++) printf("%s%s", i ? " " : "", op_get(g->ops[i])->name);
}

static int resolve_ops(eval_args *ea, int sb, opset *ops, const char **obj, section_t *sec, const char **verb)
{
    memset(ops, 0, sizeof *ops);
    *sec = SEC_NONE;
    *verb = NULL;
    if (ea->npos == 4) {
        *sec = section_from_name(ea->pos[1]);
        if (*sec == SEC_NONE) {
            const char *names[SEC_COUNT];
            size_t nn = 0;
            for (int k = 0; k < SEC_COUNT; k++)
                if (k != SEC_NONE && section_name((section_t)k)) names[nn++] = section_name((section_t)k);
            const char *s = suggest_closest(ea->pos[1], names, nn, 0);
            return cli_usage_error("query", "unknown section %s%s%s%s", ea->pos[1], s ? " (did you mean " : "", s ? s : "",
                                   s ? "?)" : "");
        }
        verb_info v;
        if (!verb_resolve(*sec, ea->pos[2], &v)) {
            const char *s = verb_suggest(*sec, ea->pos[2]);
            return cli_usage_error("query", "unknown verb %s %s%s%s%s", ea->pos[1], ea->pos[2],
                                   s ? " (did you mean " : "", s ? s : "", s ? "?)" : "");
        }
        *verb = ea->pos[2];
        *ops = op_get(op_lookup(v.op, NULL))->covers;
        *obj = ea->pos[3];
        return 0;
    }
    if (ea->npos == 3) {
        int noop;
        int op = op_lookup(ea->pos[1], &noop);
        if (op < 0) return cli_usage_error("query", "unknown operation %s", ea->pos[1]);
        *ops = op_get(op)->covers;
        *obj = ea->pos[2];
        (void)sb;
        return 0;
    }
    return cli_usage_error("query", "expected FILE SECTION VERB OBJECT or FILE OPERATION OBJECT");
}

static int query_sb(eval_args *ea, const char *file)
{
    opset ops;
    const char *obj, *verb;
    section_t sec;
    int rc = resolve_ops(ea, 1, &ops, &obj, &sec, &verb);
    if (rc) return rc;
    const char *err;
    sbpl_file f;
    if (sbpl_file_open(&f, file, ea->params, ea->ndef, ea->incs, ea->ninc, NULL, NULL, &err) != 0) {
        cli_error("query", "cannot read %s: %s", file, err);
        sbpl_file_close(&f);
        return 2;
    }
    /* a parameter read in a filter with no value is said as a .buckle's
     * is, in place of the evaluator's errors on the value it lacks (#f) */
    diag *end = f.dl.tail;
    sb_policy *pol = f.pol;
    if (f.src && sbpl_file_unvalued(&f.a, &f.dl, f.src, f.imported, ea->params, ea->ndef)) {
        for (diag *d = f.dl.head; d && end && d != end->next; d = d->next) d->suppressed |= d->sev == SEV_ERROR && strstr(d->msg, "#f");
        pol = NULL;
    }
    cli_print_diags_as(&f.dl, stderr, "buckle query");
    arena *a = &f.a;
    size_t ntest;
    const sb_param *defaults = test_param_values(&ntest);
    rc = 1;
    if (pol) {
        const char *o2 = obj;
        if (obj[0] == '~' && (obj[1] == 0 || obj[1] == '/')) o2 = arena_printf(a, "%s%s", defaults[0].value, obj + 1);
        /* a path object is canonical as for a .buckle profile ("//", a
         * trailing "/", /tmp under /private), and absolute without . or .. */
        int is_path = 0;
        for (int op = 0; op < ops_count() && !is_path; op++) {
            if (!opset_has(&ops, op)) continue;
            sb_request k;
            memset(&k, 0, sizeof k);
            request_kind_for_op(op, o2, &k);
            is_path = k.kind == OBJ_PATH;
        }
        if (is_path) {
            const char *why = !o2[0] ? "is empty" : o2[0] != '/' ? "is not an absolute path" : NULL;
            strbuf cb;
            sb_init(&cb);
            sb_puts(&cb, o2);
            path_object_canonical(&cb, 1);
            o2 = arena_strdup(a, sb_cstr(&cb));
            sb_free(&cb);
            if (!why && path_dot_component(o2))
                why = "has a \".\" or \"..\" component (the kernel resolves it: ask about the resolved path)";
            if (why) {
                rc = cli_usage_error("query", "object \"%s\" %s", obj, why);
                sbpl_file_close(&f);
                return rc;
            }
        }
        group g[OPS_MAX];
        int ng = 0;
        for (int op = 0; op < ops_count(); op++) {
            if (!opset_has(&ops, op)) continue;
            sb_request q = { op, o2, strlen(o2), OBJ_PATH, SNS_OTHER, ea->vnode };
            request_kind_for_op(op, o2, &q);
            if (q.kind == OBJ_NAME && !strncmp(o2, "local:", 6)) { q.obj += 6; q.len -= 6; }
            sb_answer an = sbpl_decide(pol, &q, a);
            int k;
            for (k = 0; k < ng; k++) if (g[k].sbpl == an.decision && g[k].rule == an.rule) break;
            if (k == ng) { memset(&g[ng], 0, sizeof g[ng]); g[ng].sbpl = an.decision; g[ng].rule = an.rule; g[ng].sbpl_at = an.rule ? an.rule->at : an.why_at; ng++; }
            g[k].ops[g[k].nops++] = op;
            if (an.decision < 0 && an.why) cli_note("query", "%s", an.why);
        }
        int undecided = 0;
        for (int k = 0; k < ng; k++) {
            if (ng == 1) printf("%s %s\n", act(g[k].sbpl), o2);
            else { printf("%s ", act(g[k].sbpl)); put_ops(&g[k]); printf(" %s\n", o2); }
            if (g[k].rule) {
                const sb_rule *r = g[k].rule;
                source_pos p = source_position(r->at.src, r->at.start);
                size_t len;
                const char *line = source_line(r->at.src, r->at.start, &len);
                printf("  decided by %s:%u:%u: %.*s\n", r->at.src->name, p.line, p.col, (int)(len > 200 ? 200 : len), line);
            }
            if (g[k].sbpl < 0) undecided = 1;
        }
        rc = undecided ? 1 : 0;
    }
    sbpl_file_close(&f);
    return rc;
}

/* --platform linux: the Landlock plan's answer for each operation, with
 * the paths a run protects. */
static int query_linux(cli_env *env, const eval_args *ea, const char *file, crosscheck *x, const sb_request *proto,
                       const opset *ops, const char *o, int verb, int abi)
{
    arena a;
    arena_init(&a);
    ll_plan p;
    size_t nprot, nhide;
    const char *const *hide;
    const char **prot = eval_run_protected(env, &a, ea, x->c, file, &nprot, &hide, &nhide);
    char ld[PATH_MAX];
    backend_in in = { .c = x->c, .d = x->d, .abi = abi, .accept = ea->co.linux_accept, .protect = prot, .nprotect = nprot,
                      .host_map = compile_platform(x->c) == PLAT_MACOS, .interp = eval_system_loader(ld, sizeof ld),
                      .run_pid = (long)getpid(), .hide = hide, .nhide = nhide,
                      .mounts = ll_userns_usable() };
    ll_plan_build(&a, &in, &p);
    int host_map = in.host_map;
    const char *host = ll_host_path(&a, o, host_map);
    struct { int ans; const char *why; int ops[OPS_MAX]; int nops; } g[OPS_MAX];
    int ng = 0;
    for (int op = 0; op < ops_count(); op++) {
        if (!opset_has(ops, op) || !op_get(op)->concrete) continue;
        sb_request q = *proto;
        q.op = op;
        q.obj = o;
        q.len = strlen(o);
        if (!verb) request_kind_for_op(op, o, &q);
        const char *why;
        int ans = ll_plan_decide(&p, &q, q.kind == OBJ_PATH ? host : o, &a, &why);
        int k;
        for (k = 0; k < ng; k++) if (g[k].ans == ans && !strcmp(g[k].why, why)) break;
        if (k == ng) { g[ng].ans = ans; g[ng].why = why; g[ng].nops = 0; ng++; }
        g[k].ops[g[k].nops++] = op;
    }
    static const char *const word[] = { "allow", "deny", "n/a" };
    for (int k = 0; k < ng; k++) {
        printf("%s ", word[g[k].ans]);
        if (ng > 1) for (int i = 0; i < g[k].nops; i++) printf("%s ", op_get(g[k].ops[i])->name);
        printf("%s\n  landlock ABI %d: %s\n", q_host(host, o), abi, g[k].why);
    }
    /* a run keeps buckle's own files unwritable: say so where they may
     * decide (a write denied at or beside one) */
    int wdeny = 0;
    for (int k = 0; k < ng; k++)
        for (int i = 0; i < g[k].nops && g[k].ans == 1; i++) wdeny |= !strncmp(op_get(g[k].ops[i])->name, "file-write", 10);
    const char *near = wdeny ? eval_protected_near(prot, nprot, host) : NULL;
    if (near)
        printf("  buckle run keeps its own files unwritable: %s (%s)\n", near, EVAL_PROTECT_HOW);
    /* raw SBPL denies hold on macOS only: the answer above is the kernel's */
    for (size_t i = 0; i < p.rep.n; i++)
        if (p.rep.v[i].where && p.rep.v[i].v == BV_WEAKER)
            printf("  not enforced on Linux: %s: %s\n", p.rep.v[i].where, p.rep.v[i].text);
    ll_plan_free(&p);
    arena_free(&a);
    return 0;
}

/* Without --vnode-type the answer is a regular file's: where a rule that
 * takes directories and symbolic links only decides otherwise, say so. */
static void put_holder_note(crosscheck *x, const sb_request *proto, const opset *ops, const char *o, int verb)
{
    struct { const rule *r; action_t action; int ops[OPS_MAX]; int nops; } g[OPS_MAX];
    int ng = 0;
    for (int op = 0; op < ops_count(); op++) {
        if (!opset_has(ops, op)) continue;
        sb_request q = *proto;
        q.op = op;
        q.obj = o;
        q.len = strlen(o);
        if (!verb) request_kind_for_op(op, o, &q);
        if (q.kind != OBJ_PATH) continue;
        decision file = decider_decide(x->d, &q);
        q.vnode = "DIRECTORY";
        decision dir = decider_decide(x->d, &q);
        if (dir.action == file.action || !dir.r) continue;
        int k;
        for (k = 0; k < ng && !(g[k].r->origins->u == dir.r->origins->u && g[k].r->origins->at.start == dir.r->origins->at.start &&
                               g[k].action == dir.action); k++) {}
        if (k == ng) { g[ng].r = dir.r; g[ng].action = dir.action; g[ng].nops = 0; ng++; }
        g[k].ops[g[k].nops++] = op;
    }
    for (int k = 0; k < ng; k++) {
        printf("  a directory or symbolic link (--vnode-type DIRECTORY): %s", act(g[k].action));
        for (int i = 0; i < g[k].nops; i++) printf(" %s", op_get(g[k].ops[i])->name);
        source_pos p = source_position(g[k].r->origins->u->src, g[k].r->origins->at.start);
        printf(", decided by %s:%u:%u\n", g[k].r->origins->u->display, p.line, p.col);
    }
}

static int query_buckle(cli_env *env, eval_args *ea, const char *file, int linux_abi)
{
    opset ops;
    const char *obj, *verb;
    section_t sec;
    int rc = resolve_ops(ea, 0, &ops, &obj, &sec, &verb);
    if (rc) return rc;
    /* --platform linux answers for a run started here: its values */
    const char *said = "";
    if (linux_abi) eval_run_values(ea, &said);
    crosscheck *x = eval_open(env, ea, "query", file, &rc);
    if (!x) return rc;
    compilation *c = x->c;
    sb_request proto;
    memset(&proto, 0, sizeof proto);
    if (verb) request_kind_for(sec, verb, obj, &proto);
    /* a concrete operation names the kind of its object: a path only where
     * one of the operations asked about takes a path */
    int is_path = verb ? proto.kind == OBJ_PATH : 0;
    for (int op = 0; !verb && op < ops_count() && !is_path; op++) {
        if (!opset_has(&ops, op)) continue;
        sb_request k;
        memset(&k, 0, sizeof k);
        request_kind_for_op(op, obj, &k);
        is_path = k.kind == OBJ_PATH;
    }
    const char *o = decider_expand_object(x->d, obj, is_path || obj[0] == '~' || obj[0] == '/');
    if (!o[0] || (is_path && o[0] != '/')) {
        rc = cli_usage_error("query", "object \"%s\" %s", obj, o[0] ? "is not an absolute path" : "is empty");
        eval_close(x);            /* o lives in the decider */
        return rc;
    }
    if (is_path && path_dot_component(o)) {
        rc = cli_usage_error("query", "object \"%s\" has a \".\" or \"..\" component (the kernel resolves it: "
                             "ask about the resolved path)", obj);
        eval_close(x);
        return rc;
    }
    int is_ip = verb ? proto.kind == OBJ_IP : 0;
    for (int op = 0; !verb && op < ops_count() && !is_ip; op++) {
        if (!opset_has(&ops, op)) continue;
        sb_request k;
        memset(&k, 0, sizeof k);
        request_kind_for_op(op, o, &k);
        is_ip = k.kind == OBJ_IP;
    }
    const char *ip_why = is_ip ? ip_request_check(o, strlen(o)) : NULL;
    if (ip_why) {
        rc = cli_usage_error("query", "object \"%s\" %s", obj, ip_why);
        eval_close(x);
        return rc;
    }
    if (linux_abi) {
        rc = query_linux(env, ea, file, x, &proto, &ops, o, verb != NULL, linux_abi);
        if (said[0]) printf("  with %s (as buckle run takes them here; -D NAME=VALUE to change)\n", said);
        eval_close(x);
        return rc;
    }
    /* the sbpl verbatim blocks, with the values given, or why not */
    const char **dirs = arena_alloc(&ea->a, (ea->ninc + 2) * sizeof *dirs);
    size_t nd = 0;
    for (size_t i = 0; i < ea->ninc; i++) dirs[nd++] = ea->incs[i];
    const char *slash = strrchr(file, '/');
    dirs[nd++] = slash ? arena_strndup(&ea->a, file, (size_t)(slash - file)) : ".";
    const query_flags *qf = ea->ud;
    vb_eval vb;
    vb_open(&vb, x, qf->unset, qf->nunset, dirs, nd);
    int vb_live = vb.nblocks && !vb.why_not;
    group g[OPS_MAX];
    int ng = 0, bug = 0;
    for (int op = 0; op < ops_count(); op++) {
        if (!opset_has(&ops, op)) continue;
        sb_request q = proto;
        q.op = op;
        q.obj = o;
        q.len = strlen(o);
        q.vnode = ea->vnode;
        if (!verb) request_kind_for_op(op, o, &q);
        if (q.kind == OBJ_NAME && q.ns == SNS_LOCAL && !strncmp(o, "local:", 6)) { q.obj += 6; q.len -= 6; }
        cc_answer an = crosscheck_ask(x, &q);
        int action = an.raw ? an.sbpl.decision : an.prof.action;
        int k;
        sb_answer va;
        if (vb_live && (va = vb_ask(&vb, &q), vb_from_block(&vb, va.rule))) {
            /* a rule of a verbatim block decides: Seatbelt's answer, with these values */
            for (k = 0; k < ng && !(g[k].vb && g[k].rule == (const void *)va.rule && g[k].action == (int)va.decision); k++) {}
            if (k == ng) {
                memset(&g[ng], 0, sizeof g[ng]);
                g[ng].action = g[ng].sbpl = va.decision;
                g[ng].rule = va.rule;
                g[ng].vb = 1;
                ng++;
            }
            g[k].ops[g[k].nops++] = op;
            continue;
        }
        for (k = 0; k < ng; k++)
            if (g[k].action == action && g[k].rule == (an.raw ? (const void *)an.sbpl.rule : (const void *)an.prof.r) &&
                g[k].sbpl == an.sbpl.decision) break;
        if (k == ng) {
            memset(&g[ng], 0, sizeof g[ng]);
            g[ng].action = action;
            g[ng].rule = an.raw ? (const void *)an.sbpl.rule : (const void *)an.prof.r;
            g[ng].sbpl = an.sbpl.decision;
            g[ng].raw = an.raw;
            g[ng].sbpl_at = an.sbpl.rule ? an.sbpl.rule->at : an.sbpl.why_at;
            ng++;
        }
        g[k].ops[g[k].nops++] = op;
        if (!an.agree) bug = 1;
    }
    for (int k = 0; k < ng; k++) {
        if (ng == 1) printf("%s %s\n", act(g[k].action), o);
        else { printf("%s ", act(g[k].action)); put_ops(&g[k]); printf(" %s\n", o); }
        if (g[k].vb) {
            printf("  decided by %s\n", vb_describe(&ea->a, &vb, g[k].rule));
            continue;
        }
        if (g[k].raw) {
            const sb_rule *r = g[k].rule;
            printf("  decided by a raw sbpl rule (compiled output %s)\n", crosscheck_where(x, r->at));
        } else if (g[k].rule) {
            const rule *r = g[k].rule;
            strbuf b;
            sb_init(&b);
            ir_rule_text(&b, r);
            source_pos p = source_position(r->origins->u->src, r->origins->at.start);
            printf("  decided by %s:%u:%u: %s%s\n", r->origins->u->display, p.line, p.col, sb_cstr(&b),
                   unit_provenance(c, r->origins->u));
            sb_free(&b);
        } else {
            printf("  decided by the default (%s)%s\n", action_name(c->pol.default_action),
                   c->pol.default_unit ? "" : ": no file in the chain sets one");
        }
        if (g[k].sbpl == g[k].action)
            printf("  compiled SBPL agrees (%s)\n", g[k].sbpl_at.src ? crosscheck_where(x, g[k].sbpl_at) : "default");
        else
            printf("  compiled SBPL says %s (%s): this is a compiler bug, please report it\n",
                   act(g[k].sbpl), g[k].sbpl_at.src ? crosscheck_where(x, g[k].sbpl_at) : "no rule");
    }
    if (vb.nblocks && vb.why_not) {
        source_pos p = vb.why_at.src ? source_position(vb.why_at.src, vb.why_at.start) : (source_pos){ 0, 0 };
        printf("  not part of this answer: the sbpl verbatim block%s (%s:%u:%u): %s\n", vb.nblocks == 1 ? "" : "s",
               vb.why_at.src ? vb.why_at.src->name : file, p.line, p.col, vb.why_not);
    } else if (vb_live) {
        printf("  the sbpl verbatim block%s evaluated with these parameter values (the compiled SBPL)\n", vb.nblocks == 1 ? " is" : "s are");
    }
    if (x->holders && is_path && !ea->vnode) put_holder_note(x, &proto, &ops, o, verb != NULL);
    if (is_ip && strchr(o, '*'))
        printf("  \"*\" is read as one %s no rule names; `buckle test` reads it as every one (the loopback too)\n",
               o[0] == '*' && o[1] == ':' ? "host" : "port");
    vb_close(&vb);
    eval_close(x);
    return bug ? 1 : 0;
}

int cmd_query(cli_env *env, int argc, char **argv)
{
    eval_args ea;
    static const cli_opt own[] = { { NULL, 'U', 1, NULL }, { NULL, 0, 0, NULL } };
    query_flags qf;
    memset(&qf, 0, sizeof qf);
    int rc = eval_args_parse_with(&ea, "query", usage, CLI_PLATFORM, argc, argv, own, query_option, &qf);
    if (rc) { eval_args_free(&ea); return rc < 0 ? 0 : rc; }
    int linux_abi = ea.platform == PLAT_LINUX ? ea.ll_abi : 0;
    if (ea.npos < 3) { eval_args_free(&ea); return cli_usage_error("query", "expected FILE SECTION VERB OBJECT"); }
    const char *file = ea.pos[0];
    if (linux_abi && is_sb_path(file)) {
        eval_args_free(&ea);
        return cli_usage_error("query", "--platform linux needs a .buckle profile (SBPL runs only on macOS)");
    }
    rc = is_sb_path(file) ? query_sb(&ea, file) : query_buckle(env, &ea, file, linux_abi);
    eval_args_free(&ea);
    return rc;
}
