# final_globstar_glued.sh - a final literal is compared with a final deny
# glob whose parameter is glued to text after a "**" ("/q/**/${D}p/x"
# against "/q/mp/x": D=m, the "**" as no component) in the symbolic
# output as with the values: BK2005, naming the value.
. tests/lib.sh
D="$TMP/final_globstar_glued"
mkdir -p "$D"

i=0
pair() {  # DENY-GLOB ALLOW-LITERAL WANT
    i=$((i + 1))
    printf 'param D;\nfiles {\n  allow read "/";\n  deny final read glob "%s";\n  allow final read literal "%s";\n}\n' "$1" "$2" >"$D/p$i.buckle"
    run "globstar glued: $1 + $2" "$BUCKLE" compile "$D/p$i.buckle" -o /dev/null
    expect_rc "globstar glued: final glob \"$1\" + final literal \"$2\" is refused without values" 1
    expect_err_has "globstar glued: \"$1\" + \"$2\" ... BK2005" "[BK2005"
    expect_err_has "globstar glued: \"$1\" + \"$2\" ... with $3" "$3"
}
pair '/q/**/${D}p/x' /q/mp/x D=m
pair '/q/**/${D}p/x' /q/tmp/x D=tm
pair '/**/${D}p/x' /q/mp/x D=q/m
pair '/**/${D}p/x' /q/tmp/x D=q/tm
pair '/**/${D}p/x' /private/tmp/x D=private/tm
pair '/**/${D}p/x' /tmp/x/k D=private/tm
pair '/**/t${D}/x' /q/tmp/x D=mp
pair '/**/t${D}/x' /private/tmp/x D=mp
pair '/**/t${D}/x' /tmp/x/k D=mp
pair '/q/**/${D}p/x' /q/mp/x/k D=m

# pairs that cannot meet still compile
printf 'param D;\nfiles {\n  allow read "/";\n  deny final read glob "/q/**/${D}p/x";\n  allow final read literal "/r/mp/x";\n}\n' >"$D/ok.buckle"
run "globstar glued: disjoint pair" "$BUCKLE" compile "$D/ok.buckle" -o /dev/null
expect_rc "globstar glued: final glob \"/q/**/\${D}p/x\" + final literal \"/r/mp/x\" compiles" 0
