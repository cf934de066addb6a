# lint_compiled.sh - compiled output is lint-clean: for every profile in
# corpus/ and tests/ that compiles, `buckle lint` of the output reports no
# rule that `buckle lint` of the source does not (the source's suppressions
# are carried into the output, BK3001 knows buckle run protects it, and
# parameters without a value are unknown strings, never BK1001).
. tests/lib.sh
D="$TMP/lintc"
mkdir -p "$D"
n=0 bad=0 lines=""
for f in $(find corpus tests -name '*.buckle' | LC_ALL=C sort); do
    "$BUCKLE" compile "$f" -o "$D/out.sb" >/dev/null 2>&1 || continue
    n=$((n + 1))
    "$BUCKLE" lint --format gcc "$f" 2>/dev/null | sed -n 's/.*\[\(BK[0-9]*\)\]$/\1/p' | sort -u >"$D/src"
    "$BUCKLE" lint --format gcc "$D/out.sb" 2>"$D/err" | sed -n 's/.*\[\(BK[0-9]*\)\]$/\1/p' | sort -u >"$D/out"
    extra=$(comm -13 "$D/src" "$D/out" | tr '\n' ' ')
    if [ -n "$extra" ]; then bad=$((bad + 1)); lines="$lines $f: $extra;"; fi
done
[ "$n" -ge 40 ] && pass "lint compiled: $n profiles compiled" || fail "lint compiled: profiles compiled" "only $n"
[ "$bad" -eq 0 ] && pass "lint compiled: output reports nothing its source does not ($n profiles)" \
    || fail "lint compiled: output reports nothing its source does not" "$bad of $n:$(echo "$lines" | head -c 1500)"

# the carried suppressions themselves
printf 'extends "std/base";\nmach {\n    allow lookup "com.apple.SystemConfiguration.configd";  # buckle: ignore[BK3002] -- proxy settings\n}\nprocess { allow exec "/usr/bin"; }\n' >"$D/c.buckle"
"$BUCKLE" compile "$D/c.buckle" -o "$D/c.sb"
grep -q 'configd"))  ; .*c.buckle:3  ; buckle: ignore\[BK3002\] -- proxy settings$' "$D/c.sb" \
    && pass "lint compiled: a suppression is carried onto its rule" || fail "lint compiled: a suppression is carried onto its rule" "$(grep configd "$D/c.sb")"
run "lint compiled: carried" "$BUCKLE" lint --format gcc "$D/c.sb"
expect_out_lacks "lint compiled: the carried suppression is honoured" "BK3002"
expect_out_lacks "lint compiled: no unused-suppression on compiled output" "BK0001"
sed 's/  ; buckle: ignore.*//' "$D/c.sb" >"$D/c-bare.sb"
run "lint compiled: without it" "$BUCKLE" lint --format gcc "$D/c-bare.sb"
expect_out_has "lint compiled: without the comment the finding is back" "[BK3002]"
printf '# buckle: file-ignore[BK3002] -- proxy settings\nextends "std/base";\nmach { allow lookup "com.apple.SystemConfiguration.configd"; }\nprocess { allow exec "/usr/bin"; }\n' >"$D/f.buckle"
"$BUCKLE" compile "$D/f.buckle" -o "$D/f.sb"
grep -q '^;; buckle: file-ignore\[BK3002\] -- proxy settings$' "$D/f.sb" \
    && pass "lint compiled: a file-ignore goes into the header" || fail "lint compiled: a file-ignore goes into the header" "$(head -12 "$D/f.sb")"
run "lint compiled: file-ignore" "$BUCKLE" lint --format gcc "$D/f.sb"
expect_out_lacks "lint compiled: the carried file-ignore is honoured" "BK3002"
# a suppression that covers the default statement is carried onto (allow default)
printf '# buckle: ignore[broad-write] -- a scratch sandbox\ndefault allow;\nfiles { deny write "/Users"; }\n' >"$D/d.buckle"
"$BUCKLE" compile "$D/d.buckle" -o "$D/d.sb"
grep -q '^(allow default)  ; buckle: ignore\[broad-write\] -- a scratch sandbox$' "$D/d.sb" \
    && pass "lint compiled: a suppression of the default is carried onto it" || fail "lint compiled: a suppression of the default is carried onto it" "$(grep default "$D/d.sb")"
run "lint compiled: default carried" "$BUCKLE" lint --format gcc "$D/d.sb"
expect_out_lacks "lint compiled: ... and honoured" "BK3003"
# the shipped examples pass the pre-commit setting (lint --fail-on warning),
# as sources and as their compiled outputs
for f in corpus/examples/*.buckle; do
    run "lint compiled: example $f" "$BUCKLE" lint --fail-on warning "$f" "${f%.buckle}.sb"
    expect_rc "lint compiled: $f and its .sb pass lint --fail-on warning" 0
done
# a hand-written .sb keeps BK3001 and BK0001
printf '(version 1)\n(deny default)\n(allow file-write* (subpath "/private/var/folders"))  ; buckle: ignore[BK3002] -- none\n' >"$D/h.sb"
run "lint compiled: hand-written" "$BUCKLE" lint --format gcc "$D/h.sb"
expect_out_has "lint compiled: hand-written .sb still gets BK3001" "[BK3001]"
expect_out_has "lint compiled: hand-written .sb still gets BK0001" "[BK0001]"
# parameter defaults written in the compiled header are honoured, derived
# parameters (NAME.ancestors) come with them
printf 'extends "std/base";\nparam OUT = "$HOME/.zshrc";\nfiles { allow write literal "$OUT"; }\nprocess { allow exec "/usr/bin"; }\n' >"$D/def.buckle"
"$BUCKLE" compile "$D/def.buckle" -o "$D/def.sb"
grep -q '^;;   default OUT = \$HOME/.zshrc$' "$D/def.sb" && pass "lint compiled: the default is in the header" || fail "lint compiled: the default is in the header" "$(head -9 "$D/def.sb")"
run "lint compiled: header default" "$BUCKLE" lint -q --format gcc "$D/def.sb"
expect_out_has "lint compiled: a finding that needs the default's value" "/Users/test/.zshrc is writable"
expect_out_lacks "lint compiled: no parameter without a value" "BK2013"
run "lint compiled: auditor" "$BUCKLE" lint -q --format gcc corpus/examples/auditor.sb
expect_out_lacks "lint compiled: REPORT.ancestors is known through REPORT's default" "BK2013"
expect_out_lacks "lint compiled: auditor: no BK1001" "BK1001"
# raw sbpl and sbpl verbatim blocks: the suppressions of their statement go
# onto the comment line above the block and cover every form in it
"$BUCKLE" compile tests/lint/BK3002-raw-good.buckle -o "$D/raw.sb"
grep -q '^;; raw sbpl from .*BK3002-raw-good.buckle:2  ; buckle: ignore\[BK3002\] -- proxy detection$' "$D/raw.sb" \
    && pass "lint compiled: a raw filter's suppression is carried" || fail "lint compiled: a raw filter's suppression is carried" "$(grep ';; raw' "$D/raw.sb")"
grep -q '^;; sbpl verbatim from .*BK3002-raw-good.buckle:7 (not checked by buckle)  ; buckle: ignore\[BK3002, BK4013\] -- opens' "$D/raw.sb" \
    && pass "lint compiled: a verbatim block's suppression is carried" || fail "lint compiled: a verbatim block's suppression is carried" "$(grep ';; sbpl verbatim' "$D/raw.sb")"
run "lint compiled: raw" "$BUCKLE" lint --format gcc "$D/raw.sb"
expect_out_lacks "lint compiled: the carried suppressions cover the blocks' rules" "BK3002"
sed 's/  ; buckle: ignore.*//' "$D/raw.sb" >"$D/raw-bare.sb"
run "lint compiled: raw, bare" "$BUCKLE" lint --format gcc "$D/raw-bare.sb"
expect_out_has "lint compiled: without them the blocks' findings are back" "[BK3002]"
