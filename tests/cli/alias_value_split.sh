# alias_value_split.sh - the symbolic output's /private branch folds the
# path's first component only (docs/language.md): where a value in that
# component has more of it after it ("/$A$B", "/${D}x") and holds a '/',
# the component ends inside the value and what follows is the path as
# written.  A=tmp/x B=y is /private/tmp/xy, not /private/tmp/xY;
# D=tmp/s with "x" after it is /private/tmp/sx, not /private/tmp/sX.  The
# symbolic output read with the values answers as the profile does, for
# an allow and for a deny, and still folds a first component the values
# make whole (A=T B=MP, D=tM before "p").
. tests/lib.sh
D=$(scratch_dir alias_value_split)

printf 'param A;\nparam B;\nfiles {\n  allow read "/$A$B";\n}\n' >"$D/ab.buckle"
printf 'param D;\nfiles {\n  allow read "/${D}x";\n  allow read "/${D}p/k";\n}\n' >"$D/dx.buckle"
printf 'param D;\nfiles {\n  allow read "/";\n  deny read "/${D}x";\n}\n' >"$D/deny.buckle"
printf 'param P;\nfiles {\n  allow read "${P}p/k";\n}\n' >"$D/root.buckle"

for p in ab dx deny root; do
    run "alias value split: symbolic compile ($p)" "$BUCKLE" compile "$D/$p.buckle" -o "$D/$p.sb"
    expect_rc "alias value split: the symbolic compile succeeds ($p)" 0
done

# check NAME PROFILE OBJECT WANT -D ...: the profile and the symbolic output answer WANT
check() {
    _n=$1 _p=$2 _o=$3 _w=$4
    shift 4
    run "alias value split: profile $_n" "$BUCKLE" query "$D/$_p.buckle" file-read-data "$_o" "$@"
    expect_out_has "alias value split: the profile answers $_w for $_o ($_n)" "$_w $_o"
    run "alias value split: symbolic $_n" "$BUCKLE" query "$D/$_p.sb" file-read-data "$_o" "$@"
    expect_out_has "alias value split: the symbolic output answers $_w for $_o ($_n)" "$_w $_o"
}

check "A=tmp/x B=y" ab /private/tmp/xy allow -D A=tmp/x -D B=y
check "A=tmp/x B=y other case" ab /private/tmp/xY deny -D A=tmp/x -D B=y
check "A=Tmp/x B=y" ab /private/tmp/xy allow -D A=Tmp/x -D B=y
check "A=Tmp/x B=y other case" ab /private/tmp/Xy deny -D A=Tmp/x -D B=y
check "A=T B=MP" ab /private/tmp/k allow -D A=T -D B=MP
check "A=tm B=p/s" ab /private/tmp/s allow -D A=tm -D B=p/s
check "A=tm B=p/s other case" ab /private/tmp/S deny -D A=tm -D B=p/s
check "D=tmp/s" dx /private/tmp/sx allow -D D=tmp/s
check "D=tmp/s other case" dx /private/tmp/sX deny -D D=tmp/s
check "D=TMP/s" dx /private/tmp/sx/k allow -D D=TMP/s
check "D=tM" dx /private/tmp/k allow -D D=tM
check "D=TMP/s glued p" dx /private/tmp/sp/k allow -D D=TMP/s
check "D=TMP/s glued p other case" dx /private/tmp/sP/k deny -D D=TMP/s
check "deny D=tmp/s" deny /private/tmp/sx deny -D D=tmp/s
check "deny D=tmp/s other case" deny /private/tmp/sX allow -D D=tmp/s
check "P=/tm" root /private/tmp/k allow -D P=/tm
check "P=/tmp/a" root /private/tmp/ap/k allow -D P=/tmp/a
check "P=/tmp/a other case" root /private/tmp/aP/k deny -D P=/tmp/a
