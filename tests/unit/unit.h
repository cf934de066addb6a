/* unit.h - a very small test harness: each case prints "ok NAME" or
 * "FAIL NAME: why" (read by tests/run.sh).  A case is reported "ok" only when
 * at least one CHECK ran in it; a case that ran none is a FAIL. */
#ifndef BUCKLE_UNIT_H
#define BUCKLE_UNIT_H
#include "../../compiler/compile.h"
#include "../../grammar/sexp.h"
#include <stdio.h>
#include <string.h>

extern int unit_failed;     /* set by CHECK in the running test */
extern long unit_checks;    /* CHECKs evaluated in the running case */
#define CHECK(cond, ...) do { unit_checks++; if (!(cond)) { \
    printf("  %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); putchar('\n'); unit_failed = 1; } } while (0)

/* Starts a named case; the previous one is reported. */
void unit_case(const char *name);

typedef struct unit_test { const char *name; void (*fn)(void); } unit_test;

/* helpers in unit_main.c */
/* Compiles profile text (written to a temp file); returns the SBPL (caller
 * frees) or NULL, with the number of errors in *errors. */
char *unit_compile(const char *text, const char *const *defines, size_t ndefines, int *errors);

/* One rule read back from SBPL: action, operations, filters flattened to
 * "kind=value" strings with (param "X") as ${X}. */
typedef struct rb_rule { char action[8]; char ops[512]; char filters[8][8192]; int nfilters; char message[2048]; } rb_rule;
/* Reads SBPL back; returns the number of rules (after version/default), or
 * -1 when the reader reports an error.  *max_literal = longest string token. */
int unit_readback(const char *sbpl, rb_rule *out, int max, size_t *max_literal);

/* the test functions: every "void test_NAME(void)" of tests/unit (the
 * Makefile lists them in build/gen/unit_list.h) */
#define UNIT(name) void test_##name(void);
#include "unit_list.h"
#undef UNIT

#endif
