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
trap 'rm -rf "$TMP"' EXIT INT TERM
export BUCKLE BUILD TMP RESULTS

group() { printf '== %s\n' "$1"; }

# 1. unit tests (C)
group unit
"$BUILD/unit-tests" >"$TMP/unit.out" 2>&1
cat "$TMP/unit.out" | grep -v '^ok ' || true
sed -n 's/^ok \(.*\)/PASS unit: \1/p; s/^FAIL \(.*\)/FAIL unit: \1/p' "$TMP/unit.out" >>"$RESULTS"
# a case is named "group: what it checks"; a bare group name is not a case
grep '^ok ' "$TMP/unit.out" | grep -v '^ok [^ :][^:]*: .' | sed 's/^ok \(.*\)/FAIL unit: "\1" is not named "group: what it checks"/' >>"$RESULTS"
grep -q '^unit-tests done$' "$TMP/unit.out" || echo "FAIL unit: the unit test binary did not finish" >>"$RESULTS"

# 2. every script in tests/cli (golden, errors, read-back, determinism, CLI)
#    and tests/lsp (the language server: protocol, and Neovim as its client)
for t in tests/cli/*.sh tests/lsp/*.sh; do
    group "$t"
    sh "$t" || echo "FAIL $t: exited with $?" >>"$RESULTS"
done

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
