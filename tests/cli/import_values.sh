# import_values.sh - `buckle import` keeps the original's decisions for the
# values of its parameters that line up with the paths it hard-codes, and
# `buckle diff` finds a difference there without -D.  Each profile mixes a
# hard-coded path with a path built on a parameter, so that SBPL's order and
# buckle's specificity meet only when the parameter's value puts the two on
# the same object (HOME=/Users/me with "/Users/me/.ssh/pub" and
# "$HOME/.ssh"), which the test values never do.  Each is imported, then
# compared with its import under those values (-D) and without -D.
. tests/lib.sh
V=$(scratch_dir import_values)

# NAME VALUES: the profile $V/NAME.sb, the -D values that line it up
profile() {
    name=$1
    shift
    echo "$*" >"$V/$name.values"
    cat >"$V/$name.sb"
}

# an allow of a hard-coded path before the deny of a subpath built on HOME:
# in SBPL the deny (later) wins when HOME=/Users/me
profile allow-before-deny -D HOME=/Users/me <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/Users"))
(allow file-read* (literal "/Users/me/.ssh/pub"))
(deny file-read* (subpath (string-append (param "HOME") "/.ssh")))
EOF
# the other order: the allow of the parameter's subpath, after, wins there
profile deny-before-allow -D HOME=/Users/me <<'EOF'
(version 1)
(deny default)
(deny file-read* (literal "/Users/me/.ssh/config"))
(allow file-read* (subpath (string-append (param "HOME") "/.ssh")))
EOF
# a hard-coded subpath inside the parameter's subpath, before it
profile subpath-before-deny -D HOME=/Users/me <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/Users/me/.ssh/public"))
(deny file-read* (subpath (string-append (param "HOME") "/.ssh")))
(allow file-read* (subpath "/usr"))
EOF
# two parameters, each lined up with a path of its own
profile two-params -D HOME=/Users/me -D DATA=/opt/data <<'EOF'
(version 1)
(deny default)
(allow file-read* (literal "/Users/me/.ssh/pub"))
(deny file-read* (subpath (string-append (param "HOME") "/.ssh")))
(allow file-read* (literal "/opt/data/secret/ok"))
(deny file-read* (subpath (string-append (param "DATA") "/secret")))
EOF
# a parameter in the middle of a path
profile param-in-middle -D DISK=disk1 <<'EOF'
(version 1)
(deny default)
(allow file-read* (literal "/Volumes/disk1/private/readme"))
(deny file-read* (subpath (string-append "/Volumes/" (param "DISK") "/private")))
EOF
# a regex built on the parameter
profile regex-param -D HOME=/Users/me <<'EOF'
(version 1)
(deny default)
(allow file-read* (literal "/Users/me/.ssh/pub"))
(deny file-read* (regex (string-append "^" (param "HOME") "/\\.ssh/")))
EOF
# a parameter spliced into a regex: Seatbelt reads its value as regex syntax
# (HOME=/Users/j.doe also denies /Users/jxdoe/.ssh), buckle's $HOME in a
# regex is the value quoted
profile regex-metachar -D HOME=/Users/j.doe <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/Users"))
(deny file-read* (regex (string-append "^" (param "HOME") "/\\.ssh(/|$)")))
EOF
# two parameters that nest: in SBPL the later deny of $READONLY wins over
# the allow of $PROJECT/build when READONLY is PROJECT (or the build tree)
profile params-nest -D PROJECT=/p -D READONLY=/p <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/"))
(allow file-write* (subpath (string-append (param "PROJECT") "/build")))
(deny file-write* (subpath (param "READONLY")))
EOF
# writes: a hard-coded allow under a deny of the parameter's subpath
profile write-literal -D HOME=/Users/me <<'EOF'
(version 1)
(deny default)
(allow file-write* (literal "/Users/me/.config/app.json"))
(deny file-write* (subpath (string-append (param "HOME") "/.config")))
(allow file-read* (subpath "/"))
EOF

for f in "$V"/*.sb; do
    name=$(basename "$f" .sb)
    values=$(cat "$V/$name.values")
    o="$V/$name.buckle"
    run "import values: $name" "$BUCKLE" import -o "$o" "$f"
    expect_rc "import values: $name imports" 0
    [ "$RC" -eq 0 ] || continue
    # DATA and DISK are declared by the import: the same value on both sides
    # shellcheck disable=SC2086
    run "import values: $name, diff $values" "$BUCKLE" diff $values "$f" "$o"
    expect_rc "import values: $name decides like the original with $values" 0
    expect_out_has "import values: $name: diff says the same with $values" "the same decisions"
    # without -D for HOME: diff lines it up itself (a parameter the import
    # declares is given a value, which an SBPL side needs)
    declared=$(sed -n 's/^param \([A-Za-z_][A-Za-z0-9_]*\);$/-D \1=import-\1/p' "$o")
    # shellcheck disable=SC2086
    run "import values: $name, diff" "$BUCKLE" diff --canonical-values $declared "$f" "$o"
    expect_rc "import values: $name decides like the original without -D HOME" 0
done

# the rules that order decides are kept in SBPL, the reason naming the two
# rules (the literal outranks the parameter's subpath whatever its value)
grep -q '^sbpl """$' "$V/allow-before-deny.buckle" && pass "import values: the ordered rules are kept in SBPL" \
    || fail "import values: the ordered rules are kept in SBPL" "$(cat "$V/allow-before-deny.buckle")"
grep -qF 'the allow at line 4 would decide file-read-data where the original lets the deny at line 5 decide' \
    "$V/allow-before-deny.buckle" && pass "import values: the reason names the rules" \
    || fail "import values: the reason names the rules" "$(grep '^#' "$V/allow-before-deny.buckle")"

# buckle diff without -D finds the widening of an import in sections
cat >"$V/sections.buckle" <<'EOF'
default deny;

files {
    allow read "/Users";
    allow read literal "/Users/me/.ssh/pub";
    deny read "$HOME/.ssh";
}
EOF
cat >"$V/n10.sb" <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/Users"))
(allow file-read* (literal "/Users/me/.ssh/pub"))
(deny file-read* (subpath (string-append (param "HOME") "/.ssh")))
(allow file-read-metadata (literal "/"))
EOF
run "diff values: sections" "$BUCKLE" diff "$V/n10.sb" "$V/sections.buckle"
expect_rc "diff values: the sections differ from the original (exit 1)" 1
expect_out_has "diff values: the widening is found" "WIDENING deny -> allow"
expect_out_has "diff values: at the object" "file-read-data /Users/me/.ssh/pub"
expect_out_has "diff values: with the values" "with HOME=/Users/me"
run "diff values: json" "$BUCKLE" diff --format json "$V/n10.sb" "$V/sections.buckle"
expect_out_has "diff values: json names the values" '"values": "HOME=/Users/me"'
# a value given with -D is not changed
run "diff values: -D" "$BUCKLE" diff -D HOME=/Users/other "$V/n10.sb" "$V/sections.buckle"
expect_rc "diff values: with -D HOME the profiles decide the same" 0

# a deny of the test HOME's .ssh is not a deny of ~/.ssh: another HOME tells
printf 'default allow;\nfiles { deny read "~/.ssh"; }\n' >"$V/home.buckle"
printf 'default allow;\nfiles { deny read "/Users/test/.ssh"; }\n' >"$V/fixed.buckle"
run "diff values: a hard-coded test HOME" "$BUCKLE" diff "$V/home.buckle" "$V/fixed.buckle"
expect_rc "diff values: ~/.ssh and /Users/test/.ssh differ (exit 1)" 1
expect_out_has "diff values: under another HOME" "with HOME="

# a declared default is a value too: -D overrides it when the program runs
printf 'param P = "/opt/a";\nfiles { allow read "/opt"; deny read "$P/secret"; }\n' >"$V/default.buckle"
printf 'param P = "/opt/a";\nfiles { allow read "/opt"; deny read "/opt/a/secret"; }\n' >"$V/default-fixed.buckle"
run "diff values: a declared default" "$BUCKLE" diff "$V/default.buckle" "$V/default-fixed.buckle"
expect_rc "diff values: \$P/secret and /opt/a/secret differ (exit 1)" 1
expect_out_has "diff values: under another P" "with P="
# a widening under some set is the answer before a narrowing under another
printf 'files { allow read "/usr"; deny read "~/.ssh"; allow read "/Users"; }\n' >"$V/home2.buckle"
printf 'files { allow read "/usr"; deny read "/Users/test/.ssh"; allow read "/Users"; }\n' >"$V/fixed2.buckle"
run "diff values: the widening first" "$BUCKLE" diff "$V/home2.buckle" "$V/fixed2.buckle"
expect_out_has "diff values: ~/.ssh under /Users is widened" "WIDENING deny -> allow"

# a parameter spliced into a regex as it is: Seatbelt reads its value as
# regex syntax, buckle's $X in a regex is the value quoted; the import keeps
# the form in SBPL, so that X=/b/j.doe still denies /b/jXdoe/k
cat >"$V/rx.sb" <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/b"))
(deny file-read* (regex (string-append "^" (param "X") "/k")))
EOF
run "import values: a parameter spliced into a regex" "$BUCKLE" import "$V/rx.sb" -o "$V/rx.buckle"
expect_rc "import values: a parameter spliced into a regex" 0
if grep -q 'regex "^$X/k"' "$V/rx.buckle"; then fail "import values: ... not a quoted .buckle regex" "$(cat "$V/rx.buckle")"
else pass "import values: ... not a quoted .buckle regex"; fi
if grep -q '(param "X") "/k")' "$V/rx.buckle" && grep -q 'regex syntax' "$V/rx.buckle"; then pass "import values: ... kept in SBPL, with the reason"
else fail "import values: ... kept in SBPL, with the reason" "$(cat "$V/rx.buckle")"; fi
run "import values: ... decides like the original with a dot in the value" "$BUCKLE" query "$V/rx.buckle" file-read-data /b/jXdoe/k -D X=/b/j.doe
expect_out_has "import values: ... decides like the original with a dot in the value" "deny"
# the quoted translation is a widening that diff finds without -D
printf 'param X;\ndefault deny;\nfiles { allow read "/b"; deny read regex "^$X/k"; }\n' >"$V/rx-quoted.buckle"
run "import values: diff finds the quoted translation's widening" "$BUCKLE" diff --canonical-values "$V/rx.sb" "$V/rx-quoted.buckle"
expect_rc "import values: diff finds the quoted translation's widening (exit 1)" 1
# a sysctl name and a relative value the same
cat >"$V/rxname.sb" <<'EOF'
(version 1)
(deny default)
(allow sysctl-read)
(deny sysctl-read (sysctl-name-regex (string-append "^kern\\." (param "S"))))
EOF
run "import values: a name regex splicing a parameter" "$BUCKLE" import "$V/rxname.sb" -o "$V/rxname.buckle"
expect_rc "import values: a name regex splicing a parameter" 0
if grep -q 'regex "^kern' "$V/rxname.buckle"; then fail "import values: ... kept in SBPL" "$(cat "$V/rxname.buckle")"
else pass "import values: ... kept in SBPL"; fi
cat >"$V/rxrel.sb" <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/b"))
(deny file-read* (regex (string-append "^/b/" (param "S") "/k")))
EOF
run "import values: a relative value spliced into a regex" "$BUCKLE" import "$V/rxrel.sb" -o "$V/rxrel.buckle"
expect_rc "import values: a relative value spliced into a regex" 0
run "import values: ... decides like the original" "$BUCKLE" query "$V/rxrel.buckle" file-read-data /b/jXdoe/k -D S=j.doe
expect_out_has "import values: ... decides like the original" "deny"

# a parameter in the first component: with X=etc, X=mp or P=/t the original
# names /etc or /tmp as written (no request is), buckle the path under
# /private; the import keeps such a rule in SBPL, where it decides the same
# for every value
first_component() {  # NAME FILTER VALUE PATH [TRANSLATION DIFFVALUES]
    n=$1
    first_component_diff "$@"
    printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/usr"))\n(allow file-read* %s)\n' "$2" >"$V/$n.sb"
    run "import values: $n, imported" "$BUCKLE" import "$V/$n.sb" -o "$V/$n.buckle"
    expect_rc "import values: $n, imported" 0
    # shellcheck disable=SC2086
    run "import values: $n, the original" "$BUCKLE" query "$V/$n.sb" file-read-data "$4" -D $3
    expect_out_has "import values: $n, the original denies $4" "deny"
    # shellcheck disable=SC2086
    run "import values: $n, the import" "$BUCKLE" query "$V/$n.buckle" file-read-data "$4" -D $3
    expect_out_has "import values: $n, the import denies $4 too" "deny"
    expect_out_lacks "import values: $n, the import denies $4 too" "allow"
    # kept in SBPL, the comment saying why
    [ -n "$5" ] || return 0
    if grep -q '^# kept in SBPL: a parameter .*in the first component (a value may make /tmp, /var or /etc' "$V/$n.buckle" &&
        ! grep -q '^ *allow read .*\$' "$V/$n.buckle"; then pass "import values: $n, kept in SBPL with the reason"
    else fail "import values: $n, kept in SBPL with the reason" "$(cat "$V/$n.buckle")"; fi
}
# the translation the import would write without keeping the rule in SBPL
# (TRANSLATION, a .buckle matcher): diff, with and without
# --canonical-values, tries a value that makes the first component /tmp,
# /var or /etc (DIFFVALUES, its label) and finds the widening, where no
# hard-coded path tells it.  The .sb allows metadata everywhere, so that
# only the rule itself can differ.
first_component_diff() {
    [ -n "$5" ] || return 0
    n=$1
    params=$(printf '%s\n' "$2" | grep -o '(param "[A-Z]")' | sort -u | sed 's/(param "\(.\)")/param \1;/' | tr '\n' ' ')
    printf '(version 1)\n(deny default)\n(allow file-read-metadata)\n(allow file-read* (subpath "/usr"))\n(allow file-read* %s)\n' \
        "$2" >"$V/$n-meta.sb"
    printf '%s\ndefault deny;\nfiles { allow metadata "/"; allow read "/usr"; allow read %s; }\n' "$params" "$5" >"$V/$n-naive.buckle"
    for canon in "" --canonical-values; do
        how=${canon:+with --canonical-values}
        how=${how:-without --canonical-values}
        # shellcheck disable=SC2086
        run "import values: $n, diff $how of a translation" "$BUCKLE" diff $canon "$V/$n-meta.sb" "$V/$n-naive.buckle"
        expect_rc "import values: $n, diff $how finds the translation widens (exit 1)" 1
        expect_out_has "import values: $n, diff $how finds the translation widens" "WIDENING deny -> allow"
        expect_out_has "import values: $n, diff $how names the value" "with $6:"
    done
}
first_component "the whole first component" '(subpath (string-append "/" (param "X")))' X=etc /private/etc/hosts \
    '"/$X"' X=tmp
first_component "text before it in the first component" '(subpath (string-append "/t" (param "X")))' X=mp /private/tmp/k \
    '"/t$X"' X=mp
first_component "the first component in another case" '(prefix (string-append "/T" (param "X")))' X=mp /private/tmp/k
first_component "a literal" '(literal (string-append "/" (param "X")))' X=tmp /private/tmp
first_component "a root parameter glued to text" '(subpath (string-append (param "P") "mp/s"))' P=/t /private/tmp/s/k \
    '"${P}mp/s"' P=/t
# a root parameter glued to text that completes /etc with a canonical value
# (P=/e is no spelling through a link), a prefix, two parameters glued
first_component "a root parameter glued to tc" '(subpath (string-append (param "P") "tc"))' P=/e /private/etc/hosts \
    '"${P}tc"' P=/e
first_component "a literal after a root parameter glued to tc" '(literal (string-append (param "P") "tc/hosts"))' P=/e \
    /private/etc/hosts 'literal "${P}tc/hosts"' P=/e
first_component "a prefix after a root parameter" '(prefix (string-append (param "P") "t"))' P=/e /private/etc/hosts \
    'prefix "${P}t"' P=/e
first_component "two parameters glued" '(subpath (string-append (param "P") (param "Q")))' "P=/t -D Q=mp" /private/tmp/x \
    '"${P}$Q"' "P=/t Q=mp"
first_component "two parameters after the root" '(subpath (string-append "/" (param "A") (param "Q")))' "A=t -D Q=mp" \
    /private/tmp/x '"/${A}$Q"' "A=t Q=mp"
