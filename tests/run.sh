#!/bin/sh
# run.sh - runs every test group of `make check`; the last line is
# "N passed, N failed" (plus ", N skipped").
set -u
BUCKLE=${BUCKLE:-./buckle}
BUILD=${BUILD:-build}
export LC_ALL=C
TMP=$(mktemp -d "${TMPDIR:-/tmp}/buckle-test.XXXXXX")
RESULTS="$TMP/results"
: >"$RESULTS"
# told to stop, it stops (a trap alone would go on with the next group)
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
export BUCKLE BUILD TMP RESULTS

group() { printf '== %s\n' "$1"; }

# The run cache of the user running the suite (where the installed buckle
# keeps it: /tmp/buckle-cache-UID on macOS, elsewhere buckle in .cache of
# the home directory the password database names) is no test's to write:
# they run the test build with a cache of their own (runner_env in
# tests/lib.sh).  After each group, an entry there that names the suite's
# files (its temporary directory or this tree) that was not there before
# is a failure of that group.
real_cache() {
    if [ "$(uname -s)" = Darwin ]; then echo "/tmp/buckle-cache-$(id -u)"; return; fi
    h=$(getent passwd "$(id -u)" 2>/dev/null | cut -d: -f6)
    [ -n "$h" ] || h=$(awk -F: -v u="$(id -u)" '$3 == u { print $6; exit }' /etc/passwd 2>/dev/null)
    [ -n "$h" ] && [ "$h" != / ] && echo "${h%/}/.cache/buckle"
}
REAL_CACHE=$(real_cache)
TOP=$(pwd -P)
TMPP=$(cd "$TMP" && pwd -P)
ours() {  # FILE: the real cache's entries that name the suite's files, sorted
    if [ -n "$REAL_CACHE" ] && [ -d "$REAL_CACHE" ]; then
        grep -l -a -F -e "$TMP" -e "$TMPP" -e "$TOP" "$REAL_CACHE"/cache-* 2>/dev/null | LC_ALL=C sort
    fi >"$1"
}
cache_check() {  # GROUP
    ours "$TMP/cache.after"
    n=$(LC_ALL=C comm -13 "$TMP/cache.before" "$TMP/cache.after" | wc -l | tr -d ' ')
    [ "$n" -eq 0 ] || echo "FAIL run cache: $1 wrote $n entries into the real run cache $REAL_CACHE" >>"$RESULTS"
    mv "$TMP/cache.after" "$TMP/cache.before"
}
ours "$TMP/cache.before"

# 1. unit tests (C)
group unit
"$BUILD/unit-tests" >"$TMP/unit.out" 2>&1
cat "$TMP/unit.out" | grep -v '^ok ' || true
sed -n 's/^ok \(.*\)/PASS unit: \1/p; s/^FAIL \(.*\)/FAIL unit: \1/p' "$TMP/unit.out" >>"$RESULTS"
# a case is named "group: what it checks"; a bare group name is not a case
grep '^ok ' "$TMP/unit.out" | grep -v '^ok [^ :][^:]*: .' | sed 's/^ok \(.*\)/FAIL unit: "\1" is not named "group: what it checks"/' >>"$RESULTS"
grep -q '^unit-tests done$' "$TMP/unit.out" || echo "FAIL unit: the unit test binary did not finish" >>"$RESULTS"
cache_check unit

# 2. every script in tests/cli (golden, errors, read-back, determinism, CLI)
#    and tests/lsp (the language server: protocol, and Neovim as its client)
for t in tests/cli/*.sh tests/lsp/*.sh; do
    group "$t"
    sh "$t" || echo "FAIL $t: exited with $?" >>"$RESULTS"
    cache_check "$t"
done
grep -q '^FAIL run cache: ' "$RESULTS" || echo "PASS run cache: the suite leaves the real run cache ${REAL_CACHE:-(none)} as it was" >>"$RESULTS"

grep '^FAIL' "$RESULTS" || true
pass=$(grep -c '^PASS' "$RESULTS")
fail=$(grep -c '^FAIL' "$RESULTS")
skip=$(grep -c '^SKIP' "$RESULTS")
label=${LABEL:+$LABEL: }
if [ "$skip" -gt 0 ]; then
    grep '^SKIP' "$RESULTS"
    echo "$label$pass passed, $fail failed, $skip skipped"
else
    echo "$label$pass passed, $fail failed"
fi
[ -n "${SUMMARY:-}" ] && echo "${LABEL:-tests} $pass $fail $skip" >>"$SUMMARY"
[ "$fail" -eq 0 ]
