# lint_inherit.sh - findings on inherited rules: a suppression on the extends
# line (or a file-ignore) covers them; every location in every format names
# a file that exists; the extends chain is in notes (gcc: file:line:col) and
# in SARIF relatedLocations.
. tests/lib.sh
runner_env
D="$TMP/linti"
rm -rf "$D"
mkdir -p "$D/sub"
printf 'extends "std/base", "std/keychain", "std/network/open";\nparam WORKDIR;\nprocess { allow exec "/usr/bin"; }\n' >"$D/p.buckle"
printf 'extends "std/base", "std/keychain", "std/network/open";  # buckle: ignore[BK3008] -- the agent needs both\nparam WORKDIR;\nprocess { allow exec "/usr/bin"; }\n' >"$D/s.buckle"
printf '# buckle: file-ignore[keychain-exposed] -- the agent needs both\nextends "std/base", "std/keychain", "std/network/open";\nparam WORKDIR;\nprocess { allow exec "/usr/bin"; }\n' >"$D/f.buckle"
printf 'extends "../p";\n' >"$D/sub/c.buckle"

cd "$D" || exit 1
run "lint inherit: plain" "$B" lint --format gcc p.buckle
expect_out_has "lint inherit: the inherited finding is reported" "[BK3008]"
expect_out_has "lint inherit: gcc note with file:line:col" "p.buckle:1:37: note: std/network/open.buckle is extended here"
ok=1
for f in $(sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: .*/\1/p' "$TMP/out" | sort -u); do [ -f "$f" ] || { ok=0; echo "missing: $f" >&2; }; done
[ "$ok" = 1 ] && pass "lint inherit: gcc: every location exists" || fail "lint inherit: gcc: every location exists" "$OUT"
run "lint inherit: json" "$B" lint --format json p.buckle
ok=1
for f in $(grep -o '"file":"[^"]*"' "$TMP/out" | sed 's/"file":"\(.*\)"/\1/' | sort -u); do [ -f "$f" ] || ok=0; done
[ "$ok" = 1 ] && pass "lint inherit: json: every location exists" || fail "lint inherit: json: every location exists" "$(head -c 600 "$TMP/out")"
run "lint inherit: sarif" "$B" lint --format sarif p.buckle
ok=1
for f in $(grep -o '"uri":"[^"]*"' "$TMP/out" | sed 's/"uri":"\(.*\)"/\1/' | sort -u); do [ -f "$f" ] || ok=0; done
[ "$ok" = 1 ] && pass "lint inherit: sarif: every uri exists" || fail "lint inherit: sarif: every uri exists" "$(head -c 600 "$TMP/out")"
grep -q '"relatedLocations":\[{"physicalLocation":{"artifactLocation":{"uri":"p.buckle"},"region":{"startLine":1,"startColumn":37' "$TMP/out" \
    && pass "lint inherit: sarif relatedLocations carry the extends" || fail "lint inherit: sarif relatedLocations carry the extends" "$(grep -o '"relatedLocations".\{0,200\}' "$TMP/out" | head -3)"
# two hops: both extends are notes, nearest first
run "lint inherit: chain" "$B" lint --format gcc sub/c.buckle
expect_out_has "lint inherit: first hop" "p.buckle:1:37: note: std/network/open.buckle is extended here"
expect_out_has "lint inherit: second hop" "sub/c.buckle:1:9: note:"
# suppressions
run "lint inherit: extends suppression" "$B" lint --format gcc s.buckle
expect_out_lacks "lint inherit: a suppression on the extends line covers inherited findings" "BK3008"
expect_out_lacks "lint inherit: ... and is used" "BK0001"
run "lint inherit: file-ignore" "$B" lint --format gcc f.buckle
expect_out_lacks "lint inherit: a file-ignore covers inherited findings" "BK3008"
expect_out_lacks "lint inherit: file-ignore is used" "BK0001"
# a suppression elsewhere in the child still does not cover the base
printf 'extends "std/base", "std/keychain", "std/network/open";\nparam WORKDIR;  # buckle: ignore[BK3008] -- wrong line\nprocess { allow exec "/usr/bin"; }\n' >w.buckle
run "lint inherit: other line" "$B" lint --format gcc w.buckle
expect_out_has "lint inherit: a suppression on another line does not cover it" "[BK3008]"
expect_out_has "lint inherit: ... and is unused" "[BK0001]"
# a path outside the working directory is absolute and real
cd sub || exit 1
run "lint inherit: outside cwd" "$B" lint --format gcc ../p.buckle
expect_out_has "lint inherit: the file as given" "../p.buckle:1:37: note:"
ok=1
for f in $(sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: .*/\1/p' "$TMP/out" | sort -u); do [ -f "$f" ] || ok=0; done
[ "$ok" = 1 ] && pass "lint inherit: outside cwd: every location exists" || fail "lint inherit: outside cwd: every location exists" "$OUT"
