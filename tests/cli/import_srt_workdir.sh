# import_srt_workdir.sh - `buckle import --from srt` of settings that name
# "." (the directory srt runs in, $WORKDIR, whose value the import does not
# know): srt's write denies and rename protections win over its allows for
# every directory it runs in, as in srt, where its denies come after its
# allows.  Each case: the settings, the values, a request, srt's decision.
. tests/lib.sh
P=$(scratch_dir import_srt_workdir)
n=0
# case SETTINGS-FILESYSTEM-JSON DEFINES OP PATH WANT
case_() {
    n=$((n + 1))
    printf '{"filesystem":%s,"network":{"allowedDomains":[]}}' "$1" >"$P/s$n.json"
    if ! "$BUCKLE" import --from srt -o "$P/s$n.buckle" "$P/s$n.json" 2>"$P/s$n.err"; then
        fail "srt workdir: $1 imports" "$(head -c 300 "$P/s$n.err")"
        return
    fi
    # shellcheck disable=SC2086
    got=$("$BUCKLE" query -I corpus $2 "$P/s$n.buckle" "$3" "$4" 2>&1 | awk '{print $1; exit}')
    [ "$got" = "$5" ] && pass "srt workdir: $1 $2: $3 $4 is $5" \
        || fail "srt workdir: $1 $2: $3 $4" "got $got, srt: $5: $(grep -v '^ *#' "$P/s$n.buckle" | head -c 600)"
}
# an absolute write deny above "." holds inside it
case_ '{"allowWrite":["."],"denyWrite":["/**/.env"]}' "" file-write-data /Users/test/project/.env deny
case_ '{"allowWrite":["."],"denyWrite":["/**/.env"]}' "-D WORKDIR=/a" file-write-data /a/b/.env deny
case_ '{"allowWrite":["."],"denyWrite":["/**/.env"]}' "-D WORKDIR=/a" file-write-data /a/b/x allow
case_ '{"allowWrite":["."],"denyWrite":["/"]}' "" file-write-data /Users/test/project/x deny
case_ '{"allowWrite":["."],"denyWrite":["/*/x"]}' "-D WORKDIR=/a" file-write-data /a/x deny
case_ '{"allowWrite":["."],"denyWrite":["/*/x"]}' "-D WORKDIR=/a" file-write-data /a/y allow
# a read-denied path in "." cannot be renamed away, nor the directories above it
case_ '{"denyRead":["/**/.env"],"allowWrite":["."]}' "" file-write-unlink /Users/test/project/.env deny
case_ '{"denyRead":["~/.ssh"],"allowWrite":["."]}' "-D WORKDIR=/Users/test" file-write-unlink /Users/test/.ssh deny
case_ '{"denyRead":["~/.ssh"],"allowWrite":["."],"denyWrite":["~/.config/fish/config.fish"]}' "-D WORKDIR=/Users/test" file-write-unlink /Users/test/.config deny
case_ '{"denyRead":["~/.ssh"],"allowWrite":["."]}' "-D WORKDIR=/Users/test" file-write-data /Users/test/x allow
# "." inside an absolute root: srt's protections and relative denies still win
case_ '{"allowWrite":["/Users/test/proj"],"denyWrite":[".env"]}' "-D WORKDIR=/Users/test/proj" file-write-data /Users/test/proj/.git/hooks/pre-commit deny
case_ '{"allowWrite":["/Users/test/proj"],"denyWrite":[".env"]}' "-D WORKDIR=/Users/test/proj" file-write-data /Users/test/proj/.env deny
case_ '{"allowWrite":["/Users/test/proj"],"denyWrite":[".env"]}' "-D WORKDIR=/Users/test/proj" file-write-unlink /Users/test/proj/.git deny
case_ '{"allowWrite":["/Users/test/proj"],"denyWrite":[".env"]}' "-D WORKDIR=/Users/test/proj" file-write-data /Users/test/proj/src/x allow
# a "~" read deny inside a root written without "~": the root cannot be renamed
case_ '{"allowWrite":["/Users/test/proj","/tmp/w"],"denyRead":["~/proj/secret"]}' "" file-write-unlink /Users/test/proj deny
# a relative deny below "." with a root written as "~" or a path that may
# hold "." for some value: not renamed away
case_ '{"allowWrite":["~"],"denyRead":["secret"]}' "" file-write-unlink /Users/test/project/secret deny
case_ '{"allowWrite":["~"],"denyWrite":["./cfg/x"]}' "" file-write-unlink /Users/test/project/cfg deny
# a deny of every path below some depth holds at every root
case_ '{"allowWrite":["."],"denyWrite":["/**"]}' "" file-write-data /Users/test/project/a deny
case_ '{"allowWrite":["."],"denyWrite":["/**"]}' "" file-write-data /Users/test/.npm/_logs/a deny
case_ '{"allowWrite":["."],"denyWrite":["/**"]}' "-D WORKDIR=/x" file-write-data /x/a deny
case_ '{"allowWrite":["~/p"],"denyWrite":["/*/**"]}' "" file-write-data /Users/test/p/a deny
# "." inside a final write deny for a value of WORKDIR: it compiles for that
# value and the final deny decides there (docs/daily.md), as under srt
case_ '{"allowWrite":["."],"denyWrite":["~/proj"]}' "-D WORKDIR=/Users/test/proj/x" file-write-data /Users/test/proj/x/a deny
case_ '{"allowWrite":["."],"denyWrite":["~/proj"]}' "-D WORKDIR=/Users/test/proj/x" file-read-data /Users/test/proj/x/a allow
run "srt workdir: a root inside a final deny compiles for that value" "$BUCKLE" compile -I corpus -D WORKDIR=/Users/test/proj/x "$P/s$n.buckle" -o /dev/null
expect_rc "srt workdir: ... exit 0" 0
