# landlock_climb.sh - a relative profile path that climbs with ".." from a
# working directory the shell reaches through a symbolic link: the kernel
# climbs from where the link leads, so a command that replaced a
# subdirectory of the project by a link into its own tree would choose the
# profile `cd sub && buckle run ../.buckle/agent.buckle` compiles.  buckle
# run refuses when the shell's spelling ($PWD) and the kernel's name
# different files (docs/linux.md).  Live.
. tests/lib.sh
linux_only "climb"
runner_env      # $B the test build, with a run cache of the suite's own
unset BUCKLE_SANDBOX_EXEC
R="$TMP/llclimb"
rm -rf "$R"
mkdir -p "$R/w/.buckle" "$R/w/sub2" "$R/w/sub3" "$R/home" "$R/tmp/evil/.buckle" "$R/tmp/evil/sub2" "$R/secret"
R=$(cd "$R" && pwd -P)
echo S3CRET >"$R/secret/s"
printf 'extends "std/agent";\nfiles { deny read "%s/secret"; }\n' "$R" >"$R/w/.buckle/agent.buckle"
printf 'default allow;\n' >"$R/tmp/evil/.buckle/agent.buckle"
# what the command would have done: sub2 replaced by a link into its tree
rmdir "$R/w/sub2" && ln -s "$R/tmp/evil/sub2" "$R/w/sub2"
A=--linux-accept=files
export HOME="$R/home" TMPDIR="$R/tmp"
run "climb: through the link" sh -c "cd '$R/w/sub2' && PWD='$R/w/sub2' '$B' run $A ../.buckle/agent.buckle -- cat '$R/secret/s'"
landlock_or_exit "climb"
expect_rc "climb: a profile path climbing out of a linked working directory is refused" 125
expect_err_has "climb: ... naming both spellings" "../.buckle/agent.buckle climbs with \"..\" out of the working directory, which the shell shows as $R/w/sub2 but is really $R/tmp/evil/sub2"
expect_out_lacks "climb: ... and nothing is read" "S3CRET"
# a real subdirectory: the same path runs
run "climb: a real directory" sh -c "cd '$R/w/sub3' && PWD='$R/w/sub3' '$B' run $A ../.buckle/agent.buckle -- cat '$R/secret/s'"
expect_err_has "climb: ... from a real subdirectory it runs (the deny holds)" "Permission denied"
cd / && rm -rf "$R"
