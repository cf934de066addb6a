# landlock_home_other.sh - a HOME other than the user's home in the
# password database (sudo -E, CI, a harness's scratch HOME) moves every
# rule on ~ to it, the denies of credentials and start-up files among
# them: buckle run says so in a warning, naming both (docs/linux.md).
# Live.
. tests/lib.sh
linux_only "home other"
runner_env      # $B the test build, with a run cache of the suite's own
unset BUCKLE_SANDBOX_EXEC
PW=$(getent passwd "$(id -u)" | cut -d: -f6)
if [ -z "$PW" ] || [ ! -d "$PW" ]; then skip "home other: every check" "no home directory in the password database"; exit 0; fi
R="$TMP/llhomeo"
rm -rf "$R"
mkdir -p "$R/w" "$R/home" "$R/tmp" "$R/prof"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
A=--linux-accept=files
cd "$R/w" || exit 1
run "home other: scratch HOME" env HOME="$R/home" TMPDIR="$R/tmp" "$B" run --no-cache $A "$R/prof/agent.buckle" -- true
landlock_or_exit "home other"
expect_rc "home other: the run goes on" 0
expect_err_has "home other: a warning names both homes" "warning: HOME is $R/home, not your home directory $PW (the password database's)"
run "home other: warm" env HOME="$R/home" TMPDIR="$R/tmp" "$B" run $A "$R/prof/agent.buckle" -- true
run "home other: warm again" env HOME="$R/home" TMPDIR="$R/tmp" "$B" run $A "$R/prof/agent.buckle" -- true
expect_err_has "home other: ... on a run from the run cache too" "warning: HOME is $R/home"
run "home other: -D HOME" env HOME="$R/home" TMPDIR="$R/tmp" "$B" run --no-cache -D HOME="$R/home" $A "$R/prof/agent.buckle" -- true
if grep -q "warning: HOME is" "$TMP/err"; then fail "home other: -D HOME, the caller's own choice, is not warned about" "$(cat "$TMP/err")"
else pass "home other: -D HOME, the caller's own choice, is not warned about"; fi
run "home other: the real home" env HOME="$PW" TMPDIR="$R/tmp" "$B" run --no-cache $A "$R/prof/agent.buckle" -- true
if grep -q "warning: HOME is" "$TMP/err"; then fail "home other: HOME the real home: no warning" "$(cat "$TMP/err")"
else pass "home other: HOME the real home: no warning"; fi
cd / && rm -rf "$R"
