/* builtin_params.h - the parameters every profile has without declaring
 * them (docs/language.md): their names, whether the value is a path, and
 * the value lint, query and the other commands without an environment
 * assume for each.  The one list of them: the compiler declares them, the
 * runner reads them from the environment, the evaluator's test values come
 * from here. */
#ifndef BUCKLE_BUILTIN_PARAMS_H
#define BUCKLE_BUILTIN_PARAMS_H
#include <stddef.h>

/* The test values of the home and working directories, as literals that
 * probes can extend ("BUILTIN_TEST_HOME "/.zshrc""). */
#define BUILTIN_TEST_HOME "/Users/test"
#define BUILTIN_TEST_WORKDIR BUILTIN_TEST_HOME "/project"

/* X(NAME, IS_PATH, TEST_VALUE) for each, in the order they are declared */
#define BUILTIN_PARAMS(X)                                   \
    X("HOME", 1, BUILTIN_TEST_HOME)                         \
    X("TMPDIR", 1, "/private/var/folders/zz/test/T")        \
    X("WORKDIR", 1, BUILTIN_TEST_WORKDIR)                   \
    X("USER", 0, "test")

enum { NBUILTIN_PARAMS = 4 };

typedef struct builtin_param {
    const char *name;
    int is_path;                  /* an absolute path (USER is a plain word) */
    const char *test_value;
} builtin_param;

extern const builtin_param builtin_params[NBUILTIN_PARAMS];

/* The entry named by the len bytes at name, or NULL. */
const builtin_param *builtin_param_find(const char *name, size_t len);
#endif
