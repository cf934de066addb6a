# lib_checks.sh - the assertions of tests/lib.sh themselves: a text of
# several lines is looked for as consecutive lines, in order, as it is
# (not as any one of its lines, which grep -F takes)
. tests/lib.sh
printf ';; parameters: HOME WORKDIR PROJ\n;;   pass each\nlast\n' >"$TMP/out"
cp "$TMP/out" "$TMP/err"
outcome() {  # CHECK TEXT: PASS or FAIL, what the check (expect_out_has, expect_err_has) records
    _keep=$RESULTS
    RESULTS=$TMP/lib-checks.r
    : >"$RESULTS"
    "$1" "one" "$2" 2>/dev/null
    _o=$(head -n 1 "$RESULTS" | cut -d" " -f1)
    RESULTS=$_keep
    echo "$_o"
}
want() {  # NAME TEXT PASS|FAIL
    for c in expect_out_has expect_err_has; do
        got=$(outcome $c "$2")
        if [ "$got" = "$3" ]; then pass "lib: $c: $1"; else fail "lib: $c: $1" "it gave $got, want $3"; fi
    done
}
want "a line's part" "HOME WORKDIR" PASS
want "two lines, in order" "PROJ
;;   pass" PASS
want "the whole text" ";; parameters: HOME WORKDIR PROJ
;;   pass each
last" PASS
want "a first line that does not end there" ";; parameters: HOME WORKDIR
;;" FAIL
want "a last line that does not start there" "PROJ
pass each" FAIL
want "a middle line that is not all of its line" "PROJ
pass each
last" FAIL
want "lines out of order" ";;   pass each
;; parameters" FAIL
want "lines apart" "PROJ
last" FAIL
