# diff_value_sets.sh - `buckle diff` over the values of parameters that
# have none: a parameter that starts one path and stands inside another
# takes no value buckle run accepts, and sandbox-exec takes any; diff
# compares both profiles as sandbox-exec reads them, with an absolute value
# and again with a relative one (a path either makes with "//", or without
# a leading '/', matches nothing).
. tests/lib.sh
V="$TMP/diff_value_sets"
rm -rf "$V"
mkdir -p "$V"

printf 'param P;\nfiles { allow read "$P"; deny read "/a/$P"; }\n' >"$V/root-old.buckle"
printf 'param P;\nfiles { allow read "$P"; deny read "/a/$P"; allow write "$P/x"; }\n' >"$V/root-new.buckle"
run "diff value sets: a parameter at the start of a path and inside one" "$BUCKLE" diff "$V/root-old.buckle" "$V/root-new.buckle"
expect_rc "diff value sets: the added write allow is a change (exit 1)" 1
expect_out_has "diff value sets: the widening is found under the absolute value" "file-write-create /Users/test/param-P/x"
expect_err_has "diff value sets: standard error names both values" "P=param-P"
if grep -q BK2008 "$TMP/err"; then fail "diff value sets: no value error" "BK2008 on standard error"
else pass "diff value sets: no value error"; fi

# a change of the rule with the parameter inside a path shows only under
# the relative value
printf 'param P;\nfiles { allow read "/a"; allow read "$P"; deny read "/a/$P"; }\n' >"$V/inner-old.buckle"
printf 'param P;\nfiles { allow read "/a"; allow read "$P"; deny read "/a/$P/q"; }\n' >"$V/inner-new.buckle"
run "diff value sets: the inner use changes" "$BUCKLE" diff "$V/inner-old.buckle" "$V/inner-new.buckle"
expect_rc "diff value sets: the narrower deny is a change (exit 1)" 1
expect_out_has "diff value sets: under the relative value" "with P=param-P"
expect_out_has "diff value sets: at the relative value's path" "file-read-data /a/param-P"
run "diff value sets: the inner use changes, json" "$BUCKLE" diff --format json "$V/inner-old.buckle" "$V/inner-new.buckle"
expect_rc "diff value sets: json exit 1" 1
expect_out_has "diff value sets: json names the values" '"values": "P=param-P"'

# the same rules in another order: the same decisions under both values
printf 'param P;\nfiles { deny read "/a/$P"; allow read "/a"; allow read "$P"; }\n' >"$V/inner-same.buckle"
run "diff value sets: the same rules reordered" "$BUCKLE" diff "$V/inner-old.buckle" "$V/inner-same.buckle"
expect_rc "diff value sets: the same decisions (exit 0)" 0
