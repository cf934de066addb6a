# landlock_bind.sh - `buckle run` on Linux, live: the default's deny of bind
# and inbound (docs/linux.md, Verdicts).  Landlock checks a TCP socket's
# bind only: under "*:*" (UDP allowed) with no port to bind, the seccomp
# filter refuses bind, so no UDP socket serves a port of its choosing; once
# a TCP port may be bound, listen on a socket not bound first takes a port
# of the kernel's choosing unchecked, and the default is weaker (class
# network): the run needs --linux-accept=network.  `query --platform linux`
# answers what the kernel does.
. tests/lib.sh
linux_only "landlock bind"
runner_env
PROBE=$(cd "$BUILD" && pwd)/tcpprobe
BUILDA=$(cd "$BUILD" && pwd -P)
R="$TMP/llbind"
rm -rf "$R"
mkdir -p "$R/proj" "$R/prof"
R=$(cd "$R" && pwd -P)
unset BUCKLE_SANDBOX_EXEC
base() {
    echo 'default deny;'
    echo "files { allow read \"/usr\", \"/etc\", \"/proc\", \"/dev\", \"$R/proj\", \"$BUILDA\"; allow exec-map \"/usr/lib\"; allow write \"$R/proj\"; }"
    echo "process { allow exec \"/usr/bin\", \"$BUILDA\"; allow fork; }"
}
{ base; echo 'network { allow outbound "*:*"; }'; } >"$R/prof/open.buckle"
{ base; echo 'network { allow bind "*:8080"; allow inbound "*:8080"; }'; } >"$R/prof/dev.buckle"
{ base; echo 'network { allow outbound "*:*"; allow bind "*:8080"; }'; } >"$R/prof/openbind.buckle"
A=--linux-accept=files
cd "$R/proj" || exit 1
run "landlock bind: a profile runs" "$B" run $A "$R/prof/open.buckle" -- /usr/bin/true
landlock_or_exit "landlock bind"
expect_rc "landlock bind: the open profile runs" 0
ABI=$(sed -n 's/^buckle run: landlock ABI \([0-9]*\):.*/\1/p' "$TMP/err")
if [ "${ABI:-0}" -lt 4 ]; then skip "landlock bind: every check" "Landlock ABI $ABI has no network rules"; exit 0; fi

# "*:*" and no port to bind: a UDP socket cannot bind (it would serve any
# port), but it still sends (the kernel picks its port)
run "landlock bind: udp bind" "$B" run $A "$R/prof/open.buckle" -- "$PROBE" udpbind 5555
expect_out_has "landlock bind: under \"*:*\" with no bind allowed, a UDP socket cannot bind a port" "denied"
run "landlock bind: udp send" "$B" run $A "$R/prof/open.buckle" -- "$PROBE" udpsend 5555
expect_out_has "landlock bind: ... and a UDP datagram still goes out" "sent"
run "landlock bind: open -v" "$B" run -v $A "$R/prof/open.buckle" -- /usr/bin/true
expect_err_has "landlock bind: -v names the bind refusal" "seccomp: bind is refused"
run "landlock bind: query open bind" "$B" query --platform linux "$R/prof/open.buckle" network bind "*:5555"
expect_out_has "landlock bind: query says bind of a port is denied under \"*:*\"" "bind is refused (seccomp)"
if head -1 "$TMP/out" | grep -q '^deny'; then pass "landlock bind: ... deny"; else fail "landlock bind: ... deny" "$OUT"; fi
# an explicit deny of bind is exact there now
{ base; echo 'network { allow outbound "*:*"; deny bind "*:5555"; }'; } >"$R/prof/opendeny.buckle"
run "landlock bind: open deny" "$B" run $A "$R/prof/opendeny.buckle" -- /usr/bin/true
expect_rc "landlock bind: an explicit deny of bind under \"*:*\" is enforced (no network class needed)" 0

# a TCP port may be bound: listen without bind takes one unchecked, so the
# default is weaker and the run is refused without the class
run "landlock bind: dev" "$B" run $A "$R/prof/dev.buckle" -- "$PROBE" listen
expect_rc "landlock bind: a profile allowing one bind port is refused without --linux-accept=network" 125
expect_err_has "landlock bind: ... the default is weaker, listen named" "listen on a TCP socket not bound first"
run "landlock bind: dev accepted" "$B" run $A,network "$R/prof/dev.buckle" -- "$PROBE" listen
expect_out_has "landlock bind: ... with the class accepted it runs, and listen works (the weaker verdict is true)" "listening"
run "landlock bind: query dev" "$B" query --platform linux "$R/prof/dev.buckle" network bind "*:45247"
if head -1 "$TMP/out" | grep -q '^allow'; then pass "landlock bind: query says a port of the kernel's range can be had (listen)"
else fail "landlock bind: query says a port of the kernel's range can be had (listen)" "$OUT"; fi
run "landlock bind: query dev low" "$B" query --platform linux "$R/prof/dev.buckle" network bind "*:9001"
if head -1 "$TMP/out" | grep -q '^deny'; then pass "landlock bind: ... and a port outside it cannot"
else fail "landlock bind: ... and a port outside it cannot" "$OUT"; fi
# "*:*" with a port to bind: UDP binds any port, the default is weaker
run "landlock bind: openbind" "$B" run $A "$R/prof/openbind.buckle" -- /usr/bin/true
expect_rc "landlock bind: \"*:*\" with a bind port is refused without --linux-accept=network" 125
expect_err_has "landlock bind: ... UDP named" "a UDP socket can bind any port"
run "landlock bind: openbind accepted" "$B" run $A,network "$R/prof/openbind.buckle" -- "$PROBE" udpbind 5555
expect_out_has "landlock bind: ... accepted, a UDP socket does bind (the verdict is true)" "bound"
run "landlock bind: query openbind" "$B" query --platform linux "$R/prof/openbind.buckle" network bind "*:5555"
if head -1 "$TMP/out" | grep -q '^allow'; then pass "landlock bind: query says UDP can bind there"; else fail "landlock bind: query says UDP can bind there" "$OUT"; fi
