#!/bin/sh
# valgrind.sh - runs the CLI on every profile and case file under memcheck;
# fails on any leak or memory error.  `make valgrind`.
set -u
B=${BUCKLE:-./buckle}
# the runs go through the stand-in: the test build honours it (make test-tools)
BT=$(dirname "$B")/buckle-test
[ -x "$BT" ] || BT=${BUILD:-build}/buckle-test
fail=0; n=0
for f in corpus/examples/*.buckle $(find corpus/std -name '*.buckle') tests/errors/*.buckle tests/lint/*.buckle tests/diff/*.buckle; do
    for cmd in "compile -o /dev/null" "lint" "test"; do
        n=$((n + 1))
        # shellcheck disable=SC2086
        valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
            "$B" $cmd "$f" >/dev/null 2>/tmp/vg.$$
        if [ $? -eq 99 ]; then fail=$((fail + 1)); echo "FAIL valgrind: $cmd $f"; head -20 /tmp/vg.$$; fi
    done
done
# compile -o FILE streams the profile; every file recycling its parse nodes
VO=$(mktemp -d)
for f in corpus/examples/*.buckle tests/diff/*.buckle; do
    n=$((n + 1))
    valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
        "$B" compile -I corpus --test-recycle-bytes 1 "$f" -o "$VO/out.sb" >/dev/null 2>/tmp/vg.$$
    if [ $? -eq 99 ]; then fail=$((fail + 1)); echo "FAIL valgrind: compile (streamed, recycled) $f"; head -20 /tmp/vg.$$; fi
done
rm -rf "$VO"
# lint of many files: each compilation starts on the memory of the one before
# (compile_opts.pool), large after small and small after large
n=$((n + 1))
# shellcheck disable=SC2046
valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
    "$B" lint -I corpus corpus/examples/srt-small.buckle corpus/examples/srt-large.buckle tests/errors/*.buckle \
    corpus/examples/*.buckle tests/lint/*.buckle >/dev/null 2>/tmp/vg.$$
if [ $? -eq 99 ]; then fail=$((fail + 1)); echo "FAIL valgrind: lint of many files"; head -20 /tmp/vg.$$; fi
for f in tests/sbpl/*.sb tests/lint/*.sb; do
    n=$((n + 1))
    valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 "$B" lint "$f" >/dev/null 2>/tmp/vg.$$
    if [ $? -eq 99 ]; then fail=$((fail + 1)); echo "FAIL valgrind: lint $f"; head -20 /tmp/vg.$$; fi
done
# buckle run (the command is /bin/true standing in for sandbox-exec): a cache
# miss, a hit, --no-cache, --dry-run, a damaged entry, an .sb profile
# (the example allows no exec: it runs through a profile that extends it);
# a forged entry (its profile bytes changed) is compiled again
VT=$(mktemp -d)
printf 'extends "%s/corpus/examples/agent.buckle";\nprocess { allow exec "/usr/bin", "/bin"; }\nfiles { allow read "/usr/bin", "/bin"; }\n' "$(pwd)" >"$VT/agent.buckle"
for args in "$VT/agent.buckle" "$VT/agent.buckle" "--no-cache $VT/agent.buckle" \
            "--dry-run corpus/examples/srt-small.buckle" "damage $VT/agent.buckle" "forge $VT/agent.buckle" "tests/sbpl/01-order-deny-after-allow.sb"; do
    case $args in damage*) for e in "$VT"/buckle-cache-*/cache-*.bc; do printf 'x' >"$e"; done; args=${args#damage }; esac
    case $args in forge*) for e in "$VT"/buckle-cache-*/cache-*.bc; do sed 's/allow/alloW/' "$e" >"$VT/f" && cat "$VT/f" >"$e"; done; args=${args#forge }; esac
    n=$((n + 1))
    # shellcheck disable=SC2086
    TMPDIR="$VT" BUCKLE_TEST_CACHE_PARENT="$VT" BUCKLE_SANDBOX_EXEC=/bin/true valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
        --error-exitcode=99 "$BT" run --force $args -- true >/dev/null 2>/tmp/vg.$$
    if [ $? -eq 99 ]; then fail=$((fail + 1)); echo "FAIL valgrind: run $args"; head -20 /tmp/vg.$$; fi
done
rm -rf "$VT"
rm -f /tmp/vg.$$
echo "valgrind: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
