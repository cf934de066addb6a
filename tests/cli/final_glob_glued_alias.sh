# final_glob_glued_alias.sh - a glob that starts with a globstar and whose
# next component glues a value to text ("/**/t${USER}/y") matches, with the
# globstar as no component, "/t${USER}/y": with USER=MP that is the /tmp
# link in another case of its letters, whose path the kernel presents as
# /private/tmp/y (docs/language.md). The symbolic output, read with the
# value, answers as the profile and the -D outputs do: for a final deny
# and for an allow, and not for values that make no alias.
. tests/lib.sh
D="$TMP/final_glob_glued_alias"
mkdir -p "$D"

printf 'files {\n  allow read "/";\n  deny final read glob "/**/t${USER}/y";\n  deny final read glob "/**/${USER}p/w*";\n}\n' >"$D/deny.buckle"
printf 'files {\n  allow read glob "/**/t${USER}/y";\n}\n' >"$D/allow.buckle"

run "glob glued alias: symbolic compile (deny)" "$BUCKLE" compile "$D/deny.buckle" -o "$D/deny.sb"
run "glob glued alias: symbolic compile (allow)" "$BUCKLE" compile "$D/allow.buckle" -o "$D/allow.sb"
for user in MP Mp; do
    for obj in /private/tmp/y /private/tmp/y/k; do
        run "glob glued alias: query $obj USER=$user" "$BUCKLE" query "$D/deny.buckle" file-read-data "$obj" -D USER="$user"
        expect_out_has "glob glued alias: the profile denies $obj (USER=$user)" "deny $obj"
        run "glob glued alias: symbolic $obj USER=$user" "$BUCKLE" query "$D/deny.sb" file-read-data "$obj" -D USER="$user"
        expect_out_has "glob glued alias: the symbolic output denies $obj (USER=$user)" "deny $obj"
        run "glob glued alias: symbolic allow $obj USER=$user" "$BUCKLE" query "$D/allow.sb" file-read-data "$obj" -D USER="$user"
        expect_out_has "glob glued alias: the symbolic allow output allows $obj (USER=$user)" "allow $obj"
    done
done
# the value glued on its other side: "${USER}p" with USER=tM is /tMp
run "glob glued alias: symbolic /private/tmp/wz USER=tM" "$BUCKLE" query "$D/deny.sb" file-read-data /private/tmp/wz -D USER=tM
expect_out_has "glob glued alias: the symbolic output denies /private/tmp/wz (USER=tM)" "deny /private/tmp/wz"
# values that make no alias: the path the globstar covers as "private",
# the final deny's value in every case of its letters, and no other
for obj in /private/tea/y /private/Tea/y; do
    run "glob glued alias: symbolic $obj USER=EA" "$BUCKLE" query "$D/deny.sb" file-read-data "$obj" -D USER=EA
    expect_out_has "glob glued alias: the symbolic output denies $obj (USER=EA)" "deny $obj"
    run "glob glued alias: symbolic allow $obj USER=EA" "$BUCKLE" query "$D/allow.sb" file-read-data "$obj" -D USER=EA
    expect_out_has "glob glued alias: the symbolic allow output denies $obj (USER=EA)" "deny $obj"
done
run "glob glued alias: symbolic /private/tez/y USER=EA" "$BUCKLE" query "$D/deny.sb" file-read-data /private/tez/y -D USER=EA
expect_out_has "glob glued alias: the symbolic output allows /private/tez/y (USER=EA)" "allow /private/tez/y"
run "glob glued alias: symbolic /private/tmp/y USER=test" "$BUCKLE" query "$D/deny.sb" file-read-data /private/tmp/y -D USER=test
expect_out_has "glob glued alias: the symbolic output allows /private/tmp/y (USER=test)" "allow /private/tmp/y"
run "glob glued alias: symbolic below" "$BUCKLE" query "$D/deny.sb" file-read-data /a/b/tEA/y -D USER=EA
expect_out_has "glob glued alias: the symbolic output denies /a/b/tEA/y (USER=EA)" "deny /a/b/tEA/y"

# after a root parameter: "$P/" + globstar + "/t${USER}/y" with P=/ is the same
printf 'param P;\nfiles {\n  allow read "/";\n  deny final read glob "$P/**/t${USER}/y";\n}\n' >"$D/root.buckle"
run "glob glued alias: symbolic compile (root)" "$BUCKLE" compile "$D/root.buckle" -o "$D/root.sb"
expect_rc "glob glued alias: the symbolic compile succeeds (root)" 0
run "glob glued alias: symbolic P=/ USER=MP" "$BUCKLE" query "$D/root.sb" file-read-data /private/tmp/y -D USER=MP -D P=/
expect_out_has "glob glued alias: the symbolic output with P=/ USER=MP denies /private/tmp/y" "deny /private/tmp/y"
run "glob glued alias: symbolic P=/a USER=MP" "$BUCKLE" query "$D/root.sb" file-read-data /private/tmp/y -D USER=MP -D P=/a
expect_out_has "glob glued alias: the symbolic output with P=/a USER=MP allows /private/tmp/y" "allow /private/tmp/y"
run "glob glued alias: symbolic P=/a below" "$BUCKLE" query "$D/root.sb" file-read-data /a/x/tMP/y -D USER=MP -D P=/a
expect_out_has "glob glued alias: the symbolic output with P=/a denies /a/x/tMP/y" "deny /a/x/tMP/y"
