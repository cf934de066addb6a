/* verify.c - before anything runs, the evaluator reads the profile exactly as
 * sandbox-exec will and answers three questions (docs/runner.md):
 *   - does it define a name that changes what a rule means (deny, subpath,
 *     an operation name...)?  Then the protection rules could mean nothing;
 *   - is every write to every protected object denied, under Seatbelt's
 *     precedence model?
 *   - may the command be executed and read?  If not, say which rule decides,
 *     instead of letting sandbox-exec fail in a way nobody can read. */
#include "runner.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Forms that change what a name means in a way the evaluator does not
 * follow (assignment, evaluation of built data, macros, reading another
 * file): wherever they appear, the profile is not evaluated completely. */
static const char *const rebinding_forms[] = {
    "set!", "set-car!", "set-cdr!", "eval", "macro", "define-macro", "define-syntax", "let-syntax",
    "letrec-syntax", "syntax-rules", "load", "the-environment", "interaction-environment",
};

/* name folded to lower case (SBPL's Scheme may fold the case of symbols) */
static const char *folded(const char *name, char *buf, size_t n)
{
    size_t i = 0;
    for (; name[i] && i + 1 < n; i++) buf[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
    buf[i] = 0;
    return buf;
}

static int is_rebinding_form(const char *name)
{
    char buf[64];
    folded(name, buf, sizeof buf);
    for (size_t i = 0; i < sizeof rebinding_forms / sizeof rebinding_forms[0]; i++)
        if (!strcmp(buf, rebinding_forms[i])) return 1;
    return 0;
}

static int is_reserved_folded(const char *name)
{
    char buf[256];
    if (strlen(name) >= sizeof buf) return 0;
    return sbpl_reserved_name(folded(name, buf, sizeof buf));
}

/* (define NAME ...) and (define (NAME ...) ...) of a reserved name, in any
 * case, and every rebinding form, anywhere in the tree */
static void scan_defines(const sexp *x, diag_list *dl)
{
    for (; x; x = x->next) {
        if (x->kind == SX_SYMBOL && is_rebinding_form(x->text)) {
            diag *d = diag_add(dl, SEV_ERROR, NULL, x->at,
                               "\"%s\" can rebind the names the rules that protect the next run depend on", x->text);
            diag_help(dl, d, "buckle run refuses a profile that uses it, even with --force");
            continue;
        }
        if (x->kind != SX_LIST && x->kind != SX_QUOTE) continue;
        const sexp *h = x->child;
        if (x->kind == SX_LIST && h && h->kind == SX_SYMBOL && !strcasecmp(h->text, "define") && h->next) {
            const sexp *t = h->next;
            const sexp *name = t->kind == SX_SYMBOL ? t : t->kind == SX_LIST && t->child && t->child->kind == SX_SYMBOL ? t->child : NULL;
            if (name && is_reserved_folded(name->text)) {
                diag *d = diag_add(dl, SEV_ERROR, NULL, name->at,
                                   "this profile redefines \"%s\": the rules that protect the next run could be switched off",
                                   name->text);
                diag_help(dl, d, "use another name; buckle run refuses such a profile even with --force");
            }
        }
        scan_defines(x->child, dl);
    }
}

static void describe(strbuf *msg, const sb_answer *an)
{
    if (an->decision < 0) {
        sb_printf(msg, "cannot be decided (%s)", an->why ? an->why : "the profile cannot be evaluated");
        return;
    }
    if (!an->rule) { sb_puts(msg, "no rule decides it"); return; }
    const sb_rule *r = an->rule;
    source_pos p = source_position(r->at.src, r->at.start);
    size_t len;
    const char *line = source_line(r->at.src, r->at.start, &len);
    if (op_get(r->op)->name && !strcmp(op_get(r->op)->name, "default"))
        sb_printf(msg, "decided by the default (%s) at %s:%u:%u", action_name(r->action), r->at.src->name, p.line, p.col);
    else
        sb_printf(msg, "decided by %s:%u:%u: %.*s", r->at.src->name, p.line, p.col, (int)(len > 200 ? 200 : len), line);
}

/* every op that pick() accepts is denied on obj; 0, or -1 with msg */
static int denied(const sb_policy *p, const char *obj, int (*pick)(int), arena *a, strbuf *msg)
{
    for (int op = 0; op < ops_count(); op++) {
        const op_info *o = op_get(op);
        if (!o->concrete || !(o->mask & SNAP_14_4) || !pick(op)) continue;
        sb_request q = { op, obj, strlen(obj), OBJ_PATH, SNS_OTHER, NULL };
        sb_answer an = sbpl_decide(p, &q, a);
        if (an.decision == 1) continue;
        sb_printf(msg, "%s on %s is not denied: ", o->name, obj);
        describe(msg, &an);
        return -1;
    }
    return 0;
}

/* every file an import looks at must be among the protected paths (the
 * runner walked the imports it saw; one whose path depends on a value it
 * did not know then would not be) */
typedef struct import_check { const protect_list *pl; arena *a; const char *missing; } import_check;

static void check_import(void *ctx, const char *path, int found)
{
    (void)found;
    import_check *ic = ctx;
    if (ic->missing) return;
    const char *cwd = strcmp(ic->pl->cwd, "/") ? ic->pl->cwd : "";
    const char *lex = path[0] == '/' ? path : arena_printf(ic->a, "%s/%s", cwd, path);
    if (!hm_get(&ic->pl->seen_whole, lex, strlen(lex))) ic->missing = arena_strdup(ic->a, path);
}

int runner_verify(const verify_req *vr, diag_list *dl, strbuf *msg, source **keep)
{
    arena a;
    arena_init(&a);
    char *copy = xmalloc(vr->len + 1);
    memcpy(copy, vr->text, vr->len);
    copy[vr->len] = 0;
    source *src = source_new(vr->name, vr->name, copy, vr->len);
    *keep = src;
    int rc = VERIFY_OK;
    unsigned before = dl->errors;
    sbpl_read_opts ro = { .whole = 1 };
    sexp *top = sbpl_read(&a, dl, src, &ro);
    if (dl->errors > before) { rc = VERIFY_UNREADABLE; goto out; }
    scan_defines(top, dl);
    if (dl->errors > before) { rc = VERIFY_REDEFINES; goto out; }
    source *imported = NULL;
    diag_list quiet;                       /* the lint has reported these already */
    diag_list_init(&quiet, &a);
    sbpl_eval_opts eo = { .params = vr->params, .nparams = vr->nparams, .import_dirs = vr->import_dirs, .nimport = vr->nimport, .sources = &imported };
    import_check ic = { vr->pl, &a, NULL };
    sb_policy *p = sbpl_eval_probed(&a, &quiet, src, top, &eo, check_import, &ic);
    /* the imports, read the same way: kept (after src) for the diagnostics */
    src->next = imported;
    for (source *s = imported; s; s = s->next) {
        unsigned was = dl->errors;
        sexp *it = sbpl_read(&a, dl, s, &ro);
        if (dl->errors > was) { rc = VERIFY_UNREADABLE; goto out; }
        scan_defines(it, dl);
    }
    if (dl->errors > before) { rc = VERIFY_REDEFINES; goto out; }
    if (p->incomplete) {
        diag *d = diag_add(dl, SEV_ERROR, NULL, p->incomplete_at,
                           "buckle cannot evaluate this (%s): the protection of the next run cannot be checked", p->incomplete);
        diag_help(dl, d, "buckle run refuses a profile it cannot evaluate completely, even with --force");
        rc = VERIFY_INCOMPLETE;
        goto out;
    }
    if (ic.missing) {
        sb_printf(msg, "the import %s was not among the protected paths", ic.missing);
        rc = VERIFY_UNPROTECTED;
        goto out;
    }
    if (quiet.errors || p->undecidable) {
        sb_printf(msg, "the profile cannot be evaluated: %s", p->undecidable ? p->undecidable : quiet.head ? quiet.head->msg : "?");
        rc = VERIFY_UNPROTECTED;
        goto out;
    }
    for (size_t i = 0; i < vr->ndirs && rc == VERIFY_OK; i++) {
        const char *objs[] = { vr->dirs[i], arena_printf(&a, "%s/buckle-0-0-0.sb", vr->dirs[i]),
                               arena_printf(&a, "%s/x/y", vr->dirs[i]) };
        for (size_t k = 0; k < 3 && rc == VERIFY_OK; k++)
            if (denied(p, objs[k], runner_write_op, &a, msg)) rc = VERIFY_UNPROTECTED;
    }
    for (size_t i = 0; i < vr->pl->nwhole && rc == VERIFY_OK; i++)
        if (denied(p, vr->pl->whole_paths[i], runner_write_op, &a, msg)) rc = VERIFY_UNPROTECTED;
    for (size_t i = 0; i < vr->pl->nnolink && rc == VERIFY_OK; i++) {
        const char *obj = vr->pl->nolink_paths[i];
        for (size_t k = 0; k < 3 && rc == VERIFY_OK; k++) {
            sb_request q = { op_lookup(runner_nolink_ops[k], NULL), obj, strlen(obj), OBJ_PATH, SNS_OTHER, k ? NULL : "SYMLINK" };
            sb_answer an = sbpl_decide(p, &q, &a);
            if (an.decision == 1) continue;
            sb_printf(msg, "%s%s on %s is not denied: ", runner_nolink_ops[k], k ? "" : " of a symbolic link", obj);
            describe(msg, &an);
            rc = VERIFY_UNPROTECTED;
        }
    }
    for (size_t i = 0; i < vr->pl->nframe && rc == VERIFY_OK; i++)
        if (denied(p, vr->pl->frame_paths[i], runner_frame_op, &a, msg)) rc = VERIFY_UNPROTECTED;
    if (rc == VERIFY_OK && vr->command) {
        static const char *const need[] = { "process-exec*", "file-read-data" };
        for (size_t k = 0; k < 2 && rc == VERIFY_OK; k++) {
            sb_request q = { op_lookup(need[k], NULL), vr->command, strlen(vr->command), OBJ_PATH, SNS_OTHER, NULL };
            sb_answer an = sbpl_decide(p, &q, &a);
            if (an.decision == 0) continue;
            sb_printf(msg, "the profile denies %s of %s: ", k ? "reading" : "exec", vr->command);
            describe(msg, &an);
            rc = VERIFY_EXEC_DENIED;
        }
    }
out:
    arena_free(&a);
    return rc;
}
