# diff_identical.sh - buckle diff of the same text read the same way
# answers at once (the same decisions, nothing asked); the same text that
# extends a file resolved elsewhere is compared as usual.
. tests/lib.sh
D=$TMP/diff_identical
mkdir -p "$D/a" "$D/b"
run "diff identical: the large example against itself" "$BUCKLE" diff corpus/examples/srt-large.buckle corpus/examples/srt-large.buckle
expect_rc "diff identical: the large example against itself" 0
expect_out_has "diff identical: ... says so" "the same decisions (the same text, read the same way)"
run "diff identical: json" "$BUCKLE" diff --format json corpus/examples/srt-large.sb corpus/examples/srt-large.sb
expect_rc "diff identical: json" 0
expect_out_has "diff identical: json says identical" '"identical": true'
# the same text in two directories: what it extends decides
printf 'default deny;\nfiles { allow read "/usr"; }\n' >"$D/p.buckle"
printf 'files { allow read "/usr"; }\n' >"$D/a/base.buckle"
printf 'files { allow read "/opt"; }\n' >"$D/b/base.buckle"
printf 'extends "base.buckle";\ndefault deny;\n' >"$D/a/p.buckle"
cp "$D/a/p.buckle" "$D/b/p.buckle"
run "diff identical: the same text extending another file" "$BUCKLE" diff "$D/a/p.buckle" "$D/b/p.buckle"
expect_rc "diff identical: the same text extending another file differs" 1
expect_out_lacks "diff identical: ... is compared" "the same text"
cp "$D/p.buckle" "$D/a/q.buckle"
run "diff identical: the same text elsewhere, extending nothing" "$BUCKLE" diff "$D/p.buckle" "$D/a/q.buckle"
expect_rc "diff identical: the same text elsewhere, extending nothing" 0
expect_out_has "diff identical: ... answers at once" "the same text"
printf 'files { allow read }\n' >"$D/bad.buckle"
run "diff identical: a broken file is still an error" "$BUCKLE" diff "$D/bad.buckle" "$D/bad.buckle"
if [ "$RC" -ne 0 ]; then pass "diff identical: a broken file is still an error"; else fail "diff identical: a broken file is still an error" "exit 0"; fi
