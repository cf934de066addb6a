# diagnostics.sh - diagnostics that never mislead: the rendered source line,
# input that is not a profile, did-you-mean, error recovery, compile options.
. tests/lib.sh
D="$TMP/diagnostics"
rm -rf "$D"
mkdir -p "$D"

# -- the source line is the file's text, even after the scanner stopped -------
# (the 20th error ends the parse in the middle of a line; the scanner's
# "hold character" must not show up in that line)
{ echo 'files {'; i=0; while [ $i -lt 21 ]; do echo '    allow read foo.bar.baz;'; i=$((i + 1)); done; echo '}'; } >"$D/many.buckle"
for cmd in compile test lint; do
    n="diagnostics: $cmd: last line before the error limit"
    run "$n" "$BUCKLE" $cmd "$D/many.buckle"
    cat "$TMP/out" >>"$TMP/err"
    if grep -q 'foo\.?ar' "$TMP/err" || ! grep -q 'too many syntax errors' "$TMP/err"; then
        fail "$n" "$(grep -n 'foo\.' "$TMP/err" | tail -n 3)"
    elif grep '^ *allow read' "$TMP/err" | grep -qv '^        allow read foo\.bar\.baz;$'; then
        fail "$n" "a source line differs from the file: $(grep '^ *allow read' "$TMP/err" | sort -u)"
    else pass "$n"; fi
done
# an extends path after the limit, as `buckle test` shows it
{ echo 'extends "std/dev/homebrew.buckle";'; i=0; while [ $i -lt 21 ]; do echo 'param ;'; i=$((i + 1)); done
  echo 'test { expect allow files read "std/dev/homebrew.buckle"; }'; } >"$D/many2.buckle"
run "diagnostics: test: extends line" "$BUCKLE" test "$D/many2.buckle"
if grep -q '?uckle' "$TMP/err" "$TMP/out"; then fail "diagnostics: test: extends line" "$(grep '?uckle' "$TMP/err")"
else pass "diagnostics: test: extends line"; fi

# -- not a profile -------------------------------------------------------------
printf '\177ELF\002\001\001\000\000\000\000\000files { }\n' >"$D/prog"
head -c 20000 /dev/urandom 2>/dev/null >>"$D/prog"
run "diagnostics: binary: lint" "$BUCKLE" lint "$D/prog"
expect_rc "diagnostics: binary: lint: exit" 1
expect_out_has "diagnostics: binary: lint: says" "$D/prog:1:8: error: unexpected byte 0x00: this is a binary file, not a buckle profile"
[ "$(grep -c 'error' "$TMP/out")" -eq 1 ] && pass "diagnostics: binary: one error" || fail "diagnostics: binary: one error" "$(head -c 400 "$TMP/out")"
[ "$(wc -c <"$TMP/out")" -lt 400 ] && pass "diagnostics: binary: no raw bytes" || fail "diagnostics: binary: no raw bytes" "$(wc -c <"$TMP/out") bytes of output"
run "diagnostics: binary: compile" "$BUCKLE" compile "$D/prog"
expect_rc "diagnostics: binary: compile: exit" 1
expect_err_has "diagnostics: binary: compile: says" "this is a binary file"

# a long line is cut around the caret
awk 'BEGIN { printf "files { allow read "; for (i = 0; i < 300; i++) printf "\"/a/%d\", ", i; print "\"relative\"; }" }' >"$D/long.buckle"
run "diagnostics: long line" "$BUCKLE" compile "$D/long.buckle"
expect_err_has "diagnostics: long line: the value" '"/a/299", "relative"; }'
line=$(grep -n 'relative"; }' "$TMP/err" | head -n 1 | cut -d: -f1)
snip=$(sed -n "${line}p" "$TMP/err"); caret=$(sed -n "$((line + 1))p" "$TMP/err")
[ "${#snip}" -le 140 ] && pass "diagnostics: long line: cut" || fail "diagnostics: long line: cut" "${#snip} columns"
case "$snip" in "    ..."*) pass "diagnostics: long line: marked" ;; *) fail "diagnostics: long line: marked" "$snip" ;; esac
# the caret sits under the offending string
col=$(printf '%s\n' "$caret" | awk '{ print index($0, "^") }')
[ "$(printf '%s\n' "$snip" | cut -c "$col-$((col + 9))")" = '"relative"' ] && pass "diagnostics: long line: caret" \
    || fail "diagnostics: long line: caret" "$snip / $caret"

# an SBPL profile where a buckle profile is expected: one clear error
printf ';; hand-written\n(version 1)\n(deny default)\n(allow file-read* (subpath "/usr"))\n' >"$D/hand.sb"
for cmd in compile test; do
    run "diagnostics: sbpl to $cmd" "$BUCKLE" $cmd "$D/hand.sb"
    expect_rc "diagnostics: sbpl to $cmd: exit" 1
    expect_err_has "diagnostics: sbpl to $cmd: says" "$D/hand.sb:2:1: error: this looks like an SBPL profile (.sb), not a buckle profile"
    [ "$(grep -c 'error:' "$TMP/err")" -eq 1 ] && pass "diagnostics: sbpl to $cmd: one error" || fail "diagnostics: sbpl to $cmd: one error" "$(head -c 600 "$TMP/err")"
done
run "diagnostics: sbpl to lint -" sh -c "\"\$0\" lint - <\"\$1\"" "$BUCKLE" "$D/hand.sb"
expect_rc "diagnostics: sbpl to lint -: exit" 1
expect_out_has "diagnostics: sbpl to lint -: says" "<stdin>:2:1: error: this looks like an SBPL profile"
expect_out_has "diagnostics: sbpl to lint -: help" "--stdin-filename NAME.sb"
[ "$(grep -c 'error:' "$TMP/out")" -eq 1 ] && pass "diagnostics: sbpl to lint -: one error" || fail "diagnostics: sbpl to lint -: one error" "$(head -c 600 "$TMP/out")"
run "diagnostics: sbpl lint --stdin-filename" sh -c "\"\$0\" lint --stdin-filename x.sb - <\"\$1\"" "$BUCKLE" "$D/hand.sb"
expect_out_lacks "diagnostics: sbpl lint --stdin-filename: linted as SBPL" "not a buckle profile"

# -- did-you-mean where a name is looked up outside the grammar -------------
run "diagnostics: explain: case" "$BUCKLE" explain bk3002
expect_rc "diagnostics: explain: case: exit" 0
expect_out_has "diagnostics: explain: case: the rule" "BK3002 dangerous-mach-service"
run "diagnostics: explain: slug case" "$BUCKLE" explain Dangerous-Mach-Service
expect_out_has "diagnostics: explain: slug case: the rule" "BK3002 dangerous-mach-service"
run "diagnostics: explain: near" "$BUCKLE" explain dangerus-mach-service
expect_rc "diagnostics: explain: near: exit" 2
expect_err_has "diagnostics: explain: near: says" "no rule dangerus-mach-service; did you mean dangerous-mach-service? (BK3002)"
run "diagnostics: explain: far" "$BUCKLE" explain frobnicate
expect_err_has "diagnostics: explain: far: says" "no rule frobnicate; \`buckle rules\` lists them"

printf 'mach {\n    # buckle: ignore[dangerous-mach-servce, bk3002] -- why\n    allow lookup "com.apple.coreservices.launchservicesd";\n}\n' >"$D/slug.buckle"
run "diagnostics: suppression slug" "$BUCKLE" lint "$D/slug.buckle"
expect_out_has "diagnostics: suppression slug: at the name" "$D/slug.buckle:2:22: error: suppression names no known rule: dangerous-mach-servce"
expect_out_has "diagnostics: suppression slug: slug" "help: did you mean dangerous-mach-service? (BK3002)"
expect_out_has "diagnostics: suppression slug: id" "help: did you mean BK3002? (dangerous-mach-service)"

printf 'mach { allow lookup "com.apple.x"; }\ntest { expect allow mach frobnicate "x"; expect allow mach lokup "com.apple.x"; }\n' >"$D/verbs.buckle"
run "diagnostics: test: unknown verb" "$BUCKLE" test "$D/verbs.buckle"
expect_out_has "diagnostics: test: verb list" 'unknown verb "frobnicate" in section mach (the verbs are lookup or register)'
expect_out_has "diagnostics: test: did you mean" 'unknown verb "lokup" in section mach (did you mean "lookup"?)'

# -- compile options ---------------------------------------------------------
printf 'param CACHE = "/tmp/cache";\nparam OUTDIR;\nfiles { allow write "$CACHE", "$OUTDIR"; }\n' >"$D/params.buckle"
run "diagnostics: -M without -o" "$BUCKLE" compile -M "$D/dep.d" "$D/params.buckle"
expect_rc "diagnostics: -M without -o: usage error" 2
expect_err_has "diagnostics: -M without -o: says" "-M needs -o OUT"
[ -e "$D/dep.d" ] && fail "diagnostics: -M without -o: no depfile" "written" || pass "diagnostics: -M without -o: no depfile"
run "diagnostics: -M with -o" "$BUCKLE" compile -M "$D/dep.d" -o "$D/params.sb" "$D/params.buckle"
expect_rc "diagnostics: -M with -o: exit" 0
[ "$(head -n 1 "$D/dep.d")" = "$D/params.sb: $(abspath "$D/params.buckle")" ] || [ "$(head -n 1 "$D/dep.d")" = "$D/params.sb: $D/params.buckle" ] \
    && pass "diagnostics: -M: target is the output" || fail "diagnostics: -M: target is the output" "$(head -n 1 "$D/dep.d")"
run "diagnostics: -o missing directory" "$BUCKLE" compile -o "$D/no/such/dir/x.sb" "$D/params.buckle"
expect_rc "diagnostics: -o missing directory: exit" 2
expect_err_has "diagnostics: -o missing directory: names the path" "cannot write $D/no/such/dir/x.sb: the directory $D/no/such/dir does not exist"
if grep -q 'tmp-' "$TMP/err"; then fail "diagnostics: -o missing directory: no temporary name" "$(cat "$TMP/err")"
else pass "diagnostics: -o missing directory: no temporary name"; fi
# -o naming the input (or a depfile naming it): refused, the input untouched
cp corpus/examples/agent.buckle "$D/self.buckle"
cp tests/sbpl/11-if-when.sb "$D/self.sb"
for c in "compile -o $D/self.buckle $D/self.buckle" "compile -M $D/self.buckle -o $D/self-out.sb $D/self.buckle" \
         "import -o $D/self.sb $D/self.sb"; do
    # shellcheck disable=SC2086
    run "diagnostics: $c" "$BUCKLE" $c
    expect_rc "diagnostics: $c: exit 2" 2
    expect_err_has "diagnostics: $c: says why" "the output would replace it"
done
cmp -s corpus/examples/agent.buckle "$D/self.buckle" && pass "diagnostics: the .buckle input is untouched" \
    || fail "diagnostics: the .buckle input is untouched" "changed"
cmp -s tests/sbpl/11-if-when.sb "$D/self.sb" && pass "diagnostics: the .sb input is untouched" \
    || fail "diagnostics: the .sb input is untouched" "changed"
run "diagnostics: --emit json params" "$BUCKLE" compile --emit json -D OUTDIR=/o "$D/params.buckle"
expect_out_has "diagnostics: --emit json: declared with default" '{"name":"CACHE","builtin":false,"default":"/private/tmp/cache","define":null,"used":true,"file":"'"$D"'/params.buckle","line":1,"column":7}'
expect_out_has "diagnostics: --emit json: declared, defined" '{"name":"OUTDIR","builtin":false,"default":null,"define":"/o","used":true'
expect_out_has "diagnostics: --emit json: built-in" '{"name":"HOME","builtin":true'
if command -v node >/dev/null 2>&1; then
    cp "$TMP/out" "$D/params.json"
    run "diagnostics: --emit json parses" node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).params.length === 6 || process.exit(1)' "$D/params.json"
    expect_rc "diagnostics: --emit json: valid JSON with the parameters" 0
fi

# -- a failing expect names the verb written and how many operations disagree --
cat >"$D/expect.buckle" <<'PROFILE'
files {
    allow write "/data";
    allow metadata "/data";
}
test {
    expect deny files write "/data/y";
    expect deny files read "/data/y";
}
PROFILE
run "diagnostics: expect message" "$BUCKLE" test "$D/expect.buckle"
expect_rc "diagnostics: expect message: exit" 1
expect_out_has "diagnostics: expect: all operations" "$D/expect.buckle:6:5: FAIL: expected deny files write \"/data/y\", but 11 of the 11 operations of write are not denied (file-write-acl, file-write-create, file-write-data, ...)"
expect_out_has "diagnostics: expect: some operations" "$D/expect.buckle:7:5: FAIL: expected deny files read \"/data/y\", but 1 of the 3 operations of read is not denied (file-read-metadata)"

# -- output stays UTF-8: a byte that is not (a value's, a generated regex's
# class of continuation bytes) is shown as \xHH in text, JSON and query --
printf 'param X;\nfiles { allow read "$X"; }\n' >"$D/u8.buckle"
printf 'files {\n    allow read glob "/a/b/?/c";\n    deny read "/a/b/q";\n}\n' >"$D/u8q.buckle"
bad=$(printf 'a\377b')
utf8_ok() {  # NAME FILE
    if iconv -f UTF-8 -t UTF-8 "$2" >/dev/null 2>&1; then pass "$1"; else fail "$1" "$(od -c "$2" | head -5)"; fi
}
run "diagnostics: utf-8 text" "$BUCKLE" compile -D "X=$bad" "$D/u8.buckle"
utf8_ok "diagnostics: a value's byte 0xff keeps the message UTF-8" "$TMP/err"
expect_err_has "diagnostics: the byte is shown as \\xff" 'X=a\xffb'
run "diagnostics: utf-8 json" "$BUCKLE" lint --format json -D "X=$bad" "$D/u8.buckle"
utf8_ok "diagnostics: the JSON stays UTF-8" "$TMP/out"
run "diagnostics: utf-8 sarif" "$BUCKLE" lint --format sarif -D "X=$bad" "$D/u8.buckle"
utf8_ok "diagnostics: the SARIF stays UTF-8" "$TMP/out"
run "diagnostics: utf-8 query" "$BUCKLE" query "$D/u8q.buckle" file-read-metadata /a/b/z
utf8_ok "diagnostics: query's rule text stays UTF-8" "$TMP/out"
expect_out_has "diagnostics: query shows the class as escapes" '[^/\x80-\xbf]'
