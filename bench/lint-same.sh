#!/bin/sh
# bench/lint-same.sh - proves that a change meant only to make lint faster
# changed nothing it reports: lints every .buckle and .sb file under corpus/
# and tests/ with two builds of buckle (text and json findings, the summary
# line and the exit status) and compares them byte for byte.
#
#   sh bench/lint-same.sh OLD_BUCKLE NEW_BUCKLE
#
# Prints the files whose results differ, then "N files, M identical"; exits 1
# when any differs.  Never part of make check (it needs a second build).
set -u
[ $# -eq 2 ] || { echo "usage: sh bench/lint-same.sh OLD_BUCKLE NEW_BUCKLE" >&2; exit 2; }
OLD=$1
NEW=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export LC_ALL=C
run() {
    for fmt in text json; do
        "$1" lint --color never --format "$fmt" "$2" >"$3.$fmt" 2>&1
        echo "exit $?" >>"$3.$fmt"
    done
    cat "$3.text" "$3.json"
}
n=0
same=0
for f in $(find corpus tests -name '*.buckle' -o -name '*.sb' | sort); do
    n=$((n + 1))
    run "$OLD" "$f" "$T/a" >"$T/old"
    run "$NEW" "$f" "$T/b" >"$T/new"
    if cmp -s "$T/old" "$T/new"; then same=$((same + 1)); else echo "differs: $f"; fi
done
echo "$n files, $same identical"
[ "$n" -eq "$same" ]
