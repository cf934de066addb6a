# landlock_tty.sh - a command that stops its terminal's output (TCOOFF,
# with IXON cleared so that Ctrl-Q does nothing) before it ends must not
# keep buckle from saying what it planted, nor from remembering it: the
# planted paths are recorded before buckle writes to the descriptors the
# command shared, and the terminal's output is started again first
# (docs/linux.md, "Denies inside a writable directory"); nor does a
# reader that went away (SIGPIPE).  Live, on a pseudo-terminal (script);
# the probe stops it through standard input, its own standard error aside
# (an instrumented build writes there as it exits, and would wait).
. tests/lib.sh
linux_only "landlock tty"
if ! command -v script >/dev/null 2>&1; then skip "landlock tty: every check" "script(1) is not installed"; exit 0; fi
runner_env      # $B the test build, with a run cache of the suite's own
unset BUCKLE_SANDBOX_EXEC
R="$TMP/lltty"
rm -rf "$R"
mkdir -p "$R/w" "$R/home" "$R/tmp" "$R/prof"
R=$(cd "$R" && pwd -P)
cp "$BUILD/sysprobe" "$R/w/sysprobe"
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/tmp"
cd "$R/w" || exit 1
run "landlock tty: probe" "$B" run $A "$R/prof/agent.buckle" -- ./sysprobe open .
landlock_or_exit "landlock tty"
expect_rc "landlock tty: the probe runs under the profile" 0
if ! script -qec true /dev/null >/dev/null 2>&1; then skip "landlock tty: the terminal checks" "no pseudo-terminal here"; exit 0; fi

# on a terminal: plant .husky, then stop the terminal's output
run "landlock tty: stopped" timeout -k 2 60 script -qec "'$B' run $A '$R/prof/agent.buckle' -- sh -c 'mkdir .husky && ./sysprobe ttystop 0 2>/dev/null'" "$R/typescript"
[ "$RC" -ne 124 ] && [ "$RC" -ne 137 ] && pass "landlock tty: buckle ends although the command stopped the terminal's output" \
    || fail "landlock tty: buckle ends although the command stopped the terminal's output" "rc $RC"
grep -q "$R/w/.husky exists after the run" "$R/typescript" && pass "landlock tty: ... and names the planted path on the terminal" \
    || fail "landlock tty: ... and names the planted path on the terminal" "$(head -c 400 "$R/typescript")"
# whatever became of that run, the next one is refused: .husky is not
# taken for the user's own
run "landlock tty: next run" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "landlock tty: the next run is refused while the planted path is there" 125
expect_err_has "landlock tty: ... naming it" "$R/w/.husky was made by the sandboxed command of an earlier run"
rm -rf "$R/w/.husky"
run "landlock tty: removed" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "landlock tty: once it is removed, runs go on" 0

# a reader that goes away (`2>&1 | head -5`: buckle's lines before the
# command, then the command's) after the command printed
# enough: buckle is not killed by SIGPIPE at its report, exits 125 and
# remembers the planted path
( "$B" run $A "$R/prof/agent.buckle" -- sh -c 'mkdir .husky; seq 1 100000' 2>&1; echo "$?" >"$R/status" ) | head -5 >/dev/null
[ "$(cat "$R/status")" = 125 ] && pass "landlock tty: (reader gone) buckle exits 125, not of SIGPIPE" \
    || fail "landlock tty: (reader gone) buckle exits 125, not of SIGPIPE" "status $(cat "$R/status")"
run "landlock tty: after the pipe" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "landlock tty: ... and the next run is refused while the planted path is there" 125
expect_err_has "landlock tty: ... naming it" "$R/w/.husky was made by the sandboxed command of an earlier run"
rm -rf "$R/w/.husky"
cd / && rm -rf "$R"
