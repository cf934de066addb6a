# final_raw_names.sh - a raw name filter (global-name, global-name-prefix,
# sysctl-name) is compared with a final name deny built on a parameter,
# without values as with them: the value that puts the final rule's text
# on the raw name ("com.$X.secd" against "com.apple.secd": X=apple) makes
# it BK2005, since nothing carves a raw rule.
. tests/lib.sh
D=$(scratch_dir final_raw_names)
i=0
refused() {  # FINAL RAW WANT
    i=$((i + 1))
    printf 'param X;\nmach {\n  deny final lookup %s;\n}\nsbpl """\n(allow mach-lookup %s)\n""";\n' "$1" "$2" >"$D/m$i.buckle"
    run "raw names: $1 + $2" "$BUCKLE" compile "$D/m$i.buckle" -o /dev/null
    expect_rc "raw names: raw $2 beside deny final lookup $1 is refused without values" 1
    expect_err_has "raw names: $1 + $2 ... BK2005 with $3" "$3"
}
refused '"com.apple.$X"' '(global-name "com.apple.secd")' X=secd
refused '"com.apple.$X"' '(global-name-prefix "com.apple.se")' "[BK2005"
refused '"$X"' '(global-name "com.apple.secd")' X=com.apple.secd
refused '"com.$X.secd"' '(global-name "com.apple.secd")' X=apple
refused 'prefix "com.$X.s"' '(global-name "com.apple.secd")' X=apple
printf 'param X;\nsysctl {\n  allow read;\n  deny final read "kern.$X";\n}\nsbpl """\n(allow sysctl-read (sysctl-name "kern.secret"))\n""";\n' >"$D/sysctl.buckle"
run "raw names: sysctl" "$BUCKLE" compile "$D/sysctl.buckle" -o /dev/null
expect_rc "raw names: raw sysctl-name \"kern.secret\" beside deny final read \"kern.\$X\" is refused" 1
expect_err_has "raw names: ... with X=secret" "X=secret"
# a raw name the final rule cannot be is no error
printf 'param X;\nmach {\n  deny final lookup "com.$X.secd";\n}\nsbpl """\n(allow mach-lookup (global-name "org.apple.secd"))\n""";\n' >"$D/other.buckle"
run "raw names: other" "$BUCKLE" compile "$D/other.buckle" -o /dev/null
expect_rc "raw names: raw global-name \"org.apple.secd\" beside deny final lookup \"com.\$X.secd\" compiles" 0
