# layers.sh - the include structure: no lower layer includes a higher one,
# no circle of includes (tools/check-layers.sh), on the tree itself and on
# a small made-up tree that breaks each rule once.
. tests/lib.sh
run "layers: the tree" sh tools/check-layers.sh .
if [ "$RC" -eq 0 ] && [ -z "$OUT" ]; then pass "layers: the tree"; else fail "layers: the tree" "$OUT"; fi

t="$TMP/layers"
rm -rf "$t" && mkdir -p "$t/support" "$t/grammar" "$t/compiler" "$t/lint" "$t/runner" "$t/cli" "$t/tests"
printf '#include "../compiler/x.h"\n' >"$t/support/a.h"
printf '#include "y.h"\n' >"$t/compiler/x.h"
printf '#include "x.h"\n' >"$t/compiler/y.h"
printf '#include "../runner/r.h"\n#include "nope.h"\n#include "g.tab.h"\n' >"$t/lint/l.c"
printf '#include "../cli/c.h"\n' >"$t/tests/t.c"
printf '#include "../tests/t.c"\n' >"$t/cli/d.c"
mkdir -p "$t/newdir" && : >"$t/newdir/n.h"
: >"$t/runner/r.h"; : >"$t/cli/c.h"; : >"$t/grammar/g.y"
run "layers: a broken tree" sh tools/check-layers.sh "$t"
expect_rc "layers: a broken tree fails" 1
expect_out_has "layers: support including compiler" "support/a.h:1: support/ must not include compiler/x.h"
expect_out_has "layers: lint including runner" "lint/l.c:1: lint/ must not include runner/r.h"
expect_out_has "layers: an include of no file" 'lint/l.c:2: #include "nope.h" names no file of the tree'
expect_out_has "layers: a circle" "include circle: compiler/x.h -> compiler/y.h -> compiler/x.h"
expect_out_has "layers: nothing includes tests/" "cli/d.c:1: cli/ must not include tests/t.c"
expect_out_has "layers: a folder without a layer" "newdir/: a folder of sources without a layer"
expect_out_lacks "layers: bison headers belong to grammar/" "g.tab.h"
expect_out_lacks "layers: tests may include anything" "tests/t.c:1"
