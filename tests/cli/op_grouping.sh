# op_grouping.sh - the symbolic output (parameters as (param "NAME"), the
# values given to sandbox-exec with -D) decides every request as the output
# compiled with the values does (buckle compile -D, what buckle run uses),
# raw sbpl rules included: Seatbelt ranks a rule on a more concrete operation
# above one on a family, so the generated rules are written on the same
# operation names in both, however the values make the rules overlap.
. tests/lib.sh
D="$TMP/op_grouping"
mkdir -p "$D"

# same_decision NAME FILE "VALUES" "OP OBJECT"...: compiles FILE symbolically
# and with the values (readable and compact), and asks each output, with
# the values, about every request
same_decision() {
    name=$1 f=$2 vals=$3
    shift 3
    dflags=""
    for v in $vals; do dflags="$dflags -D $v"; done
    for form in readable compact; do
        cflag=""
        [ "$form" = compact ] && cflag=--compact
        # shellcheck disable=SC2086
        "$BUCKLE" compile $cflag "$f" -o "$D/sym.sb" 2>"$D/err" || { fail "$name: $form: symbolic compile" "$(cat "$D/err")"; continue; }
        # shellcheck disable=SC2086
        "$BUCKLE" compile $cflag $dflags "$f" -o "$D/val.sb" 2>"$D/err" || { fail "$name: $form: compile -D" "$(cat "$D/err")"; continue; }
        for q in "$@"; do
            # shellcheck disable=SC2086
            a=$("$BUCKLE" query $dflags "$D/sym.sb" $q 2>&1 | head -n 1)
            # shellcheck disable=SC2086
            b=$("$BUCKLE" query $dflags "$D/val.sb" $q 2>&1 | head -n 1)
            if [ -n "$a" ] && [ "$a" = "$b" ]; then pass "$name: $form: $q"
            else fail "$name: $form: $q" "symbolic output with $vals: '$a'; output compiled with them: '$b'"; fi
        done
    done
}

# a verbatim allow of one concrete operation meets a generated deny that the
# symbolic output splits by operation (the traversal of /a/b/bc may be HOME)
printf 'files {\n    deny read literal "~";\n    allow file-write-data literal "/a/b/bc";\n}\n' >"$D/a.buckle"
printf 'sbpl verbatim """\n    (begin (allow file-read-metadata (subpath (param "HOME"))))\n""";\n' >>"$D/a.buckle"
same_decision "verbatim allow of one operation" "$D/a.buckle" "HOME=/a" \
    "file-read-metadata /a" "file-read-data /a" "file-read-xattr /a" "file-read-metadata /a/b"

# a raw allow of a family after a generated deny that a final rule's
# traversal carve-out splits symbolically
printf 'files {\n    deny read "/Users/test/bc", literal "/a";\n    allow final write literal "~/.ssh";\n}\n' >"$D/b.buckle"
printf 'sbpl """\n    (allow file-read* (require-not (subpath "/Users/test")))\n""";\n' >>"$D/b.buckle"
same_decision "raw allow of a family" "$D/b.buckle" "HOME=/Users/test USER=test" \
    "file-read-data /a" "file-read-metadata /a" "file-read-xattr /a" "file-read-data /Users/test/bc/x"

# a raw deny of a family meets a generated allow that a final deny's
# carve-out splits symbolically (P may hold it), not with P=/a/b
printf 'param P;\nfiles {\n    deny final file-read-data literal "/Users/$USER/.ssh/c";\n    allow read "$P";\n}\n' >"$D/c.buckle"
printf 'sbpl """\n    (deny file-read* (literal (param "P") "/Users/test"))\n""";\n' >>"$D/c.buckle"
same_decision "raw deny of a family" "$D/c.buckle" "P=/a/b USER=test HOME=/Users/test" \
    "file-read-data /a/b" "file-read-metadata /a/b" "file-read-xattr /a/b" "file-read-data /a/b/c"
# and with P holding the final rule's path, where the carve-out decides
same_decision "raw deny of a family, P holds the final path" "$D/c.buckle" "P=/Users/test/.ssh USER=test HOME=/Users/test" \
    "file-read-data /Users/test/.ssh/c" "file-read-metadata /Users/test/.ssh/c" "file-read-data /Users/test/.ssh"

# the -D output names each operation group as the symbolic one does
"$BUCKLE" compile --compact -D P=/a/b -D USER=test "$D/c.buckle" -o "$D/c.sb" 2>/dev/null
run "raw deny of a family: -D output" cat "$D/c.sb"
expect_out_has "the -D output writes the allow on the operations the symbolic output splits it into" \
    '(allow file-read-data file-read-metadata file-read-xattr (subpath "/a/b"))'
