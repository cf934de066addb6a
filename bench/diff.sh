#!/bin/sh
# diff.sh - `buckle diff` on the srt examples: each compiled golden (.sb)
# against its source (.buckle), the review of a migration that keeps the
# meaning, and the large source against a copy with one deny dropped (a
# pair that differs).  Each pair is run RUNS times (default 5); the table
# gives the medians of the wall time, the user and the system processor
# time and the peak resident memory (on a shared machine the user time is
# the steadier figure).  With BUCKLE_OLD set, that binary is run in the
# same rounds, alternating with BUCKLE, and its medians are given beside
# (a before and after).  Run by make bench and make bench-diff.
set -u
B=${BUCKLE:-./buckle}
OLD=${BUCKLE_OLD:-}
RUNS=${RUNS:-5}
T=$(mktemp -d "${TMPDIR:-/tmp}/buckle-diff-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM

E=corpus/examples
sed '/deny read "\/Users\/bench\/cl\/use-0000";/d' "$E/srt-large.buckle" >"$T/srt-large-less.buckle"

# "wall user system peak-KB" of one run, or "- - - -" where no time(1) reports them
usage() {
    if /usr/bin/time -v true >/dev/null 2>&1; then
        /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 }
            /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
            /Maximum resident set size/ { m = $2 } END { printf "%.2f %.2f %.2f %s\n", w, u, s, m }'
    elif /usr/bin/time -l true >/dev/null 2>&1; then
        /usr/bin/time -l "$@" 2>&1 >/dev/null | awk '/ real / { w = $1; u = $3; s = $5 } /maximum resident set size/ { m = $1 / 1024 }
            END { printf "%.2f %.2f %.2f %d\n", w, u, s, m }'
    else echo "- - - -"; fi
}

# the median of each column of FILE ("- - - -" lines give "-")
medians() {
    for c in 1 2 3 4; do
        cut -d' ' -f$c "$1" | sort -n | awk '{ v[NR] = $1 } END { if (!NR || v[1] == "-") printf "- "; else printf "%s ", v[int((NR + 1) / 2)] }'
    done
}

echo "## buckle diff (medians of $RUNS runs)"
echo
if [ -n "$OLD" ]; then
    echo "| pair | answer | wall (s) | user (s) | system (s) | peak RSS (KB) | before: wall, user, system, RSS |"
    echo "|---|---|---|---|---|---|---|"
else
    echo "| pair | answer | wall (s) | user (s) | system (s) | peak RSS (KB) |"
    echo "|---|---|---|---|---|---|"
fi
row() {  # LABEL OLD NEW
    label=$1; shift
    "$B" diff "$@" >"$T/out" 2>/dev/null
    rc=$?
    [ "$rc" -le 3 ] && [ "$rc" -ne 2 ] || { echo "buckle diff $* failed ($rc)" >&2; exit 1; }
    answer=$(head -1 "$T/out" | sed 's/^[^:]*: //; s/ (.*//; s/,.*//; s/;.*//')
    : >"$T/new"; : >"$T/old"
    r=0
    while [ "$r" -lt "$RUNS" ]; do
        usage "$B" diff "$@" >>"$T/new"
        [ -z "$OLD" ] || usage "$OLD" diff "$@" >>"$T/old"
        r=$((r + 1))
    done
    set -- $(medians "$T/new")
    if [ -n "$OLD" ]; then
        echo "| $label | $answer | $1 | $2 | $3 | $4 | $(medians "$T/old" | sed 's/ *$//; s/ /, /g') |"
    else
        echo "| $label | $answer | $1 | $2 | $3 | $4 |"
    fi
}
for n in small medium large; do
    row "srt-$n.sb -> srt-$n.buckle" -I corpus "$E/srt-$n.sb" "$E/srt-$n.buckle"
done
row "srt-large.buckle -> one deny dropped" -I corpus "$E/srt-large.buckle" "$T/srt-large-less.buckle"
