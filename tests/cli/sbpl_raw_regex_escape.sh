# sbpl_raw_regex_escape.sh - a regex in a raw sbpl rule is in the dialect
# Seatbelt compiles: an escape outside it (\x73, \163, \Z, \Q...\E) is
# BK2007 at the string when the .buckle compiles or lints, as lint says of
# the compiled output, not a pattern the final check reads as other text.
. tests/lib.sh
D="$TMP/sbpl_raw_regex_escape"
mkdir -p "$D"
n=0
# named by number: echo in some shells reads a backslash in a name
for re in '^/opt/\x73ecrets(/|$)' '^/opt/\163ecrets' '^/opt/secrets\Z' '^/opt/\Qsecrets\E'; do
    n=$((n + 1))
    printf 'files {\n  allow read "/usr";\n  deny final read "/opt/secrets";\n}\nsbpl """\n(allow file-read* (regex #"%s"))\n""";\n' "$re" >"$D/e$n.buckle"
    run "sbpl raw regex escape: e$n" "$BUCKLE" compile "$D/e$n.buckle" -o /dev/null
    expect_rc "sbpl raw regex escape: e$n: compile is refused" 1
    expect_err_has "sbpl raw regex escape: e$n: BK2007 at the string" "e$n.buckle:6:26: error: regex outside the Seatbelt dialect"
    run "sbpl raw regex escape: e$n, lint" "$BUCKLE" lint "$D/e$n.buckle"
    expect_out_has "sbpl raw regex escape: e$n: lint says BK2007 too" "e$n.buckle:6:26: error: regex outside the Seatbelt dialect"
done
# a name regex, with no final rule beside it, and a raw misc filter
printf 'sbpl """\n(allow mach-lookup (global-name-regex #"^com\\.apple\\.\\x73ecd$"))\n""";\n' >"$D/name.buckle"
run "sbpl raw regex escape: name regex" "$BUCKLE" compile "$D/name.buckle" -o /dev/null
expect_rc "sbpl raw regex escape: a name regex with x73 escape is refused" 1
expect_err_has "sbpl raw regex escape: name regex: BK2007" "BK2007"
printf 'misc {\n  allow sysctl-read sbpl "(sysctl-name-regex #\\"^kern\\\\.secre\\\\Z\\")";\n}\n' >"$D/misc.buckle"
run "sbpl raw regex escape: misc filter" "$BUCKLE" compile "$D/misc.buckle" -o /dev/null
expect_rc "sbpl raw regex escape: a raw misc filter with Z escape is refused" 1
expect_err_has "sbpl raw regex escape: misc filter: BK2007" "BK2007"
# the dialect's own escapes compile
printf 'sbpl """\n(allow file-read* (regex #"^/usr/lib/a\\.dylib$" (string-append "^/opt/\\(x\\)/" (param "HOME.re"))))\n""";\n' >"$D/ok.buckle"
run "sbpl raw regex escape: dialect escapes" "$BUCKLE" compile "$D/ok.buckle" -o /dev/null
expect_rc "sbpl raw regex escape: escaped metacharacters compile" 0
