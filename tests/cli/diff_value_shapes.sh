# diff_value_shapes.sh - `buckle diff` without -D finds a widening that shows
# only under one value of a parameter, for each shape of path the value is
# lined up in: a relative parameter after a root one ("~/$X"), text glued
# after the parameter in its component ("${X}.conf"), a value with regex
# metacharacters ("tool-1.2"), a wildcard after the parameter in its
# component, text glued before it in the first component (a value that
# makes /tmp), and a parameter used twice in a name.  Each old profile has
# one deny more, which the kept allow covers under that value only: diff
# must say "widened" (exit 1), never "the same decisions".
. tests/lib.sh
V=$(scratch_dir diff_value_shapes)

# NAME SECTION KEPT DROPPED PATH: the kept rule in both, the dropped one in
# the old profile only; PATH is a request the old denies and the new allows
widens() {
    n=$1
    printf 'param X;\n%s {\n  %s;\n  %s;\n}\n' "$2" "$3" "$4" >"$V/$n-old.buckle"
    printf 'param X;\n%s {\n  %s;\n}\n' "$2" "$3" >"$V/$n-new.buckle"
    run "diff value shapes: $n" "$BUCKLE" diff "$V/$n-old.buckle" "$V/$n-new.buckle"
    expect_rc "diff value shapes: $n, a widening (exit 1)" 1
    expect_out_has "diff value shapes: $n, the request that widens" "$5"
}

widens "a relative parameter after the home" files 'allow read "~/$X"' 'deny read "~/.ssh"' /Users/test/.ssh
widens "a relative parameter after the home, a hard-coded path" files 'allow read "~/$X"' \
    'deny read literal "/Users/test/abc"' /Users/test/abc
widens "a relative parameter below the home" files 'allow read literal "~/w/$X/k"' \
    'deny read literal "/Users/test/w/abc/k"' /Users/test/w/abc/k
widens "text glued after the parameter" files 'allow read "/etc/app/${X}.conf"' \
    'deny read literal "/etc/app/secret.conf"' /private/etc/app/secret.conf
widens "text glued after the parameter, then a component" files 'allow read "/q/${X}.d/k"' \
    'deny read literal "/q/ab.d/k/z"' /q/ab.d/k/z
widens "text glued after the parameter under the home" files 'allow read "~/${X}.json"' \
    'deny read literal "/Users/test/ab.json"' /Users/test/ab.json
widens "text glued after the parameter in a regex" files 'allow read regex "^/q/$X\\.json$"' \
    'deny read literal "/q/cfg.json"' /q/cfg.json
widens "a dot in the value" files 'allow read "/opt/tool-$X"' 'deny read "/opt/tool-1.2/secret"' /opt/tool-1.2/secret
widens "a dot in a whole component" files 'allow read "/q/$X"' 'deny read literal "/q/a.b/k"' /q/a.b/k
widens "a regex metacharacter in the value" files 'allow read "/q/$X"' 'deny read literal "/q/a+b/k"' /q/a+b/k
widens "a dot after glued text" files 'allow read "/q/t$X/k"' 'deny read literal "/q/t.a/k"' /q/t.a/k
widens "a wildcard after the parameter in its component" files 'allow read glob "/q/t$X?"' \
    'deny read literal "/q/tary/k"' /q/tary/k
widens "a value of several components before glued text" files 'allow read glob "/q/${X}c/*/*"' \
    'deny read literal "/q/a/bc/x/y"' /q/a/bc/x/y
widens "text before the parameter in the first component" files 'allow read "/t$X/x"' \
    'deny read literal "/private/tmp/x/k"' /private/tmp/x/k
widens "the first component in another case" files 'allow read "/T$X/x"' 'deny read "/tmp/x/k"' /private/tmp/x/k
widens "a parameter twice in a name" mach 'allow lookup "com.$X.${X}x"' 'deny lookup "com.a.ax"' com.a.ax

# the same between two .sb files: a parameter after HOME
cat >"$V/home-old.sb" <<'SB'
(version 1)
(deny default)
(allow file-read* (subpath (string-append (param "HOME") "/" (param "X"))))
(deny file-read* (subpath (string-append (param "HOME") "/.ssh")))
SB
head -n 3 "$V/home-old.sb" >"$V/home-new.sb"
run "diff value shapes: a parameter after HOME in SBPL" "$BUCKLE" diff "$V/home-old.sb" "$V/home-new.sb"
expect_rc "diff value shapes: a parameter after HOME in SBPL, a widening (exit 1)" 1
expect_out_has "diff value shapes: a parameter after HOME in SBPL, the request" "/Users/test/.ssh"

# and a dot in the value after a fixed start in SBPL
cat >"$V/dot-old.sb" <<'SB'
(version 1)
(deny default)
(allow file-read* (subpath (string-append "/q/" (param "X"))))
(deny file-read* (subpath "/q/a.b"))
SB
head -n 3 "$V/dot-old.sb" >"$V/dot-new.sb"
run "diff value shapes: a dot in the value in SBPL" "$BUCKLE" diff "$V/dot-old.sb" "$V/dot-new.sb"
expect_rc "diff value shapes: a dot in the value in SBPL, a widening (exit 1)" 1
expect_out_has "diff value shapes: a dot in the value in SBPL, the request" "/q/a.b"

# two parameters in one component line up together
for shape in '"/q/$X-$Y"|/q/a-b/k' '"/q/${X}${Y}"|/q/ab/k'; do
    kept=${shape%%|*} path=${shape#*|}
    printf 'param X;\nparam Y;\nfiles {\n  allow read %s;\n  deny read literal "%s";\n}\n' "$kept" "$path" >"$V/two-old.buckle"
    printf 'param X;\nparam Y;\nfiles {\n  allow read %s;\n}\n' "$kept" >"$V/two-new.buckle"
    run "diff value shapes: two parameters in one component, $kept" "$BUCKLE" diff "$V/two-old.buckle" "$V/two-new.buckle"
    expect_rc "diff value shapes: two parameters in one component, $kept, a widening (exit 1)" 1
    expect_out_has "diff value shapes: two parameters in one component, $kept, the request" "$path"
done

# an .sb against a translation that reads its first component as buckle
# does: a root parameter glued to text (P=/e makes "/etc"), two parameters
# glued after the root (A=t Q=mp make "/tmp").  The .sb compares the path as
# written, which no request is, the .buckle the path under /private: diff,
# with and without --canonical-values, tries those values itself.
glued_first() {  # NAME SBPL-PATH BUCKLE-PATH PARAMS VALUES REQUEST
    n=$1
    printf '(version 1)\n(deny default)\n(allow file-read-metadata)\n(allow file-read* (subpath %s))\n' "$2" >"$V/$n.sb"
    printf '%s\ndefault deny;\nfiles {\n  allow metadata "/";\n  allow read %s;\n}\n' "$4" "$3" >"$V/$n.buckle"
    for canon in "" --canonical-values; do
        how=${canon:+with --canonical-values}
        how=${how:-without --canonical-values}
        # shellcheck disable=SC2086
        run "diff value shapes: $n $how" "$BUCKLE" diff $canon "$V/$n.sb" "$V/$n.buckle"
        expect_rc "diff value shapes: $n $how, a widening (exit 1)" 1
        expect_out_has "diff value shapes: $n $how, the values" "with $5:"
        expect_out_has "diff value shapes: $n $how, the request that widens" "$6"
    done
}
glued_first "a root parameter glued to text" '(string-append (param "P") "tc")' '"${P}tc"' 'param P;' P=/e \
    'file-read-data /private/etc'
glued_first "a root parameter glued to text, then a component" '(string-append (param "P") "ar/db")' '"${P}ar/db"' 'param P;' \
    P=/v 'file-read-data /private/var/db'
glued_first "two parameters glued after the root" '(string-append "/" (param "A") (param "Q"))' '"/${A}$Q"' \
    'param A; param Q;' 'A=t Q=mp' 'file-read-data /private/tmp'
glued_first "a root parameter glued to another" '(string-append (param "P") (param "Q"))' '"${P}$Q"' \
    'param P; param Q;' 'P=/t Q=mp' 'file-read-data /private/tmp'
