# final_alias_case.sh - a path's first component that is /tmp, /var or
# /etc in another case of its letters ("/TMP", "Tmp"), written after a
# root parameter, glued to a parameter or made by a value, is the alias
# under /private (docs/language.md): the symbolic output denies there
# what the values deny, and the final checks compare it there, with the
# values (-D, what buckle run compiles) as without them.
. tests/lib.sh
D=$(scratch_dir final_alias_case)

# symbolic NAME RULE PATH VALUES...: a deny of RULE beside an allow of
# /private, compiled without values, denies PATH with the VALUES given to
# the SBPL (what sandbox-exec -D does with the output)
i=0
symbolic() {
    n="$1" rule="$2" path="$3"
    shift 3
    i=$((i + 1))
    printf 'param P;\nparam X;\nparam D;\nfiles {\n  allow read "/private";\n  deny read %s;\n}\n' "$rule" >"$D/s$i.buckle"
    run "alias case: $n compiles" "$BUCKLE" compile "$D/s$i.buckle" -o "$D/s$i.sb"
    run "alias case: $n" "$BUCKLE" query "$D/s$i.sb" file-read-data "$path" "$@"
    expect_out_has "alias case: symbolic $n denies $path" "deny $path"
}
symbolic 'written after a root parameter "$P/TMP/s" (P=/)' '"$P/TMP/s"' /private/tmp/s/k -D P=/
symbolic 'prefix "$P/Tmp/s" (P=/)' 'prefix "$P/Tmp/s"' /private/tmp/s/k -D P=/
symbolic 'glob "$P/Tmp/s*" (P=/)' 'glob "$P/Tmp/s*"' /private/tmp/sx -D P=/
symbolic 'glued "/T$X/s" (X=mp)' '"/T$X/s"' /private/tmp/s/k -D X=mp
symbolic 'literal "/T$X/s" (X=mp)' 'literal "/T$X/s"' /private/tmp/s -D X=mp
symbolic 'prefix "/T$X/s" (X=mp)' 'prefix "/T$X/s"' /private/tmp/s/k -D X=mp
symbolic 'glob "/T$X/s*" (X=mp)' 'glob "/T$X/s*"' /private/tmp/s/k -D X=mp
symbolic 'glued "/t$X/s" (X=MP)' '"/t$X/s"' /private/tmp/s/k -D X=MP
symbolic 'glob "/t$X/s*" (X=MP)' 'glob "/t$X/s*"' /private/tmp/sx -D X=MP
symbolic 'prefix "/$D/s" (D=Tmp)' 'prefix "/$D/s"' /private/tmp/s/k -D D=Tmp
symbolic 'prefix "/$D/s" (D=Etc/y)' 'prefix "/$D/s"' /private/etc/y/s -D D=Etc/y
symbolic 'prefix "$P/$D/s" (P=/, D=Tmp)' 'prefix "$P/$D/s"' /private/tmp/s/k -D P=/ -D D=Tmp
symbolic 'glued "${P}p/s" (P=/TM)' '"${P}p/s"' /private/tmp/s/k -D P=/TM
symbolic 'prefix "${P}p/s" (P=/TM)' 'prefix "${P}p/s"' /private/tmp/s/k -D P=/TM
symbolic 'glob "${P}p/s*" (P=/TM)' 'glob "${P}p/s*"' /private/tmp/s/k -D P=/TM
symbolic 'glob "/T*/s"' 'glob "/T*/s"' /private/tmp/s
symbolic 'prefix "/TM"' 'prefix "/TM"' /private/tmp/z
# final denies: the symbolic output holds them under /private too
printf 'param D;\nparam X;\nfiles {\n  allow read "/private";\n  deny final read prefix "/$D/";\n  deny final read glob "/t$X/g*";\n}\n' >"$D/final.buckle"
run "alias case: final denies compile" "$BUCKLE" compile "$D/final.buckle" -o "$D/final.sb"
run "alias case: final prefix \"/\$D/\" (D=Tmp)" "$BUCKLE" query "$D/final.sb" file-read-data /private/tmp/key -D D=Tmp -D X=MP
expect_out_has "alias case: symbolic final prefix \"/\$D/\" with D=Tmp denies /private/tmp/key" "deny /private/tmp/key"
run "alias case: final glob \"/t\$X/g*\" (X=MP)" "$BUCKLE" query "$D/final.sb" file-read-data /private/tmp/gk -D D=Tmp -D X=MP
expect_out_has "alias case: symbolic final glob \"/t\$X/g*\" with X=MP denies /private/tmp/gk" "deny /private/tmp/gk"

# with values: a final allow glob whose alias a value spells in another
# case, inside a final deny, and the inverse, are BK2005
refused() {  # NAME FILE ARGS...
    n="$1" f="$2"
    shift 2
    run "alias case: $n" "$BUCKLE" compile "$f" -o /dev/null "$@"
    expect_rc "alias case: $n is refused" 1
    expect_err_has "alias case: $n ... BK2005" "[BK2005"
}
j=0
for case in 'D=TMP|deny final read "/tmp/s"|allow final read glob "/$D/s/x*"' \
            'X=MP|deny final read "/tmp/s"|allow final read glob "/t$X/s/x*"' \
            'P=/|deny final read "/tmp/s"|allow final read glob "$P/Tmp/s/x*"' \
            'D=Var|deny final read "/var/s"|allow final read glob "/$D/s/x*"' \
            'P=/|deny final read glob "$P/TMP/s/*"|allow final read "/private/tmp/s/x"' \
            'D=TMP|deny final read glob "/$D/s/*"|allow final read "/private/tmp/s/x"' \
            'X=MP|deny final read glob "/t$X/s/*"|allow final read glob "/private/tmp/s/x*"' \
            'D=tmp|deny final read prefix "/$D"|allow final read glob "/tmp?"' \
            'D=tmp|deny final read prefix "/$D"|allow final read "/tmpx"' \
            'X=mp|deny final read prefix "/t$X"|allow final read "/tmpx/y"' \
            'P=/tm|deny final read prefix "${P}p"|allow final read regex "^/tmpx"' \
            'D=var|deny final read prefix "/$D"|allow final read glob "/var?"' \
            'D=tmp|deny final write prefix "/$D"|allow final write "/tmpx"'; do
    j=$((j + 1))
    val="${case%%|*}" rest="${case#*|}"
    deny="${rest%%|*}" allow="${rest#*|}"
    printf 'param D;\nparam X;\nparam P;\nfiles {\n  allow read "/";\n  %s;\n  %s;\n}\n' "$deny" "$allow" >"$D/f$j.buckle"
    refused "with -D $val, $allow beside $deny" "$D/f$j.buckle" -D "$val"
done
# the /tmpx side of a value-made prefix: the final deny decides it
run "alias case: query prefix \"/\$D\" D=tmp" "$BUCKLE" query "$D/f8.buckle" file-read-data /tmpx/y -D D=tmp
expect_rc "alias case: query of a profile that does not compile with D=tmp fails" 1
# a final path's value inside the path is folded too: /q/SECRETS made is
# the /q/secrets a later lookup opens
printf 'param D;\nfiles {\n  allow write "/q";\n  deny final write "/q/$D";\n  deny final write "/q/${D}x";\n}\n' >"$D/value.buckle"
for obj in /q/SECRETS /q/Secrets/k /q/SECRETSX; do
    run "alias case: value fold $obj" "$BUCKLE" query "$D/value.buckle" files file-write-create "$obj" -D D=secrets
    expect_out_has "alias case: deny final write \"/q/\$D\" (D=secrets) denies creating $obj" "deny $obj"
    expect_out_has "alias case: ... by the fold of the value ($obj)" '${D.fold}'
done
printf 'param D;\nfiles {\n  allow write "/a";\n  deny final write "/a/$D";\n  allow final write "/a/BC/x";\n}\n' >"$D/valueallow.buckle"
run "alias case: value fold and a final allow" "$BUCKLE" compile "$D/valueallow.buckle" -o /dev/null -D D=bc
expect_rc "alias case: allow final write \"/a/BC/x\" beside deny final write \"/a/\$D\" (D=bc) is refused" 1
expect_err_has "alias case: ... in another case of its letters" "in another case of its letters [BK2005"
# an allow that is not final under /private/tmp, more specific than a final
# deny whose first component a value glued to text makes the link in
# another case ("/T$USER" with USER=mp): it falls inside, with -D and
# without (USER=mp is a candidate), as "/tmp" written would
printf 'param P;\nfiles {\n    deny final read "/T${USER}";\n    allow read literal "/tmp/s";\n}\n' >"$D/glued-inside.buckle"
for d in "-D USER=mp" ""; do
    # shellcheck disable=SC2086
    run "alias case: glued final and an allow inside $d" "$BUCKLE" compile "$D/glued-inside.buckle" -o /dev/null $d
    expect_rc "alias case: allow \"/tmp/s\" inside deny final \"/T\$USER\" ($d) is refused" 1
    expect_err_has "alias case: ... naming USER=mp ($d)" "it falls inside the final rule with USER=mp"
done
run "alias case: glued final and an allow beside it" "$BUCKLE" compile "$D/glued-inside.buckle" -o /dev/null -D USER=ax
expect_rc "alias case: with USER=ax the final path is /Tax, and the allow compiles" 0
