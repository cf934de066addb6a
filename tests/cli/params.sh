# params.sh - parameter values, final rules and implied traversal
# (docs/language.md): what a value may be, "$P/x" with
# P=/, final rules that a spelled-out path or a traversal rule cannot get
# around, and traversal for every allowed object, ranked at its real depth.
. tests/lib.sh
D="$TMP/params"
mkdir -p "$D"

# ---- values: empty or relative is an error wherever a value enters ----
printf 'param P;\nfiles {\n    allow write "$WORKDIR";\n    allow read "$P/x";\n    allow read "/Users/$USER/y";\n}\n' >"$D/v.buckle"
for cmd in compile test; do
    run "values: $cmd -D WORKDIR=" "$BUCKLE" $cmd -D P=/p -D WORKDIR= "$D/v.buckle"
    expect_rc "values: $cmd: an empty -D value is a usage error" 2
    expect_err_has "values: $cmd: says why" "-D WORKDIR=: the value is empty"
done
run "values: query -D HOME=" "$BUCKLE" query -D HOME= "$D/v.buckle" files read /x
expect_rc "values: query: an empty -D value is a usage error" 2
run "values: run -D HOME=" "$BUCKLE" run --dry-run -D HOME= "$D/v.buckle" -- true
expect_rc "values: run: an empty -D value stops buckle itself" 125
expect_err_has "values: run: says why" "-D HOME=: the value is empty"
run "values: -D WORKDIR=src" "$BUCKLE" compile -D P=/p -D WORKDIR=src "$D/v.buckle"
expect_rc "values: a relative built-in path is a usage error" 2
expect_err_has "values: says it must be absolute" "-D WORKDIR=src: the value must be an absolute path"
run "values: -D P=rel" "$BUCKLE" compile -D P=rel "$D/v.buckle"
expect_rc "values: a relative value of a parameter that starts a path is a usage error" 2
expect_err_has "values: names the use" "v.buckle:4:17: error: -D P=rel: P starts a path here, so its value must be an absolute path"
run "values: -D USER=a.b" "$BUCKLE" compile -D P=/p -D USER=a.b "$D/v.buckle"
expect_rc "values: a relative value inside a path is fine" 0
expect_out_has "values: USER inlined" '(subpath "/Users/a.b/y")'
for v in /x a/ a//b ..; do
    run "values: -D USER=$v" "$BUCKLE" compile -D P=/p -D USER="$v" "$D/v.buckle"
    expect_rc "values: USER=$v cannot stand inside a path: usage error" 2
    expect_err_has "values: USER=$v: names the use" "v.buckle:5:24: error: -D USER=$v: USER is used inside a path here"
done
# a parameter that starts a top-level alternative of a regex starts a path
# (each alternative is a rule of its own), as after the regex's own ^
printf 'param P;\nfiles { deny read regex "^/x|^$P/k"; }\n' >"$D/alt-root.buckle"
run "values: alternative root -D P=/a" "$BUCKLE" compile -D P=/a "$D/alt-root.buckle"
expect_rc "values: an absolute value of a parameter starting a regex alternative compiles" 0
expect_out_has "values: ... as its own rule" '(deny file-read* (regex "^/a/k"))'
run "values: alternative root -D P=a" "$BUCKLE" compile -D P=a "$D/alt-root.buckle"
expect_rc "values: a relative value there is a usage error" 2
expect_err_has "values: ... P starts a path" "P starts a path here"
printf 'param P = "/a";\nfiles { deny read regex "^/x|^${P}/k"; }\n' >"$D/alt-default.buckle"
run "values: alternative root default" "$BUCKLE" compile "$D/alt-default.buckle"
expect_rc "values: an absolute default there compiles" 0
# a regex's end anchor right after the value is no glued text: "^$P$" takes
# P=/; text glued to the value is refused at the rule that glues it
printf 'param P;\nfiles {\n    deny read subpath "$P/c";\n    allow read regex "^$P$";\n}\n' >"$D/anchor.buckle"
run "values: end anchor -D P=/" "$BUCKLE" compile -D P=/ "$D/anchor.buckle"
expect_rc "values: the end anchor after a value / compiles" 0
expect_out_has "values: ... and matches the root" '(regex "^/?$")'
printf 'param P;\nfiles {\n    deny read subpath "$P/c";\n    allow read regex "^${P}x";\n}\n' >"$D/glued.buckle"
run "values: glued -D P=/" "$BUCKLE" compile -D P=/ "$D/glued.buckle"
expect_rc "values: text glued to a value / is refused" 2
expect_err_has "values: ... at the rule that glues it" "glued.buckle:4:24: error: -D P=/: P starts a path here with text glued to it"
printf 'param N = "/abs";\nfiles { allow read "/Users/$N/x"; }\n' >"$D/inner-default.buckle"
run "values: absolute default inside a path" "$BUCKLE" compile "$D/inner-default.buckle"
expect_rc "values: an absolute default used inside a path is an error" 1
expect_err_has "values: at the default" "inner-default.buckle:1:11: error: the default of N cannot stand inside a path"
run "values: -D canonical" "$BUCKLE" compile -D P=//p//q/ -D WORKDIR=/tmp/w/ "$D/v.buckle"
expect_rc "values: canonicalized -D compiles" 0
expect_out_has "values: // collapsed, trailing / dropped" '(subpath "/p/q/x")'
expect_out_has "values: /tmp becomes /private/tmp" '(subpath "/private/tmp/w")'
run "values: -D .." "$BUCKLE" compile -D P=/a/../b "$D/v.buckle"
expect_rc "values: a .. component is a usage error" 2
printf 'param E = "";\nfiles { allow read "/x"; }\n' >"$D/empty-default.buckle"
run "values: empty default" "$BUCKLE" compile "$D/empty-default.buckle"
expect_rc "values: an empty default is an error" 1
expect_err_has "values: at the default" "empty-default.buckle:1:11: error: parameter E has an empty default"
printf 'param R = "rel";\nfiles { allow read "$R/x"; }\n' >"$D/rel-default.buckle"
run "values: relative default" "$BUCKLE" compile "$D/rel-default.buckle"
expect_rc "values: a relative default of a path root is an error" 1
expect_err_has "values: at the default" "rel-default.buckle:1:11: error: the default of R is not an absolute path"
printf 'param PORT = "3128";\nnetwork { allow outbound "localhost:$PORT"; }\n' >"$D/port.buckle"
run "values: a word default" "$BUCKLE" compile "$D/port.buckle"
expect_rc "values: a default that starts no path may be a word" 0
run "values: relative query object" "$BUCKLE" query "$D/v.buckle" -D P=/p files read rel/x
expect_rc "values: a relative query object is a usage error" 2
printf 'files { allow read "/a"; }\ntest { expect allow files read "a/b"; expect allow files read "/a/b"; }\n' >"$D/t.buckle"
run "values: relative expect object" "$BUCKLE" test "$D/t.buckle"
expect_rc "values: a relative expect object fails the test" 1
expect_out_has "values: says where" 't.buckle:2:8: error: the object "a/b" is not an absolute path'

# ---- a value of / : "$P/x" means /x ----
printf 'files {\n    allow read "$WORKDIR/src";\n    allow write glob "$WORKDIR/*.c", literal "$WORKDIR/log";\n    deny read literal "$WORKDIR/src/secret";\n}\n' >"$D/root.buckle"
run "root: symbolic" "$BUCKLE" compile "$D/root.buckle" -o "$D/root.sb"
expect_rc "root: compiles" 0
run "root: symbolic output" cat "$D/root.sb"
expect_out_has "root: a parameter before / is joined through NAME.dir" '(subpath (string-append (param "WORKDIR.dir") "src"))'
expect_out_has "root: the header names NAME.dir" 'WORKDIR.dir'
run "root: the symbolic output with WORKDIR=/" "$BUCKLE" query -D WORKDIR=/ "$D/root.sb" file-read-data /src/a
expect_out_has "root: symbolic: /src/a readable" "allow /src/a"
run "root: symbolic, glob" "$BUCKLE" query -D WORKDIR=/ "$D/root.sb" file-write-data /x.c
expect_out_has "root: symbolic: glob \$WORKDIR/*.c matches /x.c" "allow /x.c"
run "root: symbolic, literal" "$BUCKLE" query -D WORKDIR=/ "$D/root.sb" file-write-data /log
expect_out_has "root: symbolic: literal \$WORKDIR/log is /log" "allow /log"
run "root: symbolic, deny" "$BUCKLE" query -D WORKDIR=/ "$D/root.sb" file-read-data /src/secret
expect_out_has "root: symbolic: the deny holds" "deny /src/secret"
run "root: -D" "$BUCKLE" compile -D WORKDIR=/ "$D/root.buckle"
expect_out_has "root: -D WORKDIR=/ gives /src" '(subpath "/src")'
expect_out_lacks "root: never //" '"//'
for o in /src/a /x.c /log /src/secret /a/src; do
    run "root: query $o" "$BUCKLE" query -D WORKDIR=/ "$D/root.buckle" file-write-data "$o"
    expect_out_has "root: query $o: compiled SBPL agrees" "compiled SBPL agrees"
    run "root: query read $o" "$BUCKLE" query -D WORKDIR=/ "$D/root.buckle" files read "$o"
    expect_out_has "root: query read $o: compiled SBPL agrees" "compiled SBPL agrees"
done
run "root: query \$WORKDIR/src" "$BUCKLE" query -D WORKDIR=/ "$D/root.buckle" files read '$WORKDIR/src/a'
expect_out_has "root: the object \$WORKDIR/src/a is /src/a" "allow /src/a"

# ---- final: a spelled-out path cannot get around it ----
printf 'files {\n    deny final read "$HOME/.ssh";\n    allow read literal "/Users/test/.ssh/known_hosts";\n}\n' >"$D/final.buckle"
run "final: symbolic" "$BUCKLE" compile "$D/final.buckle"
expect_rc "final: symbolic: some value puts the allow inside" 1
expect_err_has "final: BK2005" "final.buckle:3:5: error: allow contradicts a final deny [BK2005 final-violated]"
expect_err_has "final: names the value" "note: it falls inside the final rule with HOME=/Users/test"
run "final: -D HOME=/Users/test" "$BUCKLE" compile -D HOME=/Users/test "$D/final.buckle"
expect_rc "final: with the value that puts it inside" 1
run "final: -D HOME=/home/x" "$BUCKLE" compile -D HOME=/home/x "$D/final.buckle"
expect_rc "final: with a value that keeps it outside" 0
printf 'files {\n    deny final read "/secret";\n    allow read "$WORKDIR/x";\n}\n' >"$D/final2.buckle"
run "final: parameter allow" "$BUCKLE" compile "$D/final2.buckle"
expect_rc "final: an allow rooted at another parameter compiles (the final rule decides inside its scope)" 0
run "final: parameter allow, decided on the value" "$BUCKLE" compile -D WORKDIR=/secret "$D/final2.buckle"
expect_rc "final: with the value that puts it inside, an error" 1
expect_err_has "final: names WORKDIR" "with WORKDIR=/secret"
"$BUCKLE" compile "$D/final2.buckle" -o "$D/final2.sb"
run "final: the symbolic output, WORKDIR=/secret" "$BUCKLE" query -D WORKDIR=/secret "$D/final2.sb" file-read-data /secret/x/y
expect_out_has "final: the final deny decides inside its scope, whatever WORKDIR is" "deny /secret/x/y"

# ---- final rules decide over implied traversal ----
printf 'files { deny final read "/secret"; }\nprocess { allow exec "/secret/bin/tool"; }\n' >"$D/withheld.buckle"
run "withheld: compile" "$BUCKLE" compile "$D/withheld.buckle"
expect_rc "withheld: compiles" 0
expect_err_has "withheld: info names the traversal" 'info: traversal of literal "/secret/bin" is withheld: a final deny covers it [BK4009 missing-traversal]'
expect_err_has "withheld: and the other" 'traversal of literal "/secret" is withheld'
for o in /secret /secret/bin; do
    run "withheld: $o" "$BUCKLE" query "$D/withheld.buckle" files metadata "$o"
    expect_out_has "withheld: $o denied" "deny $o"
    expect_out_has "withheld: $o by the final rule" 'deny final files read subpath "/secret"'
    expect_out_has "withheld: $o compiled SBPL agrees" "compiled SBPL agrees"
done

# an unfiltered final deny of metadata decides every metadata request: no
# traversal rule is written (a carve-out around "every object" would be an
# empty require-not), and the info names the allow whose traversal is withheld
for v in read metadata; do
    printf 'files {\n    deny final %s;\n    allow write "/a/x";\n}\nprocess { allow exec "/bin"; }\n' "$v" >"$D/withheld-all-$v.buckle"
    run "withheld all $v: compile" "$BUCKLE" compile "$D/withheld-all-$v.buckle" -o "$D/withheld-all-$v.sb"
    expect_rc "withheld all $v: compiles" 0
    expect_err_has "withheld all $v: info" "traversal for this allow is withheld: a final deny of every metadata request covers it [BK4009"
    if grep -q "require-not" "$D/withheld-all-$v.sb"; then fail "withheld all $v: no carve-out" "$(grep require-not "$D/withheld-all-$v.sb")"
    else pass "withheld all $v: no carve-out"; fi
    run "withheld all $v: the output lints" "$BUCKLE" lint -q "$D/withheld-all-$v.sb"
    expect_rc "withheld all $v: the output reads back" 0
    for o in / /a /a/x/y /bin; do
        run "withheld all $v: $o" "$BUCKLE" query "$D/withheld-all-$v.buckle" files metadata "$o"
        expect_out_has "withheld all $v: $o denied" "deny $o"
        expect_out_has "withheld all $v: $o compiled SBPL agrees" "compiled SBPL agrees"
    done
done
# ---- traversal for every allowed object ----
printf 'files {\n    allow read glob "/a/**/b";\n    allow read glob "/c/*/d/*.txt";\n    allow read prefix "$WORKDIR";\n    allow read glob "$TMPDIR*";\n}\nprocess { allow exec prefix "~"; }\n' >"$D/trav.buckle"
for o in /a/x /a/x/y /a /c/q /c/q/d /Users /Users/test /private/var/folders/zz/test /; do
    run "traversal: $o" "$BUCKLE" query "$D/trav.buckle" files metadata "$o"
    expect_out_has "traversal: metadata on $o allowed" "allow $o"
    expect_out_has "traversal: $o compiled SBPL agrees" "compiled SBPL agrees"
done
for o in /c/q/e /c/q/d/e /b; do
    run "traversal: not $o" "$BUCKLE" query "$D/trav.buckle" files metadata "$o"
    expect_out_has "traversal: metadata on $o stays denied" "deny $o"
done
# a path under /private on a parameter's value: "/" is an ancestor with -D
# as symbolically (the walk stops at the /private it has added already)
for m in '"/private/$D/y"' 'glob "/private/$D/*"' 'prefix "/private/$D/x"'; do
    printf 'param D;\nfiles {\n    allow read %s;\n}\n' "$m" >"$D/privd.buckle"
    for v in a tmp x/y; do
        run "traversal: $m, D=$v: /" "$BUCKLE" query -D "D=$v" "$D/privd.buckle" file-read-metadata /
        expect_out_has "traversal: $m, D=$v: metadata on / allowed" "allow /"
        expect_out_has "traversal: $m, D=$v: compiled SBPL agrees" "compiled SBPL agrees"
    done
done

# ---- implied rules rank at the ancestor's real depth ----
printf 'files {\n    deny read "/Users";\n    allow read "~/project";\n}\n' >"$D/depth.buckle"
printf 'files {\n    deny read "/Users";\n    allow read "/Users/test/project";\n}\n' >"$D/depth-written.buckle"
for f in depth depth-written; do
    for o in /Users /Users/test; do
        run "depth: $f $o" "$BUCKLE" query "$D/$f.buckle" files metadata "$o"
        expect_out_has "depth: $f: metadata on $o allowed" "allow $o"
        expect_out_has "depth: $f: $o compiled SBPL agrees" "compiled SBPL agrees"
    done
    run "depth: $f data" "$BUCKLE" query "$D/$f.buckle" files read /Users/other
    expect_out_has "depth: $f: the deny still holds for data" "deny /Users/other"
done
run "depth: -D" "$BUCKLE" query -D HOME=/Users/test "$D/depth.buckle" files metadata /Users
expect_out_has "depth: with -D too" "allow /Users"
"$BUCKLE" compile "$D/depth.buckle" -o "$D/depth.sb" 2>/dev/null
run "depth: symbolic output, HOME=/Users/test" "$BUCKLE" query -D HOME=/Users/test "$D/depth.sb" file-read-metadata /Users
expect_out_has "depth: the symbolic output allows /Users" "allow /Users"
run "depth: symbolic output, HOME=/h/a/b/c" "$BUCKLE" query -D HOME=/h/a/b/c "$D/depth.sb" file-read-metadata /h/a
expect_out_has "depth: any value" "allow /h/a"
run "depth: symbolic output, /Users/x" "$BUCKLE" query -D HOME=/Users/test "$D/depth.sb" file-read-metadata /Users/x
expect_out_has "depth: not a sibling" "deny /Users/x"

# ---- defaults that name other parameters: resolved to any depth, the same
# for compile, query, test and buckle run; a cycle is an error ----
printf 'param A = "/x";\nparam B = "$A";\nparam R = "$B/y";\nfiles { allow read "$R"; }\ntest { expect allow files file-read-data "/x/y/k"; expect deny files file-read-data "/y/k"; }\n' >"$D/chain.buckle"
run "defaults: a chain of three" "$BUCKLE" test "$D/chain.buckle"
expect_rc "defaults: R = B/y, B = A, A = /x: R is /x/y" 0
run "defaults: a chain, -D A" "$BUCKLE" query -D A=/q "$D/chain.buckle" files file-read-data /q/y/k
expect_out_has "defaults: -D A=/q: R is /q/y" "allow /q/y/k"
printf 'param A = "$A/x";\nfiles { allow read "$A"; }\n' >"$D/cycle1.buckle"
printf 'param A = "$B/x";\nparam B = "$A/y";\nfiles { allow read "$A"; }\n' >"$D/cycle2.buckle"
for f in cycle1 cycle2; do
    run "defaults: $f" "$BUCKLE" compile "$D/$f.buckle"
    expect_rc "defaults: $f: a default that names itself is an error" 1
    expect_err_has "defaults: $f: says so at the default" "$f.buckle:1:11: error: the default of A names itself"
done
run "defaults: cycle -D" "$BUCKLE" compile -D A=/a "$D/cycle2.buckle"
expect_rc "defaults: a -D value ends the cycle" 0
# a default "/" of a parameter glued to text is refused as -D P=/ is
printf 'param P = "/";\nfiles { deny final read "$P/b"; allow file-read-data literal "${P}b/x"; }\n' >"$D/glued-default.buckle"
printf 'param Q = "/";\nparam P = "$Q";\nfiles { allow file-read-data "${P}b"; deny read "$P/b/secret"; }\n' >"$D/glued-default2.buckle"
run "defaults: glued default /" "$BUCKLE" compile "$D/glued-default.buckle"
expect_rc "defaults: a default / of a parameter glued to text is an error" 1
expect_err_has "defaults: ... at the default" "glued-default.buckle:1:11: error: the default of P is /, but P starts a path with text glued to it"
run "defaults: glued default through another" "$BUCKLE" compile "$D/glued-default2.buckle"
expect_rc "defaults: ... also through another parameter's default" 1
run "defaults: glued default -D" "$BUCKLE" compile -D P=/a "$D/glued-default.buckle"
expect_rc "defaults: a -D value replaces that default" 0

# ---- -D resolves the host's symbolic links only for the host's platform ----
mkdir -p "$D/real"
ln -sfn real "$D/lnk"
printf 'param P;\ndefault allow;\nfiles { deny write "$P"; }\n' >"$D/link.buckle"
case "$(uname -s)" in
Linux)
    run "values: -D through a link, macOS target" "$BUCKLE" compile -D P="$D/lnk" "$D/link.buckle"
    expect_out_has "values: compiling for macOS on Linux keeps the value as typed" 'lnk"))  ;'
    expect_out_lacks "values: ... not the Linux host's link target" 'real"))'
    # query, test and diff take the same value: the SBPL they check agrees
    run "values: query -D through a link, macOS" "$BUCKLE" query -D P="$D/lnk" "$D/link.buckle" files write "$D/lnk/x"
    expect_out_has "values: query keeps the value as typed" "deny"
    expect_out_lacks "values: ... and its SBPL check agrees" "compiler bug"
    printf 'param P;\ndefault allow;\n' >"$D/link-none.buckle"
    run "values: diff -D through a link" "$BUCKLE" diff -D P="$D/lnk" "$D/link.buckle" "$D/link-none.buckle"
    expect_rc "values: diff sees the deny the other profile dropped" 1
    # the plan keeps the profile's own directory from the command whole
    # (docs/runner.md, "What is protected") and names no path in it: the
    # link is in a directory of its own, and the grant is looked for by its
    # whole path (a bare 'real' would match whatever else the plan lists)
    mkdir -p "$D/ln/real" "$D/prof"
    ln -sfn real "$D/ln/lnk"
    printf 'param P;\nfiles { allow write "$P"; }\n' >"$D/prof/link-allow.buckle"
    DP=$(cd "$D" && pwd -P)
    run "values: -D through a link, Linux target" "$BUCKLE" compile --target landlock -D P="$D/ln/lnk" "$D/prof/link-allow.buckle"
    expect_out_has "values: compiling for Linux on Linux resolves the link" "{\"path\": \"$DP/ln/real\", \"access\": [\"write_file\""
    expect_out_lacks "values: ... and grants nothing by the link's name" "$DP/ln/lnk\""
    ;;
esac

# a root parameter left symbolic before one given with -D that makes an
# alias ("$P/$USER" with USER=etc/b): with P=/ the ancestors are under
# /private (NAME.uproot's value), in the output as in the decision
printf 'param P = "/";\nfiles { allow read glob "$P/$USER/*/${USER}"; }\ntest { expect allow files metadata "/private/etc"; }\n' >"$D/rootup.buckle"
run "values: rootup" "$BUCKLE" test -D HOME=/a -D USER=etc/b "$D/rootup.buckle"
expect_rc "values: /private/etc is traversed, and the output agrees" 0
expect_out_lacks "values: ... no compiler bug" "compiler bug"
# a parameter that starts another's default starts a path only when that one
# does: PORT = "$A" used as a port makes no path of A
printf 'param A = "8080";\nparam PORT = "$A";\nnetwork { allow outbound "localhost:$PORT"; }\n' >"$TMP/portdef.buckle"
run "values: a port default naming another parameter" "$BUCKLE" compile "$TMP/portdef.buckle"
expect_rc "values: ... compiles (A starts no path)" 0
# ... and the value it resolves to is checked as a port, as -D PORT=080 is
printf 'param A = "80";\nparam PORT = "0$A";\nnetwork { allow outbound "localhost:$PORT"; }\n' >"$TMP/portdef0.buckle"
run "values: a port default resolving to 080" "$BUCKLE" compile "$TMP/portdef0.buckle"
expect_rc "values: ... is an error" 1
expect_err_has "values: ... naming the value it resolves to" 'the value "080" of PORT is not a port'
run "values: a port default, -D A=090" "$BUCKLE" compile -D A=090 "$TMP/portdef.buckle"
expect_rc "values: ... a -D value of the parameter it names is checked through it" 1
printf 'param A = "rel";\nparam R = "$A/y";\nfiles { allow read "$R"; }\n' >"$TMP/rootdef.buckle"
run "values: a path default naming another parameter" "$BUCKLE" compile "$TMP/rootdef.buckle"
expect_rc "values: ... a relative A is still an error" 1
expect_err_has "values: ... at A's default" "rootdef.buckle:1:11: error: the default of A is not an absolute path, but A starts a path"
