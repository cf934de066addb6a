# landlock_links_unread.sh - the walk after the run for links out of the
# working directory (docs/linux.md, "Links out of the working directory")
# looks into every directory, or names the one it cannot: a command that
# hides a link out in a directory it made unreadable (chmod 311: search
# still lets `cd lock/comp` and git in) fails the run (exit 125), naming
# that directory.  Live, as an unprivileged user (root reads every
# directory): uid 65534 through setpriv when the suite runs as root.
. tests/lib.sh
linux_only "links unread"
runner_env
unset BUCKLE_SANDBOX_EXEC BUCKLE_PATH
unprivileged "links unread"
U=$(mktemp -d /var/tmp/buckle-llunread.XXXXXX)
chmod 755 "$U"
U=$(cd "$U" && pwd -P)
trap 'chmod -R u+rwx "$U" 2>/dev/null; rm -rf "$U"' EXIT
mkdir -p "$U/w/src" "$U/home" "$U/tmp" "$U/cp"
agent_copy "$U" "$B"
chmod -R a+rX "$U"
[ -n "$as" ] && chown -R 65534:65534 "$U/w" "$U/home" "$U/tmp" "$U/cp"
inrun() {  # NAME COMMAND
    run "$1" sh -c "cd '$U/w' && $as env HOME='$U/home' TMPDIR='$U/tmp' BUCKLE_TEST_CACHE_PARENT='$U/cp' '$U/buckle' run --linux-accept=files '$U/prof/agent.buckle' -- sh -c '$2'"
}
inrun "links unread: probe" true
landlock_or_exit "links unread"
expect_rc "links unread: a run that hides nothing" 0
for mode in 311 100 000; do
    inrun "links unread ($mode)" "mkdir -p src/lock$mode && ln -s \$TMPDIR/ev src/lock$mode/comp && chmod $mode src/lock$mode && echo HIDDEN"
    expect_out_has "links unread: (chmod $mode) the command hid a link out in a directory it cannot be listed" HIDDEN
    expect_rc "links unread: (chmod $mode) ... the run fails" 125
    expect_err_has "links unread: (chmod $mode) ... naming the directory" "$U/w/src/lock$mode cannot be looked at after the run"
    chmod 755 "$U/w/src/lock$mode"
    rm -rf "$U/w/src/lock$mode"
done
