# landlock_tools_above.sh - tools run in the project take their settings
# from the directories above it too (cargo's .cargo/config.toml, ESLint's
# eslint.config.js, pytest's conftest.py, a workspace root's package.json
# for npm): a command must not leave one there unnoticed, made or changed.
# A TMPDIR above the project is set aside (the command gets buckle's own),
# so the command cannot write there at all; a directory above the project
# that the profile grants is watched whole: every entry made there during
# the run, and every file written there, fails the run and is remembered,
# and the next run from the project is refused; names deeper in it are
# looked at by name (docs/linux.md, "Denies inside a writable directory").
# Live.
. tests/lib.sh
linux_only "tools above"
runner_env
unset BUCKLE_SANDBOX_EXEC
R="$TMP/lltoolsup"
rm -rf "$R"
mkdir -p "$R/up/proj" "$R/home" "$R/prof" "$R/up2/a/proj"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
printf 'extends "std/agent";\nfiles { allow write "%s"; }\n' "$R/up" >"$R/prof/up.buckle"
printf 'extends "std/agent";\nfiles { allow write "%s"; }\n' "$R/up2" >"$R/prof/up2.buckle"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/up"
cd "$R/up/proj" || exit 1
# TMPDIR the directory above the project: set aside
run "tools above: TMPDIR above" "$B" run -v $A "$R/prof/agent.buckle" -- sh -c 'echo "T=$TMPDIR"; touch ../probe; mktemp >/dev/null && echo MKTEMP'
landlock_or_exit "tools above"
expect_rc "tools above: a TMPDIR above the project is set aside: the run goes on" 0
expect_out_has "tools above: ... mktemp works in the command's own TMPDIR" "MKTEMP"
if [ -e "$R/up/probe" ]; then fail "tools above: ... and the directory above the project is not writable" "$R/up/probe made"
else pass "tools above: ... and the directory above the project is not writable"; fi
if grep -q "T=$R/up\$" "$TMP/out"; then fail "tools above: ... the command's TMPDIR is another" "$(cat "$TMP/out")"
else pass "tools above: ... the command's TMPDIR is another"; fi
expect_err_has "tools above: ... and -v says so" "TMPDIR $R/up is above the working directory"
rm -f "$R/up/probe"
# a profile that grants the directory above the project
run "tools above: probe" "$B" run $A "$R/prof/up.buckle" -- sh -c 'touch ../probe'
if [ ! -e "$R/up/probe" ]; then skip "tools above: granted" "the directory above the project is not writable here"; cd / && rm -rf "$R"; exit 0; fi
rm -f "$R/up/probe"
for f in .cargo/config.toml rust-toolchain.toml .yarnrc.yml .npmrc package.json .envrc eslint.config.js .eslintrc.js \
         prettier.config.js .prettierrc.js deno.json .bazelrc pytest.ini conftest.py Gemfile any.name.at.all; do
    run "tools above: $f" "$B" run $A "$R/prof/up.buckle" -- sh -c \
        "mkdir -p \"\$(dirname ../$f)\" && echo x >../$f && echo PLANTED"
    expect_out_has "tools above: ($f) the command ran" "PLANTED"
    expect_rc "tools above: $f made above the project fails the run" 125
    case $f in */*) made=${f%%/*};; *) made=$f;; esac
    expect_err_has "tools above: ... naming it" "$R/up/$made exists after the run"
    run "tools above: $f next" "$B" run $A "$R/prof/up.buckle" -- true
    expect_rc "tools above: ($f) ... and the next run from the project is refused" 125
    expect_err_has "tools above: ($f) ... naming it" "$R/up/$made was made by the sandboxed command of an earlier run"
    rm -rf "$R/up/.cargo" "$R/up/$f"
done
# deeper, in a directory that was there: by name
mkdir -p "$R/up/.bundle" "$R/up/node_modules/.bin"
for f in .bundle/config node_modules/.bin/buckle; do
    run "tools above: $f deeper" "$B" run $A "$R/prof/up.buckle" -- sh -c "echo x >../$f && echo PLANTED"
    expect_rc "tools above: $f made in a directory above the project that was there fails the run" 125
    expect_err_has "tools above: ... naming it" "$R/up/$f exists after the run"
    rm -f "$R/up/$f"
done
# two levels up
cd "$R/up2/a/proj" || exit 1
run "tools above: two up" "$B" run $A "$R/prof/up2.buckle" -- sh -c 'echo x >../../conftest.py; echo "[pytest]" >../../pytest.ini'
expect_rc "tools above: conftest.py two directories above the project fails the run" 125
expect_err_has "tools above: ... naming it" "$R/up2/conftest.py exists after the run"
expect_err_has "tools above: ... and pytest.ini" "$R/up2/pytest.ini exists after the run"
rm -f "$R/up2/conftest.py" "$R/up2/pytest.ini"
cd "$R/up/proj" || exit 1
# one that was there, changed by the command
echo '{}' >"$R/up/package.json"
echo 'x' >"$R/up/notes.txt"
run "tools above: changed" "$B" run $A "$R/prof/up.buckle" -- sh -c 'echo "{\"scripts\":{}}" >../package.json; echo y >>../notes.txt'
expect_rc "tools above: a package.json above the project changed by the command fails the run" 125
expect_err_has "tools above: ... naming it" "$R/up/package.json changed during the run"
expect_err_has "tools above: ... and any other file written there" "$R/up/notes.txt changed during the run"
rm -f "$R/up/package.json" "$R/up/notes.txt"
# read, written in a directory there that tools do not look in, and the
# caller's own output there: the run goes on
echo '{}' >"$R/up/package.json"
mkdir -p "$R/up/other"
run "tools above: untouched" sh -c "'$B' run $A '$R/prof/up.buckle' -- sh -c 'cat ../package.json; echo x >../other/build.log; echo OUT' >../run.log"
expect_rc "tools above: read above, written beneath a directory there, output to a file there: the run goes on" 0
cd / && rm -rf "$R"
