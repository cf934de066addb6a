# landlock_profile_inside.sh - `buckle run` on Linux with the profile kept
# inside the project (at its top level, or in .buckle/): with a user and
# mount namespace the profile files are read-only mounts and the project is
# granted whole, so a build can create files at the top level while the
# profile cannot be written, replaced (renamed over), removed, linked to or
# joined by a new file in .buckle/; without a namespace (the test build's
# hook) the top level stays closed, and buckle says so without -v.  Live.
. tests/lib.sh
# the line of std/agent's write grant on $WORKDIR and $TMPDIR
WL=$(line_of corpus/std/agent.buckle 'allow write "$WORKDIR", "$TMPDIR";')
linux_only "landlock profile inside"
unset BUCKLE_SANDBOX_EXEC
A=--linux-accept=files,new-paths
BT=$(cd "$BUILD" && pwd)/buckle-test
U=$(mktemp -d "${TMPDIR:-/tmp}/buckle-llpi.XXXXXX")
chmod 755 "$U"
U=$(cd "$U" && pwd -P)
trap 'rm -rf "$U"' EXIT
mkdir -p "$U/corpus" "$U/home" "$U/tmp" "$U/w/.buckle" "$U/cache"
cp "$BUCKLE" "$U/buckle"
cp -R corpus/std "$U/corpus/std"
printf 'extends "std/agent";\n' >"$U/w/agent.buckle"
printf 'extends "std/agent";\n' >"$U/w/.buckle/agent.buckle"
B=$U/buckle
# inrun LABEL [ENV...] -- COMMAND...: in the project, with its own HOME and TMPDIR
inrun() {
    _l=$1; shift
    _e=""
    while [ "$1" != -- ]; do _e="$_e $1"; shift; done
    shift
    run "landlock profile inside: $_l" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' BUCKLE_TEST_CACHE_PARENT='$U/cache' $_e \"\$@\"" sh "$@"
}

for prof in agent.buckle .buckle/agent.buckle ./agent.buckle; do
    cp "$U/w/$prof" "$U/before"
    inrun "($prof) build" -- "$B" run --no-cache $A "$prof" -- sh -c "mkdir out && echo made >out/x && cat out/x && echo top >new.txt && cat new.txt"
    if grep -q "offers no Landlock" "$TMP/err"; then skip "landlock profile inside: every check" "this kernel has no Landlock"; exit 0; fi
    if grep -q "no user namespace can be made here" "$TMP/err"; then skip "landlock profile inside: ($prof) with a namespace" "no user namespace here"; continue; fi
    expect_rc "landlock profile inside: ($prof) a new directory and file at the project's top level" 0
    expect_out_has "landlock profile inside: ($prof) ... written and read back" "made
top"
    expect_err_has "landlock profile inside: ($prof) ... the profile is a mount" " mount"
    expect_err_has "landlock profile inside: ($prof) ... and nothing is said closed" "(-v lists them)"
    if grep -q "nothing new can be created" "$TMP/err"; then fail "landlock profile inside: ($prof) ... no closed directory" "$(cat "$TMP/err")"
    else pass "landlock profile inside: ($prof) ... no closed directory"; fi
    rm -rf "$U/w/out" "$U/w/new.txt"
    inrun "($prof) write" -- "$B" run --no-cache $A "$prof" -- sh -c "echo 'default allow;' >$prof"
    expect_err_has "landlock profile inside: ($prof) writing the profile fails (EROFS)" "Read-only file system"
    inrun "($prof) rename over" -- "$B" run --no-cache $A "$prof" -- sh -c "echo 'default allow;' >evil && mv -f evil $prof"
    [ "$RC" -ne 0 ] && grep -q "busy\|Read-only\|cross-device" "$TMP/err" \
        && pass "landlock profile inside: ($prof) renaming a file over the profile fails (EBUSY, EROFS)" \
        || fail "landlock profile inside: ($prof) renaming a file over the profile fails (EBUSY, EROFS)" "rc $RC: $(cat "$TMP/err")"
    rm -f "$U/w/evil"
    # (mv across the mount copies, then cannot remove the original)
    inrun "($prof) remove" -- "$B" run --no-cache $A "$prof" -- sh -c "rm -f $prof || ln $prof hard || mv $prof moved"
    [ "$RC" -ne 0 ] && [ ! -e "$U/w/hard" ] && [ -f "$U/w/$prof" ] \
        && pass "landlock profile inside: ($prof) it can be neither removed, linked to nor moved" \
        || fail "landlock profile inside: ($prof) it can be neither removed, linked to nor moved" "rc $RC: $(cat "$TMP/err")"
    rm -f "$U/w/moved"
    cmp -s "$U/w/$prof" "$U/before" && pass "landlock profile inside: ($prof) the profile is as it was" \
        || fail "landlock profile inside: ($prof) the profile is as it was" "$(cat "$U/w/$prof")"
done
inrun "(.buckle) plant" -- "$B" run --no-cache $A .buckle/agent.buckle -- sh -c "echo 'default allow;' >.buckle/other.buckle || mv .buckle .b2 || rm -rf .buckle"
[ ! -e "$U/w/.buckle/other.buckle" ] && [ ! -e "$U/w/.b2" ] && [ -f "$U/w/.buckle/agent.buckle" ] \
    && pass "landlock profile inside: nothing can be put into .buckle/, nor .buckle/ moved or removed" \
    || fail "landlock profile inside: nothing can be put into .buckle/, nor .buckle/ moved or removed" "rc $RC: $(ls -la "$U/w" "$U/w/.buckle")"

# a profile outside the project named through "..": the path as written
# (/p/w/../agent.buckle) puts nothing inside the project
printf 'extends "std/agent";\n' >"$U/agent.buckle"
inrun "dotdot" -- "$B" run --no-cache $A ../agent.buckle -- sh -c "mkdir out2 && echo made >out2/x"
[ "$RC" -eq 0 ] && [ -f "$U/w/out2/x" ] && pass "landlock profile inside: ../agent.buckle leaves the project writable" \
    || fail "landlock profile inside: ../agent.buckle leaves the project writable" "rc $RC: $(cat "$TMP/err")"
rm -rf "$U/w/out2"

# no user namespace: the top level closed, and said without -v
inrun "fallback" BUCKLE_TEST_NO_USERNS=1 -- "$BT" run --no-cache $A agent.buckle -- sh -c "mkdir out"
[ "$RC" -ne 0 ] && [ ! -e "$U/w/out" ] && pass "landlock profile inside: without a namespace the top level stays closed" \
    || fail "landlock profile inside: without a namespace the top level stays closed" "rc $RC"
expect_err_has "landlock profile inside: ... and buckle says so without -v" "buckle run: nothing new can be created directly in $U/w: std/agent.buckle:$WL: allow files write subpath \"\${WORKDIR}\" is narrower there"

# the project shown by another mount too (as root, in a mount namespace of
# the test's own): a read-only mount of the profile would hold one name, and
# the project's grant reaches the other; the profile is not written there
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null 2>&1 && unshare -m --propagation private true 2>/dev/null; then
    mkdir -p "$U/view"
    cp "$U/w/agent.buckle" "$U/before"
    printf '#!/bin/sh\nmount --bind "%s/w" "%s/view" && exec "$@"\n' "$U" "$U" >"$U/bind.sh"
    chmod 755 "$U/bind.sh"
    inrun "another mount" -- unshare -m --propagation private "$U/bind.sh" "$B" run --no-cache $A agent.buckle -- \
        sh -c "echo 'default allow;' >'$U/view/agent.buckle'"
    cmp -s "$U/before" "$U/w/agent.buckle" && pass "landlock profile inside: the profile is not written through another mount of the project" \
        || fail "landlock profile inside: the profile is not written through another mount of the project" "rc $RC: $(cat "$U/w/agent.buckle")"
    cp "$U/before" "$U/w/agent.buckle"
else
    skip "landlock profile inside: another mount of the project" "needs root and unshare -m"
fi
