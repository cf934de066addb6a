# builtin_default.sh - a profile cannot give a built-in parameter (HOME,
# TMPDIR, WORKDIR, USER) a default: buckle run takes their values from the
# environment, query and test from their test values, and a default seen by
# one and not the other would move a base's final rule in query and test
# but not in run (docs/language.md, "Parameter values").
. tests/lib.sh
F="$TMP/builtin-default"
mkdir -p "$F"
cat >"$F/base.buckle" <<'EOB'
param HOME;
files {
    deny final read "~/.ssh";
    allow read "/Users";
}
EOB
cat >"$F/child.buckle" <<'EOB'
extends "base";
param HOME = "/opt/h";
test "the final rule holds" {
    expect deny files read "~/.ssh/id_rsa";
}
EOB
run "builtin default: compile" "$BUCKLE" compile -I "$F" "$F/child.buckle"
expect_rc "builtin default: compile fails" 1
expect_err_has "builtin default: compile says why, at the default" "child.buckle:2:14: error: HOME is a built-in parameter: a profile cannot give it a default [BK2008"
run "builtin default: lint" "$BUCKLE" lint -I "$F" "$F/child.buckle"
expect_rc "builtin default: lint fails" 1
expect_out_has "builtin default: lint says why" "HOME is a built-in parameter"
run "builtin default: query" "$BUCKLE" query -I "$F" "$F/child.buckle" file-read-data /Users/test/.ssh/id_rsa
expect_rc "builtin default: query does not answer with the default" 1
expect_out_lacks "builtin default: query never allows the final rule's scope" "allow /Users/test/.ssh/id_rsa"
run "builtin default: test" "$BUCKLE" test -I "$F" "$F/child.buckle"
expect_rc "builtin default: test fails" 1
expect_err_has "builtin default: test says why" "HOME is a built-in parameter"
# every built-in, in a file of its own
for p in HOME TMPDIR WORKDIR USER; do
    printf 'param %s = "/x";\nfiles { allow read "/usr"; }\n' "$p" >"$F/$p.buckle"
    run "builtin default: $p" "$BUCKLE" compile "$F/$p.buckle"
    expect_rc "builtin default: $p is refused" 1
    expect_err_has "builtin default: $p names it" "$p is a built-in parameter"
done
# declaring one without a default stays fine, and -D still sets it
printf 'param HOME;\nfiles { allow read "~/x"; }\n' >"$F/decl.buckle"
run "builtin declared" "$BUCKLE" compile -D HOME=/Users/alice "$F/decl.buckle"
expect_rc "builtin declared without a default compiles" 0
expect_out_has "builtin declared: -D sets it" '"/Users/alice/x"'
