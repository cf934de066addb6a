# lib.sh - assertions for the CLI test scripts.  Each records one line in
# $RESULTS: "PASS name" or "FAIL name: why".
: "${BUCKLE:=./buckle}" "${BUILD:=build}" "${TMP:=/tmp}" "${RESULTS:=/dev/stdout}"

pass() { echo "PASS $1" >>"$RESULTS"; }
fail() { echo "FAIL $1: $2" >>"$RESULTS"; echo "FAIL $1: $2" >&2; }

# run NAME CMD...: runs CMD, keeps stdout/stderr/status in $OUT $ERR $RC
run() {
    _name=$1; shift
    "$@" >"$TMP/out" 2>"$TMP/err"
    RC=$?
    OUT=$(cat "$TMP/out")
    ERR=$(cat "$TMP/err")
}

expect_rc() {  # NAME WANT
    if [ "$RC" -eq "$2" ]; then pass "$1"; else fail "$1" "exit $RC, want $2; stderr: $(head -c 600 "$TMP/err")"; fi
}
expect_err_has() {  # NAME TEXT
    if grep -qF -- "$2" "$TMP/err"; then pass "$1"; else fail "$1" "stderr lacks '$2': $(head -c 600 "$TMP/err")"; fi
}
expect_out_has() {  # NAME TEXT
    if grep -qF -- "$2" "$TMP/out"; then pass "$1"; else fail "$1" "stdout lacks '$2'"; fi
}
expect_out_lacks() {  # NAME TEXT
    if grep -qF -- "$2" "$TMP/out"; then fail "$1" "stdout has '$2'"; else pass "$1"; fi
}
expect_same() {  # NAME FILE1 FILE2
    if cmp -s "$2" "$3"; then pass "$1"; else fail "$1" "$(diff "$2" "$3" | head -20)"; fi
}

# runner_env: absolute paths of the stand-in ($SXA) and of buckle ($B), for
# every script that runs `buckle run` (they change directory and TMPDIR):
# the test build, the only one that honours BUCKLE_SANDBOX_EXEC and a run
# cache of the suite's own (BUCKLE_TEST_CACHE_PARENT), so that the user's
# own run cache stays as it was (tests/run.sh checks); $BI stays the
# installed build, for a run without its cache (--no-cache)
runner_env() {
    SXA=$(cd "$(dirname "$BUILD/sandbox-exec-standin")" && pwd)/sandbox-exec-standin
    BI=$(cd "$(dirname "$BUCKLE")" && pwd)/$(basename "$BUCKLE")
    [ -x "$BUILD/buckle-test" ] || { echo "runner_env: $BUILD/buckle-test is missing (make test-tools)" >&2; exit 1; }
    B=$(cd "$BUILD" && pwd)/buckle-test
    mkdir -p "$TMP/runner-cache"
    BUCKLE_TEST_CACHE_PARENT=$(cd "$TMP/runner-cache" && pwd -P)
    export BUCKLE_TEST_CACHE_PARENT
}

# abspath FILE: the physical absolute path of an existing file
abspath() { echo "$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")"; }

# agent_setup TAG NAME: the set-up of a live std/agent check on Linux: skips
# every check NAME has (exit 0) off Linux or without git; sets U (a private
# directory, removed at exit, with corpus/std, prof, home and tmp), B (a copy
# of buckle beside that std), P (a profile that extends std/agent) and makes
# the repository $U/w
agent_setup() {
    if [ "$(uname -s)" != Linux ]; then echo "SKIP $2: every check: not Linux" >>"$RESULTS"; exit 0; fi
    if ! command -v git >/dev/null 2>&1; then echo "SKIP $2: every check: git is not installed" >>"$RESULTS"; exit 0; fi
    unset BUCKLE_SANDBOX_EXEC BUCKLE_PATH
    U=$(mktemp -d "${TMPDIR:-/tmp}/buckle-$1.XXXXXX")
    U=$(cd "$U" && pwd -P)
    trap 'rm -rf "$U"' EXIT
    mkdir -p "$U/corpus" "$U/prof" "$U/home" "$U/tmp"
    cp "$BUCKLE" "$U/buckle"
    cp -R corpus/std "$U/corpus/std"
    printf 'extends "std/agent";\n' >"$U/prof/agent.buckle"
    B=$U/buckle
    P=$U/prof/agent.buckle
    git init -q "$U/w"
}
