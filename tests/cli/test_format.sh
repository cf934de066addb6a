# test_format.sh - `buckle test --format tap|junit`: the same results as the
# text form, in the shapes CI systems read.
. tests/lib.sh
P="$TMP/tfmt"
mkdir -p "$P"
cat >"$P/t.buckle" <<'EOF'
files { allow read "/usr"; deny write "/usr"; }
test "a <b> & #1" {
    expect allow files read "/usr/lib";
    expect allow files write "/usr/lib";
}
test {
    expect deny files read "/etc";
}
EOF
printf 'files { allow read "/a" }\n' >"$P/broken.buckle"

run "test tap" "$BUCKLE" test --format tap "$P/t.buckle"
expect_rc "test tap: a failure exits 1" 1
expect_out_has "test tap: version line" "TAP version 13"
expect_out_has "test tap: a passing point" 'ok 1 - '"$P"'/t.buckle: test "a <b> & \#1": 3:5: expect allow files read "/usr/lib"'
expect_out_has "test tap: a failing point" 'not ok 2 - '"$P"'/t.buckle: test "a <b> & \#1": 4:5: expect allow files write "/usr/lib"'
expect_out_has "test tap: the failure in a YAML block" '    '"$P"'/t.buckle:4:5: FAIL: expected allow files write "/usr/lib", but 11 of the 11 operations of write are not allowed'
expect_out_has "test tap: the deciding rule" '      decided by '"$P"'/t.buckle:1:28: deny files write subpath "/usr"'
expect_out_has "test tap: plan at the end" "1..3"
expect_out_lacks "test tap: no text lines" "test \"a <b> & #1\": 1 passed, 1 failed"
run "test tap: corpus" "$BUCKLE" test --format=tap corpus/examples/agent.buckle
expect_rc "test tap: passing file exits 0" 0
expect_out_has "test tap: corpus plan" "1..5"
run "test tap: broken" "$BUCKLE" test --format tap "$P/broken.buckle" "$P/t.buckle"
expect_out_has "test tap: a file that does not compile is a failing point" "not ok 1 - $P/broken.buckle: compiles"
expect_out_has "test tap: the next file still runs" "ok 2 - $P/t.buckle"
expect_err_has "test tap: the compile error on stderr" "broken.buckle:1:"

run "test junit" "$BUCKLE" test --format junit "$P/t.buckle"
expect_rc "test junit: a failure exits 1" 1
expect_out_has "test junit: header" '<?xml version="1.0" encoding="UTF-8"?>'
expect_out_has "test junit: totals" '<testsuites tests="3" failures="1" errors="0">'
expect_out_has "test junit: a suite per test block, escaped" '<testsuite name="'"$P"'/t.buckle: test &quot;a &lt;b&gt; &amp; #1&quot;" tests="2" failures="1" errors="0">'
expect_out_has "test junit: a passing case" 'name="3:5: expect allow files read &quot;/usr/lib&quot;"/>'
expect_out_has "test junit: a failure" '<failure message="'"$P"'/t.buckle:4:5: FAIL: expected allow files write &quot;/usr/lib&quot;, but 11 of the 11 operations of write are not allowed'
expect_out_has "test junit: closed" "</testsuites>"
run "test junit: broken" "$BUCKLE" test --format junit "$P/broken.buckle"
expect_out_has "test junit: a file that does not compile fails" '<testsuite name="'"$P"'/broken.buckle" tests="1" failures="1" errors="0">'

run "test: text unchanged" "$BUCKLE" test "$P/t.buckle"
expect_out_has "test text: summary" "2 passed, 1 failed"
expect_out_has "test text: per block" "$P/t.buckle: test: 1 passed, 0 failed"
run "test: bad format" "$BUCKLE" test --format xml "$P/t.buckle"
expect_rc "test: unknown format is a usage error" 2
run "test: format without value" "$BUCKLE" test "$P/t.buckle" --format
expect_rc "test: --format without value is a usage error" 2
