# landlock_nsholds.sh - `buckle run` on Linux with the command's own mount
# namespace (--linux-accept=new-paths): a deny held by a read-only mount
# holds under every name the mount table gives the path (a bind of a
# directory above the project; as an unprivileged user too), and query says
# so; the check after the run names each denied path the command made once,
# and remembers them: a later run in that directory refuses to start while
# one is still there (docs/linux.md, "Denies inside a writable directory",
# "Bind mounts").  Live, as root and as an unprivileged user.
. tests/lib.sh
linux_only "landlock nsholds"
needs_git "landlock nsholds"
unset BUCKLE_SANDBOX_EXEC BUCKLE_PATH
A="--no-cache --linux-accept=files,new-paths"
U=$(mktemp -d "${TMPDIR:-/tmp}/buckle-llnh.XXXXXX")
chmod 755 "$U"
U=$(cd "$U" && pwd -P)
trap 'chmod -R u+rwX "$U" 2>/dev/null; rm -rf "$U"' EXIT
agent_copy "$U" "$BUCKLE"
chmod -R a+rX "$U"
B=$U/buckle
P=$U/prof/agent.buckle
G="-c user.name=t -c user.email=t@example.org"
ROOT=0; [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 && ROOT=1
NB="setpriv --reuid=65534 --regid=65534 --clear-groups"

# a user's world: a home, a temporary directory, a project with a commit
world() {  # DIR [PREFIX...]
    _d=$1; shift
    "$@" mkdir -p "$_d/home" "$_d/tmp" "$_d/w"
    "$@" git init -q "$_d/w" && echo one >"$_d/w/one" && (cd "$_d/w" && "$@" git add one && "$@" git $G commit -qm one)
}
# inrun DIR DIRECTORY [PREFIX...] -- COMMAND...: buckle run in DIRECTORY
inrun() {
    _d=$1; _w=$2; shift 2
    _p=""
    while [ "$1" != -- ]; do _p="$_p $1"; shift; done
    shift
    run "landlock nsholds" sh -c "cd '$_w' && $_p env HOME='$_d/home' TMPDIR='$_d/tmp' \"\$@\"" sh "$@"
}

R=$U/root
world "$R"
inrun "$R" "$R/w" -- "$B" run $A "$P" -- true
landlock_or_exit "landlock nsholds"
if ! grep -q "mount" "$TMP/err"; then skip "landlock nsholds: every check" "no user namespace here"; exit 0; fi

# the check after the run names every denied path the command made
inrun "$R" "$R/w" -- "$B" run $A "$P" -- sh -c "mkdir -p .git/modules/m/hooks .vscode .husky && echo '{}' >.vscode/tasks.json && echo x >lefthook.yml"
expect_rc "landlock nsholds: several denied paths made: the run fails" 125
for _n in .git/modules .vscode .husky lefthook.yml; do
    expect_err_has "landlock nsholds: ... and names $_n" "$R/w/$_n exists after the run"
done
[ "$(grep -c "$R/w/.git/modules exists after the run" "$TMP/err")" -eq 1 ] \
    && pass "landlock nsholds: ... each once (.git/modules is the directory of three rules)" \
    || fail "landlock nsholds: ... each once (.git/modules is the directory of three rules)" "$(cat "$TMP/err")"
rm -rf "$R/w/.git/modules" "$R/w/.vscode" "$R/w/.husky" "$R/w/lefthook.yml"
# ... and the next runs do not take what is left for the user's own (the
# test build, with a run cache of the test's own)
BT=$(cd "$BUILD" && pwd)/buckle-test
mkdir -p "$U/cache"
BUCKLE_TEST_CACHE_PARENT=$U/cache
export BUCKLE_TEST_CACHE_PARENT
inrun "$R" "$R/w" -- "$BT" run $A "$P" -- sh -c "mkdir -p .git/modules/m/hooks .vscode && echo '{}' >.vscode/tasks.json"
expect_rc "landlock nsholds: (remembered) two denied paths made: the run fails" 125
rm -rf "$R/w/.git/modules"
inrun "$R" "$R/w" -- "$BT" run $A "$P" -- sh -c "echo RAN"
expect_rc "landlock nsholds: ... one of them removed: the next run refuses while the other is there" 125
expect_err_has "landlock nsholds: ... naming it" "$R/w/.vscode was made by the sandboxed command of an earlier run"
expect_out_lacks "landlock nsholds: ... and runs nothing" "RAN"
mkdir -p "$R/other"
inrun "$R" "$R/other" -- "$BT" run $A "$P" -- sh -c "echo RAN"
expect_rc "landlock nsholds: ... a run elsewhere (another project) is not refused" 0
rm -rf "$R/w/.vscode"
inrun "$R" "$R/w" -- "$BT" run $A "$P" -- sh -c "echo RAN"
expect_rc "landlock nsholds: ... removed: the next run runs" 0
mkdir "$R/w/.vscode"
inrun "$R" "$R/w" -- "$BT" run $A "$P" -- sh -c "echo RAN"
expect_rc "landlock nsholds: ... and one the user makes again is the user's own" 0
rmdir "$R/w/.vscode"
unset BUCKLE_TEST_CACHE_PARENT

# other names of the project through other mounts (a bind of the project,
# a bind of a directory above it): the read-only mounts hold there too;
# made in a mount namespace of the test's own
if [ "$ROOT" -eq 1 ] && command -v unshare >/dev/null 2>&1 && unshare -m --propagation private true 2>/dev/null; then
    mkdir -p "$R/tmp/view" "$U/up"
    cp "$R/w/.git/config" "$R/config.before"
    printf '#!/bin/sh\nmount --bind "%s/w" "%s/tmp/view" && mount --bind "%s" "%s/up" && exec "$@"\n' "$R" "$R" "$R" "$U" >"$U/binds.sh"
    chmod 755 "$U/binds.sh"
    inrun "$R" "$R/w" unshare -m --propagation private "$U/binds.sh" -- "$B" run $A "$P" -- sh -c "
        echo evil >'$R/tmp/view/.git/hooks/pre-commit'; echo x >>'$R/tmp/view/.git/config'
        echo evil >'$U/up/w/.git/hooks/pre-push'; echo x >>'$U/up/w/.git/config'
        echo x >new.txt && git add new.txt && echo ADDED"
    [ ! -e "$R/w/.git/hooks/pre-commit" ] && [ ! -e "$R/w/.git/hooks/pre-push" ] && cmp -s "$R/w/.git/config" "$R/config.before" \
        && [ "$(grep -c 'Read-only file system' "$TMP/err")" -eq 4 ] \
        && pass "landlock nsholds: .git/hooks and .git/config stay read-only through another mount of the project or of a directory above it" \
        || fail "landlock nsholds: .git/hooks and .git/config stay read-only through another mount of the project or of a directory above it" "rc $RC: $(ls "$R/w/.git/hooks"; cat "$TMP/err")"
    expect_out_has "landlock nsholds: ... while the project is still granted whole (git add)" "ADDED"
    (cd "$R/w" && git reset -q && rm -f new.txt)
    # as an unprivileged user, the bind made by root beforehand
    N=$U/nobody
    mkdir -p "$N"
    chown 65534:65534 "$N"
    world "$N" $NB env HOME="$N/home"
    $NB mkdir -p "$N/tmp/view"
    printf '#!/bin/sh\nmount --bind "%s/w" "%s/tmp/view" && exec "$@"\n' "$N" "$N" >"$U/binds2.sh"
    chmod 755 "$U/binds2.sh"
    inrun "$N" "$N/w" unshare -m --propagation private "$U/binds2.sh" $NB -- "$B" run $A "$P" -- sh -c "
        echo evil >'$N/tmp/view/.git/hooks/pre-commit'; echo x >>'$N/tmp/view/.git/config'"
    [ ! -e "$N/w/.git/hooks/pre-commit" ] && [ "$(grep -c 'Read-only file system' "$TMP/err")" -eq 2 ] \
        && pass "landlock nsholds: ... as an unprivileged user too" \
        || fail "landlock nsholds: ... as an unprivileged user too" "rc $RC: $(cat "$TMP/err")"
    unshare -m --propagation private "$U/binds.sh" "$B" query --platform linux --linux-accept files,new-paths -D WORKDIR="$R/w" \
        -D HOME="$R/home" -D TMPDIR="$R/tmp" "$P" files write "$U/up/w/.git/hooks/x" >"$TMP/out" 2>&1
    expect_out_has "landlock nsholds: query says the other name is mounted read-only too" "$U/up/w/.git/hooks is mounted read-only"
else
    skip "landlock nsholds: another mount of the project" "needs root, setpriv and unshare -m"
fi

