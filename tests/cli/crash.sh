# crash.sh - every reproducer the fuzzers found (tests/crash/) runs through the
# CLI: it must end with exit 0 or 1 and no sanitizer report (make check runs
# this file in the ASan+UBSan build too).  The file name says which harness:
# compile-*, sbpl-* (an .sb file), lint-* (first byte: even .buckle, odd .sb),
# fmt-* (fmt of a .buckle file); any other name is a failure, so that no
# reproducer is silently left out.
. tests/lib.sh
n=0
for f in tests/crash/* tests/crash/.[!.]*; do
    [ -e "$f" ] || continue
    [ -f "$f" ] || { fail "crash: $f" "not a regular file"; continue; }
    n=$((n + 1))
    b=$(basename "$f")
    case "$b" in
    compile-*) run "crash: $b" "$BUCKLE" compile "$f" -o /dev/null ;;
    fmt-*) cp "$f" "$TMP/c.buckle"; run "crash: $b" "$BUCKLE" fmt "$TMP/c.buckle" ;;
    sbpl-*) cp "$f" "$TMP/c.sb"; run "crash: $b" "$BUCKLE" lint "$TMP/c.sb" ;;
    lint-*)
        first=$(od -An -tu1 -N1 "$f" | tr -d ' ')
        ext=buckle; [ $((first % 2)) -eq 1 ] && ext=sb
        tail -c +2 "$f" >"$TMP/c.$ext"
        run "crash: $b" "$BUCKLE" lint "$TMP/c.$ext" ;;
    *) fail "crash: $b" "unknown prefix: name reproducers compile-*, sbpl-*, lint-* or fmt-*"; continue ;;
    esac
    if [ "$RC" -le 1 ] && ! grep -q 'Sanitizer\|runtime error' "$TMP/err"; then pass "crash: $b"
    else fail "crash: $b" "exit $RC: $(head -c 300 "$TMP/err")"; fi
done
[ "$n" -gt 0 ] && pass "crash: reproducers found ($n)" || fail "crash: reproducers found" "tests/crash/ is empty"
