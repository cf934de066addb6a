# diff_utf8.sh - buckle diff's probe objects keep names UTF-8: the sibling a
# byte shorter than a path is a character shorter, so the text answer is
# UTF-8 and lists the same examples as the JSON one.
. tests/lib.sh
D=$(scratch_dir diff_utf8)
printf '(version 1) (allow default) (deny file-write* (subpath "/\303\251"))\n' >"$D/u1.sb"
cp "$D/u1.sb" "$D/u2.sb"
printf '(deny file-write-data (require-not (regex "/A/A$")))\n' >>"$D/u2.sb"
run "diff utf8: a path with a two-byte character" "$BUCKLE" diff "$D/u1.sb" "$D/u2.sb"
expect_rc "diff utf8: ... differs" 1
if LC_ALL=C.UTF-8 iconv -f UTF-8 -t UTF-8 "$TMP/out" >/dev/null 2>&1; then pass "diff utf8: the text answer is UTF-8"
else fail "diff utf8: the text answer is UTF-8" "$(od -c "$TMP/out" | grep -n '303' | head -3)"; fi
grep -c '^    file-write-data ' "$TMP/out" >"$D/text.n"
run "diff utf8: json" "$BUCKLE" diff --format json "$D/u1.sb" "$D/u2.sb"
grep -c '"file-write-data /' "$TMP/out" >"$D/json.n"
expect_same "diff utf8: text and JSON list as many examples" "$D/text.n" "$D/json.n"
