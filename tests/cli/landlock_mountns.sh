# landlock_mountns.sh - `buckle run` on Linux with std/agent in a git
# repository: the denies of writing inside the project are read-only mounts
# in the command's own user and mount namespace, so the project and .git are
# granted whole (git add and commit work, a new file can be made at the top
# level and in .git), while .git/hooks and .git/config stay read-only and
# neither they nor .git can be removed or renamed; a denied path that did
# not exist at launch (class new-paths) fails the run when the command made
# it; without user namespaces (the test build's hook) the plan is as before
# (docs/linux.md, "Denies inside a writable directory").  Live, as root and
# as an unprivileged user.
. tests/lib.sh
# the line of std/agent's final deny of writing .husky
HL=$(line_of corpus/std/agent.buckle 'deny final write "$WORKDIR/.husky"')
linux_only "landlock mountns"
needs_git "landlock mountns"
unset BUCKLE_SANDBOX_EXEC
A=--linux-accept=files,new-paths
BT=$(cd "$BUILD" && pwd)/buckle-test
# buckle and the standard library beside it, readable by an unprivileged
# user (the test's own directory is not)
U=$(mktemp -d "${TMPDIR:-/tmp}/buckle-llns.XXXXXX")
chmod 755 "$U"
U=$(cd "$U" && pwd -P)
trap 'rm -rf "$U"' EXIT
agent_copy "$U" "$BUCKLE"
chmod -R a+rX "$U"
B=$U/buckle
P=$U/prof/agent.buckle
G="-c user.name=t -c user.email=t@example.org"

# a user's world: a home, a temporary directory, a project with a commit
world() {  # DIR [PREFIX...]
    _d=$1; shift
    "$@" mkdir -p "$_d/home" "$_d/tmp" "$_d/w"
    "$@" git init -q "$_d/w" && echo one >"$_d/w/one" && (cd "$_d/w" && "$@" git add one && "$@" git $G commit -qm one)
}
# inrun DIR LABEL [PREFIX...] -- COMMAND...: buckle run in DIR/w
inrun() {
    _d=$1; _l=$2; shift 2
    _p=""
    while [ "$1" != -- ]; do _p="$_p $1"; shift; done
    shift
    run "landlock mountns: $_l" sh -c "cd '$_d/w' && $_p env HOME='$_d/home' TMPDIR='$_d/tmp' \"\$@\"" sh "$@"
}

checks() {  # DIR LABEL [PREFIX...]
    _D=$1; _L=$2; shift 2
    inrun "$_D" "($_L) git" "$@" -- "$B" run $A "$P" -- sh -c "echo x >a && git add a && git $G commit -qm two && echo top >new.txt && echo in >.git/newfile && mkdir -p src/deep && echo ok"
    if grep -q "offers no Landlock" "$TMP/err"; then skip "landlock mountns: ($_L) every check" "this kernel has no Landlock"; return; fi
    expect_rc "landlock mountns: ($_L) std/agent: git add and git commit work in the project" 0
    [ "$(cd "$_D/w" && "$@" git log --format=%s | head -1)" = two ] && [ -f "$_D/w/new.txt" ] && [ -f "$_D/w/.git/newfile" ] \
        && pass "landlock mountns: ($_L) ... the commit is made, and new files at the top level and in .git" \
        || fail "landlock mountns: ($_L) ... the commit is made, and new files at the top level and in .git" "$(ls -la "$_D/w"; cat "$TMP/err")"
    expect_err_has "landlock mountns: ($_L) ... the summary counts the mounts" "3 mounts"
    inrun "$_D" "($_L) hook" "$@" -- "$B" run $A "$P" -- sh -c "echo evil >.git/hooks/pre-commit"
    [ "$RC" -ne 0 ] && [ ! -e "$_D/w/.git/hooks/pre-commit" ] && grep -q "Read-only file system" "$TMP/err" \
        && pass "landlock mountns: ($_L) writing into .git/hooks fails (EROFS)" \
        || fail "landlock mountns: ($_L) writing into .git/hooks fails (EROFS)" "rc $RC: $(cat "$TMP/err")"
    cp "$_D/w/.git/config" "$_D/config.before"
    inrun "$_D" "($_L) config" "$@" -- "$B" run $A "$P" -- sh -c "echo '[core]fsmonitor=evil' >>.git/config; git config core.pager evil"
    [ "$RC" -ne 0 ] && cmp -s "$_D/w/.git/config" "$_D/config.before" \
        && pass "landlock mountns: ($_L) .git/config cannot be changed (appended to, or replaced by git config)" \
        || fail "landlock mountns: ($_L) .git/config cannot be changed (appended to, or replaced by git config)" "rc $RC: $(cat "$TMP/err")"
    inrun "$_D" "($_L) mv hooks" "$@" -- "$B" run $A "$P" -- sh -c "mv .git/hooks .git/h2 || rm -rf .git/hooks; mkdir -p .git/hooks; echo evil >.git/hooks/pre-commit"
    [ "$RC" -ne 0 ] && [ ! -e "$_D/w/.git/h2" ] && [ ! -e "$_D/w/.git/hooks/pre-commit" ] && [ -n "$(ls "$_D/w/.git/hooks")" ] \
        && pass "landlock mountns: ($_L) .git/hooks can be neither renamed nor removed" \
        || fail "landlock mountns: ($_L) .git/hooks can be neither renamed nor removed" "rc $RC: $(cat "$TMP/err")"
    expect_err_has "landlock mountns: ($_L) ... a mount point (EBUSY)" "busy"
    inrun "$_D" "($_L) mv .git" "$@" -- "$B" run $A "$P" -- sh -c "mv .git .gitx && mkdir -p .git/hooks && echo evil >.git/hooks/pre-commit"
    [ "$RC" -ne 0 ] && [ ! -e "$_D/w/.gitx" ] && [ -f "$_D/w/.git/config" ] \
        && pass "landlock mountns: ($_L) mv .git .gitx fails (the way to a mount is pinned)" \
        || fail "landlock mountns: ($_L) mv .git .gitx fails (the way to a mount is pinned)" "rc $RC: $(cat "$TMP/err")"
    # a deny of a path that did not exist at launch: the run fails, naming it
    inrun "$_D" "($_L) husky" "$@" -- "$B" run $A "$P" -- sh -c "mkdir .husky && echo evil >.husky/pre-commit"
    expect_rc "landlock mountns: ($_L) creating a denied path absent at launch fails the run after the command" 125
    expect_err_has "landlock mountns: ($_L) ... naming the path" "$_D/w/.husky exists after the run"
    expect_err_has "landlock mountns: ($_L) ... and the rule" "std/agent.buckle:$HL: deny final files write subpath"
    rm -rf "$_D/w/.husky"
    inrun "$_D" "($_L) lefthook" "$@" -- "$B" run $A "$P" -- sh -c "echo x >lefthook.yml; exit 3"
    expect_rc "landlock mountns: ($_L) ... a literal one too" 125
    expect_err_has "landlock mountns: ($_L) ... saying how the command exited" "(the command exited 3)"
    rm -f "$_D/w/lefthook.yml"
    # every denied path the command made is named, not only the first
    inrun "$_D" "($_L) two" "$@" -- "$B" run $A "$P" -- sh -c "mkdir .husky .vscode .devcontainer"
    expect_rc "landlock mountns: ($_L) two denied paths made: the run fails" 125
    expect_err_has "landlock mountns: ($_L) ... naming the one" "$_D/w/.husky exists after the run"
    expect_err_has "landlock mountns: ($_L) ... and the other" "$_D/w/.vscode exists after the run"
    expect_err_has "landlock mountns: ($_L) ... and a dev container's (its initializeCommand runs on the host)" "$_D/w/.devcontainer exists after the run"
    rm -rf "$_D/w/.husky" "$_D/w/.vscode" "$_D/w/.devcontainer"
    # a path hidden by the modes of a directory on its way (chmod is
    # metadata): it cannot be looked at, and the run fails (as root it is
    # seen anyway)
    inrun "$_D" "($_L) hidden" "$@" -- "$B" run $A "$P" -- sh -c "mkdir .husky && chmod 0 '$_D/w'"
    chmod 755 "$_D/w"
    expect_rc "landlock mountns: ($_L) a denied path made, then hidden by chmod 0 of the project: the run fails" 125
    grep -Eq "$_D/w/.husky (cannot be looked at after the run \(Permission denied\)|exists after the run)" "$TMP/err" \
        && pass "landlock mountns: ($_L) ... naming it" || fail "landlock mountns: ($_L) ... naming it" "$(cat "$TMP/err")"
    rm -rf "$_D/w/.husky"
    # .git left without search permission by a run before: .git/hooks,
    # which the planner cannot look at, is not taken for a path that does
    # not exist (checked only after the run), so the command cannot give
    # the permission back and write a hook
    chmod 0600 "$_D/w/.git"
    inrun "$_D" "($_L) locked .git" "$@" -- "$B" run $A "$P" -- sh -c "chmod 755 .git; echo evil >.git/hooks/pre-commit; chmod 0600 .git"
    chmod 755 "$_D/w/.git"
    [ ! -e "$_D/w/.git/hooks/pre-commit" ] && pass "landlock mountns: ($_L) with .git left unsearchable, a hook cannot be written" \
        || fail "landlock mountns: ($_L) with .git left unsearchable, a hook cannot be written" "rc $RC: $(cat "$TMP/err")"
    rm -f "$_D/w/.git/hooks/pre-commit"
    # the files that make git take its config and hooks from elsewhere: a
    # .git/commondir naming a directory of the command's making, and, with
    # .git broken, a HEAD that makes the project a bare repository with a
    # config of its own (git would run its core.fsmonitor at the next
    # git status, outside any sandbox)
    inrun "$_D" "($_L) commondir" "$@" -- "$B" run $A "$P" -- sh -c "mkdir -p evil && cp -R .git/objects .git/refs .git/HEAD evil/ && printf '[core]\\n\\tfsmonitor = false\\n' >evil/config && echo ../evil >.git/commondir"
    expect_rc "landlock mountns: ($_L) a .git/commondir made by the command fails the run" 125
    expect_err_has "landlock mountns: ($_L) ... naming it" "$_D/w/.git/commondir exists after the run"
    rm -rf "$_D/w/evil" "$_D/w/.git/commondir"
    cp "$_D/w/.git/HEAD" "$_D/HEAD.before"
    inrun "$_D" "($_L) bare" "$@" -- "$B" run $A "$P" -- sh -c "echo broken >.git/HEAD && mkdir -p objects refs && echo 'ref: refs/heads/main' >HEAD && printf '[core]\\n\\tpager = false\\n' >config"
    expect_rc "landlock mountns: ($_L) a HEAD at the top level made by the command fails the run" 125
    expect_err_has "landlock mountns: ($_L) ... naming it" "$_D/w/HEAD exists after the run"
    rm -rf "$_D/w/objects" "$_D/w/refs" "$_D/w/HEAD" "$_D/w/config"
    cp "$_D/HEAD.before" "$_D/w/.git/HEAD"
    # the namespace: the IDs mapped to themselves, the mounts listed
    _u=$("$@" id -u)
    inrun "$_D" "($_L) uid_map" "$@" -- "$B" run $A "$P" -- cat /proc/self/uid_map /proc/self/mountinfo
    if grep -Eq "^ *$_u +$_u +1\$" "$TMP/out"; then pass "landlock mountns: ($_L) the command's uid is mapped to itself"
    else fail "landlock mountns: ($_L) the command's uid is mapped to itself" "$(head -3 "$TMP/out") $(cat "$TMP/err")"; fi
    if grep -q "$_D/w/.git/hooks .* ro[,]" "$TMP/out"; then pass "landlock mountns: ($_L) ... and mountinfo lists .git/hooks read-only"
    else fail "landlock mountns: ($_L) ... and mountinfo lists .git/hooks read-only" "$(cat "$TMP/out")"; fi
    inrun "$_D" "($_L) remap" "$@" -- "$B" run $A "$P" -- sh -c "echo '0 0 1' >/proc/self/uid_map || echo deny >/proc/self/setgroups || echo refused"
    expect_out_has "landlock mountns: ($_L) the maps cannot be written again" "refused"
    inrun "$_D" "($_L) umount" "$@" -- "$B" run $A "$P" -- sh -c "umount .git/hooks; umount -l .git; echo evil >.git/hooks/pre-commit"
    [ "$RC" -ne 0 ] && [ ! -e "$_D/w/.git/hooks/pre-commit" ] && pass "landlock mountns: ($_L) the mounts cannot be undone" \
        || fail "landlock mountns: ($_L) the mounts cannot be undone" "rc $RC: $(cat "$TMP/err")"
    inrun "$_D" "($_L) unshare" "$@" -- "$B" run $A "$P" -- sh -c "unshare -U -m true || echo refused"
    expect_out_has "landlock mountns: ($_L) no new user namespace from inside" "refused"
    # signals: the command cannot signal outside (Landlock's scope), buckle's SIGTERM reaches it
    sleep 60 & _s=$!
    inrun "$_D" "($_L) kill out" "$@" -- "$B" run $A "$P" -- sh -c "kill -0 $_s && echo reached || echo refused"
    expect_out_has "landlock mountns: ($_L) a signal to a process outside is refused" "refused"
    kill $_s 2>/dev/null
    inrun "$_D" "($_L) term" "$@" -- timeout -s TERM 2 "$B" run $A "$P" -- sleep 30
    expect_rc "landlock mountns: ($_L) SIGTERM to buckle reaches the command in its namespace" 124
    # started from inside a read-only mount (.git/hooks): the working
    # directory is entered again through the mounts, so relative paths are
    # read-only too
    run "landlock mountns: ($_L) cwd in hooks" sh -c "cd '$_D/w/.git/hooks' && $* env HOME='$_D/home' TMPDIR='$_D/tmp' '$B' run -D WORKDIR='$_D/w' $A '$P' -- sh -c 'echo evil >pre-commit; echo x >>../config'"
    [ ! -e "$_D/w/.git/hooks/pre-commit" ] && ! grep -q '^x$' "$_D/w/.git/config" && grep -q "Read-only file system" "$TMP/err" \
        && pass "landlock mountns: ($_L) started inside .git/hooks, relative paths are read-only too" \
        || fail "landlock mountns: ($_L) started inside .git/hooks, relative paths are read-only too" "rc $RC: $(cat "$TMP/err")"
    rm -f "$_D/w/.git/hooks/pre-commit"
    # a hook that is a symbolic link into the project (ln -s
    # ../../scripts/pre-commit .git/hooks/pre-commit): the kernel checks the
    # target, which the project's grant reaches, so the deny of .git/hooks
    # is weaker (class links) and the run is refused unless it is accepted
    "$@" sh -c "mkdir -p '$_D/w/scripts' && echo 'echo hook ok' >'$_D/w/scripts/pre-commit' && ln -s ../../scripts/pre-commit '$_D/w/.git/hooks/pre-commit'"
    cp "$_D/w/scripts/pre-commit" "$_D/hook.before"
    inrun "$_D" "($_L) linked hook" "$@" -- "$B" run $A "$P" -- sh -c "echo evil >.git/hooks/pre-commit"
    expect_rc "landlock mountns: ($_L) a hook that links into the project: the run is refused" 125
    expect_err_has "landlock mountns: ($_L) ... naming the link and its target" "$_D/w/.git/hooks/pre-commit is a symbolic link to $_D/w/scripts/pre-commit, which the kernel checks instead"
    expect_err_has "landlock mountns: ($_L) ... and the class" "--linux-accept=links"
    cmp -s "$_D/w/scripts/pre-commit" "$_D/hook.before" && pass "landlock mountns: ($_L) ... and the hook's script is as it was" \
        || fail "landlock mountns: ($_L) ... and the hook's script is as it was" "$(cat "$_D/w/scripts/pre-commit")"
    rm -rf "$_D/w/.git/hooks/pre-commit" "$_D/w/scripts"
}

R=$U/root
world "$R"
checks "$R" "uid $(id -u)"

# query and compile report the mounts and the checks
V="-D WORKDIR=$R/w -D HOME=$R/home -D TMPDIR=$R/tmp"
"$B" query --platform linux --linux-accept=new-paths $V "$P" files write "$R/w/.git/hooks/x" >"$TMP/out" 2>&1
expect_out_has "landlock mountns: query says a write into .git/hooks is denied by the read-only mount" "$R/w/.git/hooks is mounted read-only"
"$B" query --platform linux --linux-accept=new-paths $V "$P" files write "$R/w/fresh.txt" >"$TMP/out" 2>&1
expect_out_has "landlock mountns: query --linux-accept=new-paths allows a new file at the project's top level" "allow file-write-create"
"$B" query --platform linux --linux-accept=new-paths $V "$P" files write "$R/w/.husky/x" >"$TMP/out" 2>&1
expect_out_has "landlock mountns: ... and says when a path is checked after the run" "$R/w/.husky is checked when the command ends"
"$B" query --platform linux $V "$P" files write "$R/w/fresh.txt" >"$TMP/out" 2>&1
expect_out_has "landlock mountns: ... without it, the top level stays closed" "deny file-write-create"
"$B" compile --target landlock --linux-accept=new-paths $V "$P" >"$TMP/out" 2>&1
expect_out_has "landlock mountns: the JSON lists .git/config as a read-only mount" "{\"path\": \"$R/w/.git/config\", \"bind\": \"read-only\"}"
expect_out_has "landlock mountns: ... and .husky as checked after the run" "{\"path\": \"$R/w/.husky\", \"at\": \"std/agent.buckle:$HL\"}"
"$B" compile --target landlock --linux-accept=new-paths $V "$P" >"$TMP/out" 2>&1
expect_out_has "landlock mountns: the JSON lists .git/hooks as a read-only mount" "{\"path\": \"$R/w/.git/hooks\", \"bind\": \"read-only\"}"
expect_out_has "landlock mountns: ... and .git bound onto itself" "{\"path\": \"$R/w/.git\", \"bind\": \"itself\"}"
"$B" compile --target landlock $V "$P" >"$TMP/out" 2>&1
expect_out_has "landlock mountns: ... and none without new-paths (.git is granted one by one)" '"mounts": [],'


# without new-paths: the absent denies keep the project's and .git's entries
# one by one, as before, so nothing needs a mount; -v says what the class
# would do
inrun "$R" "files only" -- "$B" run --no-cache -v --linux-accept=files "$P" -- sh -c "echo x >fresh.txt"
[ "$RC" -ne 0 ] && [ ! -e "$R/w/fresh.txt" ] && pass "landlock mountns: without new-paths, no new file at the top level" \
    || fail "landlock mountns: without new-paths, no new file at the top level" "rc $RC"
expect_err_has "landlock mountns: ... -v names the class that would grant it whole" "--linux-accept=new-paths grants the directory whole"
grep -q "mount: " "$TMP/err" && fail "landlock mountns: ... and no namespace (.git is granted one by one, .git/hooks not at all)" "$(cat "$TMP/err")" \
    || pass "landlock mountns: ... and no namespace (.git is granted one by one, .git/hooks not at all)"

# no user namespace (the test build's hook): the plan as before
inrun "$R" "fallback" -- env BUCKLE_TEST_NO_USERNS=1 "$BT" run --no-cache -v $A "$P" -- sh -c "echo x >fresh.txt"
[ "$RC" -ne 0 ] && [ ! -e "$R/w/fresh.txt" ] && pass "landlock mountns: without user namespaces, no new file at the top level (as before)" \
    || fail "landlock mountns: without user namespaces, no new file at the top level (as before)" "rc $RC"
grep -q "mount: " "$TMP/err" && fail "landlock mountns: ... and no mount" "$(cat "$TMP/err")" || pass "landlock mountns: ... and no mount"
inrun "$R" "fallback hook" -- env BUCKLE_TEST_NO_USERNS=1 "$BT" run --no-cache $A "$P" -- sh -c "echo evil >.git/hooks/pre-commit"
[ "$RC" -ne 0 ] && [ ! -e "$R/w/.git/hooks/pre-commit" ] && grep -q "Permission denied" "$TMP/err" \
    && pass "landlock mountns: ... .git/hooks stays unwritable (EACCES)" || fail "landlock mountns: ... .git/hooks stays unwritable (EACCES)" "rc $RC: $(cat "$TMP/err")"
inrun "$R" "installed ignores hook" -- env BUCKLE_TEST_NO_USERNS=1 "$B" run --no-cache -v $A "$P" -- true
expect_err_has "landlock mountns: the installed buckle ignores BUCKLE_TEST_NO_USERNS" "mount: $R/w/.git/hooks read-only"

# the namespace cannot be made after all (buckle run inside buckle run: the
# outer seccomp filter refuses new namespaces): planned again without mounts
printf 'default allow;\n' >"$U/prof/open.buckle"
inrun "$R" "nested" -- "$B" run --no-cache "$U/prof/open.buckle" -- "$B" run --no-cache -v $A "$P" -- sh -c "echo x >fresh.txt; echo evil >.git/hooks/pre-commit"
[ "$RC" -ne 0 ] && [ ! -e "$R/w/fresh.txt" ] && [ ! -e "$R/w/.git/hooks/pre-commit" ] \
    && pass "landlock mountns: where the namespace cannot be made, the run goes on as without one" \
    || fail "landlock mountns: where the namespace cannot be made, the run goes on as without one" "rc $RC: $(cat "$TMP/err")"
expect_err_has "landlock mountns: ... and a note says so" "no user namespace can be made here: planning again without mounts"

# a second mount of the project (a container's volume beside the original
# path, a home mounted twice): the project's grant, on its inode, reaches
# .git/hooks through the other mount too, so it is mounted read-only at
# both names, and the project stays granted whole; where the other name is
# hidden by a mount above it, such a deny is held by the grants one by one
# (root: the binds are made in a mount namespace of the test's own)
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
    mkdir -p "$R/tmp/view"
    cp "$R/w/.git/config" "$R/config.before"
    run "landlock mountns: second mount" unshare -m sh -c "mount --make-rprivate / && mount --bind '$R/w' '$R/tmp/view' && cd '$R/w' && \
        HOME='$R/home' TMPDIR='$R/tmp' '$B' run --no-cache -v $A '$P' -- sh -c 'echo evil >$R/tmp/view/.git/hooks/pre-commit; echo x >>$R/tmp/view/.git/config; echo x >fresh2.txt && git add fresh2.txt && echo ran'"
    expect_out_has "landlock mountns: (second mount) the command runs, and git add works (the project is granted whole)" "ran"
    [ ! -e "$R/w/.git/hooks/pre-commit" ] && cmp -s "$R/w/.git/config" "$R/config.before" \
        && pass "landlock mountns: (second mount) .git/hooks and .git/config stay unwritable through the other mount" \
        || fail "landlock mountns: (second mount) .git/hooks and .git/config stay unwritable through the other mount" "$(ls -la "$R/w/.git/hooks"; tail -2 "$R/w/.git/config"; cat "$TMP/err")"
    expect_err_has "landlock mountns: (second mount) ... mounted read-only at the other name" "mount: $R/tmp/view/.git/hooks read-only"
    expect_err_has "landlock mountns: (second mount) ... as .git/config" "mount: $R/tmp/view/.git/config read-only"
    [ "$(grep -c 'Read-only file system' "$TMP/err")" -eq 2 ] && pass "landlock mountns: (second mount) ... both writes fail with EROFS" \
        || fail "landlock mountns: (second mount) ... both writes fail with EROFS" "$(cat "$TMP/err")"
    (cd "$R/w" && git reset -q && rm -f fresh2.txt)
    run "landlock mountns: hidden second mount" unshare -m sh -c "mount --make-rprivate / && mount --bind '$R/w' '$R/tmp/view' && mount -t tmpfs none '$R/tmp/view/.git' && cd '$R/w' && \
        HOME='$R/home' TMPDIR='$R/tmp' '$B' run --no-cache -v $A '$P' -- sh -c 'echo evil >.git/hooks/pre-commit; echo x >>.git/config; echo ran'"
    expect_out_has "landlock mountns: (other name hidden) the command runs" "ran"
    [ ! -e "$R/w/.git/hooks/pre-commit" ] && cmp -s "$R/w/.git/config" "$R/config.before" \
        && pass "landlock mountns: (other name hidden) .git/hooks and .git/config stay unwritable" \
        || fail "landlock mountns: (other name hidden) .git/hooks and .git/config stay unwritable" "$(cat "$TMP/err")"
    expect_err_has "landlock mountns: (other name hidden) -v says why .git/hooks is held by the grants" "$R/tmp/view/.git/hooks through another mount, which cannot be mounted read-only there: $R/w/.git/hooks is not mounted read-only"
    rm -f "$R/w/.git/hooks/pre-commit"
    cp "$R/config.before" "$R/w/.git/config"
    rmdir "$R/tmp/view"
else
    skip "landlock mountns: a second mount of the project" "needs root and unshare -m"
fi

# a denied path that became a symbolic link since the last run: planned again
mv "$R/w/.git/hooks" "$R/elsewhere"
ln -s "$R/elsewhere" "$R/w/.git/hooks"
inrun "$R" "hooks link" -- "$B" run $A "$P" -- sh -c "echo evil >.git/hooks/pre-commit"
[ "$RC" -ne 0 ] && [ ! -e "$R/elsewhere/pre-commit" ] && pass "landlock mountns: .git/hooks made a link to elsewhere: the write through it fails" \
    || fail "landlock mountns: .git/hooks made a link to elsewhere: the write through it fails" "rc $RC"
rm "$R/w/.git/hooks"
mv "$R/elsewhere" "$R/w/.git/hooks"

if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
    N=$U/nobody
    mkdir -p "$N"
    chown 65534:65534 "$N"
    world "$N" setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$N/home"
    checks "$N" "unprivileged uid 65534" setpriv --reuid=65534 --regid=65534 --clear-groups
else
    skip "landlock mountns: as an unprivileged user" "needs root (to become uid 65534) and setpriv"
fi
