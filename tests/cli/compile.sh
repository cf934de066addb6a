# compile.sh - the compile command line: flags, exit codes, outputs.
. tests/lib.sh
D=tests/cli/data

run "cli: --version" "$BUCKLE" --version
expect_rc "cli: --version exit" 0
expect_out_has "cli: --version text" "buckle 0.1.0"
run "cli: --help" "$BUCKLE" --help
expect_rc "cli: --help exit" 0
expect_out_has "cli: --help lists compile" "compile"
run "cli: compile --help" "$BUCKLE" compile --help
expect_out_has "cli: compile --help" "usage: buckle compile"
run "cli: no command" "$BUCKLE"
expect_rc "cli: no command is a usage error" 2
run "cli: unknown command" "$BUCKLE" compil x
expect_rc "cli: unknown command exit" 2
expect_err_has "cli: unknown command did-you-mean" "did you mean 'compile'?"
run "cli: unknown option" "$BUCKLE" compile --frobnicate x.buckle
expect_rc "cli: unknown option exit" 2
run "cli: missing file" "$BUCKLE" compile "$TMP/does-not-exist.buckle"
expect_rc "cli: unreadable input exit" 2
expect_err_has "cli: unreadable input message" "cannot read"
run "cli: directory" "$BUCKLE" compile tests
expect_rc "cli: a directory is unreadable input" 2
run "cli: bad -D" "$BUCKLE" compile -D 1X=y corpus/examples/agent.buckle
expect_rc "cli: bad -D exit" 2
run "cli: bad --emit" "$BUCKLE" compile --emit yaml corpus/examples/agent.buckle
expect_rc "cli: bad --emit exit" 2

# -o is atomic: an error leaves an existing output untouched and no temp file
echo "previous" >"$TMP/out.sb"
run "cli: -o on error" "$BUCKLE" compile tests/errors/final_violated.buckle -o "$TMP/out.sb"
expect_rc "cli: -o on error exit" 1
[ "$(cat "$TMP/out.sb")" = previous ] && pass "cli: -o keeps the old file on error" || fail "cli: -o keeps the old file on error" "changed"
ls "$TMP" | grep -q 'out.sb.tmp' && fail "cli: no temp file left" "found one" || pass "cli: no temp file left"
run "cli: -o to a missing directory" "$BUCKLE" compile corpus/examples/agent.buckle -o "$TMP/nodir/x.sb"
expect_rc "cli: -o to a missing directory exit" 2
# a device or a pipe is written as it is, never replaced by a renamed file
# (as root, -o /dev/null once turned /dev/null into a regular file)
run "cli: -o /dev/null" "$BUCKLE" compile corpus/examples/agent.buckle -o /dev/null
expect_rc "cli: -o /dev/null exit" 0
[ -c /dev/null ] && pass "cli: -o /dev/null leaves the device" || fail "cli: -o /dev/null leaves the device" "$(ls -l /dev/null)"
if [ -c /dev/full ]; then
    run "cli: -o /dev/full" "$BUCKLE" compile corpus/examples/agent.buckle -o /dev/full
    expect_rc "cli: a write error is exit 2" 2
    expect_err_has "cli: a write error says so" "writing /dev/full"
fi
if command -v mkfifo >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then
    rm -f "$TMP/fifo" && mkfifo "$TMP/fifo"
    timeout 20 cat "$TMP/fifo" >"$TMP/fifo.out" &
    reader=$!
    run "cli: -o FIFO" timeout 20 "$BUCKLE" compile -I corpus corpus/examples/srt-large.buckle -o "$TMP/fifo"
    wait $reader
    expect_rc "cli: -o FIFO exit" 0
    "$BUCKLE" compile -I corpus corpus/examples/srt-large.buckle >"$TMP/fifo.want" 2>/dev/null
    expect_same "cli: -o FIFO gets the profile" "$TMP/fifo.want" "$TMP/fifo.out"
    [ -p "$TMP/fifo" ] && pass "cli: -o FIFO is still a FIFO" || fail "cli: -o FIFO is still a FIFO" "$(ls -l "$TMP/fifo")"
    rm -f "$TMP/fifo"
fi

# extends: diamond, each file once, param defaults and remove
run "extends: diamond" "$BUCKLE" compile --emit ir "$D/chain/top.buckle"
expect_rc "extends: diamond compiles" 0
expect_out_has "extends: linearized once, extending file last" "# chain: $D/chain/base.buckle $D/chain/left.buckle $D/chain/right.buckle $D/chain/top.buckle"
expect_out_lacks "extends: remove deletes the inherited rule" '"/opt/left"'
expect_out_has "extends: identical rules collapse with every origin" "$D/chain/base.buckle:6:5"
grep '"/opt/shared"' "$TMP/out" | grep -q "$D/chain/left.buckle:2:33" && pass "extends: merged rule remembers both origins" || fail "extends: merged rule remembers both origins" "$(grep opt/shared "$TMP/out")"
expect_out_has "extends: last param default wins" 'param CACHE = "${HOME}/Library/Caches/right"'
expect_out_has "extends: provenance" "(extended from $D/chain/left.buckle:1:9"
run "extends: bad remove" "$BUCKLE" compile "$D/chain/bad_remove.buckle"
expect_rc "extends: bad remove exit" 1
expect_err_has "extends: remove unmatched" "remove matches no inherited rule [BK2004"
expect_err_has "extends: remove did-you-mean" "note: did you mean this rule?"
expect_err_has "extends: removing a final rule" "cannot remove a final rule [BK2005"
run "extends: depth" "$BUCKLE" compile "$D/deep/d0.buckle"
expect_rc "extends: too deep exit" 1
expect_err_has "extends: too deep message" "extends nesting deeper than 32"
run "extends: -I search" "$BUCKLE" compile -I "$D/chain" --emit ir - <<EOB
extends "left";
EOB
expect_rc "extends: found through -I" 0
expect_out_has "extends: -I display name" "# chain: base.buckle left.buckle <stdin>"
run "extends: BUCKLE_PATH" env BUCKLE_PATH="$TMP/none:$D/chain" "$BUCKLE" compile --emit ir - <<EOB
extends "right";
EOB
expect_rc "extends: found through BUCKLE_PATH" 0

# -D inlines canonical values; symbolic otherwise
run "params: symbolic" "$BUCKLE" compile corpus/examples/agent.buckle
expect_out_has "params: header lists what the output needs" ";; parameters: HOME HOME.ancestors"
expect_out_has "params: symbolic WORKDIR" '(subpath (param "WORKDIR"))'
run "params: -D" "$BUCKLE" compile -D WORKDIR=/tmp/proj -D HOME=/Users/t corpus/examples/agent.buckle
expect_out_has "params: -D canonicalizes /tmp" '(subpath "/private/tmp/proj")'
expect_out_lacks "params: -D value not symbolic" '(param "WORKDIR")'
expect_out_has "params: ancestors of a fixed value, one literal each" '(allow file-read-metadata (literal "/Users"))'
run "params: -D unknown" "$BUCKLE" compile -D NOPE=/x corpus/examples/agent.buckle
expect_err_has "params: -D of an unknown parameter warns" "no such parameter"

# emits and depfile
run "emit: json" "$BUCKLE" compile --emit json corpus/examples/auditor.buckle
expect_out_has "emit: json version" '{"version":1,"buckle":"0.1.0"'
run "emit: -M" "$BUCKLE" compile -M "$TMP/dep.d" -o "$TMP/top.sb" "$D/chain/top.buckle"
expect_rc "emit: -M exit" 0
for f in top left right base; do
    grep -q "^$TMP/top.sb: .*chain/$f.buckle" "$TMP/dep.d" && pass "emit: depfile lists $f" || fail "emit: depfile lists $f" "$(cat "$TMP/dep.d")"
done

# --no-implied drops traversal rules
run "implied: on" "$BUCKLE" compile "$D/chain/base.buckle"
expect_out_has "implied: ancestors get metadata" '(allow file-read-metadata (literal "/opt"))'
run "implied: off" "$BUCKLE" compile --no-implied "$D/chain/base.buckle"
expect_out_lacks "implied: --no-implied" 'file-read-metadata'

# a file name cannot break out of a header comment
evil="$TMP/evil
(allow default)
.buckle"
printf 'files { allow read "/usr"; }\n' >"$evil"
run "escaping: file name" "$BUCKLE" compile "$evil" -o "$TMP/evil.sb"
expect_rc "escaping: file name compiles" 0
grep -q '^(allow default)' "$TMP/evil.sb" && fail "escaping: file name stays in its comment" "injected" || pass "escaping: file name stays in its comment"

# syntax errors: recovery and the 20-error limit
awk 'BEGIN { for (i = 0; i < 40; i++) print "files { allow read \"/x\" }" }' >"$TMP/many.buckle"
run "syntax: error limit" "$BUCKLE" compile "$TMP/many.buckle"
expect_rc "syntax: error limit exit" 1
n=$(grep -c 'error:' "$TMP/err")
[ "$n" -eq 20 ] && pass "syntax: at most 20 syntax errors" || fail "syntax: at most 20 syntax errors" "got $n"
expect_err_has "syntax: says it stopped" "too many syntax errors"
printf '' >"$TMP/empty.buckle"
run "input: empty file" "$BUCKLE" compile "$TMP/empty.buckle"
expect_rc "input: an empty file is an empty deny-all profile" 0
expect_out_has "input: empty file output" "(deny default)"
printf '\357\273\277files {\r\n  allow read "/usr";\r\n}\r\n' >"$TMP/crlf.buckle"
run "input: BOM and CRLF" "$BUCKLE" compile "$TMP/crlf.buckle"
expect_rc "input: BOM and CRLF are accepted" 0
printf 'files { allow read "/usr"; \357\273\277}\n' >"$TMP/bom-mid.buckle"
run "input: BOM after the start" "$BUCKLE" compile "$TMP/bom-mid.buckle"
expect_rc "input: a BOM after the start is an error" 1
expect_err_has "input: BOM after the start, where" "bom-mid.buckle:1:28: error: byte-order mark in the middle of the file"
printf 'files { allow read "/usr"; \357\273x }\n' >"$TMP/bom-part.buckle"
run "input: two bytes of a BOM" "$BUCKLE" compile "$TMP/bom-part.buckle"
expect_rc "input: two bytes of a BOM are an error" 1
expect_err_has "input: two bytes of a BOM, first" "bom-part.buckle:1:28: error: unexpected byte 0xef"
expect_err_has "input: two bytes of a BOM, second" "unexpected byte 0xbb"
printf 'files { allow read "a\\x4g"; }\n' >"$TMP/hex1.buckle"
run "input: a one-digit \\x escape" "$BUCKLE" compile "$TMP/hex1.buckle"
expect_rc "input: a one-digit \\x escape is an error" 1
expect_err_has "input: a one-digit \\x escape, where" "hex1.buckle:1:22: error: unknown escape sequence"
# the header names exactly the parameters the body uses: a message naming a
# parameter is printed only when its rule is (the allow below is dead)
printf 'param PROJ;\nfiles {\n    allow read "$HOME/x" message "see $PROJ";\n    deny read "$HOME/x";\n    deny write "/y" message "ask $WORKDIR";\n}\n' >"$TMP/msgparam.buckle"
run "header: parameters of messages" "$BUCKLE" compile "$TMP/msgparam.buckle"
expect_rc "header: parameters of messages, exit" 0
expect_out_has "header: lists what the body uses" ";; parameters: HOME HOME.ancestors HOME.dir WORKDIR
;;"
expect_out_lacks "header: not a dead rule's message parameter" "PROJ"
printf 'files {\n    allow read "$HOME/x";\n    deny read "$HOME/x";\n    allow read glob "$WORKDIR/*.c";\n}\n' >"$TMP/predparam.buckle"
run "header: parameters of matchers" "$BUCKLE" compile "$TMP/predparam.buckle"
expect_out_has "header: parameters of matchers, dead ones included through their twin" ";; parameters: HOME HOME.ancestors HOME.dir WORKDIR WORKDIR.ancestors WORKDIR.re"
# -o FILE streams the profile with a predicted header; it must be the same
# bytes as standard output, also when the prediction is wrong (msgparam: the
# dead rule's message names PROJ) and the file is written again whole
for f in msgparam predparam; do
    "$BUCKLE" compile "$TMP/$f.buckle" >"$TMP/$f.stdout.sb" 2>/dev/null
    run "-o: $f" "$BUCKLE" compile "$TMP/$f.buckle" -o "$TMP/$f.file.sb"
    expect_rc "-o: $f, exit" 0
    expect_same "-o: $f, the file is what stdout gets" "$TMP/$f.stdout.sb" "$TMP/$f.file.sb"
done
for f in corpus/examples/*.buckle; do
    "$BUCKLE" compile -I corpus -D WORKDIR=/w/p "$f" >"$TMP/ex.stdout.sb" 2>/dev/null
    "$BUCKLE" compile -I corpus -D WORKDIR=/w/p "$f" -o "$TMP/ex.file.sb" 2>/dev/null
    expect_same "-o: $f with -D, the file is what stdout gets" "$TMP/ex.stdout.sb" "$TMP/ex.file.sb"
done
# a file of 1 MB or more keeps its rule nodes apart and recycles them after
# lowering; --test-recycle-bytes 1 makes every file do so: the same output
n_rec=0; bad_rec=""
for f in corpus/examples/*.buckle $(find tests -name '*.buckle' | sort); do
    "$BUCKLE" compile -I corpus "$f" >"$TMP/rec.a" 2>/dev/null; ra=$?
    "$BUCKLE" compile -I corpus --test-recycle-bytes 1 "$f" -o "$TMP/rec.b" 2>/dev/null; rb=$?
    [ $ra -eq 0 ] || rm -f "$TMP/rec.b"
    n_rec=$((n_rec + 1))
    if [ $ra -ne $rb ] || { [ $ra -eq 0 ] && ! cmp -s "$TMP/rec.a" "$TMP/rec.b"; }; then bad_rec="$bad_rec $f"; fi
done
[ -z "$bad_rec" ] && pass "recycled parse nodes: same output ($n_rec profiles)" || fail "recycled parse nodes: same output" "$bad_rec"
# a profile larger than one streamed piece (256 KiB), with parameters, whose
# dead rule's message names PROJ: pieces are written before the header is
# found wrong, and the file must be emptied and written again
awk 'BEGIN { print "param PROJ;\nfiles {\n    allow read \"/dead\" message \"$PROJ\";\n    deny read \"/dead\";"; for (i = 0; i < 6000; i++) printf "    allow read \"$HOME/d%d/f\" message \"m $WORKDIR %d\";\n    deny read glob \"$HOME/d%d/*.key\";\n", i, i, i; print "}" }' >"$TMP/big.buckle"
"$BUCKLE" compile "$TMP/big.buckle" >"$TMP/big.stdout.sb" 2>/dev/null
run "-o: several pieces" "$BUCKLE" compile "$TMP/big.buckle" -o "$TMP/big.file.sb"
expect_rc "-o: several pieces, exit" 0
[ "$(wc -c <"$TMP/big.file.sb")" -gt 600000 ] && pass "-o: several pieces, size" || fail "-o: several pieces, size" "$(wc -c <"$TMP/big.file.sb") bytes"
expect_same "-o: several pieces, the file is what stdout gets" "$TMP/big.stdout.sb" "$TMP/big.file.sb"
ls "$TMP"/big.file.sb.tmp-* >/dev/null 2>&1 && fail "-o: no temp file left" "$(ls "$TMP"/big.file.sb.tmp-*)" || pass "-o: no temp file left"
printf 'files { allow read "/usr"; }\000\n' >"$TMP/nul.buckle"
run "input: NUL byte" "$BUCKLE" compile "$TMP/nul.buckle"
expect_rc "input: a NUL byte is an error" 1
expect_err_has "input: NUL byte message" "unexpected byte 0x00"
printf 'files { allow read "/us\377r"; }\n' >"$TMP/utf.buckle"
run "input: invalid UTF-8" "$BUCKLE" compile "$TMP/utf.buckle"
expect_rc "input: invalid UTF-8 is an error" 1
expect_err_has "input: invalid UTF-8 message" "not valid UTF-8"

# an unfiltered rule that beats an unfiltered rule of the other action on
# every object leaves nothing of it: no empty (require-not ), which no
# reader loads ("deny outbound;" of the network section and "allow network*;"
# of misc)
for a in 'network*' 'network-outbound'; do
    printf 'network { deny outbound; }\nmisc { allow %s; }\n' "$a" >"$TMP/rn.buckle"
    run "compile: unfiltered deny beside misc allow $a" "$BUCKLE" compile "$TMP/rn.buckle"
    expect_out_lacks "compile: no empty require-not for $a" "(require-not )"
    run "compile: query beside misc allow $a" "$BUCKLE" query "$TMP/rn.buckle" network outbound 1.2.3.4:443
    expect_out_has "compile: unfiltered deny beside $a: deny" "deny 1.2.3.4:443"
    expect_out_has "compile: unfiltered deny beside $a: compiled SBPL agrees" "compiled SBPL agrees"
done
# the same statements in another order: the same output, carve-outs included
# (the members of a require-any in emission order, not statement order)
printf 'files { allow file-read*; }\nfiles { deny file-write* prefix "/b"; }\nfiles { deny final file-write* subpath "/a/b/c"; }\nfiles { allow write; }\nfiles { deny file-write-unlink regex "^/a/b"; }\n' >"$TMP/ro1.buckle"
printf 'files { deny final file-write* subpath "/a/b/c"; }\nfiles { deny file-write* prefix "/b"; }\nfiles { allow file-read*; }\nfiles { deny file-write-unlink regex "^/a/b"; }\nfiles { allow write; }\n' >"$TMP/ro2.buckle"
for form in "" --compact; do
    "$BUCKLE" compile $form "$TMP/ro1.buckle" 2>/dev/null | grep -v '^;;' | sed 's/ *;.*//' >"$TMP/ro1.sb"
    "$BUCKLE" compile $form "$TMP/ro2.buckle" 2>/dev/null | grep -v '^;;' | sed 's/ *;.*//' >"$TMP/ro2.sb"
    expect_same "compile: reordered statements, the same output ${form:-readable}" "$TMP/ro1.sb" "$TMP/ro2.sb"
done
