#!/bin/sh
# bench/sandbox_time.sh - macOS only: how long `sandbox-exec -f PROFILE
# /usr/bin/true` takes with srt's profile and with buckle's of each benchmark
# configuration; median of 20 runs each, in turn, printed as a markdown
# table.  buckle's is the profile `buckle run` hands to sandbox-exec, the
# values inlined (bench/srt_run_profile.sh).  Seatbelt parses and compiles
# the profile at every launch: this is the cost a profile's size puts on
# every sandboxed command.  Needs node and npm for srt's profiles
# (bench/srt/srt_gen.mjs); the macOS CI workflow runs it.
set -eu
B=${BUCKLE:-./buckle}
RUNS=${RUNS:-20}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
[ "$(uname -s)" = Darwin ] || { echo "sandbox_time.sh: sandbox-exec exists only on macOS" >&2; exit 2; }
SRT_PEER_DIR=${SRT_PEER_DIR:-$HOME/.cache/buckle-bench/srt-peer}
export SRT_PEER_DIR
if [ ! -d "$SRT_PEER_DIR/node_modules/@anthropic-ai/sandbox-runtime" ]; then
    npm --prefix "$SRT_PEER_DIR" install @anthropic-ai/sandbox-runtime@0.0.83 >/dev/null
fi
node bench/srt/srt_gen.mjs --iters small=1,medium=1,large=1 --out "$T/srt" >"$T/srt.txt"
# buckle's: the profile buckle run hands to sandbox-exec, values inlined
# (bench/srt_run_profile.sh)
for n in small medium large; do
    BUCKLE="$B" sh bench/srt_run_profile.sh "$n" "$T/buckle-$n.sb"
done
printf '(version 1)\n(allow default)\n' >"$T/allow-all.sb"
# median_ms CMD...: RUNS runs; the median wall time in ms, or "failed (rc N)"
median_ms() {
    perl -MTime::HiRes=time -e '
        my $runs = shift; my @t;
        for (1 .. $runs) {
            my $s = time; my $rc = system { $ARGV[0] } @ARGV; my $e = time;
            if ($rc != 0) { printf "failed (rc %d)\n", $rc >> 8; exit 0 }
            push @t, ($e - $s) * 1000;
        }
        @t = sort { $a <=> $b } @t;
        my $m = @t % 2 ? $t[$#t / 2] : ($t[@t / 2 - 1] + $t[@t / 2]) / 2;
        printf "%.2f\n", $m;' "$RUNS" "$@"
}
echo "## sandbox-exec -f PROFILE /usr/bin/true (median of $RUNS runs, ms)"
echo
echo "floor: /usr/bin/true alone $(median_ms /usr/bin/true) ms; under an allow-all profile $(median_ms /usr/bin/sandbox-exec -f "$T/allow-all.sb" /usr/bin/true) ms"
echo
echo "| config | srt bytes | srt filters | srt ms | buckle bytes | buckle filters | buckle ms | srt / buckle |"
echo "|---|---|---|---|---|---|---|---|"
for n in small medium large; do
    # shellcheck disable=SC2046
    set -- $(sh bench/sbpl_size.sh "$T/srt/$n.sb") $(sh bench/sbpl_size.sh "$T/buckle-$n.sb")
    ts=$(median_ms /usr/bin/sandbox-exec -f "$T/srt/$n.sb" /usr/bin/true)
    tb=$(median_ms /usr/bin/sandbox-exec -f "$T/buckle-$n.sb" /usr/bin/true)
    r=$(awk -v a="$ts" -v b="$tb" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2fx", a / b; else print "-" }')
    echo "| $n | $1 | $2 | $ts | $3 | $4 | $tb | $r |"
done
