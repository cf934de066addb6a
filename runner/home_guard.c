/* home_guard.c - a profile that lets the command write its working directory
 * (std/agent: allow write "$WORKDIR") is meant for a project.  Run from the
 * home directory, or from a directory above it, the same rule hands the
 * command every file of the home that no deny names: shell and editor
 * start-up files, the programs of PATH directories (~/.cargo/bin, ~/go/bin),
 * tools' configurations that name programs.  No list of denies can name
 * them all, so such a run is refused (docs/linux.md, "The home directory as
 * WORKDIR").  A profile that means to write the home directory says so with
 * its own rule (allow write "~"), which this does not look at. */
#include "home_guard.h"
#include "../backend/emit.h"
#include "../backend/landlock.h"
#include "../support/param_marks.h"
#include <string.h>

/* 1 when dir is p or one of its ancestors */
static int at_or_above(const char *dir, const char *p)
{
    size_t n = strlen(dir);
    if (!strcmp(dir, "/")) return 1;
    return !strncmp(p, dir, n) && (p[n] == 0 || p[n] == '/');
}

/* 1 when the rule's path starts with the WORKDIR parameter */
static int names_workdir(const rule *r)
{
    static const char mark[] = { PARAM_OPEN, 'W', 'O', 'R', 'K', 'D', 'I', 'R', PARAM_CLOSE };
    return r->m.value && r->m.len >= sizeof mark && !memcmp(r->m.value, mark, sizeof mark);
}

const char *runner_workdir_home_problem(arena *a, compilation *c, decider *d, const char *workdir,
                                        const char *const *homes, size_t nhomes)
{
    const param_decl *p = hm_gets(&c->params, "WORKDIR");
    if (!p || !p->used || !workdir || workdir[0] != '/') return NULL;
    int wop = op_lookup("file-write-data", NULL);
    for (size_t h = 0; h < nhomes; h++) {
        const char *home = homes[h];
        if (!home || home[0] != '/' || !at_or_above(workdir, home)) continue;
        /* a file of the home that no rule names: granted by a rule that
         * names WORKDIR? */
        sb_request q;
        memset(&q, 0, sizeof q);
        q.op = wop;
        q.kind = OBJ_PATH;
        q.obj = arena_printf(a, "%s/buckle-home-check", strcmp(home, "/") ? home : "");
        q.len = strlen(q.obj);
        for (size_t k = 0; k < c->pol.rules.n; k++) {
            const rule *r = c->pol.rules.v[k];
            if (r->action != ACT_ALLOW || r->implied || !r->covers || !opset_has(r->covers, wop) || !names_workdir(r))
                continue;
            if (!decider_matches(d, r, &q)) continue;
            strbuf b;
            sb_init(&b);
            ir_rule_text(&b, r);
            const char *text = arena_strdup(a, sb_cstr(&b));
            sb_free(&b);
            return arena_printf(a, "the working directory %s is %s home directory %s, and %s (%s) would let the "
                                   "command write every file of the home that no deny names (shell and editor start-up "
                                   "files, the programs in PATH directories such as ~/.cargo/bin); run it from the "
                                   "project's directory (a profile meant to write the home directory names it: "
                                   "allow write \"~\")",
                                workdir, strcmp(workdir, home) ? "above the" : "the", home, ll_rule_where(a, c, r), text);
        }
    }
    return NULL;
}
