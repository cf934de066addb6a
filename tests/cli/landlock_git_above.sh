# landlock_git_above.sh - git takes the first repository it finds above the
# working directory when the project's own .git is missing or broken: a
# command that may write a directory above the project (TMPDIR there, a
# parent granted whole) must not leave one there unnoticed.  A .git, or a
# HEAD (a bare repository), made in a directory above the working
# directory fails the run and is remembered: the next run started at or
# below it is refused (docs/linux.md, "Denies inside a writable
# directory").  Live.
. tests/lib.sh
linux_only "git above"
if ! command -v git >/dev/null 2>&1; then skip "git above: every check" "git is not installed"; exit 0; fi
runner_env      # $B the test build, with a run cache of the suite's own
unset BUCKLE_SANDBOX_EXEC
R="$TMP/llgitup"
rm -rf "$R"
mkdir -p "$R/up/proj" "$R/home" "$R/prof"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
G="-c user.name=t -c user.email=t@example.org"
(cd "$R/up/proj" && git init -q . && git $G commit -q --allow-empty -m one) || { skip "git above: every check" "git init failed"; exit 0; }
A=--linux-accept=files,new-paths
# TMPDIR the directory above the project: the profile lets the command write it
export HOME="$R/home" TMPDIR="$R/up"
cd "$R/up/proj" || exit 1
run "git above: plant" "$B" run $A "$R/prof/agent.buckle" -- sh -c \
    "cd .. && git init -q . && echo planted-above; cd proj && echo garbage >.git/HEAD; exit 0"
landlock_or_exit "git above"
if [ -e "$R/up/.git" ]; then
    expect_rc "git above: a repository made above the project fails the run" 125
    expect_err_has "git above: ... naming it" "$R/up/.git exists after the run"
    run "git above: next" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "git above: ... and the next run from the project is refused" 125
    expect_err_has "git above: ... naming it" "$R/up/.git was made by the sandboxed command of an earlier run"
else
    pass "git above: the directory above the project is not writable here (no user namespace)"
fi
rm -rf "$R/up/.git"
git -C "$R/up/proj" update-ref HEAD "$(git -C "$R/up/proj" rev-parse refs/heads/master 2>/dev/null || git -C "$R/up/proj" rev-parse refs/heads/main)" 2>/dev/null
printf 'ref: refs/heads/master\n' >"$R/up/proj/.git/HEAD"
# a bare repository: HEAD (with objects/ and refs/) in the directory above
run "git above: bare" "$B" run $A "$R/prof/agent.buckle" -- sh -c \
    "cd .. && mkdir -p objects refs && echo 'ref: refs/heads/x' >HEAD; exit 0"
if [ -e "$R/up/HEAD" ]; then
    expect_rc "git above: a bare repository made above the project fails the run" 125
    expect_err_has "git above: ... naming its HEAD" "$R/up/HEAD exists after the run"
else
    pass "git above: (bare) the directory above the project is not writable here"
fi
# a run that leaves none: runs as before
rm -rf "$R/up/HEAD" "$R/up/objects" "$R/up/refs"
run "git above: none" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "git above: with nothing made above, the run goes on" 0
cd / && rm -rf "$R"
