# landlock.sh - `buckle run` on Linux enforces the profile with Landlock,
# live: the kernel refuses what the profile does not allow, and
# `buckle query --platform linux` says what the kernel does (docs/linux.md).
# A check that needs a newer Landlock ABI than the kernel's is SKIPped.
. tests/lib.sh
linux_only "landlock"
runner_env      # $B the test build, with a run cache of the suite's own; $BI the installed one
PROBE=$(cd "$BUILD" && pwd)/tcpprobe
BUILDA=$(cd "$BUILD" && pwd -P)
fresh_dir landlock proj/sub proj/secret out bin prof
echo inside >"$R/proj/a.txt"
echo secret >"$R/proj/secret/k"
echo outside >"$R/out/o.txt"
cp /bin/true "$R/bin/mytrue"
unset BUCKLE_SANDBOX_EXEC

# the listener: two free ports, one the profile allows
"$PROBE" serve "$R/ports" 900 &
spid=$!
i=0; while [ ! -s "$R/ports" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
read P1 P2 <"$R/ports"

cat >"$R/prof/p.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "/dev", "$R/proj", "$R/bin", "$BUILDA";
    allow write "$R/proj";
    deny write "$R/proj/secret";
    allow write literal "/dev/null";
}
process {
    allow exec "/usr/bin", "/usr/lib", "$BUILDA";
    allow fork;
}
network {
    allow outbound "*:$P1";
}
EOP
P="$R/prof/p.buckle"
A=--linux-accept=files

# the kernel's ABI, from the summary line
run "landlock: a profile runs" "$B" run $A "$P" -- /usr/bin/true
if grep -q "offers no Landlock" "$TMP/err"; then
    skip "landlock: every check" "this kernel has no Landlock"
    kill "$spid" 2>/dev/null
    exit 0
fi
expect_rc "landlock: a profile whose rules are exact or narrower runs" 0
expect_err_has "landlock: a one-line summary by default" "buckle run: landlock ABI"
ABI=$(landlock_abi)
if [ "$(grep -c '' "$TMP/err")" -eq 1 ]; then pass "landlock: the summary is one line without -v"; else fail "landlock: the summary is one line without -v" "$(cat "$TMP/err")"; fi

# the installed buckle ignores the test hooks: a variable in the environment
# can neither run the command without its sandbox (a "sandbox-exec" that
# runs it bare) nor move the run cache somewhere the sandbox may write.
# Without the cache (the user's own stays as it was): where buckle takes its
# run cache to be shows in the plan, which keeps it from the sandbox.
mkdir -p "$R/hookcache"
printf '#!/bin/sh\n: >"%s/hook-used"\nwhile [ $# -gt 0 ] && [ "$1" != -f ]; do shift; done; shift 2; exec "$@"\n' "$R" >"$R/fake-sandbox-exec"
chmod +x "$R/fake-sandbox-exec"
run "landlock: BUCKLE_SANDBOX_EXEC set" env BUCKLE_SANDBOX_EXEC="$R/fake-sandbox-exec" BUCKLE_TEST_CACHE_PARENT="$R/hookcache" \
    "$BI" run --no-cache $A "$P" -- /usr/bin/cat "$R/out/o.txt"
expect_rc "landlock: BUCKLE_SANDBOX_EXEC does not turn the sandbox off (the read outside is refused)" 1
expect_out_lacks "landlock: BUCKLE_SANDBOX_EXEC: nothing outside is read" "outside"
if [ -e "$R/hook-used" ]; then fail "landlock: BUCKLE_SANDBOX_EXEC is not run" "the fake sandbox-exec ran"; else pass "landlock: BUCKLE_SANDBOX_EXEC is not run"; fi
printf 'default deny;\nfiles { allow read "/usr", "%s"; allow exec-map "/usr/lib"; }\nprocess { allow exec "/usr/bin"; }\n' "$R" >"$R/prof/hook.buckle"
run "landlock: BUCKLE_TEST_CACHE_PARENT set" env BUCKLE_TEST_CACHE_PARENT="$R/hookcache" "$BI" run -v --no-cache $A "$R/prof/hook.buckle" -- /usr/bin/true
if grep -q "buckle's run cache" "$TMP/err"; then fail "landlock: BUCKLE_TEST_CACHE_PARENT does not move the run cache" "$ERR"
else pass "landlock: BUCKLE_TEST_CACHE_PARENT does not move the run cache"; fi
run "landlock: BUCKLE_TEST_CACHE_PARENT set, test build" env BUCKLE_TEST_CACHE_PARENT="$R/hookcache" "$B" run -v --no-cache $A "$R/prof/hook.buckle" -- /usr/bin/true
expect_err_has "landlock: ... (which the test build honours)" "buckle's run cache (other runs' plans) inside $R"
if ls "$R/hookcache" | grep -q .; then fail "landlock: BUCKLE_TEST_CACHE_PARENT: nothing in it without the cache" "$(ls "$R/hookcache")"; else pass "landlock: BUCKLE_TEST_CACHE_PARENT: nothing in it without the cache"; fi

# kernel result vs `buckle query --platform linux` (concrete operations)
agree() {  # NAME KERNEL_RC(0 allowed) QUERY-ARGS...
    _n=$1; _k=$2; shift 2
    "$B" query --platform linux "$P" "$@" >"$TMP/q" 2>&1
    ans=$(head -1 "$TMP/q" | cut -d' ' -f1)
    want=deny; [ "$_k" -eq 0 ] && want=allow
    set -- "$_n"
    if [ "$ans" = "$want" ]; then pass "landlock: query --platform linux agrees: $1"
    else fail "landlock: query --platform linux agrees: $1" "kernel says $want, query says: $(cat "$TMP/q")"; fi
}

run "landlock: read inside" "$B" run $A "$P" -- /usr/bin/cat "$R/proj/a.txt"
expect_rc "landlock: an allowed read succeeds" 0
expect_out_has "landlock: an allowed read returns the file" "inside"
agree "allowed read" $RC file-read-data "$R/proj/a.txt"

run "landlock: read outside" "$B" run $A "$P" -- /usr/bin/cat "$R/out/o.txt"
expect_rc "landlock: a read outside the profile fails" 1
expect_err_has "landlock: a read outside fails with EACCES" "Permission denied"
expect_out_lacks "landlock: a read outside returns nothing" "outside"
agree "read outside" $RC file-read-data "$R/out/o.txt"

run "landlock: write outside" "$B" run $A "$P" -- /usr/bin/sh -c "echo x >>'$R/out/o.txt'"
[ "$RC" -ne 0 ] && grep -q "Permission denied" "$TMP/err" && [ "$(cat "$R/out/o.txt")" = outside ] \
    && pass "landlock: a write outside fails" || fail "landlock: a write outside fails" "rc $RC: $ERR"
agree "write outside" 1 file-write-data "$R/out/o.txt"

run "landlock: write inside" "$B" run $A "$P" -- /usr/bin/sh -c "echo more >>'$R/proj/a.txt'"
expect_rc "landlock: an allowed write succeeds" 0
agree "allowed write" $RC file-write-data "$R/proj/a.txt"

run "landlock: deny inside" "$B" run $A "$P" -- /usr/bin/sh -c "echo x >>'$R/proj/secret/k'"
[ "$RC" -ne 0 ] && [ "$(cat "$R/proj/secret/k")" = secret ] && pass "landlock: a deny inside an allowed directory holds" \
    || fail "landlock: a deny inside an allowed directory holds" "rc $RC; $(cat "$R/proj/secret/k")"
agree "deny inside" 1 file-write-data "$R/proj/secret/k"
run "landlock: create in the denied dir" "$B" run $A "$P" -- /usr/bin/sh -c "echo x >'$R/proj/secret/new'"
[ "$RC" -ne 0 ] && [ ! -e "$R/proj/secret/new" ] && pass "landlock: nothing can be created in the denied directory" \
    || fail "landlock: nothing can be created in the denied directory" "rc $RC"
run "landlock: create in an allowed subdirectory" "$B" run $A "$P" -- /usr/bin/sh -c "echo x >'$R/proj/sub/new'"
[ "$RC" -eq 0 ] && [ -e "$R/proj/sub/new" ] && pass "landlock: a file can be created in a subdirectory granted at launch" \
    || fail "landlock: a file can be created in a subdirectory granted at launch" "rc $RC: $ERR"
run "landlock: -v names the mount" "$B" run -v $A "$P" -- /usr/bin/true
expect_err_has "landlock: -v lists the deny inside the allowed directory as a read-only mount" "mount: $R/proj/secret read-only"
expect_err_has "landlock: ... and the allow as exact (granted whole)" "p.buckle:4: exact: allow files write"
# where no user namespace can be made (the test build's hook): the entries around the deny one by one
BT=$(cd "$BUILD" && pwd)/buckle-test
run "landlock: -v names the narrower rule" env BUCKLE_TEST_NO_USERNS=1 "$BT" run --no-cache -v $A "$P" -- /usr/bin/true
expect_err_has "landlock: -v lists the deny-inside-allow narrowing with its line" "p.buckle:4: narrower: allow files write"

run "landlock: exec outside" "$B" run $A "$P" -- /usr/bin/sh -c "'$R/bin/mytrue'"
expect_rc "landlock: executing a binary the profile does not allow fails" 126
expect_err_has "landlock: ... with EACCES" "Permission denied"
agree "exec outside" 1 process-exec "$R/bin/mytrue"
run "landlock: the command itself" "$B" run $A "$P" -- "$R/bin/mytrue"
expect_rc "landlock: a command the profile does not let start is refused before anything runs" 125

if [ "$ABI" -ge 4 ]; then
    run "landlock: connect allowed" "$B" run $A "$P" -- "$PROBE" connect "$P1"
    expect_rc "landlock: a TCP connect to an allowed port succeeds" 0
    agree "allowed port" $RC network outbound "*:$P1"
    run "landlock: connect denied" "$B" run $A "$P" -- "$PROBE" connect "$P2"
    expect_rc "landlock: a TCP connect to another port fails" 1
    expect_out_has "landlock: ... with EACCES" "denied"
    agree "denied port" $RC network outbound "*:$P2"
else
    skip "landlock: TCP ports" "Landlock ABI $ABI < 4"
fi

if [ "$ABI" -ge 6 ]; then
    sleep 30 &
    vpid=$!
    run "landlock: signal outside" "$B" run $A "$P" -- /usr/bin/sh -c "kill -TERM $vpid"
    [ "$RC" -ne 0 ] && kill -0 "$vpid" 2>/dev/null && pass "landlock: a signal to a process outside the sandbox is refused" \
        || fail "landlock: a signal to a process outside the sandbox is refused" "rc $RC: $ERR"
    kill "$vpid" 2>/dev/null
    run "landlock: signal inside" "$B" run $A "$P" -- /usr/bin/sh -c 'sleep 5 & kill -TERM $!'
    expect_rc "landlock: a signal to the sandbox's own child is delivered" 0
else
    skip "landlock: signal scoping" "Landlock ABI $ABI < 6"
fi

# what Landlock cannot control, closed by the seccomp filter (docs/linux.md)
run "landlock: TIOCSTI" "$PROBE" pty "$B" run $A "$P" -- "$PROBE" tiocsti "touch $R/out/PWNED"
expect_out_has "landlock: the command cannot type into the caller's terminal (TIOCSTI)" "denied"
if grep -q "^typed: $" "$TMP/out" && [ ! -e "$R/out/PWNED" ]; then pass "landlock: ... nothing is waiting as input on the terminal afterwards"
else fail "landlock: ... nothing is waiting as input on the terminal afterwards" "$OUT"; fi
run "landlock: tcsetpgrp" "$PROBE" pty "$B" run $A "$P" -- "$PROBE" tcsetpgrp
expect_out_has "landlock: the command cannot take the terminal's foreground (TIOCSPGRP)" "denied"
run "landlock: UDP" "$B" run $A "$P" -- "$PROBE" socket 2 2 0
expect_out_has "landlock: a UDP socket cannot be created when the profile limits the network" "denied"
run "landlock: UDP6" "$B" run $A "$P" -- "$PROBE" socket 10 2 0
expect_out_has "landlock: ... nor a UDP socket over IPv6" "denied"
run "landlock: MPTCP" "$B" run $A "$P" -- "$PROBE" socket 2 1 262
expect_out_has "landlock: an MPTCP socket cannot be created (Landlock's ports are TCP only)" "denied"
run "landlock: SCTP" "$B" run $A "$P" -- "$PROBE" socket 2 1 132
expect_out_has "landlock: ... nor an SCTP socket" "denied"
run "landlock: TCP socket" "$B" run $A "$P" -- "$PROBE" socket 2 1 6
expect_out_has "landlock: a TCP socket can be created (Landlock checks its ports)" "created"
run "landlock: unix socket" "$B" run $A "$P" -- "$PROBE" socket 1 1 0
expect_out_has "landlock: a unix socket cannot be created when the profile allows none" "denied"
agree "unix socket by path" 1 network outbound "$R/out/sock"
run "landlock: netlink" "$B" run $A "$P" -- "$PROBE" socket 16 3 0
expect_out_has "landlock: nor a netlink socket" "denied"
run "landlock: sysv" "$B" run $A "$P" -- "$PROBE" sysv
expect_out_has "landlock: System V IPC is refused when the profile allows no IPC" "denied"
agree "System V IPC" 1 ipc sysv-shm 42
run "landlock: keyring" "$B" run $A "$P" -- "$PROBE" keyring
expect_out_has "landlock: the kernel's key rings cannot be reached" "denied"
run "landlock: keyring outside" "$PROBE" keyring
expect_out_has "landlock: ... which works outside the sandbox" "reached"
run "landlock: memfd" "$B" run $A "$P" -- "$PROBE" memfd
expect_out_has "landlock: an executable memory file cannot be created when the profile limits exec" "denied"
# a file's group or owner given away (to hand the profile to a group other
# users belong to): only the caller's own, as cp -p and tar do.  A group
# the caller belongs to (root: made one with setpriv; buckle leaves the
# command no capability to give files to others)
og=; for g in $(id -G); do [ "$g" != "$(id -g)" ] && { og=$g; break; }; done
grp=
if [ -z "$og" ] && [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
    og=$(awk -F: -v p="$(id -g)" '$3 != p { print $3; exit }' /etc/group)
    grp="setpriv --groups $(id -g),$og"
fi
if [ -n "$og" ]; then
    run "landlock: chgrp" $grp "$B" run $A "$P" -- /usr/bin/sh -c "chgrp $og '$R/proj/a.txt' 2>/dev/null; echo other=\$?; stat -c grp=%g '$R/proj/a.txt'; chown $(id -u):$(id -g) '$R/proj/a.txt'; echo own=\$?"
    expect_out_has "landlock: the command cannot give a file to another group" "other=1"
    expect_out_has "landlock: ... while its own user and group stay allowed" "own=0"
    expect_out_has "landlock: ... the file's group is as it was" "grp=$(id -g)"
else
    skip "landlock: chgrp" "no group other than the primary one to test with"
fi
run "landlock: inherited fd" sh -c "exec 5>>'$R/out/o.txt'; exec \"\$0\" run $A '$P' -- '$PROBE' fdwrite 5 PWNED" "$B"
expect_out_has "landlock: a descriptor the caller left open is closed before the command starts" "Bad file descriptor"
grep -q PWNED "$R/out/o.txt" && fail "landlock: ... and nothing was written through it" "$(cat "$R/out/o.txt")" \
    || pass "landlock: ... and nothing was written through it"
printf 'default deny;\nfiles { allow read "/usr"; allow exec-map "/usr/lib"; }\nprocess { allow exec "/usr/bin"; }\nnetwork { allow unix-connect "%s/out/sock"; }\n' "$R" >"$R/prof/unix.buckle"
run "landlock: a unix socket allowed" "$B" run $A "$R/prof/unix.buckle" -- /usr/bin/true
expect_rc "landlock: a profile allowing one unix socket by path is refused (every unix socket would open)" 125
expect_err_has "landlock: ... naming the network class" "--linux-accept=network"
printf 'default deny;\nfiles { allow read "/usr", "/proc", "%s"; allow exec-map "/usr/lib"; }\nprocess { allow exec "/usr/bin", "%s"; }\nipc { allow posix-shm "x"; }\n' "$BUILDA" "$BUILDA" >"$R/prof/ipc.buckle"
run "landlock: some ipc allowed" "$B" run $A "$R/prof/ipc.buckle" -- /usr/bin/true
expect_rc "landlock: a profile allowing some IPC is refused (all of it would open)" 125
expect_err_has "landlock: ... naming the ipc class" "--linux-accept=ipc"
run "landlock: ipc accepted" "$B" run --linux-accept=ipc,files "$R/prof/ipc.buckle" -- "$PROBE" sysv
expect_out_has "landlock: ... and accepted, System V IPC works" "created"

# a parameter value that is or passes through a link, or is not canonical, is refused:
# a run that replaces the granted directory by a link cannot widen the next run
mkdir -p "$R/proj/sub/outdir"
cat >"$R/prof/d.buckle" <<EOP
default deny;
param OUT;
files {
    allow read "/usr", "/etc", "/proc", "/dev", "$R/proj";
    allow exec-map "/usr/lib";
    allow read "\$OUT"; allow write "\$OUT";
    allow write "$R/proj/sub";
}
process { allow exec "/usr/bin"; allow fork; }
EOP
run "landlock: param swap run 1" "$B" run -D OUT="$R/proj/sub/outdir" $A "$R/prof/d.buckle" -- /usr/bin/sh -c "rmdir '$R/proj/sub/outdir' && ln -s '$R/out' '$R/proj/sub/outdir'"
run "landlock: param swap run 2" "$B" run -D OUT="$R/proj/sub/outdir" $A "$R/prof/d.buckle" -- /usr/bin/sh -c "echo PWN2 >'$R/out/o.txt'"
expect_rc "landlock: a -D value that a run replaced by a symbolic link is refused at the next run" 125
expect_err_has "landlock: ... saying it is a link" "is a symbolic link"
grep -q PWN2 "$R/out/o.txt" && fail "landlock: ... and nothing outside was written" "$(cat "$R/out/o.txt")" || pass "landlock: ... and nothing outside was written"
run "landlock: param through a link" "$B" run -D OUT="$R/proj/sub/outdir/x" $A "$R/prof/d.buckle" -- /usr/bin/true
expect_err_has "landlock: a -D value reached through a symbolic link is refused" "passes through the symbolic link $R/proj/sub/outdir"
run "landlock: param not canonical" "$B" run -D OUT="$R/proj/../out" $A "$R/prof/d.buckle" -- /usr/bin/true
expect_rc "landlock: a -D value that is not canonical is refused" 125
expect_err_has "landlock: ... saying so" "not a canonical path"
ln -s "$R/out" "$R/homelink"
printf 'default deny;\nfiles { allow read "/usr", "$HOME"; allow exec-map "/usr/lib"; }\nprocess { allow exec "/usr/bin"; }\n' >"$R/prof/home.buckle"
run "landlock: HOME a link" env HOME="$R/homelink" "$B" run "$R/prof/home.buckle" -- /usr/bin/true
expect_rc "landlock: a HOME that is a symbolic link is refused when the profile uses it" 125
expect_err_has "landlock: ... with the reason" "HOME has no usable value here: it is a symbolic link"
run "landlock: HOME root" env HOME=/ "$B" run "$R/prof/home.buckle" -- /usr/bin/true
expect_err_has "landlock: HOME=/ is refused with the reason" "it is the root directory"

# buckle's own directories stay unwritable: the run cache, in .cache of the
# home directory the password database names (whatever HOME says), even where
# the profile allows writing there; nothing of buckle's sits in TMPDIR, which
# stays writable whole (docs/linux.md); the installed build without its
# cache, which it keeps from the sandbox all the same
U=$(id -u)
PH=$(getent passwd "$U" | cut -d: -f6)
mkdir -p "$R/tmpd/sub" "$R/fakehome"
printf 'default deny;\nfiles { allow read "/usr", "%s/tmpd"; allow write "%s/tmpd"; allow exec-map "/usr/lib"; }\nprocess { allow exec "/usr/bin"; }\n' "$R" "$R" >"$R/prof/tmpd.buckle"
run "landlock: TMPDIR" env TMPDIR="$R/tmpd" "$B" run -v $A "$R/prof/tmpd.buckle" -- /usr/bin/sh -c "touch '$R/tmpd/new-entry'"
expect_rc "landlock: a new entry can be made directly in a writable TMPDIR (no buckle directory inside narrows it)" 0
expect_err_has "landlock: ... the write rule on TMPDIR is exact" "tmpd.buckle:2: exact: allow files write subpath \"$R/tmpd\""
if [ -n "$PH" ] && [ "$PH" != / ] && [ -d "$PH" ]; then
    made=; [ -d "$PH/.cache/buckle" ] || { mkdir -p -m 700 "$PH/.cache/buckle" && made=1; }
    printf 'default deny;\nfiles { allow read "/usr", "%s"; allow write "%s"; allow exec-map "/usr/lib"; }\nprocess { allow exec "/usr/bin"; }\n' "$PH/.cache" "$PH/.cache" >"$R/prof/cache.buckle"
    run "landlock: run cache" env HOME="$R/fakehome" "$BI" run --no-cache -v $A "$R/prof/cache.buckle" -- /usr/bin/sh -c "touch '$PH/.cache/buckle/planted-$$'"
    [ "$RC" -ne 0 ] && [ ! -e "$PH/.cache/buckle/planted-$$" ] && pass "landlock: the sandbox cannot write into the run cache in the home's .cache, even where the profile allows it (and HOME names another directory)" \
        || fail "landlock: the sandbox cannot write into the run cache in the home's .cache, even where the profile allows it (and HOME names another directory)" "rc $RC: $ERR"
    run "landlock: run cache moved" env HOME="$R/fakehome" "$BI" run --no-cache $A "$R/prof/cache.buckle" -- /usr/bin/sh -c "mv '$PH/.cache/buckle' '$PH/.cache/buckle-moved-$$'"
    [ "$RC" -ne 0 ] && [ -d "$PH/.cache/buckle" ] && [ ! -e "$PH/.cache/buckle-moved-$$" ] && pass "landlock: ... nor rename it away (to put another in its place)" \
        || fail "landlock: ... nor rename it away (to put another in its place)" "rc $RC: $ERR"
    rm -f "$PH/.cache/buckle/planted-$$"
    [ -d "$PH/.cache/buckle-moved-$$" ] && mv "$PH/.cache/buckle-moved-$$" "$PH/.cache/buckle"
    [ -n "$made" ] && rm -rf "$PH/.cache/buckle"
    if [ ! -e "$PH/.cache/buckle" ]; then
        run "landlock: run cache missing" env HOME="$R/fakehome" "$BI" run --no-cache $A "$R/prof/cache.buckle" -- /usr/bin/mkdir "$PH/.cache/buckle"
        [ "$RC" -ne 0 ] && [ ! -e "$PH/.cache/buckle" ] && pass "landlock: ... nor create it when it is missing" \
            || { fail "landlock: ... nor create it when it is missing" "rc $RC: $ERR"; rmdir "$PH/.cache/buckle" 2>/dev/null; }
    fi
else
    fail "landlock: the run cache in the home's .cache" "no home directory for uid $U in the password database"
fi
# a symbolic link on the way to the run cache cannot be re-pointed (the next
# run would read another cache): the test hook names a parent through a link
mkdir -p "$R/cachereal" "$R/evil/buckle-cache-$U"
ln -s "$R/cachereal" "$R/cachelink"
printf 'default deny;\nfiles { allow read "/usr", "%s"; allow write "%s"; allow exec-map "/usr/lib"; }\nprocess { allow exec "/usr/bin"; allow fork; }\n' "$R" "$R" >"$R/prof/relink.buckle"
run "landlock: cache link" env BUCKLE_TEST_CACHE_PARENT="$R/cachelink" "$B" run --force $A "$R/prof/relink.buckle" -- /usr/bin/sh -c "rm '$R/cachelink'; ln -s '$R/evil' '$R/cachelink'"
[ "$(readlink "$R/cachelink")" = "$R/cachereal" ] && pass "landlock: a link on the way to the run cache cannot be re-pointed" \
    || fail "landlock: a link on the way to the run cache cannot be re-pointed" "now $(readlink "$R/cachelink"); rc $RC: $ERR"

# process information: with "allow read /proc" but no process-info allow, another
# process's /proc/PID (environ, cmdline) is not granted; the command's own is
sleep 60 &
opid=$!
run "landlock: other environ" "$B" run $A "$P" -- /usr/bin/cat "/proc/$opid/environ"
[ "$RC" -ne 0 ] && grep -q "Permission denied" "$TMP/err" && pass "landlock: another process's /proc/PID/environ is unreadable" \
    || fail "landlock: another process's /proc/PID/environ is unreadable" "rc $RC: $ERR"
run "landlock: other cmdline" "$B" run $A "$P" -- /usr/bin/cat "/proc/$opid/cmdline"
expect_rc "landlock: ... and so is its cmdline" 1
kill "$opid" 2>/dev/null
run "landlock: own status" "$B" run $A "$P" -- /usr/bin/head -1 /proc/self/status
expect_out_has "landlock: the command reads its own /proc/self" "head"
run "landlock: proc -v" "$B" run -v $A "$P" -- /usr/bin/true
expect_err_has "landlock: -v says /proc is narrower" "process information of other processes (/proc/PID)"

# a read deny by pattern inside a writable tree: a directory granted read at launch
# cannot be moved under the denied pattern (refer is withheld there)
mkdir -p "$R/trap/n" "$R/trap/other"
echo x >"$R/trap/other/f"
cat >"$R/prof/trap.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/proc", "$R/trap";
    allow write "$R/trap";
    allow exec-map "/usr/lib";
    deny read glob "$R/trap/n/**/*.key";
}
process { allow exec "/usr/bin"; allow fork; }
EOP
run "landlock: refer trap" "$B" run --force $A "$R/prof/trap.buckle" -- /usr/bin/sh -c "mv '$R/trap/other' '$R/trap/n/other' && echo TOPSECRET >'$R/trap/n/other/x.key' && cat '$R/trap/n/other/x.key'"
expect_out_lacks "landlock: a directory cannot be moved under a read deny to keep its read grant" "TOPSECRET"

# a weakening profile is refused, naming the rule
cat >"$R/prof/weak.buckle" <<EOP
default deny;
files { allow read "/usr", "/proc", "$BUILDA"; }
process { allow exec "/usr/lib", "$BUILDA"; }
network {
    allow outbound "localhost:$P1";
}
EOP
run "landlock: weaker refused" "$B" run "$R/prof/weak.buckle" -- "$PROBE" connect "$P1"
expect_rc "landlock: a host-specific network rule is refused" 125
expect_err_has "landlock: the refusal names the rule's file and line" "weak.buckle:5: allow network outbound"
expect_err_has "landlock: the refusal names the flag that accepts it" "--linux-accept=ports"
if [ "$ABI" -ge 4 ]; then
    run "landlock: weaker accepted" "$B" run --linux-network=ports "$R/prof/weak.buckle" -- "$PROBE" connect "$P1"
    expect_rc "landlock: --linux-network=ports accepts it (the port on any host)" 0
fi
run "landlock: a metadata deny is refused" env BUCKLE_TEST_NO_USERNS=1 "$BT" run --no-cache "$P" -- /usr/bin/true
expect_rc "landlock: a deny Landlock cannot fully enforce is refused without its class" 125
expect_err_has "landlock: ... naming the rule" "p.buckle:5: deny files write"
run "landlock: unknown class" "$B" run --linux-accept=bogus "$P" -- /usr/bin/true
expect_rc "landlock: an unknown class is a usage error" 125
if [ "$ABI" -ge 3 ]; then
    run "landlock: network before ABI 4" "$B" run $A --landlock-abi=3 "$P" -- /usr/bin/true
    expect_rc "landlock: planned for ABI 3, a deny-default network is refused (TCP not controlled)" 125
    expect_err_has "landlock: ... as the network class" "--linux-accept=network"
fi

# default allow: the deny is enforced by granting everything around it
cat >"$R/prof/open.buckle" <<EOP
default allow;
files { deny read "$R/proj/secret"; }
EOP
run "landlock: default allow" "$B" run --force $A "$R/prof/open.buckle" -- /usr/bin/cat "$R/proj/secret/k"
[ "$RC" -ne 0 ] && grep -q "Permission denied" "$TMP/err" && pass "landlock: default allow: the denied directory is unreadable" \
    || fail "landlock: default allow: the denied directory is unreadable" "rc $RC: $OUT $ERR"
run "landlock: default allow elsewhere" "$B" run --force $A "$R/prof/open.buckle" -- /usr/bin/cat "$R/out/o.txt"
expect_rc "landlock: default allow: the rest stays readable" 0

# an unfiltered deny: only the allow that beats it grants anything
cat >"$R/prof/unf.buckle" <<EOP
default allow;
files { deny write; allow write "$R/proj/sub"; }
EOP
run "landlock: unfiltered deny" "$B" run --force $A "$R/prof/unf.buckle" -- /usr/bin/sh -c "echo x >'$R/proj/sub/u1'; echo y >'$R/out/u2'"
[ -e "$R/proj/sub/u1" ] && [ ! -e "$R/out/u2" ] && pass "landlock: an unfiltered deny holds everywhere but where a more specific allow beats it" \
    || fail "landlock: an unfiltered deny holds everywhere but where a more specific allow beats it" "rc $RC: $ERR"
if [ "$ABI" -ge 4 ]; then
    cat >"$R/prof/anyport.buckle" <<EOP
default deny;
files { allow read "/usr", "/proc", "$BUILDA"; }
process { allow exec "/usr/lib", "$BUILDA"; }
network { allow outbound "localhost:*"; }
EOP
    run "landlock: host:* accepted" "$B" run --linux-network=ports "$R/prof/anyport.buckle" -- "$PROBE" connect "$P2"
    expect_rc "landlock: an accepted \"localhost:*\" leaves TCP connect unhandled" 0
fi

# the dynamic loader: execute on it only where the profile lets it be mapped executable
printf 'default deny;\nfiles { allow read "/usr"; allow exec-map "/usr/lib"; }\nprocess { allow exec "/usr/bin"; }\n' >"$R/prof/ld.buckle"
printf 'default deny;\nfiles { allow read "/usr"; }\nprocess { allow exec "/usr/bin"; }\n' >"$R/prof/nold.buckle"
run "landlock: loader mapped" "$B" run $A "$R/prof/ld.buckle" -- /usr/bin/true
expect_rc "landlock: exec-map of the loader lets a dynamic program start" 0
run "landlock: loader exec refused" "$B" run "$R/prof/ld.buckle" -- /usr/bin/true
expect_rc "landlock: ... but the loader would run any readable program: refused without --linux-accept=files" 125
expect_err_has "landlock: ... naming the loader" "the dynamic loader, must be executable"
run "landlock: loader named" "$B" run -v $A "$R/prof/ld.buckle" -- /usr/bin/true
LDSO=$(sed -n 's/^  note: execute on \(.*\), the dynamic loader.*/\1/p' "$TMP/err" | head -1)
if [ -n "$LDSO" ]; then
    printf 'default deny;\nfiles { allow read "/usr"; allow exec-map "/usr/lib"; }\nprocess { allow exec "/usr/bin", "%s"; }\n' "$LDSO" >"$R/prof/ldx.buckle"
    # executing the loader is allowed, and "ld.so FILE" runs any file the
    # command may read: the default's exec part is weaker (class files)
    run "landlock: loader allowed" "$B" run "$R/prof/ldx.buckle" -- /usr/bin/true
    expect_rc "landlock: a profile that lets the loader itself be executed: refused without --linux-accept=files" 125
    expect_err_has "landlock: ... saying what the loader runs" "runs any file the command may read"
    run "landlock: loader allowed, accepted" "$B" run $A "$R/prof/ldx.buckle" -- /usr/bin/true
    expect_rc "landlock: ... and runs with it" 0
fi
run "landlock: loader not mapped" "$B" run $A "$R/prof/nold.buckle" -- /usr/bin/true
expect_rc "landlock: without exec-map of the loader a dynamic program cannot start" 126

# the profile's own source cannot be rewritten by the sandbox
cat >"$R/proj/self.buckle" <<EOP
default deny;
files { allow read "/usr", "$R/proj"; allow write "$R/proj"; }
process { allow exec "/usr/bin", "/usr/lib"; }
EOP
run "landlock: own source" "$B" run "$R/proj/self.buckle" -- /usr/bin/sh -c "echo 'default allow;' >'$R/proj/self.buckle'"
[ "$RC" -ne 0 ] && grep -q "default deny" "$R/proj/self.buckle" && pass "landlock: the sandbox cannot rewrite its own profile" \
    || fail "landlock: the sandbox cannot rewrite its own profile" "rc $RC"

# compile --target landlock: the ruleset and the verdicts, the same bytes twice
"$B" compile --target landlock "$P" >"$TMP/ll1.json" 2>"$TMP/err"; RC=$?
"$B" compile --target landlock "$P" >"$TMP/ll2.json" 2>/dev/null
expect_rc "landlock: compile --target landlock" 0
expect_same "landlock: compile --target landlock is deterministic" "$TMP/ll1.json" "$TMP/ll2.json"
grep -q "\"path\": \"$R/proj\", \"access\": \[\"write_file\"" "$TMP/ll1.json" \
    && grep -q "\"path\": \"$R/proj/secret\", \"bind\": \"read-only\"" "$TMP/ll1.json" \
    && pass "landlock: the JSON grants the allowed directory whole, the denied one a read-only mount" \
    || fail "landlock: the JSON grants the allowed directory whole, the denied one a read-only mount" "$(head -c 1600 "$TMP/ll1.json")"
grep -q '"verdict": "exact"' "$TMP/ll1.json" && pass "landlock: the JSON has each rule's verdict" \
    || fail "landlock: the JSON has each rule's verdict" "$(head -c 800 "$TMP/ll1.json")"
if command -v python3 >/dev/null 2>&1; then
    python3 -m json.tool "$TMP/ll1.json" >/dev/null 2>&1 && pass "landlock: the JSON parses" || fail "landlock: the JSON parses" "python3 -m json.tool"
fi
run "landlock: bad abi" "$B" compile --target landlock --landlock-abi 9 "$P"
expect_rc "landlock: --landlock-abi out of range is a usage error" 2

# an extends candidate looked for and not found cannot be planted for the
# next run, even where the profile allows writing its directory
mkdir -p "$R/n2/inc1" "$R/n2/lib2"
printf 'files { allow read "/usr", "/lib", "/etc"; allow write "%s/n2/inc1"; allow exec-map "/usr/lib"; }\nprocess { allow exec "/usr/bin", "/bin"; }\n' "$R" >"$R/n2/lib2/base.buckle"
printf 'extends "base";\n' >"$R/n2/p.buckle"
run "landlock: plant" env BUCKLE_PATH="$R/n2/inc1:$R/n2/lib2" "$B" run $A "$R/n2/p.buckle" -- /bin/sh -c "echo 'files { allow write \"/\"; }' >'$R/n2/inc1/base.buckle'"
[ ! -e "$R/n2/inc1/base.buckle" ] && pass "landlock: a missing extends candidate cannot be planted for the next run" \
    || fail "landlock: a missing extends candidate cannot be planted for the next run" "$R/n2/inc1/base.buckle exists"

# a pattern whose walk runs out of entries to look at says so: the paths
# left out are named in the rule's verdict, not dropped silently
mkdir -p "$R/many"
(cd "$R/many" && seq 1 20100 | xargs touch)
printf 'files { allow read regex "^%s/many/.*7$"; }\n' "$R" >"$R/many.buckle"
run "landlock: a walk that runs out of entries" "$B" compile --target landlock "$R/many.buckle"
expect_out_has "landlock: ... the rule's verdict says where it stopped" "too many entries to match at launch"
rm -rf "$R/many"

# what the next run compiles cannot be chosen from inside: a relative -I
# directory that does not exist yet, and the profile reached through a
# symbolic link (and a directory link on its way) are protected
mkdir -p "$R/nx/proj/src" "$R/nx/lib" "$R/nx/conf" "$R/nx/conf2"
printf 'default deny;\nfiles { allow read "/usr", "/etc", "/lib", "/lib64"; allow exec-map "/usr"; }\nprocess { allow exec "/usr", "/bin"; allow fork; }\n' >"$R/nx/lib/mylib.buckle"
printf 'extends "mylib";\nfiles { allow read "$WORKDIR"; allow write "$WORKDIR/src"; }\n' >"$R/nx/p6.buckle"
(cd "$R/nx/proj" && BUCKLE_PATH="$R/nx/lib" "$B" run --linux-accept=files -I src/inc3 ../p6.buckle -- /bin/sh -c 'mkdir -p src/inc3' 2>/dev/null)
[ -e "$R/nx/proj/src/inc3" ] && fail "landlock: a relative -I directory cannot be planted" "src/inc3 was created" \
    || pass "landlock: a relative -I directory cannot be planted"
printf 'default deny;\nfiles { allow read "/usr", "/etc", "/lib", "/lib64", "$WORKDIR"; allow exec-map "/usr"; allow write "$WORKDIR/src"; }\nprocess { allow exec "/usr", "/bin"; allow fork; }\n' >"$R/nx/conf/p8.buckle"
cp "$R/nx/conf/p8.buckle" "$R/nx/conf2/p7.buckle"
ln -sfn ../../conf/p8.buckle "$R/nx/proj/src/p.buckle"
ln -sfn ../../conf2 "$R/nx/proj/src/conflink"
(cd "$R/nx/proj" && "$B" run --linux-accept=files src/p.buckle -- /bin/sh -c 'echo x >src/evil.buckle; ln -sfn evil.buckle src/p.buckle' 2>/dev/null)
[ "$(readlink "$R/nx/proj/src/p.buckle")" = ../../conf/p8.buckle ] && pass "landlock: the profile's link cannot be re-pointed" \
    || fail "landlock: the profile's link cannot be re-pointed" "$(ls -l "$R/nx/proj/src")"
(cd "$R/nx/proj" && "$B" run --linux-accept=files src/conflink/p7.buckle -- /bin/sh -c 'mkdir -p src/evil2; ln -sfn evil2 src/conflink' 2>/dev/null)
[ "$(readlink "$R/nx/proj/src/conflink")" = ../../conf2 ] && pass "landlock: a directory link on the profile's path cannot be re-pointed" \
    || fail "landlock: a directory link on the profile's path cannot be re-pointed" "$(ls -l "$R/nx/proj/src")"
: >"$R/nx/proj/src/existing"
(cd "$R/nx/proj" && "$B" run --linux-accept=files src/conflink/p7.buckle -- /bin/sh -c 'echo ok >>src/existing' 2>/dev/null)
grep -q ok "$R/nx/proj/src/existing" && pass "landlock: ... while the other entries of src stay writable" \
    || fail "landlock: ... while the other entries of src stay writable" "src/existing not written"

kill "$spid" 2>/dev/null
wait "$spid" 2>/dev/null
exit 0
