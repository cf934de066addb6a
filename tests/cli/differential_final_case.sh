# differential_final_case.sh - a final path deny holds in every case of its
# letters (a macOS volume is case-insensitive), so a final allow that meets
# it only in another case ("/q/tax" beside prefix "/q/T${USER}", USER=ax:
# /q/Tax is /q/tax) is rejected with BK2005 "in another case of its
# letters". diff-check's confirmation of that rejection finds an object
# matched by the deny's fold in every case and by the final allow.
. tests/lib.sh
run "differential final case: generated final rules in another case" "$BUILD/diff-check" --generate 40 --seed 8 \
    --only final-case --max-fail 1
expect_rc "differential final case: every check agrees" 0
if grep -q "not confirmed" "$TMP/err"; then fail "differential final case: every BK2005 in another case is confirmed" "$(grep -m1 'not confirmed' "$TMP/err")"
else pass "differential final case: every BK2005 in another case is confirmed"; fi
expect_out_has "differential final case: a rejection is kept and confirmed" "1 of them kept on purpose, 1 confirmed"
