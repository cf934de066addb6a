# lint_cli.sh - the lint command line: acceptance cases, formats, exit codes.
. tests/lib.sh
P="$TMP/lintp"
mkdir -p "$P"

# SecurityServer alone: BK4001 and BK4002 with a fix; secd and the sentinel silence both
printf 'mach { allow lookup "com.apple.SecurityServer"; }  # buckle: ignore[BK3002] -- test\n' >"$P/kc.buckle"
run "lint: keychain" "$BUCKLE" lint "$P/kc.buckle"
expect_out_has "lint: SecurityServer alone reports BK4001" "[BK4001 keychain-missing-secd]"
expect_out_has "lint: SecurityServer alone reports BK4002" "[BK4002 keychain-missing-sentinel]"
expect_out_has "lint: BK4001 has a fix" 'help: also allow mach lookup "com.apple.secd"'
expect_rc "lint: warnings only: exit 0" 0
run "lint: keychain --Werror" "$BUCKLE" lint --Werror "$P/kc.buckle"
expect_rc "lint: --Werror fails on warnings" 1
printf 'mach { allow lookup "com.apple.SecurityServer", "com.apple.secd"; }  # buckle: ignore[BK3002] -- test\nsysctl { allow read "security.mac.sandbox.sentinel"; }\n' >"$P/kc2.buckle"
run "lint: keychain fixed" "$BUCKLE" lint "$P/kc2.buckle"
expect_out_lacks "lint: secd silences BK4001" "BK4001"
expect_out_lacks "lint: the sentinel silences BK4002" "BK4002"

# BK3001 on an .sb that allows writes under /private/var/folders
printf '(version 1)\n(deny default)\n(allow file-write* (subpath "/private/var/folders"))\n' >"$P/w.sb"
run "lint: BK3001" "$BUCKLE" lint "$P/w.sb"
expect_out_has "lint: profile directory writable is an error" "error: file-write-data is allowed on /private/var/folders"
expect_out_has "lint: BK3001 slug" "[BK3001 profile-dir-writable]"
expect_rc "lint: BK3001 fails" 1

# configd: BK3002 at its default severity (info), explained; suppressions
printf 'mach { allow lookup "com.apple.SystemConfiguration.configd"; }\n' >"$P/cfg.buckle"
run "lint: configd" "$BUCKLE" lint "$P/cfg.buckle"
expect_out_has "lint: configd is BK3002 at info" "info: mach lookup allows com.apple.SystemConfiguration.configd (risk: info)"
expect_out_has "lint: configd exposure explained" "DNS and proxy settings, host and user names"
expect_rc "lint: info does not fail" 0
printf 'mach { allow lookup "com.apple.SystemConfiguration.configd"; }  # buckle: ignore[BK3002] -- uv reads proxy settings\n' >"$P/cfg2.buckle"
run "lint: configd suppressed" "$BUCKLE" lint "$P/cfg2.buckle"
expect_out_lacks "lint: a suppression with a reason silences it" "BK3002"
printf 'mach { allow lookup "com.apple.SystemConfiguration.configd"; }  # buckle: ignore[BK3002]\n' >"$P/cfg3.buckle"
run "lint: no reason" "$BUCKLE" lint "$P/cfg3.buckle"
expect_out_has "lint: a suppression without a reason is an error" "error: suppression without a reason"
expect_rc "lint: no reason fails" 1
printf '# buckle: ignore[BK2005] -- no\nfiles { deny final read "/a"; allow read literal "/a/b"; }\n' >"$P/final.buckle"
run "lint: unsuppressible" "$BUCKLE" lint "$P/final.buckle"
expect_out_has "lint: BK2 errors cannot be suppressed" "cannot be suppressed"
expect_out_has "lint: the BK2005 error stays" "[BK2005 final-violated]"
printf 'extends "./cfg";\n# buckle: ignore[BK3002] -- in the child\nfiles { allow read "/usr"; }\n' >"$P/child.buckle"
run "lint: no leak across extends" "$BUCKLE" lint "$P/child.buckle"
expect_out_has "lint: a child's suppression does not cover the base" "cfg.buckle:1:21: info: mach lookup allows"
expect_out_has "lint: ... and is reported unused" "[BK0001 unused-suppression]"
expect_out_has "lint: inherited findings carry the chain" "cfg.buckle is extended here"

# exit codes and options
run "lint: clean" "$BUCKLE" lint corpus/examples/agent.buckle
expect_rc "lint: clean profile exits 0" 0
run "lint: unreadable" "$BUCKLE" lint "$P/nope.buckle"
expect_rc "lint: unreadable file exits 2" 2
run "lint: usage" "$BUCKLE" lint --format xml x.buckle
expect_rc "lint: bad format exits 2" 2
run "lint: fail-on" "$BUCKLE" lint --fail-on info "$P/cfg.buckle"
expect_rc "lint: --fail-on info fails on info" 1
run "lint: severity" "$BUCKLE" lint --severity warning "$P/cfg.buckle"
expect_out_lacks "lint: --severity hides lower findings" "BK3002"
run "lint: several files" "$BUCKLE" lint --format gcc "$P/kc.buckle" "$P/w.sb"
expect_out_has "lint: first file" "kc.buckle"
expect_out_has "lint: second file" "w.sb"
run "lint: stdin" sh -c "\"$BUCKLE\" lint --format gcc --stdin-filename dir/x.buckle - <\"$P/cfg.buckle\""
expect_out_has "lint: - with --stdin-filename" "dir/x.buckle:1:21: note:"
run "lint: NO_COLOR" env NO_COLOR=1 "$BUCKLE" lint "$P/kc.buckle"
if grep -q "$(printf '\033')" "$TMP/out"; then fail "lint: no colour when not a terminal" "escape codes"; else pass "lint: no colour when not a terminal"; fi

# formats: golden outputs (regenerate: sh tests/golden/regen.sh)
# (run from tests/golden: BUCKLE relative to the top of the tree, or absolute)
case $BUCKLE in /*) BA=$BUCKLE ;; *) BA=$PWD/$BUCKLE ;; esac
for fmt in text gcc json sarif; do
    (cd tests/golden && "$BA" lint -q --format "$fmt" lint-input.buckle lint-input.sb) >"$TMP/g.$fmt" 2>&1
    expect_same "lint: golden $fmt" "tests/golden/lint.$fmt" "$TMP/g.$fmt"
done
# SARIF: what GitHub code scanning requires
s=$(cat tests/golden/lint.sarif)
for key in '"version":"2.1.0"' '"$schema"' '"tool":{"driver":{"name":"buckle"' '"rules":[' '"shortDescription"' \
           '"fullDescription"' '"help"' '"ruleId":' '"level":' '"message":{"text":' '"physicalLocation"' \
           '"artifactLocation":{"uri":"lint-input.buckle"}' '"startLine"' '"startColumn"' '"endLine"' '"endColumn"' \
           '"columnKind":"unicodeCodePoints"' '"relatedLocations"'; do
    case "$s" in *"$key"*) pass "sarif: has $key" ;; *) fail "sarif: has $key" "missing" ;; esac
done
n_rules=$("$BUCKLE" rules | wc -l)
n_ids=$(grep -o '{"id":"BK[0-9]*"' tests/golden/lint.sarif | wc -l)
[ "$n_rules" -eq "$n_ids" ] && pass "sarif: every rule in rules[]" || fail "sarif: every rule in rules[]" "$n_ids of $n_rules"

# explain and rules
run "explain: id" "$BUCKLE" explain BK3002
expect_out_has "explain: slug and severity" "BK3002 dangerous-mach-service (warning)"
expect_out_has "explain: bad example" "Fires on:"
run "explain: slug" "$BUCKLE" explain keychain-missing-secd
expect_out_has "explain: by slug" "BK4001 keychain-missing-secd"
run "explain: unknown" "$BUCKLE" explain keychain-missing-sed
expect_rc "explain: unknown exits 2" 2
expect_err_has "explain: did you mean" "did you mean keychain-missing-secd?"
run "rules: json" "$BUCKLE" rules --format json
expect_out_has "rules: json" '"id":"BK4011","slug":"missing-version"'

# every profile that buckle compile produces lints with no BK4xxx finding
# of its own: a BK4xxx code may appear only when the source has it too (the
# keychain rules judge the policy's content, not the compiler's output)
for f in corpus/examples/*.buckle $(find corpus/std -name '*.buckle') tests/diff/*.buckle; do
    "$BUCKLE" compile "$f" -o "$P/out.sb" 2>/dev/null || continue
    "$BUCKLE" lint --format gcc -D OUT=/Users/test/out -D REPORT=/Users/test/r.json -D CACHE=/Users/test/c \
        -D UV_CACHE=/Users/test/.cache/uv -D PROXY_PORT=3128 "$P/out.sb" \
        | grep -o 'BK[14][0-9]*\]$' | sort -u >"$P/out.codes"
    # the source's own findings, suppressions removed (they do not travel into the .sb)
    sed 's/# buckle: .*//' "$f" >"$(dirname "$f")/.nosupp-$$.buckle"
    "$BUCKLE" lint --format gcc "$(dirname "$f")/.nosupp-$$.buckle" | grep -o 'BK4[0-9]*\]$' | sort -u >"$P/src.codes"
    rm -f "$(dirname "$f")/.nosupp-$$.buckle"
    extra=$(comm -23 "$P/out.codes" "$P/src.codes")
    if [ -n "$extra" ]; then fail "lint: compiled $f adds no BK1/BK4 finding" "$extra"
    else pass "lint: compiled $f adds no BK1/BK4 finding"; fi
done
