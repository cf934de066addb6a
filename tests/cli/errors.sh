# errors.sh - one file per error case under tests/errors, with its expected
# diagnostics in a header:
#   #= expect: SEVERITY CODE @LINE:COL          (in the file itself)
#   #= expect: SEVERITY CODE @PATH:LINE:COL     (in another file)
#   #= stderr: TEXT                             (must appear in the output)
#   #= exit: N
# Every expected diagnostic must be reported, and no other error or warning.
. tests/lib.sh
for f in tests/errors/*.buckle; do
    n="errors: $f"
    want_rc=$(sed -n 's/^#= exit: //p' "$f")
    rm -f "$TMP/never.sb"
    run "$n" "$BUCKLE" compile "$f" -o "$TMP/never.sb"
    expect_rc "$n: exit" "${want_rc:-1}"
    [ -e "$TMP/never.sb" ] && fail "$n: output" "-o file written despite errors" || pass "$n: no output"
    sed -n 's/^#= expect: //p' "$f" | sed "s|@\([0-9]\)|@$f:\1|" | sort >"$TMP/want"
    sed -n 's/^\([^ ][^:]*\):\([0-9]*\):\([0-9]*\): \(error\|warning\): .*\[\(BK[0-9]*\)[] ].*$/\4 \5 @\1:\2:\3/p' "$TMP/err" | sort >"$TMP/got"
    if cmp -s "$TMP/want" "$TMP/got"; then pass "$n: diagnostics"; else
        fail "$n: diagnostics" "want: $(tr '\n' ';' <"$TMP/want") got: $(tr '\n' ';' <"$TMP/got")"; fi
    sed -n 's/^#= stderr: //p' "$f" | while IFS= read -r text; do expect_err_has "$n: says '$text'" "$text"; done
done
