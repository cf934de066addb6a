# final_value_fold.sh - a relative value inside a final path is folded into
# every case of its letters (docs/language.md, "Final rules and case")
# whether or not the text written around it has a letter: "/1/$D" with
# D=Secrets denies /1/secrets as "/q/$D" denies /q/secrets, and
# "$WORKDIR/$CONFIG" with CONFIG=.mcp.json denies making .MCP.JSON.  Checked
# with buckle query on the profile and on the compact output compiled with
# the values (what buckle run hands to sandbox-exec), and symbolically.
. tests/lib.sh
D=$(scratch_dir final_value_fold)

# folded NAME RULE OP PATH VALUES...: a final deny of RULE beside allows of
# everything denies OP on PATH (the value in another case) with the VALUES
i=0
folded() {
    n="$1" rule="$2" op="$3" path="$4"
    shift 4
    i=$((i + 1))
    printf 'param D;\nparam P;\nfiles {\n  allow read "/";\n  allow write "/";\n  deny final %s;\n}\n' "$rule" >"$D/f$i.buckle"
    vt=""
    case $op in file-write-create) vt="--vnode-type DIRECTORY" ;; esac
    # shellcheck disable=SC2086
    run "value fold: query $n" "$BUCKLE" query "$D/f$i.buckle" files "$op" "$path" $vt "$@"
    expect_out_has "value fold: query of deny final $rule denies $op $path ($*)" "deny $path"
    run "value fold: compile $n" "$BUCKLE" compile --compact "$D/f$i.buckle" -o "$D/f$i.sb" "$@"
    expect_rc "value fold: deny final $rule compiles with $*" 0
    # shellcheck disable=SC2086
    run "value fold: compiled $n" "$BUCKLE" query "$D/f$i.sb" "$op" "$path" $vt
    expect_out_has "value fold: compiled deny final $rule ($*) denies $op $path" "deny $path"
    run "value fold: symbolic $n" "$BUCKLE" compile --compact "$D/f$i.buckle" -o "$D/s$i.sb"
    # shellcheck disable=SC2086
    run "value fold: symbolic query $n" "$BUCKLE" query "$D/s$i.sb" "$op" "$path" $vt "$@"
    expect_out_has "value fold: symbolic deny final $rule ($*) denies $op $path" "deny $path"
}
folded 'root "/$D"' 'write "/$D"' file-write-create /SECRETS -D D=secrets
folded 'literal "/$D"' 'write literal "/$D"' file-write-create /SECRETS -D D=secrets
folded 'prefix "/$D"' 'write prefix "/$D"' file-write-create /SECRETS -D D=secrets
folded 'prefix "/$D/"' 'read prefix "/$D/"' file-read-data /secrets/k -D D=Secrets
folded '"/1/$D"' 'read "/1/$D"' file-read-data /1/secrets/k -D D=Secrets
folded '"/_/$D"' 'read "/_/$D"' file-read-data /_/secrets/k -D D=Secrets
folded '"$P/$D" (P=/)' 'read "$P/$D"' file-read-data /secrets/k -D P=/ -D D=Secrets
folded '"/$D/$D"' 'read "/$D/$D"' file-read-data /secrets/SECRETS/k -D D=Secrets
folded '"~/$D"' 'read "~/$D"' file-read-data /Users/u/secrets/k -D HOME=/Users/u -D D=Secrets
folded 'regex "^/1/$D(/|$)"' 'write regex "^/1/$D(/|$)"' file-write-create /1/SECRETS -D D=secrets
folded '"$P/$D" (P=/private/etc)' 'read "$P/$D"' file-read-data /private/etc/secrets -D P=/private/etc -D D=Secrets
folded '"/$D/1" (create)' 'write "/$D/1"' file-write-create /SECRETS/1 -D D=secrets

# the project's configuration file named by a parameter
printf 'param CONFIG = ".mcp.json";\nfiles {\n  allow read "$WORKDIR";\n  allow write "$WORKDIR";\n  deny final write "$WORKDIR/$CONFIG";\n}\n' >"$D/config.buckle"
for op in file-write-create file-write-data; do
    run "value fold: config $op" "$BUCKLE" query "$D/config.buckle" files "$op" /Users/test/proj/.MCP.JSON -D WORKDIR=/Users/test/proj
    expect_out_has "value fold: deny final write \"\$WORKDIR/\$CONFIG\" denies $op .MCP.JSON" "deny /Users/test/proj/.MCP.JSON"
    expect_out_has "value fold: ... implied, in every case of its letters ($op)" "in every case of its letters"
done
run "value fold: config compiled" "$BUCKLE" compile --compact "$D/config.buckle" -o "$D/config.sb" -D WORKDIR=/Users/test/proj -D CONFIG=.mcp.json
expect_rc "value fold: the configuration profile compiles" 0
run "value fold: config compiled query" "$BUCKLE" query "$D/config.sb" file-write-create /Users/test/proj/.MCP.JSON
expect_out_has "value fold: the compiled configuration profile denies creating .MCP.JSON" "deny /Users/test/proj/.MCP.JSON"
# the value as given, and a path outside it, stay as they were
run "value fold: config as given" "$BUCKLE" query "$D/config.sb" file-write-create /Users/test/proj/.mcp.json
expect_out_has "value fold: ... and .mcp.json" "deny /Users/test/proj/.mcp.json"
run "value fold: config elsewhere" "$BUCKLE" query "$D/config.sb" file-write-create /Users/test/proj/.MCP.JSONX
expect_out_has "value fold: ... not .MCP.JSONX" "allow /Users/test/proj/.MCP.JSONX"

# a final allow in another case of the value's letters is BK2005, with a
# written letter around the value or not
printf 'param D;\nfiles {\n  allow read "/";\n  deny final write "/1/$D";\n  allow final write "/1/SECRETS/x";\n}\n' >"$D/pair.buckle"
run "value fold: final pair" "$BUCKLE" compile "$D/pair.buckle" -o /dev/null -D D=secrets
expect_rc "value fold: allow final write \"/1/SECRETS/x\" beside deny final write \"/1/\$D\" (D=secrets) is refused" 1
expect_err_has "value fold: ... in another case of its letters" "in another case of its letters [BK2005"
run "value fold: final pair query" "$BUCKLE" query "$D/pair.buckle" files file-write-create /1/SECRETS/x/k -D D=secrets
expect_rc "value fold: query of the pair with D=secrets refuses too" 1
