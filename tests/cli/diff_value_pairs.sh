# diff_value_pairs.sh - `buckle diff` with more values lined up with the
# rules that changed than sets compared: two values that each put a path
# exactly on another may change a decision only together, and such pairs
# are compared right after those values on their own, before the rest.
. tests/lib.sh
V=$(scratch_dir diff_value_pairs)

# "~/$X/k" and the removed deny of "~/ab/k" meet at X=ab/k (the traversal
# of ~/ab/k, which the allow implies); the deny wins that traversal only
# with HOME=/, so the widening needs both values at once.
printf 'param X;\nfiles {\n  allow read literal "~/$X/k";\n  deny read "~/ab/k";\n}\n' >"$V/old.buckle"
printf 'param X;\nfiles {\n  allow read literal "~/$X/k";\n}\n' >"$V/new.buckle"
run "diff value pairs: two values lined up together" "$BUCKLE" diff "$V/old.buckle" "$V/new.buckle"
expect_rc "diff value pairs: the removed deny is a widening (exit 1)" 1
expect_out_has "diff value pairs: the answer names both values" "with HOME=/ X=ab/k"
expect_out_has "diff value pairs: the widened request" "file-read-metadata /ab/k"
expect_out_has "diff value pairs: deny -> allow" "1 request widened (deny -> allow)"
run "diff value pairs: json" "$BUCKLE" diff --format json "$V/old.buckle" "$V/new.buckle"
expect_rc "diff value pairs: json exit 1" 1
expect_out_has "diff value pairs: json names the values" '"values": "HOME=/ X=ab/k"'

# the same values given: the widening is there (what the pair stands for)
run "diff value pairs: the values given" "$BUCKLE" diff -D HOME=/ -D X=ab/k "$V/old.buckle" "$V/new.buckle"
expect_rc "diff value pairs: the values given, exit 1" 1
expect_out_has "diff value pairs: the values given, the same request" "file-read-metadata /ab/k"

# the other direction is a narrowing under the same values
run "diff value pairs: reversed" "$BUCKLE" diff "$V/new.buckle" "$V/old.buckle"
expect_rc "diff value pairs: reversed, a change (exit 1)" 1
expect_out_has "diff value pairs: reversed, a narrowing" "1 narrowed (allow -> deny)"

# more pairs of exact values than room: those left out count, and the
# answer is "cannot compare" (exit 3), never "the same decisions"
printf 'param X;\nparam Y;\nfiles {\n  allow read "~/$X/$Y";\n  deny write "~/x";\n  allow read "/etc";\n}\n' >"$V/many-old.buckle"
printf 'param X;\nparam Y;\nfiles {\n  allow read "~/$X/$Y";\n  allow read "/etc";\n}\n' >"$V/many-new.buckle"
run "diff value pairs: pairs left out" "$BUCKLE" diff "$V/many-old.buckle" "$V/many-new.buckle"
expect_rc "diff value pairs: pairs left out is cannot compare (exit 3)" 3
expect_out_has "diff value pairs: pairs left out, says so" "lined up with the rules that changed are left out"
run "diff value pairs: pairs left out, values given" "$BUCKLE" diff -D X=x -D Y=k "$V/many-old.buckle" "$V/many-new.buckle"
expect_rc "diff value pairs: with the values given, the same decisions (exit 0)" 0
