# landlock_abstract.sh - `buckle run` on Linux, live: a profile whose
# outbound default is deny keeps abstract unix sockets inside the sandbox
# (Landlock's scope ABSTRACT_UNIX_SOCKET, ABI 6; docs/linux.md, "Mapping"):
# the default deny does, and so does `deny outbound` under `default allow`
# (corpus/examples/build-sandbox.buckle's).  A profile that allows outbound
# connections reaches them.
. tests/lib.sh
linux_only "landlock abstract"
PY=/usr/bin/python3
[ -x "$PY" ] || { skip "landlock abstract: every check" "python3 is not installed"; exit 0; }
unset BUCKLE_SANDBOX_EXEC
runner_env
R="$TMP/llabstract"
rm -rf "$R"
mkdir -p "$R/w/out" "$R/tmp"
R=$(cd "$R" && pwd -P)
NAME="buckle-test-abstract-$$"
cp corpus/examples/build-sandbox.buckle "$R/bs.buckle"
printf 'default allow;\nfiles { deny write "/"; allow write "%s/w", "%s/tmp"; }\n' "$R" "$R" >"$R/open.buckle"
# a listener outside the sandbox, on an abstract name and by path; it
# writes who reached it
"$PY" -c '
import socket, sys, os
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); s.bind("\0" + sys.argv[1]); s.listen(8)
open(sys.argv[2], "w").close()
while True:
    c, _ = s.accept(); c.close()
' "$NAME" "$R/ready" &
LP=$!
trap 'kill $LP 2>/dev/null' EXIT
i=0; while [ ! -e "$R/ready" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
PROBE='
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try:
    s.connect("\0" + sys.argv[1]); print("CONNECTED")
except OSError as e:
    print("REFUSED", e.errno)
'
run "landlock abstract: outside" "$PY" -c "$PROBE" "$NAME"
if [ "$OUT" != CONNECTED ]; then skip "landlock abstract: every check" "the listener is not reachable outside ($OUT)"; exit 0; fi
run "landlock abstract: build-sandbox" sh -c "cd '$R/w' && TMPDIR='$R/tmp' '$B' run --no-cache --linux-accept=files,network,ports,process '$R/bs.buckle' -- $PY -c '$PROBE' $NAME"
landlock_or_exit "landlock abstract"
run "landlock abstract: abi" "$B" compile --target landlock "$R/bs.buckle"
if ! printf '%s\n' "$OUT" | grep -q '"abi": *[6-9]'; then skip "landlock abstract: every check" "Landlock before ABI 6 has no scopes"; exit 0; fi
expect_out_has "landlock abstract: compile --target landlock: build-sandbox's deny outbound scopes abstract unix sockets" abstract_unix_socket
run "landlock abstract: build-sandbox" sh -c "cd '$R/w' && TMPDIR='$R/tmp' '$B' run --no-cache --linux-accept=files,network,ports,process '$R/bs.buckle' -- $PY -c '$PROBE' $NAME"
expect_out_has "landlock abstract: under deny outbound (default allow), an abstract socket outside is not reached" "REFUSED"
expect_out_lacks "landlock abstract: ... (not connected)" "CONNECTED"
run "landlock abstract: open" sh -c "cd '$R/w' && TMPDIR='$R/tmp' '$B' run --no-cache --linux-accept=files,network,ports,process '$R/open.buckle' -- $PY -c '$PROBE' $NAME"
expect_out_has "landlock abstract: a default allow profile without deny outbound reaches it" "CONNECTED"
# the class's refusal names them, for a kernel without the scope
run "landlock abstract: refusal" sh -c "cd '$R/w' && TMPDIR='$R/tmp' '$B' run --no-cache --linux-accept=files,ports,process '$R/bs.buckle' -- true"
expect_rc "landlock abstract: build-sandbox without --linux-accept=network is refused" 125
expect_err_has "landlock abstract: ... the network class names abstract unix sockets (before ABI 6)" "abstract ones too before ABI 6"
