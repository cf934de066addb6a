# run_verdict.sh - the "already checked" mark of `buckle run` (docs/runner.md,
# "The evaluator's check"): it says that exactly this run passed the
# evaluator's check before, so it must change with anything that could change
# the verdict: the contents of an .sb's imports, and the buckle that judged.
. tests/lib.sh
runner_env
R="$TMP/verdict"
rm -rf "$R"
mkdir -p "$R/tmp" "$R/proj"
R=$(cd "$R" && pwd -P)
export TMPDIR="$R/tmp"
cd "$R/proj" || exit 1
brun() { STANDIN_IMPORT_DIRS="$R/proj" BUCKLE_SANDBOX_EXEC="$SXA" "$@"; }
printf '(version 1)\n(allow default)\n(import "lib.sb")\n' >imp.sb
printf '(allow file-read*)\n' >lib.sb
run "verdict: first run" brun "$B" run -v --force -I "$R/proj" imp.sb -- true
expect_rc "verdict: an .sb with a harmless import runs" 0
run "verdict: second run" brun "$B" run -v --force -I "$R/proj" imp.sb -- true
expect_err_has "verdict: the same run is checked before" "(checked before)"
# the import changes (the profile's own bytes do not): a new evaluation
printf '(define (deny . a) #t)\n' >lib.sb
run "verdict: import changed" brun "$B" run -v --force -I "$R/proj" imp.sb -- true
expect_rc "verdict: an import that now redefines deny is refused, mark or not" 125
expect_err_has "verdict: says where" "lib.sb:1:10: error: this profile redefines"
printf '(allow file-read*)\n;; harmless again\n' >lib.sb
run "verdict: import changed again" brun "$B" run -v --force -I "$R/proj" imp.sb -- true
if grep -q "(checked before)" "$TMP/err"; then fail "verdict: a changed import is evaluated again" "$(cat "$TMP/err")"
else pass "verdict: a changed import is evaluated again"; fi
# another buckle (an upgrade: another path, inode, size, time) judges anew
printf '(version 1)\n(allow default)\n' >open.sb
run "verdict: mark" brun "$B" run -v --force open.sb -- true
run "verdict: marked" brun "$B" run -v --force open.sb -- true
expect_err_has "verdict: this buckle trusts its own mark" "(checked before)"
cp "$B" "$R/buckle-other"
printf 'x' >>"$R/buckle-other"
run "verdict: other buckle" brun "$R/buckle-other" run -v --force open.sb -- true
expect_rc "verdict: another buckle runs it" 0
if grep -q "(checked before)" "$TMP/err"; then fail "verdict: another buckle does not trust the mark" "$(cat "$TMP/err")"
else pass "verdict: another buckle does not trust the mark"; fi
