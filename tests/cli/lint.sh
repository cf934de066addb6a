# lint.sh - every rule has a bad and a good case under tests/lint with the
# expected findings written at the end of the file:
#   #= expect: SEVERITY CODE @LINE:COL      (";=" in .sb files)
#   #= expect: nothing
# The findings must be exactly these (read from the text format, which keeps
# info and style apart); exit 1 when one is an error.
. tests/lib.sh
for f in tests/lint/*-bad.* tests/lint/*-good.*; do
    n="lint: $f"
    run "$n" "$BUCKLE" lint --color never "$f"
    sed -n 's/^[#;]= expect: \([a-z]*\) \(BK[0-9]*\) @\(.*\)$/\1 \2 @\3/p' "$f" | sort >"$TMP/want"
    sed -n "s#^$f:\([0-9]*\):\([0-9]*\): \(error\|warning\|info\|style\): .*\[\(BK[0-9]*\) [a-z-]*\]\$#\3 \4 @\1:\2#p" "$TMP/out" | sort >"$TMP/got"
    if cmp -s "$TMP/want" "$TMP/got"; then pass "$n"; else
        fail "$n" "want: $(tr '\n' ';' <"$TMP/want") got: $(tr '\n' ';' <"$TMP/got")"; fi
    want_rc=0
    grep -q '^error ' "$TMP/want" && want_rc=1
    expect_rc "$n: exit status" "$want_rc"
done
# every rule of the catalogue has both cases, and the bad case fires it
for id in $("$BUCKLE" rules | cut -d' ' -f1); do
    bad=$(ls tests/lint/"$id"-bad.* 2>/dev/null | head -n 1)
    good=$(ls tests/lint/"$id"-good.* 2>/dev/null | head -n 1)
    if [ -z "$bad" ] || [ -z "$good" ]; then fail "lint: $id has cases" "missing bad or good case"; continue; fi
    grep -q "= expect: [a-z]* $id @" "$bad" && pass "lint: $id bad case fires it" || fail "lint: $id bad case fires it" "$bad"
    grep -q "= expect: [a-z]* $id @" "$good" && fail "lint: $id good case is clean of it" "$good" || pass "lint: $id good case is clean of it"
done
