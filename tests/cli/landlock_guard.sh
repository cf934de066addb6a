# landlock_guard.sh - `buckle run` on Linux with a profile that allows
# signals to others (no Landlock signal scope): the command cannot kill or
# stop buckle, its supervisor, by any call that names a process to signal
# (kill of buckle's pid, of its process group, of 0 and -1; tkill, tgkill,
# rt_sigqueueinfo, rt_tgsigqueueinfo; pidfd_send_signal; a file's SIGIO
# owner), so the check after the run still finds the .husky it planted in
# a git repository (--linux-accept=files,new-paths) and fails the run; a
# signal to another process outside and to the command's own group still
# works, and buckle still forwards SIGTERM and SIGINT sent to it from
# outside (docs/linux.md, "The parent, buckle, is the command's
# supervisor").
. tests/lib.sh
linux_only "landlock guard"
for t in git setsid timeout; do
    command -v $t >/dev/null 2>&1 || { skip "landlock guard: every check" "$t is not installed"; exit 0; }
done
unset BUCKLE_SANDBOX_EXEC
A=--linux-accept=files,new-paths
U=$(mktemp -d "${TMPDIR:-/tmp}/buckle-llguard.XXXXXX")
chmod 755 "$U"
U=$(cd "$U" && pwd -P)
trap 'rm -rf "$U"' EXIT
mkdir -p "$U/corpus" "$U/prof" "$U/home" "$U/tmp"
cp "$BUCKLE" "$U/buckle"
cp -R corpus/std "$U/corpus/std"
printf 'extends "std/agent";\nprocess { allow signal target "others"; }\n' >"$U/prof/sig.buckle"
B=$U/buckle
P=$U/prof/sig.buckle
git init -q "$U/w" && echo one >"$U/w/one" && (cd "$U/w" && git add one && git -c user.name=t -c user.email=t@example.org commit -qm one)

# grun LABEL COMMAND...: buckle run in the project, in a session of its own
# (a signal to its process group reaches buckle and the command only), with
# a time limit (a stopped buckle would wait for ever)
grun() {
    _l=$1; shift
    run "landlock guard: $_l" sh -c "cd '$U/w' && exec env HOME='$U/home' TMPDIR='$U/tmp' timeout -k 5 20 setsid -w \"\$@\"" sh "$@"
}
# attack LABEL SHELL-COMMAND: the command plants .husky, then tries to
# signal buckle; buckle must live to find .husky after the run
attack() {
    _l=$1
    rm -rf "$U/w/.husky"
    grun "$_l" "$B" run $A "$P" -- sh -c "mkdir .husky && echo evil >.husky/pre-commit; $2; sleep 0.2; echo done"
    if [ $_first = 1 ] && grep -q "offers no Landlock" "$TMP/err"; then skip "landlock guard: every check" "this kernel has no Landlock"; exit 0; fi
    _first=0
    [ "$RC" -eq 125 ] && grep -q "$U/w/.husky exists after the run" "$TMP/err" && grep -q "^refused" "$TMP/out" && grep -q "^done" "$TMP/out" \
        && pass "landlock guard: $_l: refused, and the check after the run fails it" \
        || fail "landlock guard: $_l: refused, and the check after the run fails it" "rc $RC: $(cat "$TMP/out") $(head -c 600 "$TMP/err")"
    rm -rf "$U/w/.husky"
}
_first=1
attack "kill -KILL of buckle's pid" 'kill -KILL $PPID && echo reached || echo refused'
attack "kill -STOP of buckle's pid" 'kill -STOP $PPID && echo reached || echo refused'
attack "kill -TERM of buckle's pid" 'kill -TERM $PPID && echo reached || echo refused'
attack "kill -KILL of 0 (buckle's process group)" 'kill -KILL 0 && echo reached || echo refused'
# (the shell's own /proc/PID: a process it starts cannot read its own)
attack "kill -KILL of minus buckle's process group" 'read -r _ _ _ _ g _ </proc/$$/stat; kill -s KILL -- -$g && echo reached || echo refused'
# signal 0 only: every process of the user (as root, of the machine)
attack "kill of -1" 'kill -0 -1 && echo reached || echo refused'

# the other calls, from python where it is installed
PY=/usr/bin/python3
if [ -x "$PY" ]; then
    cat >"$U/w/sig.py" <<'EOF'
import ctypes, fcntl, os, signal, struct, sys
libc = ctypes.CDLL(None, use_errno=True)
x86 = os.uname().machine == "x86_64"
nr = {"tkill": 200 if x86 else 130, "tgkill": 234 if x86 else 131,
      "rt_sigqueueinfo": 129 if x86 else 138, "rt_tgsigqueueinfo": 297 if x86 else 240}
p, how = int(sys.argv[2]), sys.argv[1]      # buckle, the parent of the shell
info = ctypes.create_string_buffer(128)
struct.pack_into("iii", info, 0, signal.SIGKILL, 0, -1)      # si_code SI_QUEUE
try:
    if how == "tkill": r = libc.syscall(nr[how], p, signal.SIGKILL)
    elif how == "tgkill": r = libc.syscall(nr[how], p, p, signal.SIGKILL)
    elif how == "rt_sigqueueinfo": r = libc.syscall(nr[how], p, signal.SIGKILL, info)
    elif how == "rt_tgsigqueueinfo": r = libc.syscall(nr[how], p, p, signal.SIGKILL, info)
    elif how == "pidfd":
        signal.pidfd_send_signal(os.pidfd_open(p), signal.SIGKILL)
        r = 0
    elif how in ("setown", "setown-group"):
        rd, wr = os.pipe()
        fcntl.fcntl(rd, fcntl.F_SETOWN, p if how == "setown" else -os.getpgid(0))
        fcntl.fcntl(rd, fcntl.F_SETSIG, signal.SIGKILL)
        fcntl.fcntl(rd, fcntl.F_SETFL, os.O_ASYNC)
        os.write(wr, b"x")
        r = 0
except OSError:
    r = -1
print("reached" if r == 0 else "refused", flush=True)
EOF
    chmod -R a+rX "$U"
    for how in tkill tgkill rt_sigqueueinfo rt_tgsigqueueinfo pidfd setown setown-group; do
        attack "$how of buckle" "$PY sig.py $how \$PPID"
    done
else
    skip "landlock guard: tkill, tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo, pidfd_send_signal, F_SETOWN" "no /usr/bin/python3"
fi
chmod -R a+rX "$U"

# still allowed: another process outside, the command's own child, a group
# of its own by number
sleep 60 &
_s=$!
grun "outside" "$B" run $A "$P" -- sh -c "kill -0 $_s && echo reached || echo refused"
expect_out_has "landlock guard: a signal to another process outside still works (the profile allows it)" "reached"
kill $_s 2>/dev/null
grun "own child" "$B" run $A "$P" -- sh -c 'sleep 30 & kill $!; wait $!; echo "status $?"'
expect_out_has "landlock guard: ... and to the command's own child" "status 143"
grun "own group" "$B" run $A "$P" -- sh -c 'setsid sleep 30 & sleep 0.3; kill -- -$!; wait $!; echo "status $?"'
expect_out_has "landlock guard: ... and to a process group the command made, by number" "status 143"
grun "note" "$B" run -v $A "$P" -- true
expect_err_has "landlock guard: -v says buckle is kept out of reach" "signals to buckle, the supervisor"
# the plan: the guard wherever no signal scope holds (signals to others,
# or Landlock below ABI 6 with class process accepted), not where one does
printf 'extends "std/agent";\n' >"$U/prof/agent.buckle"
V="-D WORKDIR=$U/w -D HOME=$U/home -D TMPDIR=$U/tmp"
"$B" compile --target landlock --linux-accept=files $V "$U/prof/agent.buckle" >"$TMP/out" 2>&1
expect_out_lacks "landlock guard: with the signal scope (std/agent, ABI 7), no guard in the filter" "signals to buckle, the supervisor"
"$B" compile --target landlock --landlock-abi 5 --linux-accept=files,process $V "$U/prof/agent.buckle" >"$TMP/out" 2>&1
expect_out_has "landlock guard: ... below ABI 6 (no scope), the guard" "signals to buckle, the supervisor"

# buckle still forwards what is sent to it from outside
grun "term" timeout --preserve-status -s TERM 1 "$B" run $A "$P" -- sleep 30
expect_rc "landlock guard: SIGTERM sent to buckle from outside ends the command (128+15)" 143
grun "int" timeout --preserve-status -s INT 1 "$B" run $A "$P" -- sleep 30
expect_rc "landlock guard: ... SIGINT too (128+2)" 130

# buckle's /proc/PID belongs to root while it supervises: the command,
# running as the same user with a profile that lets it write /proc (default
# allow), cannot raise buckle's oom_score_adj (the out-of-memory killer
# would pick buckle).  As an unprivileged user: root owns those files anyway
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
    printf 'default allow;\n' >"$U/prof/open.buckle"
    chmod -R a+rX "$U"
    run "landlock guard: oom" sh -c "cd '$U/w' && exec setpriv --reuid=65534 --regid=65534 --clear-groups env HOME='$U/home' TMPDIR='$U/tmp' \"\$@\"" sh \
        "$B" run --no-cache --linux-accept=files "$U/prof/open.buckle" -- sh -c 'echo 1000 >/proc/$PPID/oom_score_adj && echo reached || echo refused; echo 500 >/proc/$$/oom_score_adj && echo own-written'
    expect_out_has "landlock guard: (uid 65534) buckle's oom_score_adj cannot be written from inside" "refused"
    expect_out_has "landlock guard: ... while the command's own /proc/PID is its own (dumpable again after exec)" "own-written"
else
    skip "landlock guard: buckle's oom_score_adj as an unprivileged user" "needs root (to become uid 65534) and setpriv"
fi
