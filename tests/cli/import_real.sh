# import_real.sh - buckle import on the external corpus of real profiles
# (BUCKLE_REAL_SB: a directory with the MANIFEST.tsv that
# tools/real-sb-import.sh reads; third-party text, not in the repository).
# No import may change a decision; every file but the one whose regexes
# Seatbelt's dialect does not have round-trips (docs/daily.md, "What is
# refused").
. tests/lib.sh
if [ -n "${BUCKLE_REAL_SB:-}" ] && [ -f "$BUCKLE_REAL_SB/MANIFEST.tsv" ]; then
    run "import real: the corpus" env BUCKLE="$BUCKLE" sh tools/real-sb-import.sh "$BUCKLE_REAL_SB"
    expect_rc "import real: no import changes a decision (exit 0)" 0
    expect_out_has "import real: none with a decision change" "imported with a decision change: 0"
    n=$(sed -n 's/^files: //p' "$TMP/out")
    ok=$(sed -n 's/^imported and round-trip: \([0-9]*\).*/\1/p' "$TMP/out")
    if [ -n "$n" ] && [ -n "$ok" ] && [ "$ok" -ge $((n - 1)) ]; then pass "import real: $ok of $n round-trip"
    else fail "import real: all but one round-trip" "$OUT"; fi
else
    echo "SKIP import real: set BUCKLE_REAL_SB to the directory tools/real-sb-import.sh reads (third-party text, not in the repository)" >>"$RESULTS"
fi
