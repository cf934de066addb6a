#!/bin/sh
# real-sb-import.sh DIR - imports every profile listed in DIR/MANIFEST.tsv
# (the corpus tools/real-sb-report.sh reads, kept outside the repository)
# with `buckle import`, compares each import with its original by `buckle
# diff`, and prints how many round-trip, how many are refused and why, and
# every file whose import decides differently (there should be none: a wrong
# import is worse than a refusal).  buckle diff leaves out of the comparison
# the forms an import keeps in sbpl verbatim blocks, as the import's own
# check does, unless they can be evaluated with the values given (docs/daily.md).
#
# A fragment (imported without a default) is compared as part of a profile
# that denies by default: the original with (deny default) added, inside its
# C++ raw string literal when it has one.  Environment: BUCKLE (default
# ./buckle).  Exit 2 when DIR has no manifest, 1 when an import decides
# differently, else 0.
set -u
dir=${1:?usage: real-sb-import.sh DIR}
B=${BUCKLE:-./buckle}
m="$dir/MANIFEST.tsv"
[ -f "$m" ] || { echo "real-sb-import: no $m" >&2; exit 2; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0 ok=0 refused=0 wrong=0 verb=0
: >"$tmp/causes"
: >"$tmp/wrong"
tab=$(printf '\t')
while IFS="$tab" read -r f _rest; do
    [ -n "$f" ] || continue
    n=$((n + 1))
    # buckle diff tells SBPL from .buckle by the name: the original as .sb
    cp "$dir/$f" "$tmp/orig.sb"
    rm -f "$tmp/out.buckle"
    if ! "$B" import -I "$(dirname "$dir/$f")" -o "$tmp/out.buckle" "$tmp/orig.sb" >/dev/null 2>"$tmp/err" </dev/null; then
        refused=$((refused + 1))
        why=$(grep -m1 ': error: ' "$tmp/err" | sed 's/^[^:]*:[0-9]*:[0-9]*: error: //; s/"[^"]*"/"…"/g; s/(import [^)]*)*/(import …)/' | cut -c1-110)
        echo "${why:-no message}	$f" >>"$tmp/causes"
        continue
    fi
    args=$(sed -n 's/^param \([A-Za-z_][A-Za-z0-9_]*\);$/-D \1=\/Users\/test\/import-\1/p' "$tmp/out.buckle" | tr '\n' ' ')
    if grep -q '^# A fragment' "$tmp/out.buckle"; then
        if head -c 2 "$tmp/orig.sb" | grep -q '^R"'; then
            sed '$d' "$dir/$f" >"$tmp/orig.sb"
            printf '(deny default)\n' >>"$tmp/orig.sb"
            tail -n 1 "$dir/$f" >>"$tmp/orig.sb"
        else
            printf '\n(deny default)\n' >>"$tmp/orig.sb"
        fi
    fi
    # shellcheck disable=SC2086
    if "$B" diff -I "$(dirname "$dir/$f")" $args "$tmp/orig.sb" "$tmp/out.buckle" >"$tmp/diff" 2>&1 </dev/null; then
        ok=$((ok + 1))
        grep -q '^sbpl verbatim' "$tmp/out.buckle" && verb=$((verb + 1))
    else
        wrong=$((wrong + 1))
        echo "  $f: $(grep -m1 'requests' "$tmp/diff")" >>"$tmp/wrong"
    fi
done <"$m"
echo "files: $n"
echo "imported and round-trip: $ok ($verb of them keep forms in sbpl verbatim blocks)"
echo "refused: $refused"
echo "imported with a decision change: $wrong"
[ -s "$tmp/wrong" ] && cat "$tmp/wrong"
if [ -s "$tmp/causes" ]; then
    echo "causes of refusal:"
    cut -f1 "$tmp/causes" | sort | uniq -c | sort -rn | sed 's/^ */  /'
fi
[ "$wrong" -eq 0 ]
