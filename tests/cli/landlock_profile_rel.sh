# landlock_profile_rel.sh - a relative profile argument (`buckle run
# .buckle/agent.buckle`, as an alias has it) is taken from the directory
# buckle is started in: a run started later in src/ compiles
# src/.buckle/agent.buckle.  One the command makes beneath the working
# directory fails the run and is remembered: the run started in src/ is
# refused while it is there; one that was there before is the user's
# (docs/linux.md, "Denies inside a writable directory").  Live.
. tests/lib.sh
linux_only "profile rel"
runner_env
unset BUCKLE_SANDBOX_EXEC BUCKLE_PATH
R="$TMP/llprofrel"
rm -rf "$R"
mkdir -p "$R/w/.buckle" "$R/w/src" "$R/home" "$R/tmp"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/w/.buckle/agent.buckle"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/tmp"
cd "$R/w" || exit 1
run "profile rel: probe" "$B" run $A .buckle/agent.buckle -- true
landlock_or_exit "profile rel"
expect_rc "profile rel: a run with a relative profile path" 0
for d in new src; do
    run "profile rel: $d" "$B" run $A .buckle/agent.buckle -- sh -c \
        "mkdir -p $d/.buckle && printf 'default allow;\n' >$d/.buckle/agent.buckle && echo PLANTED"
    expect_out_has "profile rel: ($d) the command ran" PLANTED
    expect_rc "profile rel: $d/.buckle/agent.buckle made by the command fails the run" 125
    expect_err_has "profile rel: ($d) ... naming it" "$R/w/$d/.buckle/agent.buckle exists after the run"
    [ "$d" = new ] && rm -rf "$R/w/new"
done
run "profile rel: from src" sh -c "cd src && '$B' run $A .buckle/agent.buckle -- true"
expect_rc "profile rel: ... and the run started in src/ is refused" 125
expect_err_has "profile rel: ... naming it" "$R/w/src/.buckle/agent.buckle was made by the sandboxed command of an earlier run"
rm -rf "$R/w/src/.buckle"
# one of the user's, there before the run: the run goes on
mkdir -p "$R/w/src/.buckle"
printf 'extends "std/agent";\n' >"$R/w/src/.buckle/agent.buckle"
run "profile rel: mine" "$B" run $A .buckle/agent.buckle -- sh -c 'mkdir -p lib/.buckle && echo x >lib/.buckle/other.buckle'
expect_rc "profile rel: the user's own in src/, other files made: the run goes on" 0
# made in a directory of another name in one run, renamed into place in the next: the file keeps
# its old change time, but it was not at that path when the second run started
rm -rf "$R/w/src/.buckle"
run "profile rel: rename 1" "$B" run $A .buckle/agent.buckle -- sh -c \
    "mkdir -p stash/y && printf 'default allow;\n' >stash/y/agent.buckle"
expect_rc "profile rel: a profile made under another directory name: the run goes on" 0
run "profile rel: rename 2" "$B" run $A .buckle/agent.buckle -- mv stash/y stash/.buckle
expect_rc "profile rel: a directory renamed to .buckle during the run, around an older profile, fails the run" 125
expect_err_has "profile rel: ... naming it" "$R/w/stash/.buckle/agent.buckle exists after the run"
rm -rf "$R/w/stash"
# an absolute profile path names one file from everywhere
run "profile rel: absolute" "$B" run $A "$R/w/.buckle/agent.buckle" -- sh -c 'mkdir -p lib/.buckle && echo x >lib/.buckle/agent.buckle'
expect_rc "profile rel: with an absolute profile path, the same name elsewhere is not looked at" 0
cd / && rm -rf "$R"
