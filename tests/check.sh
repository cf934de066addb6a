#!/bin/sh
# check.sh - the stages of `make check`, each run whatever the ones before
# found: the test suite (tests/run.sh) on the normal build, then again on
# the ASan+UBSan build (a SKIP where the compiler has no sanitizer runtime),
# then the live tests.  Ends with each stage's "N passed, N failed" line and
# the total, the last line; exits 1 when any stage failed.
# From the Makefile: BUCKLE, BUILD, CC, SAN_FLAGS, and SAN_MAKE, the command
# that builds the test tools into $BUILD-asan.  RUN and LIVE name the
# stages' scripts (tests/cli/check_stages.sh gives stand-ins).
set -u
RUN=${RUN:-tests/run.sh}
LIVE=${LIVE:-tests/live/run_live.sh}
SUMMARY=$BUILD/summary
: >"$SUMMARY"

# stage LABEL BUCKLE BUILD [NAME=VALUE...]: the suite once (in that
# environment); a run that records nothing failed
stage() {
    label=$1 b=$2 d=$3
    shift 3
    env "$@" LABEL="$label" SUMMARY="$SUMMARY" LC_ALL=C BUCKLE="$b" BUILD="$d" sh "$RUN"
    grep -q "^$label " "$SUMMARY" ||
        { echo "FAIL $label: $RUN ended without its summary line"; echo "$label 0 1 0" >>"$SUMMARY"; }
}

stage build "$BUCKLE" "$BUILD"

# shellcheck disable=SC2086
if echo 'int main(void){return 0;}' | $CC -x c $SAN_FLAGS -o "$BUILD/.san-probe" - 2>/dev/null; then
    if sh -c "$SAN_MAKE" >"$BUILD/san-make.out" 2>&1; then
        echo "== sanitizer build (ASan+UBSan)"
        stage asan "$BUILD-asan/buckle" "$BUILD-asan" \
            ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    else
        tail -n 20 "$BUILD/san-make.out"
        echo "FAIL asan: the sanitizer build failed (above; all of it in $BUILD/san-make.out)"
        echo "asan 0 1 0" >>"$SUMMARY"
    fi
else
    echo "SKIP: sanitizer build: $CC has no ASan/UBSan runtime"
    echo "asan 0 0 1" >>"$SUMMARY"
fi

BUCKLE=$BUCKLE BUILD=$BUILD sh "$LIVE" >"$BUILD/live.out" 2>&1
grep -v '^PASS' "$BUILD/live.out"
sed -n 's/^live: \([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/live \1 \2 \3/p' "$BUILD/live.out" >>"$SUMMARY"
grep -q '^live ' "$SUMMARY" || { echo "FAIL live: $LIVE ended without its summary line"; echo "live 0 1 0" >>"$SUMMARY"; }

echo "== every stage"
awk '{ p += $2; f += $3; s += $4
       printf "%s: %d passed, %d failed%s\n", $1, $2, $3, $4 ? sprintf(", %d skipped", $4) : "" }
     END { if (s) printf "%d passed, %d failed, %d skipped\n", p, f, s
           else printf "%d passed, %d failed\n", p, f
           exit f > 0 }' "$SUMMARY"
