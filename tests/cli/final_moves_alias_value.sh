# final_moves_alias_value.sh - a final path deny denies moving its
# ancestors away (docs/language.md); where a value makes the first
# component an alias in another case of its letters ("/T$A" with A=mp/b
# is /private/tmp/b), the ancestors inside the value are written under
# /private folded in that component (NAME.upfirst): the symbolic output
# denies moving /private/tmp as the profile and the output compiled with
# the values do.
. tests/lib.sh
D=$(scratch_dir final_moves_alias_value)

# three PROFILE-BODY OP PATH VALUES WANT: the profile, its output with the
# values and its symbolic output given them all answer WANT
i=0
three() {
    body="$1" op="$2" path="$3" vals="$4" want="$5"
    i=$((i + 1))
    printf 'param A;\nparam B;\nparam P;\nfiles {\n  allow read "/";\n  allow write "/";\n  %s\n}\n' "$body" >"$D/p$i.buckle"
    n="$body: $op $path with $vals"
    run "final moves alias value: $n, profile" "$BUCKLE" query "$D/p$i.buckle" "$op" "$path" $vals
    expect_out_has "final moves alias value: $n: the profile says $want" "$want $path"
    run "final moves alias value: $n, compiled" "$BUCKLE" compile "$D/p$i.buckle" -o "$D/p$i.sb"
    expect_rc "final moves alias value: $n: compiles symbolically" 0
    run "final moves alias value: $n, symbolic" "$BUCKLE" query "$D/p$i.sb" "$op" "$path" $vals
    expect_out_has "final moves alias value: $n: the symbolic output says $want" "$want $path"
    run "final moves alias value: $n, -D" "$BUCKLE" compile "$D/p$i.buckle" $vals -o "$D/p$i.d.sb"
    run "final moves alias value: $n, -D query" "$BUCKLE" query "$D/p$i.d.sb" "$op" "$path" $vals
    expect_out_has "final moves alias value: $n: the output with the values says $want" "$want $path"
}
three 'deny final read "/T$A";' file-write-unlink /private/tmp '-D A=mp/b' deny
three 'deny final write "/T$A";' file-write-create /private/tmp '-D A=mp/b' deny
three 'deny final read "/T$A";' file-write-unlink /private/tmp '-D A=MP/b' deny
three 'deny final read "/t$A/y";' file-write-unlink /private/tmp '-D A=MP/b' deny
three 'deny final read "/t$A/y";' file-write-unlink /private/tmp/b '-D A=MP/b' deny
three 'deny final read "/$A$B/y";' file-write-unlink /private/tmp '-D A=T -D B=MP/b' deny
three 'deny final read prefix "/T$A/y";' file-write-unlink /private/tmp '-D A=mp/b' deny
three 'deny final read prefix "/$A$B/y";' file-write-unlink /private/tmp/xt '-D A=Tmp/x -D B=t/x' deny
three 'deny final write prefix "$P/$A$B";' file-write-unlink /private/tmp/Xtmp '-D P=/ -D A=TMP/X -D B=tmp/x' deny
# beside them, what the value does not make an ancestor stays allowed
three 'deny final read "/T$A";' file-write-unlink /private/tmq '-D A=mp/b' allow
three 'deny final read "/T$A";' file-write-unlink /private/tmp/c '-D A=mp/b' allow
three 'deny final read prefix "/$A$B/y";' file-write-unlink /private/tmp/xT '-D A=tmp/x -D B=t/x' allow
