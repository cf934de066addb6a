/* sbpl.y - pure parser for SBPL data: lists, atoms and quote forms. */
%require "3.2"
%define api.pure full
%define api.prefix {sx}
%define parse.error verbose
%locations
%expect 0
%define api.location.type {buckle_loc}
%param {void *scanner}
%parse-param {sbpl_ctx *sc}

%code requires {
#include "sbpl_ctx.h"
}

%code {
#include <string.h>
int sxlex(SXSTYPE *lval, buckle_loc *lloc, void *scanner);
#define YYLLOC_DEFAULT(Cur, Rhs, N) do {                   \
    if (N) { (Cur).first = YYRHSLOC(Rhs, 1).first;          \
             (Cur).last = YYRHSLOC(Rhs, N).last; }          \
    else   { (Cur).first = (Cur).last = YYRHSLOC(Rhs, 0).last; } \
} while (0)
static void sxerror(buckle_loc *loc, void *scanner, sbpl_ctx *sc, const char *msg)
{
    (void)scanner;
    if (sc->stop) return;       /* the reader stopped (nesting limit, error count): said already */
    if (strstr(msg, "unexpected end of file") && sc->depth > 0) {
        uint32_t at = sc->open_at[0];
        sbpl_error(sc, at, at + 1, "unbalanced parentheses: this '(' is never closed");
        return;
    }
    if (strstr(msg, "unexpected ')'") && sc->depth == 0) {
        sbpl_error(sc, loc->first, loc->last, "unbalanced parentheses: ')' without a matching '('");
        return;
    }
    sbpl_error(sc, loc->first, loc->last > loc->first ? loc->last : loc->first + 1, "%s", msg);
}
}

%union {
    sexp *x;
    struct { sexp *head, *tail; } seq;
}

/* Semantic values live in the reader's arena; nothing to free on recovery. */
%destructor { (void)$$; } <*>

%token <x> ATOM "atom" QUOTE "quote"
%type <x> datum list_open
%type <seq> data

%%

top
    : data            { sc->result = $1.head; }
    ;

data
    : %empty          { $$.head = $$.tail = NULL; }
    | data datum      { $$ = $1; if ($2) { if ($$.tail) $$.tail->next = $2; else $$.head = $2; $$.tail = $2; } }
    ;

datum
    : ATOM            { $$ = $1; }
    | list_open data ')'
        { $$ = $1; $$->child = $2.head; $$->at.end = @3.last; sc->depth--; }
    | list_open error ')'
        { $$ = $1; $$->at.end = @3.last; sc->depth--; yyerrok; }
    | QUOTE datum     { $$ = $1; $$->child = $2; if ($2) $$->at.end = $2->at.end; }
    ;

list_open
    : '('
        { $$ = sx_new(sc, SX_LIST, @1.first, @1.last);
          if (sc->depth <= SBPL_MAX_DEPTH) sc->open_at[sc->depth] = @1.first;
          if (++sc->depth > SBPL_MAX_DEPTH) {
              sbpl_error(sc, @1.first, @1.last, "parentheses nested deeper than %d", SBPL_MAX_DEPTH);
              sc->stop = 1;
          } }
    ;
