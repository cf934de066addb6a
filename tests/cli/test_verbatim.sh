# test_verbatim.sh - buckle test and sbpl verbatim blocks: a block that reads
# no parameter without a value is evaluated with the rest (as buckle query
# does), so an expectation a block's rule breaks fails and names the block;
# one that cannot be evaluated is left out with a note saying why.
. tests/lib.sh
D=$TMP/test_verbatim
mkdir -p "$D"
cat >"$D/opens.buckle" <<'BK'
files {
    allow read "/srv";
    deny read "/srv/keys";
}
sbpl verbatim """
(allow file-read-data (subpath "/srv/keys"))
""";
test "keys stay closed" {
    expect deny files read "/srv/keys/host.pem";
}
BK
cat >"$D/other.buckle" <<'BK'
files {
    allow read "/srv";
    deny read "/srv/keys";
}
sbpl verbatim """
(allow file-read-data (literal "/srv/elsewhere"))
""";
test "keys stay closed" {
    expect deny files read "/srv/keys/host.pem";
    expect allow files read "/srv/elsewhere";
}
BK
cat >"$D/unknown.buckle" <<'BK'
files {
    allow read "/srv";
}
sbpl verbatim """
(allow file-read-data (subpath (param "KEYDIR")))
""";
test "reads" {
    expect allow files read "/srv/x";
}
BK
run "test verbatim: a block breaks the expectation" "$BUCKLE" test "$D/opens.buckle"
expect_rc "test verbatim: a block breaks the expectation: fails" 1
expect_out_has "test verbatim: a block breaks the expectation: names the block" '(allow file-read-data (subpath "/srv/keys")) (sbpl verbatim)'
run "test verbatim: a block that does not decide" "$BUCKLE" test "$D/other.buckle"
expect_rc "test verbatim: a block that does not decide: passes" 0
expect_out_has "test verbatim: a block that does not decide: counts" '2 passed, 0 failed'
run "test verbatim: a block without a value" "$BUCKLE" test "$D/unknown.buckle"
expect_rc "test verbatim: a block without a value: passes" 0
expect_err_has "test verbatim: a block without a value: says it is left out" 'the answers leave out the sbpl verbatim block'
expect_err_has "test verbatim: a block without a value: why" 'KEYDIR'
cat >"$D/cond.buckle" <<'BK'
files {
    allow read "/srv";
    deny read "/srv/keys";
}
sbpl verbatim """
(if (param "OPEN_KEYS") (allow file-read-data (subpath "/srv/keys")))
""";
test "keys" {
    expect deny files read "/srv/keys/a";
}
BK
run "test verbatim: -D opens the block's rule" "$BUCKLE" test -D OPEN_KEYS=1 "$D/cond.buckle"
expect_rc "test verbatim: -D opens the block's rule: fails" 1
run "test verbatim: -U for a parameter not passed" "$BUCKLE" test -U OPEN_KEYS "$D/cond.buckle"
expect_rc "test verbatim: -U for a parameter not passed: passes" 0
expect_err_lacks_note=$(printf '%s' "$ERR" | grep -c 'leave out' || true)
[ "$expect_err_lacks_note" = 0 ] && pass "test verbatim: -U: the block is evaluated" || fail "test verbatim: -U: the block is evaluated" "still left out"
run "test verbatim: -D gives the block its value" "$BUCKLE" test -D KEYDIR=/srv/x "$D/unknown.buckle"
expect_rc "test verbatim: -D gives the block its value: passes" 0
