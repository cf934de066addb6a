# final_glued_literal.sh - a literal, final or raw, is compared with a
# final rule whose parameter is glued to text before a later component or
# wildcard ("/q/t$X/*" against "/q/tar/secret": X=ar) in the symbolic
# output as with the values: BK2005, naming the value, where the output
# would otherwise carve the final deny around the literal or let the raw
# rule decide after it.
. tests/lib.sh
D=$(scratch_dir final_glued_literal)

# refused NAME WANT PROFILE-BODY: compiled without values it is BK2005 and
# names WANT
i=0
refused() {
    n="$1" want="$2" body="$3"
    i=$((i + 1))
    printf 'param X;\nparam D;\nparam P;\n%s\n' "$body" >"$D/p$i.buckle"
    run "glued literal: $n" "$BUCKLE" compile "$D/p$i.buckle" -o /dev/null
    expect_rc "glued literal: $n is refused without values" 1
    expect_err_has "glued literal: $n ... BK2005" "[BK2005"
    expect_err_has "glued literal: $n ... with $want" "$want"
}
final_pair() {  # DENY ALLOW-LITERAL WANT
    refused "deny final read $1 + allow final read literal \"$2\"" "$3" \
        "files {
  allow read \"/usr\";
  deny final read $1;
  allow final read literal \"$2\";
}"
}
final_pair 'glob "/q/t$X/*"' /q/tar/secret X=ar
final_pair 'glob "/q/t$X/x*"' /q/tar/xx X=ar
final_pair 'glob "/q/${X}c/*"' /q/arc/x X=ar
final_pair 'glob "/t$X/*"' /tar/x X=ar
final_pair 'glob "/q/t$X/*/*"' /q/tar/x/y X=ar
final_pair 'regex "^/q/t$X/"' /q/tar/k X=ar
final_pair 'literal "/$D/x/${X}c"' /a/b/x/mpc X=mp
final_pair 'glob "/t$X?"' /tary/z X=ar
final_pair 'glob "$P/t$X?"' /tm/tsy 'P=/tm X=s'

raw() {  # DENY RAW-FILTER WANT
    refused "deny final read $1 + raw $2" "$3" \
        "files {
  allow read \"/usr\";
  deny final read $1;
}
sbpl \"\"\"
(allow file-read-data $2)
\"\"\";"
}
raw 'glob "/q/t$X/*"' '(literal "/q/tar/secret")' X=ar
raw 'glob "/q/t$X/x*"' '(literal "/q/tar/xx")' X=ar
raw 'glob "/q/${X}c/x*"' '(literal "/q/arc/xx")' X=ar
raw 'glob "/T$X/x*"' '(literal "/Tar/xx")' X=ar
raw 'glob "/q/t$X/x?"' '(literal "/q/tar/xy")' X=ar
raw 'glob "/T$X/x/**"' '(literal "/Tar/x/k")' X=ar

# process exec too
printf 'param X;\nprocess {\n  deny final exec glob "/q/t$X/*";\n}\nsbpl """\n(allow process-exec (literal "/q/tar/sh"))\n""";\n' >"$D/exec.buckle"
run "glued literal: exec" "$BUCKLE" compile "$D/exec.buckle" -o /dev/null
expect_rc "glued literal: raw process-exec literal inside deny final exec glob \"/q/t\$X/*\" is refused" 1
expect_err_has "glued literal: ... with X=ar" "X=ar"

# a literal the glob does not reach still compiles
printf 'param X;\nfiles {\n  allow read "/usr";\n  deny final read glob "/q/t$X/*";\n  allow final read literal "/q/tar";\n}\n' >"$D/beside.buckle"
run "glued literal: beside" "$BUCKLE" compile "$D/beside.buckle" -o /dev/null
expect_rc "glued literal: allow final read literal \"/q/tar\" beside glob \"/q/t\$X/*\" compiles" 0

# three parameters at once: each solved with those before it fixed
final_pair 'glob "$P/$D/$D/${X}c/*/*"' /a/b/a/b/mpc/x/z 'P=/ D=a/b X=mp'
final_pair 'prefix "$P/t$X/$D/s"' /tm/ts/ab/s/k/z 'P=/tm X=s D=ab'
final_pair 'prefix "$P/tmp/${X}c/$D"' /private/tmp/mpc/a/b/kz 'X=mp D=a/b/kz'
# the values named are ones under which they meet: -D refuses them too
printf 'param X;\nparam D;\nparam P;\nfiles {\n  allow read "/usr";\n  deny final read prefix "$P/t$X/$D/s";\n  allow final read literal "/tm/ts/ab/s/k/z";\n}\n' >"$D/three.buckle"
run "glued literal: three with values" "$BUCKLE" compile "$D/three.buckle" -D P=/tm -D X=s -D D=ab -o /dev/null
expect_rc "glued literal: prefix \"\$P/t\$X/\$D/s\" with P=/tm X=s D=ab is refused" 1
# and one no value reaches compiles
printf 'param X;\nparam D;\nparam P;\nfiles {\n  allow read "/usr";\n  deny final read prefix "$P/tmp/${X}c/$D";\n  allow final read literal "/private/tmq/mpc/a/b/kz";\n}\n' >"$D/three_beside.buckle"
run "glued literal: three beside" "$BUCKLE" compile "$D/three_beside.buckle" -o /dev/null
expect_rc "glued literal: prefix \"\$P/tmp/\${X}c/\$D\" beside /private/tmq/... compiles" 0
