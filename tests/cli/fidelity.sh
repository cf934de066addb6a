# fidelity.sh - compiled output means what the profile says, for the shapes
# the first round of issue 17 left open: a prefix ending in "/", a written
# rule beside the traversal rule of the same path, raw sbpl rules against
# final rules, name filters that start with a parameter, and parameter
# values an adversary would pick.  Each `buckle query` checks the decision
# of docs/language.md and that the compiled SBPL agrees with it.
. tests/lib.sh
F="$TMP/fidelity"
mkdir -p "$F"

# query FILE OPERATION OBJECT WANT [-D N=V]...
query() {
    f=$1; op=$2; obj=$3; want=$4; shift 4
    run "query $f $* $obj" "$BUCKLE" query "$@" "$F/$f" "$op" "$obj"
    expect_rc "fidelity: $f $* $op $obj decides" 0
    expect_out_has "fidelity: $f $* $op $obj is $want" "$want $obj"
    expect_out_has "fidelity: $f $* $op $obj: compiled SBPL agrees" "compiled SBPL agrees"
}

# a prefix ending in "/" keeps it: "/opt/x/" is not a prefix of /opt/xy
cat >"$F/prefix.buckle" <<'EOB'
files { allow read prefix "/opt/x/"; allow read prefix "$HOME/"; allow write prefix "$WORKDIR/"; }
EOB
query prefix.buckle file-read-data /opt/x/y allow
query prefix.buckle file-read-data /opt/xy deny
query prefix.buckle file-read-data /opt/x deny
query prefix.buckle file-read-metadata /opt/x allow
query prefix.buckle file-read-data /Users/test/a allow
query prefix.buckle file-read-data /Users/test2 deny
query prefix.buckle file-read-data /Users/testx/a deny
query prefix.buckle file-read-data /Users/me/a allow -D HOME=/Users/me/
query prefix.buckle file-read-data /Users/me2 deny -D HOME=/Users/me/
query prefix.buckle file-read-data /usr/x allow -D HOME=/
query prefix.buckle file-write-data /Users/test/project/x allow
query prefix.buckle file-write-data /Users/test/project2 deny
run "fidelity: compile prefix" "$BUCKLE" compile "$F/prefix.buckle"
expect_out_has "fidelity: the written slash is kept" '(prefix "/opt/x/")'
expect_out_has "fidelity: \$HOME/ is HOME.dir (the value with one trailing /)" '(prefix (param "HOME.dir"))'
run "fidelity: compile prefix -D" "$BUCKLE" compile -D HOME=/Users/me// -D WORKDIR=/ "$F/prefix.buckle"
expect_out_has "fidelity: a value with trailing slashes, then the written one" '(prefix "/Users/me/")'
expect_out_has "fidelity: a value / and the written slash are one /" '(allow file-write* (prefix "/"))'

# a written rule of the same path as a traversal rule does not hide it: the
# traversal of /Users/test/b ranks at depth 3, the written "~/b" at 2
cat >"$F/beside.buckle" <<'EOB'
param P = "/Users/test";
files { allow metadata literal "~/b/bc", literal "~/b"; deny read literal "$P/b"; }
EOB
query beside.buckle file-read-metadata /Users/test/b allow
query beside.buckle file-read-metadata /Users/test/b allow -D HOME=/Users/test
query beside.buckle file-read-data /Users/test/b deny

# raw sbpl rules are not carved around final rules (Seatbelt's precedence
# decides them): one of the other action that may meet a final rule's scope
# for an operation both cover is BK2005, with the values where they meet
raw_case() {  # NAME WANT(error|ok) NOTE FINAL RAW
    printf 'files { %s }\nsbpl """\n%s\n""";\n' "$4" "$5" >"$F/raw-$1.buckle"
    run "fidelity: raw $1" "$BUCKLE" compile "$F/raw-$1.buckle"
    if [ "$2" = error ]; then
        expect_rc "fidelity: raw $1 is refused" 1
        expect_err_has "fidelity: raw $1 is BK2005" "BK2005"
        [ -n "$3" ] && expect_err_has "fidelity: raw $1 names the values" "$3"
    else
        expect_rc "fidelity: raw $1 compiles" 0
        expect_out_has "fidelity: raw $1 is copied" "raw sbpl from"
    fi
}
raw_case written error "" 'deny final read "/secret"; allow read "/";' '(allow file-read* (subpath "/secret"))'
raw_case param error "they meet with HOME=/Users/test" 'deny final read "$HOME/.ssh";' \
    '(allow file-read-data (literal (string-append (param "HOME") "/.ssh/id_rsa")))'
raw_case spelled error "they meet with HOME=/Users/alice" 'deny final read "~/.ssh";' '(allow file-read* (subpath "/Users/alice/.ssh"))'
raw_case above error "they meet with HOME=/Users/test" 'deny final read "~/.ssh";' '(allow file-read* (subpath "/Users"))'
raw_case workdir error "they meet with WORKDIR=/" 'deny final read "~/.ssh";' '(allow file-read* (subpath (param "WORKDIR")))'
raw_case pattern error "may override a final deny" 'deny final read "~/.ssh";' '(allow file-read* (regex #"^/Users/[^/]+/\.ssh/"))'
raw_case any error "" 'deny final read "/secret";' '(allow file-read* (literal "/etc/x") (subpath "/secret/a"))'
many=$(i=0; while [ $i -lt 80 ]; do printf '(literal "/etc/x%d") ' $i; i=$((i + 1)); done)
raw_case many error "" 'deny final read "/secret";' "(allow file-read* $many(subpath \"/secret/a\"))"
raw_case unfiltered error "" 'deny final write "/secret";' '(allow file-write-data)'
raw_case deny error "" 'allow final read "/data";' '(deny file-read-data (literal "/data/x"))'
raw_case carved ok "" 'deny final read "~/.ssh";' \
    '(allow file-read* (require-all (subpath "/Users") (require-not (subpath (string-append (param "HOME") "/.ssh")))))'
# a require-not holds the scope only as written: "~" is not /Users/test for every HOME
raw_case not-written error "they meet with HOME=/" 'deny final write subpath "~";' \
    '(allow file-write* (require-all (subpath "/a/bc") (require-not (subpath "/Users/test"))))'
raw_case elsewhere ok "" 'deny final read "~/.ssh";' '(allow file-read* (literal "/etc/hosts") (literal "/Users/test/.sshx"))'
# every value counts: nothing carves a raw rule (HOME=/usr/lib is a value too)
raw_case any-value error "they meet with HOME=/usr/lib" 'deny final read "~/.ssh";' '(allow file-read* (subpath "/usr/lib"))'
raw_case other-op ok "" 'deny final write "~/.ssh";' '(allow file-read* (subpath "/Users/test/.ssh"))'
raw_case same-action ok "" 'deny final read "~/.ssh";' '(deny file-read* (subpath "/Users/test/.ssh/x"))'
# the metadata a final write allow gives below its path is a traversal
# rule, not final: a raw deny of it overrides no final rule
raw_case write-meta ok "" 'allow final write glob "~/**";' '(deny file-read-metadata (subpath "/Users/test"))'
# a raw path is read as written and canonically ("//", ".", "..", a trailing
# "/", /tmp under /private): Seatbelt compares the string as written, but no
# spelling of a path inside a final rule's scope passes the check
raw_case slash error "they meet with HOME=/Users/test" 'deny final read "~/.ssh";' '(allow file-read* (subpath "/Users/"))'
raw_case slash-lit error "" 'deny final read "/Users/test/.ssh";' '(allow file-read* (literal "/Users/test/.ssh/"))'
raw_case dslash error "" 'deny final read "/Users/test/.ssh";' '(allow file-read* (subpath "/Users//test"))'
raw_case dot error "" 'deny final read "/Users/test/.ssh";' '(allow file-read* (subpath "/Users/./test"))'
raw_case dotdot error "" 'deny final read "/Users/test/.ssh";' '(allow file-read* (subpath "/Users/x/../test/.ssh"))'
raw_case dotdot-prefix error "" 'deny final read "/Users/test/.ssh";' '(allow file-read* (prefix "/Users/x/../t"))'
raw_case appended error "" 'deny final read "/a/b";' '(allow file-read* (subpath (string-append "/a" "/")))'
raw_case tmp error "" 'deny final read "/tmp/x";' '(allow file-read* (subpath "/tmp"))'
raw_case tmp-regex error "" 'deny final read "/tmp/x";' '(allow file-read* (regex #"^/tmp/x"))'
raw_case two-strings error "" 'deny final read "/a/b";' '(allow file-read* (subpath "/c" "/a/"))'
raw_case in-all error "" 'deny final read "/a/b";' '(allow file-read* (require-all (subpath "/a/") (vnode-type REGULAR-FILE)))'
raw_case dotdot-away ok "" 'deny final read "/Users/test/.ssh";' '(allow file-read* (prefix "/Users/x/../u"))'
raw_case two-away ok "" 'deny final read "/a/b";' '(allow file-read* (subpath "/c" "/d/"))'
# a parameter without a value: the values that put them together
printf 'param P;\nfiles { allow final read subpath "$P/.ssh"; }\nsbpl """\n(deny file-read-metadata (regex #"^/a(/.*)?$"))\n""";\n' >"$F/raw-noval.buckle"
run "fidelity: raw noval" "$BUCKLE" compile "$F/raw-noval.buckle"
expect_rc "fidelity: a raw rule against a final rule of a parameter without a value" 1
expect_err_has "fidelity: ... names a value where they meet" "they meet with P=/a"
# a misc rule's raw filter is a raw rule too; the error points at its string
cat >"$F/raw-misc.buckle" <<'EOB'
misc { deny final iokit-open; allow iokit-open sbpl "(iokit-user-client-class \"X\")"; }
EOB
run "fidelity: raw misc filter" "$BUCKLE" compile "$F/raw-misc.buckle"
expect_rc "fidelity: a raw misc filter against a final rule is refused" 1
expect_err_has "fidelity: ... at its string" "raw-misc.buckle:1:53: error: this raw sbpl allow overrides a final deny"

# a name regex that starts with a parameter: the value is a name, not the
# root of a path (no BK2008 for a value without "/", no traversal)
cat >"$F/names.buckle" <<'EOB'
param SVC = "com.example";
mach { allow lookup regex "^${SVC}\\.agent$"; }
sysctl { allow read regex "^${SVC}"; }
EOB
for q in "mach lookup com.example.agent" "sysctl read com.example.x"; do
    # shellcheck disable=SC2086
    run "fidelity: names $q" "$BUCKLE" query "$F/names.buckle" $q
    expect_rc "fidelity: names $q decides" 0
    expect_out_has "fidelity: names $q is allowed" "allow ${q##* }"
    expect_out_has "fidelity: names $q: compiled SBPL agrees" "compiled SBPL agrees"
done
run "fidelity: name regex lookalike" "$BUCKLE" query "$F/names.buckle" mach lookup comXexample.agent
expect_out_has "fidelity: ... the value's dot is quoted" "deny comXexample.agent"
run "fidelity: name regex -D" "$BUCKLE" compile -D SVC=org.x "$F/names.buckle"
expect_rc "fidelity: -D with a name value" 0
expect_out_has "fidelity: ... quoted into the regex" '(global-name-regex "^org\\.x\\.agent$")'
expect_out_lacks "fidelity: ... and no traversal" 'file-read-metadata (regex'

# a value that puts a path under /tmp, /var or /etc: the kernel sees it under
# /private, so the rule must name it there ("$P/etc/x" with P=/, "/$D/x"
# with D=tmp), with -D, in the compact form and in the symbolic output
cat >"$F/alias.buckle" <<'EOB'
param ROOT = "/";
param SUB = "tmp";
files {
    allow read "/";
    deny read "$ROOT/etc/master.passwd";
    deny read prefix "$ROOT/var/db/x";
    deny read glob "$ROOT/tmp/*.key";
    deny read "/$SUB/secret";
}
test "under /private" {
    expect deny files read "/etc/master.passwd";
    expect deny files read "/private/var/db/xy";
    expect deny files read "/tmp/a.key";
    expect deny files read "/private/tmp/secret";
    expect allow files read "/etc/hosts";
}
EOB
query alias.buckle file-read-data /private/etc/master.passwd deny
query alias.buckle file-read-data /private/var/db/xy deny
query alias.buckle file-read-data /private/tmp/a.key deny
query alias.buckle file-read-data /private/tmp/secret deny
query alias.buckle file-read-data /private/tmp/secret deny -D SUB=tmp
query alias.buckle file-read-data /private/etc/master.passwd deny -D ROOT=/
query alias.buckle file-read-data /private/etc/master.passwd allow -D ROOT=/home
query alias.buckle file-read-data /home/etc/master.passwd deny -D ROOT=/home
query alias.buckle file-read-data /home/tmp/a.key deny -D ROOT=/home
query alias.buckle file-read-data /private/tmp/a.key allow -D ROOT=/home
query alias.buckle file-read-data /a/b/secret deny -D SUB=a/b
query alias.buckle file-read-data /private/tmp/secret allow -D SUB=a/b
run "fidelity: alias test block" "$BUCKLE" test "$F/alias.buckle"
expect_rc "fidelity: the test block passes against the symbolic output" 0
run "fidelity: alias compile" "$BUCKLE" compile "$F/alias.buckle"
expect_out_has "fidelity: symbolic: ROOT.pdir before etc" '(subpath (string-append (param "ROOT.pdir") "etc/master.passwd"))'
expect_out_has "fidelity: symbolic: ROOT.pre before tmp in a glob" '(param "ROOT.pre") "/tmp/'
expect_out_has "fidelity: symbolic: SUB.root after the root" '(subpath (string-append (param "SUB.root") "/secret"))'
for form in "" --compact; do
    run "fidelity: alias compile -D $form" "$BUCKLE" compile $form -D ROOT=/ -D SUB=tmp "$F/alias.buckle"
    expect_out_has "fidelity: -D $form: /private/var" '(prefix "/private/var/db/x")'
    expect_out_lacks "fidelity: -D $form: no bare /etc" '"/etc/master'
    expect_out_lacks "fidelity: -D $form: no bare /tmp" '"/tmp/secret'
    expect_out_lacks "fidelity: -D $form: no glob regex at the root" '^/?/tmp'
done

# repeated globstars after a wildcard mean one: no traversal reaches past a deny
cat >"$F/globstars.buckle" <<'EOB'
files { allow read glob "/u/*/**/**"; deny read "/u/v/secret"; }
EOB
query globstars.buckle file-read-metadata /u/v/secret/k deny
query globstars.buckle file-read-metadata /u/v/secret deny
query globstars.buckle file-read-data /u/v/other allow

# a directory the allow itself matches with all below it (a glob's trailing
# "/**", a prefix "/", a regex "^/") gets no traversal rule: its metadata is
# the allow's own, ranked as the allow, so a deny as specific or more wins
# there, as for a subpath; the directories above it are still traversed
cat >"$F/globdir.buckle" <<'EOB'
param P = "/m/b/c";
files {
    allow read glob "~/proj/**";
    deny read "/Users/test/proj";
    allow read glob "/a/b/**";
    deny read glob "/a/b/**";
    allow read glob "/c/*/**";
    deny read "/c/x";
    allow write glob "$P/b/**";
    deny metadata prefix "/m/b/c";
    allow read regex "^/[q-r]+/x$";
    deny read regex "^/$";
}
EOB
query globdir.buckle file-read-metadata /Users/test/proj deny
query globdir.buckle file-read-metadata /Users/test/proj deny -D HOME=/Users/test
query globdir.buckle file-read-metadata /Users/test allow
query globdir.buckle file-read-metadata /a/b deny
query globdir.buckle file-read-metadata /a allow
query globdir.buckle file-read-metadata /c/x deny
query globdir.buckle file-read-metadata /c/y allow
query globdir.buckle file-read-metadata /c allow
query globdir.buckle file-read-metadata /m/b/c/b deny
query globdir.buckle file-read-metadata /m/b/c/b deny -D P=/m/b/c
query globdir.buckle file-read-metadata /m/b/c allow
query globdir.buckle file-write-data /m/b/c/b/x allow
query globdir.buckle file-read-metadata /r/x allow
query globdir.buckle file-read-metadata / allow
for m in 'prefix "/"' 'regex "^/"'; do
    printf 'files { allow read %s; deny read %s; }\n' "$m" "$m" >"$F/rootself.buckle"
    query rootself.buckle file-read-metadata / deny
done

# a whole-component "*" names an entry, never the root: with P=/ the deny of
# "/" is not outranked at "/" by the traversal of "/*/x"
cat >"$F/rootstar.buckle" <<'EOB'
param P;
files { allow read glob "/*/x"; deny read "$P"; }
EOB
query rootstar.buckle file-read-metadata / deny -D P=/
query rootstar.buckle file-read-metadata /a allow -D P=/
query rootstar.buckle file-read-data /a/x deny -D P=/a

# a pattern whose fixed part is the root: every match is below "/", so "/"
# is traversed (metadata), as for any other pattern's ancestors
cat >"$F/rootfixed.buckle" <<'EOB'
files { allow read glob "/[ab]/c"; allow write glob "/*"; }
EOB
query rootfixed.buckle file-read-metadata / allow
query rootfixed.buckle file-read-data /a/c allow
query rootfixed.buckle file-read-data /c/c deny
query rootfixed.buckle file-write-data /x allow
query rootfixed.buckle file-write-data / deny

# a relative value of several components inside a path ("/x/$SUB/y" with
# SUB=a/b) puts ancestors inside the value: every one gets the traversal
# (metadata), ranked as a literal at its own depth, symbolically (NAME.up)
# and with -D, and a deny of the same depth still wins the tie
cat >"$F/multi.buckle" <<'EOB'
param SUB = "a/b";
files {
    allow read "/x/$SUB/y";
    allow write "~/q${SUB}z/w";
    deny metadata literal "/x/c/d";
    deny read "/x";
}
EOB
for d in "" "-D SUB=a/b"; do
    # shellcheck disable=SC2086
    query multi.buckle file-read-metadata /x allow $d
    # shellcheck disable=SC2086
    query multi.buckle file-read-metadata /x/a allow $d
    # shellcheck disable=SC2086
    query multi.buckle file-read-metadata /x/a/b allow $d
    # shellcheck disable=SC2086
    query multi.buckle file-read-data /x/a/b/y allow $d
    # shellcheck disable=SC2086
    query multi.buckle file-read-metadata /x/a/c deny $d
    # shellcheck disable=SC2086
    query multi.buckle file-read-metadata /x/ab deny $d
    # shellcheck disable=SC2086
    query multi.buckle file-read-metadata /Users/test/qa allow $d
    # shellcheck disable=SC2086
    query multi.buckle file-read-metadata /Users/test/qa/bz allow $d
done
for d in "" "-D SUB=c/d/e"; do
    # shellcheck disable=SC2086
    query multi.buckle file-read-metadata /x/c allow -D SUB=c/d/e $d
    # shellcheck disable=SC2086
    query multi.buckle file-read-metadata /x/c/d deny -D SUB=c/d/e $d
    # shellcheck disable=SC2086
    query multi.buckle file-read-metadata /x/c/d/e allow -D SUB=c/d/e $d
done
query multi.buckle file-read-metadata /x/a/a deny -D SUB=a
query multi.buckle file-read-metadata /x/a allow -D SUB=a/a
run "fidelity: compile multi" "$BUCKLE" compile "$F/multi.buckle"
expect_out_has "fidelity: the ancestors inside a value are NAME.up" '(regex (string-append "^/x/" (param "SUB.up") "$"))'
expect_out_has "fidelity: the header names SUB.up" "SUB SUB.dir SUB.foldfirst SUB.ifnoslash SUB.ifslash SUB.up"
run "fidelity: compile multi -D" "$BUCKLE" compile -D SUB=c/d/e "$F/multi.buckle"
expect_out_has "fidelity: with -D the ancestors inside the value are literals" '(allow file-read-metadata (literal "/x/c"))'
expect_out_has "fidelity: with -D, before a symbolic one, a regex of the value's ancestors" '"/q(c|c/d)$"'

# a relative value right after the root can put a pattern under /private:
# "/$D/*.txt" with D=tmp is /private/tmp/... to the kernel, symbolically
# (NAME.rootre) as with -D
cat >"$F/rootrel.buckle" <<'EOB'
param D = "tmp";
files { allow read glob "/$D/*.txt"; }
EOB
query rootrel.buckle file-read-data /private/tmp/a.txt allow
query rootrel.buckle file-read-data /private/tmp/a.txt allow -D D=tmp
query rootrel.buckle file-read-data /usr/a.txt allow -D D=usr
query rootrel.buckle file-read-data /private/usr/a.txt deny -D D=usr
run "fidelity: compile rootrel" "$BUCKLE" compile "$F/rootrel.buckle"
expect_out_has "fidelity: a relative root component of a glob is NAME.rootre" '(param "D.rootre")'

# an allow of a read, write or exec operation without metadata over a
# subtree (file-read-data, file-read-xattr, write, exec) allows metadata
# wherever it allows, ranked as itself: every directory it covers may hold
# an object it allows; a more specific deny of metadata or read inside wins
cat >"$F/below.buckle" <<'EOB'
files {
    allow file-read-data "/a";
    allow file-read-xattr glob "/g/*/**";
    deny metadata "/a/m";
    deny read literal "/a/r";
    deny file-read-data "/a/d";
}
EOB
query below.buckle file-read-metadata /a allow
query below.buckle file-read-metadata /a/b/c allow
query below.buckle file-read-metadata /a/m deny
query below.buckle file-read-metadata /a/m/x deny
query below.buckle file-read-data /a/m/x allow
query below.buckle file-read-metadata /a/r deny
query below.buckle file-read-metadata /a/r/x allow
query below.buckle file-read-metadata /a/d/x allow
query below.buckle file-read-data /a/d/x deny
query below.buckle file-read-metadata /g/x/y allow
query below.buckle file-read-metadata /g allow
query below.buckle file-read-data /g/x/y deny

# a root parameter with text glued to it ("${P}b/c") is traversed through
# its value's ancestors, like "$P/b/c"
cat >"$F/glued.buckle" <<'EOB'
param P = "/u/me";
files { allow read "${P}b/c"; }
EOB
query glued.buckle file-read-metadata / allow
query glued.buckle file-read-metadata /u allow
query glued.buckle file-read-metadata /u/meb allow
query glued.buckle file-read-metadata /u/me deny
query glued.buckle file-read-metadata /v/w allow -D P=/v/w/x
query glued.buckle file-read-metadata /v/w/x deny -D P=/v/w/x

# a relative value of several components right after the root: its
# ancestors as the kernel sees them (/private/tmp for D=tmp/x)
cat >"$F/rootmulti.buckle" <<'EOB'
param D = "tmp/x";
files { allow read "/$D/y"; }
EOB
for d in "" "-D D=tmp/x"; do
    # shellcheck disable=SC2086
    query rootmulti.buckle file-read-metadata /private/tmp allow $d
    # shellcheck disable=SC2086
    query rootmulti.buckle file-read-metadata /private/tmp/x allow $d
    # shellcheck disable=SC2086
    query rootmulti.buckle file-read-data /private/tmp/x/y allow $d
done
query rootmulti.buckle file-read-metadata /usr/lib allow -D D=usr/lib/z
query rootmulti.buckle file-read-metadata /private/usr deny -D D=usr/lib/z
run "fidelity: compile rootmulti" "$BUCKLE" compile "$F/rootmulti.buckle"
expect_out_has "fidelity: after the root the value's ancestors are NAME.uproot" '(regex (string-append "^" (param "D.uproot") "$"))'

# values that make the first component tmp, var or etc in a way no derived
# parameter spells ("$P/$D" with P=/ and D=tmp, "/t$X" with X=mp): the
# symbolic output adds the path under /private, guarded to hold only there,
# so a deny there is not lost; /private itself is traversed for "$P/$D" and
# "/$D" (NAME.ifroot, NAME.ifalias), not for text glued to a value
cat >"$F/alias.buckle" <<'EOB'
param P = "/";
param D = "tmp/x";
param X = "mp";
files {
    allow read "/private";
    allow read "$P/$D/y";
    deny read "$P/$D/y/no";
    allow write "/t$X/z/w";
    deny read "/t$X/z/w/no";
    allow read "/$X/q";
}
EOB
for d in "" "-D P=/ -D D=tmp/x -D X=mp"; do
    # shellcheck disable=SC2086
    query alias.buckle file-read-data /private/tmp/x/y/no deny $d
    # shellcheck disable=SC2086
    query alias.buckle file-read-data /private/tmp/x/y/ok allow $d
    # shellcheck disable=SC2086
    query alias.buckle file-read-data /private/tmp/z/w/no deny $d
    # shellcheck disable=SC2086
    query alias.buckle file-write-data /private/tmp/z/w/ok allow $d
    # shellcheck disable=SC2086
    query alias.buckle file-read-metadata /private/tmp/x allow $d
    # shellcheck disable=SC2086
    query alias.buckle file-read-metadata /private/tmp allow $d
done
query alias.buckle file-read-data /a/usr/y/no deny -D P=/a -D D=usr
query alias.buckle file-read-data /private/a/usr/y allow -D P=/a -D D=usr
query alias.buckle file-read-metadata /private allow -D P=/ -D D=etc -D X=usr
query alias.buckle file-read-metadata /private allow -D P=/a -D D=etc -D X=var
run "fidelity: compile alias" "$BUCKLE" compile "$F/alias.buckle"
expect_out_has "fidelity: a value-made alias is guarded" '(regex "^/private/(tmp|var|etc)(/|$)")'
expect_out_has "fidelity: /private is an ancestor when a value makes the alias" '(literal (string-append "/private" (param "P.ifroot") (param "D.ifalias")))'

# an escaped ordinary character ("\\t") and a bracket of one character
# ("[t]") are plain text of a glob: "/e\\tc/x" is /etc/x, which the kernel
# sees as /private/etc/x, with and without a parameter before it
cat >"$F/escalias.buckle" <<'EOB'
param P = "/";
files {
    allow read "/";
    deny read glob "${P}/tm\\p/secret";
    deny read glob "/e\\tc/secret";
    deny read glob "$P/[v]ar/secret";
    deny read glob "/[e]t[c]/key/*";
    deny read glob "/a/\\*/[*]";
}
EOB
for d in "" "-D P=/"; do
    # shellcheck disable=SC2086
    query escalias.buckle file-read-data /private/tmp/secret deny $d
    # shellcheck disable=SC2086
    query escalias.buckle file-read-data /private/etc/secret/k deny $d
    # shellcheck disable=SC2086
    query escalias.buckle file-read-data /private/var/secret deny $d
    # shellcheck disable=SC2086
    query escalias.buckle file-read-data /private/etc/key/a deny $d
    # shellcheck disable=SC2086
    query escalias.buckle file-read-data /a/*/* deny $d
    # shellcheck disable=SC2086
    query escalias.buckle file-read-data /a/b/* allow $d
    # shellcheck disable=SC2086
    query escalias.buckle file-read-data /private/etc/other allow $d
done
run "fidelity: compile escalias" "$BUCKLE" compile "$F/escalias.buckle"
expect_out_has "fidelity: an escaped character is plain text (/private)" '(regex "^/private/etc/secret(/.*)?$")'
expect_out_has "fidelity: a one-character bracket is plain text (/private)" '(regex "^/private/etc/key/[^/]+(/.*)?$")'
expect_out_has "fidelity: an escaped metacharacter stays one" '(regex "^/a/\\*/\\*(/.*)?$")'
run "fidelity: compile escalias -D P=/" "$BUCKLE" compile -D P=/ "$F/escalias.buckle"
expect_out_has "fidelity: with -D the escaped /tmp is under /private" '(regex "^/private/?/tmp/secret(/.*)?$")'

# a root parameter glued to text that ends tmp, var or etc ("${P}p/x" with
# P=/tm): the symbolic output adds the path under /private, guarded
cat >"$F/gluealias.buckle" <<'EOB'
param P = "/tm";
param V = "/v";
files {
    allow read "/";
    deny read "${P}p/secret";
    deny read literal "${P}p/lit";
    deny read prefix "${V}ar/pre";
    deny read glob "${P}p/g/*";
    deny read "${P}x/other";
}
EOB
for d in "" "-D P=/tm -D V=/v"; do
    # shellcheck disable=SC2086
    query gluealias.buckle file-read-data /private/tmp/secret/k deny $d
    # shellcheck disable=SC2086
    query gluealias.buckle file-read-data /private/tmp/lit deny $d
    # shellcheck disable=SC2086
    query gluealias.buckle file-read-data /private/var/prefix deny $d
    # shellcheck disable=SC2086
    query gluealias.buckle file-read-data /private/tmp/g/a deny $d
    # shellcheck disable=SC2086
    query gluealias.buckle file-read-data /tmx/other deny $d
    # shellcheck disable=SC2086
    query gluealias.buckle file-read-data /private/tmp/g allow $d
done
query gluealias.buckle file-read-data /a/bp/secret deny -D P=/a/b -D V=/v
query gluealias.buckle file-read-data /private/tmp/secret allow -D P=/a/b -D V=/v
run "fidelity: compile gluealias" "$BUCKLE" compile "$F/gluealias.buckle"
expect_out_has "fidelity: glued text ending tmp is guarded" '(regex (string-append "^/private(" (param "P.foldfirst") (param "P.ifslash") "p/secret|" (param "P.foldfirst") (param "P.ifnoslash") "[pP]/secret)(/.*)?$"))'
expect_out_lacks "fidelity: glued text that ends no alias is not guarded" '"/private" (param "P") "x/other"'
# a value glued to text in the first component ("/t$X", "${P}p", "$R/t$X"
# with R=/) is not traversed through /private, with -D as symbolically; a
# value that is the whole first component ("/$D") is
for k in literal subpath prefix glob; do
    printf 'param X;\nparam P;\nparam R;\nfiles { allow file-write-data %s "/t$X/y", %s "${P}p/z", %s "$R/t$X/w"; }\n' \
        "$k" "$k" "$k" >"$F/gluetrav.buckle"
    query gluetrav.buckle file-read-metadata /private deny -D X=mp -D P=/tm -D R=/
    query gluetrav.buckle file-read-metadata /private/tmp allow -D X=mp -D P=/tm -D R=/
    run "fidelity: compile gluetrav $k" "$BUCKLE" compile -D X=mp -D P=/tm -D R=/ "$F/gluetrav.buckle"
    expect_out_lacks "fidelity: $k glued: no traversal of /private with -D" '(literal "/private")'
    printf 'param D;\nfiles { allow file-write-data %s "/$D/y"; }\n' "$k" >"$F/wholetrav.buckle"
    query wholetrav.buckle file-read-metadata /private allow -D D=tmp
done

# a raw rule whose string holds parameters with values meets a final rule
# that is a parameter alone: "$Q" with Q the raw rule's own path
cat >"$F/rawparam.buckle" <<'EOB'
param Q;
files { deny final metadata literal "$Q"; }
sbpl """
(allow file-read-metadata (literal (string-append (param "HOME") "/.ssh")))
""";
EOB
run "fidelity: raw rule with parameters against a final parameter" "$BUCKLE" compile "$F/rawparam.buckle"
expect_rc "fidelity: raw rule with parameters against a final parameter is refused" 1
expect_err_has "fidelity: raw rule with parameters against a final parameter is BK2005" "BK2005"
expect_err_has "fidelity: raw rule with parameters against a final parameter names the values" "HOME=/Users/test Q=/Users/test/.ssh"

# a component of a raw rule's path is a candidate value: (subpath "/a/b")
# meets the final "/a/$USER/b.c/b" with USER=b
raw_case component error "they meet with USER=b" 'allow final write "/a/$USER/b.c/b";' '(deny file-write* (subpath "/a/b"))'

# a value that moves an allowed path under /tmp, /var or /etc: /private is
# an ancestor too ("~/etc/x" with HOME=/), and the traversal regexes inside
# a glob's wildcards are written as the kernel sees them
cat >"$F/privtrav.buckle" <<'EOB'
param R = "usr";
files {
    allow read subpath "~/etc/x";
    allow read glob "~/tmp/[a-c]*/x/[!a]";
    allow read glob "/${R}/c/*";
}
EOB
for d in "-D HOME=/" "-D HOME=/ -D R=usr"; do
    # shellcheck disable=SC2086
    query privtrav.buckle file-read-metadata /private allow $d
    # shellcheck disable=SC2086
    query privtrav.buckle file-read-metadata /private/etc allow $d
    # shellcheck disable=SC2086
    query privtrav.buckle file-read-metadata /private/tmp/b allow $d
    # shellcheck disable=SC2086
    query privtrav.buckle file-read-metadata /private/tmp/b/x allow $d
    # shellcheck disable=SC2086
    query privtrav.buckle file-read-data /private/tmp/b/x/c allow $d
    # shellcheck disable=SC2086
    query privtrav.buckle file-read-metadata /private/tmp/d deny $d
done
query privtrav.buckle file-read-metadata /private/tmp/c allow -D R=tmp
query privtrav.buckle file-read-metadata /private deny -D HOME=/Users/x
query privtrav.buckle file-read-metadata /Users/x/tmp/b allow -D HOME=/Users/x
query privtrav.buckle file-read-metadata /private/tmp/b deny -D HOME=/Users/x -D R=usr
run "fidelity: compile privtrav" "$BUCKLE" compile "$F/privtrav.buckle"
expect_out_has "fidelity: symbolically /private is traversed for \$HOME/etc" '(literal (string-append "/private" (param "HOME.ifroot")))'
expect_out_has "fidelity: symbolically a glob's inner traversal is under /private" '(regex (string-append "^" (param "HOME.pre") "/tmp/[a-c][^/]*$"))'

# the black-box findings' repros: a glob starting with a relative parameter
# right after the root (D=tmp), the ancestors of "${P}x" (glued text) and of
# a relative value of several components ("/a/${R}/f", R=b/c)
cat >"$F/rootglob.buckle" <<'EOB'
param D = "tmp";
files {
    allow read "/";
    deny read glob "/${D}/secret/*";
}
EOB
cat >"$F/glued.buckle" <<'EOB'
param P = "/a/b";
param R = "b/c";
files {
    allow read literal "${P}x";
    allow write "${P}y";
    allow read prefix "${P}z/w/";
    allow read "/q/${R}/f";
}
EOB
for d in "" "-D D=tmp"; do
    # shellcheck disable=SC2086
    query rootglob.buckle file-read-data /private/tmp/secret/key deny $d
    # shellcheck disable=SC2086
    query rootglob.buckle file-read-data /private/tmp/secret allow $d
done
for d in "" "-D P=/a/b -D R=b/c"; do
    for o in / /a /a/bz /a/bz/w /q /q/b /q/b/c; do
        # shellcheck disable=SC2086
        query glued.buckle file-read-metadata "$o" allow $d
    done
    # shellcheck disable=SC2086
    query glued.buckle file-read-metadata /a/c deny $d
done
run "fidelity: compile rootglob symbolically" "$BUCKLE" compile "$F/rootglob.buckle"
expect_out_has "fidelity: the root glob reads D.rootre" '(regex (string-append "^" (param "D.rootre") "/secret/[^/]+(/.*)?$"))'

# an object with a "." or ".." component is an error in query and test (the
# kernel resolves it; a text match would certify the opposite decision)
cat >"$F/dots.buckle" <<'EOB'
files {
    allow read "/usr";
    deny read "/usr/secret";
}
test "dot components" {
    expect deny  files read "/usr/secret/../bin/ls";
    expect allow files read "/usr/./secret/key";
}
EOB
run "fidelity: query a .. object" "$BUCKLE" query "$F/dots.buckle" files read /usr/secret/../bin/ls
expect_rc "fidelity: query a .. object is a usage error" 2
expect_err_has "fidelity: query a .. object says why" 'object "/usr/secret/../bin/ls" has a "." or ".." component'
run "fidelity: query a . object" "$BUCKLE" query "$F/dots.buckle" file-read-data /usr/./secret/key
expect_rc "fidelity: query a . object is a usage error" 2
run "fidelity: test . and .. objects" "$BUCKLE" test "$F/dots.buckle"
expect_rc "fidelity: test with . and .. objects fails" 1
expect_out_has "fidelity: test names the .. expectation at file:line:col" 'dots.buckle:6:5: error: the object "/usr/secret/../bin/ls" has a "." or ".." component'
expect_out_has "fidelity: test names the . expectation at file:line:col" 'dots.buckle:7:5: error: the object "/usr/./secret/key" has a "." or ".." component'
expect_out_has "fidelity: both expectations fail" '0 passed, 2 failed'
run "fidelity: query a name with dots" "$BUCKLE" query "$F/dots.buckle" mach lookup ../x
expect_rc "fidelity: a name object may hold dots" 0

# a prefix string that ends inside /tmp, /var or /etc: paths under the alias
# are matched under /private (a subpath there), the rest as written
cat >"$F/prefalias.buckle" <<'EOB'
files {
    allow write "/";
    deny write prefix "/tmp";
    deny write prefix "/e";
    deny write prefix "/var/";
}
EOB
query prefalias.buckle file-write-data /tmpfoo deny
query prefalias.buckle file-write-data /private/tmpfoo allow
query prefalias.buckle file-write-data /private/tmp deny
query prefalias.buckle file-write-data /private/tmp/x deny
query prefalias.buckle file-write-data /private/etc/x deny
query prefalias.buckle file-write-data /ex deny
query prefalias.buckle file-write-data /private/ex allow
query prefalias.buckle file-write-data /private/var/x deny
query prefalias.buckle file-write-data /private/varx allow
query prefalias.buckle file-write-data /tmx allow
run "fidelity: compile prefalias" "$BUCKLE" compile "$F/prefalias.buckle"
expect_out_has "fidelity: prefix /tmp keeps the written string" '(deny file-write* (prefix "/tmp"))'
expect_out_has "fidelity: prefix /tmp covers the alias as a subpath" '(deny file-write* (subpath "/private/tmp"))'
expect_out_has "fidelity: prefix /e covers /private/etc" '(deny file-write* (subpath "/private/etc"))'
expect_out_has "fidelity: prefix /var/ is under /private" '(deny file-write* (prefix "/private/var/"))'
# the same prefixes made by values (-D) decide as written: a value that
# makes exactly "/tmp" does not start /private/tmpfoo
cat >"$F/prefparam.buckle" <<'EOB'
param P;
files {
    allow write "/";
    deny write prefix "${P}p";
}
EOB
query prefparam.buckle file-write-data /tmpfoo deny -D P=/tm
query prefparam.buckle file-write-data /private/tmpfoo allow -D P=/tm
query prefparam.buckle file-write-data /private/tmp deny -D P=/tm
query prefparam.buckle file-write-data /private/tmp/x deny -D P=/tm
query prefparam.buckle file-write-data /tmx allow -D P=/tm
query prefparam.buckle file-write-data /private/tmp/xp1 deny -D P=/tmp/x
query prefparam.buckle file-write-data /private/tmp/xq allow -D P=/tmp/x
run "fidelity: compile prefparam -D P=/tm" "$BUCKLE" compile -D P=/tm "$F/prefparam.buckle"
expect_out_has "fidelity: -D P=/tm: the prefix keeps the value as written, the alias a subpath" '(require-any (require-all (prefix "/tmp") (require-not (regex "^/([tT][mM][pP]|[vV][aA][rR]|[eE][tT][cC])(/|$)"))) (subpath "/private/tmp"))'
# a component that is a value ("/$S"), and a value glued in the middle
# ("/t$X"): the same as the text written, with -D and symbolically
printf 'default allow;\nparam S;\nparam X;\nfiles {\n    deny write prefix "/$S";\n    deny read prefix "/t$X";\n}\n' >"$F/prefcomp.buckle"
for o in "/tmpx deny" "/tmp2/a deny" "/private/tmpx allow" "/private/tmp/a deny" "/private/var/a allow"; do
    set -- $o
    query prefcomp.buckle file-write-data "$1" "$2" -D S=tmp -D X=x
done
for o in "/tmpx deny" "/private/tmpx allow" "/private/tmp/a deny"; do
    set -- $o
    query prefcomp.buckle file-read-data "$1" "$2" -D S=x -D X=mp
done
run "fidelity: prefcomp symbolic" "$BUCKLE" compile "$F/prefcomp.buckle"
expect_out_has "fidelity: \"/\$S\" symbolically: the text as written where it is not an alias" '(prefix (string-append "/" (param "S")))'
expect_out_has "fidelity: ... and under /private where it is" '(regex (string-append "^/private/" (param "S.foldfirst")))'

# "$P/" is the value and one "/" (P.dir), canonical as "$P" is: with P=/ it
# is every path, as the decision says (not the guarded pair of a prefix whose
# first component a value makes)
printf 'param P;\nfiles { allow write prefix "$P/"; }\n' >"$F/prefdir.buckle"
run "fidelity: prefdir symbolic" "$BUCKLE" compile "$F/prefdir.buckle"
expect_out_has "fidelity: prefix \"\$P/\" is written with P.dir" '(allow file-write* (prefix (param "P.dir")))'

# a prefix that is one parameter is that value, canonical already: a value
# "/v" is the string /v, not /private/var too (compiled with the value and
# symbolically alike)
printf 'param OUT;\nfiles { allow write prefix "$OUT"; }\n' >"$F/prefwhole.buckle"
query prefwhole.buckle file-write-data /private/var/db/x deny -D OUT=/v
query prefwhole.buckle file-write-data /vx allow -D OUT=/v
query prefwhole.buckle file-write-data /private/etc/x deny -D OUT=/e
printf 'param OUT = "/v";\nfiles { allow write prefix "$OUT"; }\ntest { expect deny files write "/private/var/root/x"; }\n' >"$F/prefwhole2.buckle"
run "fidelity: prefwhole2 test" "$BUCKLE" test "$F/prefwhole2.buckle"
expect_rc "fidelity: a whole-parameter prefix: the profile and its output agree (no compiler bug)" 0

# a name prefix with a parameter ranks by its characters, each parameter
# one: the parameter's name (and value) does not change the decision
qname() {  # FILE SECTION VERB OBJECT WANT -D N=V
    run "query $1 $6 $2 $3 $4" "$BUCKLE" query "$6" "$F/$1" "$2" "$3" "$4"
    expect_rc "fidelity: $1 $6 $2 $3 $4 decides" 0
    expect_out_has "fidelity: $1 $6 $2 $3 $4 is $5" "$5 $4"
    expect_out_has "fidelity: $1 $6 $2 $3 $4: compiled SBPL agrees" "compiled SBPL agrees"
}
for n in S SVCLONGNAME; do
    printf 'param %s;\nmach {\n    allow lookup prefix "com.";\n    deny lookup prefix "${%s}";\n    deny lookup prefix "c${%s}";\n}\nsysctl {\n    allow read prefix "kern.";\n    deny read prefix "${%s}";\n}\n' "$n" "$n" "$n" "$n" >"$F/nameprefix-$n.buckle"
    qname "nameprefix-$n.buckle" mach lookup com.apple.zzz1 allow "-D$n=com.apple.zzz"
    qname "nameprefix-$n.buckle" mach lookup com.x allow "-D$n=om."
    qname "nameprefix-$n.buckle" mach lookup zz1 deny "-D$n=zz"
    qname "nameprefix-$n.buckle" sysctl read kern.osversion allow "-D$n=kern.osv"
done

# process targets: a process is in its own sandbox and process group, and
# its children in its sandbox, so a deny of same-sandbox (or pgrp) denies
# signalling itself, as the output (which carves one from the other) does
printf 'process {\n    allow signal target "self";\n    deny signal target "same-sandbox";\n    allow info target "children";\n    deny info target "same-sandbox";\n}\n' >"$F/targets.buckle"
for t in "signal self deny" "signal others deny" "process-info-pidinfo children deny" "process-info-pidinfo others deny"; do
    # shellcheck disable=SC2086
    set -- $t
    run "fidelity: targets $1 $2" "$BUCKLE" query "$F/targets.buckle" "$1" "$2"
    expect_out_has "fidelity: targets: $1 $2 is $3" "$3 $2"
    expect_out_has "fidelity: targets: $1 $2: compiled SBPL agrees" "compiled SBPL agrees"
done
printf 'process {\n    allow signal target "self";\n    deny signal target "pgrp";\n}\ntest { expect deny process signal "self"; }\n' >"$F/targets-pgrp.buckle"
run "fidelity: targets pgrp" "$BUCKLE" test "$F/targets-pgrp.buckle"
expect_rc "fidelity: targets: a deny of pgrp denies self (test passes)" 0
# a final deny of same-sandbox is overridden by no rule on self
printf 'process {\n    allow signal target "self";\n    deny final signal target "same-sandbox";\n}\n' >"$F/targets-final.buckle"
run "fidelity: targets final" "$BUCKLE" compile "$F/targets-final.buckle"
expect_rc "fidelity: targets: allow self inside a final same-sandbox deny is an error" 1
expect_err_has "fidelity: targets: ... BK2005" "BK2005"
