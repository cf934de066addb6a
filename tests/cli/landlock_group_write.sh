# landlock_group_write.sh - where the caller's primary group has other
# members (a shared "users" group), the seccomp filter refuses a chmod that
# adds write for the group, as it refuses write for every user: a file the
# profile denies writing (~/.bashrc, .git/hooks) made group-writable would
# be writable by the group's other members outside the sandbox.  With a
# private group (no other member) it stays allowed, but for root, which owns
# files of groups it is not in (docs/linux.md, the seccomp table).  Live; the shared group as uid 65534 (needs root and
# setpriv, and nobody's group shared with another account).
. tests/lib.sh
linux_only "group write"
runner_env
unset BUCKLE_SANDBOX_EXEC
U=$(mktemp -d /var/tmp/buckle-grpw.XXXXXX)
chmod 755 "$U"
U=$(cd "$U" && pwd -P)
trap 'rm -rf "$U"' EXIT
mkdir -p "$U/corpus" "$U/prof" "$U/w" "$U/home" "$U/tmp" "$U/cp"
cp "$B" "$U/buckle"
cp "$BUILD/sysprobe" "$U/w/sysprobe"
cp -R corpus/std "$U/corpus/std"
printf 'extends "std/agent";\n' >"$U/prof/agent.buckle"
echo x >"$U/w/f"
chmod 644 "$U/w/f"
chmod -R a+rX "$U"
A=--linux-accept=files
inrun() {  # NAME PREFIX... -- CMD...
    _n=$1; shift
    _p=""
    while [ "$1" != -- ]; do _p="$_p $1"; shift; done
    shift
    run "$_n" sh -c "cd '$U/w' && $_p env HOME='$U/home' TMPDIR='$U/tmp' BUCKLE_TEST_CACHE_PARENT='$U/cp' \"\$@\"" sh "$@"
}
# the caller's own group here: private or not, as the password database says
private=1
[ "$(awk -F: -v g="$(id -g)" -v u="$(id -u)" '$4==g && $3!=u' /etc/passwd | wc -l)" = 0 ] || private=0
[ -z "$(awk -F: -v g="$(id -g)" '$3==g {print $4}' /etc/group)" ] || private=0
inrun "group write: own" -- "$U/buckle" run $A "$U/prof/agent.buckle" -- ./sysprobe chmod f 664
landlock_or_exit "group write"
if [ "$(id -u)" = 0 ]; then
    # root owns files of groups it is not in (/etc/shadow root:shadow):
    # refused whatever root's own group is
    expect_out_has "group write: as root, g+w is refused" "refused: Operation not permitted"
    chgrp 4 "$U/w/f"
    inrun "group write: root, another group" -- "$U/buckle" run $A "$U/prof/agent.buckle" -- ./sysprobe chmod f 664
    expect_out_has "group write: as root, g+w of a file of another group is refused" "refused: Operation not permitted"
    [ "$(stat -c %a "$U/w/f")" = 644 ] && pass "group write: ... its mode stays" || fail "group write: ... its mode stays" "$(stat -c %a "$U/w/f")"
    chgrp 0 "$U/w/f"
elif [ "$private" = 1 ]; then expect_out_has "group write: with a private group, g+w is allowed" "allowed"; fi
chmod 644 "$U/w/f"
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1; then skip "group write: a shared group" "needs root and setpriv"; exit 0; fi
if [ "$(awk -F: '$4==65534 && $3!=65534' /etc/passwd | wc -l)" = 0 ]; then skip "group write: a shared group" "group 65534 is nobody's own here"; exit 0; fi
chown -R 65534:65534 "$U/w" "$U/home" "$U/tmp" "$U/cp"
inrun "group write: shared" setpriv --reuid=65534 --regid=65534 --clear-groups -- "$U/buckle" run $A "$U/prof/agent.buckle" -- ./sysprobe chmod f 664
expect_out_has "group write: with a shared primary group, g+w is refused" "refused: Operation not permitted"
[ "$(stat -c %a "$U/w/f")" = 644 ] && pass "group write: ... the mode stays" || fail "group write: ... the mode stays" "$(stat -c %a "$U/w/f")"
inrun "group write: shared, other bits" setpriv --reuid=65534 --regid=65534 --clear-groups -- "$U/buckle" run $A "$U/prof/agent.buckle" -- ./sysprobe chmod f 600
expect_out_has "group write: ... other changes of mode stay allowed" "allowed"
