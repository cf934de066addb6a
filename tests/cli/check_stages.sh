# check_stages.sh - the stages of make check (tests/check.sh) with stand-ins
# for the suite and the live tests: a failing stage does not stop the ones
# after it, each stage's "N passed, N failed" line is printed, the total is
# the last line, and any failure makes the whole fail.
. tests/lib.sh
d="$TMP/check-stages"
rm -rf "$d" && mkdir -p "$d/b"
# the suite: build fails one case, asan passes (and says what it was given)
cat >"$d/run.sh" <<'EOS'
case $LABEL in
build) echo "FAIL x: broken"; echo "build 3 1 0" >>"$SUMMARY"; exit 1 ;;
asan) echo "asan with ${ASAN_OPTIONS:-no ASAN_OPTIONS} and BUCKLE=$BUCKLE"; echo "asan 2 0 0" >>"$SUMMARY" ;;
*) echo "$LABEL 1 0 0" >>"$SUMMARY" ;;
esac
EOS
printf 'echo "PASS live: a"\necho "SKIP live: b"\necho "live: 1 passed, 0 failed, 2 skipped"\n' >"$d/live.sh"
stages() { env BUILD="$d/b" BUCKLE=./buckle CC=true SAN_FLAGS= SAN_MAKE=true RUN="$d/run.sh" LIVE="$d/live.sh" "$@" sh tests/check.sh; }

run "check stages: a failing first stage" stages
expect_rc "check stages: a failing first stage fails the whole" 1
expect_out_has "check stages: the sanitizer stage runs after a failing one" "asan with detect_leaks=1 and BUCKLE=$d/b-asan/buckle"
expect_out_has "check stages: the build stage's line" "build: 3 passed, 1 failed"
expect_out_has "check stages: the sanitizer stage's line" "asan: 2 passed, 0 failed"
expect_out_has "check stages: the live stage runs after a failing one" "live: 1 passed, 0 failed, 2 skipped"
expect_out_lacks "check stages: the live stage's passes are not repeated" "PASS live: a"
last=$(tail -n 1 "$TMP/out")
if [ "$last" = "6 passed, 1 failed, 2 skipped" ]; then pass "check stages: the total is the last line"
else fail "check stages: the total is the last line" "last line: $last"; fi

run "check stages: a failing sanitizer build" stages SAN_MAKE=false
expect_rc "check stages: a failing sanitizer build fails the whole" 1
expect_out_has "check stages: a failing sanitizer build is said" "FAIL asan: the sanitizer build failed"
expect_out_has "check stages: a failing sanitizer build counts" "asan: 0 passed, 1 failed"
expect_out_has "check stages: live after a failing sanitizer build" "live: 1 passed, 0 failed, 2 skipped"

printf 'echo "$LABEL 4 0 0" >>"$SUMMARY"\n' >"$d/run-ok.sh"
run "check stages: no sanitizer runtime" stages CC=false RUN="$d/run-ok.sh"
expect_rc "check stages: every stage passing passes" 0
expect_out_has "check stages: no sanitizer runtime is a SKIP" "SKIP: sanitizer build"
expect_out_has "check stages: a skipped sanitizer stage's line" "asan: 0 passed, 0 failed, 1 skipped"
last=$(tail -n 1 "$TMP/out")
if [ "$last" = "5 passed, 0 failed, 3 skipped" ]; then pass "check stages: the total when all pass"
else fail "check stages: the total when all pass" "last line: $last"; fi

printf 'exit 0\n' >"$d/run-quiet.sh"
run "check stages: a suite without its summary line" stages CC=false RUN="$d/run-quiet.sh"
expect_rc "check stages: a suite without its summary line fails" 1
expect_out_has "check stages: a suite without its summary line is said" "FAIL build: $d/run-quiet.sh ended without its summary line"
