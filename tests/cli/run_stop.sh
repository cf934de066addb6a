# run_stop.sh - tests/run.sh stops when it is told to (TERM): the groups
# after do not run, and it exits non-zero.  Runs a copy of it on two groups
# of its own, the first of which stops it.
. tests/lib.sh
d="$TMP/run-stop"
rm -rf "$d" && mkdir -p "$d/tests/cli" "$d/tests/lsp" "$d/b"
cp tests/run.sh "$d/tests/"
printf '#!/bin/sh\necho "unit-tests done"\n' >"$d/b/unit-tests"
chmod +x "$d/b/unit-tests"
printf 'kill -TERM $PPID\n' >"$d/tests/cli/a.sh"
printf ': >"%s/b-ran"\n' "$d" >"$d/tests/cli/b.sh"
(cd "$d" && env -u SUMMARY -u LABEL BUILD=b sh tests/run.sh) >"$TMP/run-stop.out" 2>&1
rc=$?
if [ -e "$d/b-ran" ]; then fail "run stop: no group runs after TERM" "$(cat "$TMP/run-stop.out")"
else pass "run stop: no group runs after TERM"; fi
if [ "$rc" -ne 0 ]; then pass "run stop: ... and it exits non-zero"; else fail "run stop: ... and it exits non-zero" "exit 0"; fi
