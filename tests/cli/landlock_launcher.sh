# landlock_launcher.sh - the name buckle was started by (a link to it in
# the project, found as typed or through PATH) is protected like buckle
# itself: the command can neither replace nor remove it, so the next
# `buckle run` started by that name is still buckle (docs/runner.md, "What
# is protected").  Live.
. tests/lib.sh
linux_only "launcher"
runner_env      # $B the test build, with a run cache of the suite's own
unset BUCKLE_SANDBOX_EXEC
R="$TMP/lllaunch"
rm -rf "$R"
mkdir -p "$R/w/bin" "$R/home" "$R/tmp" "$R/prof"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
ln -s "$B" "$R/w/bb"
echo one >"$R/w/other.txt"
ln -s "$B" "$R/w/bin/buckle"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/tmp"
cd "$R/w" || exit 1
run "launcher: as typed" ./bb run $A "$R/prof/agent.buckle" -- sh -c 'rm -f bb; printf "#!/bin/sh\necho EVIL\n" >bb; chmod +x bb; echo two >>other.txt'
landlock_or_exit "launcher"
[ -L "$R/w/bb" ] && [ "$(readlink "$R/w/bb")" = "$B" ] && pass "launcher: the link buckle was started by (./bb) cannot be replaced" \
    || fail "launcher: the link buckle was started by (./bb) cannot be replaced" "$(ls -la "$R/w"; cat "$TMP/err")"
grep -q two "$R/w/other.txt" && pass "launcher: ... the project's files stay writable" || fail "launcher: ... the project's files stay writable" "$(cat "$TMP/err")"
run "launcher: through PATH" env PATH="$R/w/bin:$PATH" buckle run $A "$R/prof/agent.buckle" -- sh -c 'rm -f bin/buckle; printf "#!/bin/sh\necho EVIL\n" >bin/buckle; chmod +x bin/buckle; exit 0'
[ -L "$R/w/bin/buckle" ] && [ "$(readlink "$R/w/bin/buckle")" = "$B" ] && pass "launcher: the link PATH found buckle by cannot be replaced" \
    || fail "launcher: the link PATH found buckle by cannot be replaced" "$(ls -la "$R/w/bin"; cat "$TMP/err")"
# found through PATH after a directory the command may write (the
# project's bin, an activated .venv/bin): a buckle it makes there is found
# after the run and moved aside, or the next `buckle` would be the
# command's (tests/cli/landlock_shadow.sh has the rest)
mkdir -p "$R/sys" "$R/w/early"
ln -s "$B" "$R/sys/buckle"
for acc in files files,new-paths; do
    rm -f "$R/w/early/buckle" "$R/w/early"/buckle.planted-*
    run "launcher: shadowed ($acc)" env PATH="$R/w/early:$R/sys:$PATH" buckle run --linux-accept=$acc "$R/prof/agent.buckle" -- sh -c 'printf "#!/bin/sh\necho EVIL\n" >early/buckle; chmod +x early/buckle; echo two >>other.txt; exit 0'
    expect_rc "launcher: ($acc) a buckle made in a PATH directory before buckle's fails the run" 125
    expect_err_has "launcher: ($acc) ... naming it" "$R/w/early/buckle exists after the run"
    [ ! -e "$R/w/early/buckle" ] && pass "launcher: ($acc) ... it is moved aside" || fail "launcher: ($acc) ... it is moved aside" "$(ls -la "$R/w/early")"
    grep -q two "$R/w/other.txt" && pass "launcher: ($acc) ... the project's files stay writable" \
        || fail "launcher: ($acc) ... the project's files stay writable" "$(cat "$TMP/err")"
    run "launcher: shadowed next ($acc)" env PATH="$R/w/early:$R/sys:$PATH" buckle run --linux-accept=$acc "$R/prof/agent.buckle" -- true
    expect_rc "launcher: ($acc) ... the next run through PATH is buckle's" 0
done
cd / && rm -rf "$R"
