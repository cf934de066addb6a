# import_agree.sh - buckle import --from srt decides like srt's own profile.
# tests/import/srt-NAME.answers holds srt's answers (bench/srt-import.sh
# --record: srt's generated profile asked through the evaluator) to five
# file operations on every path its benchmark configuration names and a
# child of each.  The import (corpus/examples/srt-NAME.buckle, which
# import.sh checks is the import's output), compiled with the same values,
# must give the same answer wherever srt's is decided; where the evaluator
# cannot decide srt's (a vnode-type or metadata filter, docs/daily.md) the
# request is counted apart.  The figures are held exactly.
. tests/lib.sh
A=$(scratch_dir agree)
OPS="file-read-data file-read-metadata file-write-data file-write-create file-write-unlink"
# NAME same total: the figures bench/srt-import.sh prints
for want in "small 118 120" "medium 414 520" "large 16326 20410"; do
    set -- $want
    n=$1
    "$BUCKLE" compile -I corpus -D HOME=/Users/bench -D WORKDIR=/Users/bench/src/acme-monorepo \
        "corpus/examples/srt-$n.buckle" -o "$A/$n.sb" 2>"$A/err"
    # the requests, and srt's answers, a line each
    awk -v ops="$OPS" 'BEGIN { k = split(ops, op, " ") }
        { p = $0; sub(/^[^ ]+ /, "", p); for (i = 1; i <= k; i++) print op[i] " " p }' "tests/import/srt-$n.answers" >"$A/req"
    awk '{ for (i = 1; i <= length($1); i++) print substr($1, i, 1) }' "tests/import/srt-$n.answers" >"$A/srt"
    "$BUILD/query-batch" "$A/$n.sb" HOME=/Users/bench WORKDIR=/Users/bench/src/acme-monorepo <"$A/req" >"$A/buckle" 2>>"$A/err"
    cut -c1 "$A/buckle" | paste -d' ' "$A/srt" - "$A/req" >"$A/both"
    total=$(wc -l <"$A/req" | tr -d ' ')
    got=$(wc -l <"$A/buckle" | tr -d ' ')
    same=$(awk '$1 == $2' "$A/both" | wc -l | tr -d ' ')
    wrong=$(awk '$1 != "u" && $1 != $2' "$A/both")
    [ "$got" = "$total" ] && [ "$total" -gt 0 ] && pass "import agree: srt-$n: every request answered ($total)" \
        || fail "import agree: srt-$n: every request answered" "$got of $total: $(head -3 "$A/err")"
    [ -z "$wrong" ] && pass "import agree: srt-$n: every answer srt's profile decides, the import decides alike" \
        || fail "import agree: srt-$n: every answer srt's profile decides, the import decides alike" "$(echo "$wrong" | head -5)"
    [ "$same" = "$2" ] && [ "$total" = "$3" ] && pass "import agree: srt-$n: $same of $total requests decided alike" \
        || fail "import agree: srt-$n: $2 of $3 requests decided alike" "now $same of $total"
done
