# final_glued_pairs.sh - a parameter glued to text is compared with the
# final rules for the values that complete that text (docs/language.md,
# final checks): two final rules whose first components values make may
# both be a /private link in another case of its letters ("/T$X" and
# "/t$X", X=mp); a raw regex meets a final rule whose parameter is glued
# after text where its fixed start completes that text; and a final grant
# of an ancestor that a value spells is the error the written grant is.
# Each pair is BK2005 symbolically (the value is found) and with -D.
. tests/lib.sh
D=$(scratch_dir final_glued_pairs)

refused() {  # NAME FILE [ARGS...]
    n="$1" f="$2"
    shift 2
    run "final glued pairs: $n" "$BUCKLE" compile "$f" -o /dev/null "$@"
    expect_rc "final glued pairs: $n is refused" 1
    expect_err_has "final glued pairs: $n ... BK2005" "[BK2005"
}

# two final rules glued in the first component, texts in two cases
printf 'param X;\nfiles {\n  allow read "/usr";\n  deny final read prefix "/t$X";\n  allow final read "/T$X";\n}\n' >"$D/case_pair.buckle"
refused "final allow \"/T\$X\" beside a final deny prefix \"/t\$X\", symbolically" "$D/case_pair.buckle"
expect_err_has "final glued pairs: ... the note names the value that makes both /private/tmp" "it meets the final rule with X=mp"
refused "final allow \"/T\$X\" beside a final deny prefix \"/t\$X\", -D X=mp" "$D/case_pair.buckle" -D X=mp
refused "final allow \"/T\$X\" beside a final deny prefix \"/t\$X\", -D X=MP" "$D/case_pair.buckle" -D X=MP
printf 'param X;\nfiles {\n  allow read "/usr";\n  deny final read prefix "/tmp";\n  allow final read "/T$X";\n}\n' >"$D/case_one.buckle"
refused "final allow \"/T\$X\" beside a final deny prefix \"/tmp\", symbolically" "$D/case_one.buckle"
# a final allow glob glued so, ranked and matched as the kernel's path
# ("/Tmp/s/" then "*" is under /private/tmp/s, a component below it)
printf 'param X;\nfiles {\n  allow read "/usr";\n  deny final read "/t$X/s";\n  allow final read glob "/T$X/s/*";\n}\n' >"$D/case_glob.buckle"
refused "final allow glob \"/T\$X/s/*\" beside a final deny \"/t\$X/s\", symbolically" "$D/case_glob.buckle"
refused "final allow glob \"/T\$X/s/*\" beside a final deny \"/t\$X/s\", -D X=mp" "$D/case_glob.buckle" -D X=mp
refused "final allow glob \"/T\$X/s/*\" beside a final deny \"/t\$X/s\", -D X=MP" "$D/case_glob.buckle" -D X=MP

# a raw regex against a final rule whose parameter is glued after text
i=0
for case in 'prefix "/q/t$X"|^/q/tax|a' 'prefix "/t$X"|^/tax|a' 'prefix "/t$X"|^/tmpx|mp' '"/t$X"|^/tax|ax' \
            'prefix "/t$X/"|^/tax|ax' 'prefix "/q/${X}x"|^/q/tax/k|ta' 'glob "/q/t$X*"|^/q/tax|a' \
            'glob "/q/t$X/*"|^/q/tax/k|ax' '"/q/t$X/k"|^/q/tax|ax' 'glob "/t$X/a/**"|^/private/tmp/a|mp'; do
    i=$((i + 1))
    fin="${case%%|*}" rest="${case#*|}"
    re="${rest%%|*}" val="${rest#*|}"
    printf 'param X;\nfiles {\n  allow read "/usr";\n  deny final read %s;\n}\nsbpl """\n(allow file-read-data (regex #"%s"))\n""";\n' "$fin" "$re" >"$D/raw$i.buckle"
    refused "raw (regex \"$re\") beside deny final read $fin, symbolically" "$D/raw$i.buckle"
done

# a final write grant of a final path's ancestor, the ancestor spelled by a value
printf 'param D;\nfiles {\n  deny final read "/a/bc/s";\n  allow final write literal "/a/${D}c";\n}\n' >"$D/ancestor.buckle"
refused "final write grant \"/a/\${D}c\" of the ancestor of deny final read \"/a/bc/s\", -D D=b" "$D/ancestor.buckle" -D D=b
expect_err_has "final glued pairs: ... the note names the value" "it meets the final rule with D=b"
refused "final write grant \"/a/\${D}c\" of the ancestor of deny final read \"/a/bc/s\", symbolically" "$D/ancestor.buckle"
printf 'param D;\nfiles {\n  deny final read "/a/bc/s";\n  allow final write literal "/a/b$D";\n}\n' >"$D/ancestor2.buckle"
refused "final write grant \"/a/b\$D\" of the ancestor of deny final read \"/a/bc/s\", -D D=c" "$D/ancestor2.buckle" -D D=c

# a final path deny's fold of making the path, against a final write grant
# whose value spells it in another case: the error the written grant is
printf 'param X;\nfiles {\n  allow read "/usr";\n  deny final read "/q/s";\n  allow final write "$X";\n}\n' >"$D/case_value.buckle"
refused "final write grant \"\$X\" beside deny final read \"/q/s\", -D X=/q/S/x" "$D/case_value.buckle" -D X=/q/S/x
expect_err_has "final glued pairs: ... as in another case of its letters" "in another case of its letters [BK2005"

# the implied deny of moving the directories a final regex's wildcard part
# stands for ranks as they do, one component below a fixed part ending in
# "/": a grant of the directory above is no error, and the deny decides
printf 'files {\n  allow write "/q";\n  deny final write regex "^/q/[^a-c]+/y";\n}\n' >"$D/below.buckle"
run "final glued pairs: allow write \"/q\" beside deny final write regex \"^/q/[^a-c]+/y\"" "$BUCKLE" compile "$D/below.buckle" -o /dev/null
expect_rc "final glued pairs: allow write \"/q\" beside deny final write regex \"^/q/[^a-c]+/y\" compiles" 0
run "final glued pairs: /q/d (a directory) beside the final regex" "$BUCKLE" query "$D/below.buckle" file-write-unlink /q/d --vnode-type DIRECTORY
expect_out_has "final glued pairs: the directory /q/d cannot be removed" "deny /q/d"
expect_out_has "final glued pairs: ... compiled SBPL agrees" "compiled SBPL agrees"

# a final deny glob glued so, against a final allow and raw allows under
# /private/tmp: the value that makes /Tmp is found, and the glob is the
# kernel's /private/tmp/s
i=0
for case in 'glob "/T$X/s/*"|"/private/tmp/s/x"|mp' 'glob "/T$X/s/*"|"/private/tmp/s/x"|MP' 'glob "/T$X/s/**"|"/tmp/s/x/y"|mp'; do
    i=$((i + 1))
    fin="${case%%|*}" rest="${case#*|}"
    allow="${rest%%|*}" val="${rest#*|}"
    printf 'param X;\nfiles {\n  allow read "/usr";\n  deny final read %s;\n  allow final read %s;\n}\n' "$fin" "$allow" >"$D/deny_glob$i.buckle"
    refused "final allow $allow beside deny final read $fin, symbolically" "$D/deny_glob$i.buckle"
    refused "final allow $allow beside deny final read $fin, -D X=$val" "$D/deny_glob$i.buckle" -D "X=$val"
done
i=0
for case in 'glob "/T$X/s/*"|(subpath "/private/tmp/s")' 'glob "/T$X/s/*"|(regex #"^/private/tmp/s/")' \
            '"/T$X/s"|(regex #"^/private/tmp/s")' 'prefix "/T$X"|(literal "/private/tmp/k")' \
            'prefix "/${X}MP"|(subpath "/private/tmp/k")' 'prefix "/${X}MP/k"|(literal "/private/tmp/k")'; do
    i=$((i + 1))
    fin="${case%%|*}" raw="${case#*|}"
    printf 'param X;\nfiles {\n  allow read "/usr";\n  deny final read %s;\n}\nsbpl """\n(allow file-read-data %s)\n""";\n' "$fin" "$raw" >"$D/raw_case$i.buckle"
    refused "raw $raw beside deny final read $fin, symbolically" "$D/raw_case$i.buckle"
done
