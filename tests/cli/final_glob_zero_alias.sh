# final_glob_zero_alias.sh - a glob that starts with a globstar ("/**/C/x")
# also matches with the globstar as no component at all ("/C/x"), so C is
# a first component: where a value (or the written text) makes it tmp, var
# or etc in another case of its letters ("TMP", "Tmp"), that is the /tmp
# link and the kernel's path is under /private (docs/language.md). The
# decision procedure, the -D output (plain and --compact, what buckle run
# compiles) and the symbolic output all deny there.
. tests/lib.sh
D=$(scratch_dir final_glob_zero_alias)

printf 'param P;\nfiles {\n  allow read "/";\n  deny final read glob "/**/${USER}/x";\n  deny final read glob "$P/**/${USER}/y";\n  deny final read glob "$P/**/TMP/w";\n}\n' >"$D/final.buckle"
printf 'files {\n  allow read "/";\n  deny read glob "/**/TMP/x";\n}\n' >"$D/written.buckle"

# the profile's own decision, with the compiled SBPL beside it
for user in TMP Tmp; do
    for obj in /private/tmp/x /private/tmp/x/k /private/tmp/y; do
        run "glob zero alias: query $obj USER=$user" "$BUCKLE" query "$D/final.buckle" file-read-data "$obj" -D USER="$user" -D P=/
        expect_out_has "glob zero alias: deny final read glob \"/**/\${USER}/x\" (USER=$user) denies $obj" "deny $obj"
        expect_out_has "glob zero alias: ... and the compiled SBPL agrees ($obj, USER=$user)" "compiled SBPL agrees"
    done
done
run "glob zero alias: query written" "$BUCKLE" query "$D/written.buckle" file-read-data /private/tmp/x
expect_out_has "glob zero alias: deny read glob \"/**/TMP/x\" denies /private/tmp/x" "deny /private/tmp/x"

# the -D outputs, plain and --compact, read by the SBPL evaluator
for form in "" --compact; do
    # shellcheck disable=SC2086
    run "glob zero alias: compile $form -D USER=TMP" "$BUCKLE" compile $form -D USER=TMP -D P=/ "$D/final.buckle" -o "$D/d$form.sb"
    for obj in /private/tmp/x /private/tmp/y/k; do
        run "glob zero alias: -D $form output on $obj" "$BUCKLE" query "$D/d$form.sb" file-read-data "$obj"
        expect_out_has "glob zero alias: the $form -D USER=TMP output denies $obj" "deny $obj"
    done
    run "glob zero alias: -D $form output elsewhere" "$BUCKLE" query "$D/d$form.sb" file-read-data /private/tmp/z
    expect_out_has "glob zero alias: the $form -D USER=TMP output allows /private/tmp/z" "allow /private/tmp/z"
done

# the symbolic output, with the value given to the SBPL
run "glob zero alias: symbolic compile" "$BUCKLE" compile "$D/final.buckle" -o "$D/sym.sb"
for user in TMP Tmp; do
    run "glob zero alias: symbolic USER=$user" "$BUCKLE" query "$D/sym.sb" file-read-data /private/tmp/x -D USER="$user" -D P=/
    expect_out_has "glob zero alias: the symbolic output with USER=$user denies /private/tmp/x" "deny /private/tmp/x"
done
for obj in /private/tmp/y /private/tmp/y/k /private/tmp/w; do
    run "glob zero alias: symbolic P=/ $obj" "$BUCKLE" query "$D/sym.sb" file-read-data "$obj" -D USER=TMP -D P=/
    expect_out_has "glob zero alias: the symbolic output with P=/ USER=TMP denies $obj" "deny $obj"
done
run "glob zero alias: symbolic P=/a" "$BUCKLE" query "$D/sym.sb" file-read-data /private/tmp/y -D USER=TMP -D P=/a
expect_out_has "glob zero alias: the symbolic output with P=/a USER=TMP allows /private/tmp/y" "allow /private/tmp/y"
run "glob zero alias: symbolic P=/a below" "$BUCKLE" query "$D/sym.sb" file-read-data /a/b/TMP/w -D USER=TMP -D P=/a
expect_out_has "glob zero alias: the symbolic output with P=/a denies /a/b/TMP/w" "deny /a/b/TMP/w"
run "glob zero alias: symbolic USER=test" "$BUCKLE" query "$D/sym.sb" file-read-data /private/tmp/x -D USER=test -D P=/
expect_out_has "glob zero alias: the symbolic output with USER=test allows /private/tmp/x" "allow /private/tmp/x"
run "glob zero alias: symbolic USER=test below" "$BUCKLE" query "$D/sym.sb" file-read-data /a/test/x -D USER=test -D P=/
expect_out_has "glob zero alias: the symbolic output with USER=test denies /a/test/x" "deny /a/test/x"
