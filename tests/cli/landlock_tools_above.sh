# landlock_tools_above.sh - tools run in the project take their settings
# from the directories above it too (cargo's .cargo/config.toml, rustup's
# rust-toolchain.toml, yarn's .yarnrc.yml, a workspace root's package.json
# for npm): a command that may write a directory above the project (TMPDIR
# there) must not leave one there unnoticed, made or changed.  Each fails
# the run and is remembered: the next run from the project is refused
# (docs/linux.md, "Denies inside a writable directory").  Live.
. tests/lib.sh
skip() { echo "SKIP $1: $2" >>"$RESULTS"; }
if [ "$(uname -s)" != Linux ]; then skip "tools above: every check" "not Linux"; exit 0; fi
runner_env
unset BUCKLE_SANDBOX_EXEC
R="$TMP/lltoolsup"
rm -rf "$R"
mkdir -p "$R/up/proj" "$R/home" "$R/prof"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/up"
cd "$R/up/proj" || exit 1
run "tools above: probe" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'touch ../probe'
if grep -q "offers no Landlock" "$TMP/err"; then skip "tools above: every check" "this kernel has no Landlock"; exit 0; fi
if [ ! -e "$R/up/probe" ]; then skip "tools above: every check" "the directory above the project is not writable here"; exit 0; fi
for f in .cargo/config.toml rust-toolchain.toml .yarnrc.yml .npmrc package.json .envrc; do
    run "tools above: $f" "$B" run $A "$R/prof/agent.buckle" -- sh -c \
        "mkdir -p \"\$(dirname ../$f)\" && echo x >../$f && echo PLANTED"
    expect_out_has "tools above: ($f) the command ran" "PLANTED"
    expect_rc "tools above: $f made above the project fails the run" 125
    expect_err_has "tools above: ... naming it" "$R/up/$f exists after the run"
    run "tools above: $f next" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "tools above: ($f) ... and the next run from the project is refused" 125
    expect_err_has "tools above: ($f) ... naming it" "$R/up/$f was made by the sandboxed command of an earlier run"
    rm -rf "$R/up/.cargo" "$R/up/$f"
done
# one that was there, changed by the command
echo '{}' >"$R/up/package.json"
run "tools above: changed" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo "{\"scripts\":{}}" >../package.json'
expect_rc "tools above: a package.json above the project changed by the command fails the run" 125
expect_err_has "tools above: ... naming it" "$R/up/package.json changed during the run"
rm -f "$R/up/package.json"
# one left as it was, and other files above: the run goes on
echo '{}' >"$R/up/package.json"
run "tools above: untouched" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'cat ../package.json >/dev/null; echo x >../build.log'
expect_rc "tools above: other files written above, the tools' own untouched: the run goes on" 0
cd / && rm -rf "$R"
