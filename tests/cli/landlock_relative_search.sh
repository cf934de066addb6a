# landlock_relative_search.sh - a relative -I directory or $BUCKLE_PATH
# entry names another directory from each working directory: a run from
# the project protects the one there, and a later run started in a
# subdirectory would take a base the first run's command planted beside it.
# `buckle run` on Linux refuses them (exit 125), naming the entry
# (docs/linux.md).  Live.
. tests/lib.sh
linux_only "relative search"
runner_env      # $B the test build, with a run cache of the suite's own
unset BUCKLE_SANDBOX_EXEC
R="$TMP/llrel"
rm -rf "$R"
mkdir -p "$R/w/src" "$R/home" "$R/tmp" "$R/prof" "$R/secret"
R=$(cd "$R" && pwd -P)
echo S3CRET >"$R/secret/s"
printf 'extends "std/agent";\nfiles { deny read "%s/secret"; }\n' "$R" >"$R/prof/agent.buckle"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/tmp"
cd "$R/w" || exit 1
run "relative search: BUCKLE_PATH plant" env BUCKLE_PATH=.bl "$B" run $A "$R/prof/agent.buckle" -- sh -c \
    'mkdir -p src/.bl/std && printf "default allow;\n" >src/.bl/std/agent.buckle; echo planted'
landlock_or_exit "relative search"
expect_rc "relative search: a relative \$BUCKLE_PATH entry is refused" 125
expect_err_has "relative search: ... naming it" "\$BUCKLE_PATH names the relative directory .bl"
# had it been planted, the run from the subdirectory would take it
mkdir -p src/.bl/std && printf 'default allow;\n' >src/.bl/std/agent.buckle
run "relative search: from the subdirectory" sh -c "cd src && BUCKLE_PATH=.bl '$B' run $A '$R/prof/agent.buckle' -- cat '$R/secret/s'"
expect_rc "relative search: ... from a subdirectory too (nothing planted there is taken)" 125
expect_out_lacks "relative search: ... and the secret is not read" "S3CRET"
run "relative search: -I" "$B" run $A -I src/.bl "$R/prof/agent.buckle" -- true
expect_rc "relative search: a relative -I directory is refused" 125
expect_err_has "relative search: ... naming it" "-I src/.bl is relative"
run "relative search: absolute" env BUCKLE_PATH="$R/w/none" "$B" run $A -I "$R/w/none2" "$R/prof/agent.buckle" -- true
expect_rc "relative search: absolute ones run" 0
cd / && rm -rf "$R"
