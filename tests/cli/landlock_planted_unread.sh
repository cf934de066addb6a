# landlock_planted_unread.sh - the record of what sandboxed commands
# planted (docs/linux.md, "Denies inside a writable directory") fails
# closed: a command that takes the search permission from the directory
# above the run cache (chmod 000 ~/.cache: modes are metadata, which
# Landlock does not control) has it put back after its run (which fails),
# or, made so by a run that held nothing, by the next run, which still
# refuses what was planted; a record that cannot be reached at all (a
# directory further up made unsearchable) refuses the run, saying so,
# rather than trust what is there.  Live, as an unprivileged user (root
# searches every directory): uid 65534 through setpriv when the suite
# runs as root.
. tests/lib.sh
linux_only "planted unread"
runner_env
unset BUCKLE_SANDBOX_EXEC BUCKLE_PATH
unprivileged "planted unread"
U=$(mktemp -d /var/tmp/buckle-llpu.XXXXXX)
chmod 755 "$U"
U=$(cd "$U" && pwd -P)
trap 'chmod -R u+rwx "$U" 2>/dev/null; rm -rf "$U"' EXIT
mkdir -p "$U/w" "$U/home" "$U/tmp" "$U/up/cp"
agent_copy "$U" "$B"
chmod -R a+rX "$U"
chmod 700 "$U/up/cp"
[ -n "$as" ] && chown -R 65534:65534 "$U/w" "$U/home" "$U/tmp" "$U/up"
inrun() {  # NAME COMMAND
    run "$1" sh -c "cd '$U/w' && $as env HOME='$U/home' TMPDIR='$U/tmp' BUCKLE_TEST_CACHE_PARENT='$U/up/cp' '$U/buckle' run --linux-accept=files,new-paths '$U/prof/agent.buckle' -- sh -c '$2'"
}
inrun "planted unread: probe" true
landlock_or_exit "planted unread"
expect_rc "planted unread: a run" 0
# the directory the run cache is in, made unsearchable
inrun "planted unread: plant" "mkdir .husky && echo HUSKY >.husky/pre-commit && chmod 000 $U/up/cp && echo PLANTED"
expect_out_has "planted unread: the command plants .husky and makes the run cache's directory unsearchable" PLANTED
expect_rc "planted unread: ... the run fails" 125
expect_err_has "planted unread: ... saying the command changed its mode" "the command changed the mode of $U/up/cp, where the run cache directory is (0000, put back to 0700)"
[ "$(stat -c %a "$U/up/cp")" = 700 ] && pass "planted unread: ... the mode is put back" \
    || fail "planted unread: ... the mode is put back" "$(stat -c %a "$U/up/cp")"
# made so by a run that checked nothing after it (and held nothing)
chmod 000 "$U/up/cp"
inrun "planted unread: next" true
expect_rc "planted unread: ... the next run is still refused" 125
expect_err_has "planted unread: ... the mode put back, with a warning" "$U/up/cp had mode 0000"
expect_err_has "planted unread: ... naming the planted path" "$U/w/.husky was made by the sandboxed command of an earlier run"
# a directory above that buckle does not put back: the run is refused
rm -rf "$U/w/.husky"
inrun "planted unread: plant above" "mkdir .husky && chmod 000 $U/up && echo HIDDEN"
expect_out_has "planted unread: a command plants .husky and makes a directory further up unsearchable" HIDDEN
expect_rc "planted unread: ... the run fails" 125
inrun "planted unread: next above" true
expect_rc "planted unread: ... the next run is refused" 125
expect_err_has "planted unread: ... saying the record cannot be read" "buckle cannot read its record of what the sandboxed commands of earlier runs planted"
chmod 755 "$U/up"
rm -rf "$U/w/.husky"
inrun "planted unread: after" true
expect_rc "planted unread: ... with the modes back and the path gone, the next run runs" 0
