# why_many.sh - `buckle why` over many distinct denials: the suggested rules
# are checked many to a compilation of the profile (BUCKLE_WHY_DEBUG=stats
# counts the compilations), with the same report as checking each rule by
# itself (BUCKLE_WHY_DEBUG=one-by-one), findings and all.
. tests/lib.sh
P="$TMP/why_many"
mkdir -p "$P"

cat >"$P/base.buckle" <<'EOF'
files {
    allow read "/usr";
    deny final read "~/.aws";
    allow read "/private/var/run";
}
EOF
cat >"$P/p.buckle" <<'EOF'
extends "./base";
param WORKDIR;
files {
    allow write "$WORKDIR";
    deny read "~/.ssh";
    deny write literal "~/.gitconfig";
    allow read "~/Library/Keychains";
}
mach {
    allow lookup "com.apple.fonts";
    allow lookup "com.apple.SecurityServer";
}
sysctl {
    deny read prefix "kern.procargs";
}
network {
    allow outbound "localhost:8080";
}
# buckle: ignore[BK3002] -- the next rule is reviewed
EOF
cat >"$P/raw.buckle" <<'EOF'
extends "./p";
sbpl """
(allow file-read-data (literal "/Users/me/raw/allowed"))
(deny file-read-data (subpath "/Users/me/rawdeny"))
(allow file-read-data (literal "/Users/me/many/d3/f10"))
""";
EOF

# denials whose rules raise findings, or change what lint asks (two write
# grants on ~/.zshrc: lint stops at the first), or share traversal rules,
# among many that raise nothing
for m in \
    "file-read-data /Users/me/.ssh/id_rsa" "file-read-metadata /Users/me/.ssh" "file-read-data /Users/me/.aws/credentials" \
    "file-write-data /Users/me/.zshrc" "file-write-create /Users/me/.zshrc" "file-write-unlink /Users/me/.bashrc" \
    "file-write-data /Users/me/.gitconfig" "file-write-data /Users/me/project/.git/hooks/pre-commit" \
    "file-write-create /Users/me/Library/LaunchAgents/evil.plist" "file-read-data /Users/me/Library/Keychains/login.keychain-db" \
    "mach-lookup com.apple.SystemConfiguration.configd" "mach-lookup com.apple.secd" "mach-lookup com.apple.pasteboard.1" \
    "mach-lookup com.apple.lsd.open" "mach-lookup com.example.star*" "mach-lookup com.apple.fonts" \
    "sysctl-read security.mac.sandbox.sentinel" "sysctl-read kern.procargs2" "sysctl-read hw.model" \
    "network-outbound 1.2.3.4:443" "network-outbound 127.0.0.1:9090" "network-outbound 10.0.0.1:99999" \
    "network-outbound /private/var/run/mDNSResponder" "file-read-data /private/var/run/foo/bar/x.sock" \
    "file-read-data /private/var/run/foo/bar/y" "file-read-data /private/tmp/a/unix_socket/q" "file-read-data /tmp/t1" \
    "file-read-data /Users/me/raw/allowed" "file-read-data /Users/me/rawdeny/x" \
    "file-read* /Users/me/fam/a" "file-read-data /Users/me/fam/a" "file-read-metadata /Users/me/fam" \
    "file-write* /Users/me/fam/b" "file-write-data /Users/me/fam/b" "file-read-data /" "file-write-data /" \
    "file-write-data /Users" "file-write-data /Users/buckle-probe" "process-exec /usr/local/bin/tool" \
    "lsopen /Applications/X.app" "signal" "iokit-open IOSurfaceRootUserClient" "mach-register com.example.reg" \
    "file-read-data /Users/me/q\$x\"y" "file-read-data /Users/me/sp ace/f" "frobnicate /x"; do
    echo "Sandbox: t(1) deny(1) $m"
done >"$P/edge.log"
i=0
while [ $i -lt 120 ]; do
    echo "Sandbox: n(2) deny(1) file-read-data /Users/me/many/d$((i % 7))/f$i"
    echo "Sandbox: n(2) deny(1) mach-lookup com.example.m$i"
    i=$((i + 1))
done >>"$P/edge.log"

for prof in p raw; do
    for fmt in text json; do
        BUCKLE_WHY_DEBUG=stats "$BUCKLE" why -v --format $fmt -D WORKDIR=/Users/me/project "$P/$prof.buckle" "$P/edge.log" \
            >"$P/batch.$prof.$fmt" 2>"$P/batch.err"
        BUCKLE_WHY_DEBUG=stats,one-by-one "$BUCKLE" why -v --format $fmt -D WORKDIR=/Users/me/project "$P/$prof.buckle" "$P/edge.log" \
            >"$P/one.$prof.$fmt" 2>"$P/one.err"
        expect_same "why many: $prof $fmt: the same report as checking each rule alone" "$P/batch.$prof.$fmt" "$P/one.$prof.$fmt"
    done
done
# the comparison compares two ways: one compilation per rule, and far fewer
rules=$(grep -c "^  narrowest rule that allows it" "$P/one.raw.text")  # one.err: the last run, raw.buckle
if grep -q "286 distinct, $rules compilations of the profile to check suggested rules, $rules of them for one rule" "$P/one.err"; then
    pass "why many: one-by-one compiles once per suggested rule"
else fail "why many: one-by-one compiles once per suggested rule" "$rules rules; $(cat "$P/one.err")"; fi
n=$(sed -n 's/.* distinct, \([0-9]*\) compilations .*/\1/p' "$P/batch.err")
if [ -n "$n" ] && [ "$n" -lt 60 ]; then pass "why many: the rules are checked many to a compilation ($n)"
else fail "why many: the rules are checked many to a compilation" "$(cat "$P/batch.err")"; fi
# findings that only a rule alone shows are still there
run "why many: findings" env BUCKLE_WHY_DEBUG= "$BUCKLE" why -D WORKDIR=/Users/me/project "$P/p.buckle" "$P/edge.log"
expect_out_has "why many: the second write grant on ~/.zshrc" "file-write-create is allowed on /Users/test/.zshrc, so other content can be put there"
expect_out_has "why many: the first" "/Users/test/.zshrc is writable; it runs code outside the sandbox later"
expect_out_has "why many: a broad write" "[BK3003 broad-write] write is allowed on /Users"
expect_out_lacks "why many: configd's finding, suppressed at the end of the file as alone" "mach lookup allows com.apple.SystemConfiguration.configd"
expect_out_has "why many: a socket" "/private/tmp/a/unix_socket/q looks like a socket"
expect_out_has "why many: a socket directory (a traversal rule)" "/private/tmp/a/unix_socket looks like a socket"
expect_out_has "why many: a rule that does not compile" "invalid port in \"*:99999\""
expect_out_has "why many: still denied by a deny of the same rank" "but: still denied by $P/p.buckle:6:5"

# many distinct denials that raise nothing: one compilation checks them all
i=0
while [ $i -lt 400 ]; do
    echo "Sandbox: n(2) deny(1) file-read-data /Users/me/w/d$((i % 13))/f$i.txt"
    echo "Sandbox: n(3) deny(1) mach-lookup com.example.s$i"
    echo "Sandbox: n(4) deny(1) sysctl-read vm.example.n$i"
    echo "Sandbox: n(5) deny(1) network-outbound 10.0.$((i % 250)).1:$((1000 + i))"
    i=$((i + 1))
done >"$P/plain.log"
run "why many: 1600 distinct" env BUCKLE_WHY_DEBUG=stats "$BUCKLE" why -D WORKDIR=/Users/me/project "$P/p.buckle" "$P/plain.log"
expect_rc "why many: exit 0" 0
expect_err_has "why many: one compilation for 1600 rules" "1600 distinct, 1 compilations of the profile to check suggested rules, 0 of them for one rule"
expect_out_has "why many: each with its rule" 'allow file-read-data literal "~/w/d11/f349.txt";'

# an empty log as JSON: the groups array is empty
printf '' >"$P/empty.log"
run "why many: empty json" "$BUCKLE" why --format json -D WORKDIR=/w "$P/p.buckle" "$P/empty.log"
expect_out_has "why many: no groups" '"groups": []'

# deep paths (500 components, near the 1,023 bytes of a macOS path): a batch
# stops at 16,384 components, and each rule's traversal rules are its own
i=0
deep=$(awk 'BEGIN { for (k = 0; k < 490; k++) printf "/c" }')
while [ $i -lt 80 ]; do
    echo "Sandbox: n(2) deny(1) file-read-data /Users/me/x$i$deep"
    i=$((i + 1))
done >"$P/deep.log"
BUCKLE_WHY_DEBUG=stats "$BUCKLE" why -D WORKDIR=/w "$P/p.buckle" "$P/deep.log" >"$P/deep.batch" 2>"$P/deep.err"
BUCKLE_WHY_DEBUG=one-by-one "$BUCKLE" why -D WORKDIR=/w "$P/p.buckle" "$P/deep.log" >"$P/deep.one" 2>/dev/null
expect_same "why many: deep paths: the same report as alone" "$P/deep.batch" "$P/deep.one"
if grep -q "80 distinct, 3 compilations of the profile to check suggested rules, 0 of them for one rule" "$P/deep.err"; then
    pass "why many: deep paths: batches of at most 16,384 components"
else fail "why many: deep paths: batches of at most 16,384 components" "$(cat "$P/deep.err")"; fi

# the JSON report's strings, escaped as jansson escapes them
printf 'Sandbox: a\tb\001c(1) deny(1) file-read-data /Users/me/t1\n{"eventMessage":"Sandbox: x\\by\\fz\\rw(7) deny(1) file-read-data /Users/me/q\\"u\\\\o\\u007f"}\nSandbox: n\303\266de(2) deny(1) file-read-data /Users/me/bad\377x\n' >"$P/esc.log"
run "why many: escapes" "$BUCKLE" why --format json -D WORKDIR=/w "$P/p.buckle" "$P/esc.log"
expect_out_has "why many: tab and a control character" '"name": "a\tb\u0001c",'
expect_out_has "why many: backspace, form feed, return" '"name": "x\by\fz\rw",'
expect_out_has "why many: quote, backslash, DEL as is" "$(printf '"object": "/Users/me/q\\"u\\\\o\177",')"
expect_out_has "why many: UTF-8 kept" "$(printf '"name": "n\303\266de",')"
expect_out_has "why many: a byte that is not UTF-8 replaced" "$(printf '"object": "/Users/me/bad\357\277\275x",')"
