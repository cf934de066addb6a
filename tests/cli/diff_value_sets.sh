# diff_value_sets.sh - `buckle diff` over the values of parameters that
# have none: a parameter that starts one path and stands inside another
# takes no value buckle run accepts, and sandbox-exec takes any; diff
# compares both profiles as sandbox-exec reads them, with an absolute value
# and again with a relative one (a path either makes with "//", or without
# a leading '/', matches nothing).
. tests/lib.sh
V=$(scratch_dir diff_value_sets)

printf 'param P;\nfiles { allow read "$P"; deny read "/a/$P"; }\n' >"$V/root-old.buckle"
printf 'param P;\nfiles { allow read "$P"; deny read "/a/$P"; allow write "$P/x"; }\n' >"$V/root-new.buckle"
run "diff value sets: a parameter at the start of a path and inside one" "$BUCKLE" diff "$V/root-old.buckle" "$V/root-new.buckle"
expect_rc "diff value sets: the added write allow is a change (exit 1)" 1
expect_out_has "diff value sets: the widening is found under the absolute value" "file-write-create /Users/test/param-P/x"
expect_err_has "diff value sets: standard error names both values" "P=param-P"
if grep -q BK2008 "$TMP/err"; then fail "diff value sets: no value error" "BK2008 on standard error"
else pass "diff value sets: no value error"; fi

# a change of the rule with the parameter inside a path shows only under
# the relative value
printf 'param P;\nfiles { allow read "/a"; allow read "$P"; deny read "/a/$P"; }\n' >"$V/inner-old.buckle"
printf 'param P;\nfiles { allow read "/a"; allow read "$P"; deny read "/a/$P/q"; }\n' >"$V/inner-new.buckle"
run "diff value sets: the inner use changes" "$BUCKLE" diff "$V/inner-old.buckle" "$V/inner-new.buckle"
expect_rc "diff value sets: the narrower deny is a change (exit 1)" 1
expect_out_has "diff value sets: under the relative value" "with P=param-P"
expect_out_has "diff value sets: at the relative value's path" "file-read-data /a/param-P"
run "diff value sets: the inner use changes, json" "$BUCKLE" diff --format json "$V/inner-old.buckle" "$V/inner-new.buckle"
expect_rc "diff value sets: json exit 1" 1
expect_out_has "diff value sets: json names the values" '"values": "P=param-P"'

# the same rules in another order: the same decisions under both values
printf 'param P;\nfiles { deny read "/a/$P"; allow read "/a"; allow read "$P"; }\n' >"$V/inner-same.buckle"
run "diff value sets: the same rules reordered" "$BUCKLE" diff "$V/inner-old.buckle" "$V/inner-same.buckle"
expect_rc "diff value sets: the same decisions (exit 0)" 0

# two sides read the same way: the values come from the rules that changed.
# Fifteen pairs that line P up with a hard-coded path ("$P/kN" and
# "/dN/kN") are the same on both sides; the deny removed lines up with
# "$P/secret" only at P=/zz, which the other pairs would crowd out.
{
    printf 'param P;\nfiles {\n  allow read "$P/secret";\n'
    for i in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do printf '  allow read "$P/k%s";\n  deny read "/d%s/k%s";\n' "$i" "$i" "$i"; done
} >"$V/common.txt"
{ cat "$V/common.txt"; printf '  deny read "/zz/secret/key";\n}\n'; } >"$V/changed-old.buckle"
{ cat "$V/common.txt"; printf '}\n'; } >"$V/changed-new.buckle"
run "diff value sets: a value from the rule that changed" "$BUCKLE" diff "$V/changed-old.buckle" "$V/changed-new.buckle"
expect_rc "diff value sets: the removed deny is a widening (exit 1)" 1
expect_out_has "diff value sets: under the value lined up with it" "with P=/zz"
expect_out_has "diff value sets: at the removed deny's path" "file-read-data /zz/secret/key"
run "diff value sets: a value from the rule that changed, json" "$BUCKLE" diff --format json "$V/changed-old.buckle" "$V/changed-new.buckle"
expect_out_has "diff value sets: json names the value" '"values": "P=/zz"'

# more values than sets: redundant denies inside denied paths change no
# decision, but forty of them give more values than diff compares; the
# answer is "cannot compare" (exit 3), never "the same decisions"
{
    printf 'param P;\nfiles {\n  allow read "$P/s";\n'
    i=0
    while [ $i -lt 40 ]; do printf '  deny read "/d%s/s/k";\n' "$i"; i=$((i + 1)); done
} >"$V/many.txt"
{ cat "$V/many.txt"; printf '}\n'; } >"$V/many-old.buckle"
{
    cat "$V/many.txt"
    i=0
    while [ $i -lt 40 ]; do printf '  deny read "/d%s/s/k/x";\n' "$i"; i=$((i + 1)); done
    printf '}\n'
} >"$V/many-new.buckle"
run "diff value sets: values left out" "$BUCKLE" diff "$V/many-old.buckle" "$V/many-new.buckle"
expect_rc "diff value sets: values left out is cannot compare (exit 3)" 3
expect_out_has "diff value sets: says how many were left out" "lined up with the rules that changed are left out"
run "diff value sets: values left out, json" "$BUCKLE" diff --format json "$V/many-old.buckle" "$V/many-new.buckle"
expect_rc "diff value sets: json exit 3" 3
expect_out_has "diff value sets: json says why" "lined up with the rules that changed are left out"
# with the value given, nothing is left out
run "diff value sets: a value given" "$BUCKLE" diff -D P=/w "$V/many-old.buckle" "$V/many-new.buckle"
expect_rc "diff value sets: the same decisions with -D (exit 0)" 0

# every place a parameter enters gives its values: a value of several
# components ("/x/$S/y" with S=a/b), a value glued to text ("/x/a${S}/y",
# "${P}c/k", "com.${SVC}x"), a value after a glob wildcard, a value
# spliced into a regex as Seatbelt reads it (metacharacters), and a
# parameter read only by SBPL (a raw block, an sbpl verbatim block).  Each
# pair decides apart only there: diff finds it without -D (exit 1).
# NAME: $V/NAME-old.* and $V/NAME-new.* (read from standard input, split at "--")
pair() {
    awk -v o="$V/$1-old.$2" -v n="$V/$1-new.$2" '/^--$/ { f = 1; next } { print > (f ? n : o) }'
}
found() {   # NAME EXT WHAT
    run "diff value sets: $3" "$BUCKLE" diff "$V/$1-old.$2" "$V/$1-new.$2"
    expect_rc "diff value sets: $3 (exit 1)" 1
    expect_out_has "diff value sets: $3: a widening" "widened (deny -> allow)"
}
pair multi buckle <<'EOF'
param S;
files { allow read "/x/$S/y"; deny read literal "/x/a/b/y/k"; }
--
param S;
files { allow read "/x/$S/y"; }
EOF
found multi buckle "a value of several components"
pair glued buckle <<'EOF'
param S;
files { allow read "/x/a${S}/y"; deny read literal "/x/ab/c/y/k"; }
--
param S;
files { allow read "/x/a${S}/y"; }
EOF
found glued buckle "a value glued after text"
pair rootglued buckle <<'EOF'
param P;
files { allow read "${P}c/k"; deny read literal "/a/bc/k/z"; }
--
param P;
files { allow read "${P}c/k"; }
EOF
found rootglued buckle "a path value glued before text"
pair name buckle <<'EOF'
param SVC;
mach { allow lookup "com.${SVC}x"; deny lookup "com.abx"; }
--
param SVC;
mach { allow lookup "com.${SVC}x"; }
EOF
found name buckle "a name value glued to text"
run "diff value sets: a name value glued to text, the value" "$BUCKLE" diff "$V/name-old.buckle" "$V/name-new.buckle"
expect_out_has "diff value sets: a name value glued to text, the value" "with SVC=ab"
pair glob buckle <<'EOF'
param P;
files { allow read glob "/a/*/$P"; deny read literal "/a/b/c/d/k"; }
--
param P;
files { allow read glob "/a/*/$P"; }
EOF
found glob buckle "a value after a glob wildcard"
pair rx sb <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/b"))
(deny file-read* (regex (string-append "^" (param "P") "/k$")))
--
(version 1)
(deny default)
(allow file-read* (subpath "/b"))
(deny file-read* (regex (string-append "^" (regex-quote (param "P")) "/k$")))
EOF
found rx sb "a regex reading the value as regex syntax or quoted"
run "diff value sets: regex syntax, the value" "$BUCKLE" diff "$V/rx-old.sb" "$V/rx-new.sb"
expect_out_has "diff value sets: regex syntax, the value" "with P=/b/j.doe"
pair rxgroup sb <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/b"))
(deny file-read* (regex (string-append "^" (param "P") "/k$")))
--
(version 1)
(deny default)
(allow file-read* (subpath "/b"))
(deny file-read* (regex (string-append "^(" (param "P") ")/k$")))
EOF
found rxgroup sb "a regex grouping the value or not"
pair verbatim buckle <<'EOF'
param X = "/a";
files { allow read "/b"; allow read "/a"; }
sbpl verbatim """
(deny file-read-data (literal (string-append (param "X") "/k")))
""";
--
param X = "/a";
files { allow read "/b"; allow read "/a"; }
sbpl verbatim """
(deny file-read-data (literal "/a/k"))
""";
EOF
found verbatim buckle "a parameter read only by an sbpl verbatim block"
pair raw buckle <<'EOF'
param X = "/a";
files { allow read "/b"; allow read "/a"; }
sbpl """
(deny file-read-data (literal (string-append (param "X") "/k")))
""";
--
param X = "/a";
files { allow read "/b"; allow read "/a"; }
sbpl """
(deny file-read-data (literal "/a/k"))
""";
EOF
found raw buckle "a parameter with a default read only by a raw sbpl block"
