# why_sb_many.sh - `buckle why` with an .sb profile over many distinct
# denials: the suggested rules are linted and evaluated many at a time
# (BUCKLE_WHY_DEBUG=stats counts the evaluations), with the same report as
# checking each rule by itself (BUCKLE_WHY_DEBUG=one-by-one), on logs whose
# rules change each other's answers and findings when added together.
. tests/lib.sh
P="$TMP/why_sb_many"
mkdir -p "$P"

cat >"$P/p.sb" <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/usr"))
(allow file-read-metadata (literal "/Users"))
(deny file-read* (subpath "/Users/me/secret"))
(allow file-write* (subpath "/Users/me/project"))
(deny file-write* (literal "/Users/me/project/out/f"))
(allow mach-lookup (global-name "com.apple.fonts"))
(deny sysctl-read (sysctl-name-prefix "kern.procargs"))
(allow network-outbound (remote ip "localhost:8080"))
(allow file-read-data (literal "/private/var/run/z.sock"))
; buckle: ignore[BK4009] -- reviewed
(allow file-read-data (literal "/Users/me/other"))
EOF
# a suppression after the last form covers the next statement: each rule alone
cat >"$P/trailing.sb" <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/usr"))
(deny file-read* (subpath "/"))
(allow file-read-data (literal "/Users/me/z"))
; buckle: ignore[BK4009] -- covers the rule added after it
EOF
cat >"$P/open.sb" <<'EOF'
(version 1)
(allow default)
(deny file-write* (subpath "/Users"))
(deny mach-lookup (global-name-prefix "com.apple."))
(deny file-read-metadata (subpath "/Users/me/x"))
(allow file-read-data (literal "/Users/me/x/a/b/c")) ; buckle: ignore[BK4009] -- end of line
EOF
"$BUCKLE" compile -I corpus -D WORKDIR=/Users/me/project corpus/examples/agent.buckle >"$P/agent.sb" 2>"$P/compile.err" ||
    fail "why sb many: agent.sb compiles" "$(cat "$P/compile.err")"

# an ancestor's metadata rule silences a path's BK4009; a write rule on a
# protected file changes which one lint reports; keychain services and the
# sentinel sysctl; a socket allowed as network-outbound; a family and its
# operation on one path (one rule twice); more BK4005 pairs than lint
# reports (it stops at 50); a string over 1024 bytes (an error)
long=/Users/me/long
i=0
while [ $i -lt 60 ]; do long="$long/abcdefghijklmnopqr"; i=$((i + 1)); done
for m in \
    "file-read-data /Users/me/x/a/b/c" "file-read-metadata /Users/me/x/a/b" "file-read-metadata /Users/me/x/a" \
    "file-read-metadata /Users/me/x" "file-read-metadata /Users/me" "file-read-metadata /Users" "file-read-metadata /" \
    "file-read* /Users/me/x/a/b/c" "file-read-data /Users/me/x/a/b" "file-read* /Users/me/x/a/b" \
    "file-read-data /Users/test/x/y" "file-read-metadata /Users/test/x" "file-read-metadata /Users/test" \
    "file-write-data /Users/test/.zshrc" "file-write-create /Users/test/.zshrc" "file-write-unlink /Users/test/.bashrc" \
    "file-write-data /Users/test/project/.git/hooks/pre-commit" "file-write-data /Users/me/.zshrc" \
    "file-write-data /" "file-write-data /Users" "file-write-create /Users/buckle-probe" "file-write-data /Users/buckle-probe/x" \
    "file-write-data /Users/test" "file-write-data /private/tmp/buckle-profiles-501" "file-write-unlink /private/tmp" \
    "mach-lookup com.apple.SecurityServer" "mach-lookup com.apple.secd" "mach-lookup com.apple.pasteboard.1" \
    "mach-lookup com.apple.lsd.open" "mach-lookup com.apple.lsd.openurl" "mach-lookup com.example.star*" \
    "sysctl-read security.mac.sandbox.sentinel" "sysctl-read kern.procargs2" \
    "file-read-data /Users/test/Library/Keychains/login.keychain-db" "network-outbound 1.2.3.4:443" \
    "network-outbound *:443" "network-outbound 10.0.0.1:99999" \
    "network-outbound /private/var/run/x.sock" "file-read-data /private/var/run/x.sock" "file-read-data /private/var/run/y.sock" \
    "file-read-data /tmp/t1" "lsopen /buckle-probe" "signal" "job-creation /x" \
    "file-read-data /Users/me/q\$x\"y" "file-read-data /Users/me/semi;buckle: ignore[BK4009] -- x" \
    "file-read-data /Users/me/secret/s1" "file-read-metadata /Users/me/secret/s1" "file-read-data relative/path" \
    "file-read-data $long"; do
    echo "Sandbox: t(1) deny(1) $m"
done >"$P/edge.log"
i=0
while [ $i -lt 70 ]; do
    echo "Sandbox: n(2) deny(1) file-read-data /Users/me/secret/d$((i % 5))/f$i"
    i=$((i + 1))
done >>"$P/edge.log"
i=0
while [ $i -lt 150 ]; do
    echo "Sandbox: n(2) deny(1) file-read-data /Users/me/many/d$((i % 7))/f$i"
    echo "Sandbox: n(2) deny(1) mach-lookup com.example.m$i"
    [ $((i % 9)) = 0 ] && echo "Sandbox: n(2) deny(1) file-read-metadata /Users/me/many/d$((i % 7))"
    i=$((i + 1))
done >>"$P/edge.log"

for prof in p trailing open agent; do
    for fmt in text json; do
        BUCKLE_WHY_DEBUG=stats "$BUCKLE" why -v --format $fmt -D WORKDIR=/Users/me/project "$P/$prof.sb" "$P/edge.log" \
            >"$P/batch.$prof.$fmt" 2>"$P/batch.$prof.err"
        BUCKLE_WHY_DEBUG=stats,one-by-one "$BUCKLE" why -v --format $fmt -D WORKDIR=/Users/me/project "$P/$prof.sb" "$P/edge.log" \
            >"$P/one.$prof.$fmt" 2>"$P/one.$prof.err"
        expect_same "why sb many: $prof $fmt: the same report as checking each rule alone" "$P/batch.$prof.$fmt" "$P/one.$prof.$fmt"
    done
done
# one-by-one evaluates once per rule; the batches far fewer times, except
# where a suppression at the end covers what is added
rules=$(grep -c "^  narrowest rule that allows it" "$P/one.p.text")
if grep -q " distinct, $rules compilations of the profile to check suggested rules, $rules of them for one rule" "$P/one.p.err"; then
    pass "why sb many: one-by-one checks once per suggested rule"
else fail "why sb many: one-by-one checks once per suggested rule" "$rules rules; $(cat "$P/one.p.err")"; fi
for prof in p agent; do
    n=$(sed -n 's/.* distinct, \([0-9]*\) compilations .*/\1/p' "$P/batch.$prof.err")
    if [ -n "$n" ] && [ "$n" -gt 0 ] && [ "$n" -lt $((rules / 4)) ]; then pass "why sb many: $prof: many rules to an evaluation ($n)"
    else fail "why sb many: $prof: many rules to an evaluation" "$rules rules; $(cat "$P/batch.$prof.err")"; fi
done
rules=$(grep -c "^  narrowest rule that allows it" "$P/one.trailing.text")
if grep -q " distinct, $rules compilations of the profile to check suggested rules, $rules of them for one rule" "$P/batch.trailing.err"; then
    pass "why sb many: a suppression at the end: each rule alone"
else fail "why sb many: a suppression at the end: each rule alone" "$rules rules; $(cat "$P/batch.trailing.err")"; fi

# findings only a rule alone gets, there in the batched report
OUT=$(cat "$P/batch.p.text")
cp "$P/batch.p.text" "$TMP/out"
expect_out_has "why sb many: BK4009 of a path whose ancestor has its own suggestion" \
    "the ancestor /Users/me/x/a/b of /Users/me/x/a/b/c has no file-read-metadata"
expect_out_has "why sb many: the second write grant on ~/.zshrc" \
    "file-write-create is allowed on /Users/test/.zshrc, so other content can be put there"
expect_out_has "why sb many: the first" "/Users/test/.zshrc is writable; it runs code outside the sandbox later"
expect_out_has "why sb many: SecurityServer without secd" "com.apple.SecurityServer is allowed but com.apple.secd is not"
expect_out_has "why sb many: a socket without network-outbound" "/private/var/run/x.sock looks like a socket"
expect_out_has "why sb many: a string over 1024 bytes" "[BK4007 string-too-long]"
pairs=$(grep -c "BK4005 precedence-dependent.*/Users/me/secret/d" "$P/batch.p.text")
if [ "$pairs" -eq 70 ]; then pass "why sb many: every rule's BK4005, past the 50 lint reports at once"
else fail "why sb many: every rule's BK4005, past the 50 lint reports at once" "$pairs of 70"; fi
cp "$P/batch.trailing.text" "$TMP/out"
expect_out_lacks "why sb many: the suppression at the end covers each rule" "[BK4009 missing-traversal]"

# many distinct denials that raise nothing but BK4009: one evaluation
i=0
while [ $i -lt 400 ]; do
    echo "Sandbox: n(2) deny(1) file-read-data /Users/me/w/d$((i % 13))/f$i.txt"
    echo "Sandbox: n(3) deny(1) mach-lookup com.example.s$i"
    echo "Sandbox: n(4) deny(1) sysctl-read vm.example.n$i"
    echo "Sandbox: n(5) deny(1) network-outbound 10.0.$((i % 250)).1:$((1000 + i))"
    i=$((i + 1))
done >"$P/plain.log"
run "why sb many: 1600 distinct" env BUCKLE_WHY_DEBUG=stats "$BUCKLE" why -D WORKDIR=/Users/me/project "$P/agent.sb" "$P/plain.log"
expect_rc "why sb many: exit 0" 0
expect_err_has "why sb many: one evaluation for 1600 rules" "1600 distinct, 1 compilations of the profile to check suggested rules, 0 of them for one rule"
expect_out_has "why sb many: each with its rule" '(allow file-read-data (literal "/Users/me/w/d11/f349.txt"))'
