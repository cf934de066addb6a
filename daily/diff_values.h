/* diff_values.h - the values of the parameters two profiles are compared
 * under besides the test values (buckle diff without -D, buckle import's
 * check).  A profile that mixes hard-coded paths with paths built on a
 * parameter can decide differently only where the parameter's value lines
 * up with a hard-coded path: (allow file-read* (literal "/Users/me/.ssh/pub"))
 * before (deny file-read* (subpath (string-append (param "HOME") "/.ssh")))
 * is decided by the order in SBPL and by specificity in buckle, and the two
 * meet only when HOME is /Users/me, which no test value is.  Each set gives
 * one parameter (or two) such a value: a path the rules hard-code or one of
 * its ancestors, chosen so that the paths built on the parameter land on,
 * above or below a hard-coded one; another parameter's value (the two
 * equal, or one inside the other); a directory away from every path (what
 * one side hard-codes at the base value shows); for a parameter spliced into a regex,
 * values with regex metacharacters (Seatbelt reads them as regex syntax).
 * A relative parameter after another ("~/$X") is lined up with the paths
 * built on the other too; text glued after a value, a wildcard after it
 * in its component, and a first component that a value completes to a
 * link into /private ("/t$X" on /private/tmp: X=mp) are lined up as well.
 * A parameter in a name or a "host:port" is lined up the same way with the
 * names, hosts and ports the rules hard-code (a name, a longer one, one cut
 * after a '.'), and given a name or port away from every other; such a set
 * has no near paths (every request is compared).
 * aliases: a bit for each of pols that reads values as passed (an .sb beside
 * a .buckle); one more set, last, gives every parameter that starts a path
 * of such a profile a value spelled other than canonically
 * (under /tmp, /var or /etc): an .sb compares a value as the program passes
 * it, a .buckle the canonical path (/tmp is /private/tmp). */
#ifndef BUCKLE_DIFF_VALUES_H
#define BUCKLE_DIFF_VALUES_H
#include "../sbpl/sbpl_eval.h"
#include "../compiler/decide.h"

/* at most this many sets (a comparison each); fewer, in proportion, when
 * the profiles have more than DIFF_VALUE_SETS_RULES rules, but at least
 * DIFF_MIN_VALUE_SETS (the most telling ones first) */
#define DIFF_MAX_VALUE_SETS 12
#define DIFF_MIN_VALUE_SETS 4
/* changed_only: at most this many (the room out must have) */
#define DIFF_MAX_CHANGED_SETS 32
#define DIFF_VALUE_SETS_RULES 300

typedef struct diff_value_set {
    sb_param *p;              /* the base values with one or two changed */
    size_t n;
    const char **near;        /* the paths whose requests can change: where the
                                 changed parameters' paths are, before and now */
    size_t nnear;
    const char *label;        /* "HOME=/Users/me" */
    int alias;                /* the values are spelled other than canonically */
} diff_value_set;

/* pols: the profiles evaluated with the base values (base[0..nbase), plain
 * names, no NAME.dir).  vary: the names of the parameters that may change (a
 * value starting with '/' is a path, any other a word of a path).  Fills
 * out[0..max) and returns how many sets, the most telling first; none when
 * no rule's path is built on a parameter of vary.  changed_only (two pols,
 * read the same way): the values come from the rules one side has and the
 * other has not, each lined up with every path (and every other rule's
 * path with theirs), also "/" and a sibling sharing a path's text as a
 * prefix; up to DIFF_MAX_CHANGED_SETS, each value on its own, then pairs
 * of two parameters' values that each put a path exactly on another (with
 * more values than sets: those values, then their pairs, then the rest).
 * *left_out (when not NULL): how
 * many values were found and are in no set. */
size_t diff_value_sets(arena *a, const sb_policy *const *pols, size_t npols, const sb_param *base, size_t nbase,
                       const char *const *vary, size_t nvary, unsigned aliases, int changed_only, size_t *left_out,
                       diff_value_set *out, size_t max);

/* 1 when path (n bytes) is at, above or below one of near[0..nnear) (by
 * whole components) */
int diff_value_near(const char *path, size_t n, const char *const *near, size_t nnear);

/* the literal start of a pattern ("^/Users/x/.*\\.env" -> "/Users/x/"),
 * written to out (f->len + 1 bytes); its length */
size_t diff_literal_start(const char *p, size_t n, char *out);
#endif
