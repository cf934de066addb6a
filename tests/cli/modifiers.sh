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
# import: SBPL's reader folds the case of symbols, so a later DENY, and an
# operation and a filter in upper case, are read as the deny they are: the
# import decides /data/secret as the original does
for f in '(DENY file-read* (subpath "/data/secret"))' '(deny FILE-READ* (SUBPATH "/data/secret"))'; do
    printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/data"))\n%s\n' "$f" >"$D/upper.sb"
    run "modifiers: import $f" "$BUCKLE" import "$D/upper.sb" -o "$D/upper.buckle"
    expect_rc "modifiers: import of $f" 0
    run "modifiers: query the import of $f" "$BUCKLE" query "$D/upper.buckle" files read /data/secret/x
    expect_out_has "modifiers: the import of $f denies /data/secret" "deny /data/secret/x"
    run "modifiers: diff the import of $f" "$BUCKLE" diff "$D/upper.sb" "$D/upper.buckle"
    expect_rc "modifiers: the import of $f decides as the original" 0
    run "modifiers: query $f" "$BUCKLE" query "$D/upper.sb" files read /data/secret/x
    expect_out_has "modifiers: the evaluator reads $f as a deny" "deny /data/secret/x"
done
# SBPL's reader folds symbols, and every reader of a block or an .sb does
# too: WITH, ALLOW and an operation in upper case are read as in lower case
# by lint, the evaluator and diff, not only by the final check
printf 'files { allow read "/"; }\nsbpl """\n(allow process-exec (subpath "/usr") (WITH no-sandbox))\n""";\n' >"$D/upwith.buckle"
run "modifiers: lint (WITH no-sandbox)" "$BUCKLE" lint "$D/upwith.buckle"
expect_out_has "modifiers: (WITH no-sandbox) on a subpath is BK3006" "exec with no-sandbox for a whole tree of programs"
printf '(version 1)\n(deny default)\n(ALLOW process-exec (subpath "/usr") (with no-sandbox))\n' >"$D/upallow.sb"
run "modifiers: lint (ALLOW ... (with no-sandbox)) in an .sb" "$BUCKLE" lint "$D/upallow.sb"
expect_out_has "modifiers: (ALLOW ... (with no-sandbox)) is BK3006" "exec with no-sandbox for a whole tree of programs"
printf '(version 1)\n(deny default)\n(allow PROCESS-EXEC (literal "/bin/ls"))\n' >"$D/upop.sb"
run "modifiers: lint (allow PROCESS-EXEC ...)" "$BUCKLE" lint "$D/upop.sb"
if grep -q "BK2006" "$TMP/err" "$TMP/out"; then fail "modifiers: PROCESS-EXEC is an operation" "$(cat "$TMP/err")"
else pass "modifiers: PROCESS-EXEC is an operation"; fi
run "modifiers: query (allow PROCESS-EXEC ...)" "$BUCKLE" query "$D/upop.sb" process exec /bin/ls
expect_out_has "modifiers: the evaluator reads PROCESS-EXEC" "allow /bin/ls"
printf 'files { allow read "/"; }\nsbpl verbatim """\n(allow process-exec (literal "/bin/sh"))\n""";\n' >"$D/vold.buckle"
printf 'files { allow read "/"; }\nsbpl verbatim """\n(allow process-exec (literal "/bin/sh") (WITH No-Profile))\n""";\n' >"$D/vnew.buckle"
run "modifiers: diff adding (WITH No-Profile)" "$BUCKLE" diff "$D/vold.buckle" "$D/vnew.buckle"
expect_rc "modifiers: adding (WITH No-Profile) is a widening" 1
expect_out_has "modifiers: ... reported as no-sandbox added" "WIDENING allow -> allow with no-sandbox"
# with-modifier gives its modifier to every rule in it
for m in '(with NO-PROFILE)' '(with no-sandbox)'; do
    printf '(version 1)\n(deny default)\n(with-modifier %s (allow process-exec (subpath "/usr")))\n' "$m" >"$D/withmod.sb"
    run "modifiers: lint with-modifier $m" "$BUCKLE" lint "$D/withmod.sb"
    expect_out_has "modifiers: with-modifier $m on a subpath is BK3006" "for a whole tree of programs: the program runs without any sandbox [BK3006"
done
printf '(version 1)\n(deny default)\n(with-modifier (with report) (allow process-exec (literal "/bin/ls")))\n' >"$D/withrep.sb"
run "modifiers: query a rule in with-modifier" "$BUCKLE" query "$D/withrep.sb" process exec /bin/ls
expect_out_has "modifiers: a rule in with-modifier is a rule" "allow /bin/ls"
# a symbol argument is folded too: (vnode-type REGULAR-FILE) still matches
# a regular file, and diff still asks a type no rule names
printf '(version 1)\n(deny default)\n(allow file-read* (require-all (subpath "/d") (vnode-type REGULAR-FILE)))\n' >"$D/vn0.sb"
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/d"))\n' >"$D/vn1.sb"
run "modifiers: diff of a vnode-type filter dropped" "$BUCKLE" diff "$D/vn0.sb" "$D/vn1.sb"
expect_rc "modifiers: dropping (vnode-type REGULAR-FILE) widens" 1
expect_out_has "modifiers: ... for a directory" "file-read-data /d (vnode-type DIRECTORY)"
if grep -q "(vnode-type REGULAR-FILE)" "$TMP/out"; then fail "modifiers: regular files were allowed before" "$(cat "$TMP/out")"
else pass "modifiers: regular files were allowed before"; fi
