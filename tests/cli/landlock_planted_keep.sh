# landlock_planted_keep.sh - what a sandboxed command made where the
# profile denies it (class new-paths) is remembered for the next run
# whatever the command does, or nothing runs: the record's space is kept
# before the command starts (a command that fills the disk cannot keep it
# from being written), the run cache directory may be group-writable by
# the caller's private group (~/.cache made 0775 under a umask of 002),
# the record is held open through the run and the modes the command
# changes are put back, and when the record cannot be kept at all a warning
# says so before and an error after (`-v` saying why the cache is not
# used) (docs/linux.md, "Denies inside a writable directory").  Live; the full disk in a mount namespace of its
# own (root).
. tests/lib.sh
linux_only "planted keep"
runner_env      # $B the test build
unset BUCKLE_SANDBOX_EXEC
R="$TMP/llpk"
rm -rf "$R"
mkdir -p "$R/w" "$R/home" "$R/tmp" "$R/prof" "$R/cp"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/tmp" BUCKLE_TEST_CACHE_PARENT="$R/cp"
cd "$R/w" || exit 1
run "planted keep: probe" "$B" run $A "$R/prof/agent.buckle" -- true
landlock_or_exit "planted keep"
expect_rc "planted keep: a run" 0

# the cache's parent group-writable by the caller's private group
G=$(id -g)
if [ "$(awk -F: -v g="$G" -v u="$(id -u)" '$4==g && $3!=u' /etc/passwd | wc -l)" = 0 ] &&
   [ -z "$(awk -F: -v g="$G" '$3==g {print $4}' /etc/group)" ]; then
    chmod 775 "$R/cp"
    run "planted keep: 0775 plant" "$B" run $A "$R/prof/agent.buckle" -- mkdir .husky
    expect_rc "planted keep: (cache parent 0775, private group) a planted path fails the run" 125
    run "planted keep: 0775 next" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "planted keep: ... and the next run is refused (it was remembered)" 125
    expect_err_has "planted keep: ... naming it" "$R/w/.husky was made by the sandboxed command of an earlier run"
    rm -rf .husky
else
    skip "planted keep: a private group" "group $G is not private here"
fi
# a cache directory that is not safe: the run is warned that its plants
# cannot be remembered, -v says why the cache is not used, and a plant
# fails the run saying it was not remembered
chmod 777 "$R/cp"
run "planted keep: unsafe" "$B" run -v $A "$R/prof/agent.buckle" -- mkdir .husky
expect_rc "planted keep: (cache parent 0777) a planted path fails the run" 125
expect_err_has "planted keep: ... a warning says it cannot be remembered" "but what the command makes there cannot be remembered for the next run"
expect_err_has "planted keep: ... -v says why the cache is not used" "no run cache: $R/cp/buckle-cache-$(id -u) is not safe"
expect_err_has "planted keep: ... and after the run, that it was not" "buckle cannot remember this path for the next run"
rm -rf .husky
chmod 700 "$R/cp"

# the command changes the modes of the run cache directory or of the
# record (metadata, which Landlock does not control): what it planted is
# remembered all the same (the record was opened before it started), the
# modes are put back, and the run fails saying so
CD="$R/cp/buckle-cache-$(id -u)"
run "planted keep: chmod dir" "$B" run $A "$R/prof/agent.buckle" -- sh -c "mkdir .husky; chmod 500 '$CD'; chmod 0 '$CD/planted'; exit 0"
expect_rc "planted keep: (chmod of the cache and the record) the run fails" 125
expect_err_has "planted keep: ... saying the command changed the modes" "the command changed the run cache directory's mode (0500, put back to 0700)"
[ "$(stat -c %a "$CD")" = 700 ] && [ "$(stat -c %a "$CD/planted")" = 600 ] && pass "planted keep: ... the modes are put back" \
    || fail "planted keep: ... the modes are put back" "$(stat -c '%a %n' "$CD" "$CD/planted")"
run "planted keep: chmod dir next" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "planted keep: ... and the next run is refused (it was remembered)" 125
expect_err_has "planted keep: ... naming it" "$R/w/.husky was made by the sandboxed command of an earlier run"
# a run elsewhere makes the record unreadable: put back after it (it held
# the record); one that checks nothing after the run holds nothing, and
# the next run here puts the mode back, reads the record and refuses
mkdir -p "$R/other"
run "planted keep: chmod elsewhere" sh -c "cd '$R/other' && '$B' run $A '$R/prof/agent.buckle' -- chmod 0 '$CD/planted'"
expect_rc "planted keep: a command elsewhere that makes the record unreadable fails its run" 125
[ "$(stat -c %a "$CD/planted")" = 600 ] && pass "planted keep: ... and the mode is put back" \
    || fail "planted keep: ... and the mode is put back" "$(stat -c '%a' "$CD/planted")"
# a run without new-paths checks the top of TMPDIR after the run (a .git
# there), so it holds the record too, and puts its mode back
(cd "$R/other" && "$B" run --linux-accept=files "$R/prof/agent.buckle" -- chmod 0 "$CD/planted") >/dev/null 2>&1
[ "$(stat -c %a "$CD/planted")" = 600 ] && pass "planted keep: a run without new-paths holds the record and puts its mode back" \
    || fail "planted keep: a run without new-paths holds the record and puts its mode back" "$(stat -c '%a' "$CD/planted")"
# a record made unreadable between runs (by a run of an older buckle that
# held nothing, or by hand)
chmod 0 "$CD/planted"
run "planted keep: unreadable record" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "planted keep: ... the next run here is still refused" 125
expect_err_has "planted keep: ... the mode put back, with a warning" "$CD/planted had mode 0000"
expect_err_has "planted keep: ... naming the planted path" "$R/w/.husky was made by the sandboxed command of an earlier run"
rm -rf .husky

# the command fills the disk that holds the run cache (and the project)
if [ "$(id -u)" != 0 ] || ! unshare -m true 2>/dev/null; then skip "planted keep: a full disk" "needs root and unshare -m"
else
    cat >"$R/full.sh" <<EOS
set -e
mkdir -p "$R/small"
mount -t tmpfs -o size=2m tmpfs "$R/small"
mkdir -p "$R/small/w" "$R/small/cp"
export BUCKLE_TEST_CACHE_PARENT="$R/small/cp"
cd "$R/small/w"
set +e
"$B" run $A "$R/prof/agent.buckle" -- true >/dev/null 2>&1
"$B" run $A "$R/prof/agent.buckle" -- sh -c 'mkdir .husky; dd if=/dev/zero of=fill bs=64k 2>/dev/null; df -k . | tail -1 | awk "{print \"avail \" \\\$4}"' 2>"$R/err1"
echo "rc1 \$?"
rm -f fill
"$B" run $A "$R/prof/agent.buckle" -- true 2>"$R/err2"
echo "rc2 \$?"
EOS
    run "planted keep: full disk" unshare -m sh "$R/full.sh"
    case "$OUT" in *"avail 0"*) pass "planted keep: (full disk) the command filled the disk";;
        *) fail "planted keep: (full disk) the command filled the disk" "$OUT";; esac
    case "$OUT" in *"rc1 125"*) pass "planted keep: (full disk) the planted path fails the run";;
        *) fail "planted keep: (full disk) the planted path fails the run" "$OUT $(cat "$R/err1")";; esac
    case "$OUT" in *"rc2 125"*) pass "planted keep: (full disk) the next run is refused: it was remembered";;
        *) fail "planted keep: (full disk) the next run is refused: it was remembered" "$OUT $(cat "$R/err2")";; esac
    grep -q "$R/small/w/.husky was made by the sandboxed command of an earlier run" "$R/err2" \
        && pass "planted keep: (full disk) ... naming it" || fail "planted keep: (full disk) ... naming it" "$(cat "$R/err2")"
fi
cd / && rm -rf "$R"
