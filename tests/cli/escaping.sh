# escaping.sh - a path, name or message holding a character that means
# something to SBPL or to a regex can never add, drop or widen a rule:
# compile, read the output back, and compare rule by rule.
. tests/lib.sh

# check CHAR_IN_BUCKLE_STRING CHAR_AS_READ_BACK LABEL
check() {
    bs=$1; rb=$2; label=$3
    n="escaping: $label"
    cat >"$TMP/e.buckle" <<EOB
files {
    allow read literal "/inj/a${bs}b";
    deny write literal "/inj/c${bs}d" message "m${bs}";
    allow write glob "/inj/g${bs}*";
}
mach { allow lookup "com.x${bs}y"; }
EOB
    run "$n" "$BUCKLE" compile "$TMP/e.buckle" -o "$TMP/e.sb"
    expect_rc "$n: compiles" 0
    run "$n" "$BUILD/sbpl-readback" "$TMP/e.sb"
    expect_rc "$n: reads back" 0
    # the implicit denies of deny default are not the profile's own rules
    grep -v '^deny \(process-info\*\|nvram\*\|iokit-get-properties\|file-map-executable\)$' "$TMP/out" >"$TMP/out2"
    mv "$TMP/out2" "$TMP/out"
    cat >"$TMP/want" <<EOW
deny default
allow file-read-metadata (literal "/")
allow file-read-metadata (literal "/inj")
allow file-read* (literal "/inj/a${rb}b")
allow file-read-metadata (regex "^/inj/g$4[^/]*(/.*)?\$")
allow file-write* (regex "^/inj/g$4[^/]*(/.*)?\$")
deny file-write* (literal "/inj/c${rb}d") with:message"m${rb}"
allow mach-lookup (global-name "com.x${rb}y")
EOW
    expect_same "$n: exactly the rules written" "$TMP/want" "$TMP/out"
}
# (quotes, backslashes, newlines, NUL and every regex metacharacter are
# covered rule by rule in tests/unit/test_injection.c)
check '('         '('         'open paren'  '\\('
check ')'         ')'         'close paren' '\\)'
check ';'         ';'         'semicolon'   ';'
check '#|'        '#|'        'block open'  '#\\|'
check '|#'        '|#'        'block close' '\\|#'

# a literal whose escaped form is longer than one SBPL string may be (1024
# bytes): split into (string-append ...) and read back as the same path
q=$(printf '%0700d' 0 | tr 0 '"')
rbq=$(printf '%0700d' 0 | sed 's/0/\\"/g')      # read back escaped: \" each
printf 'files { allow read literal "/inj/%s"; }\n' "$(printf '%s' "$q" | sed 's/"/\\"/g')" >"$TMP/long.buckle"
run "escaping: long escaped literal" "$BUCKLE" compile "$TMP/long.buckle" -o "$TMP/long.sb"
expect_rc "escaping: long escaped literal compiles" 0
grep -q '(literal (string-append "' "$TMP/long.sb" && pass "escaping: long escaped literal is split with string-append" \
    || fail "escaping: long escaped literal is split with string-append" "$(grep -m1 inj "$TMP/long.sb" | head -c 200)"
run "escaping: long escaped literal reads back" "$BUILD/sbpl-readback" "$TMP/long.sb"
grep -qF "allow file-read* (literal \"/inj/$rbq\")" "$TMP/out" && pass "escaping: long escaped literal reads back as the same path" \
    || fail "escaping: long escaped literal reads back as the same path" "$(grep -m1 inj "$TMP/out" | head -c 200)"

# every byte a message may hold is written so that the output loads and says
# the same text: control bytes, including \x01 and \x02 (which buckle uses
# internally to mark parameters), beside a parameter; NUL is an error
bytes=''
for i in $(seq 1 31) 127; do bytes="$bytes$(printf '\\x%02x' "$i")"; done
printf 'files { allow read "/m" message "a%s$USER \\"q\\\\ \303\251"; }\n' "$bytes" >"$TMP/msg.buckle"
run "escaping: message bytes" "$BUCKLE" compile -D USER=test "$TMP/msg.buckle" -o "$TMP/msg.sb"
expect_rc "escaping: message bytes compile" 0
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/m") (with message "a%stest \\"q\\\\ \303\251"))\n' "$bytes" >"$TMP/msg-want.sb"
run "escaping: message bytes read back" "$BUILD/sbpl-readback" "$TMP/msg.sb"
expect_rc "escaping: message bytes read back" 0
grep 'with:message' "$TMP/out" >"$TMP/msg-got"
run "escaping: message bytes as written" "$BUILD/sbpl-readback" "$TMP/msg-want.sb"
grep 'with:message' "$TMP/out" >"$TMP/msg-want"
expect_same "escaping: the message says the same text" "$TMP/msg-want" "$TMP/msg-got"
run "escaping: message bytes, symbolic" "$BUCKLE" compile "$TMP/msg.buckle" -o "$TMP/msg-sym.sb"
expect_rc "escaping: message bytes compile symbolically" 0
grep -q '(param "")' "$TMP/msg-sym.sb" && fail "escaping: no empty parameter name" "$(grep -m1 message "$TMP/msg-sym.sb")" \
    || pass "escaping: no empty parameter name"
grep -q '^;; parameters: USER$' "$TMP/msg-sym.sb" && pass "escaping: the message names only USER" \
    || fail "escaping: the message names only USER" "$(grep -m1 parameters "$TMP/msg-sym.sb")"
run "escaping: message bytes, symbolic read back" "$BUILD/sbpl-readback" "$TMP/msg-sym.sb"
expect_rc "escaping: message bytes read back symbolically" 0
