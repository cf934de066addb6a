# landlock_hardlink.sh - a profile source, or buckle itself, with a second
# name (a hard link) is refused: Landlock's grants reach a file under every
# name, so the command could write it through the other one and choose
# what the next run enforces (docs/linux.md, "A profile source another
# local user could rewrite").  A link made after a run is seen by the
# next one, whose run cache entry no longer holds.  Live.
. tests/lib.sh
linux_only "landlock hardlink"
runner_env      # $B the test build, with a run cache of the suite's own
REPO=$(pwd)
unset BUCKLE_SANDBOX_EXEC
R="$TMP/llhl"
rm -rf "$R"
mkdir -p "$R/w/.buckle" "$R/home" "$R/tmp" "$R/x/bin" "$R/x/corpus"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/w/.buckle/agent.buckle"
A=--linux-accept=files
export HOME="$R/home" TMPDIR="$R/tmp"
cd "$R/w" || exit 1

# one name: runs (and fills the run cache)
run "landlock hardlink: one name" "$B" run $A .buckle/agent.buckle -- true
landlock_or_exit "landlock hardlink"
expect_rc "landlock hardlink: a profile with one name runs" 0
# a second name in the project, which the profile lets the command write
ln .buckle/agent.buckle docs-agent.buckle
run "landlock hardlink: two names" "$B" run $A .buckle/agent.buckle -- sh -c 'printf "default allow;\n" > docs-agent.buckle; echo WROTE'
expect_rc "landlock hardlink: a profile with a second name is refused (the cached plan too)" 125
expect_err_has "landlock hardlink: ... saying why" ".buckle/agent.buckle has 2 names (hard links)"
case "$OUT" in *WROTE*) fail "landlock hardlink: ... and nothing runs" "$OUT";; *) pass "landlock hardlink: ... and nothing runs";; esac
grep -q std/agent .buckle/agent.buckle && pass "landlock hardlink: ... the profile is as it was" \
    || fail "landlock hardlink: ... the profile is as it was" "$(cat .buckle/agent.buckle)"
rm -f docs-agent.buckle
run "landlock hardlink: one name again" "$B" run $A .buckle/agent.buckle -- true
expect_rc "landlock hardlink: once the other name is gone, it runs" 0

# a base of the standard library with a second name in TMPDIR
cp "$B" "$R/x/bin/buckle"
cp -R "$REPO/corpus/std" "$R/x/corpus/std"
run "landlock hardlink: std, one name" "$R/x/bin/buckle" run $A .buckle/agent.buckle -- true
expect_rc "landlock hardlink: a copy of buckle and its library runs" 0
ln "$R/x/corpus/std/agent.buckle" "$R/tmp/agent-link.buckle"
run "landlock hardlink: std, two names" "$R/x/bin/buckle" run $A .buckle/agent.buckle -- true
expect_rc "landlock hardlink: a standard library file with a second name is refused" 125
expect_err_has "landlock hardlink: ... naming it" "$R/x/corpus/std/agent.buckle has 2 names"
rm -f "$R/tmp/agent-link.buckle"
# buckle itself
ln "$R/x/bin/buckle" "$R/tmp/buckle-link"
run "landlock hardlink: buckle, two names" "$R/x/bin/buckle" run $A .buckle/agent.buckle -- true
expect_rc "landlock hardlink: buckle with a second name is refused (the cached plan too)" 125
expect_err_has "landlock hardlink: ... naming it" "$R/x/bin/buckle has 2 names"
cd / && rm -rf "$R"
