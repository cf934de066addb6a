# landlock_compile_own.sh - `buckle compile --target landlock` prints the
# ruleset a Linux run applies (docs/linux.md): with the read-only mounts a
# run makes of buckle's own files (the profile and the directory it is in)
# where a grant reaches them, and a warning when the plan is for the
# built-in test values of HOME, TMPDIR or WORKDIR, which no run has.
. tests/lib.sh
linux_only "landlock compile own"
BI=$(cd "$(dirname "$BUCKLE")" && pwd)/$(basename "$BUCKLE")
R="$TMP/llcompown"
rm -rf "$R"
mkdir -p "$R/p/.buckle"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/p/.buckle/agent.buckle"
cd "$R/p" || exit 1
run "landlock compile own: json" "$BI" compile --target landlock --linux-accept=files,new-paths -D WORKDIR="$R/p" -D HOME="$R/home" \
    -D TMPDIR="$R/tmp" .buckle/agent.buckle
expect_rc "landlock compile own: compiles" 0
if grep -q '"mounts"' "$TMP/out"; then
    expect_out_has "landlock compile own: the profile inside the project is a read-only mount in the printed ruleset" \
        "{\"path\": \"$R/p/.buckle/agent.buckle\", \"bind\": \"read-only\"}"
    expect_out_has "landlock compile own: ... and the directory it is in" "{\"path\": \"$R/p/.buckle\", \"bind\": \"read-only\"}"
else
    skip "landlock compile own: the mounts" "no user namespaces here (the plan has no mounts)"
fi
if grep -q "built-in test values" "$TMP/err"; then fail "landlock compile own: no warning with every value given" "$ERR"
else pass "landlock compile own: no warning with every value given"; fi
run "landlock compile own: test values" "$BI" compile --target landlock .buckle/agent.buckle
expect_rc "landlock compile own: compiles with the test values" 0
expect_err_has "landlock compile own: warns that the plan is for the built-in test values" "WORKDIR=/Users/test/project"
