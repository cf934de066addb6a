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
skip() { echo "SKIP $1: $2" >>"$RESULTS"; }
if [ "$(uname -s)" != Linux ]; then skip "direnv values: every check" "not Linux"; exit 0; fi
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
if grep -q "offers no Landlock" "$TMP/err"; then skip "direnv values: every check" "this kernel has no Landlock"; exit 0; fi
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

cd / && rm -rf "$R"
