# landlock_direnv_values.sh - what an .envrc sets, beyond the files it
# loads: the values of the dotenv files it loads (exported like its own),
# the PATH directories direnv's layouts put first and the programs the
# .envrc runs by name from them, words with braces, direnv's own
# configuration and allow records where the environment puts them, and
# the start-up files a search path it sets brings in.  Each such file the
# command makes or changes fails the run (docs/linux.md, "Denies inside a
# writable directory"); the project's data does not.  Live; direnv itself
# is not needed.
. tests/lib.sh
linux_only "direnv values"
runner_env
unset BUCKLE_SANDBOX_EXEC DIRENV_CONFIG DIRENV_LAYOUT_DIR XDG_CONFIG_HOME XDG_DATA_HOME ZSH ZSH_CACHE_DIR \
    ZSH_DOTENV_FILE ZSH_DOTENV_ALLOWED_LIST
R="$TMP/lldirenvv"
rm -rf "$R"
mkdir -p "$R/proj/tools" "$R/proj/app" "$R/home" "$R/prof" "$R/tmp"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/tmp"
cd "$R/proj" || exit 1
printf '\n' >.envrc
run "direnv values: probe" "$B" run $A "$R/prof/agent.buckle" -- true
landlock_or_exit "direnv values"
expect_rc "direnv values: a project with an empty .envrc: the run goes on" 0

# changed: NAME ENVRC FILE CMD: FILE (there) changed by CMD fails the run,
# and the next run is refused
changed() {
    printf '%s\n' "$2" >.envrc
    run "direnv values: $1" "$B" run $A "$R/prof/agent.buckle" -- sh -c "$4"
    expect_rc "direnv values: $1: $3, written by the command, fails the run" 125
    expect_err_has "direnv values: ($1) ... naming it" "$R/proj/$3"
    run "direnv values: $1 next" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "direnv values: ($1) ... and the next run is refused" 125
    rm -f "$R/proj/$3"
}
# shadowed: NAME ENVRC FILE CMD: FILE, a program made by CMD in a PATH
# directory the .envrc puts first, fails the run (and is moved aside)
shadowed() {
    printf '%s\n' "$2" >.envrc
    run "direnv values: $1" "$B" run $A "$R/prof/agent.buckle" -- sh -c "$4"
    expect_rc "direnv values: $1: $3, made by the command, fails the run" 125
    expect_err_has "direnv values: ($1) ... naming it" "$R/proj/$3 exists after the run"
}
# goes_on: NAME ENVRC CMD: the run goes on
goes_on() {
    printf '%s\n' "$2" >.envrc
    run "direnv values: $1" "$B" run $A "$R/prof/agent.buckle" -- sh -c "$3"
    expect_rc "direnv values: $1: the run goes on" 0
}

# the values of a dotenv file .envrc loads are exported as its own are
echo 'module.exports = 1' >tools/x.js
printf 'NODE_OPTIONS="--require ./tools/x.js"\n' >.env.shared
changed "dotenv NODE_OPTIONS" 'dotenv .env.shared' tools/x.js 'echo "require(1)" >tools/x.js'
echo 'module.exports = 1' >tools/x.js
printf 'BASH_ENV=%s/proj/tools/e.sh\n' "$R" >.env.shared
echo 'true' >tools/e.sh
changed "dotenv_if_exists BASH_ENV" 'dotenv_if_exists .env.shared' tools/e.sh 'echo "touch /tmp/x" >tools/e.sh'
rm -f .env.shared
echo 'export RUBYOPT=-r./tools/r.rb' >.env
echo 'true' >tools/r.rb
changed "dotenv RUBYOPT" 'dotenv' tools/r.rb 'echo "x" >tools/r.rb'
rm -f .env
# (a dotenv file's data is the project's, as the .envrc's is)
echo 'print(1)' >app/main.py
printf 'FLASK_APP=app/main.py\nDATABASE_URL=sqlite:app/db.sqlite3\n' >.env.shared
goes_on "dotenv data" 'dotenv .env.shared' 'echo "print(2)" >app/main.py; echo y >app/db.sqlite3'
rm -f .env.shared app/db.sqlite3

# direnv's layouts put their bin directories first in PATH: a git made
# there is what the next git in the project runs
if [ -x /usr/bin/git ] || [ -x /bin/git ]; then
    mkdir -p .direnv/python-3.11/bin
    printf '#!/bin/sh\n' >.direnv/python-3.11/bin/pip
    chmod +x .direnv/python-3.11/bin/pip
    shadowed "layout python3" 'layout python3' .direnv/python-3.11/bin/git \
        'printf "#!/bin/sh\n" >.direnv/python-3.11/bin/git; chmod +x .direnv/python-3.11/bin/git'
    # (what pip does there, a new command and pip upgraded, is the project's)
    goes_on "layout python3, pip install" 'layout python3' \
        'printf "#!/bin/sh\n" >.direnv/python-3.11/bin/black; echo "#!/bin/sh" >.direnv/python-3.11/bin/pip'
    rm -rf .direnv
    # (a python-VERSION direnv would take, made by the command)
    changed "layout python3, a new environment" 'layout python' .direnv 'mkdir -p .direnv/python-3.12/bin'
    rm -rf .direnv
    shadowed "layout go" 'layout go' .direnv/go/bin/git 'mkdir -p .direnv/go/bin; printf "#!/bin/sh\n" >.direnv/go/bin/git; chmod +x .direnv/go/bin/git'
    rm -rf .direnv
    # and a PATH= in a dotenv file the .envrc loads
    mkdir -p bin2
    printf 'PATH=%s/proj/bin2:/usr/bin:/bin\n' "$R" >.env.shared
    shadowed "dotenv PATH" 'dotenv .env.shared' bin2/git 'printf "#!/bin/sh\n" >bin2/git; chmod +x bin2/git'
    rm -rf bin2 .env.shared
fi
# a program the .envrc runs by name from a directory it put first in PATH
mkdir -p scripts
printf '#!/bin/sh\n' >scripts/setup.sh
chmod +x scripts/setup.sh
changed "PATH_add, run by name" 'PATH_add scripts
setup.sh --quiet' scripts/setup.sh 'echo "touch /tmp/x" >>scripts/setup.sh'
changed "PATH_add, run by name, made" 'PATH_add scripts
init-env' scripts/init-env 'printf "#!/bin/sh\n" >scripts/init-env; chmod +x scripts/init-env'
rm -rf scripts
# nix-direnv's own programs in direnv's layout directory, run by name
# (nix-direnv-reload); and the layout directory an .envrc sets itself
mkdir -p .direnv/bin
printf '#!/bin/sh\n' >.direnv/bin/nix-direnv-reload
changed "nix-direnv-reload" 'use flake' .direnv/bin/nix-direnv-reload 'echo "touch /tmp/x" >>.direnv/bin/nix-direnv-reload'
rm -rf .direnv
mkdir -p .cache/direnv
echo 'export X=1' >.cache/direnv/flake-profile-a.rc
changed "DIRENV_LAYOUT_DIR set in .envrc" 'export DIRENV_LAYOUT_DIR=$PWD/.cache/direnv
use flake' .cache/direnv/flake-profile-a.rc 'echo "touch /tmp/x" >>.cache/direnv/flake-profile-a.rc'
rm -rf .cache
# brace expansion: each word it makes
changed "source braces" 'source .envrc.{local,x}' .envrc.x 'echo "touch /tmp/x" >.envrc.x'
changed "dotenv_if_exists braces" 'dotenv_if_exists .env.{shared,dev}' .env.shared 'echo "BASH_ENV=/tmp/x" >.env.shared'
changed "source ~+/" 'source ~+/.envrc.p' .envrc.p 'echo "touch /tmp/x" >.envrc.p'
# (a sequence is not made: said, as a word the shell makes)
printf 'source .envrc.{1..3}\n' >.envrc
run "direnv values: brace sequence" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "direnv values: an .envrc with a brace sequence: the run goes on" 0
expect_err_has "direnv values: ... and it is said" "$R/proj/.envrc:1: source .envrc.{1..3}: a word the shell makes"

# a start-up file in a directory a search path the .envrc sets names:
# python imports sitecustomize.py from PYTHONPATH at every start
mkdir -p src
changed "PYTHONPATH sitecustomize.py" 'export PYTHONPATH=$PWD/src' src/sitecustomize.py 'echo "import os" >src/sitecustomize.py'
changed "PYTHONPATH usercustomize.py" 'export PYTHONPATH=$PWD/src' src/usercustomize.py 'echo "import os" >src/usercustomize.py'
# (zsh's start-up files in ZDOTDIR: .zshrc for every interactive zsh)
changed "ZDOTDIR .zshrc" 'export ZDOTDIR=$PWD/src' src/.zshrc 'echo "touch /tmp/x" >src/.zshrc'
goes_on "PYTHONPATH, the project's code" 'export PYTHONPATH=$PWD/src' 'echo "x = 1" >src/mod.py'
rm -rf src

# an option's file joined to it by '=' (node's --require=./x.js)
echo 'module.exports = 1' >tools/n.js
changed "NODE_OPTIONS --require=" 'export NODE_OPTIONS=--require=./tools/n.js' tools/n.js 'echo "x" >>tools/n.js'
echo 'module.exports = 1' >tools/n.js
changed "NODE_OPTIONS --import=\$PWD" 'export NODE_OPTIONS=--import=$PWD/tools/n.js' tools/n.js 'echo "x" >>tools/n.js'
# (a long option's one-letter name with a dotted key: its value after the '=')
echo 'module.exports = 1' >tools/n.js
changed "--x.y=./f" 'tool --x.y=./tools/n.js' tools/n.js 'echo "x" >>tools/n.js'
# (and as a file: URL, joined or the next word)
echo 'export default 1' >tools/n.mjs
changed "NODE_OPTIONS --import=file://" 'export NODE_OPTIONS="--import=file://$PWD/tools/n.mjs"' tools/n.mjs 'echo "x" >>tools/n.mjs'
echo 'export default 1' >tools/n.mjs
changed "NODE_OPTIONS --experimental-loader file://" 'export NODE_OPTIONS="--experimental-loader file://$PWD/tools/n.mjs"' tools/n.mjs 'echo "x" >>tools/n.mjs'
echo 'export default 1' >tools/n.mjs
changed "NODE_OPTIONS --import=file://localhost" 'export NODE_OPTIONS="--import=file://localhost$PWD/tools/n.mjs"' tools/n.mjs 'echo "x" >>tools/n.mjs'
if grep -qF /localhost "$TMP/err"; then fail "direnv values: (NODE_OPTIONS --import=file://localhost) ... the file node loads, not one beneath localhost" "$(head -c 600 "$TMP/err")"
else pass "direnv values: (NODE_OPTIONS --import=file://localhost) ... the file node loads, not one beneath localhost"; fi
echo 'export default 1' >tools/n.mjs
changed "NODE_OPTIONS --import=FILE:, %XX" 'export NODE_OPTIONS="--import=FILE:$PWD/%74ools/n.mjs?v=1"' tools/n.mjs 'echo "x" >>tools/n.mjs'
if [ -x /usr/bin/git ] || [ -x /bin/git ]; then
    mkdir -p vendor/bin
    shadowed "layout php" 'layout php' vendor/bin/git 'printf "#!/bin/sh\n" >vendor/bin/git; chmod +x vendor/bin/git'
    rm -rf vendor
    mkdir -p .local
    shadowed "load_prefix" 'load_prefix .local' .local/bin/git 'mkdir -p .local/bin; printf "#!/bin/sh\n" >.local/bin/git; chmod +x .local/bin/git'
    rm -rf .local
    mkdir -p cenv/bin
    shadowed "layout anaconda ./cenv" 'layout anaconda ./cenv' cenv/bin/git 'printf "#!/bin/sh\n" >cenv/bin/git; chmod +x cenv/bin/git'
    rm -rf cenv
    # (PATH_add cleans its word as direnv does: t8/../t9 is t9, t8 there or not)
    shadowed "PATH_add a/../b" 'PATH_add t8/../t9' t9/git 'mkdir -p t9; printf "#!/bin/sh\n" >t9/git; chmod +x t9/git'
    rm -rf t9
fi

# what a .env oh-my-zsh's dotenv plugin sources names (its list of
# directories answered "always")
mkdir -p "$R/home/.oh-my-zsh/cache" omz
echo "$R/proj/omz" >"$R/home/.oh-my-zsh/cache/dotenv-allowed.list"
printf 'export BASH_ENV=%s/proj/omz/e.sh\n' "$R" >omz/.env
echo 'true' >omz/e.sh
changed "oh-my-zsh .env BASH_ENV" '' omz/e.sh 'echo "touch /tmp/x" >omz/e.sh'
rm -rf omz "$R/home/.oh-my-zsh"

# direnv's own files where the environment puts them: direnvrc runs
# before every .envrc, an allow record allows one; in a directory the
# command may write, the run is refused before it starts
printf '\n' >.envrc
for v in DIRENV_CONFIG XDG_DATA_HOME; do
    run "direnv values: $v" env $v="$R/proj/own" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo RAN'
    expect_rc "direnv values: $v in the project: the run is refused" 125
    expect_out_lacks "direnv values: ($v) ... before the command starts" "RAN"
    expect_err_has "direnv values: ($v) ... saying why" "the environment's $v ($R/proj/own) puts direnv's own files"
    mkdir -p "$R/own"
    run "direnv values: $v elsewhere" env $v="$R/own" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "direnv values: $v where the command may not write: the run goes on" 0
done

# a relative one, from the directory of the shell that runs direnv (the
# project's)
run "direnv values: DIRENV_CONFIG relative" env DIRENV_CONFIG=own "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo RAN'
expect_rc "direnv values: a relative DIRENV_CONFIG, in the project: the run is refused" 125
expect_err_has "direnv values: ... saying why" "the environment's DIRENV_CONFIG (own) puts direnv's own files where the plan lets the command write them ($R/proj/own/direnvrc"

# (XDG_CONFIG_HOME in the project with git's own file there denied:
# direnv's direnvrc is still there)
printf 'extends "std/agent";\nfiles { deny final write literal "$WORKDIR/own/git/config"; }\n' >"$R/prof/git-denied.buckle"
run "direnv values: XDG_CONFIG_HOME, git's denied" env XDG_CONFIG_HOME="$R/proj/own" "$B" run $A "$R/prof/git-denied.buckle" -- sh -c 'echo RAN'
expect_rc "direnv values: XDG_CONFIG_HOME in the project, git's config denied: the run is refused" 125
expect_err_has "direnv values: ... naming direnv's files" "the environment's XDG_CONFIG_HOME ($R/proj/own) puts direnv's own files"
run "direnv values: XDG_CONFIG_HOME relative, git's denied" env XDG_CONFIG_HOME=own "$B" run $A "$R/prof/git-denied.buckle" -- sh -c 'echo RAN'
expect_rc "direnv values: a relative XDG_CONFIG_HOME in the project, git's config denied: the run is refused" 125
expect_err_has "direnv values: ... naming direnv's files" "the environment's XDG_CONFIG_HOME (own) puts direnv's own files"
# a pager man runs, from the environment
printf '#!/bin/sh\n' >tools/pager.sh
run "direnv values: MANPAGER" env MANPAGER="$R/proj/tools/pager.sh" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo RAN'
expect_rc "direnv values: the environment's MANPAGER naming a file the command may write: the run is refused" 125
expect_err_has "direnv values: ... saying why" "the environment's MANPAGER names $R/proj/tools/pager.sh"

cd / && rm -rf "$R"
