#!/bin/sh
# bench/diff-same.sh - proves that a change meant only to make `buckle diff`
# faster or smaller changed no answer: runs two builds of buckle on the same
# pairs (text and json, standard output, standard error and exit status)
# and compares them byte for byte.  The pairs: every corpus/examples/*.sb
# against its .buckle and back; each example against a copy with a rule
# more and a deny fewer (pairs that differ); the large example against a
# copy with one deny dropped; a few examples against each other.
#
#   sh bench/diff-same.sh OLD_BUCKLE NEW_BUCKLE
#
# Prints one line per pair and format, then "N runs, M identical"; exits 1
# when any differs.  Never part of make check (it needs a second build, and
# the large pairs take seconds each).
set -u
[ $# -eq 2 ] || { echo "usage: sh bench/diff-same.sh OLD_BUCKLE NEW_BUCKLE" >&2; exit 2; }
OLD=$1
NEW=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export LC_ALL=C
E=corpus/examples
for f in "$E"/*.buckle; do
    n=$(basename "$f" .buckle)
    { cat "$f"; printf 'files { allow read "/opt/extra"; deny write "/tmp/zz"; }\n'; } >"$T/$n-more.buckle"
done
sed '/deny read "\/Users\/bench\/cl\/use-0000";/d' "$E/srt-large.buckle" >"$T/srt-large-less.buckle"
set --
for f in "$E"/*.sb; do set -- "$@" "$f" "${f%.sb}.buckle" "${f%.sb}.buckle" "$f"; done
for f in "$E"/*.buckle; do
    n=$(basename "$f" .buckle)
    [ "$n" = srt-large ] && continue
    set -- "$@" "$f" "$T/$n-more.buckle" "${f%.buckle}.sb" "$T/$n-more.buckle"
done
set -- "$@" "$E/srt-large.buckle" "$T/srt-large-less.buckle" "$E/srt-small.buckle" "$E/srt-medium.buckle" \
    "$E/srt-medium.sb" "$E/srt-large.sb" "$E/agent.sb" "$E/auditor.sb"
runs=0
same=0
while [ $# -ge 2 ]; do
    a=$1 b=$2
    shift 2
    for fmt in text json; do
        "$OLD" diff --format "$fmt" "$a" "$b" >"$T/o.out" 2>"$T/o.err"; orc=$?
        "$NEW" diff --format "$fmt" "$a" "$b" >"$T/n.out" 2>"$T/n.err"; nrc=$?
        runs=$((runs + 1))
        if [ "$orc" = "$nrc" ] && cmp -s "$T/o.out" "$T/n.out" && cmp -s "$T/o.err" "$T/n.err"; then
            same=$((same + 1))
            echo "same: $a $b ($fmt, exit $orc)"
        else
            echo "DIFFERS: $a $b ($fmt, exit $orc -> $nrc)"
        fi
    done
done
echo "$runs runs, $same identical"
[ "$runs" -eq "$same" ]
