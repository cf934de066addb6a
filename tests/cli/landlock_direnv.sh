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
linux_only "direnv"
runner_env
unset BUCKLE_SANDBOX_EXEC DIRENV_CONFIG DIRENV_LAYOUT_DIR XDG_CONFIG_HOME XDG_DATA_HOME ZSH ZSH_CACHE_DIR \
    ZSH_DOTENV_FILE ZSH_DOTENV_ALLOWED_LIST
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
landlock_or_exit "direnv"
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
# a dangling link .envrc loads (.env.dev -> .env.dev.local, git-ignored
# and not there yet; std/agent denies .env and .env.local themselves):
# what it leads to is watched for appearing, as written from the link's
# directory, through a directory that is not there either
cp "$R/proj/.envrc" "$R/envrc.before-links"
printf 'dotenv_if_exists .env.dev\nsource_env_if_exists .envrc.local\n' >"$R/proj/.envrc"
mkdir "$R/proj/shared"
ln -s .env.dev.local "$R/proj/.env.dev"
ln -s shared/envrc.local "$R/proj/.envrc.local"
for f in .env.dev.local shared/envrc.local; do
    run "direnv: dangling $f" "$B" run $A "$R/prof/agent.buckle" -- sh -c "echo 'BASH_ENV=/tmp/x' >$f; echo WROTE"
    expect_out_has "direnv: (dangling $f) the command ran" "WROTE"
    expect_rc "direnv: $f, which a dangling link .envrc loads leads to, made by the command, fails the run" 125
    expect_err_has "direnv: ... naming it" "$R/proj/$f exists after the run"
    run "direnv: dangling $f next" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "direnv: (dangling $f) ... and the next run is refused" 125
    rm -f "$f"
done
rm -f "$R/proj/.env.dev"
ln -s cfg/../cfg/./env "$R/proj/.env.dev"
run "direnv: dangling dir" "$B" run $A "$R/prof/agent.buckle" -- sh -c "mkdir cfg; echo 'BASH_ENV=/tmp/x' >cfg/env"
expect_rc "direnv: a dangling link through a directory not there yet, its file made by the command, fails the run" 125
expect_err_has "direnv: ... naming it" "$R/proj/cfg/env exists after the run"
rm -rf "$R/proj/.env.dev" "$R/proj/cfg" "$R/proj/.envrc.local" "$R/proj/shared" "$R/proj/.envrc"
cp "$R/envrc.before-links" "$R/proj/.envrc"
# every word of an .envrc that names a file is watched, whatever the
# idiom around it (a function, builtin/command, an interpreter, a command's
# output): each file below, made by the command, fails the run
plant() {   # NAME ENVRC FILE
    printf '%s\n' "$2" >"$R/proj/.envrc"
    run "direnv: $1" "$B" run $A "$R/prof/agent.buckle" -- sh -c "mkdir -p \$(dirname $3); echo 'echo x' >$3"
    expect_rc "direnv: $1: $3, made by the command, fails the run" 125
    expect_err_has "direnv: ($1) ... naming it" "$R/proj/$3 exists after the run"
    rm -f "$R/proj/$3"
}
cp "$R/proj/.envrc" "$R/envrc.saved"
plant "export cat xargs" 'export $(cat .env.r | xargs)' .env.r
plant "bash" 'bash tools/setup2.sh' tools/setup2.sh
plant "python3" 'python3 tools/setup.py' tools/setup.py
plant "function" 'load() { source ./lib/e.sh; }
load' lib/e.sh
plant "builtin source" 'builtin source .envrc.n' .envrc.n
plant "command ." 'command . ./.envrc.o' .envrc.o
plant "eval cat" 'eval "$(cat .envrc.k)"' .envrc.k
plant "source <(cat)" 'source <(cat .envrc.l)' .envrc.l
plant "export BASH_ENV" 'export BASH_ENV=$PWD/tools/x.sh' tools/x.sh
echo '. tools/more.sh' >"$R/proj/tools/run.sh"
plant "sourced by a script bash runs" 'bash tools/run.sh' tools/more.sh
rm -f "$R/proj/tools/run.sh"
plant "sh" 'sh tools/x2.sh' tools/x2.sh
plant "node" 'node tools/x.js' tools/x.js
plant "eval a script's output" 'eval "$(./scripts/env2.sh)"' scripts/env2.sh
plant "a continued line" 'source \
  .envrc.c' .envrc.c
mkdir -p "$R/proj/nix"
plant "use nix FILE" 'use nix ./nix/shell.nix' nix/shell.nix
plant "use flake path:DIR" 'use flake path:./nix' nix/flake.nix
rmdir "$R/proj/nix"
plant "use devenv" 'use devenv' devenv.nix
plant "an assignment" 'f=.env.f
dotenv "$f"' .env.f
plant "eval devbox" 'eval "$(devbox generate direnv --print-envrc)"' devbox.json
plant "eval flox" 'eval "$(flox activate)"' .flox/env/manifest.toml
plant "NODE_OPTIONS" 'export NODE_OPTIONS="--require ./tools/r.js"' tools/r.js
plant "GIT_CONFIG_GLOBAL" 'export GIT_CONFIG_GLOBAL=.gitconfig.local' .gitconfig.local
# nix-direnv's cache of what use flake evaluated, in direnv's layout
# directory: evaluated at each cd while newer than flake.nix
mkdir -p "$R/proj/.direnv"
echo 'export X=1' >"$R/proj/.direnv/flake-profile-0a1b.rc"
printf 'use flake\n' >"$R/proj/.envrc"
run "direnv: nix-direnv cache" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo "echo x" >>.direnv/flake-profile-0a1b.rc'
expect_rc "direnv: nix-direnv's cached environment, written by the command, fails the run" 125
expect_err_has "direnv: ... naming it" "$R/proj/.direnv/flake-profile-0a1b.rc changed during the run"
rm -rf "$R/proj/.direnv"
# a word the shell makes cannot be followed: said once
printf 'f=.env.x\ndotenv "$f"\neval "$(tool hook)"\n' >"$R/proj/.envrc"
run "direnv: built" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "direnv: an .envrc with a word the shell makes: the run goes on" 0
expect_err_has "direnv: ... and it is said" "$R/proj/.envrc:2: dotenv \$f: a word the shell makes"
# a file direnv only watches for changes, and a word naming no file there
printf 'watch_file package.json\nexport NODE_ENV=development\n' >"$R/proj/.envrc"
echo '{}' >"$R/proj/package.json"
run "direnv: watch_file" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo "{ }" >package.json'
expect_rc "direnv: a file watch_file names, written by the command: the run goes on" 0
rm -f "$R/proj/package.json"
# an environment variable no program runs the value of names the project's
# data (FLASK_APP, DATABASE_URL): the command may change it; one whose
# value a program runs (AIDER_LINT_CMD, BASH_ENV) is watched
mkdir -p "$R/proj/app"
echo 'print(1)' >"$R/proj/app/main.py"
echo 'x' >"$R/proj/db.sqlite3"
printf 'export FLASK_APP=app/main.py\nexport DATABASE_URL=sqlite:db.sqlite3\nexport DATA_PATH=app/data.csv LOG_DIR=app/log\n' >"$R/proj/.envrc"
run "direnv: data" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo "print(2)" >app/main.py; echo y >db.sqlite3; echo 1 >app/data.csv; mkdir app/log'
expect_rc "direnv: a file an environment variable names as data, written by the command: the run goes on" 0
printf 'export AIDER_LINT_CMD=./app/lint.sh
' >"$R/proj/.envrc"
echo 'true' >"$R/proj/app/lint.sh"
run "direnv: code var" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo "echo x" >app/lint.sh'
expect_rc "direnv: a program a variable names (AIDER_LINT_CMD), written by the command, fails the run" 125
expect_err_has "direnv: ... naming it" "$R/proj/app/lint.sh changed during the run"
rm -rf "$R/proj/app" "$R/proj/db.sqlite3"
printf 'watch_file package.json\nexport NODE_ENV=development\n' >"$R/proj/.envrc"
# PATH_add's directory is a PATH directory of the project's shell
if [ -x /usr/bin/git ] || [ -x /bin/git ]; then
    mkdir -p "$R/proj/bin"
    printf 'PATH_add bin\n' >"$R/proj/.envrc"
    run "direnv: PATH_add" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'printf "#!/bin/sh\n" >bin/git; chmod +x bin/git'
    expect_rc "direnv: a git made in PATH_add's directory fails the run" 125
    expect_err_has "direnv: ... naming it" "$R/proj/bin/git exists after the run"
    rm -rf "$R/proj/bin"
fi
# the .envrc files direnv loads other than the working directory's: one
# beneath it the user has allowed (direnv's allow record names it) ...
mkdir -p "$R/proj/packages/web" "$R/home/.local/share/direnv/allow"
echo dotenv_if_exists >"$R/proj/packages/web/.envrc"
echo "$R/proj/packages/web/.envrc" >"$R/home/.local/share/direnv/allow/0123abcd"
plant "nested allowed .envrc" '' packages/web/.env
rm -f "$R/home/.local/share/direnv/allow/0123abcd"
# (one not allowed yet: direnv asks, and the user allows what .envrc says)
plant "nested .envrc" '' packages/web/.env
# (one a package brings in node_modules is no one's to allow: an install
# that rewrites what it names goes on)
mkdir -p "$R/proj/node_modules/pkg"
echo 'dotenv_if_exists' >"$R/proj/node_modules/pkg/.envrc"
echo 'A=1' >"$R/proj/node_modules/pkg/.env"
run "direnv: node_modules" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo A=2 >node_modules/pkg/.env'
expect_rc "direnv: a package's .envrc in node_modules: what it names, rewritten, lets the run go on" 0
rm -rf "$R/proj/node_modules"
# ... and the one above it, when the command starts in a subdirectory
printf 'dotenv_if_exists packages/web/.env.shared\n' >"$R/proj/.envrc"
cd "$R/proj/packages/web" || exit 1
run "direnv: parent" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo A=1 >.env.shared'
expect_rc "direnv: a file the .envrc above the working directory loads, made by the command, fails the run" 125
expect_err_has "direnv: ... naming it" "$R/proj/packages/web/.env.shared exists after the run"
rm -f .env.shared
cd "$R/proj" || exit 1
rm -rf "$R/proj/packages"
# a name too long for the kernel to open: nothing loads it, nothing to watch
mkdir -p "$R/proj/long"
awk 'BEGIN { printf "source "; for (i = 0; i < 1000000; i++) printf "a/"; print "x" }' >"$R/proj/long/.envrc"
run "direnv: long name" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "direnv: an .envrc sourcing a name of 2,000,000 characters: the run goes on" 0
rm -rf "$R/proj/long"
# direnv's configuration: whitelist exact runs that .envrc whatever it
# says, so it is watched itself; whitelist prefix trusts every .envrc
# beneath it, new ones too: the run is refused
mkdir -p "$R/home/.config/direnv" "$R/proj/sub"
echo 'export A=1' >"$R/proj/sub/.envrc"
printf '[whitelist]\nexact = [\n  "%s/proj/sub/.envrc",\n]\n' "$R" >"$R/home/.config/direnv/direnv.toml"
printf '\n' >"$R/proj/.envrc"
run "direnv: exact" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo "echo x" >>sub/.envrc'
expect_rc "direnv: an .envrc direnv.toml trusts by name, written by the command, fails the run" 125
expect_err_has "direnv: ... naming it" "$R/proj/sub/.envrc changed during the run"
rm -rf "$R/proj/sub"
printf '[global]\nload_dotenv = true\n[whitelist]\nprefix = [ "~/../proj" ]\n' >"$R/home/.config/direnv/direnv.toml"
run "direnv: prefix" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo RAN'
expect_rc "direnv: direnv.toml trusting every .envrc beneath the project: the run is refused" 125
expect_out_lacks "direnv: ... before the command starts" "RAN"
expect_err_has "direnv: ... saying why" "trusts every .envrc and .env beneath $R/proj (whitelist prefix)"
rm -rf "$R/home/.config/direnv"
cp "$R/envrc.saved" "$R/proj/.envrc"
# a FIFO where .envrc names a file is not waited on
mkfifo "$R/proj/.envrc.fifo"
printf 'source_env_if_exists .envrc.fifo\n' >"$R/proj/.envrc"
run "direnv: fifo" timeout 60 "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "direnv: a FIFO .envrc sources: the run goes on, not waiting on it" 0
rm -f "$R/proj/.envrc.fifo"
cp "$R/envrc.saved" "$R/proj/.envrc"
# .envrc itself: direnv keeps every allow it gave, so an earlier version
# put back (git show HEAD~1:.envrc) runs without asking, and loads what it
# loads; one allowed and removed, made again, the same
run "direnv: .envrc" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo "source_env_if_exists .envrc.old" >.envrc'
expect_rc "direnv: the working directory's .envrc, rewritten by the command, fails the run" 125
expect_err_has "direnv: ... naming it and why" "$R/proj/.envrc changed during the run: direnv runs it in your shell"
rm -f "$R/proj/.envrc"
cp "$R/envrc.saved" "$R/proj/.envrc"
mkdir -p "$R/home/.local/share/direnv/allow"
echo "$R/proj/gone/.envrc" >"$R/home/.local/share/direnv/allow/4567cdef"
run "direnv: .envrc gone" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'mkdir gone; echo "dotenv" >gone/.envrc'
expect_rc "direnv: an allowed .envrc that was gone, made again by the command, fails the run" 125
expect_err_has "direnv: ... naming it" "$R/proj/gone/.envrc exists after the run"
rm -rf "$R/proj/gone" "$R/home/.local/share/direnv/allow/4567cdef"
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
rm -f "$R/plain/.env.development"
# ... but a .env oh-my-zsh's dotenv plugin loads (its list of directories
# answered "always") is watched: one in a subdirectory, which std/agent
# does not deny
mkdir -p "$R/home/.oh-my-zsh/cache" "$R/plain/sub"
echo "$R/plain/sub" >"$R/home/.oh-my-zsh/cache/dotenv-allowed.list"
run "direnv: omz dotenv" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo BASH_ENV=/tmp/x >sub/.env'
expect_rc "direnv: .env of a directory oh-my-zsh's dotenv plugin allows, made by the command, fails the run" 125
expect_err_has "direnv: ... naming it and why" "$R/plain/sub/.env exists after the run: it did not exist when the command started: oh-my-zsh's dotenv plugin loads it"
# a file .envrc loads written again with the very bytes it had (a
# virtual environment made again: its bin/activate is the same text) is
# as it was; other bytes, or other modes, fail the run
mkdir -p "$R/venvp/.venv/bin"
cd "$R/venvp" || exit 1
printf 'source .venv/bin/activate\n' >.envrc
printf 'VIRTUAL_ENV=%s/.venv\nexport VIRTUAL_ENV\n' "$R/venvp" >.venv/bin/activate
run "direnv: same bytes" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'cp .venv/bin/activate a.keep; rm -rf .venv; mkdir -p .venv/bin; cat a.keep >.venv/bin/activate; rm -f a.keep; echo REMADE'
expect_out_has "direnv: a loaded file made again" REMADE
expect_rc "direnv: ... with the very bytes it had: the run goes on" 0
run "direnv: same bytes, linked" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'cp .venv/bin/activate b.keep; rm .venv/bin/activate; ln b.keep .venv/bin/activate'
expect_rc "direnv: ... the same bytes in a hard link to a file elsewhere: the run fails" 125
rm -f b.keep
printf 'VIRTUAL_ENV=%s/.venv\nexport VIRTUAL_ENV\n' "$R/venvp" >.venv/bin/activate.new && mv .venv/bin/activate.new .venv/bin/activate
run "direnv: other bytes" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo "echo x" >>.venv/bin/activate'
expect_rc "direnv: ... written with other bytes: the run fails" 125
expect_err_has "direnv: ... naming it" "$R/venvp/.venv/bin/activate changed during the run: the project's .envrc loads it"
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -m venv "$R/tmp/venvprobe" >/dev/null 2>&1; then
    rm -rf .venv "$R/tmp/venvprobe"
    /usr/bin/python3 -m venv .venv
    run "direnv: venv made again" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'rm -rf .venv && /usr/bin/python3 -m venv .venv && echo REMADE'
    expect_out_has "direnv: python3 -m venv run again in the sandbox" REMADE
    expect_rc "direnv: ... its bin/activate, which .envrc sources, the same text: the run goes on" 0
else
    skip "direnv: python3 -m venv run again in the sandbox" "no /usr/bin/python3 with venv"
fi
cd / && rm -rf "$R"
