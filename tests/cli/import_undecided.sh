# import_undecided.sh - `buckle import FILE.sb` never takes a request the
# comparison cannot decide (a filter buckle cannot evaluate, here
# xpc-service-name) as decided alike: the family of its operation stays in
# SBPL, every rule of it in the original's order, with the reason.
. tests/lib.sh
P=$(scratch_dir import_undecided)
cat > "$P/u.sb" <<'SB'
(version 1)
(deny default)
(allow mach-lookup (global-name-prefix "com.apple."))
(deny mach-lookup (xpc-service-name "com.apple.x"))
(allow file-read* (subpath "/a"))
SB
if "$BUCKLE" import "$P/u.sb" -o "$P/u.buckle" 2>"$P/err"; then
    pass "import undecided: imports"
else
    fail "import undecided: imports" "$(head -c 300 "$P/err")"
fi
if grep -q '^# kept in SBPL: the comparison cannot decide mach-lookup' "$P/u.buckle"; then
    pass "import undecided: the reason is given"
else
    fail "import undecided: the reason is given" "$(head -c 600 "$P/u.buckle")"
fi
# both mach rules in SBPL, the allow before the deny; the file rule in sections
a=$(grep -n 'global-name-prefix "com.apple."' "$P/u.buckle" | cut -d: -f1)
d=$(grep -n 'xpc-service-name "com.apple.x"' "$P/u.buckle" | cut -d: -f1)
if [ -n "$a" ] && [ -n "$d" ] && [ "$a" -lt "$d" ] && ! grep -q '^mach {' "$P/u.buckle"; then
    pass "import undecided: the family is kept in order"
else
    fail "import undecided: the family is kept in order" "$(cat "$P/u.buckle")"
fi
if grep -q 'allow read subpath "/a"\|allow read "/a"' "$P/u.buckle"; then
    pass "import undecided: other families still translate"
else
    fail "import undecided: other families still translate" "$(cat "$P/u.buckle")"
fi
