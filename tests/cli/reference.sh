# reference.sh - the worked example of docs/reference.md decides as the page
# says: its profile is taken from the page, and each request of the table
# after it is asked with buckle query (which also checks the compiled SBPL).
. tests/lib.sh
doc=docs/reference.md
awk '/^<!-- worked-example/ { on = 1; next } on && /^```$/ { if (in_code) exit; in_code = 1; next } in_code { print }' \
    "$doc" >"$TMP/example.buckle"
[ -s "$TMP/example.buckle" ] && pass "reference: worked example found" || fail "reference: worked example found" "no profile after <!-- worked-example"
# rows "| `SECTION VERB OBJECT` | allow|deny | why |" after the profile
awk '/^<!-- worked-example/ { on = 1 } on && /^\| `[a-z]+ [a-z-]+ [^`]*` \| (allow|deny) \|/ { print; n++ } on && n && !/^\|/ { exit }' \
    "$doc" | sed 's/^| `\([^`]*\)` | \([a-z]*\) |.*$/\2 \1/' >"$TMP/requests"
[ "$(wc -l <"$TMP/requests")" -ge 5 ] && pass "reference: worked example has requests" || fail "reference: worked example has requests" "$(cat "$TMP/requests")"
while read -r want section verb object; do
    n="reference: $section $verb $object"
    run "$n" "$BUCKLE" query "$TMP/example.buckle" "$section" "$verb" "$object"
    got=$(printf '%s\n' "$OUT" | head -n 1 | cut -d' ' -f1)
    if [ "$RC" -eq 0 ] && [ "$got" = "$want" ]; then pass "$n"; else fail "$n" "exit $RC, got '$got', want '$want': $OUT $ERR"; fi
done <"$TMP/requests"
