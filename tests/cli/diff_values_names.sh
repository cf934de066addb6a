# diff_values_names.sh - `buckle diff` and `buckle import`'s check vary the
# parameters a name or a port is built on, not only those of paths: a value
# away from every name or port, and values lined up with the hard-coded
# ones.  A deny of "com.apple.$SVC" (SVC defaults to secd) is not a deny of
# "com.apple.secd"; a deny of "*:$PORT" is not a deny of "*:22"; an SBPL deny
# of a parameter's name prefix after an allow of "com.apple." decides by
# order, buckle's sections by length.  And a path parameter is put below
# each hard-coded path: the traversal its allow implies meets a deny there.
. tests/lib.sh
V=$(scratch_dir diff_values_names)

# a name built on a declared default against the hard-coded name
printf 'mach { allow lookup prefix "com."; deny lookup "com.apple.secd"; }\n' >"$V/name-old.buckle"
printf 'param SVC = "secd";\nmach { allow lookup prefix "com."; deny lookup "com.apple.$SVC"; }\n' >"$V/name-new.buckle"
run "diff names: a name parameter" "$BUCKLE" diff "$V/name-old.buckle" "$V/name-new.buckle"
expect_rc "diff names: com.apple.\$SVC and com.apple.secd differ (exit 1)" 1
expect_out_has "diff names: the widening is found" "WIDENING deny -> allow"
expect_out_has "diff names: at the hard-coded name" "mach-lookup com.apple.secd"
expect_out_has "diff names: under another SVC" "with SVC="
# the same rules, the parameter on both sides: no difference made up
printf 'param SVC = "secd";\nmach { deny lookup "com.apple.$SVC";\n    allow lookup prefix "com."; }\n' >"$V/name-same.buckle"
run "diff names: the parameter on both sides" "$BUCKLE" diff "$V/name-new.buckle" "$V/name-same.buckle"
expect_rc "diff names: the same rules decide the same (exit 0)" 0

# a port built on a declared default against the hard-coded port
printf 'network { allow outbound "*:*"; deny outbound "*:22"; }\n' >"$V/port-old.buckle"
printf 'param PORT = "22";\nnetwork { allow outbound "*:*"; deny outbound "*:$PORT"; }\n' >"$V/port-new.buckle"
run "diff names: a port parameter" "$BUCKLE" diff "$V/port-old.buckle" "$V/port-new.buckle"
expect_rc "diff names: *:\$PORT and *:22 differ (exit 1)" 1
expect_out_has "diff names: at the hard-coded port" "network-outbound *:22"
expect_out_has "diff names: under another PORT" "with PORT="

# import: a parameter's name prefix denied after a hard-coded prefix allowed
# (with BLOCKED=com.apple.sec the original denies com.apple.secd)
cat >"$V/prefix.sb" <<'EOF'
(version 1)
(deny default)
(allow mach-lookup (global-name-prefix "com.apple."))
(deny mach-lookup (global-name-prefix (param "BLOCKED")))
EOF
cat >"$V/regex.sb" <<'EOF'
(version 1)
(deny default)
(allow mach-lookup (global-name-prefix "com."))
(deny mach-lookup (global-name-regex (string-append "^" (param "R"))))
EOF
# import: a hard-coded deny, then an allow of all of a parameter's subpath
# (with P=/a/b/c the original denies the metadata of /a/b)
cat >"$V/traversal.sb" <<'EOF'
(version 1)
(allow default)
(deny file-read* (subpath "/a/b"))
(allow file* (subpath (param "P")))
EOF
cat >"$V/traversal-prefix.sb" <<'EOF'
(version 1)
(allow default)
(deny file-read* (prefix "/a/b"))
(allow file* (subpath (param "P")))
EOF
for c in "prefix -D BLOCKED=com.apple.sec" "regex -D R=com.apple" "traversal -D P=/a/b/c" "traversal-prefix -D P=/a/b/c"; do
    # shellcheck disable=SC2086
    set -- $c
    name=$1
    shift
    run "import names: $name" "$BUCKLE" import -o "$V/$name.buckle" "$V/$name.sb"
    expect_rc "import names: $name imports" 0
    # shellcheck disable=SC2086
    run "import names: $name, diff $*" "$BUCKLE" diff "$@" "$V/$name.sb" "$V/$name.buckle"
    expect_rc "import names: $name decides like the original with $*" 0
    expect_out_has "import names: $name: diff says the same with $*" "the same decisions"
done
grep -qF '(deny mach-lookup (global-name-prefix (param "BLOCKED")))' "$V/prefix.buckle" \
    && pass "import names: the ordered name rules are kept in SBPL" \
    || fail "import names: the ordered name rules are kept in SBPL" "$(cat "$V/prefix.buckle")"
