# landlock_tmpdir.sh - `buckle run` on Linux under the README's example
# profile (corpus/examples/agent.buckle, which allows writing $TMPDIR):
# `mktemp` works, with TMPDIR set (buckle's own TMPDIR/buckle-tmp-UID) and
# with it unset (buckle's own /tmp/buckle-tmp-UID, not /tmp); buckle keeps
# none of its files there, so the directory is granted whole (docs/linux.md,
# "Where buckle keeps its files").  Live, like landlock.sh.
. tests/lib.sh
# the line of the example's write grant on $WORKDIR and $TMPDIR
WL=$(line_of corpus/examples/agent.buckle 'allow write "$WORKDIR", "$TMPDIR";')
linux_only "landlock tmpdir"
runner_env      # $B the test build, with a run cache of the suite's own
P=$(pwd)/corpus/examples/agent.buckle
A=--linux-accept=files,ports,network,ipc
unset BUCKLE_SANDBOX_EXEC
R="$TMP/lltmp"
rm -rf "$R"
mkdir -p "$R/project/src" "$R/project/.git/hooks" "$R/tmp" "$R/home"
R=$(cd "$R" && pwd -P)

# TMPDIR set: the project, HOME and TMPDIR side by side (as a user tries
# it); the files are made in buckle's directory in it (below)
run "lltmp: TMPDIR set" sh -c "cd '$R/project' && HOME='$R/home' TMPDIR='$R/tmp' '$B' run -v $A '$P' -- sh -c 'mktemp && mktemp -d'"
landlock_or_exit "landlock tmpdir"
expect_rc "lltmp: mktemp works in TMPDIR under agent.buckle" 0
f=$(echo "$OUT" | head -1); d=$(echo "$OUT" | sed -n 2p)
case "$f" in "$R/tmp/"*) [ -f "$f" ] && [ -d "$d" ] && pass "lltmp: ... the file and the directory are made in TMPDIR" \
    || fail "lltmp: ... the file and the directory are made in TMPDIR" "$OUT";;
    *) fail "lltmp: ... the file and the directory are made in TMPDIR" "$OUT";; esac
expect_err_has "lltmp: the write rule on TMPDIR is exact" "agent.buckle:$WL: exact: allow files write subpath \"\${TMPDIR}\""
# again, with the plan from the run cache
run "lltmp: TMPDIR set, warm" sh -c "cd '$R/project' && HOME='$R/home' TMPDIR='$R/tmp' '$B' run $A '$P' -- mktemp"
expect_rc "lltmp: mktemp works on a second run too" 0

# a TMPDIR of the user's own (~/tmp, pam_tmpdir's /tmp/user/UID) is not
# granted itself: the user's own programs keep their caches there, and
# every run would share it.  The command's is a directory of its own in
# TMPDIR/buckle-tmp-UID (both 0700), one per profile and project, as in /tmp
chmod 700 "$R/tmp"
MINE="$R/tmp/buckle-tmp-$(id -u)"
mine() { case "$1" in "$MINE"/run-*) [ "$(stat -c '%a %u' "$1")" = "700 $(id -u)" ];; *) false;; esac; }
run "lltmp: private TMPDIR" sh -c "cd '$R/project' && HOME='$R/home' TMPDIR='$R/tmp' '$B' run -v $A '$P' -- sh -c 'echo \$TMPDIR; echo planted > \$TMPDIR/plant; echo x > $R/tmp/direct && echo WROTE-MINE; exit 0'"
expect_rc "lltmp: private TMPDIR: the run works" 0
M1=$(echo "$OUT" | head -1)
mine "$M1" && pass "lltmp: private TMPDIR: the command's TMPDIR is a directory of its own in it" \
    || fail "lltmp: private TMPDIR: the command's TMPDIR is a directory of its own in it" "$OUT"
[ -f "$M1/plant" ] && [ ! -e "$R/tmp/plant" ] && pass "lltmp: private TMPDIR: what the command writes to TMPDIR is not in the user's TMPDIR itself" \
    || fail "lltmp: private TMPDIR: what the command writes to TMPDIR is not in the user's TMPDIR itself" "$(ls -la "$R/tmp")"
[ ! -e "$R/tmp/direct" ] && pass "lltmp: private TMPDIR: the user's TMPDIR itself is not writable" \
    || fail "lltmp: private TMPDIR: the user's TMPDIR itself is not writable" "$OUT"
[ "$(stat -c '%a %u' "$MINE")" = "700 $(id -u)" ] && pass "lltmp: private TMPDIR: buckle's directory in it is ours, mode 0700" \
    || fail "lltmp: private TMPDIR: buckle's directory in it is ours, mode 0700" "$(stat -c '%a %u' "$MINE" 2>&1)"
expect_err_has "lltmp: private TMPDIR: -v says so" "TMPDIR $R/tmp is not granted, as your own programs and every run would share it: the command's TMPDIR is $MINE/run-"
printf 'extends "std/agent";\nfiles { allow read "/usr"; }\n' >"$R/other.buckle"
run "lltmp: private TMPDIR, another profile" sh -c "cd '$R/project' && HOME='$R/home' TMPDIR='$R/tmp' '$B' run $A '$R/other.buckle' -- sh -c 'echo \$TMPDIR; cat \$TMPDIR/plant 2>/dev/null; exit 0'"
M2=$(echo "$OUT" | head -1)
[ "$RC" = 0 ] && mine "$M2" && [ "$M2" != "$M1" ] && pass "lltmp: private TMPDIR: another profile has a directory of its own" \
    || fail "lltmp: private TMPDIR: another profile has a directory of its own" "rc $RC: $OUT (first: $M1)"
expect_out_lacks "lltmp: private TMPDIR: ... where the first one's file is not" planted
# a TMPDIR inside the working directory is the project's: given as it is
mkdir -p "$R/project/tmp"
run "lltmp: TMPDIR in the project" sh -c "cd '$R/project' && HOME='$R/home' TMPDIR='$R/project/tmp' '$B' run $A '$P' -- sh -c 'echo \$TMPDIR'"
[ "$RC" = 0 ] && [ "$OUT" = "$R/project/tmp" ] && pass "lltmp: a TMPDIR inside the working directory is given as it is" \
    || fail "lltmp: a TMPDIR inside the working directory is given as it is" "rc $RC: $OUT $(head -c 300 "$TMP/err")"

# TMPDIR unset.  The project and HOME outside /tmp, where a user keeps
# them.  No run
# cache of the test's own: the user's is where a user's run keeps it
# (--no-cache: nothing is written there; it is protected all the same).
O=$(mktemp -d /var/tmp/buckle-lltmp.XXXXXX)
O=$(cd "$O" && pwd -P)
mkdir -p "$O/project/.git/hooks" "$O/home"
case "$O" in /tmp/*) fail "lltmp: a place outside /tmp" "$O";; esac
# what the run reads (and so protects) outside /tmp too, wherever the
# repository is checked out: buckle, the profile and the standard library
# it finds beside itself (corpus/std)
mkdir -p "$O/corpus/examples"
cp "$B" "$O/buckle"
cp -R corpus/std "$O/corpus/std"
cp "$P" "$O/corpus/examples/agent.buckle"
B=$O/buckle
P=$O/corpus/examples/agent.buckle
# TMPDIR unset: not /tmp, which the user's other programs share (their
# caches, sockets' directories), but a directory of buckle's own
# /tmp/buckle-tmp-UID (0700) for this profile and project, which the
# command is given as TMPDIR
OWN=$(cd /tmp && pwd -P)/buckle-tmp-$(id -u)
own() { case "$1" in "$OWN"/run-*) [ "$(stat -c '%a %u' "$1")" = "700 $(id -u)" ];; *) false;; esac; }
run "lltmp: TMPDIR unset" sh -c "cd '$O/project' && env -u TMPDIR -u BUCKLE_TEST_CACHE_PARENT HOME='$O/home' '$B' run --no-cache -v $A '$P' -- sh -c 'echo \$TMPDIR; mktemp; echo x > /tmp/buckle-lltmp-\$\$ && echo WROTE-TMP; exit 0'"
expect_rc "lltmp: mktemp works when TMPDIR is unset" 0
L1=$(echo "$OUT" | head -1); L2=$(echo "$OUT" | sed -n 2p)
own "$L1" && pass "lltmp: ... the command's TMPDIR is buckle's own directory" \
    || fail "lltmp: ... the command's TMPDIR is buckle's own directory" "$OUT"
case "$L2" in "$L1"/tmp.*) [ -f "$L2" ] && pass "lltmp: ... the file is made there" || fail "lltmp: ... the file is made there" "$OUT"; rm -f "$L2";;
    *) fail "lltmp: ... the file is made there" "$OUT";; esac
case "$OUT" in *WROTE-TMP*) fail "lltmp: ... /tmp itself is not writable" "$OUT"; rm -f /tmp/buckle-lltmp-*;;
    *) pass "lltmp: ... /tmp itself is not writable";; esac
[ "$(stat -c '%a %u' "$OWN")" = "700 $(id -u)" ] && pass "lltmp: ... the directory is ours, mode 0700" \
    || fail "lltmp: ... the directory is ours, mode 0700" "$(stat -c '%a %u' "$OWN")"
expect_err_has "lltmp: ... where the write rule on TMPDIR is exact" "agent.buckle:$WL: exact: allow files write subpath \"\${TMPDIR}\""
# what a run leaves there, a run under another profile or in another
# project does not find; a run under the same profile in the same project
# does (its run cache entry stays valid)
T1=$L1
run "lltmp: TMPDIR unset, again" sh -c "cd '$O/project' && env -u TMPDIR -u BUCKLE_TEST_CACHE_PARENT HOME='$O/home' '$B' run --no-cache $A '$P' -- sh -c 'echo \$TMPDIR; echo planted > \$TMPDIR/plant'"
[ "$RC" = 0 ] && [ "$OUT" = "$T1" ] && pass "lltmp: ... the same profile in the same project has the same TMPDIR" \
    || fail "lltmp: ... the same profile in the same project has the same TMPDIR" "rc $RC: $OUT (first: $T1)"
printf 'extends "std/agent";\nfiles { allow read "/usr"; }\n' >"$O/other.buckle"
run "lltmp: TMPDIR unset, another profile" sh -c "cd '$O/project' && env -u TMPDIR -u BUCKLE_TEST_CACHE_PARENT HOME='$O/home' '$B' run --no-cache $A '$O/other.buckle' -- sh -c 'echo \$TMPDIR; cat \$TMPDIR/plant 2>/dev/null; exit 0'"
L3=$(echo "$OUT" | head -1)
[ "$RC" = 0 ] && own "$L3" && [ "$L3" != "$T1" ] && pass "lltmp: ... another profile has a TMPDIR of its own" \
    || fail "lltmp: ... another profile has a TMPDIR of its own" "rc $RC: $OUT (first: $T1)"
expect_out_lacks "lltmp: ... where the first one's file is not" planted
mkdir -p "$O/project2"
run "lltmp: TMPDIR unset, another project" sh -c "cd '$O/project2' && env -u TMPDIR -u BUCKLE_TEST_CACHE_PARENT HOME='$O/home' '$B' run --no-cache $A '$P' -- sh -c 'echo \$TMPDIR; cat \$TMPDIR/plant 2>/dev/null; exit 0'"
L4=$(echo "$OUT" | head -1)
[ "$RC" = 0 ] && own "$L4" && [ "$L4" != "$T1" ] && pass "lltmp: ... another project has a TMPDIR of its own" \
    || fail "lltmp: ... another project has a TMPDIR of its own" "rc $RC: $OUT (first: $T1)"
expect_out_lacks "lltmp: ... where the first one's file is not (another project)" planted
rm -f "$T1/plant"
# an empty TMPDIR is taken as unset
run "lltmp: TMPDIR empty" sh -c "cd '$O/project' && env -u BUCKLE_TEST_CACHE_PARENT TMPDIR= HOME='$O/home' '$B' run --no-cache $A '$P' -- sh -c 'echo \$TMPDIR'"
[ "$RC" = 0 ] && [ "$OUT" = "$L1" ] && pass "lltmp: an empty TMPDIR is taken as unset" \
    || fail "lltmp: an empty TMPDIR is taken as unset" "rc $RC: $OUT $(head -c 300 "$TMP/err")"
# a TMPDIR every user may write (/tmp itself, a common export) is taken as
# unset: a grant of it would reach the user's other programs' files there
# (their sockets' directories, caches that load code later)
for shared in /tmp /var/tmp; do
    run "lltmp: TMPDIR=$shared" sh -c "cd '$O/project' && env -u BUCKLE_TEST_CACHE_PARENT TMPDIR=$shared HOME='$O/home' '$B' run --no-cache -v $A '$P' -- sh -c 'echo \$TMPDIR; echo x > $shared/buckle-lltmp-\$\$ && echo WROTE-SHARED; exit 0'"
    L1=$(echo "$OUT" | head -1)
    [ "$RC" = 0 ] && own "$L1" && pass "lltmp: TMPDIR=$shared is replaced by buckle's own directory" \
        || fail "lltmp: TMPDIR=$shared is replaced by buckle's own directory" "rc $RC: $OUT $(head -c 300 "$TMP/err")"
    case "$OUT" in *WROTE-SHARED*) fail "lltmp: ... $shared itself is not writable" "$OUT"; rm -f $shared/buckle-lltmp-*;;
        *) pass "lltmp: ... $shared itself is not writable";; esac
    expect_err_has "lltmp: ... and -v says why" "TMPDIR $shared may be written by every user: the command's TMPDIR is $OWN/run-"
done
# a project inside TMPDIR: TMPDIR is set aside, so the command cannot
# write the directories above the project, where tools take their settings
# from (HOME outside it: a TMPDIR above the home is refused, docs/linux.md)
OH=$(mktemp -d /var/tmp/buckle-lltmph.XXXXXX)
run "lltmp: project in TMPDIR" sh -c "cd '$O/project' && env -u BUCKLE_TEST_CACHE_PARENT HOME='$OH' TMPDIR='$O' '$B' run --no-cache -v $A '$P' -- sh -c 'echo \$TMPDIR; touch ../above'"
expect_err_has "lltmp: a TMPDIR above the project is set aside" "TMPDIR $O is above the working directory, where tools run in the project take their settings from: the command's TMPDIR is $OWN/run-"
expect_out_has "lltmp: ... the command is given buckle's own" "$OWN/run-"
[ -e "$O/above" ] && fail "lltmp: ... and the directory above the project is not written" "$O/above made" \
    || pass "lltmp: ... and the directory above the project is not written"
rm -rf "$O" "$OH"
