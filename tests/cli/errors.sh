# errors.sh - one file per error case under tests/errors, with its expected
# diagnostics in a header:
#   #= expect: SEVERITY CODE @LINE:COL          (in the file itself)
#   #= expect: SEVERITY CODE @PATH:LINE:COL     (in another file)
#   #= stderr: TEXT                             (must appear in the output)
#   #= exit: N
#   #= no-other-findings                         (info and style count too,
#                                                 and so does a diagnostic
#                                                 without a code)
# Every expected diagnostic must be reported, and no other error or warning.
. tests/lib.sh

# findings STRICT: the diagnostics of $TMP/err as "SEVERITY CODE @FILE:LINE:COL",
# sorted; errors and warnings with a code, or (STRICT=1) every severity but
# note, "-" standing for a missing code
findings() {
    if [ "$1" = 1 ]; then
        sed -n 's/^\([^ ][^:]*\):\([0-9]*\):\([0-9]*\): \(error\|warning\|info\|style\): .*\[\(BK[0-9]*\)[] ].*$/\4 \5 @\1:\2:\3/p
                t
                s/^\([^ ][^:]*\):\([0-9]*\):\([0-9]*\): \(error\|warning\|info\|style\): .*$/\4 - @\1:\2:\3/p
                s/^buckle: \(error\|warning\|info\|style\): .*$/\1 - @-/p' "$TMP/err"
    else
        sed -n 's/^\([^ ][^:]*\):\([0-9]*\):\([0-9]*\): \(error\|warning\): .*\[\(BK[0-9]*\)[] ].*$/\4 \5 @\1:\2:\3/p' "$TMP/err"
    fi | sort
}

# the strict comparison sees what the loose one lets through
printf 'x.buckle:1:1: info: something [BK9999 made-up]\nx.buckle:2:1: style: no code\nbuckle: warning: no place\n' >"$TMP/err"
if [ -z "$(findings 0)" ] && [ "$(findings 1 | wc -l)" -eq 3 ]; then pass "errors: no-other-findings sees info, style and uncoded findings"
else fail "errors: no-other-findings sees info, style and uncoded findings" "loose: $(findings 0 | tr '\n' ';') strict: $(findings 1 | tr '\n' ';')"; fi
for f in tests/errors/*.buckle; do
    n="errors: $f"
    want_rc=$(sed -n 's/^#= exit: //p' "$f")
    rm -f "$TMP/never.sb"
    run "$n" "$BUCKLE" compile "$f" -o "$TMP/never.sb"
    expect_rc "$n: exit" "${want_rc:-1}"
    [ -e "$TMP/never.sb" ] && fail "$n: output" "-o file written despite errors" || pass "$n: no output"
    sed -n 's/^#= expect: //p' "$f" | sed "s|@\([0-9]\)|@$f:\1|" | sort >"$TMP/want"
    strict=0
    grep -q '^#= no-other-findings$' "$f" && strict=1
    findings "$strict" >"$TMP/got"
    if cmp -s "$TMP/want" "$TMP/got"; then pass "$n: diagnostics"; else
        fail "$n: diagnostics" "want: $(tr '\n' ';' <"$TMP/want") got: $(tr '\n' ';' <"$TMP/got")"; fi
    sed -n 's/^#= stderr: //p' "$f" | while IFS= read -r text; do expect_err_has "$n: says '$text'" "$text"; done
done

# a param whose ';' is missing is declared all the same: its uses are not
# reported unknown too; two strings without ',' between them get a help
mkdir -p "$TMP/err_cascade"
printf 'default deny;\nparam PORT = "8080"\nnetwork { allow outbound "localhost:$PORT"; }\n' >"$TMP/err_cascade/p.buckle"
run "errors: param without ;" "$BUCKLE" lint "$TMP/err_cascade/p.buckle"
expect_out_has "errors: the missing ; is reported" "p.buckle:2:20: error: expected ';' after this statement"
expect_out_lacks "errors: ... and no unknown variable after it" "unknown variable \$PORT"
printf 'default deny;\nfiles { allow read "/usr/src" "/x"; }\n' >"$TMP/err_cascade/c.buckle"
run "errors: two strings" "$BUCKLE" lint "$TMP/err_cascade/c.buckle"
expect_out_has "errors: the missing , is named" "help: add ',' before this string: the objects of a rule are separated by ','"
