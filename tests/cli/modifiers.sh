# modifiers.sh - the SBPL modifiers, (with NAME [ARG]), are one table
# (seatbelt/filters.c): a name is read in any case; an unknown one is an
# error in a raw sbpl block and a lint finding in an .sb file; no-sandbox,
# its other name no-profile and default-sandbox take the program out of the
# profile for the final check (BK2005), lint (BK3006) and diff alike.
. tests/lib.sh
D="$TMP/modifiers"
rm -rf "$D"
mkdir -p "$D"

# blk NAME KIND RULE: a final deny beside a raw ("") or verbatim block
blk() {
    printf 'files { allow read "/"; deny final read "/s"; }\nsbpl%s """\n%s\n""";\n' "$2" "$3" >"$D/$1.buckle"
}

# every spelling that leaves the profile, in a rule or outside one, in
# either kind of block, is BK2005 beside a final deny
n=0
for r in '(allow process-exec (literal "/bin/sh") (with default-sandbox "other"))' \
         '(allow process-exec (literal "/bin/sh") (with NO-SANDBOX))' \
         '(allow process-exec (literal "/bin/sh") (with No-Profile))' \
         '(allow process-exec (literal "/bin/sh") (WITH no-sandbox))'; do
    for kind in "" " verbatim"; do
        n=$((n + 1))
        blk "leave$n" "$kind" "$r"
        run "modifiers: $r$kind" "$BUCKLE" compile "$D/leave$n.buckle" -o /dev/null
        expect_rc "modifiers: $r in an sbpl$kind block beside a final deny is an error" 1
        expect_err_has "modifiers: ... BK2005 for $r$kind" "outside every final deny [BK2005"
    done
done
blk loose " verbatim" '(define m (with default-sandbox "other")) (allow process-exec (literal "/bin/sh") m)'
run "modifiers: loose default-sandbox" "$BUCKLE" compile "$D/loose.buckle" -o /dev/null
expect_rc "modifiers: default-sandbox bound to a name beside a final deny is an error" 1
expect_err_has "modifiers: ... named in the message" "gives (with default-sandbox) outside a rule"

# an unknown name: file:line:col, BK2006, the closest modifier
for kind in "" " verbatim"; do
    blk "typo$kind" "$kind" '(allow process-exec (literal "/bin/sh") (with no-sandbx))'
    run "modifiers: typo$kind" "$BUCKLE" compile "$D/typo$kind.buckle" -o /dev/null
    expect_rc "modifiers: an unknown modifier in an sbpl$kind block is an error" 1
    expect_err_has "modifiers: ... at its name$kind" "typo$kind.buckle:3:47: error: unknown SBPL modifier \"no-sandbx\" [BK2006"
    expect_err_has "modifiers: ... with a did-you-mean$kind" "did you mean \"no-sandbox\"?"
done
printf 'files { allow read "/"; }\nsbpl """\n(allow file-read-data (literal "/x") (with bogus))\n""";\n' >"$D/bogus.buckle"
run "modifiers: bogus, no final" "$BUCKLE" compile "$D/bogus.buckle" -o /dev/null
expect_rc "modifiers: an unknown modifier is an error without any final rule too" 1
expect_err_has "modifiers: ... BK2006" "unknown SBPL modifier \"bogus\""
# the argument: send-signal and message take one, report none
printf 'files { allow read "/"; }\nsbpl """\n(deny file-read-data (literal "/x") (with send-signal))\n(deny file-read-data (literal "/y") (with report "r"))\n""";\n' >"$D/args.buckle"
run "modifiers: arguments" "$BUCKLE" compile "$D/args.buckle" -o /dev/null
expect_rc "modifiers: a modifier without the argument it takes is an error" 1
expect_err_has "modifiers: send-signal without its signal" "args.buckle:3:37: error: (with send-signal ARG) takes one argument"
expect_err_has "modifiers: report with an argument" "args.buckle:4:50: error: (with report) takes no argument"
# the ordinary ones, in any case, compile
printf 'files { allow read "/"; deny final read "/s"; }\nsbpl """\n(deny file-read-data (literal "/x") (with send-signal SIGKILL))\n(deny file-read-data (literal "/y") (with message "no") (with no-log))\n(allow file-read-data (literal "/z") (with REPORT))\n""";\n' >"$D/ok.buckle"
run "modifiers: ordinary" "$BUCKLE" compile "$D/ok.buckle" -o /dev/null
expect_rc "modifiers: send-signal, message, no-log and REPORT compile" 0

# lint of an .sb file: the unknown modifier is a finding; every spelling
# that leaves the profile is BK3006
sbf() { printf '(version 1)\n(deny default)\n(allow process-exec (subpath "/usr") %s)\n' "$2" >"$D/$1.sb"; }
sbf typo '(with no-sandbx)'
run "modifiers: lint typo" "$BUCKLE" lint -q --format gcc "$D/typo.sb"
expect_out_has "modifiers: lint names the unknown modifier where it is" "typo.sb:3:44: error: unknown SBPL modifier \"no-sandbx\" [BK2006]"
n=0
for m in '(with no-profile)' '(with NO-SANDBOX)' '(with default-sandbox "other")'; do
    n=$((n + 1))
    sbf "leave$n" "$m"
    run "modifiers: lint $m" "$BUCKLE" lint -q --format gcc --select BK3006 "$D/leave$n.sb"
    expect_out_has "modifiers: lint: exec $m of a tree is BK3006" "[BK3006]"
done
printf 'files { allow read "/"; }\nprocess { allow exec "/usr"; }\nsbpl """\n(allow process-exec (subpath "/usr") (with no-profile))\n""";\n' >"$D/np.buckle"
run "modifiers: lint .buckle no-profile" "$BUCKLE" lint -q --format gcc --select BK3006 "$D/np.buckle"
expect_out_has "modifiers: lint: a raw exec of a tree with no-profile is BK3006" "exec with no-profile for a whole tree of programs"

# diff: adding any of them to an exec allow is a widening
printf '(version 1)\n(deny default)\n(allow process-exec* (subpath "/usr"))\n' >"$D/exec.sb"
n=0
for m in '(with no-profile)' '(with NO-SANDBOX)' '(with default-sandbox "other")'; do
    n=$((n + 1))
    printf '(version 1)\n(deny default)\n(allow process-exec* (subpath "/usr") %s)\n' "$m" >"$D/exec$n.sb"
    run "modifiers: diff $m" "$BUCKLE" diff "$D/exec.sb" "$D/exec$n.sb"
    expect_rc "modifiers: diff: $m added is a widening (exit 1)" 1
    expect_out_has "modifiers: diff: ... marked for $m" "WIDENING allow -> allow with no-sandbox:"
done

# allow, deny, with, import are read in any case too, wherever a verbatim
# block has them (Seatbelt's reader lower-cases symbols)
printf '(allow file-read-data (subpath "/s"))\n' >"$D/imported.sb"
n=0
for r in '(ALLOW file-read-data (subpath "/s"))' '(Allow file-read-data (subpath "/s"))' \
         '(with-filter (subpath "/s") (ALLOW file-read-data))' \
         "(IMPORT \"$D/imported.sb\")" \
         '(define m (WITH no-sandbox)) (allow process-exec (literal "/bin/sh") m)' \
         '(with-modifier (WITH no-sandbox) (allow process-exec (literal "/bin/sh")))'; do
    n=$((n + 1))
    blk "case$n" " verbatim" "$r"
    run "modifiers: case $r" "$BUCKLE" compile "$D/case$n.buckle" -o /dev/null
    expect_rc "modifiers: $r beside a final deny is an error" 1
    expect_err_has "modifiers: ... BK2005 for $r" "[BK2005"
done
# import: a later DENY kept verbatim keeps the allow before it verbatim too
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/data"))\n(DENY file-read* (subpath "/data/secret"))\n' >"$D/upper.sb"
run "modifiers: import DENY" "$BUCKLE" import "$D/upper.sb"
expect_rc "modifiers: import of a DENY form" 0
expect_out_lacks "modifiers: the allow before a DENY is not written as a section rule" 'allow read "/data";'
expect_out_has "modifiers: ... it is kept verbatim, in its order" '(allow file-read* (subpath "/data"))'
# and so does an operation and a filter in upper case in a later form
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/data"))\n(deny FILE-READ* (SUBPATH "/data/secret"))\n' >"$D/upperop.sb"
run "modifiers: import FILE-READ*" "$BUCKLE" import "$D/upperop.sb"
expect_rc "modifiers: import of a FILE-READ* form" 0
expect_out_lacks "modifiers: the allow before a FILE-READ* deny is not written as a section rule" 'allow read "/data";'
