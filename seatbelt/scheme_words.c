/* scheme_words.c - SBPL's Scheme vocabulary (the TinyScheme interpreter
 * libsandbox runs, its init file, and the R7RS words other readers add),
 * each with whether a copied block may use it.  The words a block may use
 * are the forms real profiles are written with: definitions of new names,
 * conditionals, let, lambda, list and string functions.  Every other word
 * of the language is refused: it can rebind a name (set!, macros), evaluate
 * data built at run time (eval, the environment, symbols made from
 * strings), jump (continuations), mutate shared data or read and write
 * files.  None of these words may be defined or bound by a block, whether
 * it may call them or not: the rules after the block rely on them. */
#include "scheme_words.h"
#include <string.h>

#define OK NULL
#define REBIND "it rebinds a name, so the rules after the block could mean something else"
#define MACRO "a macro rewrites the forms after it, buckle's rules included"
#define EVAL "it evaluates data built while the profile runs, which buckle cannot check"
#define ENV "it reaches the interpreter's environment, where every name can be rebound"
#define MUTATE "it changes data in place, data the rules after the block may share"
#define JUMP "a continuation can re-enter the block after buckle's rules have run"
#define IO "it reads or writes files or ports while the profile is compiled"
#define SYM "it makes names from strings, for eval"
#define LAZY "a promise runs its code later, outside the block"
#define OTHER "it is not among the forms a copied block may use"
#define QQ "quasiquote evaluates the parts under unquote, which hides code in data"

static const scheme_word words[] = {
    /* syntax a block may use */
    { "define", OK }, { "lambda", OK }, { "let", OK }, { "let*", OK }, { "letrec", OK }, { "letrec*", OK },
    { "if", OK }, { "when", OK }, { "unless", OK }, { "cond", OK }, { "case", OK }, { "else", OK }, { "=>", OK },
    { "and", OK }, { "or", OK }, { "begin", OK }, { "quote", OK }, { "with-modifier", OK },
    /* procedures a block may call */
    { "not", OK }, { "list", OK }, { "cons", OK }, { "car", OK }, { "cdr", OK }, { "cadr", OK }, { "cddr", OK },
    { "caar", OK }, { "cdar", OK }, { "append", OK }, { "length", OK }, { "reverse", OK }, { "list-ref", OK },
    { "list-tail", OK }, { "member", OK }, { "memq", OK }, { "memv", OK }, { "assoc", OK }, { "assq", OK },
    { "assv", OK }, { "null?", OK }, { "pair?", OK }, { "list?", OK }, { "string?", OK }, { "symbol?", OK },
    { "number?", OK }, { "boolean?", OK }, { "procedure?", OK }, { "eq?", OK }, { "eqv?", OK }, { "equal?", OK },
    { "string=?", OK }, { "string<?", OK }, { "string>?", OK }, { "string-append", OK }, { "string-length", OK },
    { "substring", OK }, { "string->number", OK }, { "number->string", OK }, { "symbol->string", OK },
    { "string->list", OK }, { "list->string", OK }, { "string", OK }, { "string-ref", OK },
    { "=", OK }, { "<", OK }, { ">", OK }, { "<=", OK }, { ">=", OK }, { "+", OK }, { "-", OK }, { "*", OK },
    { "zero?", OK }, { "map", OK }, { "for-each", OK }, { "apply", OK }, { "error", OK }, { "defined?", OK },
    { "getenv", OK }, { "import", OK }, { "regex-quote", OK }, { "debug", OK }, { "trace", OK }, { "call", OK },
    /* rebinding and macros */
    { "set!", REBIND }, { "fluid-let", REBIND }, { "define-values", REBIND }, { "set-symbol-value!", REBIND },
    { "define-record-type", REBIND }, { "parameterize", REBIND }, { "make-parameter", REBIND },
    { "define-syntax", MACRO }, { "let-syntax", MACRO }, { "letrec-syntax", MACRO }, { "syntax-rules", MACRO },
    { "er-macro-transformer", MACRO }, { "ir-macro-transformer", MACRO }, { "sc-macro-transformer", MACRO },
    { "define-macro", MACRO }, { "defmacro", MACRO }, { "macro", MACRO }, { "macro-expand", MACRO },
    { "macro?", MACRO }, { "do", MACRO }, { "named-lambda", MACRO }, { "case-lambda", MACRO },
    { "let-values", MACRO }, { "let*-values", MACRO }, { "receive", MACRO }, { "guard", MACRO },
    { "cons-stream", LAZY }, { "delay", LAZY }, { "delay-force", LAZY }, { "make-promise", LAZY }, { "force", LAZY },
    { "quasiquote", QQ }, { "unquote", QQ }, { "unquote-splicing", QQ },
    /* evaluation and the environment */
    { "eval", EVAL }, { "load", EVAL }, { "make-closure", EVAL }, { "get-closure-code", EVAL },
    { "closure?", EVAL }, { "call-with-values", OTHER }, { "values", OTHER },
    { "the-environment", ENV }, { "current-environment", ENV }, { "interaction-environment", ENV },
    { "scheme-report-environment", ENV }, { "null-environment", ENV }, { "environment", ENV },
    { "environment?", ENV }, { "make-environment", ENV }, { "access", ENV }, { "oblist", ENV },
    { "global-environment", ENV }, { "system-global-environment", ENV }, { "new-segment", ENV }, { "gc", ENV },
    { "gc-verbose", ENV }, { "exit", ENV }, { "quit", ENV }, { "emergency-exit", ENV }, { "put", ENV },
    { "get", ENV }, { "catch", JUMP }, { "throw", JUMP },
    { "string->symbol", SYM }, { "intern", SYM }, { "gensym", SYM }, { "string->uninterned-symbol", SYM },
    { "call/cc", JUMP }, { "call-with-current-continuation", JUMP }, { "call-with-escape-continuation", JUMP },
    { "dynamic-wind", JUMP },
    /* mutation */
    { "set-car!", MUTATE }, { "set-cdr!", MUTATE }, { "string-set!", MUTATE }, { "string-fill!", MUTATE },
    { "vector-set!", MUTATE }, { "vector-fill!", MUTATE }, { "list-set!", MUTATE }, { "append!", MUTATE },
    { "reverse!", MUTATE }, { "hash-table-set!", MUTATE },
    /* ports and files */
    { "read", IO }, { "read-char", IO }, { "peek-char", IO }, { "char-ready?", IO }, { "read-line", IO },
    { "read-string", IO }, { "write", IO }, { "write-char", IO }, { "write-string", IO }, { "display", IO },
    { "newline", IO }, { "open-input-file", IO }, { "open-output-file", IO }, { "open-input-string", IO },
    { "open-output-string", IO }, { "open-input-output-file", IO }, { "call-with-input-file", IO },
    { "call-with-output-file", IO }, { "with-input-from-file", IO }, { "with-output-to-file", IO },
    { "current-input-port", IO }, { "current-output-port", IO }, { "close-input-port", IO },
    { "close-output-port", IO }, { "close-port", IO }, { "system", IO },
};

const scheme_word *scheme_word_find(const char *folded)
{
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!strcmp(words[i].name, folded)) return &words[i];
    return NULL;
}

const scheme_word *scheme_word_at(size_t i)
{
    return i < sizeof words / sizeof words[0] ? &words[i] : NULL;
}
