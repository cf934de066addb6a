# patterns.sh - glob and regex semantics end to end (issue 17 items 1, 2, 4,
# 7): `buckle query` gives the decision docs/language.md states and the
# compiled SBPL agrees with it; `buckle compile` carves where a pattern meets
# a rule; final checks see these overlaps; bad patterns are errors.
. tests/lib.sh
P="$TMP/patterns"
mkdir -p "$P"

# query FILE OPERATION OBJECT WANT: the decision, and no compiler bug
query() {
    run "query $1 $2 $3" "$BUCKLE" query "$P/$1" "$2" "$3"
    expect_rc "patterns: $1 $2 $3 decides" 0
    expect_out_has "patterns: $1 $2 $3 is $4" "$4 $3"
    expect_out_has "patterns: $1 $2 $3: compiled SBPL agrees" "compiled SBPL agrees"
}

# 1. a glob ending in '**' matches its directory
cat >"$P/star.buckle" <<'EOB'
files { allow file-read-data glob "/a/b/**"; deny read literal "/a/b"; }
EOB
query star.buckle file-read-data /a/b deny
query star.buckle file-read-data /a/b/c allow
cat >"$P/star-rev.buckle" <<'EOB'
default allow;
files { deny file-read-data glob "/a/b/**"; allow read literal "/a/b"; }
EOB
query star-rev.buckle file-read-data /a/b allow
query star-rev.buckle file-read-data /a/b/c deny
cat >"$P/star-param.buckle" <<'EOB'
files { allow write glob "$WORKDIR/**"; deny write literal "$WORKDIR"; }
EOB
query star-param.buckle file-write-data /Users/test/project deny
query star-param.buckle file-write-data /Users/test/project/x allow
run "patterns: compile star-param" "$BUCKLE" compile "$P/star-param.buckle"
expect_out_has "patterns: the glob is carved by the literal of its directory" \
    '(allow file-write* (require-all (regex (string-append "^" (param "WORKDIR.re") "(/.*)?$")) (require-not (literal (param "WORKDIR")))))'
run "patterns: compile star-param -D" "$BUCKLE" compile -D WORKDIR=/w/p "$P/star-param.buckle"
expect_out_has "patterns: with -D too" '(require-not (literal "/w/p"))'
cat >"$P/star-final.buckle" <<'EOB'
files { deny final read glob "/a/b/**"; allow read literal "/a/b"; }
EOB
run "patterns: final glob" "$BUCKLE" compile "$P/star-final.buckle"
expect_rc "patterns: an allow of the directory of a final '**' glob is an error" 1
expect_err_has "patterns: it is BK2005" "star-final.buckle:1:41: error: allow contradicts a final deny [BK2005"
cat >"$P/star-final-param.buckle" <<'EOB'
files { deny final write glob "$WORKDIR/**"; allow write literal "$WORKDIR"; }
EOB
run "patterns: final glob param" "$BUCKLE" compile "$P/star-final-param.buckle"
expect_rc "patterns: an allow of \$WORKDIR under a final \$WORKDIR/** is an error" 1
expect_err_has "patterns: with a parameter it is BK2005 too" "[BK2005"
cat >"$P/star2.buckle" <<'EOB'
files { allow read glob "/a/b/**/**"; deny read "/a"; }
EOB
query star2.buckle file-read-data /a/b allow
query star2.buckle file-read-data /a/b/c/d allow
query star2.buckle file-read-data /a/bc deny

# 2. bracket expressions never match '/'
cat >"$P/bracket.buckle" <<'EOB'
files { allow read glob "/a/b[!x]c"; allow read glob "/a/x[+-0]y"; deny read "/a"; }
EOB
query bracket.buckle file-read-data /a/b/c/d deny
query bracket.buckle file-read-data /a/b/c deny
query bracket.buckle file-read-data /a/byc allow
query bracket.buckle file-read-data /a/bxc deny
query bracket.buckle file-read-data /a/x/y deny
query bracket.buckle file-read-data /a/x.y allow
run "patterns: compile bracket" "$BUCKLE" compile "$P/bracket.buckle"
expect_out_has "patterns: a negated class excludes /" '(regex "^/a/b[^/x\x80-\xbf][\x80-\xbf]*c(/.*)?$")'
expect_out_has "patterns: a range loses /" '(regex "^/a/x[+,.0-]y(/.*)?$")'
for g in '/a/[A-z]' '/a/[z-a]' '/a/[$HOME]' '/a/[é]'; do
    printf 'files { allow read glob "%s"; }\n' "$g" >"$P/badclass.buckle"
    run "patterns: bad class $g" "$BUCKLE" compile "$P/badclass.buckle"
    expect_rc "patterns: glob $g is an error" 1
    expect_err_has "patterns: glob $g: error at its place" "badclass.buckle:1:25: error: invalid glob"
done

# 4. a regex with top-level alternatives is one matcher per alternative
cat >"$P/alt.buckle" <<'EOB'
files { deny read regex "^/a/b/c/secret|^/a/b/c/key"; allow read "/a/b/c"; }
EOB
query alt.buckle file-read-data /a/b/c/secret deny
query alt.buckle file-read-data /a/b/c/key deny
query alt.buckle file-read-data /a/b/c/other allow
run "patterns: alt names the alternative" "$BUCKLE" query "$P/alt.buckle" file-read-data /a/b/c/key
expect_out_has "patterns: the deciding alternative is named" 'deny files read regex "^/a/b/c/key"'
printf 'files { allow read regex "^/a/b|"; }\n' >"$P/emptyalt.buckle"
run "patterns: empty alternative" "$BUCKLE" compile "$P/emptyalt.buckle"
expect_rc "patterns: an empty alternative is an error" 1
expect_err_has "patterns: it matches everything" "an empty alternative in a regex matches everything"
cat >"$P/alt-final.buckle" <<'EOB'
files { deny final read regex "^/k/x/y|^/z"; allow read literal "/k/x/y"; }
EOB
run "patterns: final alternative" "$BUCKLE" compile "$P/alt-final.buckle"
expect_rc "patterns: an allow inside one alternative of a final regex is an error" 1
expect_err_has "patterns: final alternative is BK2005" "[BK2005"

# 7. an escaped glob character is part of the fixed part
cat >"$P/escape.buckle" <<'EOB'
files { deny read glob "/a/x\\*y/z/w"; allow read "/a/x*y/z"; }
EOB
query escape.buckle file-read-data '/a/x*y/z/w' deny
query escape.buckle file-read-data '/a/x*y/z/v' allow
query escape.buckle file-read-data '/a/xqy/z/w' deny

# remove with the same regex removes every alternative
cat >"$P/alt-base.buckle" <<'EOB'
files { allow read "/"; deny read regex "^/k/a|^/k/b"; }
EOB
cat >"$P/alt-child.buckle" <<'EOB'
extends "./alt-base.buckle";
files { remove deny read regex "^/k/a|^/k/b"; }
EOB
query alt-base.buckle file-read-data /k/b deny
query alt-child.buckle file-read-data /k/a allow
query alt-child.buckle file-read-data /k/b allow
run "patterns: remove alternatives" "$BUCKLE" compile "$P/alt-child.buckle"
expect_rc "patterns: removing a regex with alternatives compiles" 0
if [ -s "$TMP/err" ]; then fail "patterns: ... without a diagnostic" "$(head -c 600 "$TMP/err")"
else pass "patterns: ... without a diagnostic"; fi
expect_out_lacks "patterns: no alternative is left" '^/k/'

# '?' and a negated bracket expression match one character (docs/language.md):
# a character of two, three or four bytes is one, two characters are not
cat >"$P/qmark.buckle" <<'EOB'
files { allow read "/s", "/t"; deny read glob "/s/?"; deny read glob "/t/[!x]y"; }
EOB
query qmark.buckle file-read-data /s/a deny
query qmark.buckle file-read-data /s/é deny
query qmark.buckle file-read-data /s/€ deny
query qmark.buckle file-read-data /s/😀 deny
query qmark.buckle file-read-data /s/é/x deny
query qmark.buckle file-read-data /s/éé allow
query qmark.buckle file-read-data /s/aé allow
query qmark.buckle file-read-data /t/éy deny
query qmark.buckle file-read-data /t/€y deny
query qmark.buckle file-read-data /t/xy allow
query qmark.buckle file-read-data /t/ééy allow
run "patterns: compile qmark" "$BUCKLE" compile "$P/qmark.buckle"
# the continuation bytes are written as SBPL escapes: the output stays UTF-8
expect_out_has "patterns: '?' is one character in the output" '(regex "^/s/[^/\x80-\xbf][\x80-\xbf]*(/.*)?$")'
expect_out_has "patterns: '[!x]' too" '(regex "^/t/[^/x\x80-\xbf][\x80-\xbf]*y(/.*)?$")'
if LC_ALL=C.UTF-8 iconv -f UTF-8 -t UTF-8 "$TMP/out" >/dev/null 2>&1; then pass "patterns: the output is UTF-8"
else fail "patterns: the output is UTF-8" "iconv rejects it"; fi

# an escaped character is text of a regex's fixed part, as in a glob: the
# deny at depth 4 beats the allow at depth 3
printf 'files {\n    allow read "/Users/x/.config";\n    deny read regex "^/Users/x/\\\\.config/secret";\n}\n' >"$TMP/rxesc.buckle"
run "patterns: escaped regex depth" "$BUCKLE" query "$TMP/rxesc.buckle" files read /Users/x/.config/secret
expect_out_has "patterns: a regex with an escaped dot ranks by its whole fixed part" "deny /Users/x/.config/secret"
expect_out_has "patterns: the compiled output agrees" "compiled SBPL agrees"

# a glob whose first component is a pattern that matches tmp, var or etc
# covers the path the kernel sees under /private (docs/language.md): the
# decision, the compiled output (readable, --compact, -D), the traversal and
# the final checks agree
cat >"$P/aliasroot.buckle" <<'EOB'
param D = "x";
files {
    allow read "/";
    deny read glob "/t*/secret", glob "/?mp/s2", glob "/[tv]*/s3", glob "/*/s4", glob "/[!x]tc/s5";
    deny read glob "/$D*/s6";
    allow write glob "/va?/w/*";
}
EOB
query aliasroot.buckle file-read-data /private/tmp/secret deny
run "patterns: alias-root query /tmp" "$BUCKLE" query "$P/aliasroot.buckle" file-read-data /tmp/secret/x
expect_out_has "patterns: a query of /tmp/secret/x is one of /private/tmp/secret/x, denied" "deny /private/tmp/secret/x"
query aliasroot.buckle file-read-data /private/tmp/s2 deny
query aliasroot.buckle file-read-data /private/var/s3 deny
query aliasroot.buckle file-read-data /private/etc/s3 allow
query aliasroot.buckle file-read-data /private/etc/s4 deny
query aliasroot.buckle file-read-data /private/etc/s5 deny
query aliasroot.buckle file-read-data /tmpx/secret deny
query aliasroot.buckle file-read-data /private/tmpx/secret allow
query aliasroot.buckle file-read-metadata /private/var/w allow
run "patterns: alias-root -D" "$BUCKLE" query -D D=t "$P/aliasroot.buckle" file-read-data /private/tmp/s6
expect_out_has "patterns: a value that makes the first component a pattern matching tmp" "deny /private/tmp/s6"
expect_out_has "patterns: ... compiled SBPL agrees" "compiled SBPL agrees"
run "patterns: alias-root compile" "$BUCKLE" compile "$P/aliasroot.buckle"
expect_out_has "patterns: the glob's path under /private is in the output" '(regex "^/t[^/]*/secret(/.*)?$|^/private/tmp/secret(/.*)?$")'
expect_out_has "patterns: a value in the first component is matched under /private too" '(require-all (regex (string-append "^/private/" (param "D.foldfirst") "[^/]*/s6(/.*)?$")) (regex "^/private/(tmp|var|etc)(/|$)"))'
expect_out_has "patterns: /private is traversed for an allow under an alias" '(allow file-read-metadata (literal "/private"))'
run "patterns: alias-root -D compile" "$BUCKLE" compile --compact -D D=t "$P/aliasroot.buckle"
expect_out_has "patterns: with -D the value's glob is matched under /private" '|^/private/tmp/s6(/.*)?$'
# a final deny written as such a glob is no way around for a file that extends it
cat >"$P/aliasfinal.buckle" <<'EOB'
files { allow read "/"; deny final read glob "/t*/secret"; }
EOB
printf 'extends "./aliasfinal.buckle";\nfiles { allow read "/private/tmp/secret"; }\n' >"$P/aliasfinal2.buckle"
printf 'extends "./aliasfinal.buckle";\nsbpl """(allow file-read* (subpath "/private/tmp"))""";\n' >"$P/aliasfinal3.buckle"
run "patterns: alias-root final" "$BUCKLE" compile "$P/aliasfinal2.buckle"
expect_rc "patterns: an allow of the glob's path under /private contradicts the final deny" 1
expect_err_has "patterns: ... BK2005" "BK2005"
run "patterns: alias-root final raw" "$BUCKLE" compile "$P/aliasfinal3.buckle"
expect_rc "patterns: a raw allow of /private/tmp may override it" 1
expect_err_has "patterns: ... BK2005 (raw)" "BK2005"
# with -D the value's glob ranks over a subpath deny under the alias: the
# deny is carved around it in the -D output (its fixed part is "/" there too)
printf 'param D = "x";\nfiles { allow read "/"; deny read "/private/tmp"; allow final read glob "/$D*/secret"; }\n' >"$P/aliasd.buckle"
run "patterns: alias-root -D carve" "$BUCKLE" query -D D=t "$P/aliasd.buckle" file-read-data /private/tmp/secret
expect_out_has "patterns: the final allow of the value's glob decides" "allow /private/tmp/secret"
expect_out_has "patterns: ... and the -D output agrees" "compiled SBPL agrees"
printf 'param P = "/";\nfiles { allow read "/"; deny read "/private/tmp"; allow final read glob "$P/t*/secret"; }\n' >"$P/aliasp.buckle"
run "patterns: alias-root root parameter" "$BUCKLE" query "$P/aliasp.buckle" file-read-data /private/tmp/secret
expect_out_has "patterns: \"\$P/t*\" with P=/ covers /private/tmp" "allow /private/tmp/secret"
expect_out_has "patterns: ... the symbolic output agrees" "compiled SBPL agrees"
# a prefix whose text, with the values in, ends inside /tmp, /var or /etc
# ("/t$X" with X=m) covers /private/tmp too, as a written "/tm" does: the
# decision, the -D output and the symbolic one agree (an allow of
# /private/tmp/x beside it would fall inside it with X=m: BK2005)
printf 'param X = "m";\nfiles { allow read "/"; deny final read prefix "/t$X"; }\n' >"$P/aliaspre.buckle"
for d in "" "-D X=m"; do
    # shellcheck disable=SC2086
    run "patterns: prefix alias $d" "$BUCKLE" query $d "$P/aliaspre.buckle" file-read-data /private/tmp/x
    expect_out_has "patterns: prefix \"/t\$X\" (X=m) $d denies /private/tmp/x" "deny /private/tmp/x"
    expect_out_has "patterns: ... $d the output agrees" "compiled SBPL agrees"
done
run "patterns: prefix alias -D output" "$BUCKLE" compile -D X=m "$P/aliaspre.buckle"
expect_out_has "patterns: the -D output adds the alias under /private" '(require-any (require-all (prefix "/tm") (require-not (regex "^/([tT][mM][pP]|[vV][aA][rR]|[eE][tT][cC])(/|$)"))) (subpath "/private/tmp"))'
# a final regex "^/$U$" keeps the directories its parameter stands for
# from moving away as a prefix "/$U": with U=var that is /var's text (/varx
# too) and /private/var, with -D as symbolically
printf 'param U = "var";\ndefault allow;\nfiles { deny final metadata regex "^/$U$"; }\n' >"$P/aliasmove.buckle"
for d in "" "-D U=var"; do
    # shellcheck disable=SC2086
    run "patterns: moved prefix alias $d" "$BUCKLE" query $d --vnode-type DIRECTORY "$P/aliasmove.buckle" files file-clone /varx
    expect_out_has "patterns: regex \"^/\$U\$\" (U=var) $d denies cloning the directory /varx" "deny /varx"
    expect_out_has "patterns: ... $d the output agrees on /varx" "compiled SBPL agrees"
done
# the text of a value-made path is kept off the aliases in every case of
# their letters: "${P}P/s" with P=/tm is the link /private/tmp/s, never /tmP/s
printf 'param P;\nfiles { allow read prefix "${P}P/s"; }\n' >"$P/aliascase.buckle"
run "patterns: alias guard in every case" "$BUCKLE" compile "$P/aliascase.buckle"
expect_out_has "patterns: the text as written leaves out /tmP, /Var and /ETC" '(require-not (regex "^/([tT][mM][pP]|[vV][aA][rR]|[eE][tT][cC])(/|$)"))'
# a root parameter before an alias in another case: with P=/, "$P/TMP/s/*"
# is /private/tmp/s/* to the kernel (the link's name in lower case after
# the "/?" -D writes for the root value), never /private/?/tMP/s
printf 'param P;\ndefault allow;\nfiles { deny read glob "$P/TMP/s/*"; }\n' >"$P/aliasroot.buckle"
run "patterns: root parameter then /TMP -D" "$BUCKLE" query -D P=/ "$P/aliasroot.buckle" files file-read-data /private/tmp/s/x
expect_out_has "patterns: glob \"\$P/TMP/s/*\" (P=/) denies /private/tmp/s/x with -D" "deny /private/tmp/s/x"
expect_out_has "patterns: ... the output agrees on /private/tmp/s/x" "compiled SBPL agrees"
run "patterns: root parameter then /TMP -D output" "$BUCKLE" compile -D P=/ "$P/aliasroot.buckle"
expect_out_has "patterns: the -D output writes the link's name in lower case" '(deny file-read* (regex "^/private/?/tmp/s/[^/]+(/.*)?$"))'
printf 'param P;\nfiles {\n    deny final file-write-create glob "$P/TMP/s/*";\n    allow file-write-unlink "/";\n}\n' >"$P/aliasrootmove.buckle"
run "patterns: root parameter then /TMP, final move" "$BUCKLE" query -D P=/ "$P/aliasrootmove.buckle" files file-write-unlink /private/tmp/s/x
expect_out_has "patterns: a final glob \"\$P/TMP/s/*\" (P=/) is not unlinked away with -D" "deny /private/tmp/s/x"
# a root parameter glued to text that ends an alias in another case:
# "${P}P/s" with P=/tm is /tmP/s, the link /private/tmp/s, so the symbolic
# output matches it there too, as it does "${P}p/s"
printf 'param P;\nfiles { allow final file-read-data literal "${P}P/s"; }\n' >"$P/gluedcase.buckle"
run "patterns: glued text in another case" "$BUCKLE" compile "$P/gluedcase.buckle"
expect_out_has "patterns: literal \"\${P}P/s\" is matched under /private too" '(regex (string-append "^/private(" (param "P.foldfirst") (param "P.ifslash") "P/s|" (param "P.foldfirst") (param "P.ifnoslash") "[pP]/s)$"))'
# "${P}p" and "${P}P/s/*" with P=/tm are /private/tmp and /private/tmp/s/*:
# the overlap index finds them whatever the case glued to the value, so
# the deny is carved around the more specific allow
printf 'param P;\nfiles {\n    allow read glob "${P}P/s/*";\n    deny read prefix "${P}p";\n}\n' >"$P/gluedcaseov.buckle"
run "patterns: glued text in two cases, overlap" "$BUCKLE" compile "$P/gluedcaseov.buckle"
expect_out_has "patterns: deny prefix \"\${P}p\" is carved around glob \"\${P}P/s/*\"" '(deny file-read-data file-read-xattr (require-all (require-any (require-all (prefix (string-append (param "P") "p"))'
# two first components that one value makes the same alias in another case
# ("/T$USER" and "/t$USER/s" with USER=mp are /private/tmp and
# /private/tmp/s): the overlap analysis carves the allow around the final
# deny as written, not only around its fold
printf 'param P;\nfiles {\n    deny final read prefix "/t${USER}/s";\n    allow read subpath "/T${USER}";\n}\n' >"$P/aliascaseov.buckle"
run "patterns: alias in two cases, overlap" "$BUCKLE" compile "$P/aliascaseov.buckle"
if awk '/^\(allow file-read\* .*"\/T" \(param "USER"\)/ { p = 1 } p { print } p && /buckle:4$/ { exit }' "$TMP/out" |
    grep -qF '(prefix (string-append "/t" (param "USER.dir") "s"))'; then
    pass "patterns: the allow \"/T\$USER\" is carved around prefix \"/t\$USER/s\""
else
    fail "patterns: the allow \"/T\$USER\" is carved around prefix \"/t\$USER/s\"" "$(grep -A3 '^(allow file-read' "$TMP/out" | head -c 600)"
fi
# symbolically, "/t$X" (a parameter in the first component) may be
# /private/tmp: the overlap analysis carves a rule under /private around it
printf 'param X = "m";\nfiles { allow read "/private/tmp/x"; deny read prefix "/t$X"; }\n' >"$P/aliasov.buckle"
printf 'param X = "mp";\nfiles { allow read "/private/tmp/x"; deny read "/t$X"; }\n' >"$P/aliasov2.buckle"
for f in aliasov aliasov2; do
    run "patterns: $f" "$BUCKLE" query "$P/$f.buckle" file-read-data /private/tmp/x
    expect_out_has "patterns: $f: the more specific allow decides" "allow /private/tmp/x"
    expect_out_has "patterns: $f: the symbolic output agrees (the deny is carved)" "compiled SBPL agrees"
done
# a regex is not rewritten: with -D its values are quoted in, and the overlap
# analysis reads the text they make ("^/$U" with U=tmp starts "/tmp", which
# "^/t[^/]*/b" meets on /tmpx/b): the metadata the final allow implies is a
# traversal rule as deep as the deny, which wins the tie, so that metadata
# is carved around the deny, with -D as symbolically
printf 'param U;\ndefault allow;\nfiles {\n    deny read regex "^/$U";\n    allow final file-write-data regex "^/t[^/]*/b(/.*)?$";\n}\n' >"$P/rxval.buckle"
for d in "" "-D U=tmp"; do
    # shellcheck disable=SC2086
    run "patterns: regex value $d" "$BUCKLE" compile $d "$P/rxval.buckle"
    expect_out_has "patterns: regex value $d: the allow's metadata is carved around the deny" '(allow file-read-metadata (require-all (regex "^/t[^/]*/b(/.*)?$") (require-not (regex '
done

# a prefix's last component is text, not a name: "~/." is every dot-file
# of the home directory, "/a/.." every name starting with ".." in /a;
# a "." or ".." before the last "/" is still refused
cat >"$P/dot-prefix.buckle" <<'EOB'
files { allow read prefix "~/."; allow write prefix "/a/.."; }
EOB
run "patterns: dot-prefix -D" "$BUCKLE" query -D HOME=/Users/me "$P/dot-prefix.buckle" files read /Users/me/.bashrc
expect_rc "patterns: prefix \"~/.\" compiles" 0
expect_out_has "patterns: prefix \"~/.\" covers a dot-file" "allow /Users/me/.bashrc"
run "patterns: dot-prefix other" "$BUCKLE" query -D HOME=/Users/me "$P/dot-prefix.buckle" files read /Users/me/x
expect_out_has "patterns: prefix \"~/.\" does not cover other names" "deny /Users/me/x"
run "patterns: dot-prefix .." "$BUCKLE" query "$P/dot-prefix.buckle" files write /a/..x
expect_out_has "patterns: prefix \"/a/..\" covers ..x" "allow /a/..x"
printf 'files { allow read prefix "/a/./b"; }\n' >"$P/dot-inner.buckle"
run "patterns: dot inside a prefix" "$BUCKLE" compile "$P/dot-inner.buckle"
expect_rc "patterns: a . component before the last / is refused" 1
expect_err_has "patterns: BK2008 names it" 'has a "." or ".." component [BK2008'
