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
