# fmt.sh - `buckle fmt`: on every .buckle file of corpus/ and tests/ that
# parses, fmt is idempotent and the formatted text compiles to the same
# bytes; --check, -w, standard input, and input with syntax errors.
. tests/lib.sh
F="$TMP/fmt"
mkdir -p "$F"

n=0; bad=""
for f in $(find corpus tests -name '*.buckle' | sort); do
    "$BUCKLE" fmt "$f" >"$F/once" 2>"$F/err"
    rc=$?
    if [ $rc -ne 0 ]; then
        # only files with syntax errors may be refused, with file:line:col
        grep -q "^$f:[0-9]*:[0-9]*: error: .*\[BK1001 syntax\]" "$F/err" || bad="$bad $f(rc $rc: $(head -c 200 "$F/err"))"
        [ -s "$F/once" ] && bad="$bad $f(output despite errors)"
        continue
    fi
    n=$((n + 1))
    "$BUCKLE" fmt - <"$F/once" >"$F/twice" 2>/dev/null
    cmp -s "$F/once" "$F/twice" || bad="$bad $f(not idempotent)"
    "$BUCKLE" fmt --check --stdin-filename "$f" - <"$F/once" >"$F/check" 2>&1 || bad="$bad $f(--check of the output fails)"
    # compile from the original's name, so that extends resolve alike
    "$BUCKLE" compile --stdin-filename "$f" - <"$f" >"$F/c1" 2>/dev/null; r1=$?
    "$BUCKLE" compile --stdin-filename "$f" - <"$F/once" >"$F/c2" 2>/dev/null; r2=$?
    [ $r1 -eq $r2 ] || bad="$bad $f(compile exit $r1 vs $r2)"
    cmp -s "$F/c1" "$F/c2" || bad="$bad $f(compiled output differs)"
done
if [ -z "$bad" ] && [ $n -gt 100 ]; then pass "fmt: $n files: idempotent, compile(fmt(x)) == compile(x)"
else fail "fmt: properties over corpus/ and tests/ ($n files)" "$bad"; fi

# what buckle ships and what it writes is in the formatter's canonical form:
# a project that runs `buckle fmt --check` in a pre-commit hook can extend
# std/, copy an example, or commit what `buckle import` wrote
bad=""
for f in $(find corpus -name '*.buckle' | sort); do
    "$BUCKLE" fmt --check "$f" >/dev/null 2>&1 || bad="$bad $f"
done
for s in small medium large; do
    "$BUCKLE" import --from srt "bench/srt/$s.json" >"$F/srt.buckle" 2>/dev/null &&
        "$BUCKLE" fmt --check --stdin-filename srt.buckle - <"$F/srt.buckle" >/dev/null 2>&1 || bad="$bad import-srt-$s"
done
printf '{"filesystem":{"allowWrite":["/w"]},"network":{}}\n' >"$TMP/noports.json"
"$BUCKLE" import --from srt "$TMP/noports.json" >"$F/srt.buckle" 2>/dev/null &&
    "$BUCKLE" fmt --check --stdin-filename srt.buckle - <"$F/srt.buckle" >/dev/null 2>&1 || bad="$bad import-srt-noports"
for f in $(find corpus tests -name '*.sb' | sort); do
    "$BUCKLE" import "$f" >"$F/imp.buckle" 2>/dev/null || continue
    "$BUCKLE" fmt --check --stdin-filename imp.buckle - <"$F/imp.buckle" >/dev/null 2>&1 || bad="$bad import:$f"
done
if [ -z "$bad" ]; then pass "fmt: corpus/ and import's output are in canonical form"
else fail "fmt: not in canonical form" "$bad"; fi

# the layout
printf 'extends "std/base";  \n\n# top\nfiles   {allow read "/usr" ,"/a";# trailing\n  deny write\n"/x",\n      "/y"; # buckle: ignore[BK3004] -- hooks   \n}\nsbpl """\n  (allow   file-read* (literal "/b"))\n   """;\n\n\n' >"$F/in.buckle"
printf 'extends "std/base";\n\n# top\nfiles { allow read "/usr", "/a";  # trailing\n    deny write\n        "/x",\n        "/y";  # buckle: ignore[BK3004] -- hooks\n}\nsbpl """\n  (allow   file-read* (literal "/b"))\n   """;\n' >"$F/want.buckle"
run "fmt: layout" "$BUCKLE" fmt "$F/in.buckle"
expect_rc "fmt: exits 0" 0
printf '%s\n' "$OUT" >"$F/got.buckle"
expect_same "fmt: canonical layout (indentation, spacing, comments kept on their lines, sbpl verbatim)" "$F/want.buckle" "$F/got.buckle"

# --check: a unified diff on stdout, exit 1; nothing written
cp "$F/in.buckle" "$F/orig.buckle"
run "fmt: --check" "$BUCKLE" fmt --check "$F/in.buckle"
expect_rc "fmt: --check of an unformatted file exits 1" 1
expect_out_has "fmt: --check prints a diff header" "--- $F/in.buckle"
expect_out_has "fmt: --check prints a hunk" "@@ -1,13 +1,11 @@"
expect_out_has "fmt: --check prints the old line" '-files   {allow read "/usr" ,"/a";# trailing'
expect_out_has "fmt: --check prints the new line" '+files { allow read "/usr", "/a";  # trailing'
expect_same "fmt: --check leaves the file alone" "$F/orig.buckle" "$F/in.buckle"
if command -v patch >/dev/null 2>&1; then
    printf '%s\n' "$OUT" >"$F/d.patch"
    cp "$F/in.buckle" "$F/p.buckle"
    patch -s "$F/p.buckle" "$F/d.patch" >/dev/null 2>&1
    expect_same "fmt: the --check diff applies with patch(1) and gives the formatted file" "$F/want.buckle" "$F/p.buckle"
fi
run "fmt: --check clean" "$BUCKLE" fmt --check "$F/want.buckle"
expect_rc "fmt: --check of a formatted file exits 0" 0
[ -z "$OUT" ] && pass "fmt: --check of a formatted file prints nothing" || fail "fmt: --check quiet" "$OUT"
printf 'files { allow read "/a"; }' >"$F/nonl.buckle"
run "fmt: no final newline" "$BUCKLE" fmt --check "$F/nonl.buckle"
expect_out_has "fmt: --check marks a missing final newline" '\ No newline at end of file'

# -w rewrites in place, keeps the mode; stdin
cp "$F/in.buckle" "$F/w.buckle"
chmod 640 "$F/w.buckle"
run "fmt: -w" "$BUCKLE" fmt -w "$F/w.buckle"
expect_rc "fmt: -w exits 0" 0
expect_same "fmt: -w writes the formatted text" "$F/want.buckle" "$F/w.buckle"
[ "$(stat -c %a "$F/w.buckle" 2>/dev/null || stat -f %Lp "$F/w.buckle")" = 640 ] && pass "fmt: -w keeps the file's mode" || fail "fmt: -w mode" "$(ls -l "$F/w.buckle")"
"$BUCKLE" fmt - <"$F/in.buckle" >"$F/stdin.out"
expect_same "fmt: - reads standard input" "$F/want.buckle" "$F/stdin.out"

# suppressions keep covering the same statement
printf 'mach {\nallow lookup "com.apple.SystemConfiguration.configd";    # buckle: ignore[BK3002] -- proxy\n      # buckle: ignore[BK3002] -- clipboard\n allow lookup "com.apple.pasteboard.1";\n}\n' >"$F/s.buckle"
"$BUCKLE" fmt "$F/s.buckle" >"$F/s2.buckle"
"$BUCKLE" lint -q "$F/s.buckle" >"$F/l1" 2>&1; "$BUCKLE" lint -q "$F/s2.buckle" >"$F/l2" 2>&1
if [ ! -s "$F/l1" ] && [ ! -s "$F/l2" ]; then pass "fmt: suppressions still apply after formatting"; else fail "fmt: suppressions" "$(cat "$F/l1" "$F/l2")"; fi

# bad input: file:line:col, exit 1, nothing written
printf 'files {\n    allow read "/usr"\n}\n' >"$F/bad.buckle"
cp "$F/bad.buckle" "$F/bad.orig"
run "fmt: syntax error" "$BUCKLE" fmt -w "$F/bad.buckle"
expect_rc "fmt: syntax error exits 1" 1
expect_err_has "fmt: syntax error has file:line:col" "$F/bad.buckle:2:22: error: expected ';'"
expect_same "fmt: -w leaves a file with errors alone" "$F/bad.orig" "$F/bad.buckle"
[ -z "$OUT" ] && pass "fmt: no output for a file with errors" || fail "fmt: output on error" "$OUT"
[ -z "$(ls "$F" | grep -v '\.\(buckle\|orig\|patch\)$' | grep -v '^\(once\|twice\|check\|err\|c1\|c2\|l1\|l2\|stdin.out\|crlf.want\|crlf.got\)$')" ] && pass "fmt: no temporary file left" || fail "fmt: leftovers" "$(ls "$F")"
run "fmt: missing file" "$BUCKLE" fmt "$F/none.buckle"
expect_rc "fmt: unreadable file exits 2" 2
run "fmt: .sb" "$BUCKLE" fmt corpus/examples/agent.sb
expect_rc "fmt: an .sb file is a usage error" 2
run "fmt: -w and --check" "$BUCKLE" fmt -w --check "$F/want.buckle"
expect_rc "fmt: -w with --check is a usage error" 2

# CRLF line ends and a byte-order mark: LF out, the same profile
printf '\357\273\277files {\r\n  allow read "/a"; # x\r\n}\r\n' >"$F/crlf.buckle"
printf 'files {\n    allow read "/a";  # x\n}\n' >"$F/crlf.want"
"$BUCKLE" fmt "$F/crlf.buckle" >"$F/crlf.got"
expect_same "fmt: CRLF and a byte-order mark become plain LF" "$F/crlf.want" "$F/crlf.got"
"$BUCKLE" compile "$F/crlf.buckle" >"$F/c1" 2>&1; "$BUCKLE" compile --stdin-filename "$F/crlf.buckle" - <"$F/crlf.got" >"$F/c2" 2>&1
expect_same "fmt: ... and compile to the same profile" "$F/c1" "$F/c2"

# a file larger than the pieces fmt writes standard output in (64 KiB):
# printed, it is what -w writes (the whole result at once), byte for byte
sh bench/gen_profile.sh 6000 "$F/big" >/dev/null
run "fmt: large file" "$BUCKLE" fmt "$F/big/main.buckle"
expect_rc "fmt: large file: exits 0" 0
cp "$TMP/out" "$F/big.out"
cp "$F/big/main.buckle" "$F/big/w.buckle"
"$BUCKLE" fmt -w "$F/big/w.buckle" 2>/dev/null
if [ "$(wc -c <"$F/big.out")" -gt 200000 ] && cmp -s "$F/big.out" "$F/big/w.buckle"; then
    pass "fmt: large file: standard output in pieces == the -w result"
else fail "fmt: large file: standard output in pieces == the -w result" "$(wc -c <"$F/big.out") bytes, $(cmp "$F/big.out" "$F/big/w.buckle" 2>&1)"; fi
# standard output that cannot be written: one clear error, exit 2
if [ -w /dev/full ]; then
    run "fmt: unwritable output" sh -c "\"\$0\" fmt \"\$1\" >/dev/full" "$BUCKLE" "$F/big/main.buckle"
    expect_rc "fmt: unwritable output: exit 2" 2
    expect_err_has "fmt: unwritable output: says so" "writing to standard output"
    [ "$(grep -c error "$TMP/err")" -eq 1 ] && pass "fmt: unwritable output: one error" \
        || fail "fmt: unwritable output: one error" "$(head -c 400 "$TMP/err")"
fi
