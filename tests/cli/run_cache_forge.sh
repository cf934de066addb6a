# run_cache_forge.sh - the run cache cannot be used to choose the next
# sandbox (docs/runner.md, "The run cache"): it lives in one per-user
# directory whatever $TMPDIR says, every profile buckle writes protects it,
# an entry holds no protection rules (each run appends its own), and an
# entry whose profile bytes do not match their digest is never used.
. tests/lib.sh
runner_env
R="$TMP/forge"
rm -rf "$R"
mkdir -p "$R/a" "$R/b"
R=$(cd "$R" && pwd -P)
LOG="$R/log"
CD="$BUCKLE_TEST_CACHE_PARENT/buckle-cache-$(id -u)"
rm -rf "$CD"
XOK='process { allow exec "/usr/bin", "/bin"; }\nfiles { allow read "/usr/bin", "/bin"; }\n'
# a profile that lets the command write everywhere: only the protection
# keeps it from the cache
printf 'files { allow read "/opt/one"; allow write "/"; }\n'"$XOK" >"$R/p.buckle"
brun() { STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -v "$@"; }

run "forge: first run (TMPDIR a)" env TMPDIR="$R/a" STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -v --keep-profile "$R/p.buckle" -- true
expect_rc "forge: first run exits 0" 0
entry=$(ls "$CD"/cache-*.bc "$R"/a/buckle-profiles-*/cache-*.bc 2>/dev/null | head -n 1)
[ -n "$entry" ] && pass "forge: an entry is stored" || fail "forge: an entry is stored" "none"
case "$entry" in "$CD"/*) pass "forge: the entry is in the per-user cache directory, not under TMPDIR" ;;
    *) fail "forge: the entry is in the per-user cache directory, not under TMPDIR" "$entry" ;; esac
kept=$(sed -n 's/^buckle run: kept //p' "$TMP/err")
grep -q "buckle run: nothing in the sandbox may write" "$kept" && pass "forge: the run's profile carries the protection" \
    || fail "forge: the run's profile carries the protection" "$kept"
grep -q "buckle run: nothing in the sandbox may write" "$entry" && fail "forge: the entry holds no protection rules" "$entry" \
    || pass "forge: the entry holds no protection rules"
rm -f "$kept"

# a run under another TMPDIR (the attacker's run) uses the same cache and
# denies every write to the entry
: >"$LOG"
run "forge: second run (TMPDIR b)" env TMPDIR="$R/b" STANDIN_CHECK_WRITE="$entry" STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -v "$R/p.buckle" -- true
expect_rc "forge: a run under another TMPDIR exits 0" 0
grep -q "cached profile" "$TMP/err" && pass "forge: a run under another TMPDIR uses the same cache" || fail "forge: a run under another TMPDIR uses the same cache" "$(cat "$TMP/err")"
grep -q "^write denied: $entry" "$LOG" && pass "forge: a run under another TMPDIR cannot write the entry" \
    || fail "forge: a run under another TMPDIR cannot write the entry" "$(cat "$LOG")"
grep -q "^cache protected: $CD" "$LOG" && pass "forge: ... nor anything in the cache directory" || fail "forge: ... nor anything in the cache directory" "$(cat "$LOG")"

# a forged entry: the profile bytes changed, the header left as it was
sed 's|opt/one|opt/evl|' "$entry" >"$R/forged" && cat "$R/forged" >"$entry"
grep -q opt/evl "$entry" && pass "forge: (the entry is forged)" || fail "forge: (the entry is forged)" "sed"
: >"$LOG"
run "forge: forged" env TMPDIR="$R/a" STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -v --keep-profile "$R/p.buckle" -- true
expect_rc "forge: the run goes on" 0
kept=$(sed -n 's/^buckle run: kept //p' "$TMP/err")
grep -q opt/evl "$kept" && fail "forge: the forged profile is never run" "$(grep opt/evl "$kept")" || pass "forge: the forged profile is never run"
grep -q opt/one "$kept" && pass "forge: the profile is compiled again" || fail "forge: the profile is compiled again" "$(head -c 300 "$TMP/err")"
expect_err_has "forge: -v says why" "does not match its digest"
rm -f "$kept"
run "forge: after" env TMPDIR="$R/a" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -v "$R/p.buckle" -- true
expect_err_has "forge: the next run is a hit again" "cached profile"
