# alias_value_fold.sh - a value of several components that makes the
# first component an alias ("/t$X" with X=mp/build) is read in any case
# only in that component in the symbolic output (NAME.foldfirst): the
# rest of the value matches as written, as the profile and the output
# compiled with the values decide, on the allow side and the final side.
. tests/lib.sh
D="$TMP/alias_value_fold"
mkdir -p "$D"

# sym NAME RULE VALUE PATH WANT: "allow write RULE" beside an allow of
# /usr, compiled without values, answers WANT for file-write-data PATH with
# the VALUE given to the SBPL (what sandbox-exec -D does with the output)
i=0
sym() {
    n="$1" rule="$2" val="$3" path="$4" want="$5"
    i=$((i + 1))
    printf 'param X;\nparam D;\nparam P;\nfiles {\n  allow read "/usr";\n  allow write %s;\n}\n' "$rule" >"$D/s$i.buckle"
    run "alias value fold: $n compiles" "$BUCKLE" compile "$D/s$i.buckle" -o "$D/s$i.sb"
    run "alias value fold: $n" "$BUCKLE" query "$D/s$i.sb" file-write-data "$path" -D $val
    expect_out_has "alias value fold: symbolic $n with $val: $want $path" "$want $path"
}
sym '"/t$X"' '"/t$X"' X=mp/build /private/tmp/BUILD/x deny
sym '"/t$X" as written' '"/t$X"' X=mp/build /private/tmp/build/x allow
sym '"/t$X" alias in another case' '"/t$X"' X=MP/build /private/tmp/build/x allow
sym '"/t$X" dotfile' '"/t$X"' X=mp/build /private/tmp/Build/.env deny
sym 'prefix "/$D"' 'prefix "/$D"' D=tmp/s /private/tmp/S/x deny
sym 'prefix "/$D" (D=TMP/s)' 'prefix "/$D"' D=TMP/s /private/tmp/S/x deny
sym 'prefix "/$D" as written' 'prefix "/$D"' D=TMP/s /private/tmp/s/x allow
sym 'prefix "/$D/x"' 'prefix "/$D/x"' D=tmp/s /private/tmp/S/x deny
sym 'glob "/$D*"' 'glob "/$D*"' D=tmp/s /private/tmp/Sx deny
sym 'glob "/$D*" as written' 'glob "/$D*"' D=tmp/s /private/tmp/sx allow
sym 'prefix "/t$X"' 'prefix "/t$X"' X=mp/s /private/tmp/S/x deny
sym 'literal "/t$X"' 'literal "/t$X"' X=mp/s /private/tmp/S deny
sym 'glob "/t$X/*"' 'glob "/t$X/*"' X=mp/s /private/tmp/S/x deny
sym 'glob "/T$X/**"' 'glob "/T$X/**"' X=mp/s /private/tmp/S/x deny
sym 'glob "/T$X/**" as written' 'glob "/T$X/**"' X=mp/s /private/tmp/s/x allow
sym 'prefix "$P/$D/x"' 'prefix "$P/$D/x"' 'D=Tmp/S -D P=/' /private/tmp/s/x deny
sym '"/t$X" beyond ASCII' '"/t$X"' X=mp/é /private/tmp/É deny

# the implied traversal of an allow below such a value
printf 'param X;\nfiles {\n  allow read "/usr";\n  allow read "/t$X/k";\n}\n' >"$D/trav.buckle"
run "alias value fold: traversal compiles" "$BUCKLE" compile "$D/trav.buckle" -o "$D/trav.sb"
run "alias value fold: traversal" "$BUCKLE" query "$D/trav.sb" file-read-metadata /private/tmp/S -D X=mp/s
expect_out_has "alias value fold: symbolic traversal of \"/t\$X/k\" (X=mp/s) denies /private/tmp/S" "deny /private/tmp/S"

# the final side: a final deny's value holds in every case of its letters
# (docs/language.md, "Final rules and case"), in the profile and the output
printf 'param X;\nfiles {\n  allow read "/private";\n  deny final read glob "/t$X/x*";\n}\n' >"$D/final.buckle"
run "alias value fold: final compiles" "$BUCKLE" compile "$D/final.buckle" -o "$D/final.sb"
run "alias value fold: final other case" "$BUCKLE" query "$D/final.sb" file-read-data /private/tmp/S/x -D X=mp/s
expect_out_has "alias value fold: symbolic final glob \"/t\$X/x*\" (X=mp/s) denies /private/tmp/S/x" "deny /private/tmp/S/x"
run "alias value fold: final other case, profile" "$BUCKLE" query "$D/final.buckle" file-read-data /private/tmp/S/x -D X=mp/s
expect_out_has "alias value fold: the profile's final glob \"/t\$X/x*\" (X=mp/s) denies /private/tmp/S/x" "deny /private/tmp/S/x"
run "alias value fold: final as written" "$BUCKLE" query "$D/final.sb" file-read-data /private/tmp/s/x -D X=MP/s
expect_out_has "alias value fold: symbolic final glob \"/t\$X/x*\" (X=MP/s) denies /private/tmp/s/x" "deny /private/tmp/s/x"
