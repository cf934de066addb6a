# setuid.sh - buckle installed set-user-ID or set-group-ID refuses to start
# (exit 125) before it reads anything: it would read every file (its
# diagnostics quote them) and run every command as its owner for whoever
# starts it (docs/runner.md).  Needs root (to make the copy and become
# another user) and setpriv.
. tests/lib.sh
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1; then skip "setuid: every check" "needs root and setpriv"; exit 0; fi
D=$(mktemp -d /var/tmp/buckle-setuid.XXXXXX)
chmod 755 "$D"
cp "$BUCKLE" "$D/buckle"
printf 'root-only\n' >"$D/secret"
chmod 600 "$D/secret"
chmod 4755 "$D/buckle"
U="setpriv --reuid=65534 --regid=65534 --clear-groups"
run "setuid: lint" $U "$D/buckle" lint "$D/secret"
expect_rc "setuid: a set-user-ID buckle refuses to start" 125
expect_err_has "setuid: ... saying why" "buckle was started set-user-ID or set-group-ID"
case "$OUT$ERR" in *root-only*) fail "setuid: ... and reads nothing" "$OUT$ERR";; *) pass "setuid: ... and reads nothing";; esac
chmod 2755 "$D/buckle"
run "setgid: version" $U "$D/buckle" --version
expect_rc "setuid: a set-group-ID buckle refuses to start too" 125
chmod 755 "$D/buckle"
run "setuid: plain" $U "$D/buckle" --version
expect_rc "setuid: without the bits it starts" 0
rm -rf "$D"
