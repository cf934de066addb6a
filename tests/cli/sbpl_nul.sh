# sbpl_nul.sh - a NUL in an SBPL string, however it is spelled, is an error
# at its file:line:col wherever buckle reads SBPL: a raw `sbpl` block, an
# `sbpl verbatim` block, a misc `allow OP sbpl "..."` filter, and an .sb
# given to lint, import, diff and query.  sandbox-exec hands filter strings
# on as C strings, so "/\x00" is "/" there: a (subpath "/\x00") beside a
# final deny would open the whole disk while buckle saw a path no file has.
# (A NUL byte written as it is was already an error: "control character".)
. tests/lib.sh
P="$TMP/sbpl_nul"
mkdir -p "$P"

# one SPELL LABEL MESSAGE: SPELL after "/" in a string, in each place
one() {
    sp=$1; label=$2; msg=$3
    n="sbpl nul: $label"
    printf 'files { allow read "/usr"; deny final read "~/.ssh"; }\nsbpl """\n(allow file-read-data (subpath "/%s"))\n""";\n' "$sp" >"$P/raw.buckle"
    run "$n" "$BUCKLE" compile "$P/raw.buckle" -o "$P/raw.sb"
    expect_rc "$n: raw sbpl block refused" 1
    expect_err_has "$n: raw sbpl block error at the escape" "raw.buckle:3:34: error: $msg"
    printf 'files { allow read "/usr"; deny final read "~/.ssh"; }\nsbpl verbatim """\n(allow file-read-data (subpath (string-append (param "HOME") "/%s")))\n""";\n' "$sp" >"$P/verb.buckle"
    run "$n" "$BUCKLE" compile "$P/verb.buckle" -o "$P/verb.sb"
    expect_rc "$n: sbpl verbatim block refused" 1
    expect_err_has "$n: sbpl verbatim block error at the escape" "verb.buckle:3:64: error: $msg"
    printf '(version 1)\n(deny default)\n(allow file-read-data (subpath "/%s"))\n' "$sp" >"$P/n.sb"
    run "$n" "$BUCKLE" lint "$P/n.sb"
    expect_rc "$n: lint of an .sb fails" 1
    expect_out_has "$n: lint error at the escape" "n.sb:3:34: error: $msg"
    run "$n" "$BUCKLE" import "$P/n.sb"
    expect_rc "$n: import of an .sb refused" 1
    expect_err_has "$n: import error at the escape" "n.sb:3:34: error: $msg"
}

nulmsg='NUL byte'
one '\x00' 'hex x00' "$nulmsg (\\x00)"
one '\X00' 'hex X00' "$nulmsg (\\X00)"
one '\x00;' 'hex x00; (the R7RS spelling)' "$nulmsg (\\x00)"
one '\0' 'octal 0' "$nulmsg (\\0)"
one '\00' 'octal 00' "$nulmsg (\\00)"
one '\000' 'octal 000' "$nulmsg (\\000)"
one '\0000' 'octal 000 then a digit' "$nulmsg (\\000)"
one '\x0;' 'one hex digit x0;' '\x takes exactly two hex digits'
one '\x0' 'one hex digit x0 at the end of the string' '\x takes exactly two hex digits'
one '\400' 'octal 400 (256: a NUL in a char)' 'octal escape \400 above \377'

# the character NUL, in a form that builds a string of characters
chr() {
    c=$1; n="sbpl nul: character $2"
    printf 'files { allow read "/usr"; deny final read "~/.ssh"; }\nsbpl """\n(allow file-read-data (subpath (string #\\/ %s)))\n""";\n' "$c" >"$P/c.buckle"
    run "$n" "$BUCKLE" compile "$P/c.buckle" -o "$P/c.sb"
    expect_rc "$n: raw sbpl block refused" 1
    expect_err_has "$n: error at the character" "c.buckle:3:44: error: the character NUL ($c)"
    printf '(version 1)\n(deny default)\n(allow file-read-data (subpath (string #\\/ %s)))\n' "$c" >"$P/c.sb"
    run "$n" "$BUCKLE" lint "$P/c.sb"
    expect_rc "$n: lint of an .sb fails" 1
    expect_out_has "$n: lint error at the character" "c.sb:3:44: error: the character NUL ($c)"
}
chr '#\nul' 'nul'
chr '#\null' 'null'
chr '#\NUL' 'NUL in capitals'

# the adversary's profile: both rules named, nothing compiled
n="sbpl nul: subpath of / and of ~/.ssh beside a final deny"
cat >"$P/f2.buckle" <<'EOF'
files { allow read "/usr"; deny final read "~/.ssh"; }
sbpl """
(allow file-read-data (subpath "/\x00"))
(allow file-read-data (subpath (string-append (param "HOME") "/.ssh\000")))
""";
EOF
run "$n" "$BUCKLE" compile "$P/f2.buckle" -o "$P/f2.sb"
expect_rc "$n: refused" 1
expect_err_has "$n: the first rule's escape" "f2.buckle:3:34: error: NUL byte (\\x00)"
expect_err_has "$n: the second rule's escape" "f2.buckle:4:68: error: NUL byte (\\000)"
[ -e "$P/f2.sb" ] && fail "$n: no output" "f2.sb was written" || pass "$n: no output"
run "$n" "$BUCKLE" query "$P/f2.buckle" files read /Users/test/.ssh/id_rsa
expect_rc "$n: query refuses" 1
expect_err_has "$n: query names the escape" "f2.buckle:3:34: error: NUL byte"

# a raw misc filter: the .buckle string's \\x00 is the SBPL escape \x00
n="sbpl nul: misc raw filter"
printf 'misc { allow file-read-data sbpl "(subpath \\"/\\\\x00\\")"; }\n' >"$P/misc.buckle"
run "$n" "$BUCKLE" compile "$P/misc.buckle" -o "$P/misc.sb"
expect_rc "$n: refused" 1
expect_err_has "$n: error at the string" "misc.buckle:1:34: error: in the sbpl filter: NUL byte (\\x00)"

# an .sb with (subpath "/\x00") given to diff and query
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/usr"))\n(deny file-read* (subpath "/Users/test/.ssh"))\n' >"$P/old.sb"
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/usr"))\n(deny file-read* (subpath "/Users/test/.ssh"))\n(allow file-read-data (subpath "/\\x00"))\n' >"$P/new.sb"
n="sbpl nul: diff of an .sb"
run "$n" "$BUCKLE" diff "$P/old.sb" "$P/new.sb"
expect_rc "$n: refused" 1
expect_err_has "$n: error at the escape" "new.sb:5:34: error: NUL byte (\\x00)"
n="sbpl nul: query of an .sb"
run "$n" "$BUCKLE" query "$P/new.sb" file-read-data /Users/test/.ssh/id_rsa
expect_rc "$n: refused" 1
expect_err_has "$n: error at the escape" "new.sb:5:34: error: NUL byte (\\x00)"

# \X is the hex escape as \x is (the TinyScheme reader takes both): "/a\X41"
# is "/aA", not "/aX41"
n="sbpl nul: X41 is a hex escape"
printf '(version 1)\n(deny default)\n(allow file-read* (literal "/a\\X41"))\n' >"$P/x.sb"
run "$n" "$BUCKLE" query "$P/x.sb" file-read-data /aA
expect_rc "$n: query answers" 0
expect_out_has "$n: /aA is allowed" "allow"
