# lint_repos.sh - lint of .sb files as found in real repositories: host
# parameters without -D, other extensions, C-preprocessor templates, very
# large generated profiles, and the lint-only rules that go with them.
. tests/lib.sh
R=tests/lint/real
D="$TMP/lintr"
mkdir -p "$D"

# parameters the host supplies: unknown strings, evaluated symbolically, no BK1001
run "lint repos: host params" "$BUCKLE" lint --format gcc "$R/host-params.sb"
expect_out_lacks "lint repos: no BK1001 for a parameter without a value" "BK1001"
expect_out_lacks "lint repos: no evaluation warning for a parameter" "cannot evaluate"
expect_out_has "lint repos: the rules that do not depend on one are linted" "host-params.sb:15:20: warning: com.apple.SecurityServer is allowed but com.apple.secd is not"
expect_rc "lint repos: host params: exit 0" 0
expect_out_has "lint repos: each parameter without a value is named once, with the -D to give" "host-params.sb:9:51: note: parameter HOME_DIR has no value"
[ "$(grep -c "parameter HOME_DIR has no value" "$TMP/out")" -eq 1 ] && pass "lint repos: once per parameter" || fail "lint repos: once per parameter" "$OUT"
# with -D the value is used, and only then are the findings on it reported
run "lint repos: -D" "$BUCKLE" lint --format gcc -D ROOT=/opt/x "$R/profile.conf"
expect_out_has "lint repos: -D value decides" "profile.conf:4:19: note: "
run "lint repos: no -D" "$BUCKLE" lint --format gcc "$R/profile.conf"
expect_out_lacks "lint repos: without -D the rule is not decided" "profile.conf:4:19:"

# other extensions: sniffed by content, or --lang
run "lint repos: .conf" "$BUCKLE" lint --format gcc "$R/profile.conf"
expect_out_has "lint repos: a .conf holding SBPL is read as SBPL" "profile.conf:5:20: warning: com.apple.SecurityServer is allowed"
expect_out_lacks "lint repos: .conf: no syntax error" "BK1001"
run "lint repos: --lang buckle" "$BUCKLE" lint --format gcc --lang buckle "$R/profile.conf"
expect_out_has "lint repos: --lang buckle reads it as .buckle" "[BK1001]"
run "lint repos: --lang=sbpl" sh -c "\"$BUCKLE\" lint --format gcc --lang=sbpl --stdin-filename p.txt - <$R/profile.conf"
expect_out_has "lint repos: --lang=sbpl on stdin" "p.txt:5:20: warning"
run "lint repos: --lang bad" "$BUCKLE" lint --lang scheme "$R/profile.conf"
expect_rc "lint repos: --lang takes sbpl or buckle" 2

# C preprocessor templates: one clear error
run "lint repos: cpp" "$BUCKLE" lint --format gcc "$R/needs-cpp.sb"
expect_out_has "lint repos: preprocess this file first" "needs-cpp.sb:3:1: error: C preprocessor directive #include: preprocess this file first [BK1001]"
[ "$(wc -l <"$TMP/out")" -eq 1 ] && pass "lint repos: cpp: one error, not one per line" || fail "lint repos: cpp: one error" "$OUT"
expect_rc "lint repos: cpp: exit 1" 1

# a very large generated profile: 20,000 rules, read and linted
awk 'BEGIN { print "(version 1)"; print "(deny default)";
  for (i = 0; i < 20000; i++) printf "(allow file-read* (literal \"/opt/gen/d%d/f%d\"))  ; generated %d\n", i % 97, i, i }' >"$D/large.sb"
run "lint repos: large" "$BUCKLE" lint --format gcc --severity warning "$D/large.sb"
expect_rc "lint repos: a 20,000-rule profile lints" 0
expect_out_lacks "lint repos: large: no syntax error" "BK1001"
