# final_raw_regex_param.sh - a parameter spliced into a raw regex is regex
# source (Seatbelt builds the pattern from its value), so beside a final
# rule of the other action some value makes the raw rule match inside its
# scope: BK2005 with or without -D; with -D the value is read as regex.
# (param "NAME.re") quotes the value and is compared as text.
. tests/lib.sh
D=$(scratch_dir final_raw_regex_param)
cat >"$D/path.buckle" <<'B'
param X;
files {
  allow read "/usr";
  deny final read "/opt/secrets";
}
sbpl """
(allow file-read* (regex (string-append "^/opt/x" (param "X"))))
""";
B
cat >"$D/workdir.buckle" <<'B'
files {
  allow read "/usr";
  deny final read "/Users/test/.ssh";
}
sbpl """
(allow file-read* (regex (string-append "^/zz" (param "WORKDIR") "/")))
""";
B
cat >"$D/names.buckle" <<'B'
param X;
mach { deny final lookup "com.apple.secd"; }
sbpl """
(allow mach-lookup (global-name-regex (string-append "^org\\.example\\." (param "X"))))
""";
B
cat >"$D/sysctl.buckle" <<'B'
param X;
sysctl { deny final read "kern.secret"; }
sbpl """
(allow sysctl-read (sysctl-name-regex (string-append "^hw\\." (param "X"))))
""";
B
# a derived form that Seatbelt gets as text (X.dir) is spliced the same way
cat >"$D/dir.buckle" <<'B'
param X;
files { deny final read "/opt/secrets"; }
sbpl """
(allow file-read* (regex (string-append "^/zz/(" (param "X.dir") ")")))
""";
B
# a raw deny beside a final allow, the other way round
cat >"$D/deny.buckle" <<'B'
param X;
files { allow final read "/opt/pub"; }
sbpl """
(deny file-read* (regex (string-append "^/zz/[" (param "X") "]")))
""";
B
for f in path workdir names sysctl dir deny; do
    run "final raw regex param: $f, symbolic" "$BUCKLE" compile "$D/$f.buckle" -o /dev/null
    expect_rc "final raw regex param: $f: symbolic compile is refused" 1
    expect_err_has "final raw regex param: $f: BK2005" "BK2005"
done
expect_err_has "final raw regex param: the note says the value is regex source" 'goes into the regex as regex source'
run "final raw regex param: path, -D" "$BUCKLE" compile "$D/path.buckle" -D 'X=|^/opt/secrets' -o /dev/null
expect_rc "final raw regex param: path: -D value read as regex is refused" 1
expect_err_has "final raw regex param: path: -D: the value meets the final rule" "they meet with X=|^/opt/secrets"
run "final raw regex param: path, harmless -D" "$BUCKLE" compile "$D/path.buckle" -D 'X=abc' -o /dev/null
expect_rc "final raw regex param: path: any other value counts too" 1
run "final raw regex param: workdir, -D" "$BUCKLE" compile "$D/workdir.buckle" -D 'WORKDIR=/Users/test/p' -o /dev/null
expect_rc "final raw regex param: workdir: -D is refused" 1
for f in names sysctl; do
    run "final raw regex param: $f, -D" "$BUCKLE" compile "$D/$f.buckle" -D 'X=a|^com\.apple\.secd$|^kern\.secret$' -o /dev/null
    expect_rc "final raw regex param: $f: -D is refused" 1
    expect_err_has "final raw regex param: $f: -D: overrides" "overrides a final deny"
done
# controls: the value quoted (X.re), a regex of another kind than the
# final rule's, and the scope carved out with require-not
cat >"$D/quoted.buckle" <<'B'
param X;
files {
  allow read "/usr";
  deny final read "/opt/secrets";
}
sbpl """
(allow file-read* (regex (string-append "^/opt/x" (param "X.re"))))
""";
B
cat >"$D/other.buckle" <<'B'
param X;
files { deny final read "/opt/secrets"; }
sbpl """
(allow mach-lookup (global-name-regex (string-append "^org\\.example\\." (param "X"))))
""";
B
cat >"$D/carved.buckle" <<'B'
param X;
files { deny final read "/opt/secrets"; }
sbpl """
(allow file-read* (require-all (regex (string-append "^/opt/x" (param "X"))) (require-not (subpath "/opt/secrets"))))
""";
B
for f in quoted other carved; do
    run "final raw regex param: control $f" "$BUCKLE" compile "$D/$f.buckle" -o /dev/null
    expect_rc "final raw regex param: control $f compiles" 0
    run "final raw regex param: control $f, -D" "$BUCKLE" compile "$D/$f.buckle" -D 'X=abc' -o /dev/null
    expect_rc "final raw regex param: control $f compiles with -D" 0
done
# every quoted derived form (the regex forms, the "" / "//" switches) is
# compared as text like X.re: NAME.fold's kin included
for sfx in fold foldfirst ifslash ifnoslash ifroot upfirst; do
    sed "s/(param \"X.re\")/(param \"X.$sfx\")/" "$D/quoted.buckle" >"$D/quoted_$sfx.buckle"
    run "final raw regex param: X.$sfx is quoted" "$BUCKLE" compile "$D/quoted_$sfx.buckle" -o /dev/null
    expect_rc "final raw regex param: X.$sfx compiles beside a final deny" 0
done
# NAME.dir holds the value as written: regex source
sed 's/(param "X.re")/(param "X.dir")/' "$D/quoted.buckle" >"$D/dir.buckle"
run "final raw regex param: X.dir is regex source" "$BUCKLE" compile "$D/dir.buckle" -o /dev/null
expect_rc "final raw regex param: X.dir meets the final deny" 1
