#!/bin/sh
# bench/run_overhead.sh - the runner's overhead alone: /bin/true stands in for
# sandbox-exec (the command is not run), warm run cache, behind the no-op
# wrapper and behind `buckle run`, ROUNDS interleaved rounds (bench/interleave),
# no `env` in between (the environment is interleave's own).  The steady
# state is measured: the profiles are left to settle for three seconds and
# run twice before (a compile, then a hit that leaves the run cache's marks,
# docs/runner.md).
# Prints a markdown table: median ms and the difference against the wrapper.
#   sh bench/run_overhead.sh [ROUNDS] [OTHER_BUCKLE]
# OTHER_BUCKLE (optional): a second buckle binary measured in the same rounds
# (before/after comparisons); put it in build/, where it finds the standard
# library as ./buckle does.  Never part of make check.
set -eu
ROUNDS=${1:-500}
OTHER=${2:-}
B=${BUCKLE:-./buckle}
BUILD=${BUILD:-build}
R=$(pwd)
B=$(cd "$(dirname "$B")" && pwd)/$(basename "$B")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for n in small large; do
    printf 'extends "%s/corpus/examples/srt-%s.buckle";\nprocess { allow exec "/usr/bin/true"; }\nfiles { allow read "/usr/bin/true"; }\n' \
        "$R" "$n" >"$T/run-srt-$n.buckle"
done
mkdir -p "$T/tmp" "$T/cache"
sleep 3
BUCKLE_TEST_CACHE_PARENT=$T/cache
TMPDIR=$T/tmp
BUCKLE_SANDBOX_EXEC=/bin/true
export BUCKLE_TEST_CACHE_PARENT TMPDIR BUCKLE_SANDBOX_EXEC
set -- "no-op-wrapper=$R/$BUILD/noop-wrapper /bin/true"
for b in "$B" $OTHER; do
    l=$( [ "$b" = "$B" ] && echo buckle || echo other )
    for n in small large; do
        "$b" run "$T/run-srt-$n.buckle" -- /usr/bin/true || echo "warm-up failed: $b $n" >&2
        "$b" run "$T/run-srt-$n.buckle" -- /usr/bin/true || echo "warm-up failed: $b $n" >&2
        set -- "$@" "$l-$n=$b run $T/run-srt-$n.buckle -- /usr/bin/true"
    done
done
"$R/$BUILD/interleave" "$ROUNDS" "$@" >"$T/r"
echo "| command | median ms | minus no-op wrapper |"
echo "|---|---|---|"
awk 'NR == 1 { w = $2 } { d = ""; if (NR > 1) d = sprintf("%+.2f", $2 - w); printf "| %s | %.2f | %s |\n", $1, $2, d }' "$T/r"
