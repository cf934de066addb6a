# query_concrete.sh - `buckle query FILE.buckle OPERATION OBJECT` with a
# concrete SBPL operation takes the object that operation names: a path, a
# service or sysctl name, an address.
. tests/lib.sh
D="$TMP/query_concrete"
rm -rf "$D"
mkdir -p "$D"

# query: a concrete operation's object has the kind the operation takes
printf 'default deny;\nmach { allow lookup "com.apple.x"; }\nsysctl { allow read "kern.x"; }\nnetwork { allow outbound "localhost:443"; }\n' >"$D/q.buckle"
run "query: mach-lookup takes a name" "$BUCKLE" query "$D/q.buckle" mach-lookup com.apple.x
expect_rc "query: mach-lookup NAME answers" 0
expect_out_has "query: mach-lookup is allowed" "allow"
run "query: sysctl-read takes a name" "$BUCKLE" query "$D/q.buckle" sysctl-read kern.x
expect_rc "query: sysctl-read NAME answers" 0
run "query: network-outbound takes an address" "$BUCKLE" query "$D/q.buckle" network-outbound localhost:443
expect_rc "query: network-outbound ADDRESS answers" 0
run "query: a file operation still wants a path" "$BUCKLE" query "$D/q.buckle" file-read-data relative/x
expect_rc "query: a relative path is a usage error" 2

# localhost is the loopback interface: a request written as a loopback
# address is decided as localhost by query, test and the SBPL evaluator
printf 'network { allow outbound "*:*"; deny outbound "localhost:*"; }\n' >"$D/lo.buckle"
for a in 127.0.0.1:22 LOCALHOST:22 '[::1]:22' ::1:22 127.1.2.3:22 '[::ffff:127.0.0.1]:22' \
         '[0:0:0:0:0:0:0:1]:22' '[::ffff:7f00:1]:22' '[::FFFF:127.0.0.1]:22' 127.1:22 0x7f000001:22 2130706433:22 0177.0.0.1:22 \
         '[::1%lo0]:22' '::1%lo0:22' '[::ffff:127.0.0.1%lo0]:22' localhost.:22 LocalHost.:22; do
    run "query: loopback $a" "$BUCKLE" query "$D/lo.buckle" network outbound "$a"
    expect_out_has "query: loopback $a is localhost" "deny $a"
    expect_out_has "query: loopback $a: compiled SBPL agrees" "compiled SBPL agrees"
done
for a in 10.0.0.1:22 128.0.0.1:22 '[::2]:22' 10.1:22 0x80000001:22 '[::ffff:a00:1]:22' '[::]:22' example.com:22 1a.be:22 \
         localhost..:22 xlocalhost:22 '[::1%]:22'; do
    run "query: other host $a" "$BUCKLE" query "$D/lo.buckle" network outbound "$a"
    expect_out_has "query: $a is another host" "allow $a"
done
printf 'network { allow outbound "localhost:8080"; }\ntest {\n    expect allow network outbound "127.0.0.1:8080";\n    expect allow network outbound "[::1]:8080";\n    expect deny network outbound "127.0.0.1:8081";\n}\n' >"$D/lotest.buckle"
run "test: loopback addresses" "$BUCKLE" test "$D/lotest.buckle"
expect_rc "test: loopback addresses are localhost" 0
printf 'network { allow outbound "localhost:8080"; }\ntest {\n    expect deny network outbound "[0:0:0:0:0:0:0:1]:8080";\n    expect deny network outbound "127.1:8080";\n}\n' >"$D/lotest2.buckle"
run "test: loopback in other spellings" "$BUCKLE" test "$D/lotest2.buckle"
expect_rc "test: loopback in other spellings is localhost (a wrong expect deny fails)" 1
expect_out_has "test: both fail" "0 passed, 2 failed"
# an IPv4-compatible address (::127.0.0.1): whether the sandbox counts it as
# localhost is not known, so it is refused, not answered
run "query: IPv4-compatible address" "$BUCKLE" query "$D/lo.buckle" network outbound '[::127.0.0.1]:22'
expect_rc "query: an IPv4-compatible address is a usage error" 2
expect_err_has "query: it says why" 'object "[::127.0.0.1]:22" is an IPv4-compatible IPv6 address'
printf 'network { allow outbound "localhost:8080"; }\ntest {\n    expect deny network outbound "[::127.0.0.1]:8080";\n}\n' >"$D/lotest3.buckle"
run "test: IPv4-compatible address" "$BUCKLE" test "$D/lotest3.buckle"
expect_rc "test: an IPv4-compatible address fails its expect" 1
expect_out_has "test: at the expect" "lotest3.buckle:3:5: error: the object \"[::127.0.0.1]:8080\" is an IPv4-compatible IPv6 address"
# ... and so are a scoped IPv6 address other than ::1 (fe80::1%lo0 may be
# the loopback interface's own) and a name below localhost (the resolver
# decides where it leads)
for o in '[fe80::1%lo0]:22|scoped IPv6 address other than ::1' '[::2%1]:22|scoped IPv6 address other than ::1' \
         'a.localhost:22|name below localhost' 'a.LOCALHOST.:22|name below localhost'; do
    obj=${o%|*}; want=${o##*|}
    run "query: unknown loopback status $obj" "$BUCKLE" query "$D/lo.buckle" network outbound "$obj"
    expect_rc "query: $obj is a usage error" 2
    expect_err_has "query: $obj: says why" "object \"$obj\" is a $want"
done
printf 'network { allow outbound "localhost:8080"; }\ntest {\n    expect deny network outbound "[::1%%lo0]:8080";\n    expect deny network outbound "localhost.:8080";\n    expect allow network outbound "a.localhost:8080";\n}\n' >"$D/lotest4.buckle"
run "test: scoped ::1 and localhost." "$BUCKLE" test "$D/lotest4.buckle"
expect_rc "test: scoped ::1 and localhost. are localhost (a wrong expect deny fails)" 1
expect_out_has "test: ... all three fail" "0 passed, 3 failed"
expect_out_has "test: ... a name below localhost at its expect" "lotest4.buckle:5:5: error: the object \"a.localhost:8080\" is a name below localhost"
# a network object that is no request: no port, a port outside 1-65535 or
# with a leading zero, an unbalanced [ ]; a usage error, not an answer
for o in 'localhost:65536:has no port 1-65535' 'localhost:0:has no port 1-65535' 'localhost:80x:has no port 1-65535' \
         'localhost:080:leading zero' 'localhost:names no port' '[::1:unbalanced [ ]' ':80:names no host'; do
    obj=${o%:*}; want=${o##*:}
    run "query: malformed network object $obj" "$BUCKLE" query "$D/lo.buckle" network outbound "$obj"
    expect_rc "query: $obj is a usage error" 2
    expect_err_has "query: $obj: says why" "$want"
done
# a host written in numbers that is no IPv4 address (08 is no octal
# number, a part over 255, five parts): refused by query and test, naming it
for h in 127.0.0.08 256.0.0.1 127.0.0.1.1 0x100.0.0.1; do
    run "query: no IPv4 address $h" "$BUCKLE" query "$D/lo.buckle" network outbound "$h:8080"
    expect_rc "query: $h:8080 is a usage error" 2
    expect_err_has "query: $h:8080: says why" "object \"$h:8080\" writes its host as an IPv4 address that is none"
done
printf 'network { allow outbound "localhost:8080"; }\ntest {\n    expect deny network outbound "127.0.0.08:8080";\n}\n' >"$D/lotest4.buckle"
run "test: no IPv4 address" "$BUCKLE" test "$D/lotest4.buckle"
expect_rc "test: a host that is no IPv4 address fails its expect" 1
expect_out_has "test: at the expect, naming it" "lotest4.buckle:3:5: error: the object \"127.0.0.08:8080\" writes its host as an IPv4 address that is none"
run "query: a well-formed network object" "$BUCKLE" query "$D/lo.buckle" network outbound 'localhost:8080'
expect_rc "query: localhost:8080 is answered" 0
printf 'Sandbox: curl(123) deny(1) network-outbound 127.0.0.1:8080\nSandbox: curl(124) deny(1) network-outbound [::1]:8081\n' >"$D/lo.log"
printf 'network { allow outbound "localhost:9"; }\n' >"$D/lowhy.buckle"
run "why: loopback addresses" "$BUCKLE" why "$D/lowhy.buckle" "$D/lo.log"
expect_out_has "why: 127.0.0.1 is suggested as localhost" 'allow outbound "localhost:8080";'
expect_out_has "why: [::1] is suggested as localhost" 'allow outbound "localhost:8081";'
expect_out_lacks "why: no address as a host" 'allow outbound "127.0.0.1'
# a path object is canonical the same way for an .sb as for its .buckle
# ("//", a trailing "/", /tmp under /private), and refused the same way
printf 'files { allow read "/Users/me/proj"; deny read "/Users/me/proj/secret"; }\n' >"$D/sq.buckle"
"$BUCKLE" compile "$D/sq.buckle" -o "$D/sq.sb" 2>/dev/null
for o in /Users/me/proj//secret/z /Users/me/proj/secret/ /tmp/x; do
    run "query: .buckle object $o" "$BUCKLE" query "$D/sq.buckle" file-read-data "$o"
    head -1 "$TMP/out" >"$TMP/q1"
    run "query: .sb object $o" "$BUCKLE" query "$D/sq.sb" file-read-data "$o"
    head -1 "$TMP/out" >"$TMP/q2"
    expect_same "query: $o is the same object for an .sb and its .buckle" "$TMP/q1" "$TMP/q2"
done
run "query: .sb object //" "$BUCKLE" query "$D/sq.sb" file-read-data /Users/me/proj//secret/z
expect_out_has "query: .sb: // collapses" "deny /Users/me/proj/secret/z"
for o in rel /Users/me/../x; do
    run "query: .sb object $o" "$BUCKLE" query "$D/sq.sb" file-read-data "$o"
    expect_rc "query: .sb object $o is a usage error" 2
done
