# landlock_mounts.sh - bind mounts, live (docs/linux.md, "Bind mounts"): a
# Landlock grant belongs to a directory, so a grant that reaches a denied
# path's directory through another mount of it would reach the denied file
# too.  The plan withdraws such grants (narrower), through either name, for
# a literal, a subpath and a pattern deny; `query --platform linux` agrees
# with the kernel; a plan in the run cache is not used once a mount was made
# since.  Needs root for the mount, made in a mount namespace of the test's
# own (unshare -m), so nothing outside sees it.
. tests/lib.sh
linux_only "landlock mounts"
if [ -z "${LLMOUNTS_NS:-}" ]; then
    if [ "$(id -u)" -ne 0 ] || ! unshare -m --propagation private true 2>/dev/null; then
        skip "landlock mounts: every check" "needs root and unshare -m for a bind mount"; exit 0
    fi
    LLMOUNTS_NS=1 exec unshare -m --propagation private sh "$0"
fi
unset BUCKLE_SANDBOX_EXEC
runner_env      # $B the test build, with a run cache of the suite's own
# outside /tmp and TMPDIR (the run keeps nothing there, but a clean place)
R=$(mktemp -d /var/tmp/buckle-llmounts.XXXXXX)
R=$(cd "$R" && pwd -P)
trap 'umount "$R/d/view" "$R/p2view" 2>/dev/null; rm -rf "$R"' EXIT
mkdir -p "$R/d/real" "$R/d/view" "$R/prof"
echo TOPSECRET >"$R/d/real/secret"
echo pub >"$R/d/real/pub"
export TMPDIR="$R"
prof() {  # DENY-RULE
    cat >"$R/prof/p.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/dev";
    allow exec-map "/usr/lib";
    allow read "$R/d";
    $1
}
process { allow exec "/usr/bin"; allow fork; }
EOP
}
A="--linux-accept=files --force"
prof "deny read literal \"$R/d/view/secret\";"
# a plan made before the mount exists, kept in the run cache
run "landlock mounts: before the mount" "$B" run $A "$R/prof/p.buckle" -- /usr/bin/cat "$R/d/real/pub"
landlock_or_exit "landlock mounts"
expect_rc "landlock mounts: a run before the mount" 0
mount --bind "$R/d/real" "$R/d/view" || { skip "landlock mounts: every check" "mount --bind failed"; exit 0; }
run "landlock mounts: cache" "$B" run -v $A "$R/prof/p.buckle" -- /usr/bin/cat "$R/d/view/secret"
[ "$RC" -ne 0 ] && ! grep -q TOPSECRET "$TMP/out" && pass "landlock mounts: a plan cached before the bind mount is not used after it (the deny holds)" \
    || fail "landlock mounts: a plan cached before the bind mount is not used after it (the deny holds)" "rc $RC: $OUT"
expect_err_has "landlock mounts: ... the run planned again" "buckle run: compile"
both() {  # LABEL
    for n in view real; do
        run "landlock mounts: $1 $n" "$B" run $A "$R/prof/p.buckle" -- /usr/bin/cat "$R/d/$n/secret"
        [ "$RC" -ne 0 ] && ! grep -q TOPSECRET "$TMP/out" && pass "landlock mounts: $1: the secret is not read through $n" \
            || fail "landlock mounts: $1: the secret is not read through $n" "rc $RC: $OUT"
        "$B" query --platform linux "$R/prof/p.buckle" file-read-data "$R/d/$n/secret" >"$TMP/q" 2>&1
        head -1 "$TMP/q" | grep -q '^deny' && pass "landlock mounts: $1: query says deny through $n, as the kernel does" \
            || fail "landlock mounts: $1: query says deny through $n, as the kernel does" "$(cat "$TMP/q")"
    done
    run "landlock mounts: $1 pub" "$B" run $A "$R/prof/p.buckle" -- /usr/bin/cat "$R/d/view/pub"
}
both "literal deny through the mount"
expect_out_has "landlock mounts: ... while the file beside it is read" "pub"
prof "deny read literal \"$R/d/real/secret\";"
both "literal deny through the mounted directory"
prof "deny read \"$R/d/view\";"
both "subpath deny of the mount"
prof "deny read glob \"$R/d/view/*ret\";"
both "glob deny through the mount"
prof "deny read literal \"$R/d/view/secret\";"
run "landlock mounts: -v" "$B" run -v --no-cache --linux-accept=files "$R/prof/p.buckle" -- /usr/bin/true
expect_err_has "landlock mounts: -v names the withdrawn grant" "read_file on $R/d/real withdrawn: $R/d/real/secret is $R/d/view/secret through another mount, which the deny at $R/prof/p.buckle:6 covers"

# buckle's own files through another mount: the profile's directory mounted
# a second time where the profile lets the sandbox write; the profile (and
# the run cache, under a profile that reads it) stay out of reach
mkdir -p "$R/p2" "$R/p2view"
cat >"$R/p2/prof.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/dev", "$R/p2view";
    allow exec-map "/usr/lib";
    allow write "$R/p2view";
}
process { allow exec "/usr/bin"; allow fork; }
EOP
cp "$R/p2/prof.buckle" "$R/prof.before"
mount --bind "$R/p2" "$R/p2view"
run "landlock mounts: own files" "$B" run -v --no-cache --linux-accept=files "$R/p2/prof.buckle" -- /usr/bin/sh -c \
    "(echo 'default allow;' >>'$R/p2view/prof.buckle') && echo WROTE-VIEW; (echo 'default allow;' >>'$R/p2/prof.buckle') && echo WROTE-REAL; mv '$R/p2view/prof.buckle' '$R/p2view/x' && echo MOVED; echo done"
expect_out_has "landlock mounts: the command ran" "done"
expect_out_lacks "landlock mounts: the profile cannot be written through another mount of its directory" "WROTE-VIEW"
expect_out_lacks "landlock mounts: ... nor through its own name" "WROTE-REAL"
expect_out_lacks "landlock mounts: ... nor moved away" "MOVED"
expect_same "landlock mounts: ... the profile is as it was" "$R/prof.before" "$R/p2/prof.buckle"
expect_err_has "landlock mounts: -v says why the grant is withdrawn" "through another mount it reaches $R/p2/prof.buckle, buckle's own files"
umount "$R/p2view" 2>/dev/null
exit 0
