# landlock_rules.sh - `buckle run` on Linux, live: rules whose Linux meaning
# is easy to get wrong (docs/linux.md): "*:*" is IP only, raw SBPL rules
# have a verdict, a deny the filter makes exact is rated exact, the runner
# lints for Linux, a deny written through a symbolic link (class links, query follows links).
. tests/lib.sh
linux_only "landlock rules"
runner_env      # $B the test build, with a run cache of the suite's own
PROBE=$(cd "$BUILD" && pwd)/tcpprobe
BUILDA=$(cd "$BUILD" && pwd -P)
fresh_dir llrules proj prof
unset BUCKLE_SANDBOX_EXEC
A=--linux-accept=files
base() {  # the files and process part every profile here shares
    cat <<EOP
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
}
{ base; } >"$R/prof/b.buckle"
run "landlock rules: a profile runs" "$B" run $A "$R/prof/b.buckle" -- /usr/bin/true
landlock_or_exit "landlock rules"
expect_rc "landlock rules: the base profile runs" 0
ABI=$(landlock_abi)

# "*:*" (std/network/open) is TCP and UDP to any IP address: no unix socket
# by path (an ssh agent, docker.sock, D-Bus), no netlink, no packet socket
{ base; echo 'network { allow outbound "*:*"; }'; } >"$R/prof/open.buckle"
P="$R/prof/open.buckle"
run "landlock rules: *:* tcp" "$B" run $A "$P" -- "$PROBE" socket 2 1 0
expect_out_has "landlock rules: *:* lets a TCP socket be made" "created"
run "landlock rules: *:* udp" "$B" run $A "$P" -- "$PROBE" socket 2 2 0
expect_out_has "landlock rules: *:* lets a UDP socket be made" "created"
run "landlock rules: *:* udp6" "$B" run $A "$P" -- "$PROBE" socket 10 2 0
expect_out_has "landlock rules: *:* lets a UDP socket (IPv6) be made" "created"
run "landlock rules: *:* unix" "$B" run $A "$P" -- "$PROBE" socket 1 1 0
expect_out_has "landlock rules: *:* does not open unix sockets" "denied"
run "landlock rules: *:* netlink" "$B" run $A "$P" -- "$PROBE" socket 16 3 0
expect_out_has "landlock rules: *:* does not open netlink sockets" "denied"
run "landlock rules: *:* packet" "$B" run $A "$P" -- "$PROBE" socket 17 3 0
expect_out_has "landlock rules: *:* does not open packet sockets" "denied"
a=$(qans "$P" network unix-connect "$R/agent.sock")
if [ "$a" = deny ]; then pass "landlock rules: query --platform linux: unix-connect under *:* is denied"
else fail "landlock rules: query --platform linux: unix-connect under *:* is denied" "query says $a"; fi
a=$(qans "$P" network outbound "*:443")
if [ "$a" = allow ]; then pass "landlock rules: query --platform linux: *:443 under *:* is allowed"
else fail "landlock rules: query --platform linux: *:443 under *:* is allowed" "query says $a"; fi
# the profile's own unix rule still opens them (as its verdict says)
{ base; printf 'network { allow outbound "*:*"; allow unix-connect "%s/agent.sock"; }\n' "$R"; } >"$R/prof/openunix.buckle"
run "landlock rules: *:* and a unix socket" "$B" run $A,network "$R/prof/openunix.buckle" -- "$PROBE" socket 1 1 0
expect_out_has "landlock rules: *:* with a unix rule (network accepted) opens unix sockets" "created"
run "landlock rules: *:* and a unix socket, netlink" "$B" run $A,network "$R/prof/openunix.buckle" -- "$PROBE" socket 16 3 0
expect_out_has "landlock rules: *:* with a unix rule still refuses netlink" "denied"
# std/network/open itself
printf 'extends "std/network/open";\n' >"$R/prof/stdopen.buckle"
{ base; } >>"$R/prof/stdopen.buckle"
run "landlock rules: std/network/open" "$B" run $A "$R/prof/stdopen.buckle" -- "$PROBE" socket 1 1 0
expect_out_has "landlock rules: std/network/open does not open unix sockets" "denied"

# raw SBPL (an sbpl block, a misc rule's sbpl filter) is not enforced on
# Linux: a raw deny is weaker (class sbpl, refused unless accepted), a raw
# allow narrower (not granted); run, compile and query say so
echo rawsecret >"$R/proj/raw.txt"
echo other >"$R/proj/other.txt"
{ base; printf 'misc { deny file-read-data sbpl "(literal \\"%s/proj/other.txt\\")"; }\n' "$R"
  printf 'sbpl """\n(deny file-read* (literal "%s/proj/raw.txt"))\n(allow file-read* (literal "/opt/nothing"))\n""";\n' "$R"; } >"$R/prof/raw.buckle"
P="$R/prof/raw.buckle"
run "landlock rules: raw deny" "$B" run $A "$P" -- /usr/bin/cat "$R/proj/raw.txt"
expect_rc "landlock rules: a raw SBPL deny is refused on Linux (weaker)" 125
expect_out_lacks "landlock rules: a raw SBPL deny: nothing is run" "rawsecret"
expect_err_has "landlock rules: the raw deny of the sbpl block is named" "raw.buckle:$(grep -n 'deny file-read\*' "$P" | cut -d: -f1): sbpl (deny file-read*"
expect_err_has "landlock rules: the raw deny of the misc rule is named" "sbpl (deny file-read-data"
expect_err_has "landlock rules: the class that accepts it is named" "--linux-accept=sbpl"
run "landlock rules: raw deny accepted" "$B" run $A,sbpl "$P" -- /usr/bin/cat "$R/proj/raw.txt"
expect_rc "landlock rules: with --linux-accept=sbpl the run goes on" 0
"$B" compile --target landlock "$P" >"$TMP/json" 2>&1
if grep -q '"rule": "sbpl (deny file-read\* .*"verdict": "weaker", "class": "sbpl"' "$TMP/json"; then pass "landlock rules: compile --target landlock: the raw deny is weaker, class sbpl"
else fail "landlock rules: compile --target landlock: the raw deny is weaker, class sbpl" "$(grep sbpl "$TMP/json")"; fi
if grep -q '"rule": "sbpl (allow file-read\* .*"verdict": "narrower"' "$TMP/json"; then pass "landlock rules: compile --target landlock: the raw allow is narrower"
else fail "landlock rules: compile --target landlock: the raw allow is narrower" "$(grep sbpl "$TMP/json")"; fi
if grep -q '"refused": \[\("files", \)\{0,1\}"sbpl"\]' "$TMP/json"; then pass "landlock rules: compile --target landlock: refused names sbpl"
else fail "landlock rules: compile --target landlock: refused names sbpl" "$(grep refused "$TMP/json")"; fi
"$B" query --platform linux "$P" files read "$R/proj/raw.txt" >"$TMP/q" 2>&1
if head -1 "$TMP/q" | grep -q '^allow' && grep -q 'not enforced on Linux: .*sbpl (deny file-read\*' "$TMP/q"; then
    pass "landlock rules: query --platform linux: the kernel allows, and the raw deny is not enforced"
else fail "landlock rules: query --platform linux: the kernel allows, and the raw deny is not enforced" "$(cat "$TMP/q")"; fi

# a network deny that Landlock and the filter enforce exactly is exact:
# std/network/none under a deny default runs without --linux-accept=network
# (no UDP or unix socket can be made, TCP connect and bind are checked, and
# listen, which would bind a port unchecked, is refused)
if [ "$ABI" -ge 4 ]; then
    { echo 'extends "std/network/none";'; base; } >"$R/prof/none.buckle"
    P="$R/prof/none.buckle"
    run "landlock rules: std/network/none" "$B" run -v $A "$P" -- "$PROBE" listen
    expect_rc "landlock rules: std/network/none runs without --linux-accept=network" 1
    expect_out_has "landlock rules: std/network/none: listen (a port of the kernel's choice) is refused" "denied"
    expect_err_has "landlock rules: std/network/none: deny outbound is exact" "exact: deny network outbound"
    expect_err_has "landlock rules: std/network/none: deny inbound is exact" "exact: deny network inbound"
    expect_err_has "landlock rules: std/network/none: deny bind is exact" "exact: deny network bind"
    run "landlock rules: std/network/none, udp" "$B" run $A "$P" -- "$PROBE" socket 2 2 0
    expect_out_has "landlock rules: std/network/none: no UDP socket" "denied"
    a=$(qans "$P" network inbound "*:22")
    if [ "$a" = deny ]; then pass "landlock rules: query --platform linux: inbound under std/network/none is denied"
    else fail "landlock rules: query --platform linux: inbound under std/network/none is denied" "query says $a"; fi
    # where UDP gets through ("*:*"), a deny of a port stays weaker
    { base; echo 'network { allow outbound "*:*"; deny outbound "*:53"; }'; } >"$R/prof/open53.buckle"
    run "landlock rules: *:* with a deny" "$B" run $A "$R/prof/open53.buckle" -- /usr/bin/true
    expect_rc "landlock rules: under *:* a port deny is refused (UDP to it gets through)" 125
    expect_err_has "landlock rules: under *:* the port deny is named" 'deny network outbound address "*:53": Landlock controls TCP only'
else
    skip "landlock rules: std/network/none is exact" "Landlock ABI $ABI has no network rules"
fi

# the runner lints the policy it enforces: findings about what only macOS
# has (mach services, Launch Services, Apple events, the keychain) do not
# refuse a Linux run, and `lint --platform linux` agrees; macOS's lint keeps them
mkdir -p "$R/proj/priv"
echo private >"$R/proj/priv/k"
echo inside >"$R/proj/a.txt"
printf 'default allow;\nfiles { deny read "%s/proj/priv"; }\n' "$R" >"$R/prof/allow.buckle"
P="$R/prof/allow.buckle"
run "landlock rules: default allow" "$B" run $A "$P" -- /usr/bin/cat /etc/passwd "$R/proj/priv/k"
expect_rc "landlock rules: a default allow profile runs on Linux (no macOS-only lint error refuses it)" 1
expect_err_lacks() { if grep -qF -- "$2" "$TMP/err"; then fail "$1" "stderr has '$2'"; else pass "$1"; fi; }
expect_err_lacks "landlock rules: no lint error about lsopen on Linux" "BK3006"
expect_err_lacks "landlock rules: no lint finding about mach services on Linux" "BK3002"
expect_out_lacks "landlock rules: default allow: the deny holds" "private"
expect_out_has "landlock rules: default allow: the rest is read" "root:"
"$B" lint --platform linux "$P" >"$TMP/lint" 2>&1
if grep -q 'BK3006\|BK3002\|BK3008' "$TMP/lint"; then fail "landlock rules: lint --platform linux: no macOS-only findings" "$(cat "$TMP/lint")"
else pass "landlock rules: lint --platform linux: no macOS-only findings"; fi
"$B" lint "$P" >"$TMP/lint" 2>&1
if grep -q 'BK3006' "$TMP/lint"; then pass "landlock rules: lint for macOS still finds lsopen (BK3006)"
else fail "landlock rules: lint for macOS still finds lsopen (BK3006)" "$(cat "$TMP/lint")"; fi

# a deny written through a symbolic link: the kernel checks where the link
# leads, so where a grant reaches the target the deny is weaker (class
# links), and query --platform linux follows the links as the kernel does
mkdir -p "$R/real/sec" "$R/real/pub" "$R/dot/ssh" "$R/home" "$R/lib/tools"
echo TOKEN >"$R/real/sec/token"
echo KEY >"$R/dot/ssh/id_test"
ln -sfn "$R/real" "$R/alias"
ln -sfn "$R/dot/ssh" "$R/home/.ssh"
{ base; printf 'files { allow read "%s/real", "%s/alias"; deny read "%s/alias/sec"; }\n' "$R" "$R" "$R"; } >"$R/prof/link.buckle"
P="$R/prof/link.buckle"
run "landlock rules: deny through a link" "$B" run $A "$P" -- /usr/bin/cat "$R/alias/sec/token"
expect_rc "landlock rules: a deny through a link that a grant reaches past is refused (weaker)" 125
expect_out_lacks "landlock rules: a deny through a link: nothing is read" "TOKEN"
expect_err_has "landlock rules: the deny through a link is named with the path the kernel checks" "leads through a symbolic link to $R/real/sec"
expect_err_has "landlock rules: the class is links" "(class links)"
a=$(qans "$P" files read "$R/alias/sec/token")
if [ "$a" = allow ]; then pass "landlock rules: query --platform linux follows the link (the kernel allows)"
else fail "landlock rules: query --platform linux follows the link (the kernel allows)" "query says $a"; fi
run "landlock rules: deny through a link, accepted" "$B" run $A,links "$P" -- /usr/bin/cat "$R/alias/sec/token"
expect_out_has "landlock rules: with --linux-accept=links the run goes on (and the kernel allows, as query said)" "TOKEN"
# a dotfile manager's link: the deny of ~/.ssh names the link, the grant of the
# home reaches the key through it
{ base; printf 'files { allow read "%s/home", "%s/dot"; deny read "%s/home/.ssh"; }\n' "$R" "$R" "$R"; } >"$R/prof/dot.buckle"
run "landlock rules: ~/.ssh a link" "$B" run $A "$R/prof/dot.buckle" -- /usr/bin/cat "$R/home/.ssh/id_test"
expect_rc "landlock rules: a deny of a linked ~/.ssh whose target is granted is refused" 125
expect_out_lacks "landlock rules: a deny of a linked ~/.ssh: the key is not read" "KEY"
# the other direction: where no grant reaches the target, the deny holds
# and is not refused; query follows the link and says deny
{ base; printf 'files { allow read "%s/alias"; deny read "%s/alias/sec"; }\n' "$R" "$R"; } >"$R/prof/link2.buckle"
P="$R/prof/link2.buckle"
run "landlock rules: deny through a link, target not granted" "$B" run $A "$P" -- /usr/bin/cat "$R/alias/sec/token"
expect_rc "landlock rules: a deny through a link that nothing reaches past runs (and the read fails)" 1
expect_out_lacks "landlock rules: a deny through a link that nothing reaches past: nothing is read" "TOKEN"
a=$(qans "$P" files read "$R/alias/sec/token")
if [ "$a" = deny ]; then pass "landlock rules: query --platform linux: the link's target is not granted (deny)"
else fail "landlock rules: query --platform linux: the link's target is not granted (deny)" "query says $a"; fi
# an allowed program that is a link into a directory not granted execute:
# the kernel refuses it, and query (following the link) says so
cp /usr/bin/true "$R/lib/tools/mytrue"
ln -sfn "$R/lib/tools/mytrue" "$R/proj/mytrue"
{ base; printf 'files { allow read "%s/lib"; }\nprocess { allow exec "%s/proj"; }\n' "$R" "$R"; } >"$R/prof/exec.buckle"
P="$R/prof/exec.buckle"
run "landlock rules: exec through a link" "$B" run $A "$P" -- "$R/proj/mytrue"
expect_rc "landlock rules: a program reached through a link into a directory without execute is refused" 125
a=$(qans "$P" process exec "$R/proj/mytrue")
if [ "$a" = deny ]; then pass "landlock rules: query --platform linux: exec through a link follows it (deny)"
else fail "landlock rules: query --platform linux: exec through a link follows it (deny)" "query says $a"; fi
