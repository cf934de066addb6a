# man.sh - the manual pages render without a warning, and buckle(1) names
# every command and every option that `buckle --help` and `buckle COMMAND
# --help` print.
. tests/lib.sh
for page in docs/man/buckle.1 docs/man/buckle.5; do
    if ! command -v groff >/dev/null 2>&1; then fail "man: $page renders" "no groff on PATH (tools/setup-deps.sh installs groff-base)"; continue; fi
    run "man: $page" groff -man -Tutf8 -ww -z "$page"
    if [ "$RC" -eq 0 ] && [ ! -s "$TMP/err" ]; then pass "man: $page renders without warnings"
    else fail "man: $page renders without warnings" "exit $RC: $(head -c 400 "$TMP/err")"; fi
done
# the page as troff source, with \- and \(aq read as plain characters
sed 's/\\-/-/g; s/\\(aq/'"'"'/g; s/\\(dq/"/g; s/\\f[BIRP]//g' docs/man/buckle.1 >"$TMP/page1"
for cmd in $("$BUCKLE" --help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p'); do
    grep -q "^\.SS $cmd\$" "$TMP/page1" && pass "man: buckle.1 has a section for $cmd" || fail "man: buckle.1 has a section for $cmd" "no .SS $cmd"
    "$BUCKLE" "$cmd" --help >"$TMP/help" 2>&1
    for opt in $(sed -n '/^usage:/,/^$/p' "$TMP/help" | grep -o -- '[[ ]--*[A-Za-z][A-Za-z-]*' | cut -c2- | sort -u); do
        grep -qE -- "(^|[^A-Za-z-])$opt([^A-Za-z-]|\$)" "$TMP/page1" && pass "man: buckle.1 names $cmd $opt" || fail "man: buckle.1 names $cmd $opt" "not in docs/man/buckle.1"
    done
done
# every --linux-accept class (the list an unknown one prints, from the classes' table) in buckle.1 and in run --help
"$BUCKLE" run --linux-accept=nosuchclass x.buckle -- true >/dev/null 2>"$TMP/err"
classes=$(sed -n 's/.*unknown class nosuchclass (\(.*\)).*/\1/p' "$TMP/err" | tr -d ',')
[ -n "$classes" ] && pass "man: the unknown-class message lists the classes" || fail "man: the unknown-class message lists the classes" "$(head -c 300 "$TMP/err")"
"$BUCKLE" run --help >"$TMP/help" 2>&1
for c in $classes; do
    grep -qE -- "^\.B $c( |\$)" "$TMP/page1" && pass "man: buckle.1 lists --linux-accept class $c" || fail "man: buckle.1 lists --linux-accept class $c" "no .B $c in docs/man/buckle.1"
    grep -qE -- "^    $c " "$TMP/help" && pass "man: run --help lists --linux-accept class $c" || fail "man: run --help lists --linux-accept class $c" "not in buckle run --help"
done
