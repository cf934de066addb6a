#!/bin/sh
# diff.sh - `buckle diff` on the srt examples: each compiled golden (.sb)
# against its source (.buckle), the review of a migration that keeps the
# meaning, and the large source against a copy with one deny dropped (a
# pair that differs).  Prints the wall time (best of 3), the processor time
# of that run and the peak resident memory: the time grows with the
# profiles, the memory with the profiles only (the requests are asked one
# at a time; the lined-up values reuse the memory of the sides before).
# Run by make bench and make bench-diff.
set -u
B=${BUCKLE:-./buckle}
T=$(mktemp -d "${TMPDIR:-/tmp}/buckle-diff-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM

E=corpus/examples
sed '/deny read "\/Users\/bench\/cl\/use-0000";/d' "$E/srt-large.buckle" >"$T/srt-large-less.buckle"

now() { date +%s%N 2>/dev/null | awk '{ if ($0 ~ /N$/) print 0; else printf "%.3f\n", $0 / 1e9 }'; }

# "processor-seconds peak-KB" of one run, or "- -" where no time(1) reports them
usage() {
    if /usr/bin/time -v true >/dev/null 2>&1; then
        /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 }
            /Maximum resident set size/ { m = $2 } END { printf "%.2f %s\n", u + s, m }'
    elif /usr/bin/time -l true >/dev/null 2>&1; then
        /usr/bin/time -l "$@" 2>&1 >/dev/null | awk '/ user / { u = $3; s = $5 } /maximum resident set size/ { m = $1 / 1024 }
            END { printf "%.2f %d\n", u + s, m }'
    else echo "- -"; fi
}

echo "## buckle diff"
echo
echo "| pair | answer | best of 3 (s) | processor time (s) | peak RSS (KB) |"
echo "|---|---|---|---|---|"
row() {  # LABEL OLD NEW
    label=$1; shift
    "$B" diff "$@" >"$T/out" 2>/dev/null
    rc=$?
    [ "$rc" -le 1 ] || { echo "buckle diff $* failed ($rc)" >&2; exit 1; }
    answer=$(head -1 "$T/out" | sed 's/^[^:]*: //; s/ (.*//; s/,.*//')
    best=
    for r in 1 2 3; do
        t0=$(now)
        "$B" diff "$@" >/dev/null 2>&1
        t1=$(now)
        d=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        if [ -z "$best" ] || awk -v a="$d" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$d; fi
    done
    set -- $(usage "$B" diff "$@")
    echo "| $label | $answer | $best | $1 | $2 |"
}
for n in small medium large; do
    row "srt-$n.sb -> srt-$n.buckle" "$E/srt-$n.sb" "$E/srt-$n.buckle"
done
row "srt-large.buckle -> one deny dropped" "$E/srt-large.buckle" "$T/srt-large-less.buckle"
