# final_alias_glob.sh - a glob whose first component a value makes /tmp,
# /var or /etc is compared with the final rules as the output writes it,
# under /private: a final allow glob inside a final deny, and a final deny
# glob beside a final allow or a raw allow, are BK2005 with the value given
# (-D) and without it (the value that makes the alias is found).
. tests/lib.sh
D=$(scratch_dir final_alias_glob)

refused() {  # NAME FILE [ARGS...]
    n="$1" f="$2"
    shift 2
    run "final alias glob: $n" "$BUCKLE" compile "$f" -o /dev/null "$@"
    expect_rc "final alias glob: $n is refused" 1
    expect_err_has "final alias glob: $n ... BK2005" "[BK2005"
}

# a final allow glob made an alias by a value, inside a final deny
i=0
for case in 'tmp|deny final read "/tmp/s"|/$D/s/x/*' \
            'tmp|deny final read "/tmp/s"|/$D/s/x/y' \
            'tmp|deny final read "/tmp/s"|/$D/s/x/[y]' \
            'var|deny final read "/var/s"|/$D/s/x/?' \
            'etc|deny final read "/private/etc/s"|/$D/s/x/*' \
            'mp|deny final read "/tmp/s"|/t$D/s/x/*' \
            'tc|deny final read "/etc/s"|/e${D}/s/x/*' \
            'tmp/s|deny final read "/tmp/s"|/$D/x/*' \
            'P=/|deny final read "/tmp/s"|$P/tmp/s/x/*' \
            'P=/tm|deny final read "/tmp/s"|${P}p/s/x/*'; do
    i=$((i + 1))
    val="${case%%|*}" rest="${case#*|}"
    deny="${rest%%|*}" glob="${rest#*|}"
    case "$val" in P=*) def="$val" other="D=a" ;; *) def="D=$val" other="P=/a" ;; esac
    printf 'param D;\nparam P;\nfiles {\n  allow read "/private";\n  %s;\n  allow final read glob "%s";\n}\n' "$deny" "$glob" >"$D/allow$i.buckle"
    refused "final allow glob \"$glob\" with -D $def inside $deny" "$D/allow$i.buckle" -D "$def" -D "$other"
done

# a final deny glob made an alias by a value, beside a final allow and a raw allow
i=0
for case in 'tmp|/$D/s/*' 'tmp|/$D/s' 'tmp|/$D/s/**' 'tmp|/$D/s*' 'mp|/t$D/s' 'ar|/v${D}/s/*'; do
    i=$((i + 1))
    val="${case%%|*}" glob="${case#*|}"
    case "$val" in mp|tmp) a=tmp ;; ar) a=var ;; esac
    printf 'param D;\nfiles {\n  allow read "/usr";\n  deny final read glob "%s";\n  allow final read "/private/%s/s/x";\n}\n' "$glob" "$a" >"$D/deny$i.buckle"
    refused "final deny glob \"$glob\" with -D D=$val beside a final allow" "$D/deny$i.buckle" -D "D=$val"
    printf 'param D;\nfiles {\n  allow read "/usr";\n  deny final read glob "%s";\n}\nsbpl """\n(allow file-read-data (subpath "/private/%s/s"))\n""";\n' "$glob" "$a" >"$D/raw$i.buckle"
    refused "final deny glob \"$glob\" with -D D=$val beside a raw allow" "$D/raw$i.buckle" -D "D=$val"
done

# the output itself reads the glob under /private (what the check compares)
run "final alias glob: output" "$BUCKLE" compile "$D/deny1.buckle" -D D=other -o "$D/deny1.sb"
expect_rc "final alias glob: a value that makes no alias compiles" 0
printf 'param D;\nfiles {\n  allow read "/private";\n  deny final read glob "/$D/s/*";\n}\n' >"$D/out.buckle"
run "final alias glob: output under /private" "$BUCKLE" compile "$D/out.buckle" -D D=tmp
expect_out_has "final alias glob: the output writes the glob under /private" '"^/private/tmp/s/'

# without values: the value that makes the alias is found, a glued one too
refused "final allow glob \"/t\$D/s/x/*\" inside deny final read \"/tmp/s\", symbolically" "$D/allow6.buckle"
refused "final allow glob \"/e\${D}/s/x/*\" inside deny final read \"/etc/s\", symbolically" "$D/allow7.buckle"
i=0
for glob in '/$D/s/*' '/t$D/s' '/t$D/s/**' '/v${D}/s/*'; do
    i=$((i + 1))
    case "$glob" in /v*) a=var ;; *) a=tmp ;; esac
    printf 'param D;\nfiles {\n  allow read "/usr";\n  deny final read glob "%s";\n  allow final read glob "/private/%s/s/x*";\n}\n' "$glob" "$a" >"$D/sdeny$i.buckle"
    refused "final deny glob \"$glob\" beside a final allow, symbolically" "$D/sdeny$i.buckle"
    printf 'param D;\nfiles {\n  allow read "/usr";\n  deny final read glob "%s";\n}\nsbpl """\n(allow file-read-data (subpath "/private/%s/s"))\n""";\n' "$glob" "$a" >"$D/sraw$i.buckle"
    refused "final deny glob \"$glob\" beside a raw allow, symbolically" "$D/sraw$i.buckle"
done
# a value that spans components ("/$D/x" with D=tmp/s) against a raw allow
printf 'param D;\nfiles {\n  allow read "/usr";\n  deny final read glob "/$D/[x]";\n}\nsbpl """\n(allow file-read-data (subpath "/private/tmp/s"))\n""";\n' >"$D/span.buckle"
refused "final deny glob \"/\$D/[x]\" beside a raw allow of /private/tmp/s, symbolically" "$D/span.buckle"
