# landlock_socketpair.sh - `buckle run` on Linux, live: where the profile
# allows no unix socket, socketpair makes only unix stream and seqpacket
# pairs (docs/linux.md, the seccomp filter): a datagram pair could sendto or
# connect to any datagram socket by path (/dev/log, the journal), which
# Landlock does not check, and another family would reach code socket()
# keeps closed.  A stream or seqpacket pair cannot be aimed elsewhere.
. tests/lib.sh
linux_only "landlock socketpair"
B=$(cd "$(dirname "$BUCKLE")" && pwd)/$(basename "$BUCKLE")
SP=$(cd "$BUILD" && pwd)/sysprobe
BUILDA=$(cd "$BUILD" && pwd -P)
R="$TMP/llsockpair"
rm -rf "$R"
mkdir -p "$R/proj" "$R/prof" "$R/svc"
R=$(cd "$R" && pwd -P)
unset BUCKLE_SANDBOX_EXEC
for net in none open; do
    {
        echo 'default deny;'
        echo "files { allow read \"/usr\", \"/etc\", \"/proc\", \"/dev\", \"$R/proj\", \"$BUILDA\"; allow exec-map \"/usr/lib\"; allow write \"$R/proj\"; }"
        echo "process { allow exec \"/usr/bin\", \"$BUILDA\"; allow fork; }"
        [ $net = open ] && echo 'network { allow outbound "*:*"; }'
    } >"$R/prof/$net.buckle"
done
A=--linux-accept=files
run "landlock socketpair: a profile runs" "$B" run --no-cache $A "$R/prof/none.buckle" -- /usr/bin/true
landlock_or_exit "landlock socketpair"
expect_rc "landlock socketpair: the profile runs" 0
S="$R/svc/dgram.sock"
for net in none open; do
    P="$R/prof/$net.buckle"
    w="(network $net)"
    # a datagram service by path outside the sandbox: nothing reaches it
    run "landlock socketpair: dgram $net" "$SP" dgram-recv "$S" "$B" run --no-cache $A "$P" -- "$SP" pair-send 2 "$S"
    if [ "$(echo "$OUT" | tail -n 1)" = nothing ]; then pass "landlock socketpair: a datagram pair's sendto or connect by path reaches no datagram socket outside $w"
    else fail "landlock socketpair: a datagram pair's sendto or connect by path reaches no datagram socket outside $w" "$OUT $ERR"; fi
    run "landlock socketpair: dgram pair $net" "$B" run --no-cache $A "$P" -- "$SP" socketpair 1 2
    expect_out_has "landlock socketpair: socketpair(AF_UNIX, SOCK_DGRAM) is refused $w" "refused: Permission denied"
    # SOCK_CLOEXEC|SOCK_NONBLOCK are above the type's bits
    run "landlock socketpair: dgram cloexec $net" "$B" run --no-cache $A "$P" -- "$SP" socketpair 1 526338
    expect_out_has "landlock socketpair: ... also with SOCK_CLOEXEC|SOCK_NONBLOCK $w" "refused: Permission denied"
    for t in 1 5 526337; do
        run "landlock socketpair: pair $t $net" "$B" run --no-cache $A "$P" -- "$SP" socketpair 1 $t
        expect_out_has "landlock socketpair: socketpair(AF_UNIX, type $t) still works (stream, seqpacket, cloexec|nonblock stream) $w" "allowed"
        # and cannot be aimed at a path
        [ $t = 526337 ] && continue
        run "landlock socketpair: pair-send $t $net" "$SP" dgram-recv "$S" "$B" run --no-cache $A "$P" -- "$SP" pair-send $t "$S"
        if [ "$(echo "$OUT" | tail -n 1)" = nothing ]; then pass "landlock socketpair: a type $t pair's sendto/connect by path reaches nothing $w"
        else fail "landlock socketpair: a type $t pair's sendto/connect by path reaches nothing $w" "$OUT $ERR"; fi
    done
    # another family: refused before its code is reached (outside it fails
    # otherwise: EOPNOTSUPP, ENODEV)
    for f in 2 40; do
        run "landlock socketpair: family $f $net" "$B" run --no-cache $A "$P" -- "$SP" socketpair $f 1
        expect_out_has "landlock socketpair: socketpair of family $f is refused by the filter $w" "refused: Permission denied"
    done
    run "landlock socketpair: query $net" "$B" query --platform linux "$P" network outbound "$S"
    expect_out_has "landlock socketpair: query --platform linux says a unix socket by path is denied $w" "deny"
done
# where the profile allows a unix socket by path, every unix socket is
# reachable anyway (weaker, class network): pairs of every type then work
printf 'default deny;\nfiles { allow read "/usr", "/etc", "/proc", "/dev", "%s"; allow exec-map "/usr/lib"; }\nprocess { allow exec "/usr/bin", "%s"; }\nnetwork { allow unix-connect "%s"; }\n' "$BUILDA" "$BUILDA" "$S" >"$R/prof/unix.buckle"
run "landlock socketpair: unix allowed" "$B" run --no-cache --linux-accept=files,network "$R/prof/unix.buckle" -- "$SP" socketpair 1 2
expect_out_has "landlock socketpair: a profile allowing a unix socket by path keeps datagram pairs" "allowed"
run "landlock socketpair: unix allowed inet" "$B" run --no-cache --linux-accept=files,network "$R/prof/unix.buckle" -- "$SP" socketpair 2 1
expect_out_has "landlock socketpair: ... but no other family" "refused: Permission denied"
# outside the sandbox the service does receive (the probe is sound)
run "landlock socketpair: outside" "$SP" dgram-recv "$S" "$SP" pair-send 2 "$S"
if [ "$(echo "$OUT" | tail -n 1)" != nothing ]; then pass "landlock socketpair: outside the sandbox the datagram reaches the service"
else fail "landlock socketpair: outside the sandbox the datagram reaches the service" "$OUT"; fi
