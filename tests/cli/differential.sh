# differential.sh - the proof that compiled output means what the profile
# says (the compact form buckle run hands to sandbox-exec unless --readable):
# both evaluations agree on every generated request (at least 100,000
# per run), no allow and deny of a concrete operation match one object, and
# the check notices when the compiler's carve-outs are switched off.
. tests/lib.sh
# srt-large (2,000 paths) is left to make fuzz-diff: per request both evaluations scan every rule
profiles="$(ls corpus/examples/*.buckle | grep -v srt-large) $(find corpus/std -name '*.buckle' | sort) $(ls tests/diff/*.buckle) tests/cli/data/chain/top.buckle"
# shellcheck disable=SC2086
run "differential: corpus and tests" "$BUILD/diff-check" -I corpus --min 100000 --random 6 $profiles
expect_rc "differential: both evaluations agree, no overlapping allow/deny, >= 100000 queries" 0
tail -n 1 "$TMP/out" | sed 's/^/     /'
# the same with the evaluator answering through its path index (it does so
# by itself from 256 rules, which only srt-large reaches)
# shellcheck disable=SC2086
run "differential: through the path index" "$BUILD/diff-check" -I corpus --min 100000 --random 6 --index $profiles
expect_rc "differential: the indexed evaluator agrees too" 0
# generated profiles (tests/unit/gen_profile.c): every class, every check
# (GEN_WITHOUT and GEN_SKIP would switch a class or a check off).  `build/diff-check --list-shapes`
# prints the classes.
# No check is skipped; a check that must be, until its finding is fixed,
# goes in GEN_SKIP with the finding named here.  Classes that find wrong
# decisions not fixed yet are left out (GEN_WITHOUT) until they are; none
# is now.
GEN_WITHOUT=
GEN_SKIP=
run "differential: generated profiles" "$BUILD/diff-check" --generate 72 --seed 17 ${GEN_WITHOUT:+--without "$GEN_WITHOUT"} \
    ${GEN_SKIP:+--skip "$GEN_SKIP"} --shrink --min-queries 400000
expect_rc "differential: generated profiles x value sets x queries: both evaluations, symbolic and inlined, agree" 0
tail -n 1 "$TMP/out" | sed 's/^/     /'
[ -s "$TMP/err" ] && head -n 40 "$TMP/err" | sed 's/^/     /'
# raw rules that run a program outside the profile ((with no-profile) as
# (with no-sandbox)) beside final rules: every rejection has a witness
run "differential: generated raw exec rules beside final rules" "$BUILD/diff-check" --generate 150 --seed 1 \
    --only raw,raw-nosandbox,final --shrink
expect_rc "differential: every raw BK2005 beside a final rule is confirmed" 0
if grep -q "not confirmed" "$TMP/err"; then fail "differential: no unconfirmed rejection" "$(grep -m1 'not confirmed' "$TMP/err")"
else pass "differential: no unconfirmed rejection"; fi
# the same generated profiles, checking the readable one-rule-per-line form
# (buckle compile without --compact) instead of the compact one
run "differential: generated profiles, readable form" "$BUILD/diff-check" --generate 24 --seed 17 --readable \
    ${GEN_WITHOUT:+--without "$GEN_WITHOUT"} ${GEN_SKIP:+--skip "$GEN_SKIP"} --shrink
expect_rc "differential: the readable form agrees too" 0
# shellcheck disable=SC2086
run "differential: corpus and tests, readable form" "$BUILD/diff-check" -I corpus --random 1 --readable $profiles
expect_rc "differential: the readable form of the corpus agrees" 0
# the generator is not blind: output emitted without carve-outs is caught
run "differential: generated, without carve-outs" "$BUILD/diff-check" --generate 24 --seed 17 --break-order --shrink --max-fail 1
expect_rc "differential: emitting without carve-outs is found by the generated profiles" 1
expect_err_has "differential: the failing case is printed shrunk" "diff-check: FAIL: profile"
run "differential: list of shapes" "$BUILD/diff-check" --list-shapes
expect_out_has "differential: the shape table" "| \`bracket-slash\` |"
# docs/reliability.md's table is the generator's, row for row
sed -n '/^| class | what | example |$/,/^$/p' docs/reliability.md | sed '/^$/d' >"$TMP/shapes-doc"
expect_same "differential: docs/reliability.md lists every shape class" "$TMP/out" "$TMP/shapes-doc"
run "differential: unknown shape" "$BUILD/diff-check" --generate 1 --without nosuch
expect_rc "differential: an unknown shape class is a usage error" 2

run "differential: order switch" "$BUILD/diff-check" --break-order tests/diff/order.buckle
expect_rc "differential: emitting without carve-outs is caught" 1
expect_out_has "differential: the order switch causes disagreements" "disagreements"

# buckle test passes on every corpus profile; the order switch breaks it
run "test: corpus" "$BUCKLE" test $profiles
expect_rc "test: buckle test passes on every corpus profile" 0
cat >"$TMP/order-test.buckle" <<EOB
files { deny write "/a"; allow write "/a/b"; deny write literal "/a/b/c"; }
test { expect deny files write "/a/b/c"; expect allow files write "/a/b/x"; }
EOB
run "test: order switch" "$BUCKLE" test --test-break-order "$TMP/order-test.buckle"
expect_rc "test: a wrong compilation is reported" 1
expect_out_has "test: reported as a compiler bug" "compiler bug"

# query: the acceptance examples
run "query: ssh config" "$BUCKLE" query corpus/examples/agent.buckle files read '~/.ssh/config'
expect_out_has "query: final deny decides ~/.ssh" "deny /Users/test/.ssh/config"
expect_out_has "query: names the rule and its origin" "decided by corpus/examples/agent.buckle:$(line_of corpus/examples/agent.buckle 'deny final read "~/.ssh"'):21: deny final files read subpath"
expect_out_has "query: compiled SBPL agrees" "compiled SBPL agrees"
run "query: workdir" "$BUCKLE" query corpus/examples/agent.buckle files write '$WORKDIR/src/x.c'
expect_out_has "query: workdir write allowed" "allow /Users/test/project/src/x.c"
run "query: -D" "$BUCKLE" query -D WORKDIR=/Users/test/elsewhere corpus/examples/agent.buckle files write '$WORKDIR/src/x.c'
expect_out_has "query: -D moves WORKDIR" "allow /Users/test/elsewhere/src/x.c"
run "query: mixed" "$BUCKLE" query tests/diff/carveouts.buckle files write /w/keep/log
expect_out_has "query: operations that differ are listed" "file-write-unlink"
run "query: sb op" "$BUCKLE" query tests/sbpl/03-concrete-beats-wildcard.sb file-read-data /secret
expect_out_has "query: .sb with a concrete operation" "allow /secret"
run "query: sb section verb" "$BUCKLE" query tests/sbpl/01-order-deny-after-allow.sb files write /A/b/x
expect_out_has "query: .sb with SECTION VERB" "deny /A/b/x"
run "query: undecidable" "$BUCKLE" query tests/sbpl/21-unknown-filter.sb file-read-data /x
expect_rc "query: undecidable exits 1" 1
run "query: usage" "$BUCKLE" query corpus/examples/agent.buckle files
expect_rc "query: missing arguments" 2
run "query: bad verb" "$BUCKLE" query corpus/examples/agent.buckle files wrte /x
expect_err_has "query: verb did-you-mean" "did you mean write"
