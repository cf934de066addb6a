# final_glob_value_fold.sh - a parameter's value inside a final deny's glob
# holds in every case of its letters, as it does in a literal
# (docs/language.md, "Final rules and case"): a macOS volume is
# case-insensitive, so "/$D/x*" with D=Private/Tmp covers /private/tmp/x
# and "/q/$D/*" with D=secrets covers /q/SECRETS/x.  The profile (buckle
# query), the symbolic output read with the value, the -D output and the
# compact -D output all deny those paths, and still allow what the glob
# does not cover.
. tests/lib.sh
D=$(scratch_dir final_glob_value_fold)

printf 'param D;\nfiles {\n  allow read "/";\n  deny final read glob "/$D/x*";\n}\n' >"$D/alias.buckle"
printf 'param D;\nfiles {\n  allow read "/";\n  deny final read glob "/q/$D/*";\n}\n' >"$D/inner.buckle"
printf 'param D;\nfiles {\n  allow write "/";\n  deny final write glob "/q/${D}x*";\n}\n' >"$D/glued.buckle"

run "glob value fold: symbolic compile (alias)" "$BUCKLE" compile "$D/alias.buckle" -o "$D/alias.sb"
expect_rc "glob value fold: the symbolic compile succeeds (alias)" 0
run "glob value fold: symbolic compile (inner)" "$BUCKLE" compile "$D/inner.buckle" -o "$D/inner.sb"
expect_rc "glob value fold: the symbolic compile succeeds (inner)" 0
run "glob value fold: symbolic compile (glued)" "$BUCKLE" compile "$D/glued.buckle" -o "$D/glued.sb"
expect_rc "glob value fold: the symbolic compile succeeds (glued)" 0

# check NAME PROFILE OP OBJECT WANT VALUE: every output answers WANT
check() {
    _n=$1 _p=$2 _op=$3 _o=$4 _w=$5 _v=$6
    run "glob value fold: profile $_n" "$BUCKLE" query "$D/$_p.buckle" "$_op" "$_o" -D "$_v"
    expect_out_has "glob value fold: the profile answers $_w for $_o ($_n)" "$_w $_o"
    expect_out_lacks "glob value fold: the profile and its SBPL agree on $_o ($_n)" "compiler bug"
    run "glob value fold: symbolic $_n" "$BUCKLE" query "$D/$_p.sb" "$_op" "$_o" -D "$_v"
    expect_out_has "glob value fold: the symbolic output answers $_w for $_o ($_n)" "$_w $_o"
    "$BUCKLE" compile "$D/$_p.buckle" -D "$_v" -o "$D/d.sb" 2>/dev/null
    run "glob value fold: -D $_n" "$BUCKLE" query "$D/d.sb" "$_op" "$_o"
    expect_out_has "glob value fold: the -D output answers $_w for $_o ($_n)" "$_w $_o"
    "$BUCKLE" compile --compact "$D/$_p.buckle" -D "$_v" -o "$D/c.sb" 2>/dev/null
    run "glob value fold: compact $_n" "$BUCKLE" query "$D/c.sb" "$_op" "$_o"
    expect_out_has "glob value fold: the compact -D output answers $_w for $_o ($_n)" "$_w $_o"
}

# a value that makes the /private alias, in another case than the kernel's
check "Private/Tmp" alias file-read-data /private/tmp/x deny D=Private/Tmp
check "Private/Tmp below" alias file-read-data /private/tmp/X1/k deny D=Private/Tmp
check "TMP" alias file-read-data /private/tmp/X1 deny D=TMP
check "tmp" alias file-read-data /private/tmp/X deny D=tmp
check "Tmp/x" alias file-read-data /private/tmp/X/Xy deny D=Tmp/x
check "tmp other name" alias file-read-data /private/tmp/y allow D=tmp
check "Private/Tmp other alias" alias file-read-data /private/var/x allow D=Private/Tmp
# a name inside the path
check "secrets" inner file-read-data /q/SECRETS/x deny D=secrets
check "Secrets" inner file-read-data /q/secrets/x deny D=Secrets
check "secrets as given" inner file-read-data /q/secrets/x deny D=secrets
check "secrets itself" inner file-read-data /q/SECRETS allow D=secrets
check "secrets other name" inner file-read-data /q/SECRETZ/x allow D=secrets
# glued to text, and making the path
check "glued" glued file-write-create /q/SECRETSx1 deny D=secrets
check "glued other" glued file-write-create /q/SECRETSy allow D=secrets
