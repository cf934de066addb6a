# import_root_value.sh - a parameter that starts a path with more after it
# ("$P/tmp/s", "$P/$Q"): with P=/ the original's text is "//tmp/s", which
# Seatbelt compares as written and no request names, while the import's
# .buckle rule reads /tmp/s.  No .buckle rule can say the former (buckle
# run refuses P=/, compile warns), so the import warns at the rule, naming
# the parameter; a path the parameter alone makes ("$P") reads "/" both
# ways, and a value given with -D is expanded: no warning then.
. tests/lib.sh
V="$TMP/import_root_value"
rm -rf "$V"
mkdir -p "$V"
cat >"$V/two.sb" <<'SB'
(version 1)
(deny default)
(allow file-read* (subpath (string-append (param "P") "/" (param "Q"))))
SB
cat >"$V/text.sb" <<'SB'
(version 1)
(deny default)
(allow file-read* (subpath (param "P")))
(allow file-read* (literal (string-append (param "P") "/tmp/s")))
SB
cat >"$V/alone.sb" <<'SB'
(version 1)
(deny default)
(allow file-read* (subpath (param "P")))
SB

run "import root value: \$P/\$Q" "$BUCKLE" import "$V/two.sb"
expect_rc "import root value: \$P/\$Q is imported" 0
expect_out_has "import root value: \$P/\$Q is written as a .buckle rule" 'allow read "$P/$Q";'
expect_err_has "import root value: \$P/\$Q warns at the rule, naming P=/" "two.sb:3:1: warning: with P=/ the original's path here starts with \"//\""
expect_err_has "import root value: \$P/\$Q names the import's path" 'while the import reads "$P/$Q" as the path below /'

run "import root value: \$P/tmp/s" "$BUCKLE" import "$V/text.sb"
expect_rc "import root value: \$P/tmp/s is imported" 0
expect_err_has "import root value: \$P/tmp/s warns at its rule, not at \$P's" "text.sb:4:1: warning: with P=/ the original's path here starts with \"//\""
expect_err_has "import root value: \$P/tmp/s names the import's path" 'while the import reads "$P/tmp/s" as the path below /'

run "import root value: \$P alone" "$BUCKLE" import "$V/alone.sb"
expect_rc "import root value: \$P alone is imported" 0
if grep -q "warning: with P=/" "$TMP/err"; then fail "import root value: \$P alone reads / both ways: no warning" "$(cat "$TMP/err")"
else pass "import root value: \$P alone reads / both ways: no warning"; fi

run "import root value: -D P" "$BUCKLE" import -D P=/x "$V/text.sb"
expect_rc "import root value: -D P=/x is imported" 0
if grep -q "warning: with P=/" "$TMP/err"; then fail "import root value: a value given with -D is expanded: no warning" "$(cat "$TMP/err")"
else pass "import root value: a value given with -D is expanded: no warning"; fi
