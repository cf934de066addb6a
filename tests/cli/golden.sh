# golden.sh - corpus/examples/*.buckle compile to their .sb byte for byte
# (regenerate with `make golden` and review the diff), every compiled output
# reads back with the SBPL reader, and compiling is deterministic.
. tests/lib.sh
for f in corpus/examples/*.buckle; do
    sb=${f%.buckle}.sb
    n="golden: $f"
    run "$n" "$BUCKLE" compile "$f" -o "$TMP/g.sb"
    expect_rc "$n: compiles" 0
    expect_same "$n: matches $sb" "$sb" "$TMP/g.sb"
    run "$n" "$BUILD/sbpl-readback" "$TMP/g.sb"
    expect_rc "$n: reads back" 0
    "$BUCKLE" compile "$f" >"$TMP/g2.sb" 2>/dev/null
    expect_same "$n: deterministic" "$TMP/g.sb" "$TMP/g2.sb"
    "$BUCKLE" compile --stdin-filename "$f" - <"$f" >"$TMP/g3.sb" 2>"$TMP/err"
    expect_same "$n: same from stdin" "$TMP/g.sb" "$TMP/g3.sb"
done
# every standard profile compiles on its own and reads back
for f in $(find corpus/std -name '*.buckle' | sort); do
    n="std: $f"
    run "$n" "$BUCKLE" compile "$f" -o "$TMP/s.sb"
    expect_rc "$n: compiles" 0
    run "$n" "$BUILD/sbpl-readback" "$TMP/s.sb"
    expect_rc "$n: reads back" 0
    # its own expectations (std/agent's: every git hook and config place denied)
    run "$n: test" "$BUCKLE" test "$f"
    expect_rc "$n: its tests pass" 0
done
