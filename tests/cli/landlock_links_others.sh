# landlock_links_others.sh - the look for hard links before the run
# (docs/linux.md, "Hard links beneath a write grant") passes over another
# user's directory the user cannot search, on either side: beneath it no
# file can be reached by a path, so the command, run as this user, can
# neither write one there nor link one from there.  `default allow` with a
# deny inside such a directory still counts as writing nearly everywhere
# (it ran into "/lost+found cannot be read"), and a grant of one is not
# looked into; a directory the user can search but not list is still a
# place whose files the command may write, and the run is refused there,
# on either side (a denied one, with a file there the user may write
# linked from a place the command may write, is not passed over).
# Live, as uid 65534 through setpriv (the directories are root's).
. tests/lib.sh
linux_only "links others"
runner_env
unset BUCKLE_SANDBOX_EXEC BUCKLE_PATH
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1; then
    skip "links others: every check" "needs root (another user's directories, uid 65534) and setpriv"
    exit 0
fi
as="setpriv --reuid=65534 --regid=65534 --clear-groups"
U=$(mktemp -d /var/tmp/buckle-llothers.XXXXXX)
chmod 755 "$U"
U=$(cd "$U" && pwd -P)
trap 'rm -rf "$U"' EXIT
mkdir -p "$U/w" "$U/home" "$U/tmp" "$U/cp" "$U/prof" "$U/locked" "$U/closed" "$U/share/half" "$U/kept"
cp "$B" "$U/buckle"
echo s >"$U/locked/secret"
echo f >"$U/share/half/f"
chmod 666 "$U/share/half/f"
echo k >"$U/kept/k"
chmod 666 "$U/kept/k"
ln "$U/kept/k" "$U/home/k"
chmod -R a+rX "$U"
chmod 700 "$U/locked" "$U/closed"
chmod 711 "$U/share/half" "$U/kept"
chown 65534:65534 "$U/w" "$U/home" "$U/tmp" "$U/cp"
printf 'default allow;\nfiles { deny write "%s/locked/secret"; }\n' "$U" >"$U/prof/nearly.buckle"
printf 'default deny;\nfiles { allow read "/"; allow write "%s/w", "%s"; }\nprocess { allow exec "/"; allow fork; }\n' "$U" "$U/closed" >"$U/prof/closed.buckle"
printf 'default deny;\nfiles { allow read "/"; allow write "%s/w", "%s"; }\nprocess { allow exec "/"; allow fork; }\n' "$U" "$U/share" >"$U/prof/half.buckle"
printf 'default allow;\nfiles { deny write "%s"; }\n' "$U/kept" >"$U/prof/kept.buckle"
chmod a+r "$U/prof"/*
inrun() {  # NAME PROFILE
    run "$1" sh -c "cd '$U/w' && $as env HOME='$U/home' TMPDIR='$U/tmp' BUCKLE_TEST_CACHE_PARENT='$U/cp' '$U/buckle' run --linux-accept=files '$U/prof/$2.buckle' -- sh -c 'echo RAN'"
}
inrun "links others: probe" nearly
landlock_or_exit "links others"
expect_rc "links others: default allow with a deny inside root's unreadable directory runs" 0
expect_out_has "links others: ... the command ran" RAN
grep -qF "cannot be read" "$TMP/err" && fail "links others: ... no directory said to be unreadable" "$(head -c 600 "$TMP/err")" \
    || pass "links others: ... no directory said to be unreadable"
inrun "links others: closed grant" closed
expect_rc "links others: a grant of root's directory the user cannot search runs" 0
expect_out_has "links others: ... the command ran" RAN
inrun "links others: half" half
expect_rc "links others: a grant holding root's directory the user can search but not list is refused" 125
expect_err_has "links others: ... naming it" "$U/share/half cannot be read"
inrun "links others: kept" kept
expect_rc "links others: a deny of root's directory the user can search but not list, with a file there linked from elsewhere, is refused" 125
expect_out_lacks "links others: ... the command did not run" RAN
expect_err_has "links others: ... naming it" "$U/kept cannot be read"
