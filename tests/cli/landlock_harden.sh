# landlock_harden.sh - `buckle run` on Linux, live: what a command could do
# besides files and ports is closed (docs/linux.md, "What Landlock cannot
# control"): nothing it starts outlives the run; new namespaces, userfaultfd,
# perf events, BPF and personality flags are refused; a command run as root
# cannot change the host; another sandbox's memory cannot be read.
. tests/lib.sh
linux_only "landlock hardening"
runner_env      # $B the test build, with a run cache of the suite's own
SP=$(cd "$BUILD" && pwd)/sysprobe
BUILDA=$(cd "$BUILD" && pwd -P)
fresh_dir llharden proj prof
unset BUCKLE_SANDBOX_EXEC
cat >"$R/prof/p.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "/dev", "$R/proj", "$BUILDA";
    allow exec-map "/usr/lib";
    allow write "$R/proj";
}
process {
    allow exec "/usr/bin", "$BUILDA";
    allow fork;
}
EOP
P="$R/prof/p.buckle"
A=--linux-accept=files
run "landlock hardening: a profile runs" "$B" run $A "$P" -- /usr/bin/true
landlock_or_exit "landlock hardening"
expect_rc "landlock hardening: the profile runs" 0
ABI=$(landlock_abi)

# refused inside; the same call outside shows it is the sandbox that refuses
refused() {  # NAME PROBE-ARGS...
    _n=$1; shift
    "$SP" "$@" >"$TMP/outside" 2>&1
    run "landlock hardening: $_n" "$B" run $A "$P" -- "$SP" "$@"
    if ! grep -q '^allowed' "$TMP/outside"; then
        skip "landlock hardening: $_n is refused" "refused outside the sandbox too: $(cat "$TMP/outside")"
    elif grep -q '^refused' "$TMP/out"; then pass "landlock hardening: $_n is refused"
    else fail "landlock hardening: $_n is refused" "rc $RC: $OUT $ERR"; fi
}
refused "a new user namespace (unshare)" unshare user
refused "a new network namespace (unshare)" unshare net
refused "a new mount namespace (unshare)" unshare mount
refused "a new user namespace (clone)" clone-user
refused "clone3 (its flags cannot be checked)" clone3
refused "userfaultfd" userfaultfd
refused "perf_event_open" perf
refused "bpf" bpf
refused "personality READ_IMPLIES_EXEC" personality
# a process group outside the sandbox: a command in the background could
# join the caller's shell's group (the terminal's foreground) and read what
# the user types to the shell.  In a session of its own (setsid), whose
# leader, a shell, stays outside the sandbox; a group of its own still works
if command -v setsid >/dev/null 2>&1; then
    run "landlock hardening: pgid outside" setsid -w sh -c "'$SP' pgid-join"
    outside=$OUT
    run "landlock hardening: pgid join" setsid -w sh -c "'$B' run $A '$P' -- '$SP' pgid-join"
    if [ "$outside" != allowed ]; then skip "landlock hardening: joining the caller's process group is refused" "refused outside the sandbox too: $outside"
    elif grep -q '^refused' "$TMP/out"; then pass "landlock hardening: joining the caller's process group (setpgid to the session leader's) is refused"
    else fail "landlock hardening: joining the caller's process group (setpgid to the session leader's) is refused" "rc $RC: $OUT $ERR"; fi
    run "landlock hardening: pgid own" setsid -w sh -c "'$B' run $A '$P' -- '$SP' pgid-own"
    expect_out_has "landlock hardening: a process group of its own (setpgid 0 0) still works" "allowed"
else
    skip "landlock hardening: joining the caller's process group is refused" "no setsid"
fi

# truncate by path: before ABI 3 Landlock does not check it, so the filter
# refuses it (else the command could empty a file it may not write, buckle's
# own sources included); from ABI 3 on Landlock refuses it where writing is
# denied.  A file outside the profile's writes, and one inside them.
echo keep >"$R/prof/keep.txt"
echo mine >"$R/proj/mine.txt"
"$SP" truncate "$R/prof/keep.txt" >"$TMP/outside" 2>&1
for abi in 2 3; do
    [ "$ABI" -ge "$abi" ] || { skip "landlock hardening: truncate at ABI $abi" "the kernel offers ABI $ABI"; continue; }
    run "landlock hardening: truncate at ABI $abi" "$B" run --linux-accept=files,process,network --landlock-abi=$abi "$P" -- "$SP" truncate "$R/prof/keep.txt"
    if grep -q '^refused' "$TMP/out"; then pass "landlock hardening: truncate by path of a file it may not write is refused at ABI $abi"
    else fail "landlock hardening: truncate by path of a file it may not write is refused at ABI $abi" "rc $RC: $OUT $ERR"; fi
done
# an open for reading with O_TRUNC empties the file: before ABI 3 Landlock
# checks only reading there, so the filter refuses it; a file the profile
# lets the command read, not write
mkdir -p "$R/ro"
cat >"$R/prof/ro.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "/dev", "$R/proj", "$R/ro", "$BUILDA";
    allow exec-map "/usr/lib";
    allow write "$R/proj";
}
process { allow exec "/usr/bin", "$BUILDA"; allow fork; }
EOP
for abi in 2 3; do
    [ "$ABI" -ge "$abi" ] || { skip "landlock hardening: O_RDONLY|O_TRUNC at ABI $abi" "the kernel offers ABI $ABI"; continue; }
    echo keep >"$R/ro/f"
    run "landlock hardening: rdonly trunc at ABI $abi" "$B" run --linux-accept=files,process,network --landlock-abi=$abi "$R/prof/ro.buckle" -- "$SP" open-trunc "$R/ro/f"
    if grep -q '^refused' "$TMP/out" && [ "$(cat "$R/ro/f")" = keep ]; then pass "landlock hardening: open(O_RDONLY|O_TRUNC) of a file it may only read is refused at ABI $abi, the file kept"
    else fail "landlock hardening: open(O_RDONLY|O_TRUNC) of a file it may only read is refused at ABI $abi, the file kept" "rc $RC: $OUT $ERR; file: $(cat "$R/ro/f")"; fi
done
if [ "$ABI" -ge 2 ]; then
    echo mine >"$R/proj/w.txt"
    run "landlock hardening: wronly trunc at ABI 2" "$B" run --linux-accept=files,process,network --landlock-abi=2 "$R/prof/ro.buckle" -- /usr/bin/sh -c ": >'$R/proj/w.txt'"
    [ "$RC" -eq 0 ] && [ ! -s "$R/proj/w.txt" ] && pass "landlock hardening: at ABI 2, an open for writing with O_TRUNC of a file it may write still works" \
        || fail "landlock hardening: at ABI 2, an open for writing with O_TRUNC of a file it may write still works" "rc $RC: $ERR"
fi
# the filesystems' ioctls that make, copy or remove entries with no Landlock
# check (btrfs subvolumes and snapshots, reflinks: type 0x94; bcachefs
# subvolumes: 0xbc) are refused by their type before any filesystem sees
# them: EPERM inside, whatever the filesystem says outside
for t in 94 bc; do
    "$SP" fsioctl "$R/proj" $t >"$TMP/outside" 2>&1
    run "landlock hardening: fs ioctl $t" "$B" run $A "$P" -- "$SP" fsioctl "$R/proj" $t
    if grep -q 'Operation not permitted' "$TMP/outside"; then skip "landlock hardening: ioctl type 0x$t is refused" "EPERM outside too"
    elif grep -q '^refused: Operation not permitted' "$TMP/out"; then pass "landlock hardening: a filesystem ioctl of type 0x$t (subvolumes, snapshots, reflinks) is refused (outside: $(cat "$TMP/outside"))"
    else fail "landlock hardening: a filesystem ioctl of type 0x$t (subvolumes, snapshots, reflinks) is refused" "rc $RC: $OUT $ERR"; fi
done
# and cp, which tries a reflink first, still copies
echo data >"$R/proj/src.txt"
run "landlock hardening: cp" "$B" run $A "$P" -- /usr/bin/cp --reflink=auto "$R/proj/src.txt" "$R/proj/dst.txt"
[ "$RC" -eq 0 ] && [ "$(cat "$R/proj/dst.txt" 2>/dev/null)" = data ] && pass "landlock hardening: cp --reflink=auto falls back to copying" \
    || fail "landlock hardening: cp --reflink=auto falls back to copying" "rc $RC: $ERR"
# TIOCEXCL would leave the caller's terminal exclusive after the run (no
# later open of it succeeds); needs a terminal on standard input
if command -v script >/dev/null 2>&1; then
    script -qec "'$B' run $A '$P' -- '$SP' excl" /dev/null >"$TMP/excl" 2>&1 </dev/null
    script -qec "'$SP' excl" /dev/null >"$TMP/excl-outside" 2>&1 </dev/null
    if ! grep -q '^allowed' "$TMP/excl-outside"; then skip "landlock hardening: TIOCEXCL is refused" "refused outside too: $(cat "$TMP/excl-outside")"
    elif grep -q '^refused' "$TMP/excl"; then pass "landlock hardening: TIOCEXCL on the terminal is refused"
    else fail "landlock hardening: TIOCEXCL on the terminal is refused" "$(cat "$TMP/excl")"; fi
else
    skip "landlock hardening: TIOCEXCL is refused" "no script(1) to give the command a terminal"
fi
if [ "$ABI" -ge 2 ]; then
    run "landlock hardening: truncate note" "$B" run -v --linux-accept=files,process,network --landlock-abi=2 "$P" -- "$SP" truncate "$R/proj/mine.txt"
    expect_out_has "landlock hardening: before ABI 3, truncate by path is refused everywhere (narrower)" "refused"
    expect_err_has "landlock hardening: -v says truncate by path is refused before ABI 3" "truncate by path, and an open for reading only with O_TRUNC, are refused"
fi
if [ "$(id -u)" -eq 0 ]; then
    refused "as root, sethostname (a capability Landlock does not confine)" hostname
    run "landlock hardening: capabilities" "$B" run $A "$P" -- /usr/bin/grep CapBnd /proc/self/status
    bnd=$(echo "$OUT" | awk '{print $2}')
    # CAP_SYS_MODULE is bit 16, CAP_SYS_ADMIN 21, CAP_MKNOD 27
    if [ -n "$bnd" ] && [ $(( (0x$bnd >> 16) & 1 )) -eq 0 ] && [ $(( (0x$bnd >> 21) & 1 )) -eq 0 ] \
        && [ $(( (0x$bnd >> 27) & 1 )) -eq 0 ]; then
        pass "landlock hardening: as root, the bounding set lacks what Landlock does not confine"
    else fail "landlock hardening: as root, the bounding set lacks what Landlock does not confine" "$OUT $ERR"; fi
    # and what acts on any file's metadata: CHOWN 0, FOWNER 3, FSETID 4; NET_RAW 13
    if [ -n "$bnd" ] && [ $(( 0x$bnd & 0x2019 )) -eq 0 ]; then
        pass "landlock hardening: as root, the bounding set lacks CHOWN, FOWNER, FSETID and NET_RAW"
    else fail "landlock hardening: as root, the bounding set lacks CHOWN, FOWNER, FSETID and NET_RAW" "$OUT $ERR"; fi
    echo theirs >"$R/proj/theirs.txt"
    refused "as root, giving a file to another user (chown)" chown "$R/proj/theirs.txt" 1
    refused "as root, a packet socket (the host's traffic)" packet
    # becoming another user would make every file of that user its own
    # (chmod, chgrp: modes are metadata, which Landlock does not check):
    # SETGID 6, SETUID 7, and IPC_OWNER 15, LEASE 28 are dropped too
    if [ -n "$bnd" ] && [ $(( 0x$bnd & 0x100080C0 )) -eq 0 ]; then
        pass "landlock hardening: as root, the bounding set lacks SETUID, SETGID, IPC_OWNER and LEASE"
    else fail "landlock hardening: as root, the bounding set lacks SETUID, SETGID, IPC_OWNER and LEASE" "$bnd"; fi
    refused "as root, becoming another user (setresuid)" setuid 65534
    # SYS_CHROOT 18: no use inside the sandbox, dropped with the rest
    if [ -n "$bnd" ] && [ $(( (0x$bnd >> 18) & 1 )) -eq 0 ]; then
        pass "landlock hardening: as root, the bounding set lacks SYS_CHROOT"
    else fail "landlock hardening: as root, the bounding set lacks SYS_CHROOT" "$bnd"; fi
    refused "as root, chroot (without a mount namespace)" chroot "$R/proj"
    # root's ordinary tools still run
    run "landlock hardening: id as root" "$B" run $A "$P" -- /usr/bin/id -u
    [ "$RC" -eq 0 ] && [ "$OUT" = 0 ] && pass "landlock hardening: as root, id still runs (uid 0)" \
        || fail "landlock hardening: as root, id still runs (uid 0)" "rc $RC: $OUT $ERR"
    run "landlock hardening: sh as root" "$B" run $A "$P" -- /usr/bin/sh -c true
    expect_rc "landlock hardening: as root, sh -c true still runs" 0
else
    skip "landlock hardening: as root, sethostname is refused" "not root (the kernel refuses it anyway)"
fi
# set-ID bits: Landlock controls no metadata, so the filter refuses them
# wherever a mode is set (a file the command may write, and one it may not
# even read: chmod needs no Landlock right); plain modes still work
cp /bin/true "$R/proj/tool"
cp /bin/true "$R/prof/tool"
refused "chmod u+s of a program in the project" chmod "$R/proj/tool" 4755
refused "chmod g+s of a program outside every grant" chmod "$R/prof/tool" 2755
run "landlock hardening: create setuid" "$B" run $A "$P" -- "$SP" create "$R/proj/made-setuid" 4755
if grep -q '^refused' "$TMP/out" && [ ! -e "$R/proj/made-setuid" ]; then pass "landlock hardening: creating a set-user-ID file is refused"
else fail "landlock hardening: creating a set-user-ID file is refused" "rc $RC: $OUT $ERR $(ls -l "$R/proj/made-setuid" 2>&1)"; fi
# write for every other user: a file the sandbox may not write would become
# writable to every local user outside it; group write stays (umask 002)
refused "chmod o+w of a file outside every grant" chmod "$R/prof/tool" 757
refused "chmod 666 of a file in the project" chmod "$R/proj/tool" 666
# extended attributes (an ACL is one: system.posix_acl_access) are not set
# or removed under any profile: an ACL would give another user
# write to a file the sandbox may not write.  The error is a filesystem's
# without them, which cp -a and the like pass over
"$SP" setxattr "$R/prof/tool" >"$TMP/outside" 2>&1
run "landlock hardening: setxattr" "$B" run $A "$P" -- "$SP" setxattr "$R/prof/tool"
if ! grep -q '^allowed' "$TMP/outside"; then skip "landlock hardening: setting an extended attribute is refused" "refused outside too: $(cat "$TMP/outside")"
elif grep -q '^refused: Operation not supported' "$TMP/out"; then pass "landlock hardening: setting an extended attribute (an ACL) of a file is refused as unsupported"
else fail "landlock hardening: setting an extended attribute (an ACL) of a file is refused as unsupported" "rc $RC: $OUT $ERR"; fi
chmod 755 "$R/proj/tool"     # (the checks above changed it outside)
run "landlock hardening: cp -a" "$B" run $A "$P" -- /usr/bin/cp -a "$R/proj/tool" "$R/proj/tool-copy"
[ "$RC" -eq 0 ] && [ -e "$R/proj/tool-copy" ] && pass "landlock hardening: cp -a still copies" || fail "landlock hardening: cp -a still copies" "rc $RC: $(grep -v "^buckle run" "$TMP/err")"
run "landlock hardening: chmod g+w" "$B" run $A "$P" -- "$SP" chmod "$R/proj/tool" 775
# (group write is refused for root, which owns files of groups it is not
# in, and for a caller whose primary group has other members)
if [ "$(id -u)" = 0 ]; then expect_out_has "landlock hardening: chmod g+w as root is refused" "refused"
else expect_out_has "landlock hardening: chmod g+w in the project works" "allowed"; fi
run "landlock hardening: plain chmod" "$B" run $A "$P" -- "$SP" chmod "$R/proj/tool" 755
expect_out_has "landlock hardening: a plain chmod in the project works" "allowed"
# modes are metadata, class files: a file the profile denies (reading and
# writing) can still be re-permissioned by its owner (root, of its own
# file); the verdict says so in words, and the file stays unreadable
echo secret >"$R/proj/denied"
chmod 600 "$R/proj/denied"
cat >"$R/prof/modes.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "/dev", "$R/proj", "$BUILDA";
    allow exec-map "/usr/lib";
    allow write "$R/proj";
    deny read literal "$R/proj/denied";
    deny write literal "$R/proj/denied";
}
process { allow exec "/usr/bin", "$BUILDA"; allow fork; }
EOP
# where no user namespace can be made (the test build's hook), as Landlock
# alone holds it
BT=$(cd "$BUILD" && pwd)/buckle-test
run "landlock hardening: modes refused" env BUCKLE_TEST_NO_USERNS=1 "$BT" run --no-cache "$R/prof/modes.buckle" -- /usr/bin/true
expect_rc "landlock hardening: a deny of a file is weaker (its modes), refused without --linux-accept=files" 125
expect_err_has "landlock hardening: ... the verdict names the modes in words" "so the command can still change their modes (chmod), owners (chown)"
expect_err_has "landlock hardening: ... and the class" "(class files)"
run "landlock hardening: modes" env BUCKLE_TEST_NO_USERNS=1 "$BT" run --no-cache $A "$R/prof/modes.buckle" -- "$SP" chmod "$R/proj/denied" 644
expect_out_has "landlock hardening: accepted, the owner changes the denied file's mode (chmod 644)" "allowed"
[ "$(stat -c %a "$R/proj/denied")" = 644 ] && pass "landlock hardening: ... the mode is 644 after the run" \
    || fail "landlock hardening: ... the mode is 644 after the run" "$(stat -c %a "$R/proj/denied")"
chmod 600 "$R/proj/denied"
# with the command's own mount namespace, the deny of writing is a
# read-only mount, which refuses a mode change too: only the deny of
# reading (its metadata) stays weaker
run "landlock hardening: modes, mounted" "$B" run --no-cache -v $A "$R/prof/modes.buckle" -- "$SP" chmod "$R/proj/denied" 640
expect_out_has "landlock hardening: with a read-only mount, the denied file's mode cannot be changed" "refused"
[ "$(stat -c %a "$R/proj/denied")" = 600 ] && pass "landlock hardening: ... the mode stays 600" \
    || fail "landlock hardening: ... the mode stays 600" "$(stat -c %a "$R/proj/denied")"
expect_err_has "landlock hardening: ... and the deny of writing it is exact" "modes.buckle:7: exact: deny files write literal"
run "landlock hardening: modes read" "$B" run $A "$R/prof/modes.buckle" -- "$SP" open "$R/proj/denied"
expect_out_has "landlock hardening: ... and the file stays unreadable inside" "refused"
run "landlock hardening: plain create" "$B" run $A "$P" -- "$SP" create "$R/proj/plain" 644
expect_out_has "landlock hardening: creating a plain file in the project works" "allowed"
# file watching: Landlock does not check the watched path, so a watch on a
# directory the profile does not let the sandbox read is refused
mkdir -p "$R/hidden"
( sleep 0.7; echo x >"$R/hidden/secret-name" ) &
wpid=$!
"$SP" watch "$R/hidden" >"$TMP/outside" 2>&1
wait "$wpid"
( sleep 0.7; echo y >>"$R/hidden/secret-name" ) &
wpid=$!
run "landlock hardening: watch" "$B" run $A "$P" -- "$SP" watch "$R/hidden"
wait "$wpid"
if ! grep -q '^event: secret-name' "$TMP/outside"; then
    skip "landlock hardening: a watch (inotify) on a directory the profile does not allow is refused" "no inotify event outside the sandbox: $(cat "$TMP/outside")"
else
    expect_out_has "landlock hardening: a watch (inotify) on a directory the profile does not allow is refused" "refused"
    expect_out_lacks "landlock hardening: ... and the name of a file created there does not leak" "secret-name"
fi
sleep 60 &
lpid=$!
refused "another process's resource limits (prlimit)" prlimit "$lpid"
refused "another process's priority (setpriority)" renice "$lpid"
refused "another process's scheduling policy (sched_setscheduler)" sched "$lpid"
refused "another process's CPUs (sched_setaffinity)" affinity "$lpid"
refused "another process's I/O priority (ioprio_set)" ioprio "$lpid"
refused "the I/O priority of every process of a user (ioprio_set IOPRIO_WHO_USER)" ioprio-user
kill "$lpid" 2>/dev/null
run "landlock hardening: own limits" "$B" run $A "$P" -- /usr/bin/sh -c 'ulimit -c 0 && ulimit -n 64 && echo limited'
expect_out_has "landlock hardening: the command still sets its own limits" "limited"
run "landlock hardening: fork" "$B" run $A "$P" -- /usr/bin/sh -c '/usr/bin/true & wait $!; echo forked'
expect_out_has "landlock hardening: fork (clone without namespaces) still works" "forked"

# memory of another process: Landlock's ptrace rule (a sandbox reaches only
# its own descendants), also for the command of another run
sleep 60 &
opid=$!
"$SP" vmread "$opid" >"$TMP/outside" 2>&1
run "landlock hardening: vmread outside" "$B" run $A "$P" -- "$SP" vmread "$opid"
if grep -q '^allowed' "$TMP/outside"; then expect_out_has "landlock hardening: another process's memory cannot be read (process_vm_readv)" "refused"
else skip "landlock hardening: process_vm_readv" "refused outside too"; fi
kill "$opid" 2>/dev/null
"$B" run $A "$P" -- /usr/bin/sleep 60 2>/dev/null &
bpid=$!
i=0; spid=
while [ -z "$spid" ] && [ $i -lt 100 ]; do spid=$(pgrep -P "$bpid" sleep); sleep 0.05; i=$((i + 1)); done
run "landlock hardening: vmread sibling" "$B" run $A "$P" -- "$SP" vmread "$spid"
expect_out_has "landlock hardening: the command of another run cannot be read either" "refused"

# signals sent to buckle alone reach the command; the status is the command's
kill -TERM "$bpid"
wait "$bpid"
RC=$?
expect_rc "landlock hardening: SIGTERM sent to buckle ends the command (status 128+15)" 143
if [ -n "$spid" ] && kill -0 "$spid" 2>/dev/null; then fail "landlock hardening: ... and the command is gone" "pid $spid alive"; kill "$spid"
else pass "landlock hardening: ... and the command is gone"; fi
# a command that stops itself, with a TERM handler: the SIGTERM sent to
# buckle continues it, so that it acts (otherwise buckle would wait until a
# supervisor killed it, and the sandbox's other processes would outlive it)
"$B" run $A "$P" -- /usr/bin/sh -c "trap 'exit 42' TERM; touch '$R/proj/stopping'; kill -STOP \$\$; exit 7" 2>/dev/null &
bpid=$!
i=0; while [ ! -e "$R/proj/stopping" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
sleep 0.2
kill -TERM "$bpid"
i=0; while kill -0 "$bpid" 2>/dev/null && [ $i -lt 60 ]; do sleep 0.05; i=$((i + 1)); done
if kill -0 "$bpid" 2>/dev/null; then fail "landlock hardening: SIGTERM to buckle reaches a command that stopped itself" "buckle still waits"; kill -KILL "$bpid"; wait "$bpid"
else wait "$bpid"; RC=$?; expect_rc "landlock hardening: SIGTERM to buckle reaches a command that stopped itself (its handler runs)" 42; fi
# a command that ignores SIGTERM and SIGINT: the second of them sent to
# buckle ends it (SIGKILL), and the run ends as after any command
rm -f "$R/proj/stopping"
"$B" run $A "$P" -- /usr/bin/sh -c "trap '' TERM INT; touch '$R/proj/stopping'; while :; do /usr/bin/sleep 1; done" 2>"$TMP/err" &
bpid=$!
i=0; while [ ! -e "$R/proj/stopping" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
kill -TERM "$bpid"; sleep 0.3
kill -0 "$bpid" 2>/dev/null && pass "landlock hardening: a command that ignores SIGTERM goes on at the first" \
    || fail "landlock hardening: a command that ignores SIGTERM goes on at the first" "buckle ended"
kill -INT "$bpid"
i=0; while kill -0 "$bpid" 2>/dev/null && [ $i -lt 60 ]; do sleep 0.05; i=$((i + 1)); done
if kill -0 "$bpid" 2>/dev/null; then fail "landlock hardening: ... and is killed at the second (SIGINT)" "buckle still waits"; kill -KILL "$bpid"; wait "$bpid"
else wait "$bpid"; RC=$?; expect_rc "landlock hardening: ... and is killed at the second (SIGINT)" 137; fi
expect_err_has "landlock hardening: ... saying so" "the command did not end at the first SIGTERM or SIGINT: killed at the second"
rm -f "$R/proj/stopping"
# O_NONBLOCK set by the command on the standard error it shares with the
# caller is taken off again when it ends (a full pipe would lose what
# buckle says after the run, and the caller's shell would see it set)
run "landlock hardening: nonblock" sh -c "exec 2>'$R/proj/err'; '$B' run $A '$P' -- '$SP' nonblock 2; grep '^flags' /proc/\$\$/fdinfo/2"
fl=$(echo "$OUT" | sed -n 's/^flags:[[:space:]]*//p')
if [ -n "$fl" ] && [ $(( 0$fl & 04000 )) -eq 0 ]; then pass "landlock hardening: O_NONBLOCK set on a shared descriptor by the command is undone after the run"
else fail "landlock hardening: O_NONBLOCK set on a shared descriptor by the command is undone after the run" "flags $fl: $OUT"; fi
run "landlock hardening: killed" "$B" run $A "$P" -- /usr/bin/sh -c 'kill -KILL $$'
expect_rc "landlock hardening: a command killed by SIGKILL gives 137" 137
run "landlock hardening: stdin" sh -c "echo piped | '$B' run $A '$P' -- /usr/bin/cat"
expect_out_has "landlock hardening: standard input reaches the command" "piped"
run "landlock hardening: status" "$B" run $A "$P" -- /usr/bin/sh -c 'exit 7'
expect_rc "landlock hardening: the command's exit status is buckle's" 7

# nothing the command starts outlives the run: a double-forked process in a
# new session, writing into the writable directory, is gone when buckle returns
run "landlock hardening: daemon" "$B" run -v $A "$P" -- "$SP" daemon "$R/proj/d"
expect_out_has "landlock hardening: the daemon was started" "started"
i=0; while [ ! -s "$R/proj/d" ] && [ $i -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
dpid=$(cat "$R/proj/d" 2>/dev/null)
if [ -n "$dpid" ] && kill -0 "$dpid" 2>/dev/null; then
    fail "landlock hardening: a process the command left behind is killed when the command ends" "pid $dpid alive"
    kill "$dpid"
else pass "landlock hardening: a process the command left behind is killed when the command ends"; fi
n1=$(grep -c '' "$R/proj/d.log" 2>/dev/null || echo 0)
sleep 0.3
n2=$(grep -c '' "$R/proj/d.log" 2>/dev/null || echo 0)
[ "$n1" = "$n2" ] && pass "landlock hardening: ... and writes nothing after the run" \
    || fail "landlock hardening: ... and writes nothing after the run" "$n1 then $n2 lines"
expect_err_has "landlock hardening: -v says how many were killed" "left behind by the command killed"
# a grant goes with its directory when the sandbox renames it: a directory
# granted read of its own, inside a directory the sandbox may write, would
# stay readable under any name ("trap": later files arrive readable)
mkdir -p "$R/t9/pub" "$R/t9/w"
echo pub >"$R/t9/pub/f"
cat >"$R/prof/dd.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "/dev", "$R/t9/pub", "$BUILDA";
    allow write "$R/t9";
    allow exec-map "/usr/lib";
}
process { allow exec "/usr/bin", "$BUILDA"; allow fork; }
EOP
run "landlock hardening: trap by rename (default deny)" "$B" run $A "$R/prof/dd.buckle" -- /usr/bin/sh -c \
    "mv '$R/t9/pub' '$R/t9/trap' && echo SECRET >'$R/t9/trap/s' && cat '$R/t9/trap/s'"
expect_out_lacks "landlock hardening: a read-granted directory renamed in a writable one does not keep its read grant (default deny)" "SECRET"
[ -d "$R/t9/trap" ] && mv "$R/t9/trap" "$R/t9/pub"
run "landlock hardening: trap -v" "$B" run -v $A "$R/prof/dd.buckle" -- /usr/bin/true
expect_err_has "landlock hardening: ... and -v says why the rule is narrower" "keeps no grant of its own (read_file, read_dir)"
cat >"$R/prof/ud.buckle" <<EOP
default allow;
files { deny read; allow read "/usr", "/etc", "/proc", "/dev", "$R/t9/pub", "$BUILDA"; }
EOP
run "landlock hardening: trap by rename (unfiltered deny)" "$B" run --force --linux-accept=files,network,process,ipc "$R/prof/ud.buckle" -- /usr/bin/sh -c \
    "mv '$R/t9/pub' '$R/t9/w/trap' && echo SECRET >'$R/t9/w/trap/s' && cat '$R/t9/w/trap/s'"
expect_out_lacks "landlock hardening: ... nor with an unfiltered deny read (moved across directories)" "SECRET"
[ -d "$R/t9/w/trap" ] && mv "$R/t9/w/trap" "$R/t9/pub"

# a file named by a literal: the reason a write rule is narrower names the directory
printf 'default deny;\nfiles { allow read "/usr"; allow write literal "/dev/null"; allow exec-map "/usr/lib"; }\nprocess { allow exec "/usr/bin"; }\n' >"$R/prof/null.buckle"
run "landlock hardening: /dev/null wording" "$B" run -v $A "$R/prof/null.buckle" -- /usr/bin/true
expect_err_has "landlock hardening: a literal file's write is narrower because removing it is a right of /dev" "remove_file /dev/null: creating and removing an entry are rights of its directory, /dev"
if grep -q "remove_dir /dev/null\|read_dir /dev/null" "$TMP/err"; then fail "landlock hardening: ... and no directory right is named for a device" "$ERR"
else pass "landlock hardening: ... and no directory right is named for a device"; fi
exit 0
