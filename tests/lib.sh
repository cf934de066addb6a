# lib.sh - assertions for the CLI test scripts.  Each records one line in
# $RESULTS: "PASS name" or "FAIL name: why".
: "${BUCKLE:=./buckle}" "${BUILD:=build}" "${TMP:=/tmp}" "${RESULTS:=/dev/stdout}"

pass() { echo "PASS $1" >>"$RESULTS"; }
fail() { echo "FAIL $1: $2" >>"$RESULTS"; echo "FAIL $1: $2" >&2; }
# skip NAME WHY: a check that cannot run here, and why
skip() { echo "SKIP $1: $2" >>"$RESULTS"; }

# scratch_dir NAME: makes $TMP/NAME, empty, for the script's files, and
# prints its path (D=$(scratch_dir NAME))
scratch_dir() {
    rm -rf "$TMP/$1" && mkdir -p "$TMP/$1" && printf '%s\n' "$TMP/$1"
}

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
# has_text FILE TEXT: 0 when FILE has TEXT (as it is); a TEXT of several
# lines stands in that many consecutive lines of FILE: its first line at
# the end of one, its last at the start of the last, the others whole
# (grep -F alone takes any one of its lines)
has_text() {
    case $2 in
    *'
'*) HAS_TEXT=$2 awk 'BEGIN { n = split(ENVIRON["HAS_TEXT"], w, "\n") }
        { l[NR] = $0 }
        function at(i, k,    s) {
            s = l[i + k - 1]
            if (k == 1) return length(s) >= length(w[1]) && substr(s, length(s) - length(w[1]) + 1) == w[1]
            if (k == n) return substr(s, 1, length(w[n])) == w[n]
            return s == w[k]
        }
        END {
            for (i = 1; i + n - 1 <= NR; i++) {
                for (k = 1; k <= n && at(i, k); k++) { }
                if (k > n) exit 0
            }
            exit 1
        }' "$1" ;;
    *) grep -qF -- "$2" "$1" ;;
    esac
}

expect_err_has() {  # NAME TEXT
    if has_text "$TMP/err" "$2"; then pass "$1"; else fail "$1" "stderr lacks '$2': $(head -c 600 "$TMP/err")"; fi
}
expect_out_has() {  # NAME TEXT
    if has_text "$TMP/out" "$2"; then pass "$1"; else fail "$1" "stdout lacks '$2'"; fi
}
expect_out_lacks() {  # NAME TEXT
    if grep -qF -- "$2" "$TMP/out"; then fail "$1" "stdout has '$2'"; else pass "$1"; fi
}
expect_same() {  # NAME FILE1 FILE2
    if cmp -s "$2" "$3"; then pass "$1"; else fail "$1" "$(diff "$2" "$3" | head -20)"; fi
}

# landlock_or_exit GROUP: after a probe run (its stderr in $TMP/err), ends
# the script with one SKIP line when this kernel offers no Landlock
landlock_or_exit() {
    if grep -q "offers no Landlock" "$TMP/err"; then skip "$1: every check" "this kernel has no Landlock"; exit 0; fi
}

# agent_inrun CMD [VAR=VALUE...]: after agent_setup, runs the shell
# command CMD under the agent profile from the repository $U/w, with its own
# home and TMPDIR and the environment given (check name $T)
agent_inrun() {
    _c=$1
    shift
    run "$T" env -C "$U/w" HOME="$U/home" TMPDIR="$U/tmp" "$@" "$B" run --no-cache --linux-accept=files,new-paths "$P" -- sh -c "$_c"
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

# line_of FILE TEXT: the number of the first line of FILE that has TEXT
# (as it is), for a check that names a rule of a corpus profile by its line
# (corpus/std/agent.buckle:22): it follows an edit above that rule; empty
# when no line has TEXT, so the check fails
line_of() { grep -nF -- "$2" "$1" | head -n 1 | cut -d: -f1; }

# abspath FILE: the physical absolute path of an existing file
abspath() { echo "$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")"; }

# linux_only LABEL: skips every check LABEL has (exit 0) off Linux
linux_only() {
    if [ "$(uname -s)" != Linux ]; then skip "$1: every check" "not Linux"; exit 0; fi
}

# needs_git LABEL: skips every check LABEL has (exit 0) without git
needs_git() {
    if ! command -v git >/dev/null 2>&1; then echo "SKIP $1: every check: git is not installed" >>"$RESULTS"; exit 0; fi
}

# unprivileged LABEL: as, the prefix that runs a command as an unprivileged
# user (uid 65534 through setpriv) when the suite runs as root, else empty;
# skips every check LABEL has (exit 0) as root without setpriv
unprivileged() {
    as=
    if [ "$(id -u)" = 0 ]; then
        if ! command -v setpriv >/dev/null 2>&1; then
            echo "SKIP $1: every check: root without setpriv" >>"$RESULTS"
            exit 0
        fi
        as="setpriv --reuid=65534 --regid=65534 --clear-groups"
    fi
}

# fresh_dir NAME SUBDIR...: R, a new $TMP/NAME with those directories in
# it, by its physical path
fresh_dir() {
    R="$TMP/$1"
    shift
    rm -rf "$R"
    mkdir -p "$R"
    for _s in "$@"; do mkdir -p "$R/$_s"; done
    R=$(cd "$R" && pwd -P)
}

# agent_world NAME SUBDIR...: fresh_dir NAME with prof, home and tmp
# besides, $R/prof/agent.buckle (extends std/agent), and HOME and TMPDIR
# exported as $R/home and $R/tmp
agent_world() {
    _n=$1
    shift
    fresh_dir "$_n" prof home tmp "$@"
    printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
    export HOME="$R/home" TMPDIR="$R/tmp"
}

# agent_copy DIR BIN: a copy of BIN as DIR/buckle beside the standard
# library (DIR/corpus/std), and DIR/prof/agent.buckle (extends std/agent)
agent_copy() {
    mkdir -p "$1/corpus" "$1/prof"
    cp "$2" "$1/buckle"
    cp -R corpus/std "$1/corpus/std"
    printf 'extends "std/agent";\n' >"$1/prof/agent.buckle"
}

# landlock_abi: the Landlock ABI the last run said on stderr ($TMP/err), 0
# when it said none
landlock_abi() {
    _abi=$(sed -n 's/^buckle run: landlock ABI \([0-9]*\):.*/\1/p' "$TMP/err")
    echo "${_abi:-0}"
}

# qans PROFILE QUERY-ARGS...: the first word of the Linux answer of $B
qans() {
    _p=$1; shift
    "$B" query --platform linux "$_p" "$@" 2>&1 | head -1 | cut -d' ' -f1
}

# agent_setup TAG NAME: the set-up of a live std/agent check on Linux: skips
# every check NAME has (exit 0) off Linux or without git; sets U (a private
# directory, removed at exit, with corpus/std, prof, home and tmp), B (a copy
# of buckle beside that std), P (a profile that extends std/agent) and makes
# the repository $U/w
agent_setup() {
    linux_only "$2"
    needs_git "$2"
    unset BUCKLE_SANDBOX_EXEC BUCKLE_PATH
    U=$(mktemp -d "${TMPDIR:-/tmp}/buckle-$1.XXXXXX")
    U=$(cd "$U" && pwd -P)
    trap 'rm -rf "$U"' EXIT
    mkdir -p "$U/home" "$U/tmp"
    agent_copy "$U" "$BUCKLE"
    B=$U/buckle
    P=$U/prof/agent.buckle
    git init -q "$U/w"
}
