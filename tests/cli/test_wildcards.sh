# test_wildcards.sh - "*" in a network expectation's object is every host
# or every port (docs/reference.md, "Tests"): a deny of "*:22" fails when
# localhost:22 is allowed, a deny of "localhost:*" when any port a rule
# names is, and the failure names the object that fails; query says how it
# reads "*".
. tests/lib.sh
D="$TMP/twild"
mkdir -p "$D"
cat >"$D/w.buckle" <<'EOB'
network { allow outbound "localhost:22"; allow outbound "*:8080"; }
test "wildcards" {
    expect deny network outbound "*:22";
    expect deny network outbound "localhost:*";
    expect allow network outbound "*:8080";
    expect deny network outbound "*:443";
}
EOB
run "test wildcards" "$BUCKLE" test "$D/w.buckle"
expect_rc "test wildcards: a deny of every host fails when the loopback is allowed" 1
expect_out_has "test wildcards: ... 2 passed, 2 failed" "2 passed, 2 failed"
expect_out_has "test wildcards: \"*:22\" names localhost:22" '("*" in "*:22" is every host: 2 objects asked, localhost:22 the first that fails)'
expect_out_has "test wildcards: \"localhost:*\" names the port a rule names" '("*" in "localhost:*" is every port: 3 objects asked, localhost:22 the first that fails)'
cat >"$D/p.buckle" <<'EOB'
param PORT = "2222";
network { allow outbound "localhost:$PORT"; }
test "a port from a parameter" { expect deny network outbound "localhost:*"; }
EOB
run "test wildcards: a parameter's port" "$BUCKLE" test "$D/p.buckle"
expect_rc "test wildcards: every port includes a parameter's value" 1
expect_out_has "test wildcards: ... naming it" "localhost:2222 the first that fails"
run "test wildcards: query" "$BUCKLE" query "$D/w.buckle" network outbound '*:22'
expect_out_has "test wildcards: query says how it reads *" '"*" is read as one host no rule names'
# every port includes those a raw sbpl rule names
cat >"$D/raw.buckle" <<'EOB'
network { deny outbound "*:22"; }
sbpl """
(allow network-outbound (remote ip "*:443"))
""";
test "raw" { expect deny network outbound "localhost:*"; }
EOB
run "test wildcards: a raw rule's port" "$BUCKLE" test "$D/raw.buckle"
expect_rc "test wildcards: every port includes a raw rule's" 1
expect_out_has "test wildcards: ... naming it" "localhost:443 the first that fails"
