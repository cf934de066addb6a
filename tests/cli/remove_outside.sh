# remove_outside.sh - `remove RULE;` (or a rule) outside any section is one
# error saying it goes inside the rule's section, not two syntax errors.
. tests/lib.sh
P="$TMP/remove_outside"
mkdir -p "$P"
printf 'remove deny final read "~/.ssh";\nfiles { allow read "/y"; }\n' >"$P/a.buckle"
run "remove outside" "$BUCKLE" compile "$P/a.buckle"
expect_rc "remove outside: an error" 1
expect_err_has "remove outside: says where remove goes" "a.buckle:1:1: error: remove goes inside the rule's section: \`files { remove allow read ...; }\` [BK1001 syntax]"
expect_err_has "remove outside: the statement inside a section" 'e.g. `files { remove deny final read "~/.ssh"; }`'
n=$(grep -c ': error: ' "$TMP/err")
[ "$n" -eq 1 ] && pass "remove outside: one error" || fail "remove outside: one error" "$n: $(cat "$TMP/err")"
printf 'platform linux {\n    remove allow read "/x";\n}\nallow read "/x";\n' >"$P/b.buckle"
run "remove outside: platform" "$BUCKLE" compile "$P/b.buckle"
expect_err_has "remove outside: in a platform block" "b.buckle:2:5: error: remove goes inside the rule's section"
expect_err_has "remove outside: a rule outside" "b.buckle:4:1: error: a rule goes inside a section"
n=$(grep -c ': error: ' "$TMP/err")
[ "$n" -eq 2 ] && pass "remove outside: one error each" || fail "remove outside: one error each" "$n: $(cat "$TMP/err")"
# the reference's example compiles where the docs put it
printf 'files { allow read "/opt/tool"; }\n' >"$P/base.buckle"
printf 'extends "./base";\nfiles { remove allow read "/opt/tool"; }\n' >"$P/c.buckle"
run "remove inside" "$BUCKLE" compile "$P/c.buckle"
expect_rc "remove inside: compiles" 0
