# diff_narrow_values.sh - when the values given (or the test values) show
# narrowings only, the values lined up with the paths are still tried for a
# widening: a regex on $HOME replaced by one on every home narrows at the
# test HOME and widens under a HOME elsewhere.
. tests/lib.sh
D=$(scratch_dir diff_narrow_values)
printf 'files { allow read "/"; deny read regex "^${HOME}/\\\\.ssh"; }\n' >"$D/old.buckle"
printf 'files { allow read "/"; deny read regex "^/Users/[^/]+/\\\\.ssh"; }\n' >"$D/new.buckle"
run "diff narrow values: a widening under another HOME" "$BUCKLE" diff "$D/old.buckle" "$D/new.buckle"
expect_rc "diff narrow values: a widening under another HOME" 1
expect_out_has "diff narrow values: ... the widening" "WIDENING deny -> allow"
expect_out_has "diff narrow values: ... under which values" "only narrow; -D gives them"
run "diff narrow values: json" "$BUCKLE" diff --format json "$D/old.buckle" "$D/new.buckle"
expect_out_has "diff narrow values: json: a widening" '"change": "widening"'
expect_out_has "diff narrow values: json: the values" '"values": "HOME='

# narrowed under every value: the answer of the values given stays
printf 'files { allow read "/"; }\n' >"$D/wide.buckle"
printf 'files { allow read "/"; deny read "/etc"; }\n' >"$D/narrow.buckle"
run "diff narrow values: a narrowing only" "$BUCKLE" diff "$D/wide.buckle" "$D/narrow.buckle"
expect_rc "diff narrow values: a narrowing only" 1
expect_out_has "diff narrow values: ... narrowed" "0 requests widened (deny -> allow)"
expect_out_lacks "diff narrow values: ... no values named" "a value lined up"
