/* buckle.y - pure parser for the buckle profile language (docs/reference.md). */
%require "3.2"
%define api.pure full
%define api.prefix {bk}
%define parse.error custom
%locations
%expect 0
%define api.location.type {buckle_loc}
%param {void *scanner}
%parse-param {parse_ctx *pc}

%code requires {
#include "parse_ctx.h"
}

%code {
#include "../support/suggest.h"
#include <string.h>
int bklex(BKSTYPE *lval, buckle_loc *lloc, void *scanner);
#define YYLLOC_DEFAULT(Cur, Rhs, N) do {                   \
    if (N) { (Cur).first = YYRHSLOC(Rhs, 1).first;          \
             (Cur).last = YYRHSLOC(Rhs, N).last; }          \
    else   { (Cur).first = (Cur).last = YYRHSLOC(Rhs, 0).last; } \
} while (0)
static ast_matcher *reverse_matchers(ast_matcher *m)
{
    ast_matcher *r = NULL;
    while (m) {
        ast_matcher *n = m->next;
        m->next = r;
        r = m;
        m = n;
    }
    return r;
}

static void bkerror(buckle_loc *loc, void *scanner, parse_ctx *pc, const char *msg);
static void outside_section(parse_ctx *pc, int remove, buckle_loc at);
static span S(parse_ctx *pc, buckle_loc l) { return pc_span(pc, l.first, l.last); }
static void add_stmt(parse_ctx *pc, buckle_loc l);
static ast_rule *mk_rule(parse_ctx *pc, action_t act, int final, const char *verb,
                         buckle_loc act_at, buckle_loc verb_at, ast_matcher *m, ast_modifier *mods);
static void add_rule(parse_ctx *pc, ast_rule *r, int remove, buckle_loc at);
static ast_matcher *reverse_matchers(ast_matcher *m);
static void unknown_section(parse_ctx *pc, const char *name, buckle_loc at);
static void platform_open(parse_ctx *pc, const char *name, buckle_loc at);
}

/* Every member is one machine word (act and sec too), written whole. */
%union {
    long num;
    const char *id;
    ast_str *str;       /* in the arena */
    long act;           /* action_t */
    long sec;           /* section_t */
    const char *kw;
    ast_matcher *m;
    ast_modifier *mod;
    ast_rule *rule;
    ast_extends *ext;
}

/* Semantic values live in the compilation's arena, so error recovery
 * cannot leak them; the destructor only documents that. */
%destructor { (void)$$; } <*>

%token EXTENDS "extends" PARAM "param" DEFAULT "default" ALLOW "allow" DENY "deny"
%token FINAL "final" REMOVE "remove" PLATFORM "platform"
%token FILES "files" MACH "mach" SYSCTL "sysctl" NETWORK "network" PROCESS "process"
%token IPC "ipc" IOKIT "iokit" MISC "misc" SBPL "sbpl" TEST "test" EXPECT "expect"
%token SUBPATH "subpath" LITERAL "literal" PREFIX "prefix" GLOB "glob" REGEX "regex"
%token NAME "name" LOCAL "local" TARGET "target" CLASS "class" REGISTRY_CLASS "registry-class"
%token REPORT "report" NO_REPORT "no-report" MESSAGE "message"
%token <id> IDENT "identifier"
%token <str> STRING "string" TSTRING "\"\"\" string"
%token <num> INT "number"

%type <act> action
%type <sec> section_kw
%type <kw> kind
%type <m> matchers matcher
%type <m> matcher_list
%type <mod> modifiers modifier
%type <rule> rule
%type <ext> strlist
%type <num> opt_final

%%

file
    : opt_extends stmts
    ;

opt_extends
    : %empty
    | EXTENDS strlist ';'
        { pc->file->extends = $2; pc->file->extends_at = S(pc, @$); add_stmt(pc, @$); }
    ;

strlist
    : STRING              { $$ = arena_alloc(pc->a, sizeof *$$); $$->name = *$1; }
    | STRING ',' strlist  { $$ = arena_alloc(pc->a, sizeof *$$); $$->name = *$1; $$->next = $3; }
    ;

stmts
    : %empty
    | stmts stmt
    ;

stmt
    : PARAM IDENT ';'
        { ast_param *p = arena_alloc(pc->a, sizeof *p); p->name = $2; p->at = S(pc, @2);
          p->next = pc->file->params; pc->file->params = p; add_stmt(pc, @$); }
    | PARAM IDENT '=' STRING ';'
        { ast_param *p = arena_alloc(pc->a, sizeof *p); p->name = $2; p->at = S(pc, @2);
          p->has_default = 1; p->def = *$4;
          p->next = pc->file->params; pc->file->params = p; add_stmt(pc, @$); }
    | PARAM IDENT '=' STRING error
        /* the ';' missing (reported): declared all the same, so that its
         * uses are not reported as unknown too */
        { ast_param *p = arena_alloc(pc->a, sizeof *p); p->name = $2; p->at = S(pc, @2);
          p->has_default = 1; p->def = *$4;
          p->next = pc->file->params; pc->file->params = p; }
    | DEFAULT action ';'
        { pc->file->has_default = 1; pc->file->default_action = $2;
          pc->file->default_at = S(pc, @$); add_stmt(pc, @$); }
    | section_kw '{' rules '}'
        { (void)$1; }
    | IDENT
        { unknown_section(pc, $1, @1); }
      '{' rules '}'
    | PLATFORM IDENT
        { platform_open(pc, $2, @2); }
      '{' platform_stmts '}'
        { pc->platform = PLAT_ANY; pc->section = SEC_NONE; }
    | SBPL TSTRING ';'
        { ast_sbpl *b = arena_alloc(pc->a, sizeof *b); b->text = *$2; b->at = S(pc, @$);
          b->text.at.start += 3;
          if (pc->file->sbpl_tail) pc->file->sbpl_tail->next = b; else pc->file->sbpl = b;
          pc->file->sbpl_tail = b; add_stmt(pc, @$); }
    | SBPL IDENT TSTRING ';'
        /* sbpl verbatim """...""": SBPL copied unchecked (docs/reference.md);
         * "verbatim" is a word here only, not a keyword */
        { if (strcmp($2, "verbatim") != 0) {
              pc_syntax_error(pc, @2.first, @2.last, "expected \"\"\" or verbatim after sbpl");
          } else {
              ast_sbpl *b = arena_alloc(pc->a, sizeof *b); b->text = *$3; b->at = S(pc, @$);
              b->text.at.start += 3;
              b->verbatim = 1;
              if (pc->file->sbpl_tail) pc->file->sbpl_tail->next = b; else pc->file->sbpl = b;
              pc->file->sbpl_tail = b;
          }
          add_stmt(pc, @$); }
    | TEST test_name '{' expects '}'
        { pc->file->tests_tail->at = S(pc, @$); }
    | TEST test_name '{' expects error '}'
        { pc->file->tests_tail->at = S(pc, @$); yyerrok; }
    | REMOVE rule ';'
        { (void)$2; outside_section(pc, 1, @$); }
    | rule ';'
        { (void)$1; outside_section(pc, 0, @$); }
    | error ';'
        { yyerrok; }
    | error '}'
        { yyerrok; }
    | error
        /* resume at the next token that can start a statement: a missing ';'
         * loses nothing after it (no yyerrok: a token that fits nowhere is
         * dropped by the recovery, never read twice) */
    ;

/* inside `platform NAME { ... }`: sections and tests */
platform_stmts
    : %empty
    | platform_stmts platform_stmt
    ;

platform_stmt
    : section_kw '{' rules '}'
        { (void)$1; }
    | TEST test_name '{' expects '}'
        { pc->file->tests_tail->at = S(pc, @$); }
    | TEST test_name '{' expects error '}'
        { pc->file->tests_tail->at = S(pc, @$); yyerrok; }
    | IDENT
        { unknown_section(pc, $1, @1); }
      '{' rules '}'
    | REMOVE rule ';'
        { (void)$2; outside_section(pc, 1, @$); }
    | rule ';'
        { (void)$1; outside_section(pc, 0, @$); }
    | error ';'
        { yyerrok; }
    | error '}'
        { yyerrok; }
    ;

test_name
    : %empty
        { ast_test *t = arena_alloc(pc->a, sizeof *t); t->platform = pc->in_platform ? pc->platform : PLAT_ANY;
          if (pc->file->tests_tail) pc->file->tests_tail->next = t; else pc->file->tests = t;
          pc->file->tests_tail = t; }
    | STRING
        { ast_test *t = arena_alloc(pc->a, sizeof *t); t->name = *$1; t->platform = pc->in_platform ? pc->platform : PLAT_ANY;
          if (pc->file->tests_tail) pc->file->tests_tail->next = t; else pc->file->tests = t;
          pc->file->tests_tail = t; }
    ;

section_kw
    : FILES { $$ = SEC_FILES; pc->section = $$; } | MACH { $$ = SEC_MACH; pc->section = $$; }
    | SYSCTL { $$ = SEC_SYSCTL; pc->section = $$; } | NETWORK { $$ = SEC_NETWORK; pc->section = $$; }
    | PROCESS { $$ = SEC_PROCESS; pc->section = $$; } | IPC { $$ = SEC_IPC; pc->section = $$; }
    | IOKIT { $$ = SEC_IOKIT; pc->section = $$; } | MISC { $$ = SEC_MISC; pc->section = $$; }
    ;

rules
    : %empty
    | rules rule_stmt
    ;

rule_stmt
    : rule ';'
        { add_rule(pc, $1, 0, @$); }
    | REMOVE rule ';'
        { add_rule(pc, $2, 1, @$); }
    | error ';'
        { yyerrok; }
    | error
        /* as for stmt: resume at the next rule or at the '}' */
    ;

rule
    : action opt_final IDENT matchers modifiers
        { $$ = mk_rule(pc, $1, $2, $3, @1, @3, $4, $5); }
    ;

action
    : ALLOW { $$ = ACT_ALLOW; }
    | DENY  { $$ = ACT_DENY; }
    ;

opt_final
    : %empty { $$ = 0; }
    | FINAL  { $$ = 1; }
    ;

matchers
    : %empty        { $$ = NULL; }
    | matcher_list  { $$ = reverse_matchers($1); }
    ;

/* left-recursive: a rule with thousands of matchers keeps the stack flat;
 * the list is built newest first and turned around once */
matcher_list
    : matcher                   { $$ = $1; }
    | matcher_list ',' matcher  { $3->next = $1; $$ = $3; }
    ;

matcher
    : STRING
        { $$ = arena_alloc(pc->nodes, sizeof *$$); $$->value = *$1; }
    | kind STRING
        { $$ = arena_alloc(pc->nodes, sizeof *$$); $$->kind = $1; $$->kind_at = S(pc, @1); $$->value = *$2; }
    | SBPL STRING
        { $$ = arena_alloc(pc->nodes, sizeof *$$); $$->kind = "sbpl"; $$->kind_at = S(pc, @1); $$->value = *$2; }
    ;

kind
    : SUBPATH { $$ = "subpath"; } | LITERAL { $$ = "literal"; } | PREFIX { $$ = "prefix"; }
    | GLOB { $$ = "glob"; } | REGEX { $$ = "regex"; } | NAME { $$ = "name"; }
    | LOCAL { $$ = "local"; } | TARGET { $$ = "target"; } | CLASS { $$ = "class"; }
    | REGISTRY_CLASS { $$ = "registry-class"; }
    ;

modifiers
    : %empty              { $$ = NULL; }
    | modifier modifiers  { $1->next = $2; $$ = $1; }
    ;

modifier
    : REPORT      { $$ = arena_alloc(pc->nodes, sizeof *$$); $$->kind = MOD_REPORT; $$->at = S(pc, @$); }
    | NO_REPORT   { $$ = arena_alloc(pc->nodes, sizeof *$$); $$->kind = MOD_NO_REPORT; $$->at = S(pc, @$); }
    | MESSAGE STRING
        { $$ = arena_alloc(pc->nodes, sizeof *$$); $$->kind = MOD_MESSAGE; $$->text = *$2; $$->at = S(pc, @$); }
    ;

expects
    : %empty
    | expects expect
    ;

expect
    : EXPECT action section_kw IDENT STRING ';'
        { ast_expect *e = arena_alloc(pc->a, sizeof *e); e->action = $2; e->section = $3;
          e->verb = $4; e->verb_at = S(pc, @4); e->object = *$5; e->at = S(pc, @$);
          ast_expect **p = &pc->file->tests_tail->expects;
          while (*p) p = &(*p)->next;
          *p = e; }
    | error ';'
        { yyerrok; }
    ;

%%

static void bkerror(buckle_loc *loc, void *scanner, parse_ctx *pc, const char *msg)
{
    (void)scanner;
    pc_syntax_error(pc, loc->first, loc->last, "%s", msg);
}

static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner, parse_ctx *pc)
{
    (void)scanner;
    enum { MAXEXP = 64, LISTED = 12 };
    yysymbol_kind_t exp[MAXEXP];
    int n = yypcontext_expected_tokens(ctx, exp, MAXEXP);
    yysymbol_kind_t la = yypcontext_token(ctx);
    const buckle_loc *loc = yypcontext_location(ctx);
    int want_semi = 0;
    for (int i = 0; i < n; i++) {
        const char *nm = yysymbol_name(exp[i]);
        if (strcmp(nm, "';'") == 0) want_semi = 1;
    }
    /* a missing ';' when the next token is on a later line or starts a
     * statement; otherwise the token itself is what is wrong */
    int starts = la == YYSYMBOL_ALLOW || la == YYSYMBOL_DENY || la == YYSYMBOL_REMOVE ||
                 la == YYSYMBOL_PARAM || la == YYSYMBOL_DEFAULT || la == YYSYMBOL_EXTENDS ||
                 la == YYSYMBOL_TEST || la == YYSYMBOL_EXPECT || la == YYSYMBOL_SBPL ||
                 la == YYSYMBOL_FILES || la == YYSYMBOL_MACH || la == YYSYMBOL_SYSCTL ||
                 la == YYSYMBOL_NETWORK || la == YYSYMBOL_PROCESS || la == YYSYMBOL_IPC ||
                 la == YYSYMBOL_IOKIT || la == YYSYMBOL_MISC || la == YYSYMBOL_PLATFORM || la == YYSYMBOL_YYerror ||
                 (yysymbol_name(la)[0] == '\'' && yysymbol_name(la)[1] == '}');
    int later_line = memchr(pc->src->text + pc->prev_end, '\n', loc->first - pc->prev_end) != NULL;
    if (want_semi && la != YYSYMBOL_YYEOF && pc->prev_end < loc->first && (starts || later_line) &&
        pc->diags->syntax_errors < BUCKLE_MAX_SYNTAX_ERRORS) {
        /* Report a missing ';' at the end of the previous token. */
        uint32_t at = pc->prev_end;
        pc_syntax_error(pc, at, at + 1, "expected ';' after this statement");
        diag *d = pc->diags->tail;
        if (d && d->code && strcmp(d->code, BK1001) == 0)
            diag_help(pc->diags, d, "statements end with ';': add one here (found %s next)",
                      la == YYSYMBOL_YYEMPTY ? "nothing" : yysymbol_name(la));
        return 0;
    }
    strbuf b;
    sb_init(&b);
    if (la == YYSYMBOL_YYEMPTY || la == YYSYMBOL_YYEOF) sb_puts(&b, "unexpected end of input");
    else if (la == YYSYMBOL_IDENT && pc->last_ident) sb_printf(&b, "unexpected identifier \"%s\"", pc->last_ident);
    else sb_printf(&b, "unexpected %s", yysymbol_name(la));
    if (n > 0 && n <= LISTED) {
        sb_puts(&b, ", expected ");
        for (int i = 0; i < n; i++) {
            if (i) sb_puts(&b, i + 1 == n ? " or " : ", ");
            sb_puts(&b, yysymbol_name(exp[i]));
        }
    }
    pc_syntax_error(pc, loc->first, loc->last > loc->first ? loc->last : loc->first + 1, "%s", sb_cstr(&b));
    sb_free(&b);
    /* an identifier where a keyword belongs: the closest expected keyword
     * (`netwrk` for network, `alow` for allow) */
    diag *d = pc->diags->tail;
    /* a string right after a string on the same line: the ',' between two
     * objects of a rule left out */
    if (la == YYSYMBOL_STRING && want_semi && d && d->code && strcmp(d->code, BK1001) == 0 && !d->help &&
        pc->prev_end > 0 && pc->prev_end < loc->first && pc->src->text[pc->prev_end - 1] == '"' &&
        !memchr(pc->src->text + pc->prev_end, '\n', loc->first - pc->prev_end))
        diag_help(pc->diags, d, "add ',' before this string: the objects of a rule are separated by ',' (\"/a\", \"/b\")");
    if (la == YYSYMBOL_IDENT && pc->last_ident && d && d->code && strcmp(d->code, BK1001) == 0 && !d->help) {
        const char *cands[MAXEXP];
        size_t nc = 0;
        for (int i = 0; i < n; i++)
            if (exp[i] >= YYSYMBOL_EXTENDS && exp[i] <= YYSYMBOL_MESSAGE) cands[nc++] = yysymbol_name(exp[i]);
        const char *sug = suggest_closest(pc->last_ident, cands, nc, 0);
        if (sug) diag_help(pc->diags, d, "did you mean \"%s\"?", sug);
    }
    return 0;
}

/* a rule, or `remove RULE;`, outside any section: one error saying where
 * it goes, with the statement as written inside a section */
static void outside_section(parse_ctx *pc, int remove, buckle_loc at)
{
    if (remove) pc_syntax_error(pc, at.first, at.last, "remove goes inside the rule's section: `files { remove allow read ...; }`");
    else pc_syntax_error(pc, at.first, at.last, "a rule goes inside a section: `files { allow read ...; }`");
    diag *d = pc->diags->tail;
    if (!d || !d->code || strcmp(d->code, BK1001) != 0 || pc->stop) return;
    size_t len = at.last > at.first ? at.last - at.first : 0;
    if (len > 160) len = 160;
    diag_help(pc->diags, d, "write it in the section of its verb (files, mach, sysctl, network, process, ipc, iokit, misc)%s, "
                            "e.g. `files { %.*s }`",
              remove ? " where the base wrote the rule" : "", (int)len, pc->src->text + at.first);
}

/* NAME { ... } where NAME is no section: one error, and the block is read
 * (its rules dropped) so that its '}' is not reported again */
static void unknown_section(parse_ctx *pc, const char *name, buckle_loc at)
{
    static const char *const sections[] = { "files", "mach", "sysctl", "network", "process", "ipc", "iokit", "misc" };
    pc->section = SEC_NONE;
    diag *d = pc->diags->tail;
    if (d && d->at.src == pc->src && d->at.start == at.first) return;   /* the error being recovered from */
    pc_syntax_error(pc, at.first, at.last, "unknown section \"%s\"", name);
    d = pc->diags->tail;
    if (!d || !d->code || strcmp(d->code, BK1001) != 0 || pc->stop) return;
    const char *sug = suggest_closest(name, sections, sizeof sections / sizeof sections[0], 0);
    if (sug) diag_help(pc->diags, d, "did you mean \"%s\"?", sug);
    else diag_help(pc->diags, d, "the sections are files, mach, sysctl, network, process, ipc, iokit and misc");
}

/* platform NAME: the rules of the block are for that platform only; an
 * unknown name is one error, and the block is read (its rules dropped) */
static void platform_open(parse_ctx *pc, const char *name, buckle_loc at)
{
    platform_t p = platform_from_name(name);
    pc->platform = p;
    if (p != PLAT_ANY) return;
    pc->platform = PLAT_UNKNOWN;
    pc_syntax_error(pc, at.first, at.last, "unknown platform \"%s\"", name);
    diag *d = pc->diags->tail;
    if (!d || !d->code || strcmp(d->code, BK1001) != 0 || pc->stop) return;
    const char *names[PLAT_COUNT];
    size_t n = 0;
    for (int k = PLAT_ANY + 1; k < PLAT_COUNT; k++) names[n++] = platform_name((platform_t)k);
    const char *sug = suggest_closest(name, names, n, 0);
    if (sug) diag_help(pc->diags, d, "did you mean \"%s\"?", sug);
    else diag_help(pc->diags, d, "the platforms are linux and macos");
}

static void add_stmt(parse_ctx *pc, buckle_loc l)
{
    ast_file *f = pc->file;
    if (f->nstmts == f->stmts_cap) {
        size_t cap = f->stmts_cap ? f->stmts_cap * 2 : 64;
        ast_stmt_pos *n = arena_alloc(pc->a, cap * sizeof *n);
        if (f->nstmts) memcpy(n, f->stmts, f->nstmts * sizeof *n);
        f->stmts = n;
        f->stmts_cap = cap;
    }
    f->stmts[f->nstmts].start = l.first;
    f->stmts[f->nstmts].end = l.last;
    f->nstmts++;
}

/* The actions and sections travel as long, like every member of the %union:
 * a reduction copies the value whole, and a copy that reads more than the
 * last store wrote would stall (store forwarding) on every rule. */
static ast_rule *mk_rule(parse_ctx *pc, action_t act, int final, const char *verb,
                         buckle_loc act_at, buckle_loc verb_at, ast_matcher *m, ast_modifier *mods)
{
    ast_rule *r = arena_alloc(pc->nodes, sizeof *r);
    r->action = act;
    r->final = final;
    r->verb = verb;
    r->action_at = S(pc, act_at);
    r->verb_at = S(pc, verb_at);
    r->matchers = m;
    r->mods = mods;
    return r;
}

static void add_rule(parse_ctx *pc, ast_rule *r, int remove, buckle_loc at)
{
    if (pc->section == SEC_NONE) return;   /* in an unknown section: reported */
    /* the scanner knows whether a platform block is open, also after an
     * error recovery that never reduced its closing '}' */
    platform_t plat = pc->in_platform ? pc->platform : PLAT_ANY;
    if (plat == PLAT_UNKNOWN) return;   /* in an unknown platform: reported */
    r->section = pc->section;
    r->platform = plat;
    r->remove = remove;
    r->at = S(pc, at);
    r->at.end = r->at.end > 0 ? r->at.end - 1 : 0; /* without the ';' */
    if (pc->file->rules_tail) pc->file->rules_tail->next = r; else pc->file->rules = r;
    pc->file->rules_tail = r;
    add_stmt(pc, at);
}
