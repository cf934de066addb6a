# run_refusal.sh - `buckle run` on Linux: a refusal groups the weaker rules
# by file and class with the flag that runs it anyway first (-v lists each),
# and an .sb profile is refused with the import that makes a .buckle of it.
. tests/lib.sh
[ "$(uname -s)" = Linux ] || { pass "run refusal: Linux only"; exit 0; }
runner_env
P="$TMP/run_refusal"
mkdir -p "$P/proj"
P=$(cd "$P" && pwd -P)
printf 'extends "std/agent";\n' >"$P/proj/a.buckle"
cd "$P/proj" || exit 1
"$B" run a.buckle -- /bin/true >"$P/out" 2>"$P/err"
rc=$?
cd - >/dev/null || exit 1
[ $rc -eq 125 ] && pass "run refusal: std/agent without --linux-accept=files is refused" || fail "run refusal: exit" "$rc"
n=$(wc -l <"$P/err")
[ "$n" -le 5 ] && pass "run refusal: a few lines, not one per rule" || fail "run refusal: lines" "$n lines: $(head -c 600 "$P/err")"
sed -n 2p "$P/err" | grep -q '^  --linux-accept=files runs it anyway' && pass "run refusal: the fix comes first" \
    || fail "run refusal: the fix comes first" "$(head -3 "$P/err")"
grep -Eq '^  [0-9]+ rules of std/agent.buckle, class files; the first, std/agent.buckle:[0-9]+: ' "$P/err" \
    && pass "run refusal: grouped by file and class" || fail "run refusal: grouped" "$(cat "$P/err")"
grep -q '(-v lists each rule)' "$P/err" && pass "run refusal: says -v lists each" || fail "run refusal: -v hint" "$(cat "$P/err")"
cd "$P/proj" || exit 1
"$B" run -v a.buckle -- /bin/true >"$P/out" 2>"$P/err"
cd - >/dev/null || exit 1
n=$(grep -c '^  std/agent.buckle:[0-9]*: .*(class files)$' "$P/err")
[ "$n" -gt 10 ] && pass "run refusal: -v lists each rule" || fail "run refusal: -v lists each" "$n"
n=$(grep -c '^  --linux-accept=files runs it anyway' "$P/err")
[ "$n" -eq 1 ] && pass "run refusal: -v says the fix once" || fail "run refusal: -v fix once" "$n"

printf '(version 1)\n(deny default)\n' >"$P/app.sb"
run "run refusal: sb" "$B" run "$P/app.sb" -- /bin/true
expect_rc "run refusal: an .sb profile is refused" 125
expect_err_has "run refusal: ... naming the import" "Landlock needs a .buckle profile: \`buckle import $P/app.sb -o $P/app.buckle\` writes one; nothing was run"
