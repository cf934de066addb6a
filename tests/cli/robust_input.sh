# robust_input.sh - malformed and extreme input: a clear error at the place,
# a non-zero exit, and no output file left behind; never a crash or a hang.
. tests/lib.sh
R="$TMP/robust"
mkdir -p "$R"
# invalid UTF-8 in a comment is an error at the byte, as it is in a string
printf '# \377\376 bad\nfiles { allow read "/a"; } # \300\257\n' >"$R/u8.buckle"
run "robust: invalid UTF-8 in a comment" "$BUCKLE" compile "$R/u8.buckle"
expect_rc "robust: invalid UTF-8 in a comment fails" 1
expect_err_has "robust: comment UTF-8 at the byte" "u8.buckle:1:3: error: comment is not valid UTF-8"
expect_err_has "robust: second comment UTF-8 at the byte" "u8.buckle:2:30: error: comment is not valid UTF-8"
run "robust: lint invalid UTF-8 in a comment" "$BUCKLE" lint "$R/u8.buckle"
expect_rc "robust: lint reports invalid UTF-8 in a comment" 1
printf 'files { allow read "/a"; }\r\n# caf\303\251 \342\202\254\r\n' >"$R/u8ok.buckle"
run "robust: UTF-8 comment" "$BUCKLE" compile "$R/u8ok.buckle"
expect_rc "robust: valid UTF-8 in a comment compiles" 0
# a path longer than the kernel's limit is an error at the string, before
# its ancestors make output that grows with the square of its length
awk 'BEGIN { printf "files { allow read \""; for (i = 0; i < 512; i++) printf "/a"; printf "\"; }\n" }' >"$R/longpath.buckle"
run "robust: 1024-byte path" timeout 20 "$BUCKLE" compile "$R/longpath.buckle" -o "$R/longpath.sb"
expect_rc "robust: a 1024-byte path is an error" 1
expect_err_has "robust: path length at the string" "longpath.buckle:1:20: error: a path of 1024 bytes"
if [ -e "$R/longpath.sb" ]; then fail "robust: no output for a long path" "longpath.sb was written"; else pass "robust: no output for a long path"; fi
awk 'BEGIN { printf "files { allow read \""; for (i = 0; i < 511; i++) printf "/a"; printf "\"; }\n" }' >"$R/path1022.buckle"
run "robust: 1022-byte path" timeout 20 "$BUCKLE" compile "$R/path1022.buckle"
expect_rc "robust: a 1022-byte path compiles" 0
printf 'param P;\nfiles { allow read "$P/x"; }\n' >"$R/param.buckle"
LONGV=$(awk 'BEGIN { for (i = 0; i < 2100; i++) printf "/a" }')
run "robust: long -D value" timeout 20 "$BUCKLE" compile -D "P=$LONGV" "$R/param.buckle"
expect_rc "robust: a -D value longer than any path is a usage error" 2
expect_err_has "robust: -D length message" "longer than 4095 bytes"
# a log line with a 60 KB path: no kernel logs one; reported, not explained
awk 'BEGIN { printf "Sandbox: x(1) deny(1) file-read-data "; for (i = 0; i < 30000; i++) printf "/a"; printf "\n" }' >"$R/long.log"
run "robust: why on a 60 KB path" timeout 10 "$BUCKLE" why -v corpus/examples/agent.buckle "$R/long.log"
expect_rc "robust: why on a 60 KB path ends" 0
expect_out_has "robust: why names the long line" "long.log:1: not read: a path longer than any the kernel logs"
# a chain of rules nested inside each other: each rule carves its nearest
# opponents only (a carve-out inside another adds nothing), so the output
# grows with the chain, not with its cube (7 MB for 200 levels before)
awk 'BEGIN { print "files {"; p = ""; for (i = 0; i < 200; i++) { p = p "/a"; printf "    %s read \"%s\";\n", (i % 2 ? "deny" : "allow"), p } print "}" }' >"$R/chain.buckle"
run "robust: nested chain" timeout 60 "$BUCKLE" compile "$R/chain.buckle" -o "$R/chain.sb"
expect_rc "robust: a 200-rule nested chain compiles" 0
size=$(wc -c <"$R/chain.sb" 2>/dev/null || echo 0)
if [ "$size" -gt 0 ] && [ "$size" -lt 1000000 ]; then pass "robust: nested chain output under 1 MB"; else fail "robust: nested chain output under 1 MB" "$size bytes"; fi
run "robust: nested chain reads back" "$BUILD/sbpl-readback" "$R/chain.sb"
expect_rc "robust: nested chain output reads back" 0
DEEP=$(awk 'BEGIN { for (i = 0; i < 152; i++) printf "/a"; printf "/x" }')
run "robust: nested chain decision" "$BUCKLE" query "$R/chain.buckle" files file-read-data "$DEEP"
expect_out_has "robust: deep path denied by the 152nd rule" "deny $DEEP"
expect_out_has "robust: compiled chain agrees" "compiled SBPL agrees"
# srt settings with 20,000 paths import in linear time
awk 'BEGIN { printf "{\"filesystem\": {\"allowWrite\": ["; for (i = 0; i < 20000; i++) printf "%s\"/w/p%d\"", (i ? ", " : ""), i % 15000; print "]}}" }' >"$R/many.json"
run "robust: srt import of 20,000 paths" timeout 20 "$BUCKLE" import --from srt "$R/many.json" -o "$R/many.buckle"
expect_rc "robust: srt import of 20,000 paths ends" 0
n=$(grep -c 'allow write "/w/p' "$R/many.buckle" 2>/dev/null)
if [ "$n" = 15000 ]; then pass "robust: srt duplicates written once"; else fail "robust: srt duplicates written once" "$n rules"; fi
# an .sb rule that cannot be imported at all is reported at its own line
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/a\377"))\n' >"$R/badutf.sb"
run "robust: import of invalid UTF-8" timeout 20 "$BUCKLE" import "$R/badutf.sb" -o "$R/badutf.buckle"
expect_rc "robust: import of invalid UTF-8 fails" 1
expect_err_has "robust: import error at the rule" "badutf.sb:3:1: error:"
if [ -e "$R/badutf.buckle" ]; then fail "robust: no import output on error" "badutf.buckle was written"; else pass "robust: no import output on error"; fi
