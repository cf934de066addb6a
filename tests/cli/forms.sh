# forms.sh - the raw SBPL filter form of misc rules (`allow OP sbpl
# "(filter ...)"`), where a verb of another section is pointed, and what a
# remove without a match suggests.
. tests/lib.sh

# a raw filter: read and checked by the SBPL reader, emitted as a raw rule
cat >"$TMP/raw.buckle" <<'EOB'
misc {
    allow process-exec-interpreter sbpl "(literal \"/usr/bin/python3\")";
    deny user-preference-read sbpl "(preference-domain \"com.apple.x\")" report;
}
EOB
run "forms: raw filter compiles" "$BUCKLE" compile "$TMP/raw.buckle" -o "$TMP/raw.sb"
expect_rc "forms: raw filter compiles" 0
grep -qxF '(allow process-exec-interpreter (literal "/usr/bin/python3"))' "$TMP/raw.sb" \
    && pass "forms: raw filter emitted as a raw rule" || fail "forms: raw filter emitted as a raw rule" "$(tail -n 5 "$TMP/raw.sb")"
grep -qxF '(deny user-preference-read (preference-domain "com.apple.x") (with report))' "$TMP/raw.sb" \
    && pass "forms: raw filter keeps its modifiers" || fail "forms: raw filter keeps its modifiers" "$(tail -n 3 "$TMP/raw.sb")"
run "forms: raw filter reads back" "$BUILD/sbpl-readback" "$TMP/raw.sb"
expect_rc "forms: raw filter reads back" 0
run "forms: raw filter query" "$BUCKLE" query "$TMP/raw.buckle" misc process-exec-interpreter /usr/bin/python3
expect_out_has "forms: the raw rule decides" "allow /usr/bin/python3"
expect_out_has "forms: query names the raw rule" "decided by a raw sbpl rule"
run "forms: raw filter query, other path" "$BUCKLE" query "$TMP/raw.buckle" misc process-exec-interpreter /usr/bin/perl
expect_out_has "forms: other paths keep the default" "deny /usr/bin/perl"
run "forms: raw filter lint" "$BUCKLE" lint "$TMP/raw.buckle"
expect_rc "forms: raw filter lints clean" 0

# errors in the filter are reported at its string
cat >"$TMP/rawbad.buckle" <<'EOB'
misc {
    allow process-exec-interpreter sbpl "(litral \"/x\")";
    allow pseudo-tty sbpl "(literal \"/x\"";
    allow pseudo-tty sbpl "(literal \"/x\") (literal \"/y\")";
    deny final pseudo-tty sbpl "(literal \"/x\")";
}
files { allow read sbpl "(literal \"/x\")"; }
EOB
run "forms: bad raw filters" "$BUCKLE" compile "$TMP/rawbad.buckle"
expect_rc "forms: bad raw filters exit 1" 1
expect_err_has "forms: unknown filter at its string" "rawbad.buckle:2:41: error: in the sbpl filter: unknown SBPL filter \"litral\""
expect_err_has "forms: unbalanced filter at its string" "rawbad.buckle:3:27: error: in the sbpl filter: unbalanced parentheses"
expect_err_has "forms: one filter" "rawbad.buckle:4:27: error: a raw sbpl filter is one parenthesized filter"
expect_err_has "forms: not final" "rawbad.buckle:5:27: error: a raw sbpl filter cannot be final"
expect_err_has "forms: only misc" "rawbad.buckle:7:20: error: a raw sbpl filter is only for misc rules"

# a verb of another section: point at that section, never at the same name
printf 'files { allow process-exec-interpreter "/x"; allow lookup "com.x"; }\n' >"$TMP/verb.buckle"
run "forms: verb of another section" "$BUCKLE" compile "$TMP/verb.buckle"
expect_rc "forms: verb of another section exits 1" 1
expect_err_has "forms: points at misc" "process-exec-interpreter is an operation of section misc"
expect_err_has "forms: points at mach" "lookup is a verb of section mach: mach { allow lookup ...; }"
grep -q 'did you mean "process-exec-interpreter"' "$TMP/err" \
    && fail "forms: never suggests the same name" "$(cat "$TMP/err")" || pass "forms: never suggests the same name"

# remove: a related rule is suggested, an unrelated one never
rm_case() {  # LABEL RULE WANT-NOTE(0/1)
    printf 'extends "%s";\nfiles { %s }\n' "$(abspath tests/cli/data/remove/base.buckle)" "$2" >"$TMP/rm.buckle"
    run "forms: remove $1" "$BUCKLE" compile "$TMP/rm.buckle"
    expect_rc "forms: remove $1 exits 1" 1
    if grep -q 'did you mean this rule' "$TMP/err"; then got=1; else got=0; fi
    [ "$got" = "$3" ] && pass "forms: remove $1 suggestion" || fail "forms: remove $1 suggestion" "$(cat "$TMP/err")"
}
rm_case "unrelated path" 'remove allow read "/x";' 0
rm_case "near miss" 'remove allow read "/opt/homebrew/bim";' 1
rm_case "other action" 'remove deny read "/usr";' 1
rm_case "other kind" 'remove allow read literal "/usr";' 1
rm_case "path below a rule" 'remove allow read "/usr/local";' 1
rm_case "path beside a rule" 'remove allow read "/usrlocal/bin";' 0

# remove of a rule two bases write alike (`read` and `file-read*` are one
# rule): it drops both, and says so, naming each place (BK2017)
mkdir -p "$TMP/rm2"
printf 'files {\n    allow read "/";\n    deny read "/secret";\n}\n' >"$TMP/rm2/b1.buckle"
printf 'files {\n    deny file-read* "/secret";\n}\n' >"$TMP/rm2/b2.buckle"
printf 'extends "./b1.buckle", "./b2.buckle";\nfiles {\n    remove deny file-read* "/secret";\n}\n' >"$TMP/rm2/c.buckle"
run "forms: remove of a rule two bases write" "$BUCKLE" compile "$TMP/rm2/c.buckle" -o "$TMP/rm2/c.sb"
expect_rc "forms: remove of a rule two bases write compiles" 0
expect_err_has "forms: remove of a rule two bases write: a warning" "warning: remove drops this rule from every place that writes it [BK2017 remove-drops-several]"
expect_err_has "forms: remove of a rule two bases write: the first base" "b1.buckle:3:5: note: written here"
expect_err_has "forms: remove of a rule two bases write: the second base" "b2.buckle:2:5: note: written here"
printf 'extends "./b2.buckle";\nfiles {\n    remove deny file-read* "/secret";\n}\n' >"$TMP/rm2/d.buckle"
run "forms: remove of a rule one base writes" "$BUCKLE" compile "$TMP/rm2/d.buckle" -o "$TMP/rm2/d.sb"
if grep -q BK2017 "$TMP/err"; then fail "forms: remove of a rule one base writes: no BK2017" "$(cat "$TMP/err")"; else pass "forms: remove of a rule one base writes: no BK2017"; fi

# an extending file that writes a base's rule again with the other of
# report/no-report (or another message) is an error at its copy; removing
# the base's copy first rewrites it
mkdir -p "$TMP/mods"
printf 'files { deny read "/s" report; deny read "/t" message "a"; }\n' >"$TMP/mods/base.buckle"
printf 'extends "./base";\nfiles { deny read "/s" no-report; }\n' >"$TMP/mods/clash.buckle"
run "forms: modifiers clash across extends" "$BUCKLE" compile "$TMP/mods/clash.buckle"
expect_rc "forms: modifiers clash across extends: exit" 1
expect_err_has "forms: modifiers clash across extends: at the copy" "clash.buckle:2:9: error: report and no-report contradict each other"
expect_err_has "forms: modifiers clash across extends: the base's copy" "base.buckle:1:9: note: written here (extended from"
printf 'extends "./base";\nfiles { remove deny read "/s"; deny read "/s" no-report; remove deny read "/t"; deny read "/t" message "b"; }\n' >"$TMP/mods/rewrite.buckle"
run "forms: modifiers rewritten after remove" "$BUCKLE" compile "$TMP/mods/rewrite.buckle"
expect_rc "forms: modifiers rewritten after remove: exit" 0
expect_out_has "forms: modifiers rewritten after remove: no-report" '(deny file-read* (subpath "/s") (with no-report))'
expect_out_has "forms: modifiers rewritten after remove: the new message" '(deny file-read* (subpath "/t") (with message "b"))'
