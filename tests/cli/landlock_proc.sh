# landlock_proc.sh - `buckle query --platform linux` answers for /proc/self
# as the kernel decides for the command (docs/linux.md): its own /proc/PID,
# and the links root and cwd as the files they lead to; fd/N and exe are
# n/a (decided on the file they lead to).  Live, real Landlock.
. tests/lib.sh
linux_only "landlock /proc/self"
runner_env      # $B the test build, with a run cache of the suite's own
SP=$(cd "$BUILD" && pwd)/sysprobe
BUILDA=$(cd "$BUILD" && pwd -P)
R="$TMP/llproc"
rm -rf "$R"
mkdir -p "$R/proj" "$R/out" "$R/prof"
R=$(cd "$R" && pwd -P)
echo in >"$R/proj/x"
echo out >"$R/out/o"
unset BUCKLE_SANDBOX_EXEC
cat >"$R/prof/p.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "$R/proj", "$BUILDA";
    allow exec-map "/usr/lib";
}
process { allow exec "/usr/bin", "$BUILDA"; }
EOP
P="$R/prof/p.buckle"
A=--linux-accept=files
run "landlock /proc/self: runs" "$B" run $A "$P" -- /usr/bin/true
landlock_or_exit "landlock /proc/self"

# the kernel's answer for the command itself (sysprobe is the command) and the query's
same() {  # PATH
    (cd "$R/proj" && "$B" run $A "$P" -- "$SP" open "$1") >"$TMP/k" 2>/dev/null
    (cd "$R/proj" && "$B" query --platform linux "$P" file-read-data "$1") >"$TMP/q" 2>&1
    k=deny; grep -q '^allowed' "$TMP/k" && k=allow
    q=$(head -1 "$TMP/q" | cut -d' ' -f1)
    if [ "$k" = "$q" ]; then pass "landlock /proc/self: query agrees with the kernel on $1 ($k)"
    else fail "landlock /proc/self: query agrees with the kernel on $1" "kernel: $k ($(cat "$TMP/k")); query: $(cat "$TMP/q")"; fi
}
same /proc/self/status
same /proc/self/mem
same /proc/self/fd
same /proc/self
same /proc/thread-self/status
same /proc/self/root/etc/hostname
same "/proc/self/root$R/out/o"
same /proc/self/root
same /proc/self/cwd/x
same /proc/self/cwd
same "/proc/self/task/$$/root$R/out/o"
sleep 30 &
opid=$!
same "/proc/$opid/status"
kill "$opid" 2>/dev/null

# a process the command starts has a new PID and no grant for its own /proc/self
run "landlock /proc/self: child" "$B" run $A "$P" -- /usr/bin/sh -c "/usr/bin/head -1 /proc/self/status"
[ "$RC" -ne 0 ] && grep -q "Permission denied" "$TMP/err" && pass "landlock /proc/self: a process the command starts cannot open its own /proc/self" \
    || fail "landlock /proc/self: a process the command starts cannot open its own /proc/self" "rc $RC: $OUT $ERR"
"$B" query --platform linux "$P" file-read-data /proc/self/status >"$TMP/q" 2>&1
grep -q "a process it starts is denied its /proc/self" "$TMP/q" && pass "landlock /proc/self: ... and the query says so" \
    || fail "landlock /proc/self: ... and the query says so" "$(cat "$TMP/q")"

# buckle plans before the command's process exists, on its own /proc/PID as
# a stand-in: that one (the supervisor's: environ, fd, mem) stays closed to
# the command, on a cold run and on a warm one
for how in --no-cache "" ""; do
    run "landlock /proc/self: supervisor $how" "$B" run $how $A "$P" -- /usr/bin/sh -c 'cat /proc/$PPID/environ; ls /proc/$PPID/fd'
    [ "$(grep -c 'Permission denied' "$TMP/err")" -eq 2 ] && [ -z "$OUT" ] && pass "landlock /proc/self: the supervisor's /proc/PID is closed to the command ${how:-(cache)}" \
        || fail "landlock /proc/self: the supervisor's /proc/PID is closed to the command ${how:-(cache)}" "rc $RC: $OUT $ERR"
done
run "landlock /proc/self: own, warm" "$B" run $A "$P" -- /usr/bin/sh -c 'cat /proc/$$/status'
expect_out_has "landlock /proc/self: the command reads its own /proc/PID on a warm run" "Name:"
# a rule that may plan one /proc/PID unlike another: the command's own is
# left out (narrower), and -v says so
cat >"$R/prof/pp.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "$R/proj", "$BUILDA";
    deny read glob "/proc/*/environ";
    allow exec-map "/usr/lib";
}
process { allow exec "/usr/bin", "$BUILDA"; }
EOP
run "landlock /proc/self: per pid" "$B" run -v --force $A "$R/prof/pp.buckle" -- /usr/bin/head -1 /proc/self/status
[ "$RC" -ne 0 ] && pass "landlock /proc/self: with a rule that names processes' entries, the command's own /proc/PID is not granted" \
    || fail "landlock /proc/self: with a rule that names processes' entries, the command's own /proc/PID is not granted" "rc $RC: $OUT"
expect_err_has "landlock /proc/self: ... and -v says why" "the command's own /proc/PID is not granted: by the rule at $R/prof/pp.buckle:4"

# a grandchild (a process a process of the command starts): under a profile
# whose process information is its own (std/base's "target self"), it cannot
# open its own /proc/self (its /proc/PID did not exist at launch:
# narrower), nor any process's outside the sandbox; under a profile that
# allows process information of every process, /proc is granted whole and
# it reads its own, while what Landlock's ptrace scope keeps (environ, maps,
# mem) stays closed for the processes outside
sleep 30 &
opid=$!
GC="/usr/bin/sh -c '/usr/bin/head -1 /proc/self/status; /usr/bin/ls /proc/self/fd | /usr/bin/grep -q . && echo fd-listed; /usr/bin/cat /proc/thread-self/comm; /usr/bin/head -c 5 /proc/$opid/cmdline; echo; /usr/bin/head -c 5 /proc/$opid/environ; /usr/bin/head -1 /proc/$opid/maps; /usr/bin/head -1 /proc/$opid/status'"
run "landlock /proc/self: grandchild, self" "$B" run $A "$P" -- /usr/bin/sh -c "$GC"
expect_out_lacks "landlock /proc/self: (info of itself) a grandchild cannot open its own /proc/self (narrower)" "Name:"
expect_out_lacks "landlock /proc/self: (info of itself) ... nor list its own /proc/self/fd" "fd-listed"
expect_out_lacks "landlock /proc/self: (info of itself) ... nor read another process's cmdline outside the sandbox" "sleep"
[ "$(grep -c 'Permission denied' "$TMP/err")" -ge 6 ] && pass "landlock /proc/self: (info of itself) ... each refused with EACCES" \
    || fail "landlock /proc/self: (info of itself) ... each refused with EACCES" "$ERR"
cat >"$R/prof/info.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "$R/proj", "$BUILDA";
    allow exec-map "/usr/lib";
}
process { allow exec "/usr/bin", "$BUILDA"; allow fork; allow info; }
EOP
run "landlock /proc/self: grandchild, info" "$B" run --linux-accept=files,process "$R/prof/info.buckle" -- /usr/bin/sh -c "$GC"
expect_out_has "landlock /proc/self: (info of every process) a grandchild reads its own /proc/self" "Name:	head"
expect_out_has "landlock /proc/self: (info of every process) ... lists its own /proc/self/fd" "fd-listed"
expect_out_has "landlock /proc/self: (info of every process) ... reads /proc/thread-self" "cat"
expect_out_has "landlock /proc/self: (info of every process) ... and another process's cmdline, as the profile allows" "sleep"
grep -q "/proc/$opid/environ' for reading: Permission denied" "$TMP/err" && grep -q "/proc/$opid/maps' for reading: Permission denied" "$TMP/err" \
    && pass "landlock /proc/self: (info of every process) ... but not an outside process's environ or maps (Landlock's ptrace scope)" \
    || fail "landlock /proc/self: (info of every process) ... but not an outside process's environ or maps (Landlock's ptrace scope)" "$OUT $ERR"
kill "$opid" 2>/dev/null

# descriptor links: decided on the file they lead to, so n/a for the query
run "landlock /proc/self: fd outside" sh -c "'$B' run $A '$P' -- '$SP' open /proc/self/fd/0 <'$R/out/o'"
expect_out_has "landlock /proc/self: /proc/self/fd/0 leading outside the profile is refused" "refused"
run "landlock /proc/self: fd inside" sh -c "'$B' run $A '$P' -- '$SP' open /proc/self/fd/0 <'$R/proj/x'"
expect_out_has "landlock /proc/self: /proc/self/fd/0 leading inside is allowed" "allowed"
run "landlock /proc/self: query fd" "$B" query --platform linux "$P" file-read-data /proc/self/fd/0
expect_out_has "landlock /proc/self: the query answers n/a for a descriptor link" "n/a /proc/self/fd/0"
run "landlock /proc/self: query exe" "$B" query --platform linux "$P" file-read-data /proc/self/exe
expect_out_has "landlock /proc/self: ... and for /proc/self/exe" "n/a /proc/self/exe"
"$B" query --platform linux "$P" file-read-data /proc/self/status >"$TMP/q1" 2>&1
"$B" query --platform linux "$P" file-read-data /proc/self/status >"$TMP/q2" 2>&1
expect_same "landlock /proc/self: the answer is the same bytes every time (no PID in it)" "$TMP/q1" "$TMP/q2"
exit 0
