# landlock_direnv.sh - direnv runs a project's .envrc in the user's shell
# at each cd into the project, and its allow covers .envrc alone: the
# files .envrc loads (dotenv's .env, source_env's .envrc.local, a sourced
# script, use flake's flake.nix, a script it runs by path, and what those
# load in turn) run whatever they say.  One the command makes or changes
# fails the run and is remembered; other files do not (docs/linux.md,
# "Denies inside a writable directory"); a top-level .env without an
# .envrc is std/agent's deny (docs/std.md).  Live; direnv itself is not
# needed.
. tests/lib.sh
skip() { echo "SKIP $1: $2" >>"$RESULTS"; }
if [ "$(uname -s)" != Linux ]; then skip "direnv: every check" "not Linux"; exit 0; fi
runner_env
unset BUCKLE_SANDBOX_EXEC
R="$TMP/lldirenv"
rm -rf "$R"
mkdir -p "$R/proj/scripts" "$R/proj/tools" "$R/home" "$R/prof" "$R/tmp" "$R/plain"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/tmp"
cat >"$R/proj/.envrc" <<'ENVRC'
# the user's own, allowed with direnv allow
dotenv_if_exists
source_env_if_exists .envrc.local   # a developer's own settings
if has nix; then use flake; fi
source scripts/env.sh; ./tools/setup.sh --quiet
PATH_add bin
ENVRC
echo 'export X=1' >"$R/proj/scripts/env.sh"
printf '#!/bin/sh\n' >"$R/proj/tools/setup.sh"
cd "$R/proj" || exit 1
run "direnv: probe" "$B" run $A "$R/prof/agent.buckle" -- true
if grep -q "offers no Landlock" "$TMP/err"; then skip "direnv: every check" "this kernel has no Landlock"; exit 0; fi
expect_rc "direnv: a project with an .envrc, nothing written: the run goes on" 0
for f in .env .envrc.local flake.nix scripts/env.sh tools/setup.sh; do
    [ -e "$f" ] && cp "$f" "$R/saved" || rm -f "$R/saved"
    run "direnv: $f" "$B" run $A "$R/prof/agent.buckle" -- sh -c "echo 'BASH_ENV=/tmp/x' >>$f; echo WROTE"
    expect_out_has "direnv: ($f) the command ran" "WROTE"
    expect_rc "direnv: $f written by the command fails the run" 125
    expect_err_has "direnv: ... naming it" "$R/proj/$f"
    expect_err_has "direnv: ... and why" "the project's .envrc loads it"
    run "direnv: $f next" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "direnv: ($f) ... and the next run is refused" 125
    rm -f "$f"
    [ -e "$R/saved" ] && cp "$R/saved" "$f"
done
# what a sourced file loads in turn
echo 'source_env_if_exists .envrc.private' >"$R/proj/.envrc.local"
run "direnv: nested" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo "echo x" >.envrc.private'
expect_rc "direnv: a file that .envrc.local loads, made by the command, fails the run" 125
expect_err_has "direnv: ... naming it" "$R/proj/.envrc.private exists after the run"
rm -f "$R/proj/.envrc.private" "$R/proj/.envrc.local"
# a file .envrc loads that is a link (.env -> .env.development): what it
# leads to is watched too
echo 'A=1' >"$R/proj/.env.development"
ln -s .env.development "$R/proj/.env"
# (std/agent denies .env itself, which through a link is class links)
run "direnv: link" "$B" run $A,links "$R/prof/agent.buckle" -- sh -c "echo 'BASH_ENV=/tmp/x' >>.env.development; echo WROTE"
expect_rc "direnv: the target of a linked .env, written by the command, fails the run" 125
expect_err_has "direnv: ... naming the target" "$R/proj/.env.development changed during the run"
rm -f "$R/proj/.env" "$R/proj/.env.development"
# other files: the run goes on
run "direnv: other" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo x >notes.txt; echo x >scripts/other.sh'
expect_rc "direnv: other files written: the run goes on" 0
# no .envrc: other tools load .env by themselves, and std/agent denies it
# (docs/std.md); another name there is the project's business
cd "$R/plain" || exit 1
run "direnv: plain" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo A=1 >.env'
expect_rc "direnv: .env written in a project without an .envrc fails the run under std/agent" 125
expect_err_has "direnv: ... naming the profile's deny" "$R/plain/.env exists after the run, and the profile denies writing it"
rm -f "$R/plain/.env"
run "direnv: plain other" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo A=1 >.env.development'
expect_rc "direnv: .env.development written in a project without an .envrc: the run goes on" 0
cd / && rm -rf "$R"
